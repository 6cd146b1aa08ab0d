"""Vietnamese text helpers: one normalisation, one fold, one slug, one sort key, used everywhere."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ, and the letters printed in their place by some publishers and fonts: eth ð/Ð (U+00F0/U+00D0, e.g.
# "715/QÐ-CTN" in a newspaper's copy of a decision) and African d ɖ/Ɖ (U+0256/U+0189). None decomposes.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ɖ": "d", "Ɖ": "D"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Vietnamese alphabet order; letters with breve/circumflex/horn are letters of their own.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the one form stored and compared."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase and strip every diacritic, mapping đ/Đ (and its look-alikes ð/Ð, ɖ/Ɖ) to d: "Thi Đua" → "thi dua".

    Works on precomposed (NFC) and combining (NFD) input alike. The browser folds queries with the
    same steps (search.js): đ → d, NFD, drop every mark (Unicode category M), lowercase; a test runs
    both on the same strings.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M").lower()


def slugify(text: str, separator: str = "-") -> str:
    """ASCII slug with Vietnamese transliteration: "Thi đua 2015/QĐ" → "thi-dua-2015-qd".

    The signature matches Python-Markdown's ``toc`` ``slugify`` option, so headings use it too.
    """
    return _NON_ALNUM.sub(separator, fold(text)).strip(separator)


def sort_key(text: str) -> tuple:
    """Sort key following the Vietnamese alphabet (a < ă < â < b … d < đ), tones second."""
    letters: list[int] = []
    tones: list[int] = []
    last = ""
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ch in _LETTER_MARKS and last:
            last = unicodedata.normalize("NFC", last + ch)
            letters[-1] = _letter_rank(last)
        elif ch in _TONE_RANK:
            if tones:
                tones[-1] = _TONE_RANK[ch]
        elif not unicodedata.combining(ch):
            last = ch
            letters.append(_letter_rank(ch))
            tones.append(0)
    return (tuple(letters), tuple(tones))


def _letter_rank(letter: str) -> int:
    return _LETTER_RANK.get(letter, 1000 + ord(letter[0]))


def person_sort_key(name: str) -> tuple:
    """Sort key for Vietnamese personal names: given name first, then the full name."""
    parts = name.split()
    return (sort_key(parts[-1]) if parts else ((), ()), sort_key(name))
