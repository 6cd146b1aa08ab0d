"""The thin MkDocs adapter: hands the rendered pages and files to MkDocs as virtual files.

Generated pages are never written into content/. Their body HTML is final, so MkDocs' Markdown
pass is skipped for them (an empty body is converted, then replaced). Record pages stay out of
the navigation, so a page's HTML does not grow with the number of records.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import pipeline
from generator.render import Page, RenderedSite


class BangVangConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="site_templates")


class BangVangPlugin(BasePlugin[BangVangConfig]):
    """``plugins: [bangvang]`` in mkdocs.yml."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preloaded: RenderedSite | None = None  # set by the CLI, which has validated already
        self._pages: dict[str, Page] = {}

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
                                   config.site_name, Path(config.docs_dir))
            if not outcome.ok:
                lines = "\n".join(p.format() for p in outcome.problems if p.is_error)
                raise PluginError(f"Dữ liệu có lỗi, không xây dựng trang:\n{lines}")
            site = outcome.site
        self._pages = {}
        for page in site.pages:
            src_uri = f"{page.url}index.md"
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"content/{src_uri} trùng địa chỉ với trang được tạo tự động — đổi tên tệp trong content/")
            top_level = page.url.count("/") <= 1
            front = {"title": page.title, "description": page.description}
            text = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
            files.append(File.generated(config, src_uri, content=text,
                                        inclusion=InclusionLevel.INCLUDED if top_level else InclusionLevel.NOT_IN_NAV))
            self._pages[src_uri] = page
        for out in site.files:
            if out.content is not None:
                files.append(File.generated(config, out.path, content=out.content))
            else:
                files.append(File.generated(config, out.path, abs_src_path=str(out.source)))
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        return "" if page.file.src_uri in self._pages else markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        generated = self._pages.get(page.file.src_uri)
        return generated.html if generated else html
