"""A Python reading of the search index that does what search.js does, step for step: decode shards and
payloads, choose completions, intersect, rank, lay results out a few per file. Tests use it to check the
index and the ranking rules without a browser (the browser tests run search.js itself)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from generator.site.search_index import INDEX_DIR, TEXT_BASE, TEXT_DIGITS, word_forms

PAGE, QUOTA, MAX_COMPLETIONS, LONG_BUDGET = 20, 5, 40, 20000  # as in search.js
SHIFT = 2**27  # search.js: a result's sort key is (TOP - rank) * SHIFT + its document number


def rank_of(tw: int, order: int, ex: int, dia: int) -> int:
    """search.js ``rankOf``: words in the title, word order, exact syllables, exact diacritics, each capped."""
    return ((min(tw, 15) * 3 + order) * 16 + min(ex, 15)) * 16 + min(dia, 15)


TOP = rank_of(99, 2, 99, 99)


@dataclass
class Word:
    fold: str
    form: str
    marked: bool


def query_words(text: str) -> list[Word]:
    """The words of a query as search.js splits them (written form in NFC lower case)."""
    return [Word(f, w, w != f) for f, w in word_forms(text)]


def varint(data: bytes, at: list[int]) -> int:
    value, shift = 0, 0
    while True:
        byte = data[at[0]]
        at[0] += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value


def text_numbers(text: str) -> list[int]:
    """The numbers of ``search_index.text_numbers`` text, read back."""
    out, value, mul = [], 0, 1
    for ch in text:
        digit = TEXT_DIGITS.index(ch)
        value += (digit if digit < TEXT_BASE else digit - TEXT_BASE) * mul
        mul *= TEXT_BASE
        if digit < TEXT_BASE:
            out.append(value)
            value, mul = 0, 1
    return out


def read_segments(numbers: list[int]) -> list[tuple[int, int, list[int]]]:
    """[(code, form index, document numbers)] from a stream ``code, [form], count, gaps…``."""
    segments, i = [], 0
    while i < len(numbers):
        code = numbers[i]
        form = numbers[i + 1] if code else -1
        i += 2 if code else 1
        count = numbers[i]
        ids, previous = [], -1
        for gap in numbers[i + 1:i + 1 + count]:
            previous += gap
            ids.append(previous)
        segments.append((code, form, ids))
        i += 1 + count
    return segments


def parse_payload(data: bytes) -> tuple[list[str], list[tuple[int, int, list[int]]]]:
    """A shard's payload (binary): (written forms, [(code, form index, document numbers)])."""
    at = [0]
    if not data:
        return [], []
    forms = []
    for _ in range(varint(data, at)):
        length = varint(data, at)
        forms.append(data[at[0]:at[0] + length].decode("utf-8"))
        at[0] += length
    numbers = []
    while at[0] < len(data):
        numbers.append(varint(data, at))
    return forms, read_segments(numbers)


def parse_file(data: bytes) -> tuple[list[str], list[tuple[int, int, list[int]]]]:
    """A large word's file, JSON [forms, text numbers]."""
    forms, text = json.loads(data)
    return forms, read_segments(text_numbers(text))


@dataclass
class Match:
    """One document's match of one query word (see search.js ``merge``)."""

    tm: int = 0  # title positions
    em: int = 0  # positions matched by the exact word
    xm: int = 0  # positions written as typed
    fl: int = 0  # 1: other text, 2: the exact word in other text


def word_order(masks: list[int]) -> int:
    if len(masks) < 2:
        return 2 if masks else 0
    best = 0
    for f in range(4):
        m = [(x >> (8 * f)) & 255 for x in masks]
        if not all(m):
            continue
        adjacent = m[0]
        for i in range(1, len(m)):  # the last position (7) stands for the 8th word and every later one
            adjacent &= (m[i] >> i) | ((255 << max(0, 8 - i)) & 255 if m[i] & 128 else 0)
        if adjacent:
            return 2
        pos, ok = -1, True
        for x in m:
            higher = [b for b in range(min(pos + 1, 7), 8) if x & (1 << b)]
            if not higher:
                ok = False
                break
            pos = higher[0]
        if ok:
            best = 1
    return best


class SearchClient:
    def __init__(self, files: dict[str, bytes], cap: int, nbmax: int):
        self.files = files
        self.cap = cap
        self.class_span = cap * nbmax
        self.requests: list[str] = []

    @classmethod
    def of_index(cls, built) -> "SearchClient":
        files = {f.path[len(INDEX_DIR):]: f.content for f in built.files if f.path.startswith(INDEX_DIR)}
        meta = json.loads(files["meta.json"])
        return cls(files, meta["cap"], meta["nbmax"])

    @classmethod
    def of_site(cls, site: Path) -> "SearchClient":
        base = site / INDEX_DIR
        files = {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}
        meta = json.loads(files["meta.json"])
        return cls(files, meta["cap"], meta["nbmax"])

    def get(self, path: str) -> bytes | None:
        self.requests.append(path)
        return self.files.get(path)

    def shard(self, term: str) -> dict:
        data = self.files.get(f"t/{term[:2]}.json")
        return json.loads(data) if data else {}

    def payload(self, term: str, entry) -> tuple[list[str], list]:
        """A word's written forms and segments: from its shard, or from its title and other-text files."""
        forms, segments = parse_payload(base64.b64decode(entry[1])) if entry[1] is not None else ([], [])
        for part in ("p", "o"):
            if f"{part}/{term}.json" in self.files:
                more_forms, more = parse_file(self.get(f"{part}/{term}.json"))
                forms, segments = forms or more_forms, segments + more
        return forms, segments

    def choose_terms(self, w: Word, s: dict, completing: bool) -> list[tuple[str, bool]]:
        out = [(w.fold, True)] if w.fold in s else []
        if not completing or len(w.fold) < 2 or w.fold.isdigit():
            return out
        others = sorted((t for t in s if t != w.fold and t.startswith(w.fold)), key=lambda t: (-s[t][0], t))
        spent = large = 0
        whole = bool(out)  # the word typed is a word of the index: no large completion (it may be finished)
        for t in others:
            if len(out) >= MAX_COMPLETIONS:
                break
            if s[t][1] is None:
                if whole or (large and spent + s[t][0] > LONG_BUDGET):
                    continue
                large += 1
                spent += s[t][0]
            out.append((t, False))
        return out

    def word_matches(self, w: Word, completing: bool) -> dict[int, Match] | None:
        s = self.shard(w.fold)
        terms = self.choose_terms(w, s, completing)
        if not terms and completing and len(w.fold) < 2:
            return None
        matches: dict[int, Match] = {}
        for term, exact in terms:
            forms, segments = self.payload(term, s[term])
            same = [w.marked and (f == w.form if exact else f.startswith(w.form)) for f in forms]
            for code, form, ids in segments:
                bit = 1 << (code - 1) if code else 0
                for n in ids:
                    m = matches.setdefault(n, Match())
                    m.tm |= bit
                    m.em |= bit if exact else 0
                    m.xm |= bit if code and same[form] else 0
                    m.fl |= 0 if code else (3 if exact else 1)
        return matches

    def facet(self, facet: str) -> set[int]:
        data = self.get(f"f/{facet[1:]}.json")
        out, previous = set(), -1
        for gap in text_numbers(json.loads(data)) if data else []:
            previous += gap
            out.add(previous)
        return out

    def ranked(self, text: str, facets: tuple[str, ...] = ()) -> list[tuple[int, int]]:
        """(rank key, document number) of every result, best first."""
        typing = not text[-1:].isspace()
        words = query_words(text)
        lists, used = [], []
        for i, w in enumerate(words):
            matches = self.word_matches(w, typing and i == len(words) - 1)
            if matches is not None:
                lists.append(matches)
                used.append(w)
        sets = [set(m) for m in lists] + [self.facet(f) for f in facets]
        hits = set.intersection(*sets) if sets else set()
        out = []
        for n in hits:
            tw = ex = dia = 0
            masks = []
            for w, matches in zip(used, lists):
                m = matches[n]
                if m.tm:
                    tw += 1
                    masks.append(m.tm)
                    ex += bool(m.em)
                    dia += bool(w.marked and m.xm)
                elif m.fl & 2:
                    ex += 1
            out.append((TOP - rank_of(tw, word_order(masks), ex, dia), n))
        return sorted(out)

    def rows(self, file_no: int) -> list:
        data = self.get(f"d/{file_no}.json")
        return json.loads(data) if data else []

    def search(self, text: str, facets: tuple[str, ...] = ()) -> list[list]:
        """Every result's row, in the order search.js shows them (QUOTA per file in turn, newest first)."""
        ranked = self.ranked(text, facets)
        shown = []
        i = 0
        while i < len(ranked):
            tier, cls = ranked[i][0], ranked[i][1] // self.class_span
            groups = []
            while i < len(ranked) and ranked[i][0] == tier and ranked[i][1] // self.class_span == cls:
                file_no, start = ranked[i][1] // self.cap, i
                while i < len(ranked) and ranked[i][0] == tier and ranked[i][1] // self.cap == file_no:
                    i += 1
                rows = self.rows(file_no)
                members = sorted(((rows[n % self.cap], n) for _, n in ranked[start:i]), key=lambda rn: (-rn[0][5], rn[1]))
                groups.append([row for row, _ in members])
            for round_ in range(max(len(g) for g in groups) // QUOTA + 1):
                for g in groups:
                    shown.extend(g[round_ * QUOTA:(round_ + 1) * QUOTA])
        return shown

    def titles(self, text: str, facets: tuple[str, ...] = ()) -> list[str]:
        return [row[1] for row in self.search(text, facets)]
