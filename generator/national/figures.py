"""The figures a province site published, read from its pages by their keys.

Every number a province page states carries its key (``data-bv-figure="year.2024.awards"``) and every share
names its numerator and denominator keys (``data-bv-share="stats.2024.gender.female/stats.2024.gender.total"``);
the keys are the ones of ``catalog/counts.py`` and ``catalog/statistics.py``. The national view reads them
instead of counting again, so a province and the country can never disagree on what a count means.
A national figure is the sum of the provinces' figures for the same key (provinces' awards are disjoint);
a national share is the sum of numerators over the sum of denominators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# The pages that publish figures, by path below the site's root; ``{year}`` for each year of the package.
FIGURE_PAGES = ("", "quyet-dinh/", "hinh-thuc-khen-thuong/", "thong-ke/", "ve-du-lieu/")
YEAR_PAGES = ("thong-ke/{year}/",)
_DIGITS = re.compile(r"[^0-9]")


class FigureError(ValueError):
    """A page states two different numbers under one key, or a number that is not a count."""


@dataclass(frozen=True)
class ShareSpec:
    """A share as a province page states it: numerator keys (summed), denominator key, the words."""

    key: str  # "num+num/den" as on the page
    section: str  # the heading it stands under ("Giới tính (cá nhân)")
    label: str  # the row or term it belongs to ("Nữ")
    of: str  # the denominator in words ("lượt khen cá nhân có tên trong danh sách")

    @property
    def denominator(self) -> str:
        return self.key.split("/", 1)[1]

    @property
    def numerators(self) -> list[str]:
        head, _, tail = self.key.split("/", 1)[0].rpartition(".")
        return [f"{head}.{part}" for part in tail.split("+")]


@dataclass
class Published:
    """Everything one site's pages state: figures by key, and shares."""

    figures: dict[str, int] = field(default_factory=dict)
    shares: dict[str, ShareSpec] = field(default_factory=dict)

    def get(self, key: str) -> int:
        """A figure; a key the pages do not state is zero (pages leave out rows of nothing)."""
        return self.figures.get(key, 0)

    def share(self, spec: ShareSpec) -> tuple[int, int]:
        return sum(self.get(k) for k in spec.numerators), self.get(spec.denominator)


class _Reader(HTMLParser):
    def __init__(self, into: Published, page: str):
        super().__init__(convert_charrefs=True)
        self.into, self.page = into, page
        self.stack: list[tuple[str, str | None]] = []  # (tag, figure/share key or marker)
        self.text: dict[str, list[str]] = {}  # open capture → text
        self.section = self.label = ""
        self.pending_share: str | None = None  # the key of a share whose words come next
        self.of_words: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        marker = None
        if "data-bv-figure" in a:
            marker = "figure:" + a["data-bv-figure"]
        elif "data-bv-share" in a:
            marker = "share:" + a["data-bv-share"]
        elif tag in ("h2", "dt") or (tag == "th" and a.get("scope") == "row"):
            marker = "label:" + tag
        elif tag == "span" and "bv-share-of" in (a.get("class") or ""):
            marker = "of"
            self.of_words = []
        if marker:
            self.text[marker] = []
        self.stack.append((tag, marker))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, marker = self.stack.pop()
            if marker:
                self._close(marker, "".join(self.text.pop(marker, [])).strip())
            if open_tag == tag:
                break

    def handle_data(self, data):
        for marker in self.text:
            self.text[marker].append(data)
        if self.of_words is not None and not any(m.startswith("figure:") for m in self.text):
            self.of_words.append(data)

    def _close(self, marker: str, text: str) -> None:
        kind, _, key = marker.partition(":")
        if kind == "figure":
            value = _count(text, key, self.page)
            if self.into.figures.setdefault(key, value) != value:
                raise FigureError(f"{self.page}: «{key}» là {self.into.figures[key]} và {value} trên cùng trang")
        elif kind == "label":
            if key == "h2":
                self.section, self.label = text, ""
            else:
                self.label = text
        elif kind == "share":
            self.pending_share = key
        elif kind == "of":
            words = " ".join("".join(self.of_words or []).split()).removeprefix("của").strip()
            self.of_words = None
            if self.pending_share:
                key = self.pending_share
                self.into.shares.setdefault(key, ShareSpec(key, self.section, self.label, words))
                self.pending_share = None


def _count(text: str, key: str, page: str) -> int:
    digits = _DIGITS.sub("", text)
    if not digits or text.strip().startswith("-"):
        raise FigureError(f"{page}: «{key}» không phải là một số đếm: «{text}»")
    return int(digits)


def read_page(html: str, page: str, into: Published) -> None:
    """Add the figures and shares of one page (``page`` names it in errors)."""
    reader = _Reader(into, page)
    reader.feed(html)
    reader.close()


def figure_pages(years: list[int]) -> list[str]:
    """The pages to read for a site whose package has these years."""
    return [*FIGURE_PAGES, *(p.format(year=y) for p in YEAR_PAGES for y in years)]


def total(published: list[Published], key: str) -> int:
    """The national figure for ``key``: the sum of the sites' figures (their awards never overlap)."""
    return sum(p.get(key) for p in published)


def total_share(published: list[Published], spec: ShareSpec) -> tuple[int, int]:
    """The national share: the sum of numerators over the sum of denominators."""
    pairs = [p.share(spec) for p in published]
    return sum(n for n, _ in pairs), sum(d for _, d in pairs)


def plain_label(text: str) -> str:
    """A row's label without what is only true of one site ("… (gồm 79 lượt không nêu tên)")."""
    return re.sub(r"\s*\(gồm [^)]*\)$", "", text).strip()
