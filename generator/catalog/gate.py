"""The publication gate: the one place that decides what may be published about a person.

Every output (pages, print views, statistics lists, unit and profile pages, search documents,
per-decision and bulk CSV/JSON, feed, JSON-LD, sitemap, report forms) reads people through a
``Publication``; nothing after the catalog reads raw recipient lines. Two policies apply here, once:

* **withdrawal** (``withdrawn:`` on a recipient or profile, a take-down under the Law on Personal
  Data Protection 91/2025/QH15): the line keeps its number and the award, but loses the name and
  every detail, and its anchor id becomes neutral (``da-go-<STT>``) so that no name-derived
  identifier remains; a withdrawn profile has no page, no URL and no link at all; a withdrawn line is
  tied to no person (it never appears on a person's page, nor links to one), and the person of a
  withdrawn profile has no page;
* **hidden fields** (``hide_fields`` in mkdocs.yml): chosen recipient fields are published nowhere,
  and lists that would expose them per person (e.g. a list of the women awarded when gender is
  hidden, or a unit's member list when unit is hidden) are not published.

Aggregate counts are not affected: they come from ``counts.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from generator.catalog.index import Award, Catalog
from generator.records.entries import DecisionEntry, ProfileEntry
from generator.records.models import (
    Consultation, Gender, Recipient, RecipientCategory, RecipientKind, Revocation, Withdrawal,
)
from generator.text import sort_key

# Recipient fields an office may choose not to publish. The name, the decision and the award are the
# public act itself and are always published, unless the person is withdrawn.
HIDEABLE_FIELDS = ("position", "unit", "achievement", "cash_vnd", "gender", "category")

# Statistics breakdowns whose per-value lists name people and would expose a hidden field.
_LIST_NEEDS = {"category": "category", "gender": "gender", "remote": "unit"}


@dataclass(frozen=True)
class Policy:
    """What the office publishes: ``hidden`` recipient fields (from ``hide_fields``)."""

    hidden: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Row:
    """One recipient line as it may be published. Hidden or withdrawn details are ``None``."""

    number: int  # STT as printed, 1-based
    recipient_id: str  # anchor id: name-derived, or neutral once withdrawn
    kind: RecipientKind
    name: str  # empty when withdrawn
    aliases: tuple[str, ...]  # other spellings of the name, for search
    position: str | None
    unit: str | None  # registry id
    unit_text: str | None
    category: RecipientCategory | None
    gender: Gender | None
    enterprise: bool
    achievement: str | None
    cash_vnd: int | None
    profile: str | None  # slug of a published profile
    withdrawn: Withdrawal | None
    revoked: bool  # the decision, or this line, was annulled
    minor: bool = False
    revocation: Revocation | None = None  # this line's own annulment (a whole decision's is on the decision)
    reward_item: str | None = None
    reward_value_vnd: int | None = None  # a child: the achievement is not published (PDP Law 91/2025 Art. 24(2))
    person: str | None = None  # id of the person's page, when this line's person has one
    award_form: str | None = None  # a consultation's proposed form for this line, when the notice has several


@dataclass(frozen=True)
class Person:
    """Someone (an individual, collective or household) whose awards are shown together on a page of their own:
    the lines tied by a person id or a profile — never by name — that may be published. A person has a page when
    their published lines are in two decisions or more, or when they have a published profile."""

    id: str
    name: str  # the profile's name, else the name on the latest published line
    other_names: tuple[str, ...]  # other spellings on the published lines, latest first
    kind: RecipientKind
    profile: ProfileEntry | None
    awards: tuple[Award, ...]  # oldest first; withdrawn lines are left out


@dataclass(frozen=True, slots=True)
class ShownAward:
    """An award seen from a list (a unit, a profile, a statistic): its decision and its published row."""

    decision: DecisionEntry
    row: Row


def neutral_id(number: int) -> str:
    """The anchor id of a withdrawn line: its number only, nothing derived from the name."""
    return f"da-go-{number}"


class Publication:
    """The catalog as it may be published under ``policy``."""

    def __init__(self, catalog: Catalog, policy: Policy | None = None):
        self.catalog = catalog
        self.policy = policy or Policy()
        self.hidden = self.policy.hidden
        self._rows: dict[str, list[Row]] = {}  # by decision id: pages, exports, search and feed all read them

    # --- people -----------------------------------------------------------------------------

    def _row(self, r: Recipient, number: int, recipient_id: str, revoked: bool) -> Row:
        if r.withdrawn:
            return Row(number, neutral_id(number), r.kind, "", (), None, None, None, None, None, False, None, None,
                       None, r.withdrawn, revoked, revocation=r.revoked)
        hidden = self.hidden
        unit_hidden = "unit" in hidden
        return Row(
            number=number, recipient_id=recipient_id, kind=r.kind, name=r.name, aliases=tuple(r.aliases),
            position=None if "position" in hidden else r.position,
            unit=None if unit_hidden else r.unit, unit_text=None if unit_hidden else r.unit_text,
            category=None if "category" in hidden else r.category,
            gender=None if "gender" in hidden else r.gender,
            enterprise=r.enterprise,
            achievement=None if "achievement" in hidden or r.minor else r.achievement,
            cash_vnd=None if "cash_vnd" in hidden else r.cash_vnd,
            profile=r.profile if r.profile in self._published_profiles else None,
            withdrawn=None, revoked=revoked, minor=r.minor, revocation=r.revoked,
            reward_item=r.reward_item, reward_value_vnd=None if "cash_vnd" in hidden else r.reward_value_vnd,
            person=r.person_key if r.person_key in self._people else None)

    def rows(self, decision: DecisionEntry) -> list[Row]:
        """Every line of ``decision`` as it may be published, in the decision's order (made once; do not
        change the list)."""
        rows = self._rows.get(decision.id)
        if rows is None:
            ids = decision.recipient_ids
            rows = self._rows[decision.id] = [self._row(r, i + 1, ids[i], decision.line_revoked(i))
                                              for i, r in enumerate(decision.model.recipients)]
        return rows

    def withdrawal_dates(self, decision: DecisionEntry) -> list:
        """When lines of ``decision`` were withdrawn from publication (the dates are public; nothing else)."""
        return [r.withdrawn.date for r in decision.model.recipients if r.withdrawn]

    def row(self, award: Award) -> Row:
        return self._row(award.recipient, award.index + 1, award.recipient_id, award.decision.line_revoked(award.index))

    def shown(self, awards: list[Award]) -> list[ShownAward]:
        return [ShownAward(a.decision, self.row(a)) for a in awards]

    def published_amounts(self) -> set[int]:
        """Every amount of money (cash and value of a reward) published in a decision's rows."""
        return {amount for d in self.catalog.decisions for row in self.rows(d)
                for amount in (row.cash_vnd, row.reward_value_vnd) if amount is not None}

    def proposed_rows(self, consultation: Consultation) -> list[Row]:
        """A consultation's list of people proposed (not awarded yet), under the same policy."""
        return [replace(self._row(r, i + 1, f"de-nghi-{i + 1}", False), award_form=r.award_form or consultation.award_form)
                for i, r in enumerate(consultation.proposed)]

    def unit_awards(self, unit_id: str) -> list[ShownAward]:
        """A unit's awards, newest first, or nothing when the unit of a person is hidden."""
        if "unit" in self.hidden:
            return []
        awards = sorted(self.catalog.awards_by_unit.get(unit_id, []),
                        key=lambda a: (-a.decision.model.date.toordinal(), a.decision.slug, a.index))
        return self.shown(awards)

    @property
    def unit_lists_published(self) -> bool:
        return "unit" not in self.hidden

    def profile_awards(self, slug: str) -> list[ShownAward]:
        """A published profile's awards, oldest first (withdrawn profiles have none to show)."""
        if slug not in self._published_profiles:
            return []
        return self.shown(self.catalog.awards_by_profile.get(slug, []))

    def list_published(self, breakdown_key: str) -> bool:
        """May the per-value lists of a statistics breakdown (which name people) be published?"""
        needs = _LIST_NEEDS.get(breakdown_key)
        return needs is None or needs not in self.hidden

    # --- profiles ---------------------------------------------------------------------------

    @cached_property
    def _published_profiles(self) -> dict[str, ProfileEntry]:
        return {slug: p for slug, p in self.catalog.profiles.items() if not p.model.withdrawn}

    def profile(self, slug: str) -> ProfileEntry | None:
        """The profile if it is published; a withdrawn profile does not exist for outputs."""
        return self._published_profiles.get(slug)

    def profiles(self) -> list[ProfileEntry]:
        """Published profiles by name."""
        return sorted(self._published_profiles.values(), key=lambda p: sort_key(p.model.name))

    def withdrawn_profiles(self) -> list[ProfileEntry]:
        """Withdrawn profiles: their URLs (derived from the name) are retracted, not redirected."""
        return [p for p in self.catalog.profiles.values() if p.model.withdrawn]

    # --- people -----------------------------------------------------------------------------

    @cached_property
    def _people(self) -> dict[str, Person]:
        c = self.catalog
        out: dict[str, Person] = {}
        for key in sorted(set(c.awards_by_person) | set(self._published_profiles)):
            raw_profile = c.profiles.get(key)
            if raw_profile is not None and raw_profile.model.withdrawn:
                continue  # a withdrawn person has no page
            awards = tuple(a for a in c.awards_by_person.get(key, ()) if a.recipient.withdrawn is None)
            profile = self._published_profiles.get(key)
            if profile is None and len({a.decision.id for a in awards}) < 2:
                continue
            names = list(dict.fromkeys(a.recipient.name for a in reversed(awards)))
            name = profile.model.name if profile else names[0]
            kind = profile.model.kind if profile else awards[-1].recipient.kind
            out[key] = Person(key, name, tuple(n for n in names if n != name), kind, profile, awards)
        return out

    def person(self, person_id: str) -> Person | None:
        """The person if they have a page; ``None`` otherwise (one award only, withdrawn, or no such id)."""
        return self._people.get(person_id)

    def people(self) -> list[Person]:
        """Everyone with a page, by name."""
        return sorted(self._people.values(), key=lambda p: (sort_key(p.name), p.id))

    def person_awards(self, person_id: str) -> list[ShownAward]:
        """A person's published awards, oldest first (a life's timeline)."""
        person = self._people.get(person_id)
        return self.shown(list(person.awards)) if person else []

    def retracted_people(self) -> list[str]:
        """Person ids without a page because of a withdrawal (their profile, or one of their lines): an id may be
        derived from the name, so its address is retracted rather than redirected."""
        c = self.catalog
        out = []
        for key in sorted(set(c.awards_by_person) | set(c.profiles)):
            if key in self._people:
                continue
            raw_profile = c.profiles.get(key)
            if (raw_profile is not None and raw_profile.model.withdrawn) or any(
                    a.recipient.withdrawn for a in c.awards_by_person.get(key, ())):
                out.append(key)
        return out

    # --- figures ----------------------------------------------------------------------------

    def figures(self) -> dict[str, int]:
        """Every figure the site may state, by key: counts, statistics and the published profiles."""
        from generator.catalog.reports import all_reports
        from generator.catalog.statistics import all_stats

        out = self.catalog.counts.figures()
        for scope in all_stats(self.catalog):
            out.update(scope.figures())
        for report in all_reports(self.catalog):
            out.update(report.figures())
        out["profiles"] = len(self._published_profiles)
        c = self.catalog
        out.update({"registry.units": len(c.units), "registry.authorities": len(c.authorities),
                    "registry.award_forms": len(c.award_forms), "registry.movements": len(c.movements)})
        return out

    # --- audit trail ------------------------------------------------------------------------

    def history_allowed(self, decision: DecisionEntry | None = None) -> bool:
        """A link to a record's git history is published only when that history holds no withdrawn
        person's name (the history keeps every earlier version of the file)."""
        if decision is None:
            return True
        return not any(r.withdrawn for r in decision.model.recipients)
