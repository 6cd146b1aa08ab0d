"""Parsed record files kept between runs, by content: a file that has not changed is not parsed again.

Parsing YAML and noting the line of every value is most of the time a ten-year province takes to read its
records (about 1.7 ms a decision file); reading the result back from here takes a fraction of that.

An entry is trusted only when it proves it was written here, by this user, for this input and this code:

* **Data, never code.** Entries are JSON of plain values (text, numbers, dates, lists, mappings, the
  problems found), rebuilt into the loader's own types; nothing in an entry can name a class or a function.
* **Keyed by the input and by the code.** The key is the SHA-256 of the file's text, where it is shown
  (messages carry it), its kind, and the source of every module that shapes a parse
  (``generator/records/*.py``, ``generator/text.py``), PyYAML's and Python's versions.
* **Authenticated.** Each entry carries an HMAC-SHA-256 of its key and payload, with a key of 32 random
  bytes made once per user in the cache directory (``hmac.key``, 0600), which never leaves it. A planted,
  foreign or restored entry (a CI cache, a copied home directory) without a valid HMAC is ignored and the
  file parsed again.
* **Private and outside the project.** Directories are 0700 and files 0600 whatever the umask; a cache
  directory inside the project, a key that is a link, not ours or readable by others, turns the cache off.
* **Only the data's own faults are kept.** A parse cut short by the machine (memory, recursion limit) is not
  stored, so lifting a limit is enough.

``BANGVANG_CACHE`` names another directory, or ``off`` to parse every file.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable

from generator.records.messages import Both
from generator.records.problems import Problem, Row, Severity

FORMAT = 1
SUBDIR = "parsed-json"  # a new name: entries of the pickle era (``parsed/``) are never read
KEY_FILE = "hmac.key"
MAX_ENTRY_BYTES = 64 * 1024 * 1024
CODE_ROOT = Path(__file__).resolve().parent.parent  # the ``generator`` package


def code_sources(root: Path | None = None) -> tuple[Path, ...]:
    """The source files whose behaviour shapes a parse: every record module and the text helpers."""
    root = root or CODE_ROOT
    return tuple(sorted((root / "records").glob("*.py"))) + (root / "text.py",)


def code_key(sources: tuple[Path, ...]) -> bytes:
    """The parsing code's identity: its source files (by content), PyYAML's, Python's and Unicode's versions."""
    import yaml

    digest = hashlib.sha256(f"{FORMAT}\0{yaml.__version__}\0{sys.version}\0{unicodedata.unidata_version}".encode())
    for source in sources:
        digest.update(source.name.encode() + b"\0" + hashlib.sha256(source.read_bytes()).digest())
    return digest.digest()


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is off."""
    setting = os.environ.get("BANGVANG_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bangvang" / SUBDIR


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _private_dir(path: Path) -> bool:
    """Make ``path`` (and missing parents) a directory only its owner can enter; False when it cannot be."""
    try:
        missing = []
        probe = path
        while not os.path.lexists(probe):
            missing.append(probe)
            probe = probe.parent
        for directory in reversed(missing):
            os.mkdir(directory, 0o700)
            os.chmod(directory, 0o700)  # the umask may have taken bits away, never add them: be exact
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return False
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(path, 0o700)
    except OSError:
        return False
    return True


def _read_key(directory: Path) -> bytes | None:
    """The HMAC key of this cache, made on first use; None when it exists but cannot be trusted."""
    path = directory / KEY_FILE
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        pass
    except OSError:
        return None
    else:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(secrets.token_bytes(32))
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077
                or info.st_size != 32):
            return None
        return handle.read(32)


# --- plain data ↔ JSON. A JSON object is always a one-key wrapper naming what it holds. ---

class NotPlain(Exception):
    """A value the cache does not know how to store: the entry is simply not written."""


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"s": [_encode(v) for v in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"m": {k: _encode(v) for k, v in value.items()}}
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    if isinstance(value, Both):
        return {"b": [value.vi, value.en]}
    raise NotPlain(type(value).__name__)


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    (tag, inner), = value.items()
    if tag == "m":
        return {k: _decode(v) for k, v in inner.items()}
    if tag == "s":
        return tuple(_decode(v) for v in inner)
    if tag == "t":
        return datetime.datetime.fromisoformat(inner)
    if tag == "d":
        return datetime.date.fromisoformat(inner)
    if tag == "b":
        return Both(*inner)
    raise ValueError(tag)


def encode_problem(problem: Problem) -> dict:
    """A problem as plain JSON data (raises ``NotPlain`` for a parameter the cache cannot store)."""
    return {"path": problem.path, "line": problem.line, "code": problem.code, "params": _encode(problem.params),
            "severity": problem.severity.value,
            "row": [problem.row.number, problem.row.name] if problem.row else None}


def decode_problem(data: dict) -> Problem:
    """The inverse of :func:`encode_problem`."""
    row = Row(*data["row"]) if data["row"] else None
    return Problem(data["path"], data["line"], data["code"], _decode(data["params"]), Severity(data["severity"]), row)


def encode_parse(value: tuple) -> dict:
    """``(data, lines, raw_scalars, problems)`` as plain JSON data."""
    data, lines, raw, problems = value
    return {"data": _encode(data), "lines": [[_encode(list(k)), v] for k, v in lines.items()],
            "raw": [[_encode(list(k)), v] for k, v in raw.items()],
            "problems": [encode_problem(p) for p in problems]}


def decode_parse(payload: dict) -> tuple:
    """The inverse of :func:`encode_parse`."""
    lines = {tuple(_decode(k)): int(v) for k, v in payload["lines"]}
    raw = {tuple(_decode(k)): str(v) for k, v in payload["raw"]}
    return _decode(payload["data"]), lines, raw, [decode_problem(p) for p in payload["problems"]]


class ParseCache:
    """Get and put the parse of one file: ``(data, lines, raw_scalars, problems)``; ``sources`` are the
    files of the code that parses (a change to them makes every entry a stranger)."""

    def __init__(self, directory: Path | None, sources: tuple[Path, ...] | None = None, project: Path | None = None):
        self.sources = code_sources() if sources is None else sources
        self.hits = self.misses = 0
        self._code: bytes | None = None  # code_key(sources), computed on first use
        self._secret: bytes | None = None
        if directory is not None and project is not None and _inside(directory, project):
            directory = None  # a committed file could pose as an entry, or as the key
        if directory is not None and _private_dir(directory):
            self._secret = _read_key(directory)
        self.directory = directory if self._secret is not None else None

    def key(self, kind: str, shown: str, text: str) -> str:
        if self._code is None:
            self._code = code_key(self.sources)
        digest = hashlib.sha256(self._code)
        digest.update(f"{kind}\0{shown}\0".encode("utf-8", "surrogatepass"))
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def _mac(self, key: str, payload: bytes) -> bytes:
        assert self._secret is not None
        return hmac.new(self._secret, key.encode() + b"\0" + payload, hashlib.sha256).hexdigest().encode()

    def get(self, key: str, decode: Callable[[Any], Any] = decode_parse) -> Any | None:
        """The value stored under ``key`` (a parse unless ``decode`` says otherwise), or None (missing, damaged,
        or not proven to be ours)."""
        if self.directory is None:
            return None
        try:
            fd = os.open(self._path(key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                    raise ValueError("not an entry")
                blob = handle.read(MAX_ENTRY_BYTES + 1)
            mac, _, payload = blob.partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(key, payload)):
                raise ValueError("not ours")
            value = decode(json.loads(payload))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any, encode: Callable[[Any], Any] = encode_parse) -> None:
        """Store a value (a parse unless ``encode`` says otherwise) under ``key``; a value that is not plain
        data, or a full disk, stores nothing."""
        if self.directory is not None:
            self.write(key, self.payload(value, encode))

    @staticmethod
    def payload(value: Any, encode: Callable[[Any], Any] = encode_parse) -> bytes | None:
        """The bytes :meth:`write` stores for ``value``: its JSON, or None when it is not plain data."""
        try:
            return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        except (NotPlain, RecursionError, ValueError):
            return None

    def write(self, key: str, payload: bytes | None) -> None:
        """Store ``payload`` (from :meth:`payload`; None stores nothing) under ``key``, with its HMAC, atomically.
        Safe to call from another thread than the one reading."""
        if self.directory is None or payload is None:
            return
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            if not _private_dir(path.parent):
                return
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(self._mac(key, payload) + b"\n" + payload)
            os.replace(tmp, path)
        except OSError:  # a full or read-only cache only makes the next run slower
            tmp.unlink(missing_ok=True)


NO_CACHE = ParseCache(None)
