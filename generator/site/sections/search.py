"""The search page and its static index."""

from __future__ import annotations

from generator.site import search_index, urls
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    index = r.search_index.result()  # started by render_site, on the other core where it can
    r.site.files.extend(index.files)
    r.page(urls.SEARCH, "search.html", "Tìm kiếm",
           "Tìm người, tập thể, đơn vị, quyết định khen thưởng — gõ có dấu hay không dấu đều được.",
           index=search_index.INDEX_DIR, cap=search_index.CAP, nbmax=search_index.NBMAX,
           shards=",".join(index.shards), long_title=",".join(index.long_title),
           long_other=",".join(index.long_other), long_plain=",".join(index.long_plain),
           **search_index.facets(r.pub))
