"""Statistics: overall and per year, each figure linked to the list of awards it counts, drawn as bars
inside its own table row (readable at any width, the number in text beside its bar), and the official
report forms 0601–0603 as pages with CSV."""

from __future__ import annotations

from markupsafe import Markup

from generator.catalog import reports, statistics
from generator.catalog.statistics import YearStats
from generator.records.models import AwardLevel, CommendationMethod, Gender, RecipientCategory, RecipientKind
from generator.site import exports, urls, views
from generator.site.labels import count, label, money
from generator.site.outputs import OutputFile
from generator.site.renderer import LIST_LIMIT, Renderer
from generator.site.sections.lists import more_link

_VALUE_LABELS = {
    "kind": lambda v: "Không rõ loại đối tượng (văn bản chỉ ghi tổng số)" if v == "unknown" else label(RecipientKind(v)), "level": lambda v: label(AwardLevel(v)),
    "method": lambda v: label(CommendationMethod(v)),
    "category": lambda v: "Không rõ (nguồn không cho biết)" if v == "unknown" else label(RecipientCategory(v)),
    "gender": lambda v: "Không ghi" if v == "unknown" else label(Gender(v)),
    "remote": lambda v: {"remote": "Vùng sâu, vùng xa, vùng khó khăn", "other": "Địa bàn khác",
                         "unknown": "Đơn vị ngoài danh mục (không tính tỷ lệ)"}[v],
}


def build(r: Renderer) -> None:
    everything = r.pub.statistics()
    report_links = _reports(r, {s.slug for s in everything})
    breaches = r.pub.cap_breaches
    for s in everything:
        _scope(r, s, everything, breaches, report_links)


def _trend(r: Renderer, everything: list[YearStats]) -> dict:
    """The key shares side by side, a column per year (oldest first) and the whole period last; each cell is the
    share, its denominator, and the count linked to the list it counts (when that list is published)."""
    scopes = sorted((s for s in everything if s.slug != "tat-ca"), key=lambda s: s.slug) + \
        [s for s in everything if s.slug == "tat-ca"]
    rows = []
    for name, key, value in statistics.KEY_SHARES:
        cells = []
        for s in scopes:
            b = s.breakdown(key)
            listed = r.pub.list_published(key) and bool(b.awards.get(value))
            cells.append({"count": views.figure(f"stats.{s.slug}.{key}.{value}", b.count(value)),
                          "href": urls.statistics_list(s.slug, key, value) if listed else "",
                          "share": views.share(b.share(s.slug, value))})
        rows.append({"label": name, "cells": cells})
    return {"scopes": [views.Link(s.label if s.slug == "tat-ca" else s.slug, urls.statistics(s.slug)) for s in scopes],
            "rows": rows}


def _scope(r: Renderer, s: YearStats, everything: list[YearStats], breaches, report_links) -> None:
    pub = r.pub
    base = urls.statistics(s.slug)
    overall = s.slug == "tat-ca"
    scope = ["statistics"] if overall else ["statistics", (f"Năm {s.slug}", base)]
    breakdowns = []
    for b in s.breakdowns:
        rows = []
        listed = pub.list_published(b.key)
        largest = max((b.count(v) for v in b.values()), default=0)
        for value in sorted(b.values(), key=lambda v: (-b.count(v), v)):
            awards = b.awards.get(value, [])
            name = pub.award_forms[value].model.name if b.key == "form" else _VALUE_LABELS[b.key](value)
            if b.unnamed[value]:
                name += f" (gồm {b.unnamed[value]} lượt không nêu tên)"
            key = f"stats.{s.slug}.{b.key}.{value}"
            number = views.figure(key, b.count(value))
            list_url = urls.statistics_list(s.slug, b.key, value)
            listed_here = listed and bool(awards)
            share = views.share(b.share(s.slug, value)) if value not in b.outside else "—"
            rows.append({"label": name, "count": number, "href": list_url if listed_here else "", "share": share,
                         "bar": round(100 * b.count(value) / largest) if largest else 0})
            if listed_here:
                r.page(list_url, "statistics_list.html", f"{b.title}: {name} — {s.label}",
                       f"{count(b.count(value))} lượt khen thưởng.", context=lambda awards=awards, number=number, list_url=list_url,
                       current=f"{b.title}: {name}": {
                           "crumbs": r.breadcrumbs(scope, current, list_url),
                           "rows": [views.award_row(pub, a) for a in pub.shown(awards[:LIST_LIMIT])],
                           "total": number, "back": base, "named_only": bool(b.unnamed[value]),
                           "list_name": "khen-thuong-" + list_url.removeprefix(urls.STATISTICS + "danh-sach/")
                                                                  .strip("/").replace("/", "-"),
                           "more": more_link(len(awards), exports.bulk_path(int(s.slug), "nguoi-nhan", "csv")
                                             if s.slug.isdigit() else exports.DOWNLOADS, "lượt khen thưởng")})
        breakdowns.append({"key": b.key, "title": b.title, "rows": rows, "listed": listed,
                           "total": views.figure(f"stats.{s.slug}.{b.key}.total", b.denominator), "of": b.of})
    years = [views.Link(y.label if y.slug == "tat-ca" else y.slug, urls.statistics(y.slug)) for y in everything]
    r.page(base, "statistics.html", f"Thống kê khen thưởng — {s.label}",
           f"Thống kê công bằng trong khen thưởng: {s.label}.",
           s={"label": s.label, "total": views.figure(f"stats.{s.slug}.total", s.total),
              "unnamed": views.figure(f"stats.{s.slug}.unnamed", s.unnamed) if s.unnamed else "",
              "rewards": views.figure(f"stats.{s.slug}.rewards", s.rewards) if s.rewards else "",
              "reward_value": money(s.reward_value) if s.rewards else "",
              "in_kind_value": money(s.in_kind_value) if s.in_kind_value else "",
              "in_kind_unvalued": views.figure(f"stats.{s.slug}.in_kind_unvalued", s.in_kind_unvalued)
              if s.in_kind_unvalued else "",
              "leader_share": views.share(s.leader_share), "direct_share": views.share(s.direct_share),
              "remote_share": views.share(s.remote_share), "female_share": views.share(s.female_share),
              "breakdowns": breakdowns,
              "top_units": [{"unit": views.Link(pub.units[u].model.name, urls.unit(u)),
                             "count": views.figure(f"stats.{s.slug}.unit.{u}", n)} for u, n in s.top_units]},
           counted=s.total > 0, years=years, current=base,
           trend=_trend(r, everything) if overall and len(everything) > 2 else None,
           crumbs=None if overall else r.breadcrumbs(["statistics"], f"Năm {s.slug}", base),
           pager=None if overall else views.pager([int(y.slug) for y in everything if y.slug != "tat-ca"], int(s.slug),
                                                  lambda y: views.Link(str(y), urls.statistics(str(y)))),
           breaches=[f"{pub.units[b.unit].model.name if b.unit in pub.units else b.unit}, năm {b.year}: "
                     f"{b.count} «{pub.award_forms[b.form].model.name}» trên {b.base} «{pub.award_forms[b.of].model.name}» "
                     f"(tối đa {b.percent:g} %)" for b in breaches if s.slug in ("tat-ca", str(b.year))],
           reports=[link for year, link in report_links if s.slug in ("tat-ca", str(year))])


def _cell(report, line, index):
    """One cell (or, ``index`` None, a row's total) of a report: its figure, or «không rõ» when some award of the
    column may belong to the row and the source does not say (never a 0 standing for «unknown»)."""
    if not line.known(index):
        return Markup('<span class="bv-unknown">không rõ</span>')
    return views.figure(report.key(line, index), line.total if index is None else line.values[index])


def _reports(r: Renderer, years: set[str]) -> list[tuple[int, views.Link]]:
    """Every official report form the records fill: a page (a printable table) and its CSV each. ``years``: the
    years with a statistics page (a report's breadcrumbs go through it)."""
    pub = r.pub
    links = []
    for report in pub.reports():
        form, layout = report.form, report.layout
        reporter = pub.authorities[report.authority].model.name if report.authority else r.site_name
        page_url = urls.report(report.slug)
        csv_path = f"{page_url}{report.slug}.csv"
        unknown_notes = [f"ô để trống (trên trang: «không rõ») — {n} {reports.UNKNOWN_REASONS[why]}, nguồn không "
                         f"cho biết" for why, n in report.unknown_reasons.items()]
        headers = [(column.label, [reports.SUB_LABELS[k.value] for k in column.kinds]) for column in layout.columns]
        cell_labels = [layout.columns[cell.column].label + (f" — {reports.SUB_LABELS[cell.kind]}" if cell.kind else "")
                       for cell in report.cells]
        rows = [{"code": line.code, "label": line.label, "unit": line.unit, "heading": line.heading,
                 "total": _cell(report, line, None) if not line.heading else "",
                 "cells": [_cell(report, line, i) for i in range(len(line.values))]}
                for line in report.lines]
        columns = [exports.Column("ma_so", "Mã số"), exports.Column("chi_tieu", "Chỉ tiêu"),
                   exports.Column("don_vi_tinh", "Đơn vị tính"), exports.Column("tong_so", "Tổng số", "integer")] + [
            exports.Column(f"cot_{i + 1}", label, "integer") for i, label in enumerate(cell_labels)]
        r.file(OutputFile(csv_path, content=exports.to_csv(
            [{"ma_so": line.code, "chi_tieu": line.label, "don_vi_tinh": line.unit,
              "tong_so": line.total if not line.heading and line.known(None) else None,
              **({} if line.heading else {f"cot_{i + 1}": v for i, v in enumerate(line.values) if line.known(i)})}
             for line in report.lines] + [{"chi_tieu": f"Ghi chú: {note}"} for note in unknown_notes], columns)))
        title = f"Biểu {form.code} — {reporter} — năm {report.year}"
        trail = ["statistics"] + ([(f"Năm {report.year}", urls.statistics(str(report.year)))]
                                  if str(report.year) in years else [])
        r.page(page_url, "report.html", title, f"{form.title}, {reporter}, năm {report.year}.",
               crumbs=r.breadcrumbs(trail, title, page_url),
               form={"code": form.code, "title": form.title, "circular": form.circular, "note": form.note or "",
                     "unit": layout.unit or ""},
               reporter=reporter, year=report.year, headers=headers, split=any(sub for _, sub in headers),
               cell_labels=cell_labels, rows=rows, csv=views.Link("CSV (Excel)", csv_path),
               unplaced=pub.unplaced_movements(report.year) if form.subject == "movements" else 0,
               undated=pub.undated_movements() if form.subject == "movements" else 0,
               unnamed=report.unnamed, unnamed_left_out=report.unnamed_left_out,
               unknown_form=views.figure(f"report.{report.slug}.unknown_form", report.unknown_form)
               if report.unknown_form else "",
               unknown=[views.figure(f"report.{report.slug}.unknown.{why}", n) + f" {reports.UNKNOWN_REASONS[why]}"
                        for why, n in report.unknown_reasons.items()])
        links.append((report.year, views.Link(title, page_url)))
    return links
