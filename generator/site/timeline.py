"""What was published, corrected, revoked and withdrawn, and when — for the feed, the home page's
"Mới công bố" list and the changes page (``cap-nhat/``).

A record's publication date is when its file entered the git history (``records.history``); without git
it is the date written in the record. Its update date is the latest of: publication, the file's last
commit, and the dates of its corrections, revocation and withdrawals. The same commit always gives the
same dates, so builds stay reproducible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalog.gate import Publication
from generator.records.entries import DecisionEntry, ProfileEntry
from generator.site import urls
from generator.site.labels import decision_date_label, decision_short_date, short_date
from generator.site.views import decision_label


@dataclass(frozen=True)
class Event:
    """One change to the published record, newest first when sorted by ``key``."""

    date: dt.date
    kind: str  # "cong-bo", "dinh-chinh", "huy-bo", "go-bo"
    title: str
    detail: str
    url: str

    @property
    def key(self) -> tuple:
        return (-self.date.toordinal(), _ORDER[self.kind], self.url, self.detail)


_ORDER = {"huy-bo": 0, "dinh-chinh": 1, "go-bo": 2, "cong-bo": 3}
KIND_LABELS = {"cong-bo": "Công bố", "dinh-chinh": "Đính chính", "huy-bo": "Hủy bỏ", "go-bo": "Gỡ khỏi công bố"}


def published_on(path: str, fallback: dt.date, history: dict) -> dt.date:
    dates = history.get(path)
    return dates.published if dates else fallback


def decision_updated(pub: Publication, decision: DecisionEntry, history: dict) -> dt.date:
    """The latest date anything about this decision changed (see module docstring)."""
    d = decision.model
    dates = [published_on(decision.path, d.date, history)]
    if decision.path in history:
        dates.append(history[decision.path].changed)
    dates += [c.date for c in d.corrections]
    if d.revocation:
        dates.append(d.revocation.date)
    dates += pub.withdrawal_dates(decision)
    return max(dates)


def profile_dates(profile: ProfileEntry, history: dict, fallback: dt.date) -> tuple[dt.date, dt.date]:
    dates = history.get(profile.path)
    return (dates.published, dates.changed) if dates else (fallback, fallback)


def events(pub: Publication, history: dict) -> list[Event]:
    """Every publication, correction, revocation and withdrawal, newest first. Withdrawals name nobody."""
    out: list[Event] = []
    for decision in pub.decisions:
        d = decision.model
        label = decision_label(decision)
        url = urls.decision(decision.year, decision.slug)
        form = pub.award_forms[d.award_form].model.name
        out.append(Event(published_on(decision.path, d.date, history), "cong-bo", label,
                         f"{form}, {decision_date_label(d).lower()} {decision_short_date(d)}", url))
        for c in d.corrections:
            out.append(Event(c.date, "dinh-chinh", label, c.note, url))
        if d.revocation:
            out.append(Event(d.revocation.date, "huy-bo", label,
                             f"Hủy bỏ bởi Quyết định số {d.revocation.decision_number}", url))
        for row in pub.rows(decision):
            if row.withdrawn:
                out.append(Event(row.withdrawn.date, "go-bo", label,
                                 f"Gỡ thông tin của một người (dòng {row.number}) khỏi công bố", url))
    for profile in pub.profiles():
        awards = pub.profile_awards(profile.slug)
        fallback = max((a.decision.model.date for a in awards), default=None)
        if profile.path in history or fallback:
            published, _ = profile_dates(profile, history, fallback)
            out.append(Event(published, "cong-bo", f"Gương điển hình: {profile.model.name}", profile.model.summary,
                             urls.profile(profile.slug)))
    for profile in pub.withdrawn_profiles():
        out.append(Event(profile.model.withdrawn.date, "go-bo", "Một hồ sơ gương điển hình",
                         "Gỡ khỏi công bố theo đề nghị", ""))
    return sorted(out, key=lambda e: e.key)


def newest_publications(pub: Publication, history: dict, count: int) -> list[DecisionEntry]:
    """The decisions most recently published (not signed): what a reader has not seen yet."""
    return sorted(pub.decisions,
                  key=lambda d: (-published_on(d.path, d.model.date, history).toordinal(),
                                 -d.model.date.toordinal(), d.slug))[:count]


def data_as_of(pub: Publication, history: dict) -> dt.date | None:
    """The date of the latest change to the published data."""
    dates = [decision_updated(pub, d, history) for d in pub.decisions]
    dates += [dates_.changed for path, dates_ in history.items()]
    return max(dates) if dates else None
