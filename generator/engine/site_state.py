"""What the last build published: every file of the site with its size and SHA-256 — the build's memory
for updating the site in place, and the manifest a deploy script compares to upload only changed files.

``<site>.state.json`` lives beside the site directory (never inside it, so it is not published):

    {"format": 3, "scan": "<key>", "files": {"quyet-dinh/2024/1-qd-ubnd/index.html": [size, "sha256", mtime]},
     "inputs": {"quyet-dinh/2024/1-qd-ubnd/index.html": "<fingerprint>"}}

``scan`` is the key of the personal-data check the files passed (the detector's code and the allowed
texts): a file with the same bytes and the same key need not be read again. ``inputs`` holds the
fingerprint of what each record page and produced file was made from (``engine/incremental.py``): an output
with the same fingerprint is not rendered again. The state is removed before
the site is swapped and written after, so a build killed half-way leaves no state, and the next build
makes the whole site as a cold build does. A state that is damaged, names a path outside the site, or
belongs to a site holding a symbolic link is not used (``read``): the build then makes a fresh tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.records.problems import UserError

FORMAT = 3


@dataclass
class SiteState:
    """The published files (site path → size, SHA-256) and the personal-data check they passed."""

    scan: str = ""
    files: dict[str, tuple[int, str]] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)  # every file found in the published site (read only)
    inputs: dict[str, str] = field(default_factory=dict)  # site path → fingerprint of what it was made from

    def same_inputs(self, path: str, inputs: str | None, scan: str) -> bool:
        """True when ``path`` is published as this state says, was made from the same inputs (fingerprint), and
        passed the same personal-data check: it need not be rendered, read or written again."""
        return inputs is not None and scan == self.scan and path in self.files and self.inputs.get(path) == inputs

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


def sha256_files(paths: list[Path]) -> list[str | None]:
    """SHA-256 of each file (``None`` for one that cannot be read), on every core: hashing and reading release
    the interpreter's lock, so threads share the work (a province's 1.2 GB site is verified at each build)."""
    from concurrent.futures import ThreadPoolExecutor

    def one(path: Path) -> str | None:
        try:
            return sha256_file(path)
        except OSError:
            return None

    if len(paths) < 64:
        return [one(path) for path in paths]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(one, paths, chunksize=256))


def state_path(site_dir: Path) -> Path:
    return site_dir.with_name(f"{site_dir.name}.state.json")


def scan_key(allowed: tuple[str, ...]) -> str:
    """The personal-data check's identity: its detector's code and the texts a person allowed."""
    from generator.records import personal_data

    source = Path(personal_data.__file__).read_bytes()
    return sha256(source + json.dumps(sorted(allowed), ensure_ascii=False).encode("utf-8"))[:32]


class Unusable(Exception):
    """Why the published site or its state cannot be updated in place (a fresh tree is built instead)."""


def safe_path(path: object) -> bool:
    """True for a normalised relative POSIX path that stays inside the site: no ``..``, ``.``, empty
    segment, leading ``/``, backslash or control character."""
    return (isinstance(path, str) and 0 < len(path) <= 4096 and not path.startswith("/")
            and all(part not in ("", ".", "..") for part in path.split("/"))
            and not any(ch == "\\" or ord(ch) < 32 or ord(ch) == 127 for ch in path))


def real_tree(site_dir: Path) -> set[str]:
    """Every file of ``site_dir`` (relative POSIX paths), refusing the tree when it, or anything in it,
    is a symbolic link or not a regular file or directory: a build must never write or delete through one."""
    if os.path.islink(site_dir) or not site_dir.is_dir():
        raise Unusable(f"{site_dir} không phải thư mục thật")
    found: set[str] = set()
    pending = [(site_dir, "")]
    while pending:
        directory, prefix = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    raise Unusable(f"{site_dir.name}/{rel} là liên kết tượng trưng")
                if entry.is_dir(follow_symlinks=False):
                    pending.append((Path(entry.path), rel + "/"))
                elif entry.is_file(follow_symlinks=False):
                    found.add(rel)
                else:
                    raise Unusable(f"{site_dir.name}/{rel} không phải tệp thường")
    return found


def _entries(raw: object) -> dict[str, tuple[int, str]]:
    """The ``files`` of a state, checked for shape and for paths that stay inside the site."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("files"), dict):
        raise Unusable("định dạng không đúng")
    out = {}
    for path, entry in raw["files"].items():
        if not safe_path(path):
            raise Unusable(f"đường dẫn ra ngoài trang hoặc không chuẩn: {path!r}"[:200])
        if (not isinstance(entry, list) or len(entry) != 3 or not all(type(v) is int for v in entry[::2])
                or not isinstance(entry[1], str)):
            raise Unusable(f"mục không đúng dạng: {path}"[:200])
        out[path] = (entry[0], entry[1])
    return out


def _inputs(raw: dict, files: dict[str, tuple[int, str]]) -> dict[str, str]:
    """The fingerprints of a state, for the files it lists and still verified (anything else is ignored: such
    an output is rendered again)."""
    listed = raw.get("inputs")
    if not isinstance(listed, dict):
        return {}
    return {path: value for path, value in listed.items() if path in files and isinstance(value, str)}


def read(site_dir: Path, notices: list[str] | None = None) -> SiteState | None:
    """The last build's state, keeping only files still in the site with the bytes that build wrote
    (size, then SHA-256): a file changed or deleted by hand is written again. None without a usable
    state — none at all, a damaged one, one naming a path outside the site, or a site holding a link —
    with the reason added to ``notices`` (the build then makes a fresh tree)."""
    path = state_path(site_dir)
    if not os.path.lexists(path):
        return None
    try:
        if os.path.islink(path):
            raise Unusable("là liên kết tượng trưng")
        raw = json.loads(path.read_text(encoding="utf-8"))
        listed = _entries(raw)
        present = real_tree(site_dir)
    except (Unusable, OSError, ValueError, RecursionError) as exc:
        if notices is not None:
            notices.append(f"{path.name}: {exc} — bỏ qua, xây dựng lại toàn bộ trang.")
        return None
    candidates = []
    for rel, (size, digest) in listed.items():
        try:
            if rel in present and (site_dir / rel).stat().st_size == size:
                candidates.append(rel)
        except OSError:
            continue
    hashed = sha256_files([site_dir / rel for rel in candidates])
    files = {rel: listed[rel] for rel, digest in zip(candidates, hashed) if digest == listed[rel][1]}
    return SiteState(scan=str(raw.get("scan", "")), files=files, present=present, inputs=_inputs(raw, files))


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
    inputs = {path: state.inputs[path] for path in sorted(state.inputs) if path in files}
    tmp.write_text(json.dumps({"format": FORMAT, "scan": state.scan, "files": files, "inputs": inputs},
                              ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, target)


def complete(built: Path, known: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Every file of the built tree with its size and hash: those the writer reported (``known``, some of
    them kept in the published site and absent here), the others (the engine's own) hashed now."""
    files = dict(known)
    unknown = []
    for dirpath, _dirs, names in os.walk(built):
        for name in names:
            full = Path(dirpath) / name
            rel = full.relative_to(built).as_posix()
            if rel not in files:
                unknown.append((rel, full))
    for (rel, full), digest in zip(unknown, sha256_files([full for _, full in unknown])):
        if digest is None:
            raise OSError(f"không đọc được {full}")
        files[rel] = (full.stat().st_size, digest)
    return files


def link_unchanged(built: Path, site_dir: Path, previous: SiteState, new: SiteState) -> tuple[int, int]:
    """Complete ``built`` into the whole new site: every file the new build has unchanged (and so did not
    write) is hard-linked from the published site — same bytes, same modification time (static hosts use
    it), no copy. Return (files new or changed, files the published site has and the new one does not)."""
    kept = [path for path, entry in new.files.items() if previous.files.get(path) == entry]
    _link(site_dir, built, kept)
    return len(new.files) - len(kept), len(previous.present - set(new.files))


def link_all(source: Path, target: Path, files: dict[str, tuple[int, str]]) -> None:
    """Hard-link (or copy, where links are not possible) every listed file of ``source`` into ``target``."""
    _link(source, target, list(files))


def _link(source: Path, target: Path, paths: list[str]) -> None:
    """Hard-link each of ``paths`` from ``source`` into ``target`` unless ``target`` has it already (a copy where
    the file system has no hard links); each directory is made once (a province has 73,000 files)."""
    source_root, target_root = os.fspath(source), os.fspath(target)
    made: set[str] = set()
    for path in paths:
        folder = path.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(target_root, folder), exist_ok=True)
            made.add(folder)
        destination = os.path.join(target_root, path)
        try:
            os.link(os.path.join(source_root, path), destination, follow_symlinks=False)
        except FileExistsError:  # written by this build
            continue
        except OSError:  # a file system without hard links
            shutil.copy2(os.path.join(source_root, path), destination, follow_symlinks=False)


class StateError(UserError):
    """A state file that cannot be read (the message names it)."""


def load_files(path: Path) -> dict[str, tuple[int, str]]:
    """The files a state file lists (site path → size, SHA-256), for comparing two deployments. A path
    that would leave the site (absolute, ``..``, not normalised) is refused: a deploy script acts on these."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = {name: (int(entry[0]), str(entry[1])) for name, entry in raw["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as exc:
        raise StateError("state_unreadable", path, error=exc) from exc
    for name in files:
        if not safe_path(name):
            raise StateError("state_bad_path", path, name=name)
    return files


def changes(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(paths to upload: new or changed, paths to delete), each sorted."""
    return (sorted(path for path, entry in after.items() if before.get(path) != entry),
            sorted(set(before) - set(after)))
