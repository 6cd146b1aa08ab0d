"""Registries (authorities, units, award forms, movements) and redirects: schema, duplicate ids,
references between registry entries and their date ranges.
"""

from __future__ import annotations

from generator.records.entries import Located, Records
from generator.records.load import LoadedData
from generator.records.models import REGISTRY_MODELS, Redirect
from generator.records.problems import Problem
from generator.records.validation.personal_data import check_record
from generator.records.validation.schema import parse, ref_problem


def validate_registries(loaded: LoadedData, records: Records, problems: list[Problem]) -> None:
    """Each registry: the defaults shipped with Bảng Vàng, then the office's entries — an entry with a default's
    id changes the fields it gives, ``retired: true`` takes the default out, any other id is added."""
    for kind, model in REGISTRY_MODELS.items():
        target: dict = getattr(records, kind)
        defaults: dict[str, dict] = {}
        for doc in loaded.of_kind(kind):
            if doc.data is None:
                continue
            if not isinstance(doc.data, list):
                problems.append(Problem(doc.path, 1, "registry_not_list", {"kind": kind}))
                continue
            seen: set = set()
            for index, item in enumerate(doc.data):
                item_id = item.get("id") if isinstance(item, dict) else None
                if not doc.default and isinstance(item_id, str) and item_id in defaults and item_id not in seen:
                    seen.add(item_id)
                    if item.get("retired") is True:
                        target.pop(item_id, None)
                        continue
                    item = {**defaults[item_id], **{k: v for k, v in item.items() if k != "retired"}}
                    target.pop(item_id, None)
                elif not doc.default and isinstance(item, dict) and "retired" in item:
                    problems.append(Problem(doc.path, doc.line_of((index, "retired")), "retired_unknown",
                                            {"id": str(item_id or ""), "kind": kind}))
                    continue
                parsed = parse(model, item, doc, (index,), problems)
                if parsed is None:
                    continue
                if parsed.id in target:
                    first = target[parsed.id]
                    problems.append(
                        Problem(doc.path, doc.line_of((index, "id")), "duplicate_id",
                                {"id": parsed.id, "first": f"{first.path}:{first.line('id')}"})
                    )
                    continue
                if doc.default:
                    defaults[parsed.id] = item
                target[parsed.id] = Located(parsed, doc, (index,))
                check_record(target[parsed.id], problems)


def validate_redirects(loaded: LoadedData, records: Records, problems: list[Problem]) -> None:
    seen: dict[str, Located[Redirect]] = {}
    for doc in loaded.of_kind("redirects"):
        if doc.data is None:
            continue
        if not isinstance(doc.data, list):
            problems.append(Problem(doc.path, 1, "registry_not_list", {"kind": "redirects"}))
            continue
        for index, item in enumerate(doc.data):
            parsed = parse(Redirect, item, doc, (index,), problems)
            if parsed is None:
                continue
            entry = Located(parsed, doc, (index,))
            check_record(entry, problems)
            if parsed.old == parsed.new or parsed.old in seen:
                problems.append(Problem(doc.path, entry.line("old"), "redirect_duplicate", {"old": parsed.old}))
                continue
            seen[parsed.old] = entry
            records.redirects.append(entry)


def check_registry_references(records: Records, problems: list[Problem]) -> None:
    for unit in records.units.values():
        for key in ("parent", "successor"):
            value = getattr(unit.model, key)
            if value and value not in records.units:
                problems.append(ref_problem(unit, (key,), "unknown_unit", value, records.units))
        _check_range(unit, problems)
    for authority in records.authorities.values():
        if authority.model.successor and authority.model.successor not in records.authorities:
            problems.append(ref_problem(authority, ("successor",), "unknown_authority",
                                         authority.model.successor, records.authorities))
        _check_range(authority, problems)
    for movement in records.movements.values():
        organiser = movement.model.organiser
        if organiser and organiser not in records.authorities:
            problems.append(ref_problem(movement, ("organiser",), "unknown_authority", organiser, records.authorities))


def _check_range(entry: Located, problems: list[Problem]) -> None:
    start, end = entry.model.valid_from, entry.model.valid_to
    if start and end and end < start:
        problems.append(Problem(entry.path, entry.line("valid_to"), "date_range", {"start": start, "end": end}))
    if entry.model.successor and not end:
        problems.append(Problem(entry.path, entry.line("successor"), "successor_without_end"))
