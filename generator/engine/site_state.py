"""What the last build published: every file of the site with its size and SHA-256 — the build's memory
for updating the site in place, and the manifest a deploy script compares to upload only changed files.

``<site>.state.json`` lives beside the site directory (never inside it, so it is not published):

    {"format": 2, "scan": "<key>", "files": {"quyet-dinh/2024/1-qd-ubnd/index.html": [size, "sha256", mtime]}}

``scan`` is the key of the personal-data check the files passed (the detector's code and the allowed
texts): a file with the same bytes and the same key need not be read again. The state is removed before
the site is changed and written after every change is in place, so a build killed half-way leaves no
state, and the next build replaces the whole site as a cold build does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 2


@dataclass
class SiteState:
    """The published files (site path → size, SHA-256) and the personal-data check they passed."""

    scan: str = ""
    files: dict[str, tuple[int, str]] = field(default_factory=dict)

    def unchanged(self, path: str, size: int, digest: str, scan: str) -> bool:
        """True when ``path`` was published with these bytes (``size``, SHA-256 ``digest``) and passed the
        same personal-data check (``scan``, see ``scan_key``)."""
        return scan == self.scan and self.files.get(path) == (size, digest)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def state_path(site_dir: Path) -> Path:
    return site_dir.with_name(f"{site_dir.name}.state.json")


def scan_key(allowed: tuple[str, ...]) -> str:
    """The personal-data check's identity: its detector's code and the texts a person allowed."""
    from generator.records import personal_data

    source = Path(personal_data.__file__).read_bytes()
    return sha256(source + json.dumps(sorted(allowed), ensure_ascii=False).encode("utf-8"))[:32]


def read(site_dir: Path) -> SiteState | None:
    """The last build's state, keeping only files still in the site as that build left them (same size
    and modification time): a file changed or deleted by hand is written again. None without a state."""
    try:
        raw = json.loads(state_path(site_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not site_dir.is_dir():
        return None
    files = {}
    for path, entry in (raw.get("files") or {}).items():
        try:
            size, digest, mtime = entry
            found = os.stat(site_dir / path, follow_symlinks=False)
        except (OSError, ValueError, TypeError):
            continue
        # whole seconds: a CI cache restores the site with tar, which keeps no finer time
        if found.st_size == size and int(found.st_mtime) == mtime and not os.path.islink(site_dir / path):
            files[path] = (size, digest)
    return SiteState(scan=str(raw.get("scan", "")), files=files)


def forget(site_dir: Path) -> None:
    """Remove the state before the site changes (a killed update then leads to a whole replacement)."""
    state_path(site_dir).unlink(missing_ok=True)


def write(site_dir: Path, state: SiteState) -> None:
    """Record the site as it now is (sizes and hashes known; modification times read from the files)."""
    files = {}
    for path, (size, digest) in sorted(state.files.items()):
        files[path] = [size, digest, int(os.stat(site_dir / path).st_mtime)]
    target = state_path(site_dir)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps({"format": FORMAT, "scan": state.scan, "files": files}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, target)


def complete(built: Path, known: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Every file of the built tree with its size and hash: those the writer reported (``known``, some of
    them kept in the published site and absent here), the others (the engine's own) hashed now."""
    files = dict(known)
    for dirpath, _dirs, names in os.walk(built):
        for name in names:
            full = Path(dirpath) / name
            rel = full.relative_to(built).as_posix()
            if rel not in files:
                files[rel] = (full.stat().st_size, sha256_file(full))
    return files


def update_in_place(built: Path, site_dir: Path, previous: SiteState, new: SiteState) -> tuple[int, int]:
    """Move the new and changed files of ``built`` into ``site_dir`` (one rename each), delete the files
    the new build no longer has; return (files replaced, files deleted). Files identical to the
    published ones are left untouched (their modification time too, which static hosts use)."""
    forget(site_dir)
    replaced = deleted = 0
    for path, entry in new.files.items():
        source = built / path
        if previous.files.get(path) == entry:
            continue
        target = site_dir / path
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        replaced += 1
    # whatever the new build does not have goes, as in a cold build (files of the last build, and any
    # put there by hand); then the directories left empty
    prefix = len(str(site_dir)) + 1
    for dirpath, dirs, names in os.walk(site_dir, topdown=False):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]:
            full = os.path.join(dirpath, name)
            if full[prefix:].replace(os.sep, "/") not in new.files:
                os.unlink(full)
                deleted += 1
        if len(dirpath) >= prefix and not os.listdir(dirpath):
            os.rmdir(dirpath)
    write(site_dir, new)
    return replaced, deleted


class StateError(Exception):
    """A state file that cannot be read (the message names it)."""


def load_files(path: Path) -> dict[str, tuple[int, str]]:
    """The files a state file lists (site path → size, SHA-256), for comparing two deployments."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: (int(entry[0]), str(entry[1])) for name, entry in raw["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise StateError(f"{path}: không đọc được danh sách tệp của trang ({exc})") from exc


def changes(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(paths to upload: new or changed, paths to delete), each sorted."""
    return (sorted(path for path, entry in after.items() if before.get(path) != entry),
            sorted(set(before) - set(after)))
