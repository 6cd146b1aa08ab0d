"""Revoked awards: every annulled award — a whole decision, or one line of a decision annulled by a later one —
with the revoking decision, its date, signer and reason, and how many awards each row stands for (the figures
of ``counts.py``: the rows add up to the total stated above them)."""

from __future__ import annotations

from generator.site import urls, views
from generator.site.labels import decision_date_label, short_date
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    pub = r.pub
    rows = []
    for decision in pub.decisions:
        d = decision.model
        row = views.decision_row(pub, decision)
        when = f"{decision_date_label(d)}: {row.date}"
        if decision.revoked:
            rv = d.revocation
            rows.append({"row": row, "when": when, "who": [views.Link("Toàn bộ quyết định")],
                         "awards": views.figure(f"decision.{decision.id}.awards_revoked",
                                                pub.counts.of_decision(decision.id).awards_revoked),
                         "by": rv.decision_number, "signer": _signer(rv), "on": short_date(rv.date),
                         "reason": rv.reason})
            continue
        lines = [(index, line.revocation) for index, line in enumerate(pub.rows(decision)) if line.revocation]
        if lines:  # the lines annulled one by one, in one row per decision; their count is the decision's
            rows.append({"row": row, "when": when, "who": [views.annulled_line(pub, decision, i) for i, _ in lines],
                         "awards": views.figure(f"decision.{decision.id}.awards_revoked",
                                                pub.counts.of_decision(decision.id).awards_revoked),
                         "by": "; ".join(dict.fromkeys(rv.decision_number for _, rv in lines)),
                         "signer": "; ".join(dict.fromkeys(_signer(rv) for _, rv in lines)),
                         "on": "; ".join(dict.fromkeys(short_date(rv.date) for _, rv in lines)),
                         "reason": "; ".join(dict.fromkeys(rv.reason for _, rv in lines))})
    r.page(urls.REVOKED, "revoked.html", "Khen thưởng đã bị hủy bỏ",
           "Các khen thưởng đã bị hủy bỏ, kèm quyết định hủy và lý do.",
           total=views.figure("all.awards_revoked", pub.counts.all.awards_revoked), rows=rows)


def _signer(revocation) -> str:
    return f"{revocation.signer.title} {revocation.signer.name}" if revocation.signer else "Không rõ"
