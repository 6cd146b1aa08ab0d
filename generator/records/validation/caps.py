"""Ratio caps of the award-form registry, checked per unit and year.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.records.entries import DecisionEntry, Records
from generator.records.problems import Problem, Severity


@dataclass(frozen=True)
class CapBreach:
    """More holders of a capped title in one unit and year than the registry allows."""

    form: str
    of: str
    unit: str
    year: int
    count: int
    base: int
    percent: float
    last: DecisionEntry


def cap_breaches(records: Records) -> list[CapBreach]:
    """Check every ``cap`` rule of the award-form registry per unit and year, over the awards that count
    (``catalog/counts.py``: no annulled decision or line), counting the capped form only in decisions signed while
    the rule applied (the 15 % of Decree 91/2017 ended with 2023).

    A unit and year with no recorded holder of the base title is not judged: its list is not published.
    """
    caps = {f.model.id: f.model.cap for f in records.award_forms.values() if f.model.cap}
    if not caps:
        return []
    counts: dict[tuple[str, str, int], int] = {}
    last: dict[tuple[str, str, int], DecisionEntry] = {}
    for entry in sorted(records.decisions, key=lambda e: (e.model.date, e.slug)):
        cap = caps.get(entry.model.award_form)
        if cap is not None and not cap.holds_on(entry.model.date):
            continue
        for i, r in enumerate(entry.model.recipients):
            # the rule of catalog/counts.py: an annulled decision or line never counts
            if r.unit and not entry.line_revoked(i):
                key = (entry.model.award_form, r.unit, entry.year)
                counts[key] = counts.get(key, 0) + 1
                last[key] = entry
    breaches = []
    for (form, unit, year), count in sorted(counts.items()):
        cap = caps.get(form)
        if cap is None:
            continue
        base = counts.get((cap.of, unit, year), 0)
        if base and count > base * cap.percent / 100:
            breaches.append(CapBreach(form, cap.of, unit, year, count, base, cap.percent, last[(form, unit, year)]))
    return breaches


def check_caps(records: Records, problems: list[Problem]) -> None:
    for b in cap_breaches(records):
        forms, units = records.award_forms, records.units
        problems.append(Problem(b.last.path, b.last.line("award_form"), "cap_exceeded", {
            "form": forms[b.form].model.name, "of": forms[b.of].model.name,
            "unit": units[b.unit].model.name if b.unit in units else b.unit, "year": b.year,
            "count": b.count, "base": b.base, "percent": f"{b.percent:g}",
            "source": forms[b.form].model.cap.source or "danh mục hình thức khen thưởng"}, Severity.WARNING))
