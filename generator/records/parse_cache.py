"""Parsed record files kept between runs, by content: a file that has not changed is not parsed again.

Parsing YAML and noting the line of every value is most of the time a ten-year province takes to read its
records (about 1.7 ms a decision file); reading the result back from here takes a tenth of that. An entry
is found by the SHA-256 of the file's text, where the file is shown (messages carry it) and the code that
parses (so a new version of Bảng Vàng never reads an older one's entries). Entries are written whole
(temporary file, then rename), in the user's cache directory — never in the project, where a committed
file could be made to look like one.

``BANGVANG_CACHE`` names another directory, or ``off`` to parse every file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=4)
def _code_key(sources: tuple[str, ...]) -> bytes:
    """The parsing code's identity: the source files whose output is cached, and PyYAML's version."""
    import yaml

    digest = hashlib.sha256(yaml.__version__.encode())
    for source in sources:
        digest.update(Path(source).read_bytes())
    return digest.digest()


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is off."""
    setting = os.environ.get("BANGVANG_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bangvang" / "parsed"


class ParseCache:
    """Get and put the parse of one file: ``(data, lines, raw_scalars, problems)``; ``sources`` are the
    files of the code that parses (a change to them makes every entry a stranger)."""

    def __init__(self, directory: Path | None, sources: tuple[str, ...] = ()):
        self.directory = directory
        self.sources = sources
        self.hits = self.misses = 0

    def key(self, kind: str, shown: str, text: str) -> str:
        digest = hashlib.sha256(_code_key(self.sources))
        digest.update(f"{kind}\0{shown}\0".encode("utf-8", "surrogatepass"))
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        if self.directory is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                value = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
                ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:  # a full or read-only cache only makes the next run slower
            tmp.unlink(missing_ok=True)


NO_CACHE = ParseCache(None)
