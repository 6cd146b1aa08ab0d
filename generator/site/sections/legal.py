"""The dated legal frame, generated from the registries the validator judges with (``records.law``): which
core texts applied on which signing dates, every legal document with its dates, the base salary by period
and the report forms by report year. The hand-written "Cơ sở pháp lý" page explains; this one lists."""

from __future__ import annotations

import datetime as dt

from generator.records import law
from generator.site import urls
from generator.site.labels import money, public_text, short_date
from generator.site.renderer import Renderer


def _when(start, end) -> str:
    if start and end:
        return f"từ {short_date(start)} đến {short_date(end)}"
    if start:
        return f"từ {short_date(start)}"
    return f"đến {short_date(end)}" if end else ""


def _years(form) -> str:
    if form.years_from and form.years_to:
        return f"năm {form.years_from}–{form.years_to}"
    if form.years_from:
        return f"từ năm {form.years_from}"
    return f"đến năm {form.years_to}" if form.years_to else "mọi năm"


def build(r: Renderer) -> None:
    records = r.pub.law
    names = {d.model.id: d.model.number for d in records.legal_documents.values()}
    periods = [{"when": _when(p.start, p.end), "texts": [f"{d.number} — {public_text(d.title)}" for d in p.documents]}
               for p in law.legal_periods(records)]
    documents = sorted((d.model for d in records.legal_documents.values()),
                       key=lambda d: (d.in_force_from or d.issued or d.in_force_to or dt.date.min, d.number))
    rows = [{"number": d.number, "title": public_text(d.title), "issued": short_date(d.issued),
             "period": _when(d.in_force_from, d.in_force_to),
             "successor": names.get(d.repealed_by, "") if d.repealed_by else ""}
            for d in documents]
    salaries = [{"when": _when(b.model.valid_from, b.model.valid_to), "amount": money(b.model.amount),
                 "source": public_text(b.model.source)}
                for b in sorted(records.base_salary.values(), key=lambda b: b.model.valid_from or dt.date.min)]
    reports = [{"code": f.model.code, "title": f.model.title, "circular": f.model.circular,
                "years": _years(f.model), "note": f.model.note or ""}
               for f in sorted(records.report_forms.values(), key=lambda f: (f.model.code, f.model.years_from or 0))]
    r.page(urls.LEGAL_TEXTS, "legal_texts.html", "Văn bản pháp luật áp dụng theo thời gian",
           "Luật, nghị định, mức lương cơ sở và biểu báo cáo thống kê áp dụng cho quyết định khen thưởng theo ngày ký.",
           periods=periods, rows=rows, salaries=salaries, reports=reports)
