"""Stage 4 — render: the published catalog → pages (Jinja2 templates) and data files.

The result is engine-independent (``outputs.RenderedSite``). Each section of the site is one module
in ``site/sections/`` with a ``build(renderer)`` function; ``SECTIONS`` lists them in output order.
"""

from __future__ import annotations

from pathlib import Path

from generator.catalog.gate import Publication
from generator.site import search_index
from generator.site.background import Deferred
from generator.site.outputs import RenderedSite, SiteOptions
from generator.site.renderer import Renderer, make_environment
from generator.site.sections import SECTIONS


def render_site(pub: Publication, templates_dir: Path, options: SiteOptions | None = None,
                content_dir: Path | None = None) -> RenderedSite:
    """Render every generated page and data file of the site, the search index included."""
    options = options or SiteOptions()
    r = Renderer(pub, make_environment(templates_dir), options, templates_dir, content_dir)
    # the search index takes a third of this stage at province scale: on the other core meanwhile
    r.search_index = Deferred(lambda: search_index.build_index(pub, search_index.hand_written_pages(content_dir)),
                              background=len(pub.decisions) >= BACKGROUND_FROM)
    for build in SECTIONS:
        build(r)
    r.site.allowed = _allowed(pub, options)
    _smoke_test(r.site)
    return r.site


BACKGROUND_FROM = 1000  # decisions; below, starting a process costs more than it saves


def _smoke_test(site: RenderedSite) -> None:
    """Render one page of each template now, so template errors surface before the engine runs."""
    seen: set[str] = set()
    for page in site.pages:
        if page.template not in seen:
            seen.add(page.template)
            page.html


def _allowed(pub: Publication, options: SiteOptions) -> tuple[str, ...]:
    """What the end-of-build scan for personal data lets through: text a person checked (``pii_allow`` of any
    record), amounts of money of nine digits or more, and the offices' own contact e-mails of consultations and
    of the «Báo sai sót» setting."""
    allowed = pub.scan_allowances()
    if options.feedback_url.lower().startswith("mailto:"):
        allowed.add(options.feedback_url[len("mailto:"):])
    return tuple(sorted(allowed))
