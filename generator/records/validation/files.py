"""Files referenced from records (scans, photos): inside data/, present, of the right type and size.

Read through :mod:`generator.records.files`: no link anywhere below data/, no FIFO or device, no
control character in the path. Problems are reported at the line of the field that names the file.
"""

from __future__ import annotations

import struct
from pathlib import PurePosixPath

from generator.records import files, images
from generator.records.entries import Located
from generator.records.load import LoadedData, Loc
from generator.records.problems import Problem

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


MAX_PHOTO_BYTES = 2 * 1024 * 1024


MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


def check_file(entry: Located, loc: Loc, rel_path: str, loaded: LoadedData, suffixes: set[str],
               max_bytes: int, problems: list[Problem]) -> bytes | None:
    """A file referenced from a record must stay inside data/, exist, and have an allowed type.

    Returns its bytes, read safely, or None after adding a problem at the line of ``loc``.
    """
    line = entry.line(*loc)
    refusal = files.path_refusal(rel_path)
    if refusal:
        problems.append(refusal.problem(entry.path, line))
        return None
    if PurePosixPath(rel_path).suffix.lower() not in suffixes:
        if files.exists(loaded.data_dir, rel_path):
            problems.append(Problem(entry.path, line, "file_wrong_type",
                                    {"value": rel_path, "allowed": ", ".join(sorted(suffixes))}))
        else:
            problems.append(Problem(entry.path, line, "file_missing", {"value": rel_path}))
        return None
    return files.read_bytes(loaded.data_dir, rel_path, entry.path, problems, line, max_bytes)


def check_image(profile: Located, data: bytes, shown: str, problems: list[Problem]) -> None:
    """The file must really be the image its name says, and readable enough to strip its metadata."""
    expected = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[PurePosixPath(shown).suffix.lower()]
    try:
        ok = images.kind_of(data) == expected and images.strip_metadata(data)
    except (ValueError, struct.error, IndexError):
        ok = False
    if not ok:
        problems.append(Problem(profile.path, profile.line("photo", "path"), "image_corrupt",
                                {"value": shown, "kind": expected.upper()}))
