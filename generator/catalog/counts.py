"""The one definition of every count the site states.

**What counts.** An award is one recipient line of a decision. It *counts* (in every total, share,
statistic and report form) when its decision is not revoked. A revoked decision's lines stay
published and are counted separately as revoked — never added to totals. A corrected decision
counts like any decision in force. This rule is written for readers on the page "Về dữ liệu".

Every figure has a stable key (``all.awards``, ``year.2024.decisions``, ``form.<id>.awards_revoked``,
``unit.<id>.awards``, ``decision.<year/slug>.rows`` …): pages show figures by key, so a test can check
that every number on every page is the catalog's number for the same thing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.records.entries import DecisionEntry
from generator.records.models import RecipientKind

KINDS = (RecipientKind.individual, RecipientKind.collective, RecipientKind.household)


@dataclass
class Tally:
    """Counts over one scope (everything, a year, an award form, a unit, an authority, a decision)."""

    decisions: int = 0  # decisions in force (not revoked) with at least one line in the scope
    decisions_revoked: int = 0
    rows: int = 0  # recipient lines listed, whatever their status
    awards: int = 0  # lines that count (see module docstring)
    awards_revoked: int = 0
    kinds: Counter = field(default_factory=Counter)  # awards that count, by recipient kind
    row_kinds: Counter = field(default_factory=Counter)  # lines listed, by recipient kind

    @property
    def individuals(self) -> int:
        return self.kinds[RecipientKind.individual.value]

    @property
    def collectives(self) -> int:
        return self.kinds[RecipientKind.collective.value]

    @property
    def households(self) -> int:
        return self.kinds[RecipientKind.household.value]

    def figures(self, prefix: str) -> dict[str, int]:
        """This tally's figures under ``prefix`` (e.g. ``year.2024``)."""
        out = {f"{prefix}.decisions": self.decisions, f"{prefix}.decisions_revoked": self.decisions_revoked,
               f"{prefix}.rows": self.rows, f"{prefix}.awards": self.awards,
               f"{prefix}.awards_revoked": self.awards_revoked}
        for kind in KINDS:
            out[f"{prefix}.awards.{kind.value}"] = self.kinds[kind.value]
            out[f"{prefix}.rows.{kind.value}"] = self.row_kinds[kind.value]
        return out


def _add(tally: Tally, decision: DecisionEntry, kinds: list[str], seen: set) -> None:
    """Add ``decision``'s lines of the given kinds to ``tally`` (a decision counted once per tally)."""
    if id(tally) not in seen:
        seen.add(id(tally))
        if decision.revoked:
            tally.decisions_revoked += 1
        else:
            tally.decisions += 1
    tally.rows += len(kinds)
    tally.row_kinds.update(kinds)
    if decision.revoked:
        tally.awards_revoked += len(kinds)
    else:
        tally.awards += len(kinds)
        tally.kinds.update(kinds)


@dataclass
class Counts:
    """Tallies per scope, computed once from every decision."""

    all: Tally = field(default_factory=Tally)
    year: dict[int, Tally] = field(default_factory=dict)
    form: dict[str, Tally] = field(default_factory=dict)
    authority: dict[str, Tally] = field(default_factory=dict)
    unit: dict[str, Tally] = field(default_factory=dict)
    decision: dict[str, Tally] = field(default_factory=dict)
    profiles: int = 0  # published profiles (set by the gate's view of profiles)

    def of_year(self, year: int) -> Tally:
        return self.year.get(year) or Tally()

    def of_form(self, form_id: str) -> Tally:
        return self.form.get(form_id) or Tally()

    def of_unit(self, unit_id: str) -> Tally:
        return self.unit.get(unit_id) or Tally()

    def of_decision(self, decision_id: str) -> Tally:
        return self.decision.get(decision_id) or Tally()

    def figures(self) -> dict[str, int]:
        """Every figure by key, for pages and for the consistency test."""
        out = self.all.figures("all")
        for name in ("year", "form", "authority", "unit", "decision"):
            for key, tally in getattr(self, name).items():
                out.update(tally.figures(f"{name}.{key}"))
        return out


def count_all(decisions: list[DecisionEntry], registries: dict[str, list[str]] | None = None) -> Counts:
    """Tally every decision into every scope it belongs to. ``registries`` lists the ids of units,
    award forms and authorities, whose scopes exist (at zero) even without a decision."""
    counts = Counts()
    year: dict[int, Tally] = defaultdict(Tally)
    registries = registries or {}
    form: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("form", ())})
    authority: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("authority", ())})
    unit: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("unit", ())})
    for decision in decisions:
        d = decision.model
        kinds = [r.kind.value for r in d.recipients]
        seen: set = set()
        for tally in (counts.all, year[decision.year], form[d.award_form], authority[d.authority]):
            _add(tally, decision, kinds, seen)
        counts.decision[decision.id] = Tally()
        _add(counts.decision[decision.id], decision, kinds, seen)
        by_unit: dict[str, list[str]] = defaultdict(list)
        for r in d.recipients:
            if r.unit:
                by_unit[r.unit].append(r.kind.value)
        for unit_id, unit_kinds in by_unit.items():
            _add(unit[unit_id], decision, unit_kinds, seen)
    counts.year, counts.form, counts.authority, counts.unit = dict(year), dict(form), dict(authority), dict(unit)
    return counts
