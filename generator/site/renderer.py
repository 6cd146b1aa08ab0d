"""The renderer every section builder works with: Jinja2 environment, page and file registration.

Templates get ready view objects, ``url()`` (a site path made relative to the page), ``link()``
(a ``Link`` as HTML) and ``paths`` (the section paths of ``urls.py``): no template holds a literal path.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup, escape

from generator.catalog.gate import Publication
from generator.site import fingerprint, structured_data, urls, views
from generator.site.background import Deferred
from generator.site.labels import long_date
from generator.site.outputs import OutputFile, Page, Prepared, RenderedSite, SiteOptions

LIST_LIMIT = 200  # rows on a list page; the rest is one search or one download away


def _link(to, item) -> Markup:
    """A Link view as HTML: an anchor when it has a target, else its escaped text (hot path: no macro)."""
    if item.href:  # escape() and an f-string: Markup.format is five times slower on this path
        return Markup(f'<a href="{escape(to(item.href))}">{escape(item.text)}</a>')
    return escape(item.text)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with autoescaping always on and undefined names as errors; ``tojson`` (still HTML-safe: <, >, &, '
    escaped) writes Vietnamese letters as they are, not as six-byte escapes."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def breadcrumbs(site_url: str, trail: list[tuple[str, str] | str], current: str, url: str) -> views.Breadcrumbs:
    """Breadcrumbs of the page at ``url``: Trang chủ, then ``trail`` ((name, site path) pairs, or a key of
    ``views.CRUMB_SECTIONS``), then ``current`` (the page itself, not linked). The JSON-LD names each level by
    its absolute address (root-relative when the site has no ``site_url``)."""
    levels = [("Trang chủ", urls.HOME)] + [views.CRUMB_SECTIONS[t] if isinstance(t, str) else t for t in trail]
    base = site_url or "/"
    return views.Breadcrumbs([views.Link(name, path) for name, path in levels], current, structured_data.as_script(
        structured_data.breadcrumb_ld(base, levels + [(current, url)])))


class Renderer:
    """What every section builder works with: the published catalog, templates, options, output."""

    def __init__(self, pub: Publication, env: jinja2.Environment, options: SiteOptions, templates_dir: Path,
                 content_dir: Path | None):
        self.pub = pub
        self.env = env
        self.options = options
        self.templates_dir = templates_dir
        self.content_dir = content_dir
        self.site_name = options.site_name
        self.site = RenderedSite()
        self.search_index: Deferred | None = None  # the search index, being built (render_site starts it)
        # what every page's body depends on besides its values: the rendering code and the templates
        self.code_key = fingerprint.digest(fingerprint.code_key(), fingerprint.tree_key(templates_dir))

    def permanent_url(self, url: str) -> str:
        return (self.options.site_url or "/") + url

    def provenance(self, path: str, url: str, subject: str, source: str = "", history: bool = True,
                   status: str = "") -> dict:
        """Citation and audit trail of a record page: the citation (one style for every record, see
        ``views.citation``), permanent URL, last change, history link."""
        dates = self.options.history.get(path)
        changed = dates.changed if dates else None
        permanent = self.permanent_url(url)
        return {"text": views.citation(subject, source, self.site_name, permanent, status),
                "row_template": views.citation(f"{views.ROW_SUBJECT} — {subject}", source, self.site_name,
                                               f"{permanent}#{views.ROW_ANCHOR}", status),
                "permanent_url": permanent, "source_path": path, "changed": long_date(changed) if changed else "",
                "history": self.options.history_url + path if self.options.history_url and history else ""}

    def breadcrumbs(self, trail: list[tuple[str, str] | str], current: str, url: str) -> views.Breadcrumbs:
        """Breadcrumbs of the page at ``url`` (see ``breadcrumbs``)."""
        return breadcrumbs(self.options.site_url, trail, current, url)

    def feedback(self, action: str, subject: str, url: str, target: str = "") -> views.Feedback | None:
        """«Báo sai sót» / «Đề cử / góp ý» about the page at ``url``: to ``target`` (a record's own mailbox) when
        given, else to the site's ``feedback`` setting; ``None`` when neither is set."""
        options = self.options
        if target:
            return views.feedback(action, subject, self.permanent_url(url), f"mailto:{target}", target)
        return views.feedback(action, subject, self.permanent_url(url), options.feedback_url, options.feedback_to)

    def page(self, url: str, template: str, title: str, description: str = "",
             context: Callable[[], dict] | None = None, image: str = "", origin: str = "", **values) -> None:
        """Add a page; ``context`` (a function) defers building its view objects until it is rendered. The
        page's fingerprint is made of its values, its URL and title, the templates and the rendering code."""
        env, site_name, code = self.env, self.site_name, self.code_key

        def prepare() -> Prepared:
            with Publication.reading() as reads:
                extra = context() if context else values

            def render() -> str:
                to = urls.linker(url)
                return env.get_template(template).render(url=to, link=partial(_link, to), title=title, paths=urls,
                                                         site_name=site_name, **extra)

            return Prepared(fingerprint.digest(code, template, url, title, site_name, extra), render,
                            frozenset(reads), extra)

        self.site.pages.append(Page(url=url, title=title, prepare=prepare, description=description,
                                    template=template, image=image, origin=origin))

    def file(self, out: OutputFile) -> None:
        self.site.files.append(out)
