"""Which legal rule applies on a date — the one place that answers it, from the dated registries.

A decision is judged by the texts in force on its signing date: the award form must exist then, the
authority must hold the power to award it then (``AwardForm.awarded_by``), the cash amount is the multiple of
the form in force then times the base salary in force then, rounded up to the next 10,000 đồng (Decree
152/2025/NĐ-CP Art. 49; Decree 98/2023 had the same rule), and a cited document must have been issued and
not yet repealed. The registries live in ``generator/defaults/`` and the office's ``data/registries/``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from generator.records.entries import Records
from generator.records.models import AuthorityKind, AwardForm, AwardPower, BaseSalary, LegalDocument, RecipientKind
from generator.text import fold

ROUNDING = 10_000


@dataclass(frozen=True)
class LegalCash:
    """The amount the law sets for one award on one day, and how it was computed."""

    amount: int
    multiple: float
    base: int
    base_source: str
    rule_source: str

    @property
    def exact(self) -> Decimal:
        return Decimal(str(self.multiple)) * self.base


def base_salary_on(records: Records, day: dt.date) -> BaseSalary | None:
    return next((b.model for b in sorted(records.base_salary.values(), key=lambda b: b.model.valid_from or dt.date.min)
                 if b.model.holds_on(day)), None)


def legal_cash(records: Records, form: AwardForm, kind: RecipientKind, day: dt.date) -> LegalCash | None:
    """The cash amount for ``kind`` receiving ``form`` on ``day``, or None when the registries hold no
    verified rule for that form, kind and period (then nothing is checked)."""
    rule = form.cash_on(day)
    base = base_salary_on(records, day)
    if rule is None or base is None:
        return None
    multiple = getattr(rule, kind.value)
    if multiple is None:
        return None
    exact = Decimal(str(multiple)) * base.amount
    amount = int(math.ceil(exact / ROUNDING) * ROUNDING)
    return LegalCash(amount, multiple, base.amount, base.source, rule.source)


def powers_of(form: AwardForm, kind: AuthorityKind) -> list[AwardPower]:
    """The rules that let an authority of ``kind`` award ``form``, whatever their period."""
    return [p for p in form.powers() if p.kind is kind]


def may_award(form: AwardForm, kind: AuthorityKind, day: dt.date) -> bool:
    return any(p.holds_on(day) for p in powers_of(form, kind))


@dataclass(frozen=True)
class Citation:
    """A legal document recognised in a decision's ``legal_basis`` line, and what is wrong with it on a day."""

    document: LegalDocument
    problem: str  # "not_issued", "not_in_force", "repealed" or ""


def _compact(text: str) -> str:
    return "".join(fold(text).split())


def cited_documents(records: Records, text: str) -> list[LegalDocument]:
    """The registry's documents a ``legal_basis`` line cites (matched on number or usual name)."""
    compact = _compact(text)
    return [d.model for d in records.legal_documents.values()
            if any(_compact(pattern) in compact for pattern in d.model.match)]


def basis_lines(records: Records, day: dt.date) -> list[str]:
    """The general legal basis a decision signed on ``day`` cites: the core law and decree in force then,
    in registry order (the law first)."""
    return [d.model.citation or d.model.title for d in records.legal_documents.values()
            if d.model.core and not judge_citation(d.model, day)]


@dataclass(frozen=True)
class LegalPeriod:
    """A stretch of days during which the same core law and decrees were in force."""

    start: dt.date | None
    end: dt.date | None
    documents: tuple[LegalDocument, ...]


def legal_periods(records: Records) -> list[LegalPeriod]:
    """The periods of the legal frame, oldest first: which core texts a decision signed on any day rests on
    (the table "which text applies to which decision" of the legal-basis page, computed from the registry)."""
    core = [d.model for d in records.legal_documents.values() if d.model.core]
    cuts = sorted({d.in_force_from for d in core if d.in_force_from}
                  | {d.in_force_to + dt.timedelta(days=1) for d in core if d.in_force_to})
    starts = [None, *cuts]
    periods: list[LegalPeriod] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) else None
        day = start or (end if end else dt.date.today())
        documents = tuple(d for d in core if not judge_citation(d, day))
        if not documents:
            continue
        if periods and periods[-1].documents == documents:
            periods[-1] = LegalPeriod(periods[-1].start, end, documents)
        else:
            periods.append(LegalPeriod(start, end, documents))
    return periods


def period_text(rule, lang: str = "vi") -> str:
    """A dated rule's period in words: "từ 01/07/2025", "từ 01/01/2024 đến 30/06/2025", "không thời hạn"
    (``lang="en"``: "from 01/07/2025", "from 01/01/2024 to 30/06/2025", "with no time limit")."""
    def day(value):
        return value.strftime("%d/%m/%Y")
    since, until, always = ("từ", "đến", "không thời hạn") if lang == "vi" else ("from", "to", "with no time limit")
    if rule.valid_from and rule.valid_to:
        return f"{since} {day(rule.valid_from)} {until} {day(rule.valid_to)}"
    if rule.valid_from:
        return f"{since} {day(rule.valid_from)}"
    if rule.valid_to:
        return f"{'đến' if lang == 'vi' else 'until'} {day(rule.valid_to)}"
    return always


def rule_text(rule, lang: str = "vi") -> str:
    """A dated rule's period with its source: "từ 01/07/2025 (Nghị định 129/2025/NĐ-CP Điều 59)"."""
    source = getattr(rule, "source", None)
    return f"{period_text(rule, lang)} ({source})" if source else period_text(rule, lang)


def is_working_day(records: Records, day: dt.date) -> bool:
    """Monday to Friday and not a public holiday of the ``holidays`` registry, or a Saturday worked in exchange
    for a day off (``working_saturdays``)."""
    year = records.holidays.get(str(day.year))
    if day.weekday() >= 5:
        return bool(year and day in year.model.working_saturdays)
    return not (year and day in year.model.days)


def add_working_days(records: Records, start: dt.date, count: int) -> dt.date:
    """The last day of a period of ``count`` working days beginning on ``start`` (counted when it is a working day):
    how "trong thời hạn 10 ngày làm việc" from a posting date is read."""
    day, counted = start, 0
    while True:
        if is_working_day(records, day):
            counted += 1
            if counted == count:
                return day
        day += dt.timedelta(days=1)


def closing_day(records: Records, consultation) -> dt.date:
    """The last day for comments on a consultation: as written (``closes``), or counted from ``working_days``."""
    if consultation.closes:
        return consultation.closes
    return add_working_days(records, consultation.opens, consultation.working_days or 1)


def holidays_known(records: Records, start: dt.date, end: dt.date) -> bool:
    """Whether the registry lists the public holidays of every year from ``start`` to ``end``."""
    return all(str(year) in records.holidays for year in range(start.year, end.year + 1))


def holidays_provisional(records: Records, start: dt.date, end: dt.date) -> list[int]:
    """The years from ``start`` to ``end`` whose holidays are listed without an official notice yet."""
    return [year for year in range(start.year, end.year + 1)
            if str(year) in records.holidays and records.holidays[str(year)].model.provisional]


def judge_citation(document: LegalDocument, day: dt.date) -> str:
    """Why ``document`` could not ground a decision signed on ``day`` ("" when it could)."""
    if document.issued and day < document.issued:
        return "not_issued"
    if document.in_force_from and day < document.in_force_from:
        return "not_in_force"
    if document.in_force_to and day > document.in_force_to:
        return "repealed"
    return ""

