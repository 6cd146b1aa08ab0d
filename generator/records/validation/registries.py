"""Registries (authorities, units, award forms, movements) and redirects: schema, duplicate ids,
references between registry entries (parents, successors, organisers) and their date ranges.
"""

from __future__ import annotations

from generator.records.entries import Located, Records
from generator.records.load import LoadedData, SourceDoc
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
                if kind in _SUCCEEDED:
                    item = _renamed_successor(item, doc, index, problems)
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


_SUCCEEDED = {"authorities": ("cơ quan", "authority"), "units": ("đơn vị", "unit")}


def _renamed_successor(item, doc: SourceDoc, index: int, problems: list[Problem]):
    """The former single ``successor: id`` is refused with the exact replacement (``successors: [id]``), and read as
    that list so that the rest of the entry is still checked, each problem at the old line."""
    if not isinstance(item, dict) or "successor" not in item:
        return item
    old = item["successor"]
    ids = old if isinstance(old, list) else [] if old is None else [old]
    problems.append(Problem(doc.path, doc.line_of((index, "successor")), "successor_renamed",
                            {"value": ", ".join(str(i) for i in ids)}))
    item = {key: value for key, value in item.items() if key != "successor"}
    if "successors" not in item:
        item["successors"] = ids
        doc.lines.setdefault((index, "successors"), doc.line_of((index, "successor")))
        for n in range(len(ids)):
            doc.lines.setdefault((index, "successors", n), doc.line_of((index, "successor", n)))
    return item


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
    """Every id a registry entry names exists (parent unit, successors, a movement's organiser), and every
    authority's and unit's period is well formed."""
    for unit in records.units.values():
        if unit.model.parent and unit.model.parent not in records.units:
            problems.append(ref_problem(unit, ("parent",), "unknown_unit", unit.model.parent, records.units))
        _check_successors(unit, records.units, "unknown_unit", problems)
        _check_range(unit, "units", problems)
    for authority in records.authorities.values():
        _check_successors(authority, records.authorities, "unknown_authority", problems)
        _check_range(authority, "authorities", problems)
    for movement in records.movements.values():
        organiser = movement.model.organiser
        if organiser and organiser not in records.authorities:
            problems.append(ref_problem(movement, ("organiser",), "unknown_authority", organiser, records.authorities))


def _check_successors(entry: Located, known: dict, code: str, problems: list[Problem]) -> None:
    for index, successor in enumerate(entry.model.successors):
        if successor not in known:
            problems.append(ref_problem(entry, ("successors", index), code, successor, known))


def _check_range(entry: Located, kind: str, problems: list[Problem]) -> None:
    start, end = entry.model.valid_from, entry.model.valid_to
    if start and end and end < start:
        problems.append(Problem(entry.path, entry.line("valid_to"), "date_range", {"start": start, "end": end}))
    if entry.model.successors_unknown and (entry.model.successors or not end):
        problems.append(Problem(entry.path, entry.line("successors_unknown"), "successors_unknown_misused",
                                {"name": entry.model.name}))
    if entry.model.successors and not end:
        kind_vi, kind_en = _SUCCEEDED[kind]
        problems.append(Problem(entry.path, entry.line("successors"), "successor_without_end",
                                {"name": entry.model.name, "kind_vi": kind_vi, "kind_en": kind_en}))
