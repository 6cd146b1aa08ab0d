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

The gate is also the only door to the rest of the catalog for the render stage (registries, decisions, figures,
the law's calendars): sections, views and exports never hold the catalog (``tests/test_architecture.py``). What a
page reads while its values are built is noted by key (``decision:2024/12-qd-ubnd``, ``units:so-gddt``,
``figures``, ``units:*`` for a whole registry): ``Publication.reading`` collects the keys of one page, so a page
can say what it read (``build --explain``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterator

from generator.catalog.index import Award, Catalog
from generator.records.entries import DecisionEntry, ProfileEntry
from generator.records.files import read_record_file
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


@dataclass(frozen=True)
class LawView:
    """The registries the law's rules read (``records.law``), noted like every other read of the gate."""

    holidays: Mapping
    base_salary: Mapping
    legal_documents: Mapping
    report_forms: Mapping


_reading: ContextVar[set[str] | None] = ContextVar("bangvang_reading", default=None)


def note(key: str) -> None:
    """Note ``key`` as read by the page whose values are being built (nothing outside ``Publication.reading``)."""
    keys = _reading.get()
    if keys is not None:
        keys.add(key)


class Noted(Mapping):
    """A read-only mapping of the catalog whose reads are noted: ``<name>:<key>`` for one entry (looked up or
    tested), ``<name>:*`` for the whole (iterated, counted)."""

    __slots__ = ("_name", "_data")

    def __init__(self, name: str, data: Mapping):
        self._name, self._data = name, data

    def _one(self, key) -> None:
        if key is not None:
            note(f"{self._name}:{key}")

    def _whole(self) -> None:
        note(f"{self._name}:*")

    def __getitem__(self, key):
        self._one(key)
        return self._data[key]

    def get(self, key, default=None):
        self._one(key)
        return self._data.get(key, default)

    def __contains__(self, key) -> bool:
        self._one(key)
        return key in self._data

    def __iter__(self) -> Iterator:
        self._whole()
        return iter(self._data)

    def __len__(self) -> int:
        self._whole()
        return len(self._data)

    def items(self):
        self._whole()
        return self._data.items()

    def values(self):
        self._whole()
        return self._data.values()

    def keys(self):
        self._whole()
        return self._data.keys()


class NotedCounts:
    """``counts.Counts`` read through the gate: each scope a page reads is noted (``figures:<scope>.<key>``)."""

    __slots__ = ("_counts",)

    _SCOPES = {"of_year": "year", "of_form": "form", "of_unit": "unit", "of_decision": "decision",
               "of_person": "person", "of_occasion": "occasion"}

    def __init__(self, counts):
        self._counts = counts

    def __getattr__(self, name: str):
        value = getattr(self._counts, name)
        scope = self._SCOPES.get(name)
        if scope is None:  # a whole table (``all``, ``year``, ``occasion_declared`` …)
            note(f"figures:{name}")
            return value

        def read(key):
            note(f"figures:{scope}.{key}")
            return value(key)

        return read


def neutral_id(number: int) -> str:
    """The anchor id of a withdrawn line: its number only, nothing derived from the name."""
    return f"da-go-{number}"


class Publication:
    """The catalog as it may be published under ``policy``: the render stage's only view of it."""

    def __init__(self, catalog: Catalog, policy: Policy | None = None):
        self.catalog = catalog
        self.policy = policy or Policy()
        self.hidden = self.policy.hidden
        self._rows: dict[str, list[Row]] = {}  # by decision id: pages, exports, search and feed all read them

    # --- people -----------------------------------------------------------------------------

    def _row(self, r: Recipient, number: int, recipient_id: str, revoked: bool) -> Row:
        if r.withdrawn:
            return Row(number=number, recipient_id=neutral_id(number), kind=r.kind, name="", aliases=(), position=None,
                       unit=None, unit_text=None, category=None, gender=None, enterprise=False, achievement=None,
                       cash_vnd=None, profile=None, withdrawn=r.withdrawn, revoked=revoked, revocation=r.revoked)
        hidden = self.hidden
        unit_hidden = "unit" in hidden
        if r.person_key:
            note(f"person:{r.person_key}")  # whether the line links to a person's page depends on other decisions
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
        note(f"decision:{decision.id}")
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
        note(f"decision:{award.decision.id}")
        return self._row(award.recipient, award.index + 1, award.recipient_id, award.decision.line_revoked(award.index))

    def shown(self, awards: list[Award]) -> list[ShownAward]:
        return [ShownAward(decision=a.decision, row=self.row(a)) for a in awards]

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
        note(f"unit_awards:{unit_id}")
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
        note(f"profile:{slug}")
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
        note(f"profile:{slug}")
        return self._published_profiles.get(slug)

    def profiles(self) -> list[ProfileEntry]:
        """Published profiles by name."""
        note("profile:*")
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
            out[key] = Person(id=key, name=name, other_names=tuple(n for n in names if n != name), kind=kind,
                              profile=profile, awards=awards)
        return out

    def person(self, person_id: str) -> Person | None:
        """The person if they have a page; ``None`` otherwise (one award only, withdrawn, or no such id)."""
        note(f"person:{person_id}")
        return self._people.get(person_id)

    def people(self) -> list[Person]:
        """Everyone with a page, by name."""
        note("person:*")
        return sorted(self._people.values(), key=lambda p: (sort_key(p.name), p.id))

    def person_awards(self, person_id: str) -> list[ShownAward]:
        """A person's published awards, oldest first (a life's timeline)."""
        note(f"person:{person_id}")
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

    def scan_allowances(self) -> set[str]:
        """What the end-of-build scan for personal data lets through from the records: text a person checked
        (``pii_allow`` of any record), amounts of money of nine digits or more, and the contact e-mails of
        consultations."""
        records = self.catalog.records
        allowed = {text for d in records.decisions for text in d.model.pii_allow}
        # amounts of money are typed integers of the records, written bare in the JSON and CSV exports: a
        # 500,000,000 đ reward is nine digits like an old ID number, but it is a validated amount, not personal data
        allowed |= {str(amount) for amount in self.published_amounts() if amount >= 100_000_000}
        allowed |= {text for p in records.profiles.values() for text in p.model.pii_allow}
        for entry in records.consultations.values():
            allowed |= set(entry.model.pii_allow)
            if entry.model.contact.email:
                allowed.add(entry.model.contact.email)
        return allowed

    # --- audit trail ------------------------------------------------------------------------

    def history_allowed(self, decision: DecisionEntry | None = None) -> bool:
        """A link to a record's git history is published only when that history holds no withdrawn
        person's name (the history keeps every earlier version of the file)."""
        if decision is None:
            return True
        return not any(r.withdrawn for r in decision.model.recipients)

    # --- what a page reads besides people: registries, decisions, figures, the law ----------------

    @staticmethod
    @contextlib.contextmanager
    def reading() -> Iterator[set[str]]:
        """Collect the keys of everything read through the gate inside the ``with`` block (one page's values)."""
        keys: set[str] = set()
        token = _reading.set(keys)
        try:
            yield keys
        finally:
            _reading.reset(token)

    @cached_property
    def award_forms(self) -> Noted:
        return Noted("award_forms", self.catalog.award_forms)

    @cached_property
    def units(self) -> Noted:
        return Noted("units", self.catalog.units)

    @cached_property
    def authorities(self) -> Noted:
        return Noted("authorities", self.catalog.authorities)

    @cached_property
    def movements(self) -> Noted:
        return Noted("movements", self.catalog.movements)

    @cached_property
    def consultations(self) -> Noted:
        """Consultation notices (their candidates are read through ``proposed_rows``)."""
        return Noted("consultations", self.catalog.records.consultations)

    @cached_property
    def by_year(self) -> Noted:
        """Decisions of each year, years newest first, decisions newest first."""
        return Noted("year", self.catalog.by_year)

    @cached_property
    def by_form(self) -> Noted:
        return Noted("award_form_decisions", self.catalog.by_form)

    @cached_property
    def decisions_by_id(self) -> Noted:
        return Noted("decision", self.catalog.decisions_by_id)

    @cached_property
    def annulled_by(self) -> Noted:
        """Revoking decision id → what it annulled here (decision, line index or None for the whole)."""
        return Noted("annulled_by", self.catalog.annulled_by)

    @cached_property
    def predecessors(self) -> Noted:
        return Noted("unit_predecessors", self.catalog.predecessors)

    @cached_property
    def children(self) -> Noted:
        return Noted("unit_children", self.catalog.children)

    @property
    def decisions(self) -> list[DecisionEntry]:
        """Every decision, newest first."""
        note("decision:*")
        return self.catalog.decisions

    def revoking_decision(self, revocation: Revocation) -> DecisionEntry | None:
        """The published decision a revocation names (see ``Catalog.revoking_decision``)."""
        note(f"revoking:{revocation.decision or revocation.decision_number}")
        return self.catalog.revoking_decision(revocation)

    @cached_property
    def counts(self) -> "NotedCounts":
        """The one count module's figures (``counts.py``): every number a page prints about awards, each read
        noted by its scope (``figures:decision.2024/12-qd-ubnd``, ``figures:all``)."""
        return NotedCounts(self.catalog.counts)

    @property
    def cap_breaches(self) -> list:
        note("figures")
        return self.catalog.cap_breaches

    def statistics(self) -> list:
        """Every statistics scope (``statistics.all_stats``)."""
        from generator.catalog.statistics import all_stats

        note("figures")
        return all_stats(self.catalog)

    def reports(self) -> list:
        """Every report form, per year (``reports.all_reports``)."""
        from generator.catalog.reports import all_reports

        note("figures")
        return all_reports(self.catalog)

    def unplaced_movements(self, year: int) -> int:
        from generator.catalog.reports import unplaced_movements

        note("figures")
        return unplaced_movements(self.catalog, year)

    def undated_movements(self) -> int:
        from generator.catalog.reports import undated_movements

        note("figures")
        return undated_movements(self.catalog)

    def revoked(self) -> list[DecisionEntry]:
        """Decisions annulled as a whole."""
        note("decision:*")
        return self.catalog.revoked()

    def units_sorted(self) -> list:
        note("units:*")
        return self.catalog.units_sorted()

    def units_with_awards(self) -> list:
        note("units:*")
        note("figures")
        return self.catalog.units_with_awards()

    def levels_in_use(self) -> list:
        note("award_forms:*")
        note("figures")
        return self.catalog.levels_in_use()

    def forms_in_use_by_name(self) -> list:
        note("award_forms:*")
        note("figures")
        return self.catalog.forms_in_use_by_name()

    @cached_property
    def law(self) -> "LawView":
        """The law's calendars and amounts: what the functions of ``records.law`` read (pass it as their
        ``records``)."""
        records = self.catalog.records
        return LawView(Noted("holidays", records.holidays), Noted("base_salary", records.base_salary),
                       Noted("legal_documents", records.legal_documents), Noted("report_forms", records.report_forms))

    def record_file(self, rel: str, max_bytes: int) -> bytes:
        """A record's file (a signed scan, a photo), read as validation reads it."""
        note(f"file:{rel}")
        return read_record_file(self.catalog.records.data_dir, rel, max_bytes)

