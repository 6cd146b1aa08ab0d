"""The national site's pages (plain Jinja2 HTML): provinces, comparisons of every count and share with
their denominators, per-year and per-form tables, search. Every province row links to the province's
own permanent address; no province page is copied."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from generator.national import figures as fig
from generator.site import urls
from generator.site.labels import count, percent

COUNTS = {  # key (with {scope}: "all" or "year.2024") → label
    "tat-ca": [("all.decisions", "Quyết định còn hiệu lực"), ("all.decisions_revoked", "Quyết định đã hủy bỏ"),
               ("all.awards", "Lượt khen thưởng"), ("all.awards_revoked", "Lượt khen đã bị hủy bỏ"), ("all.awards.individual", "Lượt khen cá nhân"),
               ("all.awards.collective", "Lượt khen tập thể"), ("all.awards.household", "Lượt khen hộ gia đình"),
               ("stats.tat-ca.unnamed", "Lượt không nêu tên"),
               ("stats.tat-ca.rewards", "Khoản thưởng ngoài hình thức của Luật"), ("profiles", "Gương điển hình")],
    "year": [("year.{y}.decisions", "Quyết định còn hiệu lực"), ("year.{y}.decisions_revoked", "Quyết định đã hủy bỏ"),
             ("year.{y}.awards", "Lượt khen thưởng"), ("stats.{y}.unnamed", "Lượt không nêu tên")],
}
OVERVIEW = "Tổng quan"


@dataclass(frozen=True)
class Section:
    title: str
    shares: list[fig.ShareSpec]


def _figure(owner: str, key: str, value: int) -> Markup:
    return Markup('<span data-bv-figure="{}:{}">{}</span>').format(owner, key, count(value))


def _share(owner: str, key: str, numerator: int, denominator: int) -> Markup:
    shown = percent(numerator, denominator) if denominator else "—"
    return Markup('<span data-bv-share="{}:{}">{}</span>').format(owner, key, shown)


def _env() -> Environment:
    env = Environment(loader=PackageLoader("generator.national", "templates"), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(figure=_figure, share=_share, count=count, urls=urls, plain=fig.plain_label)
    return env


def sections(provinces, scope: str) -> list[Section]:
    """Every share the loaded sites publish for ``scope``, by the heading it stands under, in page order."""
    specs: dict[str, fig.ShareSpec] = {}
    for p in provinces:
        for key, spec in p.published.shares.items():
            if key.startswith(f"stats.{scope}."):
                specs.setdefault(key, spec)
    grouped: dict[str, list[fig.ShareSpec]] = {}
    for spec in specs.values():
        grouped.setdefault(spec.section or OVERVIEW, []).append(spec)
    return [Section(title, shares) for title, shares in grouped.items()]


def form_names(db) -> dict[str, str]:
    return dict(db.execute("SELECT award_form_id, min(award_form) FROM quyet_dinh GROUP BY 1").fetchall())


def write_site(result, db, out: Path, search_url: str) -> None:
    """Write every page of the national site into ``out``."""
    env = _env()
    loaded = result.loaded
    published = [p.published for p in loaded]
    years = sorted({y for p in loaded for y in p.years}, reverse=True)
    names = form_names(db)
    forms = sorted({k.split(".")[1] for p in published for k in p.figures
                    if k.startswith("form.") and k.endswith(".awards")},
                   key=lambda f: (-fig.total(published, f"form.{f}.awards"), f))
    common = {"result": result, "loaded": loaded, "published": published, "total": fig.total,
              "total_share": fig.total_share, "years": years, "search_url": search_url}
    pages = {"": ("index.html", {"counts": COUNTS["tat-ca"]}),
             "theo-nam/": ("years.html", {}),
             "theo-hinh-thuc/": ("forms.html", {"forms": [f for f in forms if fig.total(published, f"form.{f}.awards")],
                                                "names": names}),
             "tim-kiem/": ("search.html", {}),
             "so-sanh/": ("compare.html", {"scope": "tat-ca", "label": "Tất cả các năm", "counts": COUNTS["tat-ca"],
                                           "sections": sections(loaded, "tat-ca")})}
    for y in years:
        pages[f"so-sanh/{y}/"] = ("compare.html", {
            "scope": str(y), "label": f"Năm {y}", "sections": sections(loaded, str(y)),
            "counts": [(k.format(y=y), label) for k, label in COUNTS["year"]]})
    for path, (template, context) in pages.items():
        depth = path.count("/")
        html = env.get_template(template).render(**common, **context, root="../" * depth, here=path)
        target = out / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    (out / "style.css").write_text(env.get_template("style.css").render(), encoding="utf-8")
