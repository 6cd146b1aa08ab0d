"""Public consultations (lấy ý kiến nhân dân): the list and one page and print view per notice.

Whether a consultation is still open is decided in the reader's browser from its dates
(countdown.js), so the build does not depend on the day it runs."""

from __future__ import annotations

import segno
from markupsafe import Markup

from generator.records import law
from generator.site import fingerprint, urls, views
from generator.text import fold
from generator.site.labels import long_date
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer


def _forms(r: Renderer, m) -> list[views.Link]:
    ids = list(dict.fromkeys([f for f in [m.award_form, *(row.award_form for row in r.pub.proposed_rows(m))] if f]))
    return [views.Link(r.pub.award_forms[f].model.name, urls.award_form(f)) for f in ids]


def _decided_rows(r: Renderer, m) -> dict[int, views.Link]:
    """Proposed lines found by name in the resulting decision: each links to its line there."""
    pub = r.pub
    decision = pub.decisions_by_id.get(m.outcome.decision) if m.outcome and m.outcome.decision else None
    if decision is None:
        return {}
    by_name: dict[str, list] = {}
    for row in r.pub.rows(decision):
        if row.name:
            by_name.setdefault(fold(row.name), []).append(row)
    out = {}
    for row in r.pub.proposed_rows(m):
        found = by_name.get(fold(row.name), []) if row.name else []
        if len(found) == 1:
            out[row.number] = views.Link(f"Dòng {found[0].number} của quyết định",
                                         urls.recipient_link(decision.year, decision.slug, found[0].recipient_id))
    return out


def _uncertain(records, opens, closes) -> str:
    """What a deadline counted in working days cannot yet know: the holidays of a year not officially announced."""
    years = [y for y in range(opens.year, closes.year + 1) if str(y) not in records.holidays]
    years += law.holidays_provisional(records, opens, closes)
    if not years:
        return ""
    listed = ", ".join(str(y) for y in sorted(years))
    return (f" (tính theo các ngày nghỉ lễ đã biết: lịch nghỉ năm {listed} chưa được công bố chính thức, hạn có thể "
            "thay đổi)")


def build(r: Renderer) -> None:
    pub = r.pub
    items = []
    entries = sorted(pub.consultations.items(), key=lambda kv: (law.closing_day(pub.law, kv[1].model), kv[0]),
                     reverse=True)
    for slug, entry in entries:
        m = entry.model
        url = urls.consultation(slug)
        closes = law.closing_day(pub.law, m)
        forms = _forms(r, m)
        authority = pub.authorities[m.proposer].model.name
        outcome = None
        if m.outcome:
            decision = pub.decisions_by_id.get(m.outcome.decision) if m.outcome.decision else None
            outcome = {"note": m.outcome.note,
                       "decision": views.Link(views.decision_label(decision), urls.decision(decision.year, decision.slug))
                       if decision else None}
        decided = _decided_rows(r, m)
        proposals = pub.proposed_rows(m)
        several = len(forms) > 1
        rows = [{"row": views.recipient_row(pub, row),
                 "form": views.Link(pub.award_forms[row.award_form].model.name, urls.award_form(row.award_form))
                 if several else None,
                 "decided": decided.get(row.number)}
                for row in proposals]
        computed = m.closes is None  # the day is worked out from working_days: never given as the notice's own
        written = f"Thông báo ghi «{m.deadline_as_written}». " if m.deadline_as_written else ""
        if computed:
            period = (f"{written}{m.working_days} ngày làm việc từ {long_date(m.opens)}; hạn tính ra (thông báo không ghi "
                      f"ngày): đến hết {long_date(closes)}")
        elif m.working_days:
            period = f"{written}{m.working_days} ngày làm việc, từ {long_date(m.opens)} đến hết {long_date(closes)}"
        else:
            period = f"{written}Từ {long_date(m.opens)} đến hết {long_date(closes)}"
        if computed:
            period += _uncertain(pub.law, m.opens, closes)
        closes_text = f"{long_date(closes)} (tính ra, thông báo không ghi ngày)" if computed else long_date(closes)
        view = {"title": m.title, "forms": forms, "several": several, "authority": authority,
                "opens": long_date(m.opens), "closes": closes_text, "closes_iso": closes.isoformat(),
                "period": period,
                "how": m.how_to_comment, "basis": m.basis or "", "address": m.contact.address, "email": m.contact.email or "",
                "outcome": outcome, "rows": rows, "link": views.Link(m.title, url),
                "print": views.Link("Bản in niêm yết (A4, có mã QR)", urls.print_view_of(url))}
        items.append(view)
        r.page(url, "consultation.html", m.title, f"{m.title}. Hạn góp ý {closes_text}.", origin=entry.path,
               k=view, report=r.feedback("Đề cử / góp ý", m.title, url, target=m.contact.email or ""),
               crumbs=r.breadcrumbs(["consultations"], m.title, url))
        r.file(OutputFile(f"{urls.print_view_of(url)}index.html", produce=lambda out, view=view, url=url: out.write(
            print_list(r, url, authority=view["authority"], heading="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                       subtitle=f"{view['title']} — {', '.join(f.text for f in view['forms'])}", notice="",
                       intro=f"Thời gian lấy ý kiến: {view['period']}. {view['how']} "
                             f"Nơi nhận: {view['address']}" + (f", {view['email']}" if view["email"] else "") + ".",
                       rows=[item["row"] for item in view["rows"]]).encode("utf-8")),
            inputs=lambda view=view, url=url: fingerprint.digest(r.code_key, url, r.permanent_url(url), r.site_name,
                                                                 view)))
    r.page(urls.CONSULTATIONS, "consultations_index.html", "Lấy ý kiến nhân dân",
           "Các đề nghị khen thưởng đang và đã lấy ý kiến nhân dân.",
           pending=[k for k in items if not k["outcome"]], done=[k for k in items if k["outcome"]])


def print_list(r: Renderer, url: str, **values) -> str:
    """A4 notice-board list: a standalone page (consultations) with a QR code of the public page's permanent address."""
    permanent = r.permanent_url(url)
    # a fixed mask: segno then skips scoring all eight masks (4x faster over 20,000 pages); still decodes
    qr = segno.make(permanent, error="m", mask=0).svg_inline(scale=1, dark="#000", light="#fff", omitsize=True,
                                                             title=f"Mã QR: {permanent}")
    return r.env.get_template("print_list.html").render(permanent_url=permanent, site_name=r.site_name,
                                                        qr=Markup(qr), **values)
