"""The stages wired together: load → validate → catalog → publication gate → render. No engine here.

User errors and bugs are kept apart: problems in records and templates are values (``Problem``,
reported as ``path:line: message — hint``); any other exception is a bug in Bảng Vàng and propagates
with its traceback (the command line says so and exits non-zero).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from generator.catalog.gate import Policy, Publication
from generator.catalog.index import Catalog, build_catalog
from generator.records import files
from generator.records.history import file_history
from generator.records.load import display_path, load_data
from generator.records.messages import Both
from generator.records.problems import Problem, has_errors
from generator.records.validation import validate
from generator.site import permalinks
from generator.site.outputs import RenderedSite, SiteOptions
from generator.site.render import render_site
from generator.site.search_index import hand_written_pages


@dataclass
class Outcome:
    """What one run of the pipeline produced: problems always; a catalog and site when valid."""

    problems: list[Problem] = field(default_factory=list)
    catalog: Catalog | None = None
    site: RenderedSite | None = None
    manifest: str = ""  # the new text of published-urls.txt, written after a successful build
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (``build --timings``)
    rendered: list[str] = field(default_factory=list)  # record pages the engine rendered (the others were kept)
    produced: list[str] = field(default_factory=list)  # data files produced (the others were kept)
    reads: dict[str, list[str]] = field(default_factory=dict)  # rendered page → what it read through the gate

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def today() -> dt.date:
    """The date dates are checked against; ``BANGVANG_TODAY=YYYY-MM-DD`` pins it (tests, rebuilds)."""
    pinned = os.environ.get("BANGVANG_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def check(data_dir: Path, root: Path | None = None, cache: bool = False) -> Outcome:
    """Load and validate; build the catalog when there is no error. With ``cache``, files parsed by an
    earlier run are read from the parse cache (``records/parse_cache.py``)."""
    start = time.perf_counter()
    loaded = load_data(data_dir, root, cache=cache)
    records, problems = validate(loaded, today())
    outcome = Outcome(problems=problems)
    outcome.timings["load and validate"] = time.perf_counter() - start
    if outcome.ok:
        start = time.perf_counter()
        outcome.catalog = build_catalog(records)
        outcome.timings["catalog"] = time.perf_counter() - start
    return outcome


def run(data_dir: Path, templates_dir: Path, root: Path | None = None, options: SiteOptions | None = None,
        content_dir: Path | None = None, cache: bool = False) -> Outcome:
    """The whole pipeline: records in, rendered pages and files out (nothing written to disk)."""
    gc.unfreeze()  # a previous build in this process (``serve``): its records may be collected now
    outcome = check(data_dir, root, cache)
    if outcome.catalog is None:
        return outcome
    root = root or data_dir.parent
    # only regular files inside content/ and site_templates/ may reach the site (the engine follows links)
    for tree in (content_dir, templates_dir):
        if tree is not None:
            outcome.problems += files.scan_tree(tree, root)
    if not outcome.ok:
        return outcome
    options = options or SiteOptions()
    if not options.history:
        options = replace(options, history=file_history(root, data_dir))
    pub = Publication(outcome.catalog, Policy(hidden=frozenset(options.hidden_fields)))
    # The validated records live until the site is written: out of every later collection (at 10 years the
    # collector otherwise spends ~7 s re-scanning them) and unshared pages of the forked writers.
    gc.freeze()
    start = time.perf_counter()
    try:
        outcome.site = render_site(pub, templates_dir, options, content_dir)
    except Exception as exc:  # noqa: BLE001 - re-raised unless the failure is in a template
        problem = template_problem(exc, templates_dir, root)
        if problem is None:
            raise
        outcome.problems.append(problem)
        return outcome
    outcome.timings["render (indexes, statistics, search)"] = time.perf_counter() - start
    manifest = root / permalinks.MANIFEST
    problems, outcome.manifest = permalinks.apply(
        outcome.site, outcome.catalog.records, manifest, display_path(manifest, root),
        options.site_url, {url for url, _, _ in hand_written_pages(content_dir)})
    outcome.problems.extend(problems)
    return outcome


def template_problem(exc: BaseException, templates_dir: Path, root: Path) -> Problem | None:
    """A failure caused by a template (a file users edit), as a problem at the template's line;
    ``None`` when the exception was raised by Python code — that is a bug, not a template problem."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = display_path(Path(exc.filename), root) if exc.filename else display_path(templates_dir, root)
        return Problem(path, exc.lineno or 1, "template_syntax", {"detail": jinja_detail(exc.message or str(exc))})
    frames = _frames(exc)
    if not frames or not (isinstance(exc, jinja2.TemplateError) or frames[-1][0].endswith(".html")):
        return None
    name, line = next(((f, n) for f, n in reversed(frames) if f.endswith(".html")), (None, 1))
    path = display_path(Path(name), root) if name else display_path(templates_dir, root)
    return Problem(path, line, "template_error", {"detail": jinja_detail(str(exc))})


_JINJA_PROBLEMS_VI = (
    (re.compile(r"Unexpected end of template"), "mẫu kết thúc khi một khối {{% … %}} chưa được đóng"),
    (re.compile(r"Encountered unknown tag '([^']*)'"), "thẻ «{0}» không có hoặc không được mở"),
    (re.compile(r"unexpected '([^']*)'"), "ký tự «{0}» không đúng chỗ"),
    (re.compile(r"expected token '([^']*)', got '([^']*)'"), "cần «{0}» nhưng gặp «{1}»"),
    (re.compile(r"'([^']*)' is undefined"), "«{0}» không phải giá trị được truyền vào mẫu"),
    (re.compile(r"has no attribute '([^']*)'"), "không có thuộc tính «{0}»"),
    (re.compile(r"no filter named '([^']*)'"), "không có bộ lọc «{0}»"),
    (re.compile(r"no test named '([^']*)'"), "không có phép thử «{0}»"),
    (re.compile(r"unsafe|access to attribute", re.I), "mẫu truy cập một giá trị không được phép"),
)


def jinja_detail(detail: str) -> Both:
    """A Jinja error in Vietnamese (names from the template kept), and as Jinja said it for --lang en."""
    for pattern, vi in _JINJA_PROBLEMS_VI:
        found = pattern.search(detail)
        if found:
            return Both(vi.format(*found.groups()), detail)
    return Both("mẫu trang không chạy được ở dòng này", detail)


def _frames(exc: BaseException) -> list[tuple[str, int]]:
    """(file, line) of every frame of the exception's traceback, outermost first."""
    out = []
    tb = exc.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return out
