"""Award forms: the index by level (forms in use first), and one page per form that explains it — criteria,
who may award it and since when, its legal source, the cash amount in each period, and its code for clerks."""

from __future__ import annotations

import datetime as dt

from generator.catalog.counts import is_reward
from generator.records import law
from generator.records.models import AwardForm, AwardLevel, RecipientKind
from generator.site import urls, views
from generator.site.labels import count, label, money, public_text, short_date
from generator.site.renderer import LIST_LIMIT, Renderer
from generator.site.sections.lists import more_link


def _period(rule) -> str:
    """A rule's period, or nothing when it has none (the page then says nothing rather than "không thời hạn")."""
    return law.period_text(rule) if rule.valid_from or rule.valid_to else ""


def _powers(f: AwardForm) -> list[dict]:
    return [{"who": label(p.kind), "period": _period(p), "source": public_text(p.source)} for p in f.powers()]


def _later(a, b):
    return max(a, b) if a and b else a or b


def _earlier(a, b):
    return min(a, b) if a and b else a or b


def _cash(r: Renderer, f: AwardForm) -> list[dict]:
    """One line per period in which both a cash rule of the form and a base salary held: the amounts the
    law set then (the one computation, ``records.law.legal_cash``)."""
    lines = []
    salaries = sorted((b.model for b in r.pub.law.base_salary.values()), key=lambda b: b.valid_from or b.valid_to)
    for rule in f.cash:
        for base in salaries:
            start, end = _later(rule.valid_from, base.valid_from), _earlier(rule.valid_to, base.valid_to)
            if (start and end and start > end) or not (start or end):
                continue
            amounts = []
            for kind in RecipientKind:
                cash = law.legal_cash(r.pub.law, f, kind, start or end)
                if cash:
                    amounts.append(f"{label(kind)}: {str(cash.multiple).replace('.', ',')} × {money(cash.base)} = "
                                   f"{money(cash.amount)}")
            if amounts:
                lines.append({"start": start, "end": end, "amounts": amounts, "source": "; ".join(public_text(s) for s in (rule.source, base.source) if public_text(s))})
    lines.sort(key=lambda line: line["start"] or dt.date.min)
    with_gaps = []
    for line in lines:
        last = with_gaps[-1] if with_gaps else None
        if last and last["end"] and line["start"] and line["start"] > last["end"] + dt.timedelta(days=1):
            with_gaps.append({"start": last["end"] + dt.timedelta(days=1), "end": line["start"] - dt.timedelta(days=1),
                              "amounts": [], "source": ""})
        with_gaps.append(line)
    for line in with_gaps:
        line["period"] = " ".join(p for p in (f"từ {short_date(line['start'])}" if line["start"] else "",
                                              f"đến {short_date(line['end'])}" if line["end"] else "") if p)
    return with_gaps


def summary(f: AwardForm) -> str:
    """What the award is and who receives it, in one sentence from the catalogue's facts (group, level, who may
    receive it, who decides it now), then its criteria when the catalogue has them."""
    who = list(dict.fromkeys(label(p.kind) for p in f.powers() if p.valid_to is None)) or \
        list(dict.fromkeys(label(p.kind) for p in f.powers()))
    kinds = ", ".join(label(k).lower() for k in f.recipient_kinds)
    level = label(f.level).lower()
    level = "" if f.level is AwardLevel.other or level.removeprefix("cấp ") in label(f.group).lower() else f" {level}"
    sentence = f"{f.name}: {label(f.group).lower()}{level}, tặng cho {kinds}"
    sentence += f"; {' hoặc '.join(who)} quyết định tặng." if who else "."
    return sentence


def build(r: Renderer) -> None:
    pub = r.pub
    groups = []
    for level in AwardLevel:
        rows, unused = [], []
        for form in (f for f in pub.award_forms.values() if f.model.level is level):
            f, t = form.model, pub.counts.of_form(form.model.id)
            row = {"link": views.Link(f.name, urls.award_form(f.id)), "group": label(f.group), "code": f.id,
                   "decisions": views.figure(f"form.{f.id}.decisions", t.decisions),
                   "recipients": views.figure(f"form.{f.id}.awards", t.awards)}
            (rows if f.id in pub.by_form else unused).append(row)
        if rows or unused:
            groups.append({"title": label(level), "rows": rows, "unused": unused, "unused_count": count(len(unused))})
    r.page(urls.AWARD_FORMS, "award_forms_index.html", "Hình thức khen thưởng",
           "Các hình thức khen thưởng và danh hiệu thi đua.", groups=groups)
    for form in pub.award_forms.values():
        f = form.model
        decisions = pub.by_form.get(f.id, [])
        t = pub.counts.of_form(f.id)
        r.page(urls.award_form(f.id), "award_form.html", f.name, f"{f.name}: {t.decisions} quyết định còn hiệu lực.",
               context=lambda f=f, decisions=decisions, t=t: {
                   "form": {"name": f.name, "code": f.id, "summary": summary(f), "group": label(f.group), "level": label(f.level),
                            "kinds": ", ".join(label(k) for k in f.recipient_kinds), "powers": _powers(f),
                            "period": _period(f), "source": public_text(f.source), "criteria": f.criteria or "",
                            "cash": _cash(r, f)},
                   "rows": [views.decision_row(pub, d) for d in decisions[:LIST_LIMIT]],
                   "more": more_link(len(decisions), f"{urls.SEARCH}?hinh-thuc={f.id}", "quyết định"),
                   "total_label": "Lượt thưởng (ngoài các hình thức của Luật, đếm riêng)" if is_reward(f)
                   else "Lượt khen thưởng còn hiệu lực",
                   "recipients": views.figure(f"form.{f.id}.rewards", t.rewards) if is_reward(f)
                   else views.figure(f"form.{f.id}.awards", t.awards),
                   "unnamed": views.figure(f"form.{f.id}.awards_unnamed", t.awards_unnamed) if t.awards_unnamed else "",
                   "unstated": views.figure(f"form.{f.id}.decisions_unstated", t.decisions_unstated)
                   if t.decisions_unstated else "",
                   "revoked": views.figure(f"form.{f.id}.awards_revoked", t.awards_revoked)
                   if t.awards_revoked else "",
                   "crumbs": r.breadcrumbs(["forms"], f.name, urls.award_form(f.id))})
