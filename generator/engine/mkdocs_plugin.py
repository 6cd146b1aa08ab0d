"""The thin MkDocs (or ProperDocs) adapter: hands the rendered pages and files to the engine.

Section pages (home, indexes, search) are virtual pages; record pages are written after the build
by filling one theme shell per directory depth (``writer.py``). Generated pages are never written
into content/. Data warnings are logged through the engine, so ``--strict`` counts them in both
entry points (``python -m generator build`` and ``mkdocs build``).
"""

from __future__ import annotations

import html
import json
import logging
import os
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import pipeline
from generator.catalog.gate import HIDEABLE_FIELDS
from generator.engine import bundled, writer
from generator.site import urls
from generator.site.outputs import Page, RenderedSite, SiteOptions, UnreadableSource

# Under the engine's own logger tree ("mkdocs" or "properdocs"), so that its --strict counts our warnings.
log = logging.getLogger(f"{BasePlugin.__module__.split('.')[0]}.plugins.bangvang")


class BangVangConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="")  # empty: the templates bundled with Bảng Vàng (engine/bundled.py)
    license = c.Type(dict, default={"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"})
    history_url = c.Type(str, default="")  # e.g. https://github.com/org/repo/commits/main/
    hide_fields = c.ListOfItems(c.Choice(HIDEABLE_FIELDS), default=[])  # recipient fields not published


def is_web_url(value: str) -> bool:
    """The rule for every URL setting: an http:// or https:// address."""
    return value.lower().startswith(("https://", "http://"))


def _web_url(value: str, setting: str) -> str:
    if value and not is_web_url(value):
        raise PluginError(f"mkdocs.yml: {setting} «{value}» phải là địa chỉ http:// hoặc https://")
    return value


def site_options(config, plugin_config: BangVangConfig) -> SiteOptions:
    """The core's settings, read from mkdocs.yml; every URL setting must be http(s)."""
    site_url = _web_url(config.site_url or "", "site_url")
    _web_url(str((config.extra or {}).get("homepage") or ""), "extra.homepage")
    license_ = dict(plugin_config.license)
    _web_url(str(license_.get("path", "")), "plugins.bangvang.license.path")
    name = config.site_name
    return SiteOptions(site_name=name.unescape() if isinstance(name, Markup) else str(name), site_url=site_url if site_url.endswith("/") or not site_url
                       else site_url + "/", license=license_,
                       history_url=_web_url(plugin_config.history_url, "plugins.bangvang.history_url"),
                       hidden_fields=frozenset(plugin_config.hide_fields))


class BangVangPlugin(BasePlugin[BangVangConfig]):
    """``plugins: [bangvang]`` in mkdocs.yml."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preloaded: pipeline.Outcome | None = None  # set by the CLI, which has validated already
        self._pages: dict[str, Page] = {}
        self._records: list[Page] = []
        self._produced: list = []
        self._shells: dict[int, str] = {}  # depth → shell src_uri
        self._built_urls: list[str] = []
        self._root = Path.cwd()
        self._workers = (os.cpu_count() or 1) if hasattr(os, "fork") else 1
        self._allowed: tuple[str, ...] = ()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # fork() is only safe where the engine runs no threads: not under `serve` (live-reload server)
        if command != "build":
            self._workers = 1

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("bangvang: use_directory_urls must be true (permanent URLs end with /)")
        # The theme prints these without escaping: values from mkdocs.yml are data too.
        for key in ("site_name", "site_description", "copyright"):
            if config[key]:
                config[key] = Markup(escape(str(config[key])))
        # section paths for the theme's own templates (header search, 404 page, sharing image)
        config.extra["bangvang"] = {"search": urls.SEARCH, "share_image": writer.DEFAULT_IMAGE,
                                    "sections": urls.MAIN_SECTIONS}
        self._root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        if config.theme.custom_dir is None:  # no theme overrides of its own: Bảng Vàng's
            try:
                theme = str(bundled.theme_dir())
            except bundled.BundleMissing as exc:
                raise PluginError(f"bangvang: {exc}") from exc
            if theme not in config.theme.dirs:
                config.theme.dirs.insert(0, theme)
        return config

    @property
    def templates(self) -> Path:
        """The project's templates directory (``templates_dir``), or the bundled templates when unset."""
        try:
            return bundled.project_templates(self._root, self.config.templates_dir)
        except bundled.BundleMissing as exc:
            raise PluginError(f"bangvang: {exc}") from exc

    def on_files(self, files: Files, *, config) -> Files:
        outcome, self.preloaded = self.preloaded, None  # serve rebuilds must re-read the data
        if outcome is None:
            outcome = pipeline.run(self._root / self.config.data_dir, self.templates,
                                   self._root, site_options(config, self.config), Path(config.docs_dir))
            if not outcome.ok:
                lines = "\n".join(p.format() for p in outcome.problems if p.is_error)
                raise PluginError(f"Dữ liệu có lỗi, không xây dựng trang:\n{lines}")
        for problem in outcome.problems:
            if not problem.is_error:
                log.warning(problem.format())
        site: RenderedSite = outcome.site
        self._pages, self._records, self._shells, self._built_urls, self._produced = {}, [], {}, [], []
        for page in site.pages:
            src_uri = f"{page.url}index.md"
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"content/{src_uri} trùng địa chỉ với trang được tạo tự động — đổi tên tệp trong content/")
            if page.is_record:
                self._records.append(page)
                self._shells.setdefault(page.url.count("/"), "")
                continue
            files.append(_virtual_page(config, src_uri, page.title, page.description, InclusionLevel.INCLUDED,
                                       image=page.image))
            self._pages[src_uri] = page
        for depth in self._shells:
            self._shells[depth] = f"{writer.SHELL}/" * depth + "index.md"
            files.append(_virtual_page(config, self._shells[depth], writer.TITLE_MARK, writer.DESCRIPTION_MARK,
                                       InclusionLevel.NOT_IN_NAV, escaped=False, image=writer.IMAGE_MARK))
        self._allowed = site.allowed
        for out in site.files:
            if out.produce is not None:
                self._produced.append(out)  # large: written after the build, one at a time
            else:
                if out.path.endswith(writer.TEXT_SUFFIXES):
                    self._checked(out.content.decode("utf-8", "replace"), out.path, out.origin, None)
                files.append(File.generated(config, out.path, content=out.content))
        return files

    def _checked(self, text: str, where: str, origin: str, markup: bool | None) -> None:
        """The personal-data check at a point of the engine's build where a finding must stop it cleanly."""
        try:
            self._check(text, where, origin, markup)
        except writer.WriteError as exc:
            raise PluginError(str(exc)) from exc

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        generated = page.file.src_uri in self._pages or page.file.src_uri.startswith(writer.SHELL)
        return "" if generated else markdown

    def on_page_content(self, html_: str, *, page, config, files) -> str:
        if page.file.src_uri.startswith(writer.SHELL):
            return writer.BODY_MARK
        generated = self._pages.get(page.file.src_uri)
        if generated is None:  # a hand-written page of content/: checked like every generated one
            self._checked(html_, f"trang {page.url or '/'}", f"content/{page.file.src_uri}", True)
            return html_
        try:
            return self._render(generated)
        except writer.WriteError as exc:
            raise PluginError(str(exc)) from exc

    def on_post_page(self, output: str, *, page, config) -> str:
        if not page.file.src_uri.startswith(writer.SHELL):
            self._built_urls.append(page.url)
        else:  # the frame every record page shares: theme, navigation and mkdocs.yml's texts (footer, name)
            self._checked(output, "khung trang (giao diện, mkdocs.yml)", "mkdocs.yml", True)
        return writer.fix_theme_html(output)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        return writer.fix_theme_html(output_content)  # 404.html and other static templates

    def on_post_build(self, *, config) -> None:
        """Fill the shells (one file per record page), write the streamed files, then the sitemap."""
        import shutil

        site_dir = Path(config.site_dir)
        fillers = {}
        for depth, src_uri in self._shells.items():
            shell_url = src_uri[: -len("index.md")]
            fillers[depth] = writer.shell_filler((site_dir / shell_url / "index.html").read_text(encoding="utf-8"),
                                                 shell_url, self._render)
        shutil.rmtree(site_dir / writer.SHELL, ignore_errors=True)

        def write_page(page: Page) -> None:
            target = site_dir / page.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fillers[page.url.count("/")](page), encoding="utf-8")

        def write_file(out) -> None:
            target = site_dir / out.path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with open(target, "wb") as stream:
                    if out.path.endswith(writer.TEXT_SUFFIXES):
                        scanned = writer.ScannedStream(stream, out.path, out.origin, self._allowed)
                        out.write(scanned)
                        scanned.finish()
                    else:
                        out.write(stream)
            except UnreadableSource as exc:
                raise writer.WriteError(str(exc)) from exc

        jobs = [partial(write_page, p) for p in self._records] + [partial(write_file, f) for f in self._produced]
        try:
            writer.run_parallel(jobs, self._workers)
        except writer.WriteError as exc:
            raise PluginError(str(exc)) from exc
        writer.write_sitemap(site_dir, config.site_url, self._built_urls + [p.url for p in self._records])
        self._records, self._produced = [], []

    def _render(self, page: Page) -> str:
        """A page's body, checked for personal data; a template failing on some record is a build error
        naming the template line. Any other exception is a bug and keeps its traceback."""
        try:
            body = page.html
        except Exception as exc:  # noqa: BLE001 - classified below, re-raised when it is a bug
            problem = pipeline.template_problem(exc, self.templates, self._root)
            if problem is None:
                raise
            raise writer.WriteError(f"{problem.format()} (khi tạo trang {page.url})") from exc
        self._check(body, f"trang {page.url or '/'}", page.origin, True)
        return body

    def _check(self, text: str, where: str, origin: str, markup: bool | None) -> None:
        writer.check_published(text, where, origin, self._allowed, markup)


def _virtual_page(config, src_uri: str, title: str, description: str, inclusion, escaped: bool = True,
                  image: str = "") -> File:
    # The theme's environment does not autoescape: values from data are escaped here, once.
    front = {"title": html.escape(title) if escaped else title,
             "description": html.escape(description) if escaped else description}
    if image:
        front["image"] = html.escape(image) if escaped else image
    text = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
    return File.generated(config, src_uri, content=text, inclusion=inclusion)
