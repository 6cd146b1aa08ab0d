"""The one way the project reads a file from ``data/``, ``content/`` or ``site_templates/``.

Records come from many hands, so a path is never trusted: it must stay below its root, hold no NUL or
control character, cross no symbolic link (in any component below the root, the root itself may be one)
and end at a regular file — never a FIFO, device or socket, which could hang or leak the build. The
type is checked with ``lstat`` *before* anything is opened; the file is then opened relative to its
already-opened parent directory with ``O_NOFOLLOW | O_NONBLOCK`` (where the platform has them) and
checked again with ``fstat``, so swapping a file for a link between the check and the read does not
help either. Every refusal is a :class:`Problem` value at ``path:line``, never an exception.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.records.messages import Both
from generator.records.problems import Problem

_OS_ERRORS_VI = {errno.EACCES: "không có quyền đọc", errno.EPERM: "không được phép đọc",
                 errno.ENOENT: "không tìm thấy tệp", errno.EISDIR: "đây là thư mục, không phải tệp",
                 errno.ENOTDIR: "một phần của đường dẫn không phải thư mục", errno.ELOOP: "vòng lặp liên kết",
                 errno.EIO: "lỗi đọc ổ đĩa", errno.ENAMETOOLONG: "tên tệp quá dài",
                 errno.EMFILE: "mở quá nhiều tệp cùng lúc", errno.ENXIO: "thiết bị không sẵn sàng"}


def os_error(exc: BaseException) -> Both:
    """Why the system refused a file, in Vietnamese and (for --lang en) as the system said it."""
    number = getattr(exc, "errno", None)
    english = getattr(exc, "strerror", None) or str(exc)
    vi = _OS_ERRORS_VI.get(number) or (f"lỗi hệ thống (mã {number})" if number else "lỗi hệ thống")
    return Both(vi, english)

MAX_FILE_BYTES = 5 * 1024 * 1024

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_DIR_FD = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and bool(_O_DIRECTORY)


@dataclass(frozen=True)
class Refusal:
    """Why a path was not read: a message code, its parameters, and whether the target was absent."""

    code: str
    params: dict

    def problem(self, shown: str, line: int = 1) -> Problem:
        return Problem(shown, line, self.code, self.params)


class _Refused(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.refusal = Refusal(code, params)


_DRIVE = re.compile(r"[A-Za-z]:")


def path_refusal(rel: str | os.PathLike) -> Refusal | None:
    """Check a path *as written* (no file system access): relative, inside its root, printable.

    ``path_bad_char`` for NUL and other control characters, ``file_outside_data`` for absolute
    paths, drive letters, backslashes and ``..``.
    """
    text = os.fspath(rel)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text):
        return Refusal("path_bad_char", {"value": text})
    pure = PurePosixPath(text)
    if pure.is_absolute() or ".." in pure.parts or "\\" in text or _DRIVE.match(text):
        return Refusal("file_outside_data", {"value": text})
    return None


_KIND_LABELS = {"directory": ("thư mục", "a directory"), "fifo": ("ống dẫn FIFO", "a FIFO"),
                "socket": ("socket", "a socket"), "device": ("tệp thiết bị", "a device file"),
                "other": ("tệp đặc biệt", "a special file")}


def _kind(mode: int) -> dict:
    """Message parameters naming what a non-regular file is, in Vietnamese and English."""
    if stat.S_ISDIR(mode):
        kind = "directory"
    elif stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    else:
        kind = "other"
    vi, en = _KIND_LABELS[kind]
    return {"kind": kind, "kind_vi": vi, "kind_en": en}


def _parts(rel: str | os.PathLike) -> list[str]:
    return [p for p in PurePosixPath(os.fspath(rel)).parts if p not in ("", ".")]


def _open_below(root: Path, parts: list[str], value: str) -> tuple[int, os.stat_result]:
    """Open ``root/parts`` for reading without following any link below ``root``; return (fd, stat)."""
    if _DIR_FD:
        try:
            dir_fd = os.open(root, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
        except OSError:
            raise _Refused("file_missing", value=value) from None
        try:
            for part in parts[:-1]:
                try:
                    info = os.stat(part, dir_fd=dir_fd, follow_symlinks=False)
                except OSError:
                    raise _Refused("file_missing", value=value) from None
                if stat.S_ISLNK(info.st_mode):
                    raise _Refused("symlink_refused", value=value)
                if not stat.S_ISDIR(info.st_mode):
                    raise _Refused("file_missing", value=value)
                try:
                    child = os.open(part, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=dir_fd)
                except OSError:
                    raise _Refused("symlink_refused", value=value) from None
                os.close(dir_fd)
                dir_fd = child
            return _open_final(parts[-1], dir_fd, value)
        finally:
            os.close(dir_fd)
    # no openat(): check every component with lstat, then open with O_NOFOLLOW
    current = root
    for part in parts[:-1]:
        current = current / part
        try:
            info = os.lstat(current)
        except OSError:
            raise _Refused("file_missing", value=value) from None
        if stat.S_ISLNK(info.st_mode):
            raise _Refused("symlink_refused", value=value)
        if not stat.S_ISDIR(info.st_mode):
            raise _Refused("file_missing", value=value)
    return _open_final(str(current / parts[-1]), None, value)


def _open_final(name: str, dir_fd: int | None, value: str) -> tuple[int, os.stat_result]:
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False) if dir_fd is not None else os.lstat(name)
    except OSError:
        raise _Refused("file_missing", value=value) from None
    if stat.S_ISLNK(info.st_mode):
        raise _Refused("symlink_refused", value=value)
    if not stat.S_ISREG(info.st_mode):  # a FIFO is never opened: opening one blocks until a writer comes
        raise _Refused("not_regular_file", value=value, **_kind(info.st_mode))
    flags = os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
    try:
        fd = os.open(name, flags, dir_fd=dir_fd) if dir_fd is not None else os.open(name, flags)
    except OSError as exc:
        raise _Refused("file_unreadable", error=os_error(exc)) from None
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
        os.close(fd)
        raise _Refused("symlink_refused", value=value)  # replaced between the check and the open
    return fd, opened


def _read_fd(fd: int, size: int, max_bytes: int) -> bytes:
    chunks, total = [], 0
    try:
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _Refused("file_unreadable", error=os_error(exc)) from None
    finally:
        os.close(fd)
    if total > max_bytes:  # grew after the size check
        raise _Refused("file_too_large", size=max(size, total), limit=max_bytes)
    return b"".join(chunks)


def open_bytes(root: Path, rel: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES) -> bytes | Refusal:
    """The bytes of ``root/rel``, or the :class:`Refusal` saying why it may not be read.

    ``rel`` is relative to ``root``; see the module docstring for what is refused.
    """
    value = os.fspath(rel)
    refusal = path_refusal(value)
    if refusal:
        return refusal
    parts = _parts(value)
    if not parts:
        return Refusal("file_missing", {"value": value})
    try:
        fd, info = _open_below(Path(root), parts, value)
        if info.st_size > max_bytes:
            os.close(fd)
            return Refusal("file_too_large", {"size": info.st_size, "limit": max_bytes})
        return _read_fd(fd, info.st_size, max_bytes)
    except _Refused as exc:
        return exc.refusal
    except (OSError, ValueError) as exc:  # e.g. a name the file system cannot encode
        return Refusal("file_unreadable", {"error": os_error(exc)})


def read_bytes(root: Path, rel: str | os.PathLike, shown: str, problems: list[Problem], line: int = 1,
               max_bytes: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of ``root/rel``; on refusal, a problem at ``shown:line`` is added and None returned."""
    result = open_bytes(root, rel, max_bytes)
    if isinstance(result, Refusal):
        problems.append(result.problem(shown, line))
        return None
    return result


def decode_text(raw: bytes, shown: str, problems: list[Problem]) -> str | None:
    """UTF-8 (a BOM is allowed) → NFC text with ``\\n`` line ends; ``not_utf8`` at the first bad line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, raw[: exc.start].count(b"\n") + 1, "not_utf8"))
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_text(root: Path, rel: str | os.PathLike, shown: str, problems: list[Problem], line: int = 1,
              max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """The text of ``root/rel`` (UTF-8, NFC, ``\\n`` line ends), or None with a problem added."""
    raw = read_bytes(root, rel, shown, problems, line, max_bytes)
    return None if raw is None else decode_text(raw, shown, problems)


def display(path: Path | str, display_root: Path | None) -> str:
    """``path`` as shown in messages: relative to ``display_root`` when below it; links are not followed."""
    absolute = os.path.abspath(path)
    if display_root is not None:
        for base in (os.path.abspath(display_root), os.path.realpath(display_root)):
            if absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep):
                return Path(os.path.relpath(absolute, base)).as_posix()
        parent = os.path.realpath(os.path.dirname(absolute))
        real_root = os.path.realpath(display_root)
        if parent == real_root or parent.startswith(real_root.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(os.path.join(parent, os.path.basename(absolute)), real_root)).as_posix()
    return Path(path).as_posix()


def read_text_file(root: Path, rel: str | os.PathLike, display_root: Path | None = None,
                   max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """For later stages (``content/*.md``): ``(text, problems)`` of ``root/rel``, read as records are.

    ``text`` is None when the file was refused; ``problems`` then says why, at line 1 of the path shown
    relative to ``display_root`` (default: the parent of ``root``).
    """
    problems: list[Problem] = []
    shown = display(Path(root) / os.fspath(rel), display_root or Path(root).parent)
    return read_text(Path(root), rel, shown, problems, 1, max_bytes), problems


def read_bytes_file(root: Path, rel: str | os.PathLike, display_root: Path | None = None,
                    max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes | None, list[Problem]]:
    """``(bytes, problems)`` of ``root/rel``; for copying photos and scans into the site."""
    problems: list[Problem] = []
    shown = display(Path(root) / os.fspath(rel), display_root or Path(root).parent)
    return read_bytes(Path(root), rel, shown, problems, 1, max_bytes), problems


def exists(root: Path, rel: str | os.PathLike) -> bool:
    """True when *something* is at ``root/rel`` — a link or a FIFO included — so that it is read (and
    refused) rather than silently skipped."""
    try:
        return os.path.lexists(Path(root) / os.fspath(rel))
    except (OSError, ValueError):
        return False


def scan_tree(root: Path, display_root: Path) -> list[Problem]:
    """Every symbolic link and every non-regular file (FIFO, socket, device) below ``root``, as problems.

    Links are reported and never followed (a linked directory is not entered). Paths are shown relative
    to ``display_root``. An absent ``root`` is not a problem here.
    """
    problems: list[Problem] = []
    root = Path(root)
    try:
        if not root.is_dir():
            return problems
    except OSError:
        return problems
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                items = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(display(directory, display_root), 1, "file_unreadable",
                                    {"error": os_error(exc)}))
            continue
        for entry in items:
            shown = display(entry.path, display_root)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                problems.append(Problem(shown, 1, "file_unreadable", {"error": os_error(exc)}))
                continue
            if stat.S_ISLNK(mode):
                problems.append(Problem(shown, 1, "symlink_in_tree", {"value": entry.name}))
            elif stat.S_ISDIR(mode):
                pending.append(Path(entry.path))
            elif not stat.S_ISREG(mode):
                problems.append(Problem(shown, 1, "not_regular_file", {"value": entry.name, **_kind(mode)}))
    return sorted(problems, key=Problem.sort_key)


class UnreadableSource(Exception):
    """A record's file (a scan, a photo) could not be read safely when the site was written: it changed
    into a link or special file after validation. The message says which, as ``path:line: …``."""


def read_record_file(root: Path, rel: str, max_bytes: int) -> bytes:
    """A file of a record, read as validation reads it (regular file inside ``root``, no link, size limit)."""
    data, problems = read_bytes_file(root, rel, max_bytes=max_bytes)
    if data is None:
        raise UnreadableSource("; ".join(p.format() for p in problems))
    return data
