"""The write policy, free of any engine: which record pages and data files are rendered, checked and written.

Every record page and produced file has a fingerprint of what it is made from (``site/fingerprint.py``). An
output whose fingerprint equals the one the published site was built with, and that passed the same
personal-data check, is kept as published: it is not rendered, not scanned and not written (the build then
hard-links it into the new tree, ``site_state.link_unchanged``). Any other output is rendered, and written only
when its bytes differ from the published file; what is written is checked for personal data first. A page and
the data files of the same record go to the same worker, so the check reads their shared texts once.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

from generator.engine import site_state, writer
from generator.records.personal_data import OutputScanner
from generator.site import fingerprint
from generator.site.outputs import OutputFile, Page, Prepared, UnreadableSource

# (page, its prepared values) → the page's body; raises writer.WriteError for a user's problem (a template)
BodyOf = Callable[[Page, Prepared], str]


@dataclass
class Written:
    """What writing the record pages and files did: the new state of those outputs, and which were rendered."""

    state: site_state.SiteState
    rendered_pages: list[str] = field(default_factory=list)  # site paths of pages rendered by this build
    reads: dict[str, list[str]] = field(default_factory=dict)  # rendered page → what it read through the gate
    produced_files: list[str] = field(default_factory=list)  # site paths of files produced by this build
    seconds: float = 0.0


def write_outputs(site_dir: Path, pages: list[Page], files: list[OutputFile], shells: dict[int, str],
                  previous: site_state.SiteState | None, scanner: OutputScanner, workers: int,
                  body_of: BodyOf, in_place: bool = False, explain: bool = False) -> Written:
    """Write ``pages`` (each filled into the theme shell of its depth, ``shells``: depth → shell HTML with
    its URL marker) and ``files`` into ``site_dir``, keeping what is unchanged since ``previous``: ``site_dir``
    is a new tree that the caller completes from the published one (``site_state.link_unchanged``), or with
    ``in_place`` the very tree ``previous`` describes (the live preview's), where kept files already are. With
    ``explain``, what each rendered page read through the gate is returned too (``Written.reads``)."""
    fillers = {depth: writer.shell_filler(html, f"{writer.SHELL}/" * depth) for depth, html in shells.items()}
    frames = {depth: fingerprint.digest(html) for depth, html in shells.items()}
    scan = site_state.scan_key(scanner.allowed)

    def write_page(page: Page) -> tuple:
        path, depth = page.url + "index.html", page.url.count("/")
        prepared = page.prepare()
        inputs = (fingerprint.digest(prepared.fingerprint, frames[depth], page.url, page.title, page.description,
                                     page.image) if prepared.fingerprint else None)
        if previous is not None and previous.same_inputs(path, inputs, scan):
            return (path, *previous.files[path], inputs, None)  # kept as published: not rendered, not read
        body = body_of(page, prepared)
        data = fillers[depth](page, body).encode("utf-8")
        digest = site_state.sha256(data)
        reads = sorted(prepared.reads) if explain else []
        if previous is not None and previous.unchanged(path, len(data), digest, scan):
            return path, len(data), digest, inputs, reads  # rendered to the same bytes: not written
        writer.check_published(body, f"trang {page.url or '/'}", page.origin, scanner, True)
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return path, len(data), digest, inputs, reads

    def write_file(out: OutputFile) -> tuple:
        try:
            inputs = out.inputs() if out.inputs is not None else None
        except UnreadableSource:  # reported when the file is produced
            inputs = None
        if previous is not None and previous.same_inputs(out.path, inputs, scan):
            return (out.path, *previous.files[out.path], inputs, None)
        target = site_dir / out.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = out.gzip or out.path.endswith(writer.TEXT_SUFFIXES)
        try:
            with open(target, "wb") as stream:
                hashing = writer.HashingStream(stream)
                with writer.compressed(hashing) if out.gzip else contextlib.nullcontext(hashing) as sink:
                    if text and previous is None:  # a cold build: checked while written (before compression)
                        scanned = writer.ScannedStream(sink, out.path, out.origin, scanner)
                        out.write(scanned)
                        scanned.finish()
                    else:
                        out.write(sink)
        except UnreadableSource as exc:
            raise writer.WriteError(str(exc)) from exc
        digest = hashing.digest.hexdigest()
        if previous is not None:
            if previous.unchanged(out.path, hashing.size, digest, scan):
                if not in_place:
                    target.unlink()
            elif text:
                writer.scan_file(target, out.path, out.origin, scanner, out.gzip)
        return out.path, hashing.size, digest, inputs, []

    # a record's page and its files (same directory) together; files with no page (the large bulk
    # exports) each alone and first, so that no core is left with one of them at the end
    groups: dict[str, list] = {}
    for out in files:
        groups.setdefault(out.path.rpartition("/")[0], []).append(partial(write_file, out))
    for page in pages:
        groups.setdefault(page.url.rstrip("/"), []).insert(0, partial(write_page, page))
    with_page = {page.url.rstrip("/") for page in pages}
    alone = [[job] for key, jobs in groups.items() if key not in with_page for job in jobs]
    start = time.perf_counter()
    results = writer.run_parallel(alone + [jobs for key, jobs in groups.items() if key in with_page], workers)
    page_paths = {page.url + "index.html" for page in pages}
    written = Written(site_state.SiteState(scan, {path: (size, digest) for path, size, digest, _, _ in results},
                                           inputs={path: inputs for path, _, _, inputs, _ in results if inputs}))
    for path, _, _, _, reads in results:  # reads: None for an output kept as published
        if reads is None:
            continue
        if path in page_paths:
            written.rendered_pages.append(path)
            written.reads[path] = reads
        else:
            written.produced_files.append(path)
    written.rendered_pages.sort()
    written.produced_files.sort()
    written.seconds = time.perf_counter() - start
    return written
