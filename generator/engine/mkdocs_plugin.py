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
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import pipeline
from generator.catalog.gate import HIDEABLE_FIELDS
from generator.engine import bundled, dev_preview, incremental, site_state, theme_css, writer
from generator.engine.settings import located, printed_text, site_options
from generator.records.personal_data import OutputScanner
from generator.site import urls
from generator.site.outputs import Page, Prepared, RenderedSite


# Under the engine's own logger tree ("mkdocs" or "properdocs"), so that its --strict counts our warnings.
log = logging.getLogger(f"{BasePlugin.__module__.split('.')[0]}.plugins.bangvang")


class FeedbackConfig(Config):
    """Where readers report a mistake («Báo sai sót») and comment on a consultation («Đề cử / góp ý»)."""

    url = c.Type(str, default="")  # mailto:<the office's address>, or http(s):// of the repository's issue tracker
    to = c.Type(str, default="")  # who receives it, as shown beside the link


class BangVangConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="")  # empty: the templates bundled with Bảng Vàng (engine/bundled.py)
    license = c.Type(dict, default={"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"})
    trim_theme_css = c.Type(bool, default=True)  # drop Material CSS rules no page can use (engine/theme_css.py)
    history_url = c.Type(str, default="")  # e.g. https://github.com/org/repo/commits/main/
    hide_fields = c.ListOfItems(c.Choice(HIDEABLE_FIELDS), default=[])  # recipient fields not published
    feedback = c.SubConfig(FeedbackConfig)  # no url: no link is shown
    publisher = c.Type(str, default="")  # the office that publishes the site, named on the home page (default: feedback.to)


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
        self._scanner = OutputScanner()
        self.site_state: site_state.SiteState | None = None  # set by the CLI: the published site's files
        self.written: incremental.Written | None = None  # the record pages and files of this build
        self.explain = False  # set by the CLI (build --explain): keep what each rendered page read
        self._serving = False
        self._preview: Path | None = None  # under serve: record pages and files kept between rebuilds
        self._last_good: pipeline.Outcome | None = None  # under serve: the site shown while the data has errors
        self._problem_box = ""  # under serve: the data's errors, shown at the top of every page
        self._theme_classes: set[str] = set()  # classes on the pages MkDocs renders (engine/theme_css.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # fork() is only safe where the engine runs no threads: not under `serve` (live-reload server)
        if command != "build":
            self._workers = 1
        self._serving = command == "serve"

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("bangvang: use_directory_urls must be true (permanent URLs end with /)")
        # The theme prints these without escaping: values from mkdocs.yml are data too (and cleaned of control,
        # bidi and invisible characters, and refused when they hold personal data).
        def printed(cleaned: list[tuple[str, str]]) -> None:
            for key in ("site_name", "site_description", "site_author", "copyright"):
                if config[key]:
                    config[key] = Markup(escape(printed_text(config[key], key, cleaned)))

        located(config, printed)
        # section paths for the theme's own templates (header search, 404 page, sharing image)
        config.extra["bangvang"] = {"search": urls.SEARCH, "share_image": writer.DEFAULT_IMAGE,
                                    "sections": urls.MAIN_SECTIONS,
                                    "moved": {"data": urls.DATA_DIR, "downloads": f"{urls.ABOUT_DATA}#tai-du-lieu"}}
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
                                   self._root, site_options(config, self.config), Path(config.docs_dir), cache=True)
            self._problem_box = ""
            if not outcome.ok:
                lines = "\n".join(p.format() for p in outcome.problems if p.is_error)
                if not self._serving:
                    raise PluginError(f"Dữ liệu có lỗi, không xây dựng trang:\n{lines}")
                # live preview: the errors on every page, over the last good build (or an empty site)
                log.error(f"Dữ liệu có lỗi (trang xem trước giữ bản tốt gần nhất):\n{lines}")
                self._problem_box = dev_preview.problem_box([p for p in outcome.problems if p.is_error],
                                                            self._last_good is not None)
                outcome = self._last_good or pipeline.Outcome(problems=[], site=RenderedSite(pages=[], files=[]))
            elif self._serving:
                self._last_good = outcome
        for problem in outcome.problems:
            if not problem.is_error:
                log.warning(problem.format())
        site: RenderedSite = outcome.site
        self._pages, self._records, self._shells, self._built_urls, self._produced = {}, [], {}, [], []
        self._theme_classes = set()
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
        self._scanner = OutputScanner(site.allowed)  # one per build: a part found clean is not read again
        for out in site.files:
            if out.produce is not None:
                self._produced.append(out)  # large: written after the build, one at a time
            else:
                assert not out.gzip, "compressed files are produced when written"
                if out.path.endswith(writer.TEXT_SUFFIXES):
                    text = out.content.decode("utf-8", "replace") if out.scanned_text is None else out.scanned_text
                    self._checked(text, out.path, out.origin, None)
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
        self._theme_classes |= theme_css.classes_in_html(output)
        if not page.file.src_uri.startswith(writer.SHELL):
            self._built_urls.append(page.url)
        else:  # the frame every record page shares: theme, navigation and mkdocs.yml's texts (footer, name)
            self._checked(output, "khung trang (giao diện, mkdocs.yml)", "mkdocs.yml", True)
        return dev_preview.with_box(writer.fix_theme_html(output), self._problem_box)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        self._theme_classes |= theme_css.classes_in_html(output_content)
        # 404.html and other static templates; under serve, with the data's errors (all a first broken build has)
        return dev_preview.with_box(writer.fix_theme_html(output_content), self._problem_box)

    def on_post_build(self, *, config) -> None:
        """Fill the shells (one file per record page), write the streamed files, then the sitemap."""
        import shutil

        site_dir = Path(config.site_dir)
        shells = {depth: (site_dir / src_uri[: -len("index.md")] / "index.html").read_text(encoding="utf-8")
                  for depth, src_uri in self._shells.items()}
        shutil.rmtree(site_dir / writer.SHELL, ignore_errors=True)
        # the live preview's engine empties its directory before each rebuild: record pages and files are kept
        # in a directory of this process instead, rendered again only when their inputs changed, and linked in
        target = self._preview_dir() if self._serving else site_dir
        previous = self.written.state if self._serving and self.written else self.site_state
        try:
            self.written = incremental.write_outputs(target, self._records, self._produced, shells, previous,
                                                     self._scanner, self._workers, self._body,
                                                     in_place=self._serving, explain=self.explain)
        except writer.WriteError as exc:
            self.written = None  # the preview's directory may now hold part of a build: start it again
            raise PluginError(str(exc)) from exc
        if self._serving:
            site_state.link_all(target, site_dir, self.written.state.files)
            log.info("bangvang: dựng lại %d trang bản ghi và %d tệp dữ liệu; %d trang giữ nguyên",
                     len(self.written.rendered_pages), len(self.written.produced_files),
                     len(self._records) - len(self.written.rendered_pages))
        writer.write_sitemap(site_dir, config.site_url, self._built_urls + [p.url for p in self._records])
        self._records, self._produced = [], []
        if self.config.trim_theme_css:
            self._trim_theme_css(site_dir)

    def _preview_dir(self) -> Path:
        """The live preview's own directory of record pages and files (removed when the preview stops)."""
        if self._preview is None:
            import tempfile

            self._preview = Path(tempfile.mkdtemp(prefix="bangvang-preview-"))
        return self._preview

    def on_shutdown(self) -> None:
        if self._preview is not None:
            import shutil

            shutil.rmtree(self._preview, ignore_errors=True)
            self._preview = None

    def _trim_theme_css(self, site_dir: Path) -> None:
        """Cut Material's stylesheet to the classes of rendered pages, our templates and every script."""
        sources = [p for p in self.templates.rglob("*.html") if p.is_file() and not p.is_symlink()]
        sources += [p for p in (site_dir / "assets").rglob("*.js") if p.is_file() and not p.is_symlink()]
        known = self._theme_classes | theme_css.words_in(p.read_text(encoding="utf-8", errors="replace")
                                                         for p in sources)
        before, after = theme_css.trim_theme_stylesheets(site_dir, known)
        if before:
            log.debug("bangvang: theme stylesheet %d → %d bytes", before, after)

    def _body(self, page: Page, prepared: Prepared) -> str:
        """A record page's body (checked for personal data by the writer when it is written)."""
        return self._render(page, check=False, prepared=prepared)

    def _render(self, page: Page, check: bool = True, prepared: Prepared | None = None) -> str:
        """A page's body, checked for personal data (unless ``check`` is false: the caller checks it when
        it is to be written); a template failing on some record is a build error naming the template line.
        Any other exception is a bug and keeps its traceback."""
        try:
            body = (prepared or page.prepare()).render()
        except Exception as exc:  # noqa: BLE001 - classified below, re-raised when it is a bug
            problem = pipeline.template_problem(exc, self.templates, self._root)
            if problem is None:
                raise
            raise writer.WriteError(f"{problem.format()} (khi tạo trang {page.url})") from exc
        if check:
            self._check(body, f"trang {page.url or '/'}", page.origin, True)
        return body

    def _check(self, text: str, where: str, origin: str, markup: bool | None) -> None:
        writer.check_published(text, where, origin, self._scanner, markup)


def _virtual_page(config, src_uri: str, title: str, description: str, inclusion, escaped: bool = True,
                  image: str = "") -> File:
    # The theme's environment does not autoescape: values from data are escaped here, once.
    front = {"title": html.escape(title) if escaped else title,
             "description": html.escape(description) if escaped else description}
    if image:
        front["image"] = html.escape(image) if escaped else image
    text = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
    return File.generated(config, src_uri, content=text, inclusion=inclusion)
