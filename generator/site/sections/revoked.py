"""Revoked awards: every revoked decision with the revoking decision, date and reason."""

from __future__ import annotations

from generator.site import urls, views
from generator.site.labels import short_date
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    c, pub = r.catalog, r.pub
    r.page(urls.REVOKED, "revoked.html", "Khen thưởng đã bị hủy bỏ",
           "Các quyết định khen thưởng đã bị hủy bỏ, kèm quyết định hủy và lý do.",
           total=views.figure("all.awards_revoked", c.counts.all.awards_revoked),
           rows=[{"row": views.decision_row(pub, d), "by": d.model.revocation.decision_number,
                  "on": short_date(d.model.revocation.date), "reason": d.model.revocation.reason} for d in c.revoked()])
