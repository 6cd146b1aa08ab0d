"""Public consultations (lấy ý kiến nhân dân): schema, references, dates, proposed recipients.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from generator.records import law
from generator.records.entries import Located, Records
from generator.records.load import LoadedData
from generator.records.models import Consultation
from generator.records.problems import Problem, Severity
from generator.records.validation.people import check_proposed_person
from generator.records.validation.personal_data import check_record
from generator.records.validation.schema import parse, placeholders, ref_problem
from generator.text import slugify


def _check_period(entry: Located, records: Records, problems: list[Problem]) -> None:
    c = entry.model
    if c.closes is None and c.working_days is None:
        problems.append(Problem(entry.path, entry.line("opens"), "consultation_period_missing"))
        return
    if c.working_days is None:
        return
    end = law.add_working_days(records, c.opens, c.working_days)
    if not law.holidays_known(records, c.opens, end):
        problems.append(Problem(entry.path, entry.line("working_days"), "holidays_unknown",
                                {"year": end.year}, Severity.WARNING))
    for year in law.holidays_provisional(records, c.opens, end):
        problems.append(Problem(entry.path, entry.line("working_days"), "holidays_provisional",
                                {"year": year, "end": end.strftime("%d/%m/%Y")}, Severity.WARNING))
    if c.closes and c.closes < end:
        problems.append(Problem(entry.path, entry.line("closes"), "consultation_too_short", {
            "closes": c.closes.strftime("%d/%m/%Y"), "days": c.working_days, "end": end.strftime("%d/%m/%Y")},
            Severity.WARNING))


def validate_consultations(loaded: LoadedData, records: Records, today: dt.date, problems: list[Problem],
                           people: set[str] | None = None) -> None:
    """``people``: the person ids a proposed person may name (``People.known``)."""
    decision_ids = {d.id for d in records.decisions}
    for doc in loaded.of_kind("consultations"):
        stem = PurePosixPath(doc.path).stem
        if stem != slugify(stem):
            problems.append(Problem(doc.path, 1, "file_name_not_slug", {"slug": slugify(stem)}))
            continue
        placeholders(doc, problems)
        parsed = parse(Consultation, doc.data, doc, (), problems)
        if parsed is None:
            continue
        entry = Located(parsed, doc, ())
        if parsed.proposer not in records.authorities:
            problems.append(ref_problem(entry, ("proposer",), "unknown_authority", parsed.proposer, records.authorities))
        form = records.award_forms.get(parsed.award_form) if parsed.award_form else None
        if parsed.award_form and form is None:
            problems.append(ref_problem(entry, ("award_form",), "unknown_award_form", parsed.award_form,
                                         records.award_forms))
        if not parsed.award_form and any(p.award_form is None for p in parsed.proposed):
            problems.append(Problem(doc.path, entry.line("proposed"), "consultation_form_missing"))
        _check_period(entry, records, problems)
        if parsed.closes and parsed.closes < parsed.opens:
            problems.append(Problem(doc.path, entry.line("closes"), "date_range",
                                    {"start": parsed.opens, "end": parsed.closes}))
        if parsed.opens > today:
            problems.append(Problem(doc.path, entry.line("opens"), "date_in_future", {"date": parsed.opens}))
        if parsed.outcome and parsed.outcome.decision and parsed.outcome.decision not in decision_ids:
            problems.append(Problem(doc.path, entry.line("outcome", "decision"), "unknown_decision",
                                    {"value": parsed.outcome.decision}))
        for index, r in enumerate(parsed.proposed):
            own = records.award_forms.get(r.award_form) if r.award_form else form
            if r.award_form and own is None:
                problems.append(ref_problem(entry, ("proposed", index, "award_form"), "unknown_award_form",
                                             r.award_form, records.award_forms))
            if own and r.kind not in own.model.recipient_kinds:
                problems.append(Problem(doc.path, entry.line("proposed", index, "kind"), "form_not_for_kind",
                                        {"form": own.model.name, "kind": r.kind.value,
                                         "allowed": ", ".join(k.value for k in own.model.recipient_kinds)}))
            if r.unit and r.unit not in records.units:
                problems.append(ref_problem(entry, ("proposed", index, "unit"), "unknown_unit", r.unit, records.units))
            check_proposed_person(entry, index, r, people or set(records.profiles), problems)
        office = [parsed.contact.email] if parsed.contact.email else []  # the office's own mailbox may be named
        check_record(entry, problems, parsed.pii_allow, office)
        records.consultations[stem] = entry
