"""schema.org JSON-LD for decision, profile and person pages, so search engines and tools can read them."""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.catalog.gate import Person, Publication
from generator.records.entries import DecisionEntry, ProfileEntry
from generator.records.models import DateKind, DatePrecision, RecipientKind
from generator.site import urls
from generator.site.views import revocation_text


def script_json(data) -> str:
    """JSON safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` are written as \\u escapes, so
    no value (``</script>``, ``<!--<script``) can close the element or switch the parser's state."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def as_script(data: dict) -> Markup:
    """A JSON-LD ``<script>`` element for ``data`` (see ``script_json``)."""
    text = script_json(data)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def decision_ld(pub: Publication, entry: DecisionEntry, site_url: str) -> dict:
    d = entry.model
    form = pub.award_forms[d.award_form].model
    authority = pub.authorities[d.authority].model
    data = {
        "@context": "https://schema.org", "@type": "Legislation",
        "name": d.title or f"Về việc tặng {form.name}", "legislationType": "Quyết định khen thưởng",
        "inLanguage": "vi",
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": authority.named_on(d.date)[0]},
        "url": site_url + urls.decision(entry.year, entry.slug),
        "about": {"@type": "Thing", "name": form.name},
        "legislationLegalForce": "https://schema.org/NotInForce" if d.revocation else "https://schema.org/InForce",
    }
    if d.number:
        data["legislationIdentifier"] = d.number
    if d.date_kind is DateKind.signed and d.date_precision is DatePrecision.day:
        data["legislationDate"] = d.date.isoformat()  # a ceremony or news date is not the decision's date
    if d.revocation:
        data["description"] = revocation_text(entry) + f". Lý do: {d.revocation.reason}"
    return data


def profile_ld(pub: Publication, profile: ProfileEntry, site_url: str) -> dict:
    p = profile.model
    awards = []
    for award in pub.profile_awards(profile.slug):
        if award.row.revoked:
            continue
        form = pub.award_forms[award.decision.model.award_form].model.name
        awards.append(f"{form} ({award.decision.year})")
    data = {
        "@context": "https://schema.org", "@type": "Person" if p.kind is RecipientKind.individual else "Organization",
        "name": p.name, "description": p.summary, "url": site_url + urls.profile(profile.slug), "award": awards,
    }
    unit = pub.units.get(p.unit) if p.unit else None
    if unit and p.kind is RecipientKind.individual:
        data["affiliation"] = {"@type": "Organization", "name": unit.model.name}
    return data


def person_ld(pub: Publication, person: Person, site_url: str) -> dict:
    """A person's page: who (a Person, or an Organization for a collective or household) and the awards in force."""
    awards = [f"{pub.award_forms[a.decision.model.award_form].model.name} ({a.decision.year})"
              for a in pub.person_awards(person.id) if not a.row.revoked]
    data = {"@context": "https://schema.org",
            "@type": "Person" if person.kind is RecipientKind.individual else "Organization",
            "name": person.name, "url": site_url + urls.person(person.id), "award": awards}
    if person.profile:
        data["subjectOf"] = {"@type": "WebPage", "name": f"Gương điển hình: {person.profile.model.name}",
                             "url": site_url + urls.profile(person.profile.slug)}
    return data


def breadcrumb_ld(site_url: str, trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList of ``trail`` — (name, site path) pairs from the home page to the page itself."""
    return {"@context": "https://schema.org", "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": i, "name": name, "item": site_url + path}
                                for i, (name, path) in enumerate(trail, 1)]}
