"""Stage 3 — catalog: valid records → indexes and derived views (by year, form, unit, profile).

Everything here is computed from the records and nothing is stored twice: a profile's awards
are the recipients of decisions that link to it; a unit's history follows ``successor`` links.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.records.models import Authority, AwardForm, AwardLevel, Movement, RecipientKind, Unit
from generator.text import sort_key
from generator.records.entries import DecisionEntry, Located, ProfileEntry, Records


@dataclass(frozen=True)
class Award:
    """One recipient line of one decision: who got what, where, and when."""

    decision: DecisionEntry
    index: int
    recipient_id: str

    @property
    def recipient(self):
        return self.decision.model.recipients[self.index]

    @property
    def revoked(self) -> bool:
        return self.decision.revoked


@dataclass(frozen=True)
class Totals:
    decisions: int = 0
    awards: int = 0
    individuals: int = 0
    collectives: int = 0
    households: int = 0


@dataclass
class Catalog:
    """Read-only indexes over valid records, built once per build."""

    records: Records
    decisions: list[DecisionEntry]  # newest first
    by_year: dict[int, list[DecisionEntry]]  # years newest first, decisions newest first
    by_form: dict[str, list[DecisionEntry]]
    awards_by_unit: dict[str, list[Award]]
    awards_by_profile: dict[str, list[Award]]
    predecessors: dict[str, list[str]]  # unit id → units merged into it
    children: dict[str, list[str]]  # unit id → units under it
    totals: Totals = field(default_factory=Totals)

    @property
    def units(self) -> dict[str, Located[Unit]]:
        return self.records.units

    @property
    def award_forms(self) -> dict[str, Located[AwardForm]]:
        return self.records.award_forms

    @property
    def authorities(self) -> dict[str, Located[Authority]]:
        return self.records.authorities

    @property
    def movements(self) -> dict[str, Located[Movement]]:
        return self.records.movements

    @property
    def profiles(self) -> dict[str, ProfileEntry]:
        return self.records.profiles

    def units_sorted(self) -> list[Located[Unit]]:
        return sorted(self.units.values(), key=lambda u: sort_key(u.model.name))

    def forms_in_use(self) -> list[Located[AwardForm]]:
        return [self.award_forms[f] for f in self.award_forms if f in self.by_form]

    def forms_in_use_by_name(self) -> list[Located[AwardForm]]:
        return sorted(self.forms_in_use(), key=lambda f: sort_key(f.model.name))

    def levels_in_use(self) -> list[AwardLevel]:
        return [level for level in AwardLevel if any(f.model.level is level for f in self.forms_in_use())]

    def units_with_awards(self) -> list[Located[Unit]]:
        return [u for u in self.units_sorted() if u.model.id in self.awards_by_unit]

    def profiles_sorted(self) -> list[ProfileEntry]:
        """Published profiles by name; withdrawn ones keep their page but leave every list."""
        return sorted((p for p in self.profiles.values() if not p.model.withdrawn), key=lambda p: sort_key(p.model.name))

    def revoked(self) -> list[DecisionEntry]:
        return [d for d in self.decisions if d.revoked]


def _newest_first(decision: DecisionEntry) -> tuple:
    return (-decision.model.date.toordinal(), decision.slug)


def build_catalog(records: Records) -> Catalog:
    """Index valid records. Revoked decisions stay listed but are left out of totals."""
    decisions = sorted(records.decisions, key=_newest_first)
    by_year: dict[int, list[DecisionEntry]] = defaultdict(list)
    by_form: dict[str, list[DecisionEntry]] = defaultdict(list)
    awards_by_unit: dict[str, list[Award]] = defaultdict(list)
    awards_by_profile: dict[str, list[Award]] = defaultdict(list)
    counts = defaultdict(int)
    for decision in decisions:
        by_year[decision.year].append(decision)
        by_form[decision.model.award_form].append(decision)
        in_force = not decision.revoked
        if in_force:
            counts["decisions"] += 1
        for index, recipient in enumerate(decision.model.recipients):
            award = Award(decision, index, decision.recipient_ids[index])
            if recipient.unit:
                awards_by_unit[recipient.unit].append(award)
            if recipient.profile:
                awards_by_profile[recipient.profile].append(award)
            if in_force:
                counts["awards"] += 1
                counts[{RecipientKind.individual: "individuals", RecipientKind.collective: "collectives",
                        RecipientKind.household: "households"}[recipient.kind]] += 1
    predecessors: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for unit in sorted(records.units.values(), key=lambda u: sort_key(u.model.name)):
        if unit.model.successor:
            predecessors[unit.model.successor].append(unit.model.id)
        if unit.model.parent:
            children[unit.model.parent].append(unit.model.id)
    for awards in awards_by_profile.values():
        awards.sort(key=lambda a: (a.decision.model.date, a.decision.slug))
    return Catalog(
        records=records,
        decisions=decisions,
        by_year=dict(sorted(by_year.items(), reverse=True)),
        by_form=dict(by_form),
        awards_by_unit=dict(awards_by_unit),
        awards_by_profile=dict(awards_by_profile),
        predecessors=dict(predecessors),
        children=dict(children),
        totals=Totals(**counts),
    )
