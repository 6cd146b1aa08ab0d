"""About the data: counts, downloads (bulk CSV/JSON, datapackage), JSON Schemas and the field tables."""

from __future__ import annotations

from generator.records.models import REGISTRY_MODELS, Decision, Profile, Recipient
from generator.records.schema import field_rows, record_schemas, schema_json
from generator.site import exports, urls, views
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer


def build_downloads(r: Renderer) -> None:
    """Bulk exports and the JSON Schemas of the record formats."""
    r.site.files.extend(exports.bulk_exports(r.pub, r.options.site_url, r.options.license, r.site_name))
    for name, schema in record_schemas().items():
        r.file(OutputFile(urls.schema(name), content=schema_json(schema)))


def build(r: Renderer) -> None:
    pub = r.pub
    t = pub.counts.all
    schemas = record_schemas()
    models = [("Quyết định khen thưởng", "decision", Decision),
              ("Người được khen thưởng (mỗi phần tử của recipients trong quyết định)", "decision", Recipient),
              ("Hồ sơ gương điển hình", "profile", Profile)]
    models += [(schemas[k]["title"], k, m) for k, m in REGISTRY_MODELS.items()]
    r.page(urls.ABOUT_DATA, "about_data.html", "Về dữ liệu",
           "Nguồn, lược đồ và cách kiểm tra dữ liệu khen thưởng.",
           counts=[("Quyết định còn hiệu lực", views.figure("all.decisions", t.decisions)),
                   ("Quyết định đã bị hủy bỏ", views.figure("all.decisions_revoked", t.decisions_revoked)),
                   ("Lượt khen thưởng được tính", views.figure("all.awards", t.awards)),
                   ("Lượt khen thưởng đã bị hủy bỏ", views.figure("all.awards_revoked", t.awards_revoked)),
                   ("Hồ sơ gương điển hình", views.figure("profiles", len(pub.profiles()))),
                   ("Đơn vị trong danh mục", views.figure("registry.units", len(pub.units))),
                   ("Cơ quan ban hành", views.figure("registry.authorities", len(pub.authorities))),
                   ("Hình thức khen thưởng", views.figure("registry.award_forms", len(pub.award_forms))),
                   ("Phong trào thi đua", views.figure("registry.movements", len(pub.movements)))],
           formats=[{"title": title, "schema": urls.schema(name), "fields": field_rows(model)}
                    for title, name, model in models],
           license=r.options.license,
           downloads=exports.bulk_links(pub.by_year),
           package=views.Link("Mô tả gói dữ liệu (Frictionless datapackage.json)", f"{exports.DATA_DIR}datapackage.json"))
