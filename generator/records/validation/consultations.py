"""Public consultations (lấy ý kiến nhân dân): schema, references, dates, proposed recipients.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from generator.records.entries import Located, Records
from generator.records.load import LoadedData
from generator.records.models import Consultation
from generator.records.problems import Problem
from generator.records.validation.personal_data import check_record
from generator.records.validation.schema import parse, placeholders, ref_problem
from generator.text import slugify


def validate_consultations(loaded: LoadedData, records: Records, today: dt.date, problems: list[Problem]) -> None:
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
        form = records.award_forms.get(parsed.award_form)
        if form is None:
            problems.append(ref_problem(entry, ("award_form",), "unknown_award_form", parsed.award_form,
                                         records.award_forms))
        if parsed.closes < parsed.opens:
            problems.append(Problem(doc.path, entry.line("closes"), "date_range",
                                    {"start": parsed.opens, "end": parsed.closes}))
        if parsed.opens > today:
            problems.append(Problem(doc.path, entry.line("opens"), "date_in_future", {"date": parsed.opens}))
        if parsed.outcome and parsed.outcome.decision and parsed.outcome.decision not in decision_ids:
            problems.append(Problem(doc.path, entry.line("outcome", "decision"), "unknown_decision",
                                    {"value": parsed.outcome.decision}))
        for index, r in enumerate(parsed.proposed):
            if form and r.kind not in form.model.recipient_kinds:
                problems.append(Problem(doc.path, entry.line("proposed", index, "kind"), "form_not_for_kind",
                                        {"form": form.model.name, "kind": r.kind.value,
                                         "allowed": ", ".join(k.value for k in form.model.recipient_kinds)}))
            if r.unit and r.unit not in records.units:
                problems.append(ref_problem(entry, ("proposed", index, "unit"), "unknown_unit", r.unit, records.units))
        office = [parsed.contact.email] if parsed.contact.email else []  # the office's own mailbox may be named
        check_record(entry, problems, list(parsed.pii_allow) + office)
        records.consultations[stem] = entry
