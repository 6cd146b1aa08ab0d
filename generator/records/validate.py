"""Stage 2 — validate: loaded YAML → typed records, or every problem found, each at path:line.

Three layers, all run on every record so that one pass reports everything:
schema (pydantic models), cross-references (registries, profiles, files) and policy
(dates, recipient kinds, authority powers, personal data).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import struct
import typing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator.records import images, personal_data as privacy
from generator.records.load import LoadedData, Loc, SourceDoc
from generator.records.models import (
    REGISTRY_MODELS,
    Authority,
    AwardForm,
    Decision,
    DecisionStatus,
    Movement,
    Profile,
    Recipient,
    RecipientKind,
    Redirect,
    Consultation,
    Unit,
)
from generator.records.problems import Problem, Severity, sorted_problems
from generator.text import fold, slugify

M = TypeVar("M", bound=BaseModel)

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class Located(Generic[M]):
    """A typed record with the file and location it came from."""

    model: M
    doc: SourceDoc
    loc: Loc = ()

    @property
    def path(self) -> str:
        return self.doc.path

    def line(self, *sub: Any) -> int:
        return self.doc.line_of(self.loc + sub)


@dataclass(frozen=True)
class DecisionEntry(Located[Decision]):
    """A decision with its identity: ``year/slug`` from its file path (the permanent URL)."""

    year: int = 0
    slug: str = ""
    recipient_ids: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.year}/{self.slug}"

    @property
    def revoked(self) -> bool:
        return self.model.status is DecisionStatus.revoked


@dataclass(frozen=True)
class ProfileEntry(Located[Profile]):
    slug: str = ""
    story_markdown: str = ""


@dataclass
class Records:
    """All valid records, keyed by id. Records that failed the schema are left out."""

    authorities: dict[str, Located[Authority]] = field(default_factory=dict)
    units: dict[str, Located[Unit]] = field(default_factory=dict)
    award_forms: dict[str, Located[AwardForm]] = field(default_factory=dict)
    movements: dict[str, Located[Movement]] = field(default_factory=dict)
    decisions: list[DecisionEntry] = field(default_factory=list)
    profiles: dict[str, ProfileEntry] = field(default_factory=dict)
    redirects: list[Located[Redirect]] = field(default_factory=list)
    consultations: dict[str, Located[Consultation]] = field(default_factory=dict)
    data_dir: Path = Path("data")


def validate(loaded: LoadedData, today: dt.date) -> tuple[Records, list[Problem]]:
    """Check every loaded record; return the valid ones and all problems, sorted by file and line."""
    problems: list[Problem] = loaded.problems  # the loader keeps adding as decision files are read
    records = Records(data_dir=loaded.data_dir)
    _validate_registries(loaded, records, problems)
    _validate_redirects(loaded, records, problems)
    for doc in loaded.of_kind("profiles"):
        entry = _validate_profile(doc, loaded, problems)
        if entry:
            records.profiles[entry.slug] = entry
    _check_registry_references(records, problems)
    _check_profiles(records, loaded, today, problems)
    for doc in loaded.of_kind("profiles"):
        _compact(doc)
    numbers: dict[tuple, DecisionEntry] = {}
    for doc in loaded.decisions():
        entry = _validate_decision_schema(doc, loaded, problems)
        if entry:
            records.decisions.append(entry)
            _check_decision(entry, records, loaded, today, problems, numbers)
        _compact(doc)
    _check_caps(records, problems)
    _validate_consultations(loaded, records, today, problems)
    records.decisions.sort(key=lambda d: (d.year, d.slug))
    return records, sorted_problems(problems)


# --- schema --------------------------------------------------------------------------------------


def _parse(model: type[M], data: Any, doc: SourceDoc, loc: Loc, problems: list[Problem]) -> M | None:
    if data is None and doc.data is None:
        return None  # the loader already reported why
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            if isinstance(error.get("input"), str) and error["input"].strip() == PLACEHOLDER:
                continue  # reported once by _placeholders
            problems.append(_schema_problem(model, doc, loc, error))
        return None


def _schema_problem(model: type[BaseModel], doc: SourceDoc, base: Loc, error: dict) -> Problem:
    rel = tuple(error["loc"])
    loc = base + rel
    kind = error["type"]
    name = _field_label(rel) or "(tệp)"
    params: dict[str, Any] = {"field": name, "title": field_title(model, rel) or name}
    value = error.get("input")
    code = "schema_other"
    if kind == "missing":
        code = "missing_field"
    elif kind == "extra_forbidden":
        key = str(rel[-1])
        params["field"] = key
        if privacy.is_forbidden_field(key):
            code = "pii_field"
        else:
            code = "unknown_field"
            params["suggestion"] = _suggest(key, _known_fields(model, rel[:-1]))
    elif kind == "string_type" or (kind in {"str_type"}):
        raw = doc.raw_scalars.get(loc, repr(value))
        params["raw"] = raw
        if isinstance(value, bool):
            code = "yaml_bool_for_text"
        elif isinstance(value, (int, float, dt.date)):
            code = "yaml_scalar_for_text"
        else:
            code = "expected_text"
    elif kind in {"string_too_short"}:
        code = "empty_text"
    elif kind == "enum":
        code = "bad_choice"
        params["value"] = doc.raw_scalars.get(loc, str(value))
        params["choices"] = error.get("ctx", {}).get("expected", "")
    elif kind == "string_pattern_mismatch":
        code = "bad_pattern_url" if rel[-1] == "url" else "bad_pattern_hash" if rel[-1] == "sha256" else "bad_id"
        params["value"] = str(value)
        params["slug"] = slugify(str(value)) or "truong-thcs-tan-phu"
    elif kind.startswith("date") or kind.startswith("datetime"):
        code = "bad_date"
        params["value"] = doc.raw_scalars.get(loc, str(value))
    elif kind.startswith("int") or kind == "greater_than_equal":
        code = "bad_int"
        params["value"] = doc.raw_scalars.get(loc, str(value))
    elif kind.startswith("bool"):
        code = "bad_bool"
        params["value"] = doc.raw_scalars.get(loc, str(value))
    elif kind in {"list_type", "tuple_type"}:
        code = "expected_list"
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        code = "expected_mapping" if rel else "not_mapping"
    elif kind == "too_short":
        code = "list_too_short"
    else:
        params["detail"] = error.get("msg", kind)
    return Problem(doc.path, doc.line_of(loc), code, params)


def _field_label(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        model = _inner_model(info.annotation)
    return model


def field_title(model: type[BaseModel], loc: Loc) -> str | None:
    """The Vietnamese title of the field at ``loc`` inside ``model``."""
    names = [p for p in loc if not isinstance(p, int)]
    if not names:
        return None
    parent = _model_at(model, tuple(names[:-1]))
    info = parent.model_fields.get(names[-1]) if parent else None
    return info.title if info else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _known_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    inner = _model_at(model, loc)
    return list(inner.model_fields) if inner else []


def _suggest(word: str, choices: list[str] | set[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else ""


def _validate_registries(loaded: LoadedData, records: Records, problems: list[Problem]) -> None:
    for kind, model in REGISTRY_MODELS.items():
        target: dict = getattr(records, kind)
        for doc in loaded.of_kind(kind):
            if doc.data is None:
                continue
            if not isinstance(doc.data, list):
                problems.append(Problem(doc.path, 1, "registry_not_list", {"kind": kind}))
                continue
            for index, item in enumerate(doc.data):
                parsed = _parse(model, item, doc, (index,), problems)
                if parsed is None:
                    continue
                if parsed.id in target:
                    first = target[parsed.id]
                    problems.append(
                        Problem(doc.path, doc.line_of((index, "id")), "duplicate_id",
                                {"id": parsed.id, "first": f"{first.path}:{first.line('id')}"})
                    )
                    continue
                target[parsed.id] = Located(parsed, doc, (index,))


PLACEHOLDER = "…"


def _placeholders(doc: SourceDoc, problems: list[Problem]) -> None:
    """Scaffolds mark what to fill in with «…»; a value still holding one is not ready to publish."""
    def walk(value: Any, loc: Loc) -> None:
        if isinstance(value, str) and value.strip() == PLACEHOLDER:
            problems.append(Problem(doc.path, doc.line_of(loc), "placeholder", {"field": _field_label(loc)}))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, loc + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, loc + (index,))

    walk(doc.data, ())


def _validate_redirects(loaded: LoadedData, records: Records, problems: list[Problem]) -> None:
    seen: dict[str, Located[Redirect]] = {}
    for doc in loaded.of_kind("redirects"):
        if doc.data is None:
            continue
        if not isinstance(doc.data, list):
            problems.append(Problem(doc.path, 1, "registry_not_list", {"kind": "redirects"}))
            continue
        for index, item in enumerate(doc.data):
            parsed = _parse(Redirect, item, doc, (index,), problems)
            if parsed is None:
                continue
            entry = Located(parsed, doc, (index,))
            if parsed.old == parsed.new or parsed.old in seen:
                problems.append(Problem(doc.path, entry.line("old"), "redirect_duplicate", {"old": parsed.old}))
                continue
            seen[parsed.old] = entry
            records.redirects.append(entry)


def _validate_profile(doc: SourceDoc, loaded: LoadedData, problems: list[Problem]) -> ProfileEntry | None:
    stem = PurePosixPath(doc.path).stem
    if stem != slugify(stem):
        problems.append(Problem(doc.path, 1, "file_name_not_slug", {"slug": slugify(stem)}))
        return None
    _placeholders(doc, problems)
    parsed = _parse(Profile, doc.data, doc, (), problems)
    if parsed is None:
        return None
    story = parsed.story or ""
    if doc.body is not None:
        if parsed.story:
            problems.append(Problem(doc.path, doc.line_of(("story",)), "story_twice", {"body": doc.body_path}))
        story = doc.body
    return ProfileEntry(parsed, doc, (), slug=stem, story_markdown=story)


def _validate_decision_schema(doc: SourceDoc, loaded: LoadedData, problems: list[Problem]) -> DecisionEntry | None:
    rel = PurePosixPath(doc.abs_path.relative_to(loaded.data_dir / "decisions").as_posix())
    _placeholders(doc, problems)
    parsed = _parse(Decision, doc.data, doc, (), problems)
    if parsed is None:
        return None
    stem = rel.stem
    year = parsed.date.year
    if len(rel.parts) != 2 or rel.parts[0] != str(year):
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


def _ref_problem(entry: Located, loc: Loc, code: str, value: str, known: dict) -> Problem:
    return Problem(entry.path, entry.line(*loc), code, {"value": value, "suggestion": _suggest(value, known)})


def _check_registry_references(records: Records, problems: list[Problem]) -> None:
    for unit in records.units.values():
        for key in ("parent", "successor"):
            value = getattr(unit.model, key)
            if value and value not in records.units:
                problems.append(_ref_problem(unit, (key,), "unknown_unit", value, records.units))
        _check_range(unit, problems)
    for authority in records.authorities.values():
        if authority.model.successor and authority.model.successor not in records.authorities:
            problems.append(_ref_problem(authority, ("successor",), "unknown_authority",
                                         authority.model.successor, records.authorities))
        _check_range(authority, problems)
    for movement in records.movements.values():
        organiser = movement.model.organiser
        if organiser and organiser not in records.authorities:
            problems.append(_ref_problem(movement, ("organiser",), "unknown_authority", organiser, records.authorities))


def _check_range(entry: Located, problems: list[Problem]) -> None:
    start, end = entry.model.valid_from, entry.model.valid_to
    if start and end and end < start:
        problems.append(Problem(entry.path, entry.line("valid_to"), "date_range", {"start": start, "end": end}))
    if entry.model.successor and not end:
        problems.append(Problem(entry.path, entry.line("successor"), "successor_without_end"))


def _check_profiles(records: Records, loaded: LoadedData, today: dt.date, problems: list[Problem]) -> None:
    for profile in records.profiles.values():
        model = profile.model
        if model.unit and model.unit not in records.units:
            problems.append(_ref_problem(profile, ("unit",), "unknown_unit", model.unit, records.units))
        if model.photo:
            photo = _check_file(profile, ("photo", "path"), model.photo.path, loaded, PHOTO_SUFFIXES, MAX_PHOTO_BYTES,
                                problems)
            if photo:
                _check_image(profile, photo, model.photo.path, problems)
        for index, source in enumerate(model.sources):
            if source.date and source.date > today:
                problems.append(Problem(profile.path, profile.line("sources", index, "date"), "date_in_future",
                                        {"date": source.date}))
        texts = [(("name",), model.name), (("locality",), model.locality), (("summary",), model.summary),
                 (("story",), model.story)]
        texts += [(("tags", i), tag) for i, tag in enumerate(model.tags)]
        if model.photo:
            texts += [(("photo", "alt"), model.photo.alt), (("photo", "credit"), model.photo.credit)]
        _check_personal_data(profile, texts, model.pii_allow, problems)
        if profile.doc.body:
            for code, snippet in privacy.find_personal_data(profile.doc.body, model.pii_allow):
                line = _line_in_text(profile.doc.body, snippet)
                problems.append(Problem(profile.doc.body_path or profile.path, line, code,
                                        {"field": "story", "snippet": snippet}))


def _check_image(profile: Located, path: Path, shown: str, problems: list[Problem]) -> None:
    """The file must really be the image its name says, and readable enough to strip its metadata."""
    data = path.read_bytes()
    expected = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}[path.suffix.lower()]
    try:
        ok = images.kind_of(data) == expected and images.strip_metadata(data)
    except (ValueError, struct.error):
        ok = False
    if not ok:
        problems.append(Problem(profile.path, profile.line("photo", "path"), "image_corrupt",
                                {"value": shown, "kind": expected.upper()}))


def _line_in_text(text: str, snippet: str) -> int:
    index = fold(text).find(snippet) if snippet not in text else text.find(snippet)
    return text.count("\n", 0, max(index, 0)) + 1


def _check_personal_data(entry: Located, texts: list[tuple[Loc, str | None]], allowed: list[str],
                         problems: list[Problem]) -> None:
    for loc, text in texts:
        if not text:
            continue
        for code, snippet in privacy.find_personal_data(text, allowed):
            problems.append(Problem(entry.path, entry.line(*loc), code,
                                    {"field": _field_label(loc), "snippet": snippet}))


def _check_file(entry: Located, loc: Loc, rel_path: str, loaded: LoadedData, suffixes: set[str],
                max_bytes: int, problems: list[Problem]) -> Path | None:
    """A file referenced from a record must stay inside data/, exist, and have an allowed type."""
    line = entry.line(*loc)
    data_dir = loaded.data_dir.resolve()
    candidate = PurePosixPath(rel_path)
    if candidate.is_absolute() or ".." in candidate.parts or "\\" in rel_path:
        problems.append(Problem(entry.path, line, "file_outside_data", {"value": rel_path}))
        return None
    path = loaded.data_dir / candidate
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(entry.path, line, "file_missing", {"value": rel_path}))
        return None
    if path.is_symlink() or not resolved.is_relative_to(data_dir):
        problems.append(Problem(entry.path, line, "file_outside_data", {"value": rel_path}))
        return None
    if not resolved.is_file():
        problems.append(Problem(entry.path, line, "file_missing", {"value": rel_path}))
        return None
    if resolved.suffix.lower() not in suffixes:
        problems.append(Problem(entry.path, line, "file_wrong_type",
                                {"value": rel_path, "allowed": ", ".join(sorted(suffixes))}))
        return None
    if resolved.stat().st_size > max_bytes:
        problems.append(Problem(entry.path, line, "file_too_large",
                                {"size": resolved.stat().st_size, "limit": max_bytes}))
        return None
    return resolved


_KEPT_LINES = (("number",), ("award_form",), ())


def _compact(doc: SourceDoc) -> None:
    """Drop a checked decision's raw data; keep the few lines later checks (duplicates, caps) cite."""
    doc.lines = {loc: doc.lines[loc] for loc in _KEPT_LINES if loc in doc.lines}
    doc.data, doc.raw_scalars = None, {}


def _check_decision(entry: DecisionEntry, records: Records, loaded: LoadedData, today: dt.date,
                    problems: list[Problem], numbers: dict[tuple, DecisionEntry]) -> None:
    d = entry.model
    if d.number:
        key = (d.authority, entry.year, fold(d.number).replace(" ", ""))
        if key in numbers:
            first = numbers[key]
            problems.append(Problem(entry.path, entry.line("number"), "duplicate_decision_number",
                                    {"number": d.number, "first": f"{first.path}:{first.line('number')}"}))
        else:
            numbers[key] = entry
    elif not d.number_note:
        problems.append(Problem(entry.path, entry.line("number"), "number_note_missing"))
    _check_decision_dates(entry, records, today, problems)
    _check_decision_status(entry, problems)
    form = records.award_forms.get(d.award_form)
    authority = records.authorities.get(d.authority)
    if form is None:
        problems.append(_ref_problem(entry, ("award_form",), "unknown_award_form", d.award_form, records.award_forms))
    if authority is None:
        problems.append(_ref_problem(entry, ("authority",), "unknown_authority", d.authority, records.authorities))
    if form and authority and authority.model.kind not in form.model.awarded_by:
        problems.append(Problem(entry.path, entry.line("award_form"), "form_not_for_authority",
                                {"form": form.model.name, "authority": authority.model.name}))
    if d.movement and d.movement not in records.movements:
        problems.append(_ref_problem(entry, ("movement",), "unknown_movement", d.movement, records.movements))
    if d.attachment:
        resolved = _check_file(entry, ("attachment", "path"), d.attachment.path, loaded, {".pdf"},
                               MAX_ATTACHMENT_BYTES, problems)
        if resolved:
            actual = hashlib.sha256(resolved.read_bytes()).hexdigest()
            if actual != d.attachment.sha256:
                problems.append(Problem(entry.path, entry.line("attachment", "sha256"), "attachment_hash",
                                        {"actual": actual}))
    for index, recipient in enumerate(d.recipients):
        _check_recipient(entry, index, recipient, form, records, problems)
    texts = [(("title",), d.title), (("reason",), d.reason), (("number_note",), d.number_note)]
    texts += [(("legal_basis", i), text) for i, text in enumerate(d.legal_basis)]
    texts += [(("corrections", i, "note"), c.note) for i, c in enumerate(d.corrections)]
    if d.revocation:
        texts.append((("revocation", "reason"), d.revocation.reason))
    for i, r in enumerate(d.recipients):
        texts += [(("recipients", i, key), getattr(r, key)) for key in ("name", "position", "unit_text", "achievement")]
    _check_personal_data(entry, texts, d.pii_allow, problems)


def _validate_consultations(loaded: LoadedData, records: Records, today: dt.date, problems: list[Problem]) -> None:
    decision_ids = {d.id for d in records.decisions}
    for doc in loaded.of_kind("consultations"):
        stem = PurePosixPath(doc.path).stem
        if stem != slugify(stem):
            problems.append(Problem(doc.path, 1, "file_name_not_slug", {"slug": slugify(stem)}))
            continue
        _placeholders(doc, problems)
        parsed = _parse(Consultation, doc.data, doc, (), problems)
        if parsed is None:
            continue
        entry = Located(parsed, doc, ())
        if parsed.proposer not in records.authorities:
            problems.append(_ref_problem(entry, ("proposer",), "unknown_authority", parsed.proposer, records.authorities))
        form = records.award_forms.get(parsed.award_form)
        if form is None:
            problems.append(_ref_problem(entry, ("award_form",), "unknown_award_form", parsed.award_form,
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
                problems.append(_ref_problem(entry, ("proposed", index, "unit"), "unknown_unit", r.unit, records.units))
        texts = [(("title",), parsed.title), (("how_to_comment",), parsed.how_to_comment)]
        texts += [(("proposed", i, key), getattr(r, key)) for i, r in enumerate(parsed.proposed)
                  for key in ("name", "position", "unit_text", "achievement")]
        _check_personal_data(entry, texts, parsed.pii_allow, problems)
        records.consultations[stem] = entry


@dataclass(frozen=True)
class CapBreach:
    """More holders of a capped title in one unit and year than the registry allows."""

    form: str
    of: str
    unit: str
    year: int
    count: int
    base: int
    percent: float
    last: DecisionEntry


def cap_breaches(records: Records) -> list[CapBreach]:
    """Check every ``cap`` rule of the award-form registry per unit and year (in-force decisions only).

    A unit and year with no recorded holder of the base title is not judged: its list is not published.
    """
    caps = {f.model.id: f.model.cap for f in records.award_forms.values() if f.model.cap}
    if not caps:
        return []
    counts: dict[tuple[str, str, int], int] = {}
    last: dict[tuple[str, str, int], DecisionEntry] = {}
    for entry in sorted(records.decisions, key=lambda e: (e.model.date, e.slug)):
        if entry.revoked:
            continue
        for r in entry.model.recipients:
            if r.unit:
                key = (entry.model.award_form, r.unit, entry.year)
                counts[key] = counts.get(key, 0) + 1
                last[key] = entry
    breaches = []
    for (form, unit, year), count in sorted(counts.items()):
        cap = caps.get(form)
        if cap is None:
            continue
        base = counts.get((cap.of, unit, year), 0)
        if base and count > base * cap.percent / 100:
            breaches.append(CapBreach(form, cap.of, unit, year, count, base, cap.percent, last[(form, unit, year)]))
    return breaches


def _check_caps(records: Records, problems: list[Problem]) -> None:
    for b in cap_breaches(records):
        forms, units = records.award_forms, records.units
        problems.append(Problem(b.last.path, b.last.line("award_form"), "cap_exceeded", {
            "form": forms[b.form].model.name, "of": forms[b.of].model.name,
            "unit": units[b.unit].model.name if b.unit in units else b.unit, "year": b.year,
            "count": b.count, "base": b.base, "percent": f"{b.percent:g}"}, Severity.WARNING))


def _check_decision_dates(entry: DecisionEntry, records: Records, today: dt.date, problems: list[Problem]) -> None:
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
    if authority:
        a = authority.model
        if a.valid_from and d.date < a.valid_from:
            problems.append(Problem(entry.path, entry.line("date"), "date_before_authority",
                                    {"authority": a.name, "since": a.valid_from}))
        if a.valid_to and d.date > a.valid_to:
            problems.append(Problem(entry.path, entry.line("date"), "date_after_authority",
                                    {"authority": a.name, "until": a.valid_to, "successor": a.successor or ""}))


def _check_decision_status(entry: DecisionEntry, problems: list[Problem]) -> None:
    d = entry.model
    if d.status is DecisionStatus.revoked and d.revocation is None:
        problems.append(Problem(entry.path, entry.line("status"), "revocation_missing"))
    if d.revocation is not None and d.status is not DecisionStatus.revoked:
        problems.append(Problem(entry.path, entry.line("revocation"), "revocation_without_status"))
    if d.status is DecisionStatus.corrected and not d.corrections:
        problems.append(Problem(entry.path, entry.line("status"), "corrections_missing"))


def _check_recipient(entry: DecisionEntry, index: int, r: Recipient, form: Located[AwardForm] | None,
                     records: Records, problems: list[Problem]) -> None:
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
            problems.append(_ref_problem(entry, ("recipients", index, "unit"), "unknown_unit", r.unit, records.units))
        elif unit.model.valid_to and entry.model.date > unit.model.valid_to:
            problems.append(Problem(entry.path, at("unit"), "unit_defunct",
                                    {"unit": unit.model.name, "until": unit.model.valid_to,
                                     "successor": unit.model.successor or ""}, Severity.WARNING))
    if r.profile and r.profile not in records.profiles:
        problems.append(_ref_problem(entry, ("recipients", index, "profile"), "unknown_profile", r.profile,
                                     records.profiles))
