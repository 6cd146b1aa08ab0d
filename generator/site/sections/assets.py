"""Stylesheets and scripts that belong to the templates, published under ``assets/``."""

from __future__ import annotations

from generator.site import urls
from generator.site.outputs import OutputFile, read_record_file

MAX_ASSET_BYTES = 5 * 1024 * 1024
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    assets = r.templates_dir / "assets"
    if assets.is_dir():
        for path in sorted(assets.iterdir()):
            if path.is_file() and not path.is_symlink():  # links are refused by the pipeline's tree scan
                r.file(OutputFile(f"{urls.ASSETS}{path.name}",
                                  content=read_record_file(r.templates_dir, f"assets/{path.name}", MAX_ASSET_BYTES)))
