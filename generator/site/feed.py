"""An Atom feed of publications (RFC 4287), newest change first: a decision's entry is published when
its file entered the record and updated when it was corrected, revoked or changed; stable ids, no build
dates."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from generator.catalog.gate import Publication
from generator.site import urls
from generator.site.labels import decision_dated, long_date
from generator.site.timeline import decision_updated, profile_dates, published_on
from generator.site.views import decision_label, recipients_figure, revocation_text

FEED_PATH = urls.FEED
ENTRIES = 100


def _time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def build_feed(pub: Publication, site_url: str, site_name: str, history: dict) -> bytes:
    """Decisions and published profiles, ordered by their last update."""
    base = site_url or "/"
    items: list[tuple[dt.date, dt.date, str, str, str, str]] = []  # updated, published, url, title, summary, kind
    for decision in pub.decisions:
        d = decision.model
        form = pub.award_forms[d.award_form].model.name
        authority = pub.authorities[d.authority].model.named_on(d.date)[0]
        size = recipients_figure(decision, pub.counts.of_decision(decision.id)).striptags()
        summary = f"{d.title or form} — {authority}, {decision_dated(d)}; số người, tập thể được khen: {size}."
        if d.revocation:
            summary += f" {revocation_text(decision)}."
        if d.corrections:
            summary += f" Đính chính {long_date(d.corrections[-1].date)}: {d.corrections[-1].note}"
        items.append((decision_updated(pub, decision, history), published_on(decision.path, d.date, history),
                      urls.decision(decision.year, decision.slug), f"{decision_label(decision)}: {form}", summary,
                      "quyết định"))
    for profile in pub.profiles():
        awards = pub.profile_awards(profile.slug)
        fallback = max((a.decision.model.date for a in awards), default=None)
        if profile.path in history or fallback:
            published, changed = profile_dates(profile, history, fallback)
            items.append((max(published, changed), published, urls.profile(profile.slug),
                          f"Gương điển hình: {profile.model.name}", profile.model.summary, "gương điển hình"))
    items.sort(key=lambda i: (i[0], i[1], i[2]), reverse=True)
    updated = _time(items[0][0]) if items else "1970-01-01T00:00:00Z"
    entries = "".join(
        f"  <entry>\n    <id>{escape(base + url)}</id>\n    <title>{escape(title)}</title>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href=\"{escape(base + url)}\"/>\n"
        f"    <published>{_time(published)}</published>\n    <updated>{_time(day)}</updated>\n"
        f"    <category term=\"{escape(kind)}\"/>\n    <summary>{escape(summary)}</summary>\n  </entry>\n"
        for day, published, url, title, summary, kind in items[:ENTRIES])
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n'
        f"  <id>{escape(base + FEED_PATH)}</id>\n  <title>{escape(site_name)} — cập nhật</title>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href=\"{escape(base + FEED_PATH)}\"/>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href=\"{escape(base)}\"/>\n"
        f"  <updated>{updated}</updated>\n  <author><name>{escape(site_name)}</name></author>\n"
        f"{entries}</feed>\n").encode("utf-8")
