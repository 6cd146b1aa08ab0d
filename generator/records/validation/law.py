"""The law in force on a decision's signing date: the award form exists then, the authority may award it
then, the cash amount is the legal one, and the cited documents were in force (``records/law.py`` decides;
this module reports)."""

from __future__ import annotations

import datetime as dt

from generator.records import law
from generator.records.entries import DecisionEntry, Located, Records
from generator.records.models import Authority, AwardForm, AwardGroup, DateKind, DatePrecision, Decision, Recipient
from generator.records.messages import Both
from generator.records.problems import Problem, Severity


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _money(amount) -> str:
    return f"{int(amount):,}".replace(",", ".") + " đ"


def _judged(d: Decision) -> tuple[dict, Severity]:
    """Params and severity of a law problem: an error on a signing date known to the day; a warning when the
    record's date is a ceremony or news date, or only a month or year (the signing may fall on the other side of
    a change in the law)."""
    exact = d.date_kind is DateKind.signed and d.date_precision is DatePrecision.day
    return {"date_kind": d.date_kind.value}, Severity.ERROR if exact else Severity.WARNING


def check_form_and_power(entry: DecisionEntry, form: Located[AwardForm], authority: Located[Authority],
                         problems: list[Problem]) -> None:
    d, f, a = entry.model, form.model, authority.model
    line = entry.line("award_form")
    kind, severity = _judged(d)
    if not f.holds_on(d.date):
        problems.append(Problem(entry.path, line, "form_not_in_force", {
            "form": f.name, "period": Both(law.period_text(f), law.period_text(f, "en")), "source": f.source or "", "date": _day(d.date), **kind},
            severity))
    powers = law.powers_of(f, a.kind)
    if not powers:
        problems.append(Problem(entry.path, line, "form_not_for_authority", {"form": f.name, "authority": a.name}))
    elif not law.may_award(f, a.kind, d.date):
        rules = Both("; ".join(law.rule_text(p) for p in powers), "; ".join(law.rule_text(p, "en") for p in powers))
        problems.append(Problem(entry.path, line, "form_not_for_authority_on_date", {
            "form": f.name, "authority": a.name, "date": _day(d.date), "rules": rules, **kind}, severity))


# Titles (danh hiệu thi đua, Cờ thi đua included): several earned for one period are paid only for the highest
# (Decree 152/2025 Art. 49(5)), so a title stated with 0 đ is correct, not a slip.
_TITLES = (AwardGroup.emulation_title, AwardGroup.emulation_flag)


def check_cash(entry: DecisionEntry, index: int, recipient: Recipient, form: Located[AwardForm], records: Records,
               problems: list[Problem]) -> None:
    if recipient.cash_vnd is None or (recipient.cash_vnd == 0 and form.model.group in _TITLES):
        return
    expected = law.legal_cash(records, form.model, recipient.kind, entry.model.date)
    if expected is None or expected.amount == recipient.cash_vnd:
        return
    problems.append(Problem(entry.path, entry.line("recipients", index, "cash_vnd"), "cash_mismatch", {
        "actual": _money(recipient.cash_vnd), "expected": _money(expected.amount),
        "multiple": f"{expected.multiple:g}".replace(".", ","), "base": _money(expected.base),
        "exact": _money(expected.exact), "base_source": expected.base_source, "source": expected.rule_source}, Severity.WARNING))


_CITATION_CODES = {"not_issued": "legal_basis_not_issued", "not_in_force": "legal_basis_not_in_force",
                   "repealed": "legal_basis_repealed"}


def check_legal_basis(entry: DecisionEntry, records: Records, problems: list[Problem]) -> None:
    d = entry.model
    for index, text in enumerate(d.legal_basis):
        for document in law.cited_documents(records, text):
            verdict = law.judge_citation(document, d.date)
            if not verdict:
                continue
            successor = records.legal_documents.get(document.repealed_by) if document.repealed_by else None
            problems.append(Problem(entry.path, entry.line("legal_basis", index), _CITATION_CODES[verdict], {
                "document": document.number, "title": document.title, "date": _day(d.date),
                "issued": _day(document.issued), "from": _day(document.in_force_from),
                "to": _day(document.in_force_to), "date_kind": d.date_kind.value,
                "ended": _day(document.in_force_to + dt.timedelta(days=1)) if document.in_force_to else "",
                "successor": successor.model.number if successor else ""}, Severity.WARNING))
