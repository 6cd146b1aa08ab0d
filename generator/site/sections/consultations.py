"""Public consultations (lấy ý kiến nhân dân): the list and one page and print view per notice.

Whether a consultation is still open is decided in the reader's browser from its dates
(countdown.js), so the build does not depend on the day it runs."""

from __future__ import annotations

from generator.site import urls, views
from generator.site.labels import long_date
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer
from generator.site.sections.decisions import print_list


def build(r: Renderer) -> None:
    c, pub = r.catalog, r.pub
    items = []
    for slug, entry in sorted(c.records.consultations.items(), key=lambda kv: (kv[1].model.closes, kv[0]), reverse=True):
        m = entry.model
        url = urls.consultation(slug)
        form = c.award_forms[m.award_form].model
        authority = c.authorities[m.proposer].model.name
        outcome = None
        if m.outcome:
            decision = c.decisions_by_id.get(m.outcome.decision) if m.outcome.decision else None
            outcome = {"note": m.outcome.note,
                       "decision": views.Link(views.decision_label(decision), urls.decision(decision.year, decision.slug))
                       if decision else None}
        rows = [views.recipient_row(pub, row) for row in pub.proposed_rows(entry.model)]
        view = {"title": m.title, "form": views.Link(form.name, urls.award_form(form.id)), "authority": authority,
                "opens": long_date(m.opens), "closes": long_date(m.closes), "closes_iso": m.closes.isoformat(),
                "how": m.how_to_comment, "basis": m.basis or "", "address": m.contact.address, "email": m.contact.email or "",
                "outcome": outcome, "rows": rows, "link": views.Link(m.title, url),
                "print": views.Link("Bản in niêm yết (A4, có mã QR)", urls.print_view_of(url))}
        items.append(view)
        r.page(url, "consultation.html", m.title, f"{m.title}. Hạn góp ý {long_date(m.closes)}.", origin=entry.path,
               k=view)
        r.file(OutputFile(f"{urls.print_view_of(url)}index.html", produce=lambda out, view=view, url=url: out.write(
            print_list(r, url, authority=view["authority"], heading="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                       subtitle=f"{view['title']} — {view['form'].text}", notice="",
                       intro=f"Lấy ý kiến từ {view['opens']} đến hết {view['closes']}. {view['how']} "
                             f"Nơi nhận: {view['address']}" + (f", {view['email']}" if view["email"] else "") + ".",
                       rows=view["rows"]).encode("utf-8"))))
    r.page(urls.CONSULTATIONS, "consultations_index.html", "Lấy ý kiến nhân dân",
           "Các đề nghị khen thưởng đang và đã lấy ý kiến nhân dân.",
           pending=[k for k in items if not k["outcome"]], done=[k for k in items if k["outcome"]])
