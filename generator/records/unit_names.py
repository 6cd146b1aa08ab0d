"""Unit names as offices write them, matched to the unit registry: one rule for the importer (which fills
``unit`` from a spreadsheet's text) and the validator (which asks «có phải …?» of a free-text ``unit_text``)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from generator.text import fold, nfc

_ABBREVIATIONS = {
    "thpt": "trung học phổ thông", "thcs": "trung học cơ sở", "th": "tiểu học", "mn": "mầm non", "mg": "mẫu giáo",
    "ptdtnt": "phổ thông dân tộc nội trú", "ptdtbt": "phổ thông dân tộc bán trú", "ubnd": "ủy ban nhân dân",
    "hdnd": "hội đồng nhân dân", "htx": "hợp tác xã", "tnhh": "trách nhiệm hữu hạn", "ttyt": "trung tâm y tế",
    "bchqs": "bộ chỉ huy quân sự", "gddt": "giáo dục đào tạo", "nnptnt": "nông nghiệp phát triển nông thôn",
}
_SCHOOL_LEVELS = ("mam non", "mau giao", "tieu hoc", "trung hoc", "pho thong", "lien cap", "trung cap", "cao dang",
                  "dai hoc")
_ADMIN_LEVELS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "thanh pho", "tinh", "dac khu")
# positions that name what they head by the unit's first word («Trưởng thôn», «Phó trưởng ban»)
_HEAD_ONLY = {"truong", "pho truong", "pho", "bi thu", "pho bi thu"}
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def unit_key(text: str) -> str:
    """The comparable form of a unit's name: lower case, diacritics kept, abbreviations spelt out, type word dropped.

    "Trường THPT Chuyên Hòa An", "THPT chuyên Hòa An" and "trường trung học phổ thông chuyên Hòa An" give
    the same key "trung học phổ thông chuyên hòa an". Spelt out: THPT, THCS, TH, MN, MG, PTDTNT, PTDTBT,
    UBND, HĐND, HTX, TNHH, TTYT, BCHQS, GD&ĐT, NN&PTNT. Dropped from the front: "Trường" before a school
    level, "Ủy ban nhân dân" before an administrative level (xã, phường, huyện …), "Phòng". "Bệnh viện" is
    kept: it names what the unit is. Punctuation and "và"/"&" are ignored. Compare keys folded for a loose
    match and check diacritics with ``diacritics_compatible``.
    """
    words = re.sub(r"[^\w]+", " ", nfc(text).lower().replace("&", " ")).split()
    joined = []
    index = 0
    while index < len(words):  # "gd đt", "nn ptnt" written apart
        pair = fold(words[index]) + (fold(words[index + 1]) if index + 1 < len(words) else "")
        if pair in ("gddt", "nnptnt") and index + 1 < len(words) and fold(words[index]) in ("gd", "nn"):
            joined.append(pair)
            index += 2
            continue
        joined.append(words[index])
        index += 1
    expanded = " ".join(_ABBREVIATIONS.get(fold(w), w) for w in joined if fold(w) != "va").split()
    folded = " ".join(fold(w) for w in expanded)
    for prefix, followers in (("truong ", _SCHOOL_LEVELS), ("uy ban nhan dan ", _ADMIN_LEVELS), ("phong ", ("",))):
        if folded.startswith(prefix) and folded[len(prefix):].startswith(followers):
            expanded = expanded[len(prefix.split()):]
            folded = " ".join(fold(w) for w in expanded)
    return " ".join(expanded)


def _split_tone(word: str) -> tuple[str, str]:
    """(the word without its tone mark, NFD; the tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d\u0335"))
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    return "".join(ch for ch in decomposed if ch not in _TONE_MARKS), (tones[0] if tones else "")


def diacritics_compatible(written: str, registered: str) -> bool:
    """True when ``written`` may lack diacritics of ``registered`` but contradicts none.

    "tân phu" and "tan phu" fit "tân phú"; "tân phù" does not. The tone may sit on either vowel
    ("hoà" fits "hòa"). Both arguments are ``unit_key`` forms that fold to the same text.
    """
    written_words, registered_words = written.split(), registered.split()
    if len(written_words) != len(registered_words):
        return False
    for w, r in zip(written_words, registered_words):
        w_base, w_tone = _split_tone(w)
        r_base, r_tone = _split_tone(r)
        if w_tone and w_tone != r_tone:
            return False
        w_letters, r_letters = _letters(w_base), _letters(r_base)
        if len(w_letters) != len(r_letters) or any(
                wl[0] != rl[0] or not set(wl[1:]) <= set(rl[1:]) for wl, rl in zip(w_letters, r_letters)):
            return False
    return True


def _letters(decomposed: str) -> list[str]:
    """Base letters each followed by their combining marks: "tâ" (NFD) → ["t", "a\u0302"]."""
    letters: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    return letters


def _distance(a: str, b: str) -> int:
    """Levenshtein edit distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@dataclass
class UnitMatch:
    """The registry unit a text names (``id``), or the units it may have meant (``suggestions``: id, name)."""

    id: str | None = None
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: bool = False


class UnitIndex:
    """The unit registry, searchable by name as offices write it (see ``unit_key``)."""

    def __init__(self, units: list[tuple[str, str]]):
        self.names = dict(units)
        self._last_words: set[str] | None = None
        self._by_fold: dict[str, list[tuple[str, str]]] = {}
        for unit_id, name in units:
            key = unit_key(name)
            self._by_fold.setdefault(fold(key), []).append((key, unit_id))

    def match(self, text: str) -> UnitMatch:
        """An exact id, or one unit whose key fits (diacritics may be missing, not different); else suggestions."""
        if text in self.names:
            return UnitMatch(id=text)
        key = unit_key(text)
        folded = fold(key)
        candidates = self._by_fold.get(folded, [])
        fitting = sorted({unit_id for k, unit_id in candidates if diacritics_compatible(key, k)})
        if len(fitting) == 1:
            return UnitMatch(id=fitting[0])
        if fitting:
            return UnitMatch(suggestions=[(i, self.names[i]) for i in fitting], ambiguous=True)
        near = [unit_id for _, unit_id in candidates]
        limit = max(1, len(folded) // 10)
        close = difflib.get_close_matches(folded, list(self._by_fold), n=5, cutoff=0.8)
        for other in close:
            if other != folded and _distance(folded, other) <= limit:
                near += [unit_id for _, unit_id in self._by_fold[other]]
        near = list(dict.fromkeys(near))[:3]
        return UnitMatch(suggestions=[(i, self.names[i]) for i in near])

    def exact(self, text: str) -> str | None:
        """The one unit whose key fits ``text`` (diacritics may be missing, not different); no near misses."""
        key = unit_key(text)
        fitting = {unit_id for k, unit_id in self._by_fold.get(fold(key), []) if diacritics_compatible(key, k)}
        return fitting.pop() if len(fitting) == 1 else None

    def unit_at_end(self, text: str) -> tuple[str, str, str] | None:
        """(what comes before, the unit's words, its id) when ``text`` ends with a registered unit's name, as in
        «Giáo viên Trường Tiểu học Đông Sơn» or «Kế toán, UBND xã Đông Sơn»; the longest such ending wins.
        The words before are never empty: a text that is only a unit's name is not a position."""
        if self._last_words is None:
            self._last_words = {key.split()[-1] for key in self._by_fold if key}
        words = list(re.finditer(r"\S+", text))
        if len(words) < 2 or _last_word(words[-1].group(0)) not in self._last_words or self.exact(text):
            return None
        for word in words[1:]:
            before, unit = text[:word.start()].rstrip(" ,;:-–—"), text[word.start():].strip()
            unit_id = self.exact(unit) if before else None
            if unit_id:
                return complete_position(before, unit), unit, unit_id
        return None


def complete_position(position: str, unit: str) -> str:
    """A position cut from «Trưởng thôn Bản Chắt» before the unit: «Trưởng» heads what the unit's first word
    names, so it becomes «Trưởng thôn»; any other position is returned as it is."""
    return f"{position} {unit.split()[0]}" if fold(position).lower() in _HEAD_ONLY and unit.split() else position


def _last_word(word: str) -> str:
    """The folded last word of ``word``'s key ("THCS" → "so", as in «trung học cơ sở»)."""
    key = fold(unit_key(word))
    return key.split()[-1] if key else ""


def names_a_place(text: str) -> bool:
    """True for a bare administrative place («Xã Đông Hải», «Phường 3»): where someone lives or works, not the
    People's Committee of that place, which the registry calls «Ủy ban nhân dân xã Đông Hải»."""
    folded = fold(nfc(text).lower()).strip()
    return any(folded.startswith(level + " ") for level in _ADMIN_LEVELS)
