"""Fairness statistics, derived from the catalog: who receives awards, at which level, where.

Only awards that count (``counts.py``: revoked decisions are left out) are counted. Every share
names its denominator — a share of all awards, of awards to individuals, or of awards to units in
the registry — and a headline figure uses the same numerator and denominator as the table row it
summarises. Every figure keeps the awards behind it, so each number on the statistics page links to
the list of records it counts (when the publication gate allows such a list).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.catalog.counts import Tally, is_reward
from generator.catalog.index import Award, Catalog
from generator.records.models import Gender, RecipientCategory, RecipientKind

LEADER_CATEGORIES = (RecipientCategory.leader_ministry_province, RecipientCategory.leader_department,
                     RecipientCategory.leader_other)

# Denominators, said in words next to every share.
OF_AWARDS = "lượt khen thưởng"
OF_INDIVIDUALS = "lượt khen cá nhân"
OF_NAMED_INDIVIDUALS = "lượt khen cá nhân có tên trong danh sách"
OF_REGISTERED_UNITS = "lượt khen có đơn vị trong danh mục"


@dataclass(frozen=True)
class Share:
    """numerator / denominator, with the denominator's meaning in words and the figures' keys."""

    numerator: int
    denominator: int
    of: str
    key: str  # figure key of the numerator; the denominator's key is in ``denominator_key``
    denominator_key: str

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass
class Breakdown:
    """Counts of awards by one dimension; ``awards`` keeps the records behind each value.

    ``outside`` values are counted but are not part of the denominator (e.g. awards to units
    outside the registry cannot be said to be in a remote area or not)."""

    key: str
    title: str
    of: str
    awards: dict[str, list[Award]] = field(default_factory=lambda: defaultdict(list))
    outside: tuple[str, ...] = ()
    unnamed: Counter = field(default_factory=Counter)  # awards declared but not named, by value (no list behind)

    def count(self, value: str) -> int:
        return len(self.awards.get(value, [])) + self.unnamed[value]

    def values(self) -> list[str]:
        return list(dict.fromkeys([*self.awards, *(v for v, n in self.unnamed.items() if n)]))

    @property
    def denominator(self) -> int:
        return sum(self.count(v) for v in self.values() if v not in self.outside)

    def counts(self) -> list[tuple[str, int]]:
        return [(value, self.count(value)) for value in self.values()]

    def share(self, scope: str, *values: str) -> Share:
        """The share of ``values`` (summed) in this breakdown's denominator."""
        numerator = sum(self.count(v) for v in values)
        key = f"stats.{scope}.{self.key}.{'+'.join(values)}"
        return Share(numerator, self.denominator, self.of, key, f"stats.{scope}.{self.key}.total")


@dataclass
class YearStats:
    label: str  # "2024" or "Tất cả các năm"
    slug: str  # "2024" or "tat-ca"
    total: int  # awards that count, named and unnamed
    breakdowns: list[Breakdown]
    leader_share: Share  # of awards to individuals
    direct_share: Share  # of awards to individuals
    remote_share: Share  # of awards to units in the registry
    female_share: Share  # of awards to individuals
    top_units: list[tuple[str, int]]
    unnamed: int = 0  # of ``total``: declared by partial lists, not named
    rewards: int = 0  # rewards outside the Law's forms, counted apart
    reward_value: int = 0
    in_kind_unvalued: int = 0  # gifts in kind without a value: in no money total
    in_kind_value: int = 0  # gifts in kind given with an award of the Law, by their stated value

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)

    def figures(self) -> dict[str, int]:
        """Every figure of this scope by key (``stats.<slug>.<breakdown>.<value>`` and ``….total``)."""
        out = {f"stats.{self.slug}.total": self.total, f"stats.{self.slug}.unnamed": self.unnamed,
               f"stats.{self.slug}.rewards": self.rewards, f"stats.{self.slug}.reward_value": self.reward_value,
               f"stats.{self.slug}.in_kind_unvalued": self.in_kind_unvalued,
               f"stats.{self.slug}.in_kind_value": self.in_kind_value}
        for b in self.breakdowns:
            out[f"stats.{b_key(self.slug, b)}.total"] = b.denominator
            for value, n in b.counts():
                out[f"stats.{b_key(self.slug, b)}.{value}"] = n
        for share in (self.leader_share, self.direct_share, self.remote_share, self.female_share):
            out[share.key] = share.numerator
        for unit_id, n in self.top_units:
            out[f"stats.{self.slug}.unit.{unit_id}"] = n
        for _, key, value in KEY_SHARES:  # compared year by year, stated even when none
            out.setdefault(f"stats.{self.slug}.{key}.{value}", self.breakdown(key).count(value))
        return out


def b_key(scope: str, breakdown: Breakdown) -> str:
    return f"{scope}.{breakdown.key}"




def _add_unnamed(catalog: Catalog, decisions, by: dict[str, Breakdown]) -> None:
    """Awards a partial list declares but does not name, in the breakdowns whose value they are known for:
    level, form and method (from the decision) and kind (from the declared figures). Category, gender and
    unit are not known for them, so those shares stay over named awards and say so."""
    for decision in decisions:
        if decision.revoked or not decision.partial:
            continue
        form = catalog.award_forms[decision.model.award_form].model
        if is_reward(form):
            continue
        extra = decision.unnamed()
        total = sum(extra.values())
        by["level"].unnamed[form.level.value] += total
        by["form"].unnamed[form.id] += total
        by["method"].unnamed[decision.model.method.value] += total
        for kind, n in extra.items():
            by["kind"].unnamed[kind] += n


def year_stats(catalog: Catalog, awards: list[Award], label: str, slug: str, decisions=None,
               tally: Tally | None = None) -> YearStats:
    by = {key: Breakdown(key, title, of, outside=outside) for key, title, of, outside in (
        ("level", "Cấp khen thưởng", OF_AWARDS, ()), ("form", "Hình thức khen thưởng", OF_AWARDS, ()),
        ("kind", "Loại đối tượng", OF_AWARDS, ()), ("category", "Đối tượng cá nhân", OF_INDIVIDUALS, ()),
        ("gender", "Giới tính (cá nhân)", OF_INDIVIDUALS, ()), ("method", "Phương thức khen thưởng", OF_AWARDS, ()),
        ("remote", "Đơn vị ở vùng khó khăn", OF_REGISTERED_UNITS, ("unknown",)))}
    units = Counter()
    for award in awards:
        r = award.recipient
        form = catalog.award_forms[award.decision.model.award_form].model
        by["level"].awards[form.level.value].append(award)
        by["form"].awards[form.id].append(award)
        by["kind"].awards[r.kind.value].append(award)
        by["method"].awards[award.decision.model.method.value].append(award)
        if r.kind is RecipientKind.individual:
            by["category"].awards[r.category.value if r.category else "unknown"].append(award)
            by["gender"].awards[r.gender.value if r.gender else "unknown"].append(award)
        unit = catalog.units.get(r.unit) if r.unit else None
        if unit:
            units[unit.model.id] += 1
            by["remote"].awards["remote" if unit.model.remote_area else "other"].append(award)
        else:
            by["remote"].awards["unknown"].append(award)
    _add_unnamed(catalog, decisions or [], by)
    tally = tally or Tally()
    unnamed_individuals = by["kind"].unnamed[RecipientKind.individual.value]
    if unnamed_individuals:
        for key in ("category", "gender"):
            by[key].of = OF_NAMED_INDIVIDUALS
    category = by["category"]
    return YearStats(
        label=label, slug=slug, total=len(awards) + sum(by["kind"].unnamed.values()), breakdowns=list(by.values()),
        unnamed=sum(by["kind"].unnamed.values()), rewards=tally.rewards, reward_value=tally.reward_value,
        in_kind_unvalued=tally.in_kind_unvalued, in_kind_value=tally.in_kind_value,
        leader_share=category.share(slug, *(c.value for c in LEADER_CATEGORIES)),
        direct_share=category.share(slug, RecipientCategory.direct_worker.value),
        remote_share=by["remote"].share(slug, "remote"),
        female_share=by["gender"].share(slug, Gender.female.value),
        top_units=units.most_common(10),
    )


# The shares compared year by year (statistics page, all years): (label, breakdown, value).
KEY_SHARES = (("Nữ", "gender", Gender.female.value),
              ("Người trực tiếp công tác, lao động", "category", RecipientCategory.direct_worker.value),
              ("Tập thể", "kind", RecipientKind.collective.value),
              ("Hộ gia đình", "kind", RecipientKind.household.value),
              ("Khen thưởng cấp cơ sở", "level", "grassroots"))


def all_stats(catalog: Catalog) -> list[YearStats]:
    """Overall first, then each year, newest first."""
    awards = catalog.counted_awards()
    result = [year_stats(catalog, awards, "Tất cả các năm", "tat-ca", catalog.decisions, catalog.counts.all)]
    by_year: dict[int, list[Award]] = defaultdict(list)
    for award in awards:
        by_year[award.decision.year].append(award)
    for year in sorted(set(by_year) | {y for y, ds in catalog.by_year.items() if any(d.partial for d in ds)},
                       reverse=True):
        result.append(year_stats(catalog, by_year[year], str(year), str(year), catalog.by_year.get(year, []),
                                 catalog.counts.of_year(year)))
    return result
