"""The search index: a static, sharded inverted index that the browser loads piece by piece.

Layout under ``tim-kiem/chi-muc/`` (all paths are permanent only for one build; ``meta.json`` names them):

* ``meta.json`` — version, document count, chunk size, facet lists (years, levels, award forms, units).
* ``t/<p>.json`` — terms starting with the two-character prefix ``p``: ``{term: [count, postings|null]}``.
  A posting is ``doc_id * 2 + 1`` when the term is in the document's title (a name, a decision
  number), else ``doc_id * 2``; postings are delta + LEB128-varint encoded, base64; ``null`` means the list is large and
  lives in ``p/<term>.bin`` (raw bytes, fetched only when a query needs that term).
* ``d/<n>.json`` — documents ``n*CHUNK … n*CHUNK+CHUNK-1``: what a result shows and where it links.

Documents are numbered in rank order (profiles, award forms, units, then decisions newest first
each followed by its recipients, and hand-written pages last), so the first ids of any posting list are the best results: a query for a common
surname needs only its posting list and one or two document chunks. Text is folded exactly as
``generator.text.fold`` folds it; the browser folds queries the same way (``search.js``).
Results whose titles hold every query word come first ("nguyen van a" finds people of that name
before people whose position is "văn hóa"). Filters are pseudo-terms (``:y2024``, ``:fbang-khen-cap-tinh``, ``:lstate``, ``:udon-vi``) intersected
like words.
"""

from __future__ import annotations

import base64
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.catalog.gate import Publication
from generator.records import files
from generator.site import urls
from generator.site.labels import decision_number, decision_short_date, label, short_date
from generator.site.outputs import OutputFile
from generator.text import fold

INDEX_DIR = "tim-kiem/chi-muc/"
CHUNK = 100
INLINE_MAX = 256  # posting lists longer than this go to their own file
_TOKEN = re.compile(r"[a-z0-9]+")
FORMAT_VERSION = 1


def tokens(text: str | None) -> list[str]:
    """Folded word tokens of ``text``: "1234/QĐ-UBND" → ["1234", "qd", "ubnd"]."""
    return _TOKEN.findall(fold(text)) if text else []


@lru_cache(maxsize=262_144)
def _part_terms(part: str) -> frozenset[str]:
    # positions, unit and form names repeat across hundreds of thousands of rows: fold each once
    return frozenset(tokens(part))


@dataclass(frozen=True)
class SearchDoc:
    kind: str  # "nguoi" (recipient), "qd" (decision), "guong" (profile), "don-vi", "hinh-thuc", "trang"
    title: str
    subtitle: str
    detail: str
    url: str
    text: str | tuple[str, ...]  # indexed text, or its parts (not shipped)
    facets: tuple[str, ...] = ()
    revoked: bool = False

    def shipped(self) -> list:
        row = [self.kind, self.title, self.subtitle, self.detail, self.url]
        return row + [1] if self.revoked else row


def documents(pub: Publication, pages: list[tuple[str, str, str]]) -> list[SearchDoc]:
    """Every searchable thing, in rank order. ``pages`` are hand-written pages: (url, title, text).
    People come through the publication gate: withdrawn lines are left out, hidden fields (and the
    unit filter, when units are hidden) are not indexed."""
    catalog = pub.catalog
    docs: list[SearchDoc] = []
    for profile in pub.profiles():
        p = profile.model
        unit = catalog.units.get(p.unit).model.name if p.unit and p.unit in catalog.units else ""
        docs.append(SearchDoc("guong", p.name, p.summary, unit, urls.profile(profile.slug),
                              " ".join([p.name, p.summary, unit, p.locality or "", " ".join(p.tags),
                                        profile.story_markdown]),
                              tuple(f":u{p.unit}" for _ in [0] if p.unit)))
    for form in catalog.award_forms.values():
        f = form.model
        docs.append(SearchDoc("hinh-thuc", f.name, label(f.level), label(f.group), urls.award_form(f.id), f.name,
                              (f":f{f.id}", f":l{f.level.value}")))
    for unit in catalog.units_sorted():
        u = unit.model
        docs.append(SearchDoc("don-vi", u.name, u.locality or "", "", urls.unit(u.id), f"{u.name} {u.locality or ''}",
                              (f":u{u.id}",)))
    for decision in catalog.decisions:
        d = decision.model
        form = catalog.award_forms[d.award_form].model
        authority = catalog.authorities[d.authority].model
        revoked = decision.revoked
        facets = (f":y{decision.year}", f":f{form.id}", f":l{form.level.value}")
        number = decision_number(d.number)
        docs.append(SearchDoc("qd", f"Quyết định {number}", d.title or form.name,
                              f"{authority.short_name or authority.name} · {decision_short_date(d)}",
                              urls.decision(decision.year, decision.slug),
                              " ".join([number, d.title or "", form.name, authority.name, authority.short_name or "",
                                        d.reason or ""]), facets, revoked))
        for r in pub.rows(decision):
            if r.withdrawn:
                continue
            unit = catalog.units.get(r.unit) if r.unit else None
            unit_name = r.unit_text or (unit.model.name if unit else "")
            subtitle = " · ".join(x for x in (r.position or "", unit_name) if x)
            docs.append(SearchDoc("nguoi", r.name, subtitle, f"{form.name} · {number} · {decision.year}",
                                  urls.recipient_link(decision.year, decision.slug, r.recipient_id),
                                  (r.name, r.position or "", unit_name),
                                  facets + ((f":u{r.unit}",) if r.unit else ()), revoked))
    for url, title, text in pages:
        docs.append(SearchDoc("trang", title, "", "", url, f"{title} {text}"))
    return docs


def _varint_deltas(values: list[int]) -> bytes:
    out = bytearray()
    previous = -1
    for value in values:
        delta = value - previous
        previous = value
        while delta >= 0x80:
            out.append((delta & 0x7F) | 0x80)
            delta >>= 7
        out.append(delta)
    return bytes(out)


def _prefix(term: str) -> str:
    return term[:2] if not term.startswith(":") else ":" + term[1:2]


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class SearchIndex:
    files: list[OutputFile]
    shards: list[str]  # the two-character prefixes that have a shard file, so the browser never asks for others


def build_index(pub: Publication, pages: list[tuple[str, str, str]]) -> SearchIndex:
    """All files of the search index, ready to publish."""
    docs = documents(pub, pages)
    postings: dict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        in_title = _part_terms(doc.title) | set(doc.facets)  # facets never lower a result's rank
        parts = (doc.text,) if isinstance(doc.text, str) else doc.text
        for term in sorted(in_title.union(*(_part_terms(p) for p in parts))):
            postings[term].append(doc_id * 2 + (term in in_title))
    files: list[OutputFile] = []
    shards: dict[str, dict] = defaultdict(dict)
    for term in sorted(postings):
        ids = postings[term]
        encoded = _varint_deltas(ids)
        if len(ids) > INLINE_MAX:
            files.append(OutputFile(f"{INDEX_DIR}p/{_file_name(term)}.bin", content=encoded))
            shards[_prefix(term)][term] = [len(ids), None]
        else:
            shards[_prefix(term)][term] = [len(ids), base64.b64encode(encoded).decode("ascii")]
    for prefix, terms in sorted(shards.items()):
        files.append(OutputFile(f"{INDEX_DIR}t/{_file_name(prefix)}.json", content=_dump(terms)))
    for start in range(0, len(docs), CHUNK):
        files.append(OutputFile(f"{INDEX_DIR}d/{start // CHUNK}.json",
                                content=_dump([d.shipped() for d in docs[start:start + CHUNK]])))
    files.append(OutputFile(f"{INDEX_DIR}meta.json", content=_dump(_meta(pub, len(docs)))))
    return SearchIndex(files, sorted(shards))


def hand_written_pages(content_dir: Path | None) -> list[tuple[str, str, str]]:
    """(url, title, text) of each Markdown page in ``content/``, for the search index."""
    if content_dir is None or not content_dir.is_dir():
        return []
    pages = []
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir).with_suffix("").as_posix()
        url = "" if rel == "index" else (rel[: -len("index")] if rel.endswith("/index") else rel + "/")
        text, _ = files.read_text_file(content_dir, path.relative_to(content_dir))
        if text is None:  # a link or a special file: refused (and reported) by pipeline's tree scan
            continue
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
        pages.append((url, title, text))
    return pages


def _file_name(term: str) -> str:
    """Pseudo-terms start with ':' which is awkward in file names on Windows."""
    return term.replace(":", "_")


def facets(pub: Publication) -> dict[str, list[list]]:
    """The filter choices: [value, label] per year, level, award form and unit in use (no unit filter
    when the units of people are hidden: it would reveal each person's unit)."""
    catalog = pub.catalog
    return {
        "years": [[str(y), str(y)] for y in catalog.by_year],
        "levels": [[level.value, label(level)] for level in catalog.levels_in_use()],
        "forms": [[f.model.id, f.model.name] for f in catalog.forms_in_use_by_name()],
        "units": [[u.model.id, u.model.name] for u in catalog.units_with_awards()] if pub.unit_lists_published else [],
    }


def _meta(pub: Publication, count: int) -> dict:
    return {"version": FORMAT_VERSION, "docs": count, "chunk": CHUNK, **facets(pub),
            "years": list(pub.catalog.by_year)}  # published format: plain numbers
