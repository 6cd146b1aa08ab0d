"""What a real published record leaves out, said explicitly: partial lists with declared totals, dates that
are not signing dates or are known only to the month or year, unknown form, method, reason or signer, one
person's award annulled by a later decision, and rewards outside the Law's forms."""

from __future__ import annotations

import datetime as dt

from generator.records.entries import DecisionEntry, Records
from generator.records.models import AwardGroup, DatePrecision
from generator.records.problems import Problem, Severity

_KIND_WORDS = {"individual": "cá nhân", "household": "hộ gia đình", "collective": "tập thể"}


def check_completeness(entry: DecisionEntry, records: Records, today: dt.date, problems: list[Problem]) -> None:
    """Declared totals, date kind and precision, unknown values, per-line revocations and rewards of one decision."""
    d = entry.model
    _check_declared(entry, problems)
    if d.date_precision is DatePrecision.month and d.date.day != 1:
        problems.append(Problem(entry.path, entry.line("date"), "date_precision_day", {"date": d.date,
                                                                                     "first": d.date.replace(day=1)}))
    if d.date_precision is DatePrecision.year and (d.date.month, d.date.day) != (1, 1):
        problems.append(Problem(entry.path, entry.line("date"), "date_precision_day", {
            "date": d.date, "first": dt.date(d.date.year, 1, 1)}))
    form = records.award_forms.get(d.award_form)
    if form and form.model.group is AwardGroup.unknown and not (d.award_form_note or d.source_note):
        problems.append(Problem(entry.path, entry.line("award_form"), "unknown_form_note_missing"))
    for index, r in enumerate(d.recipients):
        if r.revoked is None:
            continue
        at = entry.line("recipients", index, "revoked")
        if r.revoked.date < d.date:
            problems.append(Problem(entry.path, at, "revocation_before_decision"))
        if r.revoked.date > today:
            problems.append(Problem(entry.path, at, "date_in_future", {"date": r.revoked.date}))
        if entry.revoked:
            problems.append(Problem(entry.path, at, "line_revoked_twice", {"name": r.name}, Severity.WARNING))
    if form and form.model.group is AwardGroup.reward:
        for index, r in enumerate(d.recipients):
            if r.cash_vnd is None and r.reward_item is None and r.reward_value_vnd is None:
                problems.append(Problem(entry.path, entry.line("recipients", index), "reward_without_value",
                                        {"name": r.name}, Severity.WARNING))


def _check_declared(entry: DecisionEntry, problems: list[Problem]) -> None:
    d = entry.model
    if d.declared is None:
        if not d.recipients:
            problems.append(Problem(entry.path, entry.line("recipients") if "recipients" in (entry.doc.data or {})
                                    else 1, "no_recipients"))
        return
    named = entry.named()
    for kind, count in named.items():
        stated = getattr(d.declared, kind)
        if stated is not None and stated < count:
            problems.append(Problem(entry.path, entry.line("declared", kind), "declared_below_named", {
                "kind": _KIND_WORDS[kind], "declared": stated, "named": count}))
    if d.declared.total is not None:
        known = sum(getattr(d.declared, k) if getattr(d.declared, k) is not None else n for k, n in named.items())
        if d.declared.total < known:
            problems.append(Problem(entry.path, entry.line("declared", "total"), "declared_total_below", {
                "total": d.declared.total, "known": known}))
    stated = [k for k in ("individual", "household", "collective", "total") if getattr(d.declared, k) is not None]
    if d.declared.unstated:
        if stated:
            problems.append(Problem(entry.path, entry.line("declared", "unstated"), "declared_unstated_with_counts",
                                    {"fields": ", ".join(stated)}))
        return
    if not stated:
        problems.append(Problem(entry.path, entry.line("declared"), "declared_empty"))
    elif not entry.partial:
        problems.append(Problem(entry.path, entry.line("declared"), "declared_equals_named", severity=Severity.WARNING))


def check_occasions(records: Records, problems: list[Problem]) -> None:
    """The decisions of one ``occasion`` agree on its name and published total (said once, or the same each
    time), and that total is not below what its decisions count (named lines plus declared unnamed ones)."""
    by_id: dict[str, list[DecisionEntry]] = {}
    for entry in records.decisions:
        if entry.model.occasion:
            by_id.setdefault(entry.model.occasion.id, []).append(entry)
    for occasion_id, entries in sorted(by_id.items()):
        entries.sort(key=lambda e: (e.path, e.slug))
        for attr in ("title", "declared_total"):
            said = [(e, getattr(e.model.occasion, attr)) for e in entries if getattr(e.model.occasion, attr) is not None]
            for entry, value in said[1:]:
                if value != said[0][1]:
                    problems.append(Problem(entry.path, entry.line("occasion", attr), "occasion_disagrees", {
                        "id": occasion_id, "field": attr, "other": f"{said[0][0].path}:{said[0][0].line('occasion', attr)}"}))
        total = next((e.model.occasion.declared_total for e in entries if e.model.occasion.declared_total is not None),
                     None)
        counted = sum(len(e.model.recipients) + sum(e.unnamed().values()) for e in entries)
        if total is not None and total < counted:
            first = next(e for e in entries if e.model.occasion.declared_total is not None)
            problems.append(Problem(first.path, first.line("occasion", "declared_total"), "occasion_total_below", {
                "id": occasion_id, "total": total, "counted": counted}))

