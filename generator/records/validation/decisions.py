"""Decisions: schema, file name and folder, recipient anchors, references, dates, status, powers,
recipient kinds and personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import PurePosixPath
from typing import Any, Callable

from generator.records.entries import DecisionEntry, Located, Records
from generator.records.load import LoadedData, Loc, SourceDoc
from generator.records.models import (
    AwardForm,
    Decision,
    DecisionStatus,
    Recipient,
    RecipientKind,
)
from generator.records.hygiene import has_lookalikes, number_key
from generator.records.problems import Problem, Severity
from generator.records.unit_names import UnitIndex, names_a_place
from generator.records.validation.completeness import check_completeness
from generator.records.validation import law
from generator.records.validation.periods import check_authority_period, check_unit_period
from generator.records.validation.files import MAX_ATTACHMENT_BYTES, check_file
from generator.records.validation.personal_data import check_record
from generator.records.validation.schema import parse, placeholders, ref_problem
from generator.text import slugify


def validate_decision_schema(doc: SourceDoc, loaded: LoadedData, problems: list[Problem],
                             today: dt.date | None = None) -> DecisionEntry | None:
    rel = PurePosixPath(doc.abs_path.relative_to(loaded.data_dir / "decisions").as_posix())
    placeholders(doc, problems)
    parsed = parse(Decision, doc.data, doc, (), problems)
    if parsed is None:
        return None
    stem = rel.stem
    year = parsed.date.year
    future = today is not None and parsed.date > today  # reported as date_in_future: the year is the mistake
    if not future and (len(rel.parts) != 2 or rel.parts[0] != str(year)):
        problems.append(Problem(doc.path, doc.line_of(("date",)), "decision_wrong_folder",
                                {"year": year, "name": rel.name}))
    if stem != slugify(stem):
        problems.append(Problem(doc.path, 1, "file_name_not_slug", {"slug": slugify(stem)}))
        stem = slugify(stem)
    elif parsed.number:
        expected = slugify(parsed.number)
        if stem != expected and not stem.startswith(expected + "-"):
            problems.append(Problem(doc.path, doc.line_of(("number",)), "decision_file_name",
                                    {"expected": expected, "number": parsed.number}))
    ids = _recipient_ids(parsed.recipients, doc, problems)
    return DecisionEntry(parsed, doc, (), year=year, slug=stem, recipient_ids=ids)


def _recipient_ids(recipients: list[Recipient], doc: SourceDoc, problems: list[Problem]) -> tuple[str, ...]:
    """Stable anchors: the explicit ``id``, else the slug of the name, numbered when names repeat."""
    explicit = {r.id for r in recipients if r.id}
    seen: set[str] = set()
    ids = []
    for index, recipient in enumerate(recipients):
        if recipient.id:
            rid = recipient.id
            if rid in seen:
                problems.append(Problem(doc.path, doc.line_of(("recipients", index, "id")),
                                        "duplicate_recipient_id", {"id": rid}))
        else:
            base = slugify(recipient.name) or "nguoi-nhan"
            rid, n = base, 1
            while rid in seen or rid in explicit:
                n += 1
                rid = f"{base}-{n}"
        seen.add(rid)
        ids.append(rid)
    return tuple(ids)


# --- cross-references and policy ----------------------------------------------------------------


_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # models.Id: any other value was reported by the schema


def check_raw_references(doc: SourceDoc, records: Records, problems: list[Problem]) -> None:
    """A decision the schema refused is still checked for what does not depend on the refused value: its
    authority, award form, movement and every recipient's unit (its profile: ``check_raw_profiles``) — so that one
    run reports every problem of the file, not a new one each time the last is fixed. Rules that need the whole
    record (dates, powers, cash, caps) wait until it parses: they would only repeat the schema's problem."""
    data = doc.data if isinstance(doc.data, dict) else {}
    located: Located = Located(None, doc)

    def ref(loc: tuple, value: Any, code: str, known: dict) -> None:
        if isinstance(value, str) and _ID.match(value) and value not in known:
            problems.append(ref_problem(located, loc, code, value, known))

    ref(("authority",), data.get("authority"), "unknown_authority", records.authorities)
    ref(("award_form",), data.get("award_form"), "unknown_award_form", records.award_forms)
    ref(("movement",), data.get("movement"), "unknown_movement", records.movements)
    for index, item in _raw_recipients(doc):
        ref(("recipients", index, "unit"), item.get("unit"), "unknown_unit", records.units)


def _raw_recipients(doc: SourceDoc) -> list[tuple[int, dict]]:
    data = doc.data if isinstance(doc.data, dict) else {}
    recipients = data.get("recipients")
    return [(i, item) for i, item in enumerate(recipients if isinstance(recipients, list) else [])
            if isinstance(item, dict)]


def raw_profiles(doc: SourceDoc) -> list[tuple[int, str]]:
    """The profiles the lines of a decision the schema refused link to, well-formed ids only: ``(index, slug)``."""
    return [(index, item["profile"]) for index, item in _raw_recipients(doc)
            if isinstance(item.get("profile"), str) and _ID.match(item["profile"])]


def check_raw_profiles(doc: SourceDoc, links: list[tuple[int, str]], records: Records, problems: list[Problem]) -> None:
    """Each profile linked from a refused decision (``raw_profiles``) exists: a rule across files."""
    located: Located = Located(None, doc)
    for index, slug in links:
        if slug not in records.profiles:
            problems.append(ref_problem(located, ("recipients", index, "profile"), "unknown_profile", slug,
                                        records.profiles))


# kind: a profile's, cited by people.py; occasion: cited by completeness.check_occasions
_KEPT_LINES = (("number",), ("award_form",), ("kind",), (), ("occasion", "title"), ("occasion", "declared_total"))


def kept_lines(doc: SourceDoc) -> dict[Loc, int]:
    """The few lines of a checked record that later checks (caps, occasions, people) and pages cite."""
    return {loc: doc.lines[loc] for loc in _KEPT_LINES if loc in doc.lines}


def compact(doc: SourceDoc) -> None:
    """Drop a checked record's raw data; keep only its :func:`kept_lines`."""
    doc.lines = kept_lines(doc)
    doc.data, doc.raw_scalars = None, {}


def check_number(entry: DecisionEntry, numbers: dict[tuple, DecisionEntry], problems: list[Problem]) -> None:
    """One number per authority and year: a rule across files (``numbers`` holds the first of each, in the
    order files are read)."""
    d = entry.model
    if not d.number:
        return
    key = (d.authority, entry.year, number_key(d.number))
    if key in numbers:
        first = numbers[key]
        problems.append(Problem(entry.path, entry.line("number"), "duplicate_decision_number",
                                {"number": d.number, "first": f"{first.path}:{first.line('number')}"}))
    else:
        numbers[key] = entry


def check_attachment(entry: DecisionEntry, loaded: LoadedData, problems: list[Problem]) -> None:
    """The scan a decision attaches is a PDF inside data/ whose SHA-256 is the one written: it reads another
    file, so it is checked on every run, never cached with the decision."""
    d = entry.model
    if not d.attachment:
        return
    data = check_file(entry, ("attachment", "path"), d.attachment.path, loaded, {".pdf"}, MAX_ATTACHMENT_BYTES,
                      problems)
    if data is not None:
        actual = hashlib.sha256(data).hexdigest()
        if actual != d.attachment.sha256:
            problems.append(Problem(entry.path, entry.line("attachment", "sha256"), "attachment_hash",
                                    {"actual": actual}))


def check_profile_links(entry: DecisionEntry, records: Records, problems: list[Problem]) -> None:
    """Each profile a line links to exists, and is marked a minor's when the line is: a rule across files."""
    for index, r in enumerate(entry.model.recipients):
        if r.profile and r.profile not in records.profiles:
            problems.append(ref_problem(entry, ("recipients", index, "profile"), "unknown_profile", r.profile,
                                        records.profiles))
        elif r.profile and r.minor and not records.profiles[r.profile].model.minor:
            problems.append(Problem(entry.path, entry.line("recipients", index, "profile"), "minor_profile_not_marked",
                                    {"name": r.name, "profile": r.profile}))


def check_decision(entry: DecisionEntry, records: Records, today: dt.date, problems: list[Problem],
                   units_by_name: Callable[[], UnitIndex]) -> None:
    """The rules that read one decision, the registries and ``today`` only (their outcome is cached by
    ``validation/checked.py``); the number, the attachment and the profiles are checked apart.
    ``units_by_name`` gives the unit index, built on first use. ``today`` may be compared only with the dates
    ``checked.compared_days`` lists: the cache keeps an outcome for the days on which those fall the same way."""
    d = entry.model
    if d.number:
        lookalikes = has_lookalikes(d.number)
        if lookalikes:
            problems.append(Problem(entry.path, entry.line("number"), "number_lookalike",
                                    {"number": d.number, "chars": lookalikes}, Severity.WARNING))
    elif not d.number_note:
        problems.append(Problem(entry.path, entry.line("number"), "number_note_missing"))
    # A date in the future is a typo (reported as date_in_future): the rules that read the law, the registries
    # or the salary in force on that day would only repeat it, so they wait until the date is fixed.
    dated = d.date <= today
    _check_decision_dates(entry, records, today, problems, dated)
    _check_decision_status(entry, problems)
    form = records.award_forms.get(d.award_form)
    authority = records.authorities.get(d.authority)
    if form is None:
        problems.append(ref_problem(entry, ("award_form",), "unknown_award_form", d.award_form, records.award_forms))
    if authority is None:
        problems.append(ref_problem(entry, ("authority",), "unknown_authority", d.authority, records.authorities))
    if form and authority and dated:
        law.check_form_and_power(entry, form, authority, problems)
    if dated:
        law.check_legal_basis(entry, records, problems)
    if d.movement and d.movement not in records.movements:
        problems.append(ref_problem(entry, ("movement",), "unknown_movement", d.movement, records.movements))
    for index, recipient in enumerate(d.recipients):
        _check_recipient(entry, index, recipient, form, records, units_by_name, problems, dated)
        if form and dated:
            law.check_cash(entry, index, recipient, form, records, problems)
    check_completeness(entry, records, today, problems)
    check_record(entry, problems, d.pii_allow)


def _check_decision_dates(entry: DecisionEntry, records: Records, today: dt.date, problems: list[Problem],
                          dated: bool = True) -> None:
    d = entry.model
    dated = [(("date",), d.date)] + [(("corrections", i, "date"), c.date) for i, c in enumerate(d.corrections)]
    if d.revocation:
        dated.append((("revocation", "date"), d.revocation.date))
        if d.revocation.date < d.date:
            problems.append(Problem(entry.path, entry.line("revocation", "date"), "revocation_before_decision"))
    for loc, value in dated:
        if value > today:
            problems.append(Problem(entry.path, entry.line(*loc), "date_in_future", {"date": value}))
    authority = records.authorities.get(d.authority)
    if authority and dated:
        check_authority_period(entry, authority, problems)


def _check_decision_status(entry: DecisionEntry, problems: list[Problem]) -> None:
    d = entry.model
    if d.status is DecisionStatus.revoked and d.revocation is None:
        problems.append(Problem(entry.path, entry.line("status"), "revocation_missing"))
    if d.revocation is not None and d.status is not DecisionStatus.revoked:
        problems.append(Problem(entry.path, entry.line("revocation"), "revocation_without_status"))
    if d.status is DecisionStatus.corrected and not d.corrections:
        problems.append(Problem(entry.path, entry.line("status"), "corrections_missing"))


def unit_names(records: Records) -> UnitIndex:
    """The unit registry searchable by name as offices write it (build it once, after the registries)."""
    return UnitIndex([(unit_id, u.model.name) for unit_id, u in records.units.items()])


def _check_unit_text(entry: DecisionEntry, index: int, text: str, records: Records, units_by_name: UnitIndex,
                     problems: list[Problem]) -> None:
    """A unit written as text that is, or is close to, a unit of the registry: an award the unit's page would
    miss. The same matching as the importer's (``records/unit_names.py``). Households and bare place names
    («Xã Đông Hải») are places, not units, and are not asked about."""
    match = units_by_name.match(text)
    line = entry.line("recipients", index, "unit_text")
    if match.id:
        problems.append(Problem(entry.path, line, "unit_text_in_registry",
                                {"value": text, "unit": match.id, "name": records.units[match.id].model.name},
                                Severity.WARNING))
    elif match.suggestions:
        problems.append(Problem(entry.path, line, "unit_text_near_registry",
                                {"value": text, "candidates": [f"{name} (unit: {unit_id})"
                                                               for unit_id, name in match.suggestions]},
                                Severity.WARNING))


def _check_position(entry: DecisionEntry, index: int, position: str, unit: str | None, records: Records,
                    units_by_name: UnitIndex, problems: list[Problem]) -> None:
    """A position that ends with a registered unit's name («Giáo viên Trường Tiểu học Đông Sơn», as a combined
    «Chức vụ, đơn vị» column is often copied) while the recipient is not linked to that unit: the unit's page
    would miss the award. The same matching as the importer's split (``UnitIndex.unit_at_end``)."""
    found = units_by_name.unit_at_end(position)
    if found and found[2] != unit:
        before, _, unit_id = found
        problems.append(Problem(entry.path, entry.line("recipients", index, "position"), "position_holds_unit",
                                {"value": position, "position": before, "unit": unit_id,
                                 "name": records.units[unit_id].model.name}, Severity.WARNING))


def _check_recipient(entry: DecisionEntry, index: int, r: Recipient, form: Located[AwardForm] | None,
                     records: Records, units_by_name: Callable[[], UnitIndex], problems: list[Problem],
                     dated: bool = True) -> None:
    def at(*loc: Any) -> int:
        return entry.line("recipients", index, *loc)

    if form and r.kind not in form.model.recipient_kinds:
        problems.append(Problem(entry.path, at("kind"), "form_not_for_kind",
                                {"form": form.model.name, "kind": r.kind.value,
                                 "allowed": ", ".join(k.value for k in form.model.recipient_kinds)}))
    if r.kind is RecipientKind.individual and r.category is None:
        problems.append(Problem(entry.path, at(), "category_required", {"name": r.name}))
    if r.kind is not RecipientKind.individual and (r.category or r.gender):
        problems.append(Problem(entry.path, at("category" if r.category else "gender"), "category_only_individual"))
    if r.enterprise and r.kind is not RecipientKind.collective:
        problems.append(Problem(entry.path, at("enterprise"), "enterprise_only_collective"))
    if r.unit:
        unit = records.units.get(r.unit)
        if unit is None:
            problems.append(ref_problem(entry, ("recipients", index, "unit"), "unknown_unit", r.unit, records.units))
        elif dated:
            check_unit_period(entry, index, unit, problems)
    elif r.unit_text and r.kind is not RecipientKind.household and not names_a_place(r.unit_text):
        _check_unit_text(entry, index, r.unit_text, records, units_by_name(), problems)
    if r.position:
        _check_position(entry, index, r.position, r.unit, records, units_by_name(), problems)
