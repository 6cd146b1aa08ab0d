"""The one definition of every count the site states.

**What counts.** An award is one recipient line of a decision. A line is one of:

* an **award that counts** (in every total, share, statistic and report form): its decision is not revoked,
  the line itself was not annulled by a later decision, and its form is one of the Law's forms (or a form the
  source does not name);
* **revoked**: the decision, or this one line, was annulled — it stays published and is counted apart as
  revoked, never added to totals;
* a **reward** outside the Law's forms (money or a gift, group ``reward`` of the award-form registry): counted
  apart, with its value, and never in the report forms.

A decision whose named list is partial (``declared``) adds its **unnamed** awards — declared minus named, per
recipient kind — to the totals and kind counts of its year, form and authority (not of a unit: they have none),
and the pages say how many of a total are unnamed. A corrected decision counts like any decision in force.
This rule is written for readers on the page "Về dữ liệu".

A **person** (``person`` id, or the profile a line links to) is counted over the lines tied to them that are not
withdrawn: a withdrawn line is tied to no one, so no count can tell whose it was.

Every figure has a stable key (``all.awards``, ``year.2024.decisions``, ``form.<id>.awards_revoked``,
``unit.<id>.awards``, ``decision.<year/slug>.rows``, ``person.<id>.decisions`` …): pages show figures by key,
so a test can check that every number on every page is the catalog's number for the same thing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum

from generator.records.entries import DecisionEntry
from generator.records.models import AwardForm, AwardGroup, RecipientKind

KINDS = (RecipientKind.individual, RecipientKind.collective, RecipientKind.household)


class LineStatus(str, Enum):
    AWARD = "award"  # counts
    REVOKED = "revoked"
    REWARD = "reward"  # outside the Law's forms, counted apart


def is_reward(form: AwardForm) -> bool:
    return form.group is AwardGroup.reward


def line_status(decision: DecisionEntry, index: int, reward_form: bool) -> LineStatus:
    """The status of one recipient line: the rule of this module, decided here only."""
    if decision.line_revoked(index):
        return LineStatus.REVOKED
    return LineStatus.REWARD if reward_form else LineStatus.AWARD


@dataclass
class Tally:
    """Counts over one scope (everything, a year, an award form, a unit, an authority, a decision)."""

    decisions: int = 0  # decisions in force (not revoked) with at least one line in the scope
    decisions_revoked: int = 0
    decisions_unstated: int = 0  # decisions whose source states no count: only their named lines are counted
    rows: int = 0  # recipient lines listed, whatever their status
    declared: int = 0  # lines listed plus those declared but not named, whatever their status
    awards: int = 0  # awards that count, named and unnamed (see module docstring)
    awards_unnamed: int = 0  # of ``awards``: declared by partial lists but not named
    awards_revoked: int = 0
    rewards: int = 0  # rewards outside the Law's forms
    reward_value: int = 0  # their money and declared value, in đồng
    in_kind_unvalued: int = 0  # lines in force with a gift in kind (reward_item) and no value: in no money total
    in_kind_value: int = 0  # the stated value of gifts in kind given with an award of the Law (a Cờ and a gift)
    kinds: Counter = field(default_factory=Counter)  # awards that count, by recipient kind ("unknown" for unnamed)
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
               f"{prefix}.decisions_unstated": self.decisions_unstated,
               f"{prefix}.rows": self.rows, f"{prefix}.declared": self.declared, f"{prefix}.awards": self.awards,
               f"{prefix}.awards_unnamed": self.awards_unnamed, f"{prefix}.awards_revoked": self.awards_revoked,
               f"{prefix}.rewards": self.rewards, f"{prefix}.reward_value": self.reward_value,
               f"{prefix}.in_kind_unvalued": self.in_kind_unvalued, f"{prefix}.in_kind_value": self.in_kind_value, f"{prefix}.awards.unknown": self.kinds["unknown"]}
        for kind in KINDS:
            out[f"{prefix}.awards.{kind.value}"] = self.kinds[kind.value]
            out[f"{prefix}.rows.{kind.value}"] = self.row_kinds[kind.value]
        return out


def _add(tally: Tally, decision: DecisionEntry, lines: list[int], reward_form: bool, seen: set,
         unnamed: bool = False) -> None:
    """Add ``decision``'s lines (their indexes) to ``tally``, and its unnamed awards when ``unnamed`` (a decision
    counted once per tally)."""
    if id(tally) not in seen:
        seen.add(id(tally))
        if decision.revoked:
            tally.decisions_revoked += 1
        else:
            tally.decisions += 1
        if decision.count_unstated:
            tally.decisions_unstated += 1
    recipients = decision.model.recipients
    tally.rows += len(lines)
    tally.declared += len(lines)
    tally.row_kinds.update(recipients[i].kind.value for i in lines)
    for i in lines:
        status = line_status(decision, i, reward_form)
        if status is not LineStatus.REVOKED and recipients[i].reward_item and recipients[i].reward_value_vnd is None:
            tally.in_kind_unvalued += 1
        if status is LineStatus.REVOKED:
            tally.awards_revoked += 1
        elif status is LineStatus.REWARD:
            tally.rewards += 1
            tally.reward_value += (recipients[i].cash_vnd or 0) + (recipients[i].reward_value_vnd or 0)
        else:
            tally.awards += 1
            tally.kinds[recipients[i].kind.value] += 1
            tally.in_kind_value += recipients[i].reward_value_vnd or 0
    if unnamed:
        extra = decision.unnamed()
        total = sum(extra.values())
        tally.declared += total
        if decision.revoked:
            tally.awards_revoked += total
        elif reward_form:
            tally.rewards += total
        else:
            tally.awards += total
            tally.awards_unnamed += total
            tally.kinds.update({k: n for k, n in extra.items() if n})


@dataclass
class Counts:
    """Tallies per scope, computed once from every decision."""

    all: Tally = field(default_factory=Tally)
    year: dict[int, Tally] = field(default_factory=dict)
    form: dict[str, Tally] = field(default_factory=dict)
    authority: dict[str, Tally] = field(default_factory=dict)
    unit: dict[str, Tally] = field(default_factory=dict)
    decision: dict[str, Tally] = field(default_factory=dict)
    person: dict[str, Tally] = field(default_factory=dict)
    occasion: dict[str, Tally] = field(default_factory=dict)  # decisions sharing an ``occasion`` id
    occasion_declared: dict[str, int] = field(default_factory=dict)  # the total an occasion's source publishes
    profiles: int = 0  # published profiles (set by the gate's view of profiles)

    def of_year(self, year: int) -> Tally:
        return self.year.get(year) or Tally()

    def of_form(self, form_id: str) -> Tally:
        return self.form.get(form_id) or Tally()

    def of_unit(self, unit_id: str) -> Tally:
        return self.unit.get(unit_id) or Tally()

    def of_decision(self, decision_id: str) -> Tally:
        return self.decision.get(decision_id) or Tally()

    def of_person(self, person_id: str) -> Tally:
        return self.person.get(person_id) or Tally()

    def of_occasion(self, occasion_id: str) -> Tally:
        return self.occasion.get(occasion_id) or Tally()

    def figures(self) -> dict[str, int]:
        """Every figure by key, for pages and for the consistency test."""
        out = self.all.figures("all")
        for name in ("year", "form", "authority", "unit", "decision", "person", "occasion"):
            for key, tally in getattr(self, name).items():
                out.update(tally.figures(f"{name}.{key}"))
        out.update({f"occasion.{key}.declared_total": n for key, n in self.occasion_declared.items()})
        return out


def count_all(decisions: list[DecisionEntry], registries: dict[str, list[str]] | None = None,
              reward_forms: frozenset[str] = frozenset()) -> Counts:
    """Tally every decision into every scope it belongs to. ``registries`` lists the ids of units,
    award forms, authorities and people with a profile, whose scopes exist (at zero) even without a decision; ``reward_forms``
    the ids of forms that are rewards outside the Law (``is_reward``)."""
    counts = Counts()
    year: dict[int, Tally] = defaultdict(Tally)
    registries = registries or {}
    form: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("form", ())})
    authority: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("authority", ())})
    unit: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("unit", ())})
    person: dict[str, Tally] = defaultdict(Tally, {i: Tally() for i in registries.get("person", ())})
    for decision in decisions:
        d = decision.model
        reward = d.award_form in reward_forms
        lines = list(range(len(d.recipients)))
        seen: set = set()
        for tally in (counts.all, year[decision.year], form[d.award_form], authority[d.authority]):
            _add(tally, decision, lines, reward, seen, unnamed=True)
        counts.decision[decision.id] = Tally()
        _add(counts.decision[decision.id], decision, lines, reward, seen, unnamed=True)
        if d.occasion:
            _add(counts.occasion.setdefault(d.occasion.id, Tally()), decision, lines, reward, seen, unnamed=True)
            if d.occasion.declared_total is not None:
                counts.occasion_declared[d.occasion.id] = d.occasion.declared_total
        by_unit: dict[str, list[int]] = defaultdict(list)
        by_person: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(d.recipients):
            if r.unit:
                by_unit[r.unit].append(i)
            if r.person_key and r.withdrawn is None:
                by_person[r.person_key].append(i)
        for unit_id, unit_lines in by_unit.items():
            _add(unit[unit_id], decision, unit_lines, reward, seen)
        for person_id, person_lines in by_person.items():
            _add(person[person_id], decision, person_lines, reward, seen)
    counts.year, counts.form, counts.authority, counts.unit = dict(year), dict(form), dict(authority), dict(unit)
    counts.person = dict(person)
    return counts

