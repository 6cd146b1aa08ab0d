"""Stage 3 — catalog: valid records → indexes and derived views (by year, form, unit, profile, person).

Everything here is computed from the records and nothing is stored twice: a profile's awards
are the recipients of decisions that link to it, a person's the lines carrying their person id
(``Recipient.person_key``); a unit's history follows ``successors`` links both ways. What counts (and
every total) is decided in ``counts.py``; what may be shown about a person in ``gate.py``. Output stages
read people only through the gate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from generator.catalog.counts import Counts, LineStatus, count_all, is_reward, line_status
from generator.records.validation.caps import cap_breaches
from generator.records.entries import DecisionEntry, Located, ProfileEntry, Records
from generator.records.hygiene import number_key
from generator.records.models import Authority, AwardForm, AwardLevel, Movement, Recipient, Revocation, Unit
from generator.text import sort_key


@dataclass(frozen=True, slots=True)
class Award:
    """One recipient line of one decision: who got what, where, and when."""

    decision: DecisionEntry
    index: int
    status: LineStatus = LineStatus.AWARD  # decided by counts.line_status when the catalog is built

    @property
    def recipient(self) -> Recipient:
        """The raw recipient line — for counting and for the publication gate only."""
        return self.decision.model.recipients[self.index]

    @property
    def recipient_id(self) -> str:
        """The line's anchor id as validated (name-derived); outputs use the gate's ``Row.recipient_id``."""
        return self.decision.recipient_ids[self.index]

    @property
    def revoked(self) -> bool:
        return self.status is LineStatus.REVOKED

    @property
    def counts(self) -> bool:
        """True when this award counts in totals and statistics: the one rule (see counts.py)."""
        return self.status is LineStatus.AWARD


@dataclass
class Catalog:
    """Read-only indexes over valid records, built once per build."""

    records: Records
    decisions: list[DecisionEntry]  # newest first
    by_year: dict[int, list[DecisionEntry]]  # years newest first, decisions newest first
    by_form: dict[str, list[DecisionEntry]]
    awards_by_unit: dict[str, list[Award]]  # newest first
    awards_by_profile: dict[str, list[Award]]  # oldest first (a life's timeline)
    awards_by_person: dict[str, list[Award]]  # by person id (``person``, else ``profile``), oldest first
    predecessors: dict[str, list[str]]  # unit id → units that passed to it (merged into it or split among others)
    children: dict[str, list[str]]  # unit id → units under it
    counts: Counts = field(default_factory=Counts)
    # revoking decision id → what it annulled here: (decision, line index or None for the whole decision)
    annulled_by: dict[str, list[tuple[DecisionEntry, int | None]]] = field(default_factory=dict)
    cap_breaches: list = field(default_factory=list)  # ratio caps exceeded, judged once on the awards that count

    def revoking_decision(self, revocation: Revocation) -> DecisionEntry | None:
        """The published decision a revocation names: by its ``decision`` id, else by a number found once."""
        if revocation.decision:
            return self.decisions_by_id.get(revocation.decision)
        found = self._by_number.get(number_key(revocation.decision_number), [])
        return found[0] if len(found) == 1 else None

    @cached_property
    def _by_number(self) -> dict[str, list[DecisionEntry]]:
        out: dict[str, list[DecisionEntry]] = defaultdict(list)
        for d in self.decisions:
            if d.model.number:
                out[number_key(d.model.number)].append(d)
        return out

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

    @cached_property
    def decisions_by_id(self) -> dict[str, DecisionEntry]:
        return {d.id: d for d in self.decisions}

    def award(self, decision: DecisionEntry, index: int) -> Award:
        """Line ``index`` of ``decision`` with its status (counts, revoked or a reward)."""
        reward = is_reward(self.award_forms[decision.model.award_form].model)
        return Award(decision, index, line_status(decision, index, reward))

    def awards_of(self, decision: DecisionEntry) -> list[Award]:
        return [self.award(decision, i) for i in range(len(decision.model.recipients))]

    def counted_awards(self, decisions: list[DecisionEntry] | None = None) -> list[Award]:
        """Every named line of ``decisions`` (default: all) that counts as an award (the rule of counts.py)."""
        return [a for d in (self.decisions if decisions is None else decisions) for a in self.awards_of(d) if a.counts]

    def units_sorted(self) -> list[Located[Unit]]:
        """Units by Vietnamese name (sorted once: pages, exports and the search index all ask; do not change it)."""
        return self._units_sorted

    @cached_property
    def _units_sorted(self) -> list[Located[Unit]]:
        return sorted(self.units.values(), key=lambda u: sort_key(u.model.name))

    def forms_in_use(self) -> list[Located[AwardForm]]:
        return [self.award_forms[f] for f in self.award_forms if f in self.by_form]

    def forms_in_use_by_name(self) -> list[Located[AwardForm]]:
        return sorted(self.forms_in_use(), key=lambda f: sort_key(f.model.name))

    def levels_in_use(self) -> list[AwardLevel]:
        return [level for level in AwardLevel if any(f.model.level is level for f in self.forms_in_use())]

    def units_with_awards(self) -> list[Located[Unit]]:
        return [u for u in self.units_sorted() if u.model.id in self.awards_by_unit]

    def revoked(self) -> list[DecisionEntry]:
        return [d for d in self.decisions if d.revoked]


def _newest_first(decision: DecisionEntry) -> tuple:
    return (-decision.model.date.toordinal(), decision.slug)


def build_catalog(records: Records) -> Catalog:
    """Index valid records. Revoked decisions stay listed; what counts is decided in counts.py."""
    decisions = sorted(records.decisions, key=_newest_first)
    by_year: dict[int, list[DecisionEntry]] = defaultdict(list)
    by_form: dict[str, list[DecisionEntry]] = defaultdict(list)
    awards_by_unit: dict[str, list[Award]] = defaultdict(list)
    awards_by_profile: dict[str, list[Award]] = defaultdict(list)
    awards_by_person: dict[str, list[Award]] = defaultdict(list)
    reward_forms = frozenset(f.model.id for f in records.award_forms.values() if is_reward(f.model))
    for decision in decisions:
        by_year[decision.year].append(decision)
        by_form[decision.model.award_form].append(decision)
        reward = decision.model.award_form in reward_forms
        for index, recipient in enumerate(decision.model.recipients):
            award = Award(decision, index, line_status(decision, index, reward))
            if recipient.unit:
                awards_by_unit[recipient.unit].append(award)
            if recipient.profile:
                awards_by_profile[recipient.profile].append(award)
            if recipient.person_key:
                awards_by_person[recipient.person_key].append(award)
    predecessors: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for unit in sorted(records.units.values(), key=lambda u: sort_key(u.model.name)):
        for successor in dict.fromkeys(unit.model.successors):
            predecessors[successor].append(unit.model.id)
        if unit.model.parent:
            children[unit.model.parent].append(unit.model.id)
    for awards in (*awards_by_profile.values(), *awards_by_person.values()):
        awards.sort(key=lambda a: (a.decision.model.date, a.decision.slug))
    catalog = Catalog(
        records=records,
        decisions=decisions,
        by_year=dict(sorted(by_year.items(), reverse=True)),
        by_form=dict(by_form),
        awards_by_unit=dict(awards_by_unit),
        awards_by_profile=dict(awards_by_profile),
        awards_by_person=dict(awards_by_person),
        predecessors=dict(predecessors),
        children=dict(children),
        counts=count_all(decisions, {"unit": list(records.units), "form": list(records.award_forms),
                                     "authority": list(records.authorities),
                                     "person": list(records.profiles)}, reward_forms),
    )
    annulled: dict[str, list[tuple[DecisionEntry, int | None]]] = defaultdict(list)
    for decision in decisions:
        revocations = [(decision.model.revocation, None)] if decision.model.revocation else []
        revocations += [(r.revoked, i) for i, r in enumerate(decision.model.recipients) if r.revoked]
        for revocation, index in revocations:
            by = catalog.revoking_decision(revocation)
            if by is not None:
                annulled[by.id].append((decision, index))
    catalog.annulled_by = dict(annulled)
    catalog.cap_breaches = cap_breaches(records)
    return catalog
