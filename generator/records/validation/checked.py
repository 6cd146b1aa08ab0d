"""The rules of one decision file, kept between runs: a file that has not changed is not checked again.

A decision's rules fall in two groups, kept apart here:

* **Per-file rules** read one file, the registries (the defaults shipped with Bảng Vàng and the office's, which
  hold the law: award forms, powers, cash, legal documents) and ``today`` (dates in the future): parsing, the
  schema, names and folders, references to registries, dates, powers, cash, completeness, personal data.
  Their outcome — the validated decision as plain data and its problems — is a pure function of those inputs
  and of the code, so it is cached (:class:`FileRules`). ``today`` matters only as far as the decision's own
  dates fall before or after it (:func:`compared_days`): an entry holds for the days on which they fall the
  same way, so a new day checks again only a file with a date between the two days.
* **Rules across files** (``validation/__init__.py``) run on every run over what the first group left: one
  number per authority and year, profiles linked, person ids, the same person twice, caps and occasions —
  and the attachment's hash, which reads another file.

An entry lives in the parse cache's directory and follows its rules (``records/parse_cache.py``): JSON of
plain data, never a pickle; HMAC-SHA-256 with the per-user key; 0700/0600 and never inside the project; a
parse cut short by the machine is not stored. Its key is the SHA-256 of the file's text, where it is shown and
where it lies under ``decisions/``, the digests of every registry file read (with its path), pydantic's version and the source of every module that shapes a parse or a check
(``generator/records/*.py``, ``generator/records/validation/*.py``, ``generator/text.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic

from generator.records.entries import DecisionEntry, Records
from generator.records.load import REGISTRY_KINDS, LoadedData, Loc, SourceDoc, parse_record, read_record
from generator.records.models import Decision
from generator.records.parse_cache import NO_CACHE, ParseCache, code_sources, decode_problem, encode_problem
from generator.records.problems import Problem, Row
from generator.records.unit_names import UnitIndex
from generator.records.validation.decisions import (
    check_decision,
    check_raw_references,
    kept_lines,
    raw_profiles,
    unit_names,
    validate_decision_schema,
)

FORMAT = 1


def sources() -> tuple[Path, ...]:
    """The code whose behaviour shapes a checked file: the parse's sources and every validation module."""
    return code_sources() + tuple(sorted(Path(__file__).resolve().parent.glob("*.py")))


@dataclass
class CheckedFile:
    """What the per-file rules made of one decision file; what the rules across files need of it."""

    doc: SourceDoc  # the file without its data; ``lines``: every line the rules across files cite
    entry: DecisionEntry | None  # the decision, when the schema accepted it
    problems: list[Problem] = field(default_factory=list)  # the loader's and the per-file rules', rows named
    kept: dict[Loc, int] = field(default_factory=dict)  # the lines the records keep (``kept_lines``)
    rows: list[tuple[int, int, Row]] = field(default_factory=list)  # ``SourceDoc.row_spans``, to name rows later
    profiles: list[tuple[int, str]] = field(default_factory=list)  # profiles linked from a refused decision
    days: tuple[dt.date | None, dt.date | None] = (None, None)  # ``compared_days``: [first, end), None: open

    def holds_on(self, today: dt.date) -> bool:
        """The per-file rules decide on ``today`` as they did when this outcome was made."""
        first, end = self.days
        return (first is None or first <= today) and (end is None or today < end)


def compared_days(entry: DecisionEntry | None, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The days on which the per-file rules of ``entry`` decide as they did on ``today``: they compare the date
    only with the decision's own dates (signed, corrected, annulled, a line annulled: a date after it is in the
    future, and the rules reading the law on that date wait). From the latest of those not after ``today`` to
    the day before the first after it; None where that side is open. A file the schema refused reads no date."""
    if entry is None:
        return None, None
    d = entry.model
    dates = [d.date, *(c.date for c in d.corrections), *(r.revoked.date for r in d.recipients if r.revoked)]
    if d.revocation:
        dates.append(d.revocation.date)
    return (max((x for x in dates if x <= today), default=None), min((x for x in dates if x > today), default=None))


def cited_lines(doc: SourceDoc, entry: DecisionEntry | None, profiles: list[tuple[int, str]]) -> dict[Loc, int]:
    """The line of every location the rules across files cite (``line_of``, resolved now that the file's
    lines are all known): the number, the award form, the attachment, and each line's person and profile."""
    locs: list[Loc] = [("number",), ("award_form",), ("attachment", "path"), ("attachment", "sha256")]
    for index in range(len(entry.model.recipients) if entry else 0):
        locs += [("recipients", index), ("recipients", index, "person"), ("recipients", index, "profile")]
    locs += [("recipients", index, "profile") for index, _ in profiles]
    return {loc: doc.line_of(loc) for loc in locs}


class FileRules:
    """The per-file rules of every decision file, with what they read: the registries in ``records``, the
    date and, when ``loaded`` has a parse cache, the cache of checked files."""

    def __init__(self, loaded: LoadedData, records: Records, today: dt.date):
        self.loaded, self.records, self.today = loaded, records, today
        self._units: UnitIndex | None = None
        self._writer: ThreadPoolExecutor | None = None  # writes entries while the next files are checked
        directory = loaded.cache.directory
        self.cache = ParseCache(directory, sources(), loaded.root) if directory else NO_CACHE
        digest = hashlib.sha256(f"{FORMAT}\0{pydantic.VERSION}\0".encode())
        for kind in REGISTRY_KINDS:
            for doc in loaded.of_kind(kind):
                digest.update(f"{kind}\0{doc.path}\0{loaded.digests.get(doc.path, '')}\0".encode("utf-8", "surrogatepass"))
        self.context = digest.hexdigest()

    def units(self) -> UnitIndex:
        """The unit registry searchable by name, built on first use (a run that checks no file never needs it)."""
        if self._units is None:
            self._units = unit_names(self.records)
        return self._units

    def key(self, doc: SourceDoc, text: str) -> str:
        """The key of the checked file ``doc`` whose text is ``text``, in this context (see the module docstring)."""
        where = doc.abs_path.relative_to(self.loaded.data_dir / "decisions").as_posix()
        return self.cache.key(f"checked-decision\0{self.context}\0{where}", doc.path, text)

    def check(self, path: Path) -> CheckedFile:
        """Read the decision file at ``path`` and apply the per-file rules, or take their outcome from the
        cache. A refused file's problem goes straight to ``loaded.problems``, as the loader's always did."""
        doc, text = read_record(path, "decisions", self.loaded)
        if text is None:
            return self._apply(doc, [])
        key = ""
        if self.cache.directory:
            key = self.key(doc, text)
            found = self.cache.get(key, lambda payload: decode(payload, doc))
            if found is not None and found.holds_on(self.today):
                return found
        problems: list[Problem] = []
        complete = parse_record(doc, text, self.loaded.cache, problems)
        checked = self._apply(doc, problems)
        if key and complete:
            payload = self.cache.payload(checked, encode)
            self._writer = self._writer or ThreadPoolExecutor(1, thread_name_prefix="checked-cache")
            self._writer.submit(self.cache.write, key, payload)
        return checked

    def close(self) -> None:
        """Wait until every entry is written (on another thread: creating files is mostly waiting)."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def _apply(self, doc: SourceDoc, problems: list[Problem]) -> CheckedFile:
        entry = validate_decision_schema(doc, self.loaded, problems, self.today)
        if entry:
            check_decision(entry, self.records, self.today, problems, self.units)
            profiles = []
        else:
            check_raw_references(doc, self.records, problems)
            profiles = raw_profiles(doc)
        doc.name_rows(problems)
        light = SourceDoc(doc.kind, doc.path, doc.abs_path, None, cited_lines(doc, entry, profiles))
        light.lines.update(kept := kept_lines(doc))
        return CheckedFile(light, dataclasses.replace(entry, doc=light) if entry else None, problems, kept,
                           doc.row_spans(), profiles, compared_days(entry, self.today))


# --- a checked file ↔ plain JSON data. Locations are lists of text and numbers, as in the parse cache. ---

def _lines(lines: dict[Loc, int]) -> list:
    return [[list(loc), line] for loc, line in lines.items()]


def _unlines(pairs: list) -> dict[Loc, int]:
    return {tuple(loc): int(line) for loc, line in pairs}


def encode(checked: CheckedFile) -> dict:
    """A checked file as plain JSON data: the decision as pydantic writes it (only the fields the file set)."""
    entry = checked.entry
    return {
        "entry": None if entry is None else {
            "model": entry.model.model_dump_json(exclude_unset=True), "year": entry.year, "slug": entry.slug,
            "ids": list(entry.recipient_ids)},
        "lines": _lines(checked.doc.lines), "kept": _lines(checked.kept),
        "problems": [encode_problem(p) for p in checked.problems],
        "rows": [[first, last, row.number, row.name] for first, last, row in checked.rows],
        "profiles": [[index, slug] for index, slug in checked.profiles],
        "days": [day.isoformat() if day else None for day in checked.days]}


def decode(payload: dict[str, Any], doc: SourceDoc) -> CheckedFile:
    """The inverse of :func:`encode`, for the file ``doc`` just read (its kind, path and place on disk)."""
    light = SourceDoc(doc.kind, doc.path, doc.abs_path, None, _unlines(payload["lines"]))
    data = payload["entry"]
    entry = None if data is None else DecisionEntry(
        Decision.model_validate_json(data["model"]), light, (), year=int(data["year"]), slug=str(data["slug"]),
        recipient_ids=tuple(str(i) for i in data["ids"]))
    return CheckedFile(light, entry, [decode_problem(p) for p in payload["problems"]], _unlines(payload["kept"]),
                       [(int(a), int(b), Row(int(n), str(name))) for a, b, n, name in payload["rows"]],
                       [(int(i), str(slug)) for i, slug in payload["profiles"]],
                       tuple(dt.date.fromisoformat(day) if day else None for day in payload["days"]))
