"""``admin``: the editing page /quan-tri/ (Decap CMS), its config.yml generated from the JSON Schemas and registries.

Nothing of the record format is typed twice: every field of a collection comes from the schema
(``records/schema.py``, itself generated from the models) — its Vietnamese title as the label, its description
as the hint, whether it is required, enums as selects — and every reference to a registry (authority, unit,
award form, movement) is a select whose options are the merged registries' ids with their Vietnamese names.
File names follow the project's slugs: ``slug: {encoding: ascii, clean_accents: true}`` turns «1234/QĐ-UBND»
into ``1234-qd-ubnd``. Decap CMS itself is the npm package pinned in package.json (``DECAP_VERSION``), copied
next to the page: nothing is fetched from a CDN.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import yaml

from generator.records.problems import UserError
from generator.records.schema import record_schemas

DECAP_VERSION = "3.16.3"
# fields that name an entry of a registry → the registry (data/registries/<name>.yaml)
REFERENCES = {"authority": "authorities", "proposer": "authorities", "award_form": "award_forms",
              "movement": "movements", "unit": "units", "parent": "units", "organiser": "authorities"}
# objects whose «path» is a file the clerk uploads
UPLOADS = {"attachment": "file", "photo": "image"}
# text fields long enough for a text area
LONG_TEXT = {"title", "reason", "achievement", "summary", "note", "date_note", "source_note", "number_note",
             "award_form_note"}
# registries an office edits itself (the others come with Bảng Vàng: generator/defaults/)
EDITED_REGISTRIES = ("authorities", "units", "movements")
# decap-server on the clerk's own machine (MODE=git: every «Công bố» is a commit in the site's repository)
LOCAL_PORT = 8081


class _Dumper(yaml.SafeDumper):
    """Safe YAML without anchors: the same options list is written out in full at each select."""

    def ignore_aliases(self, data) -> bool:
        return True


class AdminError(UserError):
    """Something the user can fix (a missing Decap CMS copy, a backend without its repository): a coded UserError."""


def _resolve(prop: dict, defs: dict) -> tuple[dict, bool]:
    """The property without ``anyOf [X, null]`` and ``$ref``, and whether null is allowed."""
    nullable = False
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        nullable = len(options) < len(prop["anyOf"])
        merged = {k: v for k, v in prop.items() if k != "anyOf"}
        prop = {**options[0], **merged} if len(options) == 1 else {**merged, "type": "string"}
    if "$ref" in prop:
        target = defs[prop["$ref"].rsplit("/", 1)[-1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop, nullable


def field(name: str, prop: dict, required: bool, defs: dict, options: dict[str, list[dict]]) -> dict:
    """One Decap field (widget, label, hint, required) for the schema property ``name``."""
    prop, nullable = _resolve(prop, defs)
    out: dict = {"name": name, "label": prop.get("title") or name}
    if prop.get("description"):
        out["hint"] = prop["description"]
    out["required"] = required and not nullable
    kind = prop.get("type")
    if name in REFERENCES and kind in ("string", None) and options.get(REFERENCES[name]):
        out.update(widget="select", options=options[REFERENCES[name]])
    elif "enum" in prop:
        out.update(widget="select", options=[str(v) for v in prop["enum"]])
    elif kind == "string" and prop.get("format") == "date":
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="DD/MM/YYYY", time_format=False,
                   picker_utc=True)
    elif kind == "integer":
        out.update(widget="number", value_type="int")
    elif kind == "number":
        out.update(widget="number", value_type="float")
    elif kind == "boolean":
        out.update(widget="boolean")
    elif kind == "object" and "properties" in prop:
        out.update(widget="object", fields=fields_of(prop, defs, options))
        if not out["required"]:  # Decap checks an empty optional object's fields too: CI's validation does instead
            _optional(out["fields"])
        if name in UPLOADS:  # the file itself is uploaded; its sha256 is recorded by CI (./bangvang attach)
            for sub in out["fields"]:
                if sub["name"] == "path":
                    sub.update(widget=UPLOADS[name])
                elif sub["name"] == "sha256":
                    sub.update(required=False, hint=sub.get("hint", "") + " Để trống: máy tính khi kiểm tra (CI).")
    elif kind == "array":
        items, _ = _resolve(prop.get("items", {}), defs)
        if items.get("type") == "object" and "properties" in items:
            out.update(widget="list", fields=fields_of(items, defs, options))
            for sub in out["fields"]:  # a line's revocation or withdrawal is rare: folded until the clerk opens it
                if sub.get("widget") == "object" and not sub["required"]:
                    sub["collapsed"] = True
            first = next(iter(items["properties"]))
            out["summary"] = "{{fields.name}}" if "name" in items["properties"] else "{{fields.%s}}" % first
        else:
            out.update(widget="list", field=field("item", items, True, defs, options))
    else:
        out.update(widget="text" if name in LONG_TEXT else "string")
    return out


def _optional(fields: list[dict]) -> None:
    """Mark ``fields`` of an optional object not required, down to every nested object (not list items: they
    exist only when the clerk adds one)."""
    for sub in fields:
        sub["required"] = False
        if sub.get("widget") == "object":
            _optional(sub["fields"])


def fields_of(schema: dict, defs: dict, options: dict[str, list[dict]]) -> list[dict]:
    """The Decap fields of an object schema, in the schema's order."""
    required = set(schema.get("required", ()))
    return [field(name, prop, name in required, defs, options) for name, prop in schema["properties"].items()]


def registry_options(records) -> dict[str, list[dict]]:
    """Registry → select options ``{label: "Vietnamese name (id)", value: id}``, in registry order."""
    out = {}
    for kind in ("authorities", "units", "award_forms", "movements"):
        entries = getattr(records, kind, {}) or {}
        out[kind] = [{"label": f"{entry.model.name} ({entry_id})", "value": entry_id}
                     for entry_id, entry in entries.items()]
    return out


def decap_config(records, backend: dict, review: bool = False) -> dict:
    """The whole Decap CMS configuration (config.yml) for a project whose merged registries are ``records``;
    with ``review``, Decap's editorial workflow: a clerk's change waits as «Bản nháp» → «Chờ duyệt» until someone
    allowed to publish approves it (a branch and a pull/merge request on GitHub and GitLab)."""
    schemas = record_schemas()
    options = registry_options(records)

    def fields(name: str) -> list[dict]:
        schema = schemas[name]
        defs = schema.get("$defs", {})
        if schema.get("type") == "array":  # a registry: a list of entries at the file's root
            item, _ = _resolve(schema["items"], defs)
            return [{"name": "items", "label": schema["title"], "widget": "list", "root": True,
                     "summary": "{{fields.name}} ({{fields.id}})", "fields": fields_of(item, defs, options)}]
        return fields_of(schema, defs, options)

    collections = [
        {"name": "decisions", "label": "Quyết định khen thưởng", "label_singular": "quyết định",
         "folder": "data/decisions", "extension": "yaml", "format": "yaml", "create": True,
         "path": "{{year}}/{{slug}}", "slug": "{{number}}", "nested": {"depth": 2},
         "summary": "{{number}} — {{title}} ({{date | date('DD/MM/YYYY')}})",
         "media_folder": "/data/attachments", "public_folder": "attachments",
         "fields": fields("decision")},
        {"name": "profiles", "label": "Hồ sơ gương điển hình", "label_singular": "hồ sơ",
         "folder": "data/profiles", "extension": "yaml", "format": "yaml", "create": True, "slug": "{{name}}",
         "media_folder": "/data/profiles/photos", "public_folder": "profiles/photos",
         "fields": fields("profile")},
        {"name": "stories", "label": "Câu chuyện của gương điển hình", "label_singular": "câu chuyện",
         "folder": "data/profiles", "extension": "md", "format": "frontmatter", "create": False,
         "identifier_field": "body", "summary": "{{filename}}",
         "fields": [{"name": "body", "label": "Câu chuyện (Markdown)", "widget": "markdown"}]},
        {"name": "registries", "label": "Danh mục", "files": [
            {"name": kind, "label": schemas[kind]["title"], "file": f"data/registries/{kind}.yaml", "format": "yaml",
             "fields": fields(kind)} for kind in EDITED_REGISTRIES]},
    ]
    return {"locale": "vi", "backend": backend,
            **({"publish_mode": "editorial_workflow"} if review else {}),
            "media_folder": "data/attachments", "public_folder": "attachments",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": collections}


PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Quản trị — Bảng Vàng</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
<script src="decap-cms.js"></script>
</body>
</html>
"""


def decap_dist(root: Path) -> Path:
    """Decap CMS's built files (``node_modules/decap-cms/dist``, pinned in package-lock.json), checked for
    ``DECAP_VERSION``."""
    package = root / "node_modules" / "decap-cms" / "package.json"
    try:
        version = json.loads(package.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        version = None
    if version != DECAP_VERSION:
        raise AdminError("admin_decap_missing", version=DECAP_VERSION, where=root / "node_modules")
    return package.parent / "dist"


def backend_settings(name: str | None, repo: str | None, base_url: str | None, branch: str,
                     port: int = LOCAL_PORT) -> dict:
    """The ``backend`` of config.yml for an office's git host: GitHub, GitLab (self-managed: ``base_url``) or
    Gitea/Forgejo; without ``name``, decap-server on this machine (127.0.0.1:``port``)."""
    if not name:
        return {"name": "proxy", "proxy_url": f"http://127.0.0.1:{port}/api/v1", "branch": branch}
    if not repo:
        raise AdminError("admin_repo_missing", name=name)
    backend = {"name": name, "repo": repo, "branch": branch}
    if base_url:
        backend["base_url" if name == "gitea" else "api_root"] = base_url.rstrip("/") + (
            "" if name == "gitea" else ("/api/v4" if name == "gitlab" else "/api/v3"))
    return backend


def write_page(out: Path, records, checkout: Path, backend: dict, review: bool = False) -> int:
    """Write the editing page into ``out``: index.html, config.yml and Decap CMS's files; the number of files."""
    dist = decap_dist(checkout)
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(PAGE, encoding="utf-8")
    config = yaml.dump(decap_config(records, backend, review), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    (out / "config.yml").write_text("# Tạo bằng: ./bangvang admin — không sửa tay; chạy lại lệnh khi danh mục "
                                    "thay đổi.\n" + config, encoding="utf-8")
    bundle = [path for path in sorted(dist.iterdir()) if "decap-cms" in path.name and path.suffix == ".js"]
    for path in bundle:  # the main bundle and the chunks it loads on demand
        shutil.copyfile(path, out / path.name)
    return len(bundle) + 2


REPORT = """<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Kết quả kiểm tra dữ liệu — Bảng Vàng</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
li{{margin:.5rem 0}} .loi{{color:#a00}} code{{word-break:break-all}}</style></head>
<body>
<h1>Kết quả kiểm tra dữ liệu</h1>
<p class="{cls}">{verdict}</p>
{items}
<p><a href="index.html">Về trang sửa dữ liệu</a></p>
</body>
</html>
"""


def write_report(path: Path, lines: list[str], valid: bool) -> None:
    """The validation's messages as a page beside the editing page, for a clerk who works without a terminal:
    the same lines as ``validate`` prints (``tệp:dòng: thông báo — cách sửa``), every value escaped."""
    verdict = ("Dữ liệu hợp lệ — trang được xây dựng và đăng." if valid else
               "Dữ liệu có lỗi — trang đang công khai được giữ nguyên, chưa đăng gì. Sửa các mục dưới đây trên trang "
               "sửa dữ liệu rồi bấm «Công bố» lại.")
    items = ("<ol>\n" + "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in lines) + "</ol>"
             if lines else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(cls="" if valid else "loi", verdict=verdict, items=items), encoding="utf-8")
