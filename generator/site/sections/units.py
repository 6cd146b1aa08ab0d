"""Units and localities: the index by locality, one page per unit with its awards and history."""

from __future__ import annotations

import datetime as dt

from generator.site import urls, views
from generator.site.labels import short_date
from generator.site.renderer import LIST_LIMIT, Renderer
from generator.site.sections.lists import more_link
from generator.text import sort_key


def build(r: Renderer) -> None:
    pub = r.pub
    localities: dict[str, list] = {}
    for unit in pub.units_sorted():
        u = unit.model
        localities.setdefault(u.locality or "Chưa rõ địa bàn", []).append({
            "link": views.Link(u.name, urls.unit(u.id)), "remote": u.remote_area,
            "awards": views.figure(f"unit.{u.id}.awards", pub.counts.of_unit(u.id).awards),
            "ended": short_date(u.valid_to)})
    r.page(urls.UNITS, "units_index.html", "Đơn vị, địa phương",
           "Các đơn vị, địa phương có người hoặc tập thể được khen thưởng.",
           localities=[{"name": name, "units": rows} for name, rows in sorted(localities.items(),
                                                                             key=lambda kv: sort_key(kv[0]))])

    def link(unit_id: str | None) -> views.Link | None:
        return views.Link(pub.units[unit_id].model.name, urls.unit(unit_id)) if unit_id in pub.units else None

    def parents(u) -> list[tuple[str, str]]:
        """The units above ``u``, the highest first (a registry loop is cut where it closes)."""
        chain, seen, parent = [], {u.id}, u.parent
        while parent in pub.units and parent not in seen:
            seen.add(parent)
            chain.append((pub.units[parent].model.name, urls.unit(parent)))
            parent = pub.units[parent].model.parent
        return chain[::-1]

    def unit_context(u) -> dict:
        awards = pub.unit_awards(u.id)
        t = pub.counts.of_unit(u.id)
        return {"unit": {"name": u.name, "locality": u.locality or "", "remote": u.remote_area,
                         "valid_from": short_date(u.valid_from), "valid_to": short_date(u.valid_to),
                         "successors": [link(s) for s in dict.fromkeys(u.successors)],
                         "split": len(set(u.successors)) > 1, "successors_unknown": u.successors_unknown,
                         "ended_on": short_date(u.valid_to + dt.timedelta(days=1)) if u.valid_to else "",
                         "parent": link(u.parent),
                         "predecessors": [link(p) for p in pub.predecessors.get(u.id, [])]},
                # the list holds the unit's own awards; each subordinate unit's are on its page, counted here
                "children_awards": [(link(ch), views.figure(f"unit.{ch}.awards", pub.counts.of_unit(ch).awards))
                                    for ch in pub.children.get(u.id, [])],
                "awards": [views.award_row(pub, a) for a in awards[:LIST_LIMIT]],
                "listed": pub.unit_lists_published,
                "list_name": f"khen-thuong-{u.id}",
                "total": views.figure(f"unit.{u.id}.awards", t.awards),
                "revoked": views.figure(f"unit.{u.id}.awards_revoked", t.awards_revoked) if t.awards_revoked else "",
                "more": more_link(len(awards), f"{urls.SEARCH}?don-vi={u.id}", "lượt khen thưởng"),
                "crumbs": r.breadcrumbs(["units", *parents(u)], u.name, urls.unit(u.id))}

    for unit in pub.units.values():
        u = unit.model
        r.page(urls.unit(u.id), "unit.html", u.name, f"Khen thưởng của {u.name}.", context=lambda u=u: unit_context(u))
