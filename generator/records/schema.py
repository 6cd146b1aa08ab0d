"""JSON Schema of the record formats, generated from the models (one source of truth)."""

from __future__ import annotations

import json

from pydantic import BaseModel, TypeAdapter

from generator.records.models import REGISTRY_MODELS, Decision, Profile

SCHEMA_BASE = "https://bangvang.example/schema/"


def record_schemas() -> dict[str, dict]:
    """Schema name → JSON Schema (draft 2020-12) of each file format under data/."""
    schemas: dict[str, dict] = {
        "decision": _with_header(Decision.model_json_schema(), "decision",
                                 "Quyết định khen thưởng (data/decisions/<năm>/<số-ký-hiệu>.yaml)"),
        "profile": _with_header(Profile.model_json_schema(), "profile",
                                "Hồ sơ gương điển hình (data/profiles/<slug>.yaml)"),
    }
    for kind, model in REGISTRY_MODELS.items():
        schema = TypeAdapter(list[model]).json_schema()
        schemas[kind] = _with_header(schema, kind, f"Danh mục {_REGISTRY_TITLES[kind]} (data/registries/{kind}.yaml)")
    return schemas


_REGISTRY_TITLES = {"authorities": "cơ quan ban hành", "units": "đơn vị", "award_forms": "hình thức khen thưởng",
                    "movements": "phong trào thi đua", "base_salary": "mức lương cơ sở",
                    "legal_documents": "văn bản pháp luật", "report_forms": "bố cục biểu báo cáo thống kê",
                    "holidays": "ngày nghỉ lễ, Tết"}


def _with_header(schema: dict, name: str, title: str) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{SCHEMA_BASE}{name}.schema.json",
            **{k: v for k, v in schema.items() if k != "title"}, "title": title}


def schema_json(schema: dict) -> bytes:
    return (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def field_rows(model: type[BaseModel]) -> list[dict]:
    """Rows describing each field of ``model`` for the "about the data" page."""
    rows = []
    for name, info in model.model_fields.items():
        rows.append({"name": name, "title": info.title or "", "description": info.description or "",
                     "required": info.is_required()})
    return rows
