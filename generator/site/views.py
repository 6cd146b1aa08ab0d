"""View objects: catalog items turned into ready-to-print values for templates.

Templates never filter, sort, count or format; everything they show is prepared here.
Links are site paths (see ``urls.py``); templates turn them into relative links with ``url()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.site import urls
from generator.catalog.index import Award, Catalog
from generator.site.labels import count, decision_number, label, long_date, money, short_date
from generator.site.markdown_safe import render_markdown
from generator.records.personal_data import publishable
from generator.records.models import DecisionStatus, RecipientKind
from generator.records.entries import DecisionEntry, ProfileEntry


@dataclass(frozen=True)
class Link:
    text: str
    href: str = ""  # site path; empty when there is nothing to link to


@dataclass(frozen=True)
class RecipientRow:
    number: int
    anchor: str
    name: Link
    kind: str
    position: str
    unit: Link
    category: str
    achievement: str
    cash: str


@dataclass(frozen=True)
class DecisionRow:
    """A decision in a list: date, number, title, form, counts, status."""

    link: Link
    date: str
    authority: str
    award_form: Link
    recipients: str
    revoked: bool
    status: str


@dataclass(frozen=True)
class AwardRow:
    """One award received, seen from a unit or a profile."""

    date: str
    year: int
    name: str
    position: str
    award_form: Link
    decision: Link
    revoked: bool


def decision_label(decision: DecisionEntry) -> str:
    """How a decision is named in lists: its number, or a note that it has none."""
    return f"Quyết định số {decision.model.number}" if decision.model.number else "Quyết định (không rõ số)"


def decision_row(catalog: Catalog, decision: DecisionEntry) -> DecisionRow:
    d = decision.model
    form = catalog.award_forms[d.award_form].model
    authority = catalog.authorities[d.authority].model
    revoked = d.status is DecisionStatus.revoked
    return DecisionRow(
        link=Link(decision_number(d.number), urls.decision(decision.year, decision.slug)),
        date=short_date(d.date),
        authority=authority.short_name or authority.name,
        award_form=Link(form.name, urls.award_form(form.id)),
        recipients=count(len(d.recipients)),
        revoked=revoked,
        status=label(d.status),
    )


def recipient_rows(catalog: Catalog, decision: DecisionEntry, hidden: frozenset = frozenset()) -> list[RecipientRow]:
    return _rows(catalog, decision.model.recipients, decision.recipient_ids, hidden)


def proposed_rows(catalog: Catalog, proposed: list, hidden: frozenset = frozenset()) -> list[RecipientRow]:
    """Rows of a consultation's list (people proposed, not yet awarded)."""
    return _rows(catalog, proposed, tuple(f"de-nghi-{i + 1}" for i in range(len(proposed))), hidden)


def _rows(catalog: Catalog, recipients: list, ids: tuple, hidden: frozenset) -> list[RecipientRow]:
    rows = []
    for index, original in enumerate(recipients):
        r = publishable(original, hidden)
        unit = catalog.units.get(r.unit) if r.unit else None
        unit_link = Link(unit.model.name, urls.unit(unit.model.id)) if unit else Link(r.unit_text or "")
        if unit and r.unit_text:
            unit_link = Link(r.unit_text, urls.unit(unit.model.id))
        if original.withdrawn:
            r = original
            rows.append(RecipientRow(
                number=index + 1, anchor=urls.recipient_anchor(ids[index]),
                name=Link(f"(Đã gỡ khỏi công bố ngày {short_date(r.withdrawn.date)})"), kind=label(r.kind),
                position="", unit=Link(""), category="", achievement=r.withdrawn.note, cash=""))
            continue
        rows.append(RecipientRow(
            number=index + 1,
            anchor=urls.recipient_anchor(ids[index]),
            name=Link(r.name, urls.profile(r.profile) if r.profile else ""),
            kind=label(r.kind) + (" (doanh nghiệp)" if r.enterprise else ""),
            position=r.position or "",
            unit=unit_link,
            category=label(r.category),
            achievement=r.achievement or "",
            cash=money(r.cash_vnd),
        ))
    return rows


def award_row(catalog: Catalog, award: Award) -> AwardRow:
    decision = award.decision
    form = catalog.award_forms[decision.model.award_form].model
    withdrawn = award.recipient.withdrawn is not None
    return AwardRow(
        date=short_date(decision.model.date),
        year=decision.year,
        name="(đã gỡ khỏi công bố)" if withdrawn else award.recipient.name,
        position="" if withdrawn else award.recipient.position or "",
        award_form=Link(form.name, urls.award_form(form.id)),
        decision=Link(decision_number(decision.model.number),
                      urls.recipient(decision.year, decision.slug, award.recipient_id)),
        revoked=award.revoked,
    )


@dataclass(frozen=True)
class DecisionView:
    heading: str
    number: str
    number_note: str
    title: str
    date: str
    authority: str
    signer: str
    legal_basis: list[str]
    award_form: Link
    level: str
    method: str
    reason: str
    movement: str
    attachment: Link | None
    attachment_sha256: str
    status: str
    revocation: dict | None
    corrections: list[dict]
    recipients: list[RecipientRow]
    summary: str
    year: Link
    source_path: str


def decision_view(catalog: Catalog, decision: DecisionEntry, hidden: frozenset = frozenset()) -> DecisionView:
    d = decision.model
    form = catalog.award_forms[d.award_form].model
    authority = catalog.authorities[d.authority].model
    movement = catalog.movements.get(d.movement) if d.movement else None
    kinds = [r.kind for r in d.recipients]
    parts = [f"{kinds.count(k)} {label(k).lower()}" for k in RecipientKind if kinds.count(k)]
    return DecisionView(
        heading=decision_label(decision),
        number=d.number or "",
        number_note=d.number_note or "",
        title=d.title or f"Về việc tặng {form.name}",
        date=long_date(d.date),
        authority=authority.name,
        signer=f"{d.signer.title}: {d.signer.name}" if d.signer else "",
        legal_basis=list(d.legal_basis),
        award_form=Link(form.name, urls.award_form(form.id)),
        level=label(form.level),
        method=label(d.method),
        reason=d.reason,
        movement=movement.model.name if movement else "",
        attachment=Link("Bản scan quyết định (PDF)", urls.attachment(decision.year, decision.slug)) if d.attachment else None,
        attachment_sha256=d.attachment.sha256 if d.attachment else "",
        status=label(d.status),
        revocation={"number": d.revocation.decision_number, "date": long_date(d.revocation.date),
                    "reason": d.revocation.reason} if d.revocation else None,
        corrections=[{"date": short_date(c.date), "note": c.note} for c in d.corrections],
        recipients=recipient_rows(catalog, decision, hidden),
        summary=", ".join(parts),
        year=Link(f"Năm {decision.year}", urls.year(decision.year)),
        source_path=decision.path,
    )


@dataclass(frozen=True)
class ProfileCard:
    name: str
    href: str
    summary: str
    unit: str
    photo: str
    photo_alt: str
    kind: str


def photo_path(profile: ProfileEntry) -> str:
    if not profile.model.photo:
        return ""
    suffix = "." + profile.model.photo.path.rsplit(".", 1)[-1].lower()
    return urls.photo(profile.slug, suffix)


def profile_card(catalog: Catalog, profile: ProfileEntry) -> ProfileCard:
    p = profile.model
    unit = catalog.units.get(p.unit) if p.unit else None
    return ProfileCard(
        name=p.name,
        href=urls.profile(profile.slug),
        summary=p.summary,
        unit=unit.model.name if unit else (p.locality or ""),
        photo=photo_path(profile),
        photo_alt=p.photo.alt if p.photo else "",
        kind=label(p.kind),
    )


@dataclass(frozen=True)
class ProfileView:
    card: ProfileCard
    unit: Link
    locality: str
    credit: str
    story: Markup
    tags: list[str]
    sources: list[dict]
    awards: list[AwardRow] = field(default_factory=list)


def profile_view(catalog: Catalog, profile: ProfileEntry) -> ProfileView:
    p = profile.model
    unit = catalog.units.get(p.unit) if p.unit else None
    return ProfileView(
        card=profile_card(catalog, profile),
        unit=Link(unit.model.name, urls.unit(unit.model.id)) if unit else Link(""),
        locality=p.locality or "",
        credit=p.photo.credit or "" if p.photo else "",
        story=render_markdown(profile.story_markdown),
        tags=list(p.tags),
        sources=[{"title": s.title, "url": s.url, "publisher": s.publisher or "", "date": short_date(s.date)}
                 for s in p.sources],
        awards=[award_row(catalog, a) for a in catalog.awards_by_profile.get(profile.slug, [])],
    )
