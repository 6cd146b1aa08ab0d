"""The publication gate: the one place that decides what may be published about a person.

Every output (pages, print views, statistics lists, unit and profile pages, search documents,
per-decision and bulk CSV/JSON, feed, JSON-LD, sitemap, report forms) reads people through a
``Publication``; nothing after the catalog reads raw recipient lines. Two policies apply here, once:

* **withdrawal** (``withdrawn:`` on a recipient or profile, a take-down under the Law on Personal
  Data Protection 91/2025/QH15): the line keeps its number and the award, but loses the name and
  every detail, and its anchor id becomes neutral (``da-go-<STT>``) so that no name-derived
  identifier remains; a withdrawn profile has no page, no URL and no link at all;
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
    reward_value_vnd: int | None = None
    award_form: str | None = None  # a consultation's proposed form for this line, when the notice has several  # a child: the achievement is not published (PDP Law 91/2025 Art. 24(2))


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
            reward_item=r.reward_item, reward_value_vnd=None if "cash_vnd" in hidden else r.reward_value_vnd)

    def rows(self, decision: DecisionEntry) -> list[Row]:
        """Every line of ``decision`` as it may be published, in the decision's order."""
        ids = decision.recipient_ids
        return [self._row(r, i + 1, ids[i], decision.line_revoked(i)) for i, r in enumerate(decision.model.recipients)]

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
