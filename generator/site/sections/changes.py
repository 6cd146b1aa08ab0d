"""The changes page (cap-nhat/): every publication, correction, revocation and withdrawal, newest first."""

from __future__ import annotations

from generator.site import timeline, urls, views
from generator.site.labels import count, long_date, short_date
from generator.site.renderer import Renderer

CHANGES_SHOWN = 300


def build(r: Renderer) -> None:
    events = timeline.events(r.pub, r.options.history)
    as_of = timeline.data_as_of(r.pub, r.options.history)
    rows = [{"date": short_date(e.date), "kind": timeline.KIND_LABELS[e.kind], "title": views.Link(e.title, e.url),
             "detail": e.detail} for e in events[:CHANGES_SHOWN]]
    r.page(urls.CHANGES, "changes.html", "Cập nhật",
           "Các quyết định mới công bố, đính chính, hủy bỏ và thông tin đã gỡ, mới nhất trước.",
           rows=rows, as_of=long_date(as_of), total=count(len(events)), shown=len(rows),
           more=len(events) > len(rows),
           feed=views.Link("Nguồn tin Atom", urls.FEED))
