"""Helpers shared by list pages."""

from __future__ import annotations

from generator.site import views
from generator.site.labels import count
from generator.site.renderer import LIST_LIMIT


def more_link(total: int, href: str, what: str) -> views.Link | None:
    """A link to the rest when a list page shows only the first LIST_LIMIT rows."""
    if total <= LIST_LIMIT:
        return None
    return views.Link(f"Trang này hiện {LIST_LIMIT} {what} mới nhất trong tổng số {count(total)}; xem tất cả", href)
