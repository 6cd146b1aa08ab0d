"""The stages wired together: load → validate → catalog → render. No engine here."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.catalog.index import Catalog, build_catalog
import jinja2

from generator.records.load import display_path, load_data
from generator.records.problems import Problem, has_errors
from generator.site import permalinks
from generator.records.history import last_changed
from generator.site.search_index import hand_written_pages
from generator.site.render import RenderedSite, SiteOptions, render_site
from generator.records.validation import validate


@dataclass
class Outcome:
    """What one run of the pipeline produced: problems always; a catalog and site when valid."""

    problems: list[Problem] = field(default_factory=list)
    catalog: Catalog | None = None
    site: RenderedSite | None = None
    manifest: str = ""  # the new text of published-urls.txt, written after a successful build

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def today() -> dt.date:
    """The date dates are checked against; ``BANGVANG_TODAY=YYYY-MM-DD`` pins it (tests, rebuilds)."""
    pinned = os.environ.get("BANGVANG_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def check(data_dir: Path, root: Path | None = None) -> Outcome:
    """Load and validate; build the catalog when there is no error."""
    loaded = load_data(data_dir, root)
    records, problems = validate(loaded, today())
    outcome = Outcome(problems=problems)
    if outcome.ok:
        outcome.catalog = build_catalog(records)
    return outcome


def run(data_dir: Path, templates_dir: Path, root: Path | None = None, options: SiteOptions | None = None,
        content_dir: Path | None = None) -> Outcome:
    """The whole pipeline: records in, rendered pages and files out (nothing written to disk)."""
    outcome = check(data_dir, root)
    if outcome.catalog is not None:
        try:
            options = options or SiteOptions()
            if not options.last_changed:
                options = replace(options, last_changed=last_changed(root or data_dir.parent, data_dir))
            outcome.site = render_site(outcome.catalog, templates_dir, options, content_dir)
            manifest = (root or data_dir.parent) / permalinks.MANIFEST
            problems, outcome.manifest = permalinks.apply(
                outcome.site, outcome.catalog.records, manifest, display_path(manifest, root or data_dir.parent),
                options.site_url, {url for url, _, _ in hand_written_pages(content_dir)})
            outcome.problems.extend(problems)
        except (jinja2.TemplateError, AttributeError, TypeError, KeyError, ValueError) as exc:
            # a template that uses a value wrongly: report it like a record problem, not a traceback
            outcome.problems.append(_template_problem(exc, templates_dir, root))
    return outcome


def _template_problem(exc: Exception, templates_dir: Path, root: Path | None) -> Problem:
    """A broken template is reported like a broken record: file, line, what, and how to fix."""
    name = getattr(exc, "filename", None) or _template_file(exc) or ""
    line = getattr(exc, "lineno", None) or 1
    path = display_path(Path(name), root or templates_dir.parent) if name else display_path(templates_dir, root or templates_dir.parent)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(path, line, "template_syntax", {"detail": exc.message or str(exc)})
    return Problem(path, _template_line(exc) or line, "template_error", {"detail": str(exc)})


def _template_file(exc: BaseException) -> str | None:
    tb, name = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            name = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return name


def _template_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
