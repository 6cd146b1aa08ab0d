"""Personal data that must never be published (Decree 13/2023/NĐ-CP): field names and text patterns.

Name, position, unit and award are published as part of a public act; national ID numbers,
phone numbers, e-mail, home address and exact birth date are not.
"""

from __future__ import annotations

import re

from generator.text import fold

# Folded field names (and parts of them) that name personal data.
FORBIDDEN_FIELD_WORDS = {
    "cccd", "cmnd", "national_id", "id_number", "citizen_id", "so_cccd", "so_cmnd", "can_cuoc",
    "phone", "telephone", "mobile", "so_dien_thoai", "dien_thoai", "sdt",
    "email", "e_mail", "thu_dien_tu",
    "address", "home_address", "dia_chi", "noi_o", "thuong_tru", "tam_tru", "cho_o",
    "birth_date", "date_of_birth", "dob", "birthday", "ngay_sinh", "sinh_ngay",
    "ethnicity", "dan_toc", "religion", "ton_giao", "health", "criminal_record",
}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("pii_email", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    # +84 or 0, then 9 digits, optionally grouped by spaces, dots or dashes: 0912 345 678, +84 912.345.678
    ("pii_phone", re.compile(r"(?<![\w/+])(?<!\d[.,])(?:\+84|0084|0)[ .-]?(?:\d[ .-]?){8}\d(?![\w/])(?![.,]\d)")),
    # CMND (9 digits) or CCCD (12 digits) as a bare number
    ("pii_national_id", re.compile(r"(?<![\w/-])(?<!\d[.,])(?:\d{12}|\d{9})(?![\w/-])(?![.,]\d)")),
    # exact birth dates: "sinh ngày 12/3/1980", "sinh năm … ngày"
    ("pii_birth_date", re.compile(r"\bsinh\s+(?:ngay\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")),
    # home addresses: "trú tại", "thường trú", "địa chỉ: số 12 …", "số nhà"
    ("pii_address", re.compile(r"\b(?:tru tai|thuong tru|tam tru|noi o|dia chi nha|so nha)\b")),
]


def is_forbidden_field(name: str) -> bool:
    """True when a field name is personal data that must never be published."""
    key = fold(name).replace("-", "_").replace(" ", "_")
    return key in FORBIDDEN_FIELD_WORDS


def find_personal_data(text: str, allowed: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Return ``(code, matched text)`` for each personal-data pattern found in free ``text``.

    Snippets listed in ``allowed`` (a record's ``pii_allow``) were checked by a person and are skipped.
    """
    folded = fold(text)
    found = []
    for code, pattern in _PATTERNS:
        haystack = folded if code in ("pii_birth_date", "pii_address") else text
        for match in pattern.finditer(haystack):
            snippet = match.group(0).strip()
            if any(snippet in fold(a) or snippet in a for a in allowed):
                continue
            found.append((code, snippet))
    return found


# Recipient fields an office may choose not to publish (``hide_fields`` in mkdocs.yml). The name,
# the decision and the award are the public act itself and are always published, unless withdrawn.
HIDEABLE_FIELDS = ("position", "unit", "achievement", "cash_vnd", "gender", "category")
_WITHDRAWN_CLEARS = {"name": "", "position": None, "unit_text": None, "unit": None, "achievement": None,
                     "gender": None, "profile": None, "cash_vnd": None}


def publishable(recipient, hidden: frozenset[str] = frozenset()):
    """The recipient as it may be published: withdrawn people lose their details, hidden fields are
    cleared. Returns the same object when nothing changes (the common case, and the fast one)."""
    if recipient.withdrawn:
        return recipient.model_copy(update=_WITHDRAWN_CLEARS)
    if not hidden:
        return recipient
    update = {field: None for field in hidden if field != "unit"}
    if "unit" in hidden:
        update.update(unit=None, unit_text=None)
    return recipient.model_copy(update=update)
