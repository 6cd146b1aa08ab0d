"""Decisions: the index by year, one page per year, one page per decision with its downloads and signed
scan. A decision's notice-board print layout is the page's own print stylesheet (bangvang.css, qrcode.js)."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from generator.records.entries import DecisionEntry
from generator.records.validation.files import MAX_ATTACHMENT_BYTES
from generator.site import exports, fingerprint, structured_data, urls, views
from generator.site.labels import decision_dated
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    pub = r.pub
    years = []
    for y in pub.by_year:
        t = pub.counts.of_year(y)
        years.append({"link": views.Link(f"Năm {y}", urls.year(y)),
                      "decisions": views.figure(f"year.{y}.decisions", t.decisions),
                      "recipients": views.figure(f"year.{y}.awards", t.awards),
                      "revoked": views.figure(f"year.{y}.decisions_revoked", t.decisions_revoked)
                      if t.decisions_revoked else ""})
    r.page(urls.DECISIONS, "decisions_index.html", "Quyết định khen thưởng",
           "Danh sách quyết định khen thưởng theo năm.", years=years,
           revoked=[views.decision_row(pub, d) for d in pub.revoked()])
    for year, decisions in pub.by_year.items():
        r.page(urls.year(year), "year.html", f"Quyết định khen thưởng năm {year}",
               f"{_year_decisions(pub.counts.of_year(year))} quyết định khen thưởng năm {year}.",
               context=lambda year=year, decisions=decisions: {
                   "year": year, "rows": [views.decision_row(pub, d) for d in decisions],
                   "crumbs": r.breadcrumbs(["decisions"], f"Năm {year}", urls.year(year)),
                   "pager": views.pager(list(pub.by_year), year, lambda y: views.Link(str(y), urls.year(y)))})
    for decision in pub.decisions:
        _decision(r, decision)


def _decision(r: Renderer, decision: DecisionEntry) -> None:
    pub = r.pub
    d = decision.model
    heading = views.decision_label(decision)
    authority = pub.authorities[d.authority].model.named_on(d.date)[0]
    title = d.title or f"Về việc tặng {pub.award_forms[d.award_form].model.name}"
    url = urls.decision(decision.year, decision.slug)
    json_file, csv_file = urls.decision_files(decision.year, decision.slug)
    when = decision_dated(d)
    permanent = r.permanent_url(url)
    r.page(url, "decision.html", f"{heading}, {when}", f"{title} — {authority}, {when}.",
           origin=decision.path,
           context=lambda: {
               "d": views.decision_view(pub, decision),
               "ld": structured_data.as_script(structured_data.decision_ld(pub, decision, r.options.site_url)),
               "downloads": [views.Link("JSON", json_file), views.Link("CSV (Excel)", csv_file)],
               "permanent_url": permanent,
               # drawn in the reader's browser by qrcode.js when the page is printed
               "qr": Markup('<div class="bv-qr" data-bv-qr="{}"></div>').format(permanent),
               "cite": r.provenance(decision.path, url, f"{heading}: {title}", f"{authority}, {when}",
                                    history=pub.history_allowed(decision), status=views.revocation_text(decision)),
               "report": r.feedback("Báo sai sót", heading, url),
               "crumbs": r.breadcrumbs(["decisions", (f"Năm {decision.year}", urls.year(decision.year))], heading,
                                       url)})
    base = r.options.site_url

    @cache
    def inputs() -> str | None:
        """The decision's published columns and lines, as both its files are made from them."""
        return fingerprint.digest(fingerprint.code_key(), exports.decision_record(pub, decision, base),
                                  exports.recipient_records(pub, decision, base))

    r.file(OutputFile(json_file, produce=lambda out: out.write(exports.decision_json(pub, decision, base)),
                      origin=decision.path, inputs=inputs))
    r.file(OutputFile(csv_file, produce=lambda out: exports.write_csv(
        out, exports.recipient_records(pub, decision, base), exports.RECIPIENT_COLUMNS),
        origin=decision.path, inputs=inputs))
    if d.attachment:
        def scan() -> bytes:
            return pub.record_file(d.attachment.path, MAX_ATTACHMENT_BYTES)

        r.file(OutputFile(urls.attachment(decision.year, decision.slug), produce=lambda out: out.write(scan()),
                          inputs=lambda: fingerprint.digest(scan())))


def _year_decisions(t) -> int:
    """Every decision of a year, in force or revoked (all are listed on its page)."""
    return t.decisions + t.decisions_revoked
