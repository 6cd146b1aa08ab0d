"""The thin MkDocs adapter: hands the rendered pages and files to MkDocs.

Section pages (home, indexes, search) are virtual MkDocs pages. Record pages (a decision, unit,
profile, award form or year: tens of thousands of them) are not built one by one by MkDocs:
MkDocs builds one *shell* page per directory depth with markers where the title, description,
address and body go, and after the build the adapter writes every record page by filling its
shell. Record pages are outside the navigation, so pages of one depth share the same theme
HTML; this keeps the build linear and fast (see README, "Performance"). Generated pages are
never written into content/.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import re
import shutil
import sys
from functools import partial
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import pipeline
from generator.records.personal_data import HIDEABLE_FIELDS
from generator.site.render import Page, RenderedSite, SiteOptions

SHELL = "bv-shell-7f3a"  # a path segment no real page uses
TITLE_MARK = "BV7F3A-TITLE"
DESCRIPTION_MARK = "BV7F3A-DESCRIPTION"
IMAGE_MARK = "BV7F3A-IMAGE"
BODY_MARK = "<!-- <h1> -->BV7F3A-BODY"  # "<h1" inside: Material then adds no heading of its own


class BangVangConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="site_templates")
    license = c.Type(dict, default={"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"})
    history_url = c.Type(str, default="")  # e.g. https://github.com/org/repo/commits/main/
    hide_fields = c.ListOfItems(c.Choice(HIDEABLE_FIELDS), default=[])  # recipient fields not published


def site_options(config, plugin_config: BangVangConfig) -> SiteOptions:
    """The core's settings, read from mkdocs.yml."""
    site_url = config.site_url or ""
    return SiteOptions(site_name=config.site_name, site_url=site_url if site_url.endswith("/") or not site_url
                       else site_url + "/", license=dict(plugin_config.license), history_url=plugin_config.history_url,
                       hidden_fields=frozenset(plugin_config.hide_fields))


class BangVangPlugin(BasePlugin[BangVangConfig]):
    """``plugins: [bangvang]`` in mkdocs.yml."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preloaded: RenderedSite | None = None  # set by the CLI, which has validated already
        self._pages: dict[str, Page] = {}
        self._records: list[Page] = []
        self._shells: dict[int, str] = {}  # depth → shell src_uri
        self._built_urls: list[str] = []
        self._produced: list = []
        self._workers = (os.cpu_count() or 1) if hasattr(os, "fork") else 1

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # fork() is only safe where MkDocs runs no threads: not under `serve` (live-reload server)
        if command != "build":
            self._workers = 1

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("bangvang: use_directory_urls must be true (permanent URLs end with /)")
        return config

    def _root(self, config) -> Path:
        return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()

    def on_files(self, files: Files, *, config) -> Files:
        site = self.preloaded
        self.preloaded = None  # serve rebuilds must re-read the data
        if site is None:
            root = self._root(config)
            outcome = pipeline.run(root / self.config.data_dir, root / self.config.templates_dir, root,
                                   site_options(config, self.config), Path(config.docs_dir))
            if not outcome.ok:
                lines = "\n".join(p.format() for p in outcome.problems if p.is_error)
                raise PluginError(f"Dữ liệu có lỗi, không xây dựng trang:\n{lines}")
            site = outcome.site
        self._pages, self._records, self._shells, self._built_urls = {}, [], {}, []
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
            src_uri = f"{SHELL}/" * depth + "index.md"
            self._shells[depth] = src_uri
            files.append(_virtual_page(config, src_uri, TITLE_MARK, DESCRIPTION_MARK, InclusionLevel.NOT_IN_NAV,
                                       escape=False, image=IMAGE_MARK))
        self._produced = []
        for out in site.files:
            if out.produce is not None:
                self._produced.append(out)  # large: written after the build, one at a time
            elif out.content is not None:
                files.append(File.generated(config, out.path, content=out.content))
            else:
                files.append(File.generated(config, out.path, abs_src_path=str(out.source)))
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        generated = page.file.src_uri in self._pages or page.file.src_uri.startswith(SHELL)
        return "" if generated else markdown

    def on_page_content(self, html_: str, *, page, config, files) -> str:
        if page.file.src_uri.startswith(SHELL):
            return BODY_MARK
        generated = self._pages.get(page.file.src_uri)
        return _render(generated) if generated else html_

    def on_post_page(self, output: str, *, page, config) -> str:
        if not page.file.src_uri.startswith(SHELL):
            self._built_urls.append(page.url)
        return output

    def on_post_build(self, *, config) -> None:
        """Fill the shells: one file per record page, then a sitemap that lists every page."""
        site_dir = Path(config.site_dir)
        fillers = {}
        for depth, src_uri in self._shells.items():
            shell_dir = site_dir / src_uri[: -len("index.md")]
            fillers[depth] = _shell_filler((shell_dir / "index.html").read_text(encoding="utf-8"),
                                           src_uri[: -len("index.md")])
        shutil.rmtree(site_dir / SHELL, ignore_errors=True)

        def write_page(page: Page) -> None:
            target = site_dir / page.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fillers[page.url.count("/")](page), encoding="utf-8")

        def write_file(out) -> None:
            target = site_dir / out.path
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as stream:
                out.write(stream)

        jobs = [partial(write_page, p) for p in self._records] + [partial(write_file, f) for f in self._produced]
        _run_parallel(jobs, self._workers)
        self._produced = []
        _write_sitemap(site_dir, config.site_url, self._built_urls + [p.url for p in self._records])
        self._records = []


def _run_parallel(jobs: list, workers: int) -> None:
    """Run independent file-writing jobs, split over ``workers`` forked processes (2 cores: about
    twice as fast). Children share the parent's memory copy-on-write and report failure by exit code."""
    if workers <= 1 or len(jobs) < 2000:
        for job in jobs:
            job()
        return
    children = []
    for index in range(1, workers):
        pid = os.fork()
        if pid == 0:  # child: its share of the jobs, then exit without running the parent's cleanup
            code = 0
            try:
                for job in jobs[index::workers]:
                    job()
            except BaseException as exc:  # noqa: BLE001 - reported to the parent through the exit code
                print(f"bangvang: {exc}", file=sys.stderr)
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        children.append(pid)
    failure = None
    try:
        for job in jobs[0::workers]:
            job()
    except PluginError as exc:
        failure = exc
    for pid in children:
        _, status = os.waitpid(pid, 0)
        if status != 0 and failure is None:
            failure = PluginError("bangvang: một tiến trình ghi trang gặp lỗi (xem thông báo ở trên)")
    if failure is not None:
        raise failure


def _render(page: Page) -> str:
    """A page's body; a template failing on some record becomes a build error naming the page."""
    try:
        return page.html
    except Exception as exc:  # noqa: BLE001 - any template failure must end the build cleanly
        raise PluginError(f"mẫu trang {page.template} lỗi khi tạo {page.url}: {exc}") from exc


def _virtual_page(config, src_uri: str, title: str, description: str, inclusion, escape: bool = True,
                  image: str = "") -> File:
    # MkDocs' theme environment does not autoescape: values from data are escaped here, once.
    front = {"title": html.escape(title) if escape else title,
             "description": html.escape(description) if escape else description}
    if image:
        front["image"] = html.escape(image) if escape else image
    text = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
    return File.generated(config, src_uri, content=text, inclusion=inclusion)


def _shell_filler(shell: str, shell_url: str):
    """Split a built shell page at its markers once; return a fast page → HTML function."""
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
    if BODY_MARK not in kinds:
        raise PluginError("bangvang: the theme dropped the page body marker; record pages cannot be written")

    def fill(page: Page) -> str:
        values = {BODY_MARK: _render(page), TITLE_MARK: html.escape(page.title),
                  DESCRIPTION_MARK: html.escape(page.description), shell_url: page.url,
                  IMAGE_MARK: html.escape(page.image or "assets/chia-se.png")}
        out = io.StringIO()
        for part, kind in zip(parts, kinds):
            out.write(part)
            out.write(values[kind])
        out.write(parts[-1])
        return out.getvalue()

    return fill


def _write_sitemap(site_dir: Path, site_url: str | None, page_urls: list[str]) -> None:
    """sitemap.xml (and .gz) of every page, sorted, without build-time dates (reproducible builds)."""
    base = (site_url or "").rstrip("/") + "/" if site_url else "/"
    entries = "".join(f"  <url><loc>{html.escape(base + url)}</loc></url>\n" for url in sorted(set(page_urls)))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n").encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(xml)
    with open(site_dir / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(xml)
