"""Stage 4 — render: catalog → pages (HTML fragments from Jinja2 templates) and data files.

The result is engine-independent: a list of pages with their URL, title and body HTML, and a
list of files with their site path. ``mkdocs_plugin`` hands both to MkDocs; another engine could too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import io
from typing import BinaryIO, Callable
from functools import partial
from pathlib import Path

import jinja2
import segno
from markupsafe import Markup, escape

from generator.records import images

from generator.site import structured_data, urls, views
from generator.catalog.index import Catalog
from generator.site.labels import count, label, long_date, short_date
from generator.records.models import (
    REGISTRY_MODELS,
    AwardLevel,
    CommendationMethod,
    Decision,
    Gender,
    Profile,
    Recipient,
    RecipientCategory,
    RecipientKind,
)
from generator.records.schema import field_rows, record_schemas, schema_json
from generator.text import sort_key

LATEST_ON_HOME = 10
LIST_LIMIT = 200  # rows on a list page; the rest is one search or one download away


@dataclass(frozen=True)
class Page:
    """A generated page: its directory URL (``quyet-dinh/2024/1876-qd-ubnd/``), title and body HTML.

    The body is rendered when ``html`` is read, so a site of tens of thousands of pages never
    holds all of them in memory at once.
    """

    url: str
    title: str
    render: Callable[[], str] = field(repr=False, compare=False)
    description: str = ""
    template: str = ""
    image: str = ""  # site path of the picture shown when the page is shared

    @property
    def html(self) -> str:
        return self.render()

    @property
    def is_record(self) -> bool:
        """Pages below a section (a decision, a unit, a year …) rather than a section index."""
        return self.url.count("/") >= 2


@dataclass(frozen=True)
class OutputFile:
    """A file published as is: bytes in memory, a file copied from ``source``, or written by
    ``produce(stream)`` when the site is written (large exports: streamed, never held in memory)."""

    path: str
    content: bytes | None = None
    source: Path | None = None
    produce: Callable[[BinaryIO], None] | None = field(default=None, repr=False, compare=False)

    def write(self, stream: BinaryIO) -> None:
        if self.content is not None:
            stream.write(self.content)
        elif self.produce is not None:
            self.produce(stream)
        else:
            assert self.source is not None
            stream.write(self.source.read_bytes())

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue()


@dataclass(frozen=True)
class SiteOptions:
    """Site-wide settings the pages need; the adapter fills them from the engine's configuration."""

    site_name: str = "Bảng Vàng"
    site_url: str = ""  # public address, with a trailing slash; permanent links and citations use it
    license: dict = field(default_factory=lambda: {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                                                   "path": "https://creativecommons.org/licenses/by/4.0/"})
    history_url: str = ""  # e.g. https://github.com/org/repo/commits/main/ — the file path is appended
    hidden_fields: frozenset = frozenset()  # recipient fields not published (privacy.HIDEABLE_FIELDS)
    last_changed: dict = field(default_factory=dict)  # record path → date of its last commit


@dataclass
class RenderedSite:
    pages: list[Page] = field(default_factory=list)
    files: list[OutputFile] = field(default_factory=list)


def _link(to, item) -> Markup:
    """A Link view as HTML: an anchor when it has a target, else its escaped text (hot path: no macro)."""
    if item.href:
        return Markup('<a href="{}">{}</a>').format(to(item.href), item.text)
    return escape(item.text)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with autoescaping always on and undefined names as errors."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _Renderer:
    def __init__(self, catalog: Catalog, env: jinja2.Environment, options: SiteOptions):
        self.catalog = catalog
        self.env = env
        self.options = options
        self.site_name = options.site_name
        self.site = RenderedSite()

    def provenance(self, path: str, url: str, title: str, issuer: str, number: str, date: str) -> dict:
        """Citation and audit trail of a record page: permanent URL, last change, history link."""
        changed = self.options.last_changed.get(path)
        return {"title": title, "issuer": issuer, "number": number, "date": date,
                "permanent_url": (self.options.site_url or "/") + url, "site_name": self.site_name,
                "source_path": path, "changed": long_date(changed) if changed else "",
                "history": self.options.history_url + path if self.options.history_url else ""}

    def page(self, url: str, template: str, title: str, description: str = "",
             context: Callable[[], dict] | None = None, image: str = "", **values) -> None:
        """Add a page; ``context`` (a function) defers building its view objects until it is rendered."""
        env, site_name = self.env, self.site_name

        def render() -> str:
            to = urls.linker(url)
            extra = context() if context else values
            return env.get_template(template).render(url=to, link=partial(_link, to), title=title,
                                                     site_name=site_name, **extra)

        self.site.pages.append(Page(url=url, title=title, render=render, description=description, template=template,
                                    image=image))


def render_site(catalog: Catalog, templates_dir: Path, options: SiteOptions | None = None,
                content_dir: Path | None = None) -> RenderedSite:
    """Render every generated page and data file of the site, the search index included."""
    from generator.site import exports, feed, search_index

    options = options or SiteOptions()
    r = _Renderer(catalog, make_environment(templates_dir), options)
    r.site.files.extend(exports.build_exports(catalog, options.site_url, options.license, options.site_name,
                                              options.hidden_fields))
    r.site.files.append(OutputFile(feed.FEED_PATH, content=feed.build_feed(catalog, options.site_url, options.site_name,
                                                                           options.last_changed)))
    _assets(r, templates_dir)
    _search(r, search_index.build_index(catalog, search_index.hand_written_pages(content_dir), options.hidden_fields))
    _home(r)
    _decisions(r)
    _award_forms(r)
    _units(r)
    _profiles(r)
    _statistics(r)
    _revoked(r)
    _consultations(r)
    _about_data(r)
    _smoke_test(r.site)
    return r.site


def _smoke_test(site: RenderedSite) -> None:
    """Render one page of each template now, so template errors surface before the engine runs."""
    seen: set[str] = set()
    for page in site.pages:
        if page.template not in seen:
            seen.add(page.template)
            page.html


def _assets(r: _Renderer, templates_dir: Path) -> None:
    """Stylesheets and scripts that belong to the templates, published under assets/."""
    assets = templates_dir / "assets"
    if assets.is_dir():
        for path in sorted(assets.iterdir()):
            if path.is_file():
                r.site.files.append(OutputFile(f"assets/{path.name}", source=path))


def _search(r: _Renderer, index) -> None:
    from generator.site import search_index

    r.site.files.extend(index.files)
    r.page(urls.SEARCH, "search.html", "Tìm kiếm",
           "Tìm người, tập thể, đơn vị, quyết định khen thưởng — gõ có dấu hay không dấu đều được.",
           index=search_index.INDEX_DIR, chunk=search_index.CHUNK, shards=",".join(index.shards),
           **search_index.facets(r.catalog))


def _more(total: int, href: str, what: str) -> views.Link | None:
    """A link to the rest when a list page shows only the first LIST_LIMIT rows."""
    if total <= LIST_LIMIT:
        return None
    return views.Link(f"Trang này hiện {LIST_LIMIT} {what} mới nhất trong tổng số {count(total)}; xem tất cả", href)


def _home(r: _Renderer) -> None:
    c = r.catalog
    totals = c.totals
    r.page(urls.HOME, "home.html", r.site_name,
           "Công khai quyết định khen thưởng và gương điển hình tiên tiến.",
           totals=[("Quyết định", count(totals.decisions)), ("Lượt khen thưởng", count(totals.awards)),
                   ("Cá nhân", count(totals.individuals)), ("Tập thể", count(totals.collectives)),
                   ("Hộ gia đình", count(totals.households)), ("Gương điển hình", count(len(c.profiles)))],
           latest=[views.decision_row(c, d) for d in c.decisions[:LATEST_ON_HOME]],
           featured=[views.profile_card(c, p) for p in c.profiles_sorted() if p.model.featured],
           years=[views.Link(f"Năm {y}", urls.year(y)) for y in c.by_year])


def _decisions(r: _Renderer) -> None:
    from generator.site import exports

    c = r.catalog
    years = [{"link": views.Link(f"Năm {y}", urls.year(y)), "decisions": count(len(ds)),
              "recipients": count(sum(len(d.model.recipients) for d in ds))} for y, ds in c.by_year.items()]
    r.page(urls.DECISIONS, "decisions_index.html", "Quyết định khen thưởng",
           "Danh sách quyết định khen thưởng theo năm.", years=years,
           revoked=[views.decision_row(c, d) for d in c.revoked()])
    for year, decisions in c.by_year.items():
        r.page(urls.year(year), "year.html", f"Quyết định khen thưởng năm {year}",
               f"{len(decisions)} quyết định khen thưởng năm {year}.",
               context=lambda year=year, decisions=decisions: {
                   "year": year, "rows": [views.decision_row(c, d) for d in decisions]})
    for decision in c.decisions:
        d = decision.model
        heading = views.decision_label(decision)
        authority = c.authorities[d.authority].model.name
        title = d.title or f"Về việc tặng {c.award_forms[d.award_form].model.name}"
        url = urls.decision(decision.year, decision.slug)
        json_file, csv_file = exports.decision_files(decision.year, decision.slug)
        r.page(url, "decision.html", f"{heading} {long_date(d.date)}",
               f"{title} — {authority}, {long_date(d.date)}.",
               context=lambda decision=decision, url=url, heading=heading, title=title, authority=authority,
               json_file=json_file, csv_file=csv_file: {
                   "d": views.decision_view(c, decision, r.options.hidden_fields),
                   "ld": structured_data.as_script(structured_data.decision_ld(c, decision, r.options.site_url)),
                   "downloads": [views.Link("JSON", json_file), views.Link("CSV (Excel)", csv_file),
                                 views.Link("Bản in niêm yết (A4, có mã QR)", urls.print_view(decision.year, decision.slug))],
                   "cite": r.provenance(decision.path, url, f"{heading}: {title}", authority,
                                        decision.model.number or "", long_date(decision.model.date))})
        r.site.files.append(OutputFile(urls.print_view(decision.year, decision.slug) + "index.html",
                                       produce=lambda out, decision=decision, url=url: out.write(
                                           _print_view(r, decision, url).encode("utf-8"))))
        if decision.model.attachment:
            r.site.files.append(OutputFile(urls.attachment(decision.year, decision.slug),
                                           source=c.records.data_dir / decision.model.attachment.path))


def _print_list(r: _Renderer, url: str, **values) -> str:
    """A4 notice-board list: a standalone page with a QR code of the public page's permanent address."""
    permanent = (r.options.site_url or "/") + url
    # a fixed mask: segno then skips scoring all eight masks (4x faster over 20,000 pages); still decodes
    qr = segno.make(permanent, error="m", mask=0).svg_inline(scale=1, dark="#000", light="#fff", omitsize=True,
                                                     title=f"Mã QR: {permanent}")
    return r.env.get_template("print_list.html").render(permanent_url=permanent, site_name=r.site_name,
                                                        qr=Markup(qr), **values)


def _print_view(r: _Renderer, decision, url: str) -> str:
    d = views.decision_view(r.catalog, decision, r.options.hidden_fields)
    notice = (f"QUYẾT ĐỊNH NÀY ĐÃ BỊ HỦY BỎ bởi Quyết định số {d.revocation['number']}, {d.revocation['date']}. "
              f"Lý do: {d.revocation['reason']}") if d.revocation else ""
    return _print_list(r, url, authority=d.authority, heading="DANH SÁCH KHEN THƯỞNG",
                       subtitle=f"Kèm theo {d.heading}, {d.date} — {d.award_form.text}", notice=notice, intro="",
                       rows=d.recipients)


def _award_forms(r: _Renderer) -> None:
    c = r.catalog
    groups = []
    for level in AwardLevel:
        forms = [f for f in c.award_forms.values() if f.model.level is level]
        rows = [{"link": views.Link(f.model.name, urls.award_form(f.model.id)), "group": label(f.model.group),
                 "decisions": count(len(c.by_form.get(f.model.id, []))),
                 "recipients": count(sum(len(d.model.recipients) for d in c.by_form.get(f.model.id, [])))}
                for f in forms]
        groups.append({"title": label(level), "rows": rows})
    r.page(urls.AWARD_FORMS, "award_forms_index.html", "Hình thức khen thưởng",
           "Các hình thức khen thưởng và danh hiệu thi đua.", groups=groups)
    for form in c.award_forms.values():
        f = form.model
        decisions = c.by_form.get(f.id, [])
        r.page(urls.award_form(f.id), "award_form.html", f.name, f"{f.name}: {len(decisions)} quyết định.",
               context=lambda f=f, decisions=decisions: {
                   "form": {"name": f.name, "group": label(f.group), "level": label(f.level),
                            "kinds": ", ".join(label(k) for k in f.recipient_kinds),
                            "awarded_by": ", ".join(label(k) for k in f.awarded_by), "source": f.source or ""},
                   "rows": [views.decision_row(c, d) for d in decisions[:LIST_LIMIT]],
                   "more": _more(len(decisions), f"{urls.SEARCH}?hinh-thuc={f.id}", "quyết định"),
                   "recipients": count(sum(len(d.model.recipients) for d in decisions))})


def _units(r: _Renderer) -> None:
    c = r.catalog
    localities: dict[str, list] = {}
    for unit in c.units_sorted():
        u = unit.model
        localities.setdefault(u.locality or "Chưa rõ địa bàn", []).append({
            "link": views.Link(u.name, urls.unit(u.id)), "remote": u.remote_area,
            "awards": count(len(c.awards_by_unit.get(u.id, []))),
            "ended": short_date(u.valid_to)})
    r.page(urls.UNITS, "units_index.html", "Đơn vị, địa phương",
           "Các đơn vị, địa phương có người hoặc tập thể được khen thưởng.",
           localities=[{"name": name, "units": rows} for name, rows in sorted(localities.items(),
                                                                             key=lambda kv: sort_key(kv[0]))])
    def link(unit_id: str | None) -> views.Link | None:
        return views.Link(c.units[unit_id].model.name, urls.unit(unit_id)) if unit_id in c.units else None

    def unit_context(u) -> dict:
        awards = sorted(c.awards_by_unit.get(u.id, []), key=lambda a: (-a.decision.model.date.toordinal(),
                                                                         a.decision.slug, a.index))
        return {"unit": {"name": u.name, "locality": u.locality or "", "remote": u.remote_area,
                         "valid_from": short_date(u.valid_from), "valid_to": short_date(u.valid_to),
                         "successor": link(u.successor), "parent": link(u.parent),
                         "predecessors": [link(p) for p in c.predecessors.get(u.id, [])],
                         "children": [link(ch) for ch in c.children.get(u.id, [])]},
                "awards": [views.award_row(c, a) for a in awards[:LIST_LIMIT]], "total": count(len(awards)),
                "more": _more(len(awards), f"{urls.SEARCH}?don-vi={u.id}", "lượt khen thưởng")}

    for unit in c.units.values():
        u = unit.model
        r.page(urls.unit(u.id), "unit.html", u.name, f"Khen thưởng của {u.name}.",
               context=lambda u=u: unit_context(u))


def _profiles(r: _Renderer) -> None:
    c = r.catalog
    r.page(urls.PROFILES, "profiles_index.html", "Gương điển hình tiên tiến",
           "Những tấm gương người tốt, việc tốt, điển hình tiên tiến.",
           cards=[views.profile_card(c, p) for p in c.profiles_sorted()])
    for profile in c.profiles.values():
        url = urls.profile(profile.slug)
        if profile.model.withdrawn:  # the address keeps working and says why the page is empty
            w = profile.model.withdrawn
            r.page(url, "withdrawn.html", "Hồ sơ đã gỡ khỏi công bố", w.note, date=long_date(w.date), note=w.note)
            continue
        r.page(url, "profile.html", profile.model.name, profile.model.summary, image=views.photo_path(profile),
               context=lambda profile=profile, url=url: {
                   "p": views.profile_view(c, profile),
                   "ld": structured_data.as_script(structured_data.profile_ld(c, profile, r.options.site_url)),
                   "cite": r.provenance(profile.path, url, f"Gương điển hình: {profile.model.name}", r.site_name, "", "")})
        if profile.model.photo:
            source = c.records.data_dir / profile.model.photo.path
            r.site.files.append(OutputFile(views.photo_path(profile),
                                           produce=lambda out, source=source: out.write(
                                               images.strip_metadata(source.read_bytes()))))


_VALUE_LABELS = {
    "kind": lambda v: label(RecipientKind(v)), "level": lambda v: label(AwardLevel(v)),
    "method": lambda v: label(CommendationMethod(v)),
    "category": lambda v: "Chưa phân loại" if v == "unknown" else label(RecipientCategory(v)),
    "gender": lambda v: "Không ghi" if v == "unknown" else label(Gender(v)),
    "remote": lambda v: {"remote": "Vùng sâu, vùng xa, vùng khó khăn", "other": "Địa bàn khác",
                         "unknown": "Đơn vị ngoài danh mục"}[v],
}


def _statistics(r: _Renderer) -> None:
    from generator.site import charts, exports
    from generator.catalog import statistics
    from generator.records.validation.caps import cap_breaches

    c = r.catalog
    everything = statistics.all_stats(c)
    breaches = cap_breaches(c.records)
    reports = []
    for year, authority_id, level in statistics.report_keys(c):
        code, form_title, columns = statistics.REPORT_COLUMNS[level]
        authority = c.authorities[authority_id].model.name
        slug = f"{year}-{authority_id}-{code.split('.')[0]}"
        page_url = f"{urls.STATISTICS}bao-cao/{slug}/"
        csv_path = f"{page_url}{slug}.csv"
        rows = statistics.official_report(c, year, authority_id, level)
        header = [("doi_tuong", "string", "Đối tượng, phương thức")] + [
            (f"cot_{i + 1}", "integer", name) for i, (_, name) in enumerate(columns)] + [("tong", "integer", "Tổng")]
        r.site.files.append(OutputFile(csv_path, content=exports.to_csv(
            [dict(zip([h[0] for h in header], [row[0].strip(), *row[1:]])) for row in rows], header)))
        title = f"Biểu {code} — {authority} — năm {year}"
        r.page(page_url, "report.html", title, f"{form_title}, {authority}, năm {year}.",
               form_code=code, form_title=form_title, authority=authority, year=year,
               columns=[name for _, name in columns], rows=rows, csv=views.Link("CSV (Excel)", csv_path))
        reports.append(views.Link(title, page_url))

    for year in statistics.movement_years(c):
        code, form_title = statistics.MOVEMENT_FORM
        page_url = f"{urls.STATISTICS}bao-cao/{year}-0601/"
        groups = statistics.movement_report(c, year)
        csv_path = f"{page_url}{year}-0601.csv"
        header = [("nhom", "string", "Nhóm"), ("chi_tieu", "string", "Chỉ tiêu"), ("so_phong_trao", "integer", "Số phong trào")]
        r.site.files.append(OutputFile(csv_path, content=exports.to_csv(
            [{"nhom": g, "chi_tieu": label, "so_phong_trao": n} for g, rows_ in groups for label, n in rows_], header)))
        title = f"Biểu {code} — năm {year}"
        r.page(page_url, "report_movements.html", title, f"{form_title} năm {year}.", form_code=code,
               form_title=form_title, year=year, groups=groups, csv=views.Link("CSV (Excel)", csv_path),
               total=len([m for m in c.movements.values()]))
        reports.append(views.Link(title, page_url))

    def pct(value: float | None) -> str:
        return f"{value * 100:.1f} %".replace(".", ",") if value is not None else "—"

    for s in everything:
        base = urls.STATISTICS if s.slug == "tat-ca" else f"{urls.STATISTICS}{s.slug}/"
        breakdowns = []
        for b in s.breakdowns:
            rows = []
            for value, awards in sorted(b.awards.items(), key=lambda kv: (-len(kv[1]), kv[0])):
                name = c.award_forms[value].model.name if b.key == "form" else _VALUE_LABELS[b.key](value)
                list_url = f"{urls.STATISTICS}danh-sach/{s.slug}/{b.key}-{value}/"
                rows.append({"label": name, "count": views.Link(count(len(awards)), list_url),
                             "share": pct(len(awards) / s.total if s.total else None), "n": len(awards)})
                r.page(list_url, "statistics_list.html", f"{b.title}: {name} — {s.label}",
                       f"{len(awards)} lượt khen thưởng.", context=lambda awards=awards, base=base: {
                           "rows": [views.award_row(c, a) for a in awards[:LIST_LIMIT]], "total": count(len(awards)),
                           "back": base, "more": _more(len(awards), exports.RECIPIENTS + ".csv", "lượt khen thưởng")})
            breakdowns.append({"key": b.key, "title": b.title, "rows": rows,
                               "chart": charts.bar_chart([(row["label"], row["n"]) for row in rows], b.title)})
        years = [views.Link("Tất cả các năm", urls.STATISTICS)] + [
            views.Link(str(y), f"{urls.STATISTICS}{y}/") for y in c.by_year]
        r.page(base, "statistics.html", f"Thống kê khen thưởng — {s.label}",
               f"Thống kê công bằng trong khen thưởng: {s.label}.",
               s={"label": s.label, "total": count(s.total), "leader_share": pct(s.leader_share),
                  "direct_share": pct(s.direct_share), "remote_share": pct(s.remote_share), "breakdowns": breakdowns,
                  "top_units": [{"unit": views.Link(c.units[u].model.name, urls.unit(u)), "count": count(n)}
                                for u, n in s.top_units]},
               years=years, current=base,
               breaches=[f"{c.units[b.unit].model.name if b.unit in c.units else b.unit}, năm {b.year}: "
                         f"{b.count} «{c.award_forms[b.form].model.name}» trên {b.base} «{c.award_forms[b.of].model.name}» "
                         f"(tối đa {b.percent:g} %)" for b in breaches if s.slug in ("tat-ca", str(b.year))],
               reports=reports if s.slug == "tat-ca" else [r_ for r_ in reports if f"năm {s.slug}" in r_.text])


def _consultations(r: _Renderer) -> None:
    """Proposals put out for public comment. Whether one is still open is decided in the reader's browser
    from its dates (countdown.js), so the build does not depend on the day it runs."""
    c = r.catalog
    items = []
    for slug, entry in sorted(c.records.consultations.items(), key=lambda kv: (kv[1].model.closes, kv[0]), reverse=True):
        m = entry.model
        url = f"{urls.CONSULTATIONS}{slug}/"
        form = c.award_forms[m.award_form].model
        authority = c.authorities[m.proposer].model.name
        outcome = None
        if m.outcome:
            decision = next((d for d in c.decisions if d.id == m.outcome.decision), None)
            outcome = {"note": m.outcome.note,
                       "decision": views.Link(views.decision_label(decision), urls.decision(decision.year, decision.slug))
                       if decision else None}
        rows = views.proposed_rows(c, m.proposed, r.options.hidden_fields)
        view = {"title": m.title, "form": views.Link(form.name, urls.award_form(form.id)), "authority": authority,
                "opens": long_date(m.opens), "closes": long_date(m.closes), "closes_iso": m.closes.isoformat(),
                "how": m.how_to_comment, "address": m.contact.address, "email": m.contact.email or "",
                "outcome": outcome, "rows": rows, "link": views.Link(m.title, url),
                "print": views.Link("Bản in niêm yết (A4, có mã QR)", f"{url}ban-in/")}
        items.append(view)
        r.page(url, "consultation.html", m.title, f"{m.title}. Hạn góp ý {long_date(m.closes)}.", k=view)
        r.site.files.append(OutputFile(f"{url}ban-in/index.html", produce=lambda out, view=view, url=url: out.write(
            _print_list(r, url, authority=view["authority"], heading="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                        subtitle=f"{view['title']} — {view['form'].text}", notice="",
                        intro=f"Lấy ý kiến từ {view['opens']} đến hết {view['closes']}. {view['how']} "
                              f"Nơi nhận: {view['address']}" + (f", {view['email']}" if view["email"] else "") + ".",
                        rows=view["rows"]).encode("utf-8"))))
    r.page(urls.CONSULTATIONS, "consultations_index.html", "Lấy ý kiến nhân dân",
           "Các đề nghị khen thưởng đang và đã lấy ý kiến nhân dân.",
           pending=[k for k in items if not k["outcome"]], done=[k for k in items if k["outcome"]])


def _revoked(r: _Renderer) -> None:
    c = r.catalog
    r.page(urls.REVOKED, "revoked.html", "Khen thưởng đã bị hủy bỏ",
           "Các quyết định khen thưởng đã bị hủy bỏ, kèm quyết định hủy và lý do.",
           rows=[{"row": views.decision_row(c, d), "by": d.model.revocation.decision_number,
                  "on": short_date(d.model.revocation.date), "reason": d.model.revocation.reason} for d in c.revoked()])


def _about_data(r: _Renderer) -> None:
    c = r.catalog
    schemas = record_schemas()
    for name, schema in schemas.items():
        r.site.files.append(OutputFile(urls.schema(name), content=schema_json(schema)))
    models = [("Quyết định khen thưởng", "decision", Decision),
              ("Người được khen thưởng (mỗi phần tử của recipients trong quyết định)", "decision", Recipient),
              ("Hồ sơ gương điển hình", "profile", Profile)]
    models += [(schemas[k]["title"], k, m) for k, m in REGISTRY_MODELS.items()]
    r.page(urls.ABOUT_DATA, "about_data.html", "Về dữ liệu",
           "Nguồn, lược đồ và cách kiểm tra dữ liệu khen thưởng.",
           counts=[("Quyết định", count(len(c.decisions))), ("Hồ sơ gương điển hình", count(len(c.profiles))),
                   ("Đơn vị trong danh mục", count(len(c.units))), ("Cơ quan ban hành", count(len(c.authorities))),
                   ("Hình thức khen thưởng", count(len(c.award_forms))), ("Phong trào thi đua", count(len(c.movements)))],
           formats=[{"title": title, "schema": urls.schema(name), "fields": field_rows(model)}
                    for title, name, model in models],
           license=r.options.license,
           downloads=[views.Link("Tất cả quyết định (CSV)", "du-lieu/quyet-dinh.csv"),
                      views.Link("Tất cả quyết định (JSON)", "du-lieu/quyet-dinh.json"),
                      views.Link("Tất cả người, tập thể được khen (CSV)", "du-lieu/nguoi-nhan.csv"),
                      views.Link("Tất cả người, tập thể được khen (JSON)", "du-lieu/nguoi-nhan.json"),
                      views.Link("Mô tả gói dữ liệu (Frictionless datapackage.json)", "du-lieu/datapackage.json")])
