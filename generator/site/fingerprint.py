"""What an output is made from, as one digest: an output whose digest did not change is not rendered again.

A page's body is ``template(context)``: a pure function of the template files, the code that renders, and the
context — plain view values (``views.py`` dataclasses, lists, dicts, text) built from the publication gate. So
the page's *fingerprint* is a digest of exactly those, and a build that finds the same fingerprint as the last
build published (``engine/site_state.py``) keeps the published file: it is not rendered, not scanned, not
written. A file produced by a function (a year's CSV, JSON and Excel workbook) declares the rows it is made from
the same way.

Values are serialised with ``pickle`` in *fast* mode (no memo: equal values give equal bytes whichever objects
share them) and hashed; nothing is ever unpickled. A value that cannot be serialised (a function, an open file)
gives ``None``: the output is then always rendered — slower, never wrong. A set in a context would be
rendered again by every build (its order follows the process's hash seed): never wrong either, and
``tests/test_fingerprint.py`` builds under two hash seeds to catch it.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import platform
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Iterable

import generator

_LIBRARIES = ("jinja2", "markupsafe", "segno")  # what turns a template and its values into text (segno: print QR codes)


def digest(*values: object) -> str | None:
    """The digest of ``values`` (plain data: text, numbers, dates, enums, lists, tuples, dicts, dataclasses);
    ``None`` when one of them has no stable serialised form."""
    return digest_stream(values)


def digest_stream(parts: Iterable[object], *key: object) -> str | None:
    """The digest of ``key`` and every value of ``parts`` (an iterator: a year's rows, never all held at once)."""
    sink = _HashSink()
    try:
        pickler = pickle.Pickler(sink, protocol=5)
        pickler.fast = True  # no memo: the bytes depend on the values, not on which objects are shared
        pickler.dump(key)
        for part in parts:
            pickler.dump(part)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError):
        return None
    return sink.hexdigest()


class _HashSink(io.RawIOBase):
    """A binary stream that hashes what is written to it."""

    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=20)

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._hash.update(data)
        return len(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


@cache
def code_key() -> str:
    """The identity of the code that renders: every source file of the ``generator`` package, the Python
    version and the versions of Jinja2, MarkupSafe and segno. A changed line anywhere renders everything again."""
    root = Path(generator.__file__).parent
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{sys.version}|{platform.python_implementation()}".encode())
    for name in _LIBRARIES:
        h.update(f"|{name}={metadata.version(name)}".encode())
    _add_files(h, root, root.rglob("*.py"))
    return h.hexdigest()


def tree_key(directory: Path | None) -> str:
    """The identity of a directory of templates: every regular file's relative path and bytes (links and
    special files are not read: validation refuses them before a build gets here)."""
    h = hashlib.blake2b(digest_size=20)
    if directory is not None and directory.is_dir():
        _add_files(h, directory, (p for p in directory.rglob("*") if p.is_file() and not p.is_symlink()))
    return h.hexdigest()


def _add_files(h, root: Path, paths: Iterable[Path]) -> None:
    """Feed each file's path (relative to ``root``) and bytes to ``h``, in path order."""
    for path in sorted(paths):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
