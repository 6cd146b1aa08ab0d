"""Files referenced from records (scans, photos): inside data/, present, of the right type and size.
"""

from __future__ import annotations

import struct
from pathlib import Path, PurePosixPath

from generator.records import images
from generator.records.entries import Located
from generator.records.load import LoadedData, Loc
from generator.records.problems import Problem

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


MAX_PHOTO_BYTES = 2 * 1024 * 1024


MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


def check_file(entry: Located, loc: Loc, rel_path: str, loaded: LoadedData, suffixes: set[str],
                max_bytes: int, problems: list[Problem]) -> Path | None:
    """A file referenced from a record must stay inside data/, exist, and have an allowed type."""
    line = entry.line(*loc)
    data_dir = loaded.data_dir.resolve()
    candidate = PurePosixPath(rel_path)
    if candidate.is_absolute() or ".." in candidate.parts or "\\" in rel_path:
        problems.append(Problem(entry.path, line, "file_outside_data", {"value": rel_path}))
        return None
    path = loaded.data_dir / candidate
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(entry.path, line, "file_missing", {"value": rel_path}))
        return None
    if path.is_symlink() or not resolved.is_relative_to(data_dir):
        problems.append(Problem(entry.path, line, "file_outside_data", {"value": rel_path}))
        return None
    if not resolved.is_file():
        problems.append(Problem(entry.path, line, "file_missing", {"value": rel_path}))
        return None
    if resolved.suffix.lower() not in suffixes:
        problems.append(Problem(entry.path, line, "file_wrong_type",
                                {"value": rel_path, "allowed": ", ".join(sorted(suffixes))}))
        return None
    if resolved.stat().st_size > max_bytes:
        problems.append(Problem(entry.path, line, "file_too_large",
                                {"size": resolved.stat().st_size, "limit": max_bytes}))
        return None
    return resolved


def check_image(profile: Located, path: Path, shown: str, problems: list[Problem]) -> None:
    """The file must really be the image its name says, and readable enough to strip its metadata."""
    data = path.read_bytes()
    expected = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[path.suffix.lower()]
    try:
        ok = images.kind_of(data) == expected and images.strip_metadata(data)
    except (ValueError, struct.error):
        ok = False
    if not ok:
        problems.append(Problem(profile.path, profile.line("photo", "path"), "image_corrupt",
                                {"value": shown, "kind": expected.upper()}))
