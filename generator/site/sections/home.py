"""The home page: totals, latest decisions, featured profiles."""

from __future__ import annotations

from generator.site import timeline, urls, views
from generator.site.labels import long_date
from generator.site.renderer import Renderer

LATEST_ON_HOME = 10


def build(r: Renderer) -> None:
    pub = r.pub
    t = pub.counts.all
    profiles = pub.profiles()
    r.page(urls.HOME, "home.html", r.site_name,
           "Công khai quyết định khen thưởng và gương điển hình tiên tiến.",
           totals=[("Quyết định", views.figure("all.decisions", t.decisions)),
                   ("Lượt khen thưởng", views.figure("all.awards", t.awards)),
                   ("Cá nhân", views.figure("all.awards.individual", t.individuals)),
                   ("Tập thể", views.figure("all.awards.collective", t.collectives)),
                   ("Hộ gia đình", views.figure("all.awards.household", t.households))]
           + ([("Không rõ cá nhân hay tập thể", views.figure("all.awards.unknown", t.kinds["unknown"]))]
              if t.kinds["unknown"] else [])
           + [("Gương điển hình", views.figure("profiles", len(profiles)))],
           publisher=r.options.publisher,
           unnamed=views.figure("all.awards_unnamed", t.awards_unnamed) if t.awards_unnamed else "",
           revoked=views.figure("all.awards_revoked", t.awards_revoked),
           revoked_link=views.Link("Khen thưởng đã bị hủy bỏ", urls.REVOKED),
           latest=[views.decision_row(pub, d) for d in timeline.newest_publications(pub, r.options.history,
                                                                                       LATEST_ON_HOME)],
           as_of=long_date(timeline.data_as_of(pub, r.options.history)), changes=views.Link("Xem mọi cập nhật", urls.CHANGES),
           featured=[views.profile_card(pub, p) for p in profiles if p.model.featured],
           years=[views.Link(f"Năm {y}", urls.year(y)) for y in pub.by_year])
