"""Writing record pages fast: MkDocs renders one theme *shell* per directory depth with markers where
the title, description, image, address and body go; every record page is its shell with the markers
filled. Record pages are outside the navigation, so pages of one depth share the same theme HTML —
this keeps the build linear (see README, "Performance"). Large files and pages are written by two
forked processes where the platform allows it. The sitemap lists every page, without dates."""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import os
import re
import sys
from pathlib import Path
from typing import Callable

from generator.records.messages import render_message
from generator.records.personal_data import OutputScanner
from generator.records.problems import Problem
from generator.site import urls
from generator.site.outputs import Page

SHELL = "bv-shell-7f3a"  # a path segment no real page uses
TITLE_MARK = "BV7F3A-TITLE"
DESCRIPTION_MARK = "BV7F3A-DESCRIPTION"
IMAGE_MARK = "BV7F3A-IMAGE"
BODY_MARK = "<!-- <h1> -->BV7F3A-BODY"  # "<h1" inside: Material then adds no heading of its own
DEFAULT_IMAGE = f"{urls.ASSETS}chia-se.png"


class WriteError(Exception):
    """A page or file could not be written (the message says which, as a user would read it)."""


# Files whose text is read by the end-of-build scan for personal data (images and scans are not text).
TEXT_SUFFIXES = (".html", ".csv", ".json", ".atom", ".xml", ".txt")


def check_published(text: str, where: str, origin: str, scanner: OutputScanner, markup: bool | None) -> None:
    """The second line of defence: the records' personal-data detector over what is about to be published.
    Raises ``WriteError`` naming the source record (or the output) on the first finding."""
    found = scanner.scan(text, markup=markup)
    if found:
        code, snippet = found[0]
        kind = render_message(code, {"field": "", "snippet": snippet})[0].split("chứa ", 1)[-1].split(" «")[0]
        raise WriteError(Problem(origin or where, 1, "pii_in_output",
                                 {"snippet": snippet, "kind": kind, "where": where}).format())


class ScannedStream(io.RawIOBase):
    """A binary stream that passes everything on and checks the text written through it, a block of whole
    lines at a time (blocks of BLOCK bytes or more: one scan per row would cost more than the scan)."""

    BLOCK = 1 << 18

    def __init__(self, target, where: str, origin: str, scanner: OutputScanner):
        self.target, self.where, self.origin, self.scanner = target, where, origin, scanner
        self.pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.target.write(data)
        self.pending += data
        if len(self.pending) >= self.BLOCK:
            end = self.pending.rfind(b"\n")
            if end >= 0:
                done = bytes(self.pending[:end])
                del self.pending[:end + 1]
                check_published(done.decode("utf-8", "replace"), self.where, self.origin, self.scanner, False)
        return len(data)

    def finish(self) -> None:
        if self.pending:
            check_published(self.pending.decode("utf-8", "replace"), self.where, self.origin, self.scanner, False)
            self.pending.clear()


_THEME_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')


def fix_theme_html(html_: str) -> str:
    """Make the theme's own markup valid HTML: Material's base.html (outside any block a theme override
    can replace) puts autocomplete="off" on its checkbox toggles, which the HTML standard forbids."""
    return _THEME_TOGGLE.sub(r"\1>", html_)


_INDENT = re.compile(r"\n[ \t]+")
_KEEPS_WHITESPACE = re.compile(r"<(?:pre|textarea)\b", re.I)


def shell_filler(shell: str, shell_url: str) -> Callable[[Page, str], str]:
    """Split a built shell page at its markers once; return a fast (page, body) → HTML function."""
    pattern = re.compile("|".join(re.escape(m) for m in (BODY_MARK, TITLE_MARK, DESCRIPTION_MARK, IMAGE_MARK,
                                                          shell_url)))
    parts: list[str] = []
    kinds: list[str] = []
    last = 0
    for match in pattern.finditer(shell):
        parts.append(shell[last:match.start()])
        kinds.append(match.group(0))
        last = match.end()
    parts.append(shell[last:])
    if not _KEEPS_WHITESPACE.search(shell):  # indentation is 4 KB of every record page; a line break renders the same
        parts = [_INDENT.sub("\n", part) for part in parts]
    if BODY_MARK not in kinds:
        raise WriteError("bangvang: the theme dropped the page body marker; record pages cannot be written")

    def fill(page: Page, body: str) -> str:
        values = {BODY_MARK: body, TITLE_MARK: html.escape(page.title),
                  DESCRIPTION_MARK: html.escape(page.description), shell_url: page.url,
                  IMAGE_MARK: html.escape(page.image or DEFAULT_IMAGE)}
        out = io.StringIO()
        for part, kind in zip(parts, kinds):
            out.write(part)
            out.write(values[kind])
        out.write(parts[-1])
        return out.getvalue()

    return fill


class HashingStream(io.RawIOBase):
    """A binary stream that passes everything on and keeps its size and SHA-256."""

    def __init__(self, target):
        self.target, self.size, self.digest = target, 0, hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.target.write(data)
        self.digest.update(data)
        self.size += len(data)
        return len(data)


class compressed(io.RawIOBase):
    """A gzip stream onto ``stream`` whose bytes depend only on what is written: no time, no name, and
    the compressor fed in fixed blocks (deflate's output depends on how its input was cut, and the same
    text reaches this stream in different pieces in a full and in an incremental build)."""

    BLOCK = 1 << 16

    def __init__(self, stream):
        self.gz = gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=6, mtime=0, filename="")
        self.pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.pending += data
        if len(self.pending) >= self.BLOCK:
            whole = len(self.pending) - len(self.pending) % self.BLOCK
            view = memoryview(self.pending)
            for at in range(0, whole, self.BLOCK):
                self.gz.write(view[at:at + self.BLOCK])
            view.release()
            del self.pending[:whole]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self.gz.write(bytes(self.pending))
            self.gz.close()
            super().close()


def scan_file(path: Path, where: str, origin: str, scanner: OutputScanner, is_gzip: bool = False) -> None:
    """Check a written data file for personal data (its text, when compressed), a block of lines at a time."""
    with (gzip.open(path, "rb") if is_gzip else open(path, "rb")) as handle:
        scanned = ScannedStream(_DISCARD, where, origin, scanner)
        for block in iter(lambda: handle.read(1 << 20), b""):
            scanned.write(block)
        scanned.finish()


class _Discard:
    @staticmethod
    def write(data) -> int:
        return len(data)


_DISCARD = _Discard()


def run_parallel(groups: list[list[Callable[[], object]]], workers: int) -> list:
    """Run independent groups of file-writing jobs in ``workers`` forked processes (2 cores: about twice
    as fast) and return what the jobs returned (in no particular order). Each process takes the next
    group when it is free (a shared counter), so a few large files do not leave one core idle at the end;
    the jobs of a group run one after the other in one process (a decision's page and its data files hold
    the same texts, which the personal-data check then reads once). Children share the parent's memory
    copy-on-write, hand their results back in a temporary file and report failure by exit code; an
    exception in the parent's share propagates as it is (a bug keeps its traceback)."""
    if workers <= 1 or sum(map(len, groups)) < 2000:
        return [job() for members in groups for job in members]
    import multiprocessing
    import pickle
    import tempfile

    counter = multiprocessing.Value("l", 0)  # shared memory, inherited by the forked children

    def share() -> list:
        out = []
        while True:
            with counter.get_lock():
                taken = counter.value
                counter.value = taken + 1
            if taken >= len(groups):
                return out
            out += [job() for job in groups[taken]]

    children = []
    with tempfile.TemporaryDirectory(prefix="bangvang-") as results_dir:
        for index in range(1, workers):
            results = Path(results_dir) / str(index)
            pid = os.fork()
            if pid == 0:  # child: groups until none is left, then exit without running the parent's cleanup
                code = 0
                try:
                    results.write_bytes(pickle.dumps(share()))
                except WriteError as exc:  # a user's problem: the message, no traceback
                    print(str(exc), file=sys.stderr)
                    code = 1
                except BaseException:  # noqa: BLE001 - a bug: reported to the parent through the exit code
                    import traceback

                    traceback.print_exc()
                    code = 1
                finally:
                    sys.stderr.flush()
                    os._exit(code)
            children.append((pid, results))
        try:
            out = share()
        except BaseException:
            with counter.get_lock():  # the build has failed: the children stop after their current group
                counter.value = len(groups)
            raise
        finally:
            failed = [pid for pid, _ in children if os.waitpid(pid, 0)[1] != 0]
        if failed:
            raise WriteError("bangvang: một tiến trình ghi trang gặp lỗi (xem thông báo ở trên)")
        for _, results in children:
            out += pickle.loads(results.read_bytes())
    return out


def write_sitemap(site_dir: Path, site_url: str | None, page_urls: list[str]) -> None:
    """sitemap.xml (and .gz) of every page, sorted, without build-time dates (reproducible builds)."""
    base = (site_url or "").rstrip("/") + "/" if site_url else "/"
    entries = "".join(f"  <url><loc>{html.escape(base + url)}</loc></url>\n" for url in sorted(set(page_urls)))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n").encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(xml)
    with open(site_dir / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(xml)
