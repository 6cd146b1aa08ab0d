"""Text hygiene: what may not pass from a record into pages, terminals and comparisons.

* Control characters (C0 but tab and newline, DEL, C1, U+2028/U+2029, lone surrogates, U+FFFE/U+FFFF)
  and bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed
  from every string the loader produces, keys included; the loader reports each with a warning.
* Zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, U+180E) are removed too:
  inside a name they defeat search, after a decision number they make a duplicate look new.
* :func:`visible` writes any text so that printing it cannot move the cursor, recolour the terminal
  or reverse the line: every such character becomes a visible ``\\x1b``-style escape.
* :func:`mixed_script` finds Cyrillic or Greek look-alikes inside a Latin (Vietnamese) name.
* :func:`number_key` is the form decision numbers are compared in, so that ``9001/QÐ-UBND`` (U+00D0),
  ``9001/QĐ‐UBND`` (U+2010) and ``9001/QĐ-UBND`` are one number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONTROL_CLASS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff"
                  "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c")
_INVISIBLE_CLASS = "\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e"
_CONTROL = re.compile(f"[{_CONTROL_CLASS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
_ANY_BAD = re.compile(f"[{_CONTROL_CLASS}{_INVISIBLE_CLASS}]")


@dataclass(frozen=True)
class Cleaned:
    """A string with control and invisible characters removed, and which ones were."""

    text: str
    control: str = ""  # e.g. "U+001B, U+202E"
    invisible: str = ""


def _code_points(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(ch):04X}" for ch in sorted(chars))


def is_clean(text: str) -> bool:
    """True when ``text`` holds no control, bidirectional or zero-width character (one scan in C)."""
    return _ANY_BAD.search(text) is None


def clean_text(text: str) -> Cleaned:
    """``text`` without control, bidirectional and zero-width characters (see the module docstring)."""
    if _ANY_BAD.search(text) is None:  # the common case: one scan in C
        return Cleaned(text)
    control = set(_CONTROL.findall(text))
    invisible = set(_INVISIBLE.findall(text))
    return Cleaned(_ANY_BAD.sub("", text), _code_points(control), _code_points(invisible))


# --- printing data safely -----------------------------------------------------------------------

_UNPRINTABLE = re.compile(f"[\n\t{_CONTROL_CLASS}{_INVISIBLE_CLASS}]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` safe to print on one terminal line: control, bidi and invisible characters (and line
    breaks) become escapes such as ``\\x1b``, ``\\u202e``, ``\\n``."""
    return _UNPRINTABLE.sub(_escape, text)


# --- look-alike letters -------------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_SCRIPTS = (("cyrillic", _CYRILLIC), ("greek", _GREEK))
SCRIPT_LABELS = {"cyrillic": ("Kirin", "Cyrillic"), "greek": ("Hy Lạp", "Greek")}


def mixed_script(text: str) -> tuple[str, str] | None:
    """``(script, characters)`` when ``text`` mixes Latin letters with Cyrillic or Greek ones, else None.

    ``characters`` lists the foreign letters with their code points, e.g. ``"а (U+0430)"``.
    """
    if text.isascii() or not _LATIN.search(text):
        return None
    for script, pattern in _SCRIPTS:
        found = sorted(set(pattern.findall(text)))
        if found:
            return script, ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in found)
    return None


# Letters that look like Latin ones, mapped to them (decision numbers are compared in Latin).
_CONFUSABLES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
    # D with stroke and its look-alikes: Đ (U+0110) is the Vietnamese letter
    "Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ",
    # dashes and minus signs → hyphen-minus; slashes → solidus
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2043": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-", "\u02d7": "-",
    "\u2044": "/", "\u2215": "/", "\u29f8": "/", "\uff0f": "/",
})
_SPACE_OR_INVISIBLE = re.compile(f"[\\s{_INVISIBLE_CLASS}{_CONTROL_CLASS}]+")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def number_key(number: str) -> str:
    """The form a decision number is compared in: NFKC, look-alike letters and every dash mapped to
    their plain form, spaces and invisible characters removed, diacritics dropped, case folded."""
    text = unicodedata.normalize("NFKC", number).translate(_CONFUSABLES)
    text = _SPACE_OR_INVISIBLE.sub("", text).translate(_D_STROKE)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return text.casefold()


def has_lookalikes(number: str) -> str:
    """The characters of ``number`` that :func:`number_key` had to map (look-alikes, odd dashes), or ""."""
    found = sorted({ch for ch in number if ch.translate(_CONFUSABLES) != ch
                    or unicodedata.normalize("NFKC", ch) != ch and not ch.isspace()})
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in found)
