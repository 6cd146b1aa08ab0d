"""People: one page per person (collective, household) whose awards are tied together by a person id or a
profile — never by name — and the index of them.

A person whose page vanished because of a withdrawal (their profile, or one of their lines) is retracted, like a
withdrawn profile: a person id may be derived from the name."""

from __future__ import annotations

from generator.site import exports, structured_data, urls, views
from generator.site.labels import count, label
from generator.site.renderer import LIST_LIMIT, Renderer


def build(r: Renderer) -> None:
    pub = r.pub
    for person_id in pub.retracted_people():
        r.site.retracted.add(urls.person(person_id))
    people = pub.people()
    rows = []
    for person in people[:LIST_LIMIT]:
        years = sorted({a.decision.year for a in person.awards})
        rows.append({"link": views.Link(person.name, urls.person(person.id)), "kind": label(person.kind),
                     "decisions": views.figure(f"person.{person.id}.rows", pub.counts.of_person(person.id).rows),
                     "years": f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")})
    more = views.Link(f"Trang này hiện {LIST_LIMIT} người đầu tiên theo tên trong tổng số {count(len(people))}; "
                      "danh sách đầy đủ ở cột «Mã người» của các tệp người được khen theo năm (CSV)", exports.DOWNLOADS) \
        if len(people) > LIST_LIMIT else None
    r.page(urls.PEOPLE, "people_index.html", "Người được khen thưởng nhiều lần",
           "Người, tập thể, hộ gia đình được khen thưởng ở nhiều quyết định: mọi khen thưởng của mỗi người ở một trang.",
           rows=rows, more=more)
    for person in people:
        url = urls.person(person.id)
        origin = person.profile.path if person.profile else (person.awards[-1].decision.path if person.awards else "")
        r.page(url, "person.html", person.name, f"Các khen thưởng của {person.name}.", origin=origin,
               context=lambda person=person, url=url: {
                   "p": views.person_view(pub, person),
                   "report": r.feedback("Báo sai sót", f"Các khen thưởng của {person.name}", url),
                   "crumbs": r.breadcrumbs(["people"], person.name, url),
                   "ld": structured_data.as_script(structured_data.person_ld(pub, person, r.options.site_url))})
