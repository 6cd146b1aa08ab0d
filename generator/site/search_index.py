"""The search index: a static, sharded inverted index that the browser loads piece by piece.

Layout under ``tim-kiem/chi-muc/`` (format 2; ``meta.json`` names the layout):

* ``t/<p>.json`` — words starting with the two characters ``p``: ``{word: [documents, payload|null]}``.
  A word in more than INLINE_MAX documents has its other text in ``o/<word>.json``, and when it is in
  more than INLINE_MAX titles its title part in ``p/<word>.json`` (``null`` in the shard); otherwise the
  shard holds its title part (and, for a small word, everything). The search page lists the words of
  each kind (``data-bv-long``: ``p/``, ``data-bv-other``: ``o/``, ``data-bv-plain``: in no title) so
  that they are fetched beside the shard, and results with every word in a title are shown before the
  other text arrives (unless a word is in no title: then everything is fetched at once).
* payload: the word's written forms (``đức``, ``dục`` …), then segments ``code, [form], count, gaps…``
  — in a shard as base64 of LEB128 varints (the forms as ``count, (length, UTF-8 bytes)…``), in
  ``p/`` and ``o/`` as JSON ``[forms, text numbers]`` (``text_numbers``: every host compresses JSON,
  few compress binary types, and base64 would compress worse). ``code`` 0 is "in
  other text", ``1 + field*8 + word`` a position in the result's title (field 0 the name, 1–3 its
  aliases or a revoked decision's revoking number, matched like the name but never shown); ``form``
  indexes the written forms; gaps are the segment's sorted document numbers, each minus the previous
  (the first minus −1). A document appears once per position of the word.
* ``f/<facet>.json`` — the documents of one filter value (``y2024``, ``fbang-khen-cap-tinh``,
  ``lstate``, ``udv-01``, ``aubnd-tinh``): gaps as a JSON string of text numbers.
* ``d/<file>.json`` — the rows a result shows, ``[kind, title, subtitle, detail, url, date, flags]``
  (``date`` yyyymmdd or 0, ``flags`` 1 = revoked), by slot; ``null`` is a free slot.
* ``meta.json`` — format version, layout (slots per file, buckets per class), facet lists.

**Document numbers are stable.** ``n = ((class * NBMAX) + bucket) * CAP + slot``: the class is the
kind of result (profiles and person pages, award forms, units, people — recipients' lines and consultations'
candidates —, decisions, pages: the rank order of kinds), the
bucket a hash of the folded title (so every row of one name sits in one file ``d/<n // CAP>.json``),
the slot the record's place in its bucket. Built from scratch, slots follow (date, URL), so publishing
a new decision leaves every other number unchanged; given the previous build's index
(``read_previous``) every record keeps its number whatever is added or removed.

**Ranking does not depend on numbers beyond the class**: the browser orders results by how many
words are in the title (name or alias), then words in the typed order (adjacent best), then exact
syllables before completions of the word being typed, then exact written forms when the query has
diacritics, then class; results of equal rank are shown a few per file at a time (round robin over
files, so one page needs few files), newest first within a file by the row's ``date``.
Text is folded exactly as ``generator.text.fold`` folds it; the browser folds queries the same way.
"""

from __future__ import annotations

import base64
import json
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.catalog.gate import Person, Publication
from generator.records import files, law
from generator.records.models import RecipientKind
from generator.site import urls
from generator.site.labels import decision_number, decision_short_date, label, short_date
from generator.site.outputs import OutputFile
from generator.text import fold, nfc, sort_key

INDEX_DIR = "tim-kiem/chi-muc/"
FORMAT_VERSION = 2
CAP = 4096  # slots per bucket: the rows of one file
NBMAX = 4096  # buckets a class may have: the document number's class stride is NBMAX * CAP
PER_BUCKET = 64  # rows per file aimed at when a class is laid out anew
INLINE_MAX = 256  # words in more documents than this get their own payload file
FIELDS = 4  # title fields: the name, then up to three aliases (more aliases share the last field)
FIELD_WORDS = 8  # positions per field; later words share the last position
CLASSES = ("guong", "hinh-thuc", "don-vi", "nguoi", "qd", "trang")
KIND_CLASS = {"guong": 0, "trang-nguoi": 0, "hinh-thuc": 1, "don-vi": 2, "ca-nhan": 3, "tap-the": 3, "ho-gia-dinh": 3,
              "de-nghi": 3, "qd": 4, "trang": 5}
RECIPIENT_KIND = {RecipientKind.individual: "ca-nhan", RecipientKind.collective: "tap-the",
                  RecipientKind.household: "ho-gia-dinh"}
REVOKED = 1  # row flag
_TOKEN = re.compile(r"[a-z0-9]+")
_ALNUM = re.compile(r"[a-z0-9]+")


def tokens(text: str | None) -> list[str]:
    """Folded word tokens of ``text``: "1234/QĐ-UBND" → ["1234", "qd", "ubnd"]."""
    return _TOKEN.findall(fold(text)) if text else []


@lru_cache(maxsize=262_144)
def _part_terms(part: str) -> frozenset[str]:
    # positions, unit and form names repeat across hundreds of thousands of rows: fold each once
    return frozenset(tokens(part))


@lru_cache(maxsize=262_144)
def word_forms(text: str) -> tuple[tuple[str, str], ...]:
    """(folded word, written form) of each word of ``text``, the written form in NFC lower case:
    "Xuân Dục" → (("xuan", "xuân"), ("duc", "dục")). The folded words are exactly ``tokens(text)``
    (search.js splits queries the same way)."""
    out: list[tuple[str, str]] = []
    folded: list[str] = []
    written: list[str] = []
    for ch in nfc(text):
        f = fold(ch)
        if not f:  # a combining mark left after NFC: part of the word as written
            if folded:
                written.append(ch)
        elif _ALNUM.fullmatch(f):
            folded.append(f)
            written.append(ch.lower())
        elif folded:
            out.append(("".join(folded), nfc("".join(written))))
            folded, written = [], []
    if folded:
        out.append(("".join(folded), nfc("".join(written))))
    if [w for w, _ in out] != tokens(text):  # a character folding to several: keep the folded words
        return tuple((w, w) for w in tokens(text))
    return tuple(out)


@lru_cache(maxsize=262_144)
def bucket_hash(title: str) -> int:
    """FNV-1a (32 bits) of the folded words of ``title``: rows of one name share a bucket."""
    h = 0x811C9DC5
    for byte in " ".join(w for w, _ in word_forms(title)).encode("ascii", "replace"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


@lru_cache(maxsize=262_144)
def _field_entries(text: str, field_no: int) -> tuple[tuple[str, int, str], ...]:
    """(word, code, written form) of each word of one title field (names repeat: computed once)."""
    base = min(field_no, FIELDS - 1) * FIELD_WORDS  # a fifth alias shares the fourth field
    return tuple((word, 1 + base + min(position, FIELD_WORDS - 1), form)
                 for position, (word, form) in enumerate(word_forms(text)))


@dataclass(slots=True)
class SearchDoc:
    kind: str  # ca-nhan, tap-the, ho-gia-dinh (recipients), de-nghi (proposed in a consultation), trang-nguoi (a
    # person's page: all their awards), qd, guong, don-vi, hinh-thuc, trang
    title: str
    subtitle: str
    detail: str
    url: str  # also the record's key for stable numbering
    fields: tuple[str, ...]  # texts matched as the title: the name, then aliases (not shown)
    text: tuple[str, ...] = ()  # other indexed text (not shipped)
    facets: tuple[str, ...] = ()
    revoked: bool = False
    date: int = 0  # yyyymmdd of the decision; newest first among results of equal rank in one file

    @property
    def cls(self) -> int:
        return KIND_CLASS[self.kind]

    def shipped(self) -> list:
        return [self.kind, self.title, self.subtitle, self.detail, self.url, self.date,
                REVOKED if self.revoked else 0]


def _yyyymmdd(value) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def documents(pub: Publication, pages: list[tuple[str, str, str]]) -> list[SearchDoc]:
    """Every searchable thing. ``pages`` are hand-written pages: (url, title, text).
    People come through the publication gate: withdrawn lines are left out, hidden fields (and the
    unit filter, when units are hidden) are not indexed."""
    docs: list[SearchDoc] = []
    for profile in pub.profiles():
        p = profile.model
        unit = pub.units.get(p.unit).model.name if p.unit and p.unit in pub.units else ""
        docs.append(SearchDoc("guong", p.name, p.summary, unit, urls.profile(profile.slug), (p.name, *p.aliases),
                              (p.summary, unit, p.locality or "", " ".join(p.tags), profile.story_markdown),
                              tuple(f":u{p.unit}" for _ in [0] if p.unit)))
    for form in pub.award_forms.values():
        f = form.model
        docs.append(SearchDoc("hinh-thuc", f.name, label(f.level), label(f.group), urls.award_form(f.id), (f.name,),
                              (), (f":f{f.id}", f":l{f.level.value}")))
    for unit in pub.units_sorted():
        u = unit.model
        docs.append(SearchDoc("don-vi", u.name, u.locality or "", "", urls.unit(u.id), (u.name,),
                              (u.locality or "",), (f":u{u.id}",)))
    for person in pub.people():
        if person.profile is None:  # a profile's page is found as the profile (and links to this page)
            docs.append(_person_document(person))
    for decision in pub.decisions:
        docs.extend(_decision_documents(pub, decision))
    for slug, entry in sorted(pub.consultations.items()):
        docs.extend(_consultation_documents(pub, slug, entry.model))
    for url, title, text in pages:
        docs.append(SearchDoc("trang", title, "", "", url, (title,), (text,)))
    return docs


def _person_document(person: Person) -> SearchDoc:
    """A person's page (``nguoi/…/``): found by every name of their lines, ranked before the lines themselves."""
    years = sorted({a.decision.year for a in person.awards})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    return SearchDoc("trang-nguoi", person.name, f"{label(person.kind)} · các khen thưởng {span}".strip(),
                     "", urls.person(person.id), (person.name, *person.other_names),
                     date=_yyyymmdd(person.awards[-1].decision.model.date) if person.awards else 0)


def _consultation_documents(pub: Publication, slug: str, consultation) -> list[SearchDoc]:
    """The people proposed in a public consultation (through the publication gate, withdrawn ones left out):
    a citizen finds the notice by a candidate's name while it is open and after it has closed."""
    proposer = pub.authorities[consultation.proposer].model
    closes = law.closing_day(pub.law, consultation)
    docs = []
    for r in pub.proposed_rows(consultation):
        if r.withdrawn:
            continue
        unit = pub.units.get(r.unit) if r.unit else None
        unit_name = r.unit_text or (unit.model.name if unit else "")
        form = pub.award_forms[r.award_form].model.name if r.award_form in pub.award_forms else ""
        detail = " · ".join(x for x in (f"Đề nghị {form}" if form else "", proposer.short_name or proposer.name,
                                        f"góp ý đến hết {short_date(closes)}") if x)
        docs.append(SearchDoc("de-nghi", r.name, " · ".join(x for x in (r.position or "", unit_name) if x), detail,
                              f"{urls.consultation(slug)}#{urls.recipient_anchor(r.recipient_id)}", (r.name, *r.aliases),
                              (r.position or "", unit_name, consultation.title), (),
                              date=_yyyymmdd(consultation.opens)))
    return docs


def _decision_documents(pub: Publication, decision) -> list[SearchDoc]:
    """A decision and its published recipient lines. A revoked decision is also found by the number of
    the decision that revoked it, and so is a line annulled on its own (marked revoked, the decision's other lines
    not; the decision is found by that number as other text)."""
    d = decision.model
    form = pub.award_forms[d.award_form].model
    authority = pub.authorities[d.authority].model
    revoked = decision.revoked
    facets = (f":y{decision.year}", f":f{form.id}", f":l{form.level.value}", f":a{authority.id}")
    number = decision_number(d.number)
    date = _yyyymmdd(d.date)
    revoking = d.revocation.decision_number if revoked and d.revocation else ""
    detail = f"{authority.short_name or authority.name} · {decision_short_date(d)}"
    if revoking:
        detail += f" · bị hủy bỏ bởi Quyết định {revoking}"
    docs = [SearchDoc("qd", f"Quyết định {number}", d.title or form.name, detail,
                      urls.decision(decision.year, decision.slug), (d.number or "",) + ((revoking,) if revoking else ()),
                      ("Quyết định", d.number_note or "", d.title or "", form.name, authority.name,
                       authority.short_name or "", d.reason or "", *_line_revocations(pub, decision)),
                      facets, revoked, date)]
    for r in pub.rows(decision):
        if r.withdrawn:
            continue
        unit = pub.units.get(r.unit) if r.unit else None
        unit_name = r.unit_text or (unit.model.name if unit else "")
        subtitle = " · ".join(x for x in (r.position or "", unit_name) if x)
        detail = f"{form.name} · {number} · {decision.year}"
        if r.revocation:
            detail += f" · bị hủy bỏ bởi Quyết định {r.revocation.decision_number}"
        docs.append(SearchDoc(RECIPIENT_KIND[r.kind], r.name, subtitle, detail,
                              urls.recipient_link(decision.year, decision.slug, r.recipient_id),
                              (r.name, *r.aliases) + ((r.revocation.decision_number,) if r.revocation else ()),
                              (r.position or "", unit_name), facets + ((f":u{r.unit}",) if r.unit else ()),
                              r.revoked, date))  # the decision, or this one line, annulled
    return docs


def _line_revocations(pub: Publication, decision) -> list[str]:
    """The numbers of the decisions that annulled single lines of ``decision``."""
    return list(dict.fromkeys(r.revocation.decision_number for r in pub.rows(decision) if r.revocation))


# --- document numbers ------------------------------------------------------------------------------


@dataclass
class Previous:
    """What a build needs from the previous build's index to keep every document's number."""

    numbers: dict[str, int]  # url → document number
    layout: dict[str, int]  # class → buckets


def read_previous(index_dir: Path | None) -> Previous | None:
    """The numbers of the index published by the previous build under ``index_dir`` (``site/tim-kiem/chi-muc``),
    or ``None`` when there is none of this format: then numbers are assigned afresh."""
    if index_dir is None or not (index_dir / "meta.json").is_file():
        return None
    meta = json.loads((index_dir / "meta.json").read_text(encoding="utf-8"))
    if meta.get("version") != FORMAT_VERSION or meta.get("cap") != CAP or meta.get("nbmax") != NBMAX:
        return None
    numbers: dict[str, int] = {}
    for path in (index_dir / "d").glob("*.json"):
        base = int(path.stem) * CAP
        for slot, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            if row:
                numbers[row[4]] = base + slot
    return Previous(numbers, dict(meta.get("layout", {})))


def _bucket_count(count: int, previous: int | None) -> int:
    """Buckets of a class: the previous build's (while files stay under 4 × PER_BUCKET rows on average),
    else the least power of two giving at most PER_BUCKET rows a file."""
    if previous and count <= previous * PER_BUCKET * 4:
        return previous
    nb = 1
    while nb * PER_BUCKET < count and nb < NBMAX:
        nb *= 2
    return nb


def number_documents(docs: list[SearchDoc], previous: Previous | None = None) -> tuple[list[int], dict[str, int]]:
    """Each document's number, and the buckets of each class. Numbers of the previous build are kept;
    other documents take the next free slot of their bucket in (date, URL) order, so that from scratch
    too a newer record never moves an older one. A full bucket spills into the next."""
    numbers = [0] * len(docs)
    layout: dict[str, int] = {}
    members: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        members[doc.cls].append(i)
    for cls, indexes in sorted(members.items()):
        nb = _bucket_count(len(indexes), previous.layout.get(CLASSES[cls]) if previous else None)
        layout[CLASSES[cls]] = nb
        next_slot = [0] * nb
        taken: set[int] = set()
        fresh = []
        for i in indexes:
            n = previous.numbers.get(docs[i].url) if previous else None
            if n is not None and n // (NBMAX * CAP) == cls and (n // CAP) % NBMAX < nb and n not in taken:
                numbers[i] = n
                taken.add(n)
                bucket = (n // CAP) % NBMAX
                next_slot[bucket] = max(next_slot[bucket], n % CAP + 1)
            else:
                fresh.append(i)
        fresh.sort(key=lambda i: (docs[i].date, docs[i].url))
        for i in fresh:
            start = bucket_hash(docs[i].title) % nb
            bucket = next((b % nb for b in range(start, start + nb) if next_slot[b % nb] < CAP), None)
            if bucket is None:
                raise ValueError(f"search index: class {CLASSES[cls]} is full ({nb} × {CAP} rows)")
            numbers[i] = (cls * NBMAX + bucket) * CAP + next_slot[bucket]
            next_slot[bucket] += 1
    return numbers, layout


# --- encoding --------------------------------------------------------------------------------------


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


# Large files hold numbers as text that every host compresses (JSON): digits of a base-45 number, least
# significant first, from 91 printable characters without '"' and '\\'; a digit below 45 ends a number.
# One character for a gap below 45 (most gaps between the documents of a common word), two below 2025.
# printable ASCII from "#", without "\\" (escaped in JSON) and "@" (an encoded run must never read as an
# e-mail address to the personal-data check of the built site)
TEXT_DIGITS = "".join(chr(c) for c in range(0x23, 0x7F) if c not in (0x40, 0x5C))
TEXT_BASE = 45


def text_numbers(values) -> str:
    """``values`` (non-negative integers) as text digits: [0, 44, 45, 2024] → "#PQ$~P"."""
    digits, out = TEXT_DIGITS, []
    append = out.append
    for n in values:
        while n >= TEXT_BASE:
            append(digits[TEXT_BASE + n % TEXT_BASE])
            n //= TEXT_BASE
        append(digits[n])
    return "".join(out)


def _deltas(values) -> list[int]:
    out, previous = [], -1
    for value in values:
        out.append(value - previous)
        previous = value
    return out


@dataclass
class Payload:
    """A word's documents, encoded: ``whole`` (binary, base64 in a shard), or for a large word ``title``
    (its written forms and title segments, ``p/``) and ``other`` (its documents by other text, ``o/``) as
    JSON ``[forms, text numbers]``, each ``None`` when empty: the browser shows results with every word
    in a title before the rest has arrived."""

    whole: bytes
    title: bytes | None
    other: bytes | None
    count: int  # distinct documents
    title_only: bytes = b""  # binary, like ``whole``: the title part alone (inline when small)
    titled: int = 0  # documents with the word in a title


def _segment(code: int, form: int, values, out: list[int]) -> None:
    out.append(code)
    if code:
        out.append(form)
    out.append(len(values))
    out.extend(_deltas(values))


def encode_payload(segments: dict[tuple[int, str], array]) -> Payload:
    """A word's payload from its segments ``(code, written form) → document numbers``: a stream of numbers
    ``code, [form], count, gaps…`` per segment. Code 0 (other text) is left out for documents that have
    the word in the title."""
    in_title: set[int] = set()
    forms: dict[str, int] = defaultdict(int)
    for (code, form), numbers in segments.items():
        if code:
            in_title.update(numbers)  # segments hold sorted, distinct numbers (see _postings)
            forms[form] += len(numbers)
    form_list = sorted(forms, key=lambda f: (-forms[f], f))
    form_index = {f: i for i, f in enumerate(form_list)}
    title: list[int] = []
    for (code, form), numbers in sorted(segments.items(), key=lambda kv: (kv[0][0], form_index.get(kv[0][1], 0))):
        if code:
            _segment(code, form_index[form], numbers, title)
    rest = segments.get((0, ""), ())
    rest = [n for n in rest if n not in in_title] if in_title else list(rest)
    other: list[int] = []
    if rest:
        _segment(0, -1, rest, other)
    header = bytearray()
    _varint(len(form_list), header)
    for form in form_list:
        data = form.encode("utf-8")
        _varint(len(data), header)
        header += data
    title_bytes = bytearray(header)
    for value in title:
        _varint(value, title_bytes)
    whole = bytearray(title_bytes)
    for value in other:
        _varint(value, whole)
    return Payload(bytes(whole), _dump([form_list, text_numbers(title)]) if in_title else None,
                   _dump([[], text_numbers(other)]) if rest else None, len(in_title) + len(rest),
                   bytes(title_bytes), len(in_title))


def _prefix(term: str) -> str:
    return term[:2]


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class SearchIndex:
    files: list[OutputFile]
    shards: list[str]  # the two-character prefixes that have a shard file, so the browser never asks for others
    long_title: list[str] = field(default_factory=list)  # large words with title segments: p/<word>.json
    long_other: list[str] = field(default_factory=list)  # large words found in other text: o/<word>.json
    long_plain: list[str] = field(default_factory=list)  # large words found in no title at all
    numbers: dict[str, int] = field(default_factory=dict)  # url → document number


def _postings(docs: list[SearchDoc], numbers: list[int]):
    """word → (code, written form) → document numbers; facet → document numbers."""
    segments: dict[tuple[str, int, str], array] = {}
    facet_lists: dict[str, array] = defaultdict(lambda: array("q"))
    for n, doc in sorted(zip(numbers, docs), key=lambda pair: pair[0]):  # segments come out sorted
        entries: set[tuple[str, int, str]] = set()
        for f, text in enumerate(doc.fields):
            if text:
                entries.update(_field_entries(text, f))
        in_title = {word for word, _, _ in entries}
        for part in doc.text:
            if part:
                for word in _part_terms(part):
                    if word not in in_title:
                        entries.add((word, 0, ""))
        for key in entries:
            segment = segments.get(key)
            if segment is None:
                segment = segments[key] = array("q")
            segment.append(n)
        for facet in doc.facets:
            facet_lists[facet].append(n)
    words: dict[str, dict[tuple[int, str], array]] = defaultdict(dict)
    for (word, code, form), segment in segments.items():
        words[word][(code, form)] = segment
    return words, facet_lists


def build_index(pub: Publication, pages: list[tuple[str, str, str]], previous: Previous | None = None) -> SearchIndex:
    """All files of the search index, ready to publish; ``previous`` keeps the numbers of an earlier build."""
    docs = documents(pub, pages)
    numbers, layout = number_documents(docs, previous)
    words, facet_lists = _postings(docs, numbers)
    outputs: list[OutputFile] = []
    shards: dict[str, dict] = defaultdict(dict)
    long_title, long_other, long_plain = [], [], []
    for word in sorted(words):
        payload = encode_payload(words[word])
        if payload.count > INLINE_MAX:
            if payload.other is not None:
                outputs.append(OutputFile(f"{INDEX_DIR}o/{word}.json", content=payload.other, scanned_text=""))
                long_other.append(word)
                if not payload.titled:
                    long_plain.append(word)
            if payload.titled > INLINE_MAX:
                outputs.append(OutputFile(f"{INDEX_DIR}p/{word}.json", content=payload.title, scanned_text=""))
                long_title.append(word)
                shards[_prefix(word)][word] = [payload.count, None]
            else:  # few titles: they stay in the shard, only the other text has a file
                shards[_prefix(word)][word] = [payload.count, base64.b64encode(payload.title_only).decode("ascii")]
        else:
            shards[_prefix(word)][word] = [payload.count, base64.b64encode(payload.whole).decode("ascii")]
    for prefix, terms in sorted(shards.items()):
        outputs.append(OutputFile(f"{INDEX_DIR}t/{prefix}.json", content=_dump(terms), scanned_text="\n".join(terms)))
    for facet, members in sorted(facet_lists.items()):
        outputs.append(OutputFile(f"{INDEX_DIR}f/{facet_file(facet)}.json",
                                content=_dump(text_numbers(_deltas(sorted(members)))), scanned_text=""))
    rows: dict[int, dict[int, list]] = defaultdict(dict)
    for doc, n in zip(docs, numbers):
        rows[n // CAP][n % CAP] = doc.shipped()
    for file_no, slots in sorted(rows.items()):
        outputs.append(OutputFile(f"{INDEX_DIR}d/{file_no}.json",
                                content=_dump([slots.get(s) for s in range(max(slots) + 1)])))
    outputs.append(OutputFile(f"{INDEX_DIR}meta.json", content=_dump(_meta(pub, len(docs), layout))))
    return SearchIndex(outputs, sorted(shards), long_title, long_other, long_plain,
                       {doc.url: n for doc, n in zip(docs, numbers)})


def facet_file(facet: str) -> str:
    """``:y2024`` → ``y2024``: the file name of a filter value (file names never hold ':')."""
    return facet[1:]


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


def facets(pub: Publication) -> dict[str, list[list]]:
    """The filter choices: [value, label] per year, level, award form, issuing authority and unit in use (no
    unit filter when the units of people are hidden: it would reveal each person's unit)."""
    used = {d.model.authority for d in pub.decisions}
    authorities = sorted((a for a in pub.authorities.values() if a.model.id in used),
                         key=lambda a: sort_key(a.model.name))
    return {
        "years": [[str(y), str(y)] for y in pub.by_year],
        "levels": [[level.value, label(level)] for level in pub.levels_in_use()],
        "forms": [[f.model.id, f.model.name] for f in pub.forms_in_use_by_name()],
        "authorities": [[a.model.id, a.model.name] for a in authorities],
        "units": [[u.model.id, u.model.name] for u in pub.units_with_awards()] if pub.unit_lists_published else [],
    }


def _meta(pub: Publication, count: int, layout: dict[str, int]) -> dict:
    return {"version": FORMAT_VERSION, "docs": count, "cap": CAP, "nbmax": NBMAX, "layout": layout, **facets(pub),
            "years": list(pub.by_year)}  # published format: plain numbers
