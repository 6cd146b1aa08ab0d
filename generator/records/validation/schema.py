"""Schema layer: pydantic errors mapped to the YAML line and a message code, with
Vietnamese field titles and "did you mean" suggestions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.records import personal_data as privacy
from generator.records.entries import Located, M
from generator.records.load import Loc, SourceDoc, field_label
from generator.records.messages import Both
from generator.records.problems import Problem, Severity
from generator.text import slugify


def parse(model: type[M], data: Any, doc: SourceDoc, loc: Loc, problems: list[Problem]) -> M | None:
    if data is None and doc.data is None:
        return None  # the loader already reported why
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            if isinstance(error.get("input"), str) and error["input"].strip() == PLACEHOLDER:
                continue  # reported once by placeholders
            problems.append(schema_problem(model, doc, loc, error))
        return None


def schema_problem(model: type[BaseModel], doc: SourceDoc, base: Loc, error: dict) -> Problem:
    rel = tuple(error["loc"])
    loc = base + rel
    kind = error["type"]
    name = field_label(rel) or Both("(tệp)", "(file)")
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
            params["suggestion"] = suggest(key, _known_fields(model, rel[:-1]))
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
        expected = str(error.get("ctx", {}).get("expected", ""))
        params["choices"] = re.findall(r"'([^']*)'", expected) or [expected]  # pydantic's "'a', 'b' or 'c'"
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
        params["detail"] = Both("giá trị không đúng kiểu dữ liệu của trường", str(error.get("msg", kind)))
    return Problem(doc.path, doc.line_of(loc), code, params)


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


def suggest(word: str, choices: list[str] | set[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else ""


PLACEHOLDER = "…"
# What templates and drafts leave for "fill in later", inside a longer text: an ellipsis standing alone
# ("Ông … được", "…/QĐ-UBND", "[...]"; not "xuất sắc…" ending a sentence), x's for a number or name, a
# bracketed hint ("[tên]", "[đơn vị]"; not a citation "[1]") and the editors' markers TODO, FIXME, TBD.
PLACEHOLDER_TEXT = re.compile(
    r"(?<!\w)(?:…|\.{3,})"
    r"|\b(?:x{2,}|X{3,})\b"
    r"|\[[^\[\]\n]{0,40}[^\W\d_][^\[\]\n]{0,40}\]"
    r"|\b(?:TODO|FIXME|TBD)\b")
NOT_TEXT_FIELDS = {"id", "url", "path", "sha256", "file"}  # identifiers and addresses, checked by their own rules


def placeholders(doc: SourceDoc, problems: list[Problem]) -> None:
    """Scaffolds mark what to fill in with «…»; a value still holding one is not ready to publish (an error).
    A placeholder left inside a longer text (``PLACEHOLDER_TEXT``) is a warning naming it."""
    def walk(value: Any, loc: Loc) -> None:
        if isinstance(value, str) and value.strip() == PLACEHOLDER:
            problems.append(Problem(doc.path, doc.line_of(loc), "placeholder", {"field": field_label(loc)}))
        elif isinstance(value, str):
            found = PLACEHOLDER_TEXT.search(value)
            if found and not any(part in NOT_TEXT_FIELDS for part in loc if isinstance(part, str)):
                problems.append(Problem(doc.path, doc.line_of(loc), "placeholder_text",
                                        {"field": field_label(loc), "snippet": found.group(0)}, Severity.WARNING))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, loc + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, loc + (index,))

    walk(doc.data, ())


def ref_problem(entry: Located, loc: Loc, code: str, value: str, known: dict) -> Problem:
    return Problem(entry.path, entry.line(*loc), code, {"value": value, "suggestion": suggest(value, known)})
