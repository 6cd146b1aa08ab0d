"""Personal data that must never be published: field names, and a detector for free text.

Legal frame. Since 1 January 2026 personal data is governed by the Law on Personal Data Protection
(Luật Bảo vệ dữ liệu cá nhân) **91/2025/QH15** and **Decree 356/2025/NĐ-CP**, which repealed Decree
13/2023/NĐ-CP (that decree still governs data processed before 2026). A decision is a public
administrative act, so the name, position, unit and award of a recipient are published (Law on
Emulation and Commendation 2022 Art. 5(2)(a); PDP Law Art. 19(1)(c)). Never published:

* basic personal data (Decree 356 Art. 3) beyond that: phone numbers, e-mail addresses, home address,
  exact birth date or year, national ID numbers (CMND 9 digits, CCCD / căn cước / số định danh 12
  digits), passport, tax-code, social-insurance and bank-account numbers;
* sensitive personal data (Decree 356 Art. 4) at person level: ethnicity, religion or belief, political
  views, health, biometric and genetic data, sexual life or orientation, criminal records, location,
  ID-card images, bank and financial data.

The detector first *normalises* the text — NFKC (full-width digits and ＠ become ASCII), other digit
scripts to ASCII, diacritics folded, look-alike letters mapped, zero-width characters dropped, every
dash to ``-``, whitespace runs to one space, ``[at]``/``(at)``/`` @ `` to ``@`` — and keeps a map back to
the original, so a finding quotes the text exactly as written. It is tuned to stay quiet on ordinary
award text: decision numbers (``1234/QĐ-UBND``), dates of decisions, money (``1.170.000 đồng``), years,
article numbers and percentages are not personal data. ``pii_allow`` on a record lets a checked false
positive through.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
import unicodedata
from typing import Callable, Iterable, NamedTuple

from generator.text import fold

# --- field names ---------------------------------------------------------------------------------

# Folded field names (joined by "_") that name personal data. A field is refused when its name *contains*
# one of these as whole words: "so_ho_chieu" contains "ho_chieu", "anh_cccd_mat_truoc" contains "cccd".
FORBIDDEN_FIELD_WORDS = {
    # identity numbers and documents (Decree 356 Art. 3; ID-card images: Art. 4)
    "cccd", "cmnd", "cmt", "national_id", "id_number", "citizen_id", "so_cccd", "so_cmnd", "can_cuoc",
    "dinh_danh", "so_dinh_danh", "id_card", "anh_cccd", "anh_cmnd", "id_card_image", "id_photo",
    "ho_chieu", "passport", "so_ho_chieu",
    "ma_so_thue", "mst", "tax_code", "tax_id", "tax_number",
    "bhxh", "so_bhxh", "bhyt", "so_bhyt", "bao_hiem_xa_hoi", "bao_hiem_y_te", "social_insurance",
    "health_insurance",
    # bank and financial data
    "tai_khoan", "so_tai_khoan", "stk", "bank_account", "account_number", "iban", "ngan_hang", "bank",
    "the_tin_dung", "credit_card",
    # contact data
    "phone", "telephone", "mobile", "so_dien_thoai", "dien_thoai", "sdt", "zalo",
    "email", "e_mail", "thu_dien_tu",
    "address", "home_address", "dia_chi", "noi_o", "thuong_tru", "tam_tru", "cho_o", "cu_tru", "hktt",
    "ho_khau", "que_quan", "nguyen_quan", "noi_sinh", "place_of_birth",
    # birth
    "birth_date", "date_of_birth", "dob", "birthday", "ngay_sinh", "sinh_ngay", "nam_sinh", "sinh_nam",
    "year_of_birth", "birth_year",
    # sensitive data (Decree 356 Art. 4)
    "ethnicity", "ethnic", "race", "dan_toc", "chung_toc",
    "religion", "ton_giao", "tin_nguong", "belief",
    "quan_diem_chinh_tri", "chinh_kien", "political_views", "political_opinion", "dang_phai",
    "health", "suc_khoe", "benh_an", "benh_ly", "medical", "khuyet_tat", "disability",
    "sinh_trac", "sinh_trac_hoc", "biometric", "biometrics", "van_tay", "fingerprint", "khuon_mat",
    "face_id", "mong_mat", "iris", "di_truyen", "genetic", "dna",
    "xu_huong_tinh_duc", "doi_song_tinh_duc", "sexual_orientation", "sex_life", "tinh_duc",
    "criminal_record", "tien_an", "tien_su", "an_tich", "ly_lich_tu_phap",
    "vi_tri", "location", "gps", "toa_do", "coordinates", "latitude", "longitude", "kinh_do", "vi_do",
    "hon_nhan", "marital_status", "doi_tu",
}


def is_forbidden_field(name: str) -> bool:
    """True when a field name is, or contains as whole words, a name of personal data."""
    words = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_").split("_")
    key = "_".join(words)
    if key in FORBIDDEN_FIELD_WORDS:
        return True
    for size in range(1, min(len(words), 4) + 1):
        for start in range(len(words) - size + 1):
            if "_".join(words[start:start + size]) in FORBIDDEN_FIELD_WORDS:
                return True
    return False


# --- normalisation with a map back to the original -----------------------------------------------

_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e")
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d\u02d7")
_LOOKALIKES = {  # Cyrillic and Greek letters that pass for Latin ones, and the D-with-stroke family
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "α": "a", "β": "b", "ε": "e", "ζ": "z",
    "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "y", "χ": "x",
    "ð": "d", "ɖ": "d", "đ": "d",
}


def _fold_char(ch: str) -> str:
    if ch in _ZERO_WIDTH or unicodedata.combining(ch):
        return ""
    if ch in _DASHES:
        return "-"
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
        return " "
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.decimal(ch))
    out = []
    for part in unicodedata.normalize("NFKC", ch):
        part = part.lower()
        part = _LOOKALIKES.get(part, part)
        for base in unicodedata.normalize("NFD", part):
            if not unicodedata.combining(base):
                out.append(_LOOKALIKES.get(base, base))
    return "".join(out).casefold()


class _FoldTable(dict):
    """``str.translate`` table computed one code point at a time, then served from C."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()


class _Norm:
    """Normalised text and, when asked for, the original span of every normalised character."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, original: str, mapped: bool):
        if not mapped:
            self.text, self.starts, self.ends = original.translate(_TABLE), None, None
        else:
            chars, starts, ends = [], [], []
            for index, ch in enumerate(original):
                for out in _TABLE[ord(ch)]:
                    chars.append(out)
                    starts.append(index)
                    ends.append(index + 1)
            self.text, self.starts, self.ends = "".join(chars), starts, ends
        for pattern, replacement, triggers in _REWRITES:
            if any(trigger in self.text for trigger in triggers):
                self._sub(pattern, replacement)

    def _sub(self, pattern: re.Pattern[str], replacement: str) -> None:
        if self.starts is None:
            self.text = pattern.sub(replacement, self.text)
            return
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            a, b = match.span()
            chars.append(self.text[last:a])
            starts += self.starts[last:a]
            ends += self.ends[last:a]
            if replacement and b > a:
                chars.append(replacement)
                starts += [self.starts[a]] * len(replacement)
                ends += [self.ends[b - 1]] * len(replacement)
            last = b
        chars.append(self.text[last:])
        starts += self.starts[last:]
        ends += self.ends[last:]
        self.text, self.starts, self.ends = "".join(chars), starts, ends

    def span(self, a: int, b: int) -> tuple[int, int]:
        assert self.starts is not None and self.ends is not None
        return self.starts[a], self.ends[b - 1]


# (pattern, replacement, words that must be present for the pattern to apply: a cheap pre-check)
_REWRITES: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r" {2,}"), " ", ("  ",)),
    (re.compile(r" ?[\[({<] ?(?:at|a|a cong) ?[\])}>] ?"), "@", ("at", "a)", "a]", "cong")),  # "a [at] b", "a (a) b"
    (re.compile(r" ?@ ?"), "@", ("@",)),
    (re.compile(r" ?[\[({<] ?(?:dot|cham) ?[\])}>] ?"), ".", ("dot", "cham")),
    # "nguyenvana at gmail dot com", "… a còng gmail chấm com": spelled out between a name and a domain
    (re.compile(r" (?:dot|cham) (?=(?:com|net|org|edu|gov|info|biz|vn|io|me)\b)"), ".", ("dot", "cham")),
    (re.compile(r"(?<=[a-z0-9]) (?:at|a cong) (?=[a-z0-9-]{2,63}\.[a-z]{2,6}\b)"), "@", ("at", "cong")),
    # "O912 345 678", "09l2…": a letter O, l or I written for a digit inside a number
    (re.compile(r"(?<![a-z0-9])o(?=\d{2})|(?<=\d)o(?=\d)"), "0", ("o",)),
    (re.compile(r"(?<=\d)[li](?=\d)"), "1", ("l", "i")),
    # "(84) 912…", "(0236) 3.812.345": a bracketed dialling prefix
    (re.compile(r"\((?=\+?\d{1,4}\))"), "", ("(",)),
    (re.compile(r"(?<=\d)\)(?= ?\d)"), " ", (")",)),
    (re.compile(r" {2,}"), " ", ("  ",)),
]


def normalise(text: str) -> str:
    """The text the detector reads: folded, ASCII digits, one space between words (see module doc)."""
    return _Norm(text, mapped=False).text


# --- the detector --------------------------------------------------------------------------------


class Finding(NamedTuple):
    """One piece of personal data: its message code, the text as written, and where it is."""

    code: str
    snippet: str
    start: int
    end: int


PII_CODES = ("pii_phone", "pii_national_id", "pii_passport", "pii_tax_code", "pii_social_insurance",
             "pii_bank_account", "pii_email", "pii_address", "pii_birth_date", "pii_sensitive", "pii_vehicle_plate")

_GAP = r"(?![a-z])[^\d@]{0,24}?"  # the label ends a word; a few words may follow: "CCCD của ông số: …"
_NUMBER = r"(?P<v>\+?\d(?:[ ./-]{0,2}\d){%d,%d})(?![\d])"
_B = r"(?<![a-z0-9])"  # word start in normalised text

_KEYWORD_NUMBERS: list[tuple[str, re.Pattern[str], int, int]] = [
    # (code, pattern, minimum digits, maximum digits)
    ("pii_national_id", re.compile(
        _B + r"(?:cccd|cmnd|cmt|can cuoc(?: cong dan)?|chung minh (?:nhan dan|thu)|(?:so )?dinh danh(?: ca nhan)?"
        r"|national id|citizen id|id card|identity card)" + _GAP + _NUMBER % (8, 13)), 9, 12),
    ("pii_passport", re.compile(
        _B + r"(?:ho chieu|passport)" + _GAP + r"(?P<v>[a-z]{1,2} ?\d{6,8}|\d{8,9})(?![a-z0-9])"), 0, 99),
    ("pii_tax_code", re.compile(
        _B + r"(?:ma so thue|mst|tax code|tax id|tax number)" + _GAP + _NUMBER % (9, 14)), 10, 13),
    ("pii_social_insurance", re.compile(
        _B + r"(?:bhxh|bhyt|bao hiem xa hoi|bao hiem y te|social insurance|health insurance)" + _GAP
        + r"(?P<v>[a-z]{2} ?\d(?:[ .-]?\d){12}|\d(?:[ .-]?\d){9})(?![a-z0-9])"), 0, 99),
    ("pii_bank_account", re.compile(
        _B + r"(?:stk|so tai khoan|tai khoan|so tk|tk so|tk:|account(?: number| no)?|acct|iban)"
        + r"(?![a-z])[^\d@]{0,40}?" + _NUMBER % (5, 24)), 6, 19),
    ("pii_phone", re.compile(
        _B + r"(?:dien thoai|sdt|so dt|dt di dong|dtdd|dt ?[:.]|di dong|tel|phone|mobile|hotline|zalo)"
        + _GAP + _NUMBER % (6, 14)), 7, 13),
]
_BANKS = (r"ngan hang|vietcombank|vietinbank|bidv|agribank|techcombank|mb ?bank|acb|vpbank|sacombank|tpbank"
          r"|shb|hdbank|vib|ocb|msb|seabank|eximbank|lpbank|lienvietpostbank|scb|abbank|nam ?a ?bank"
          r"|baovietbank|kienlongbank|pvcombank|oceanbank|vietabank|bac a bank|ncb|pgbank|saigonbank"
          r"|vietbank|gpbank|cbbank|dong a bank|bank")
_ACCOUNT_AT_BANK = re.compile(r"(?<![\d.-])(?P<v>\d(?:[ .-]?\d){7,18})(?!\d)[ ,]{0,2}(?:tai |o |- )?(?:" + _BANKS + r")\b")
_BANK_WORD = re.compile(r"\b(?:" + _BANKS + r")\b")
_TREASURY = re.compile(r"[ ,]*(?:tai |o )?kho bac")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_RUN = re.compile(r"(?<![\w+.,/-])\+?\d+(?:(?: ?[./-] ?| )\d+)*")
_CHUNK = re.compile(r"\+?\d+(?: ?[./-] ?\d+)*")
_DATE_CHUNK = re.compile(r"\d{1,2} ?[./-] ?\d{1,2} ?[./-] ?\d{2,4}|\d{4} ?[./-] ?\d{1,2} ?[./-] ?\d{1,2}"
                         r"|\d{4} ?- ?\d{4}|\d{1,2} ?[/-] ?\d{4}")
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?: \d{3})+")
_PHONE = re.compile(r"0[1-9]\d{8}|0[12]\d{9}")

_DAY_MONTH_YEAR = (r"\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}|(?:mong |mung )?\d{1,2} thang (?:\d{1,2}|gieng|chap),? nam \d{4}"
                   r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2} [a-z]{3,9},? \d{4}|[a-z]{3,9} \d{1,2},? \d{4}")
_BIRTH = [
    re.compile(_B + r"(?P<k>sinh ngay|ngay sinh|ngay thang nam sinh|sinh|sn|d\.?o\.?b\.?|date of birth|born(?: on)?)"
               r" ?:? ?(?:ngay )?(?:" + _DAY_MONTH_YEAR + r")(?!\d)"),
    re.compile(_B + r"(?P<k>sinh nam|nam sinh|sinh thang|sn|born in|year of birth|birth year) ?:? ?"
               r"(?:\d{1,2} ?[/.-] ?|\d{1,2},? nam )?(?:19|20)\d{2}(?!\d)"),
]
_NUMBER_WORD = r"(?:khong|mot|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|muoi|tram|nghin|ngan|linh|le|mong|mung|gieng|chap)"
# "sinh ngày mười hai tháng ba năm một nghìn chín trăm tám mươi", "sinh năm một chín bảy lăm"
_BIRTH_IN_WORDS = re.compile(_B + r"(?P<k>sinh ngay|ngay sinh|sinh nam|nam sinh|sinh) ?:? ?" + _NUMBER_WORD
                             + r"(?: (?:" + _NUMBER_WORD + r"|thang|nam|ngay)){2,}(?![a-z])")
# "hy sinh năm 1968", "học sinh năm 2024", "phát sinh ngày …" are not birth dates
_NOT_BIRTH_BEFORE = {"hy", "hoc", "thi", "nu", "nam", "giao", "ve", "phat", "tai", "san", "nay", "dan", "an",
                     "hoi", "sieu", "ky", "luu", "tu", "moi", "cong", "tri", "truc", "tan", "sac"}
_ADDRESS = re.compile(
    _B + r"(?P<k>dia chi(?: (?:nha(?: rieng| o)?|thuong tru|tam tru|cu tru|noi o|rieng|gia dinh|lien lac|lien he))?"
    r"|tru tai|tru quan|thuong tru (?:tai|o)\b|tam tru (?:tai|o)\b|thuong tru(?= ?:)|tam tru(?= ?:)"
    r"|noi o(?: hien nay| hien tai)?(?= ?:| tai\b)|cho o(?: hien nay| hien tai)?(?= ?:| tai\b)|ngu tai|ngu o\b"
    r"|song tai|hktt|ho khau(?= ?:| tai\b| thuong tru)|que quan|nguyen quan|noi sinh(?= ?:)|so nha(?= ?:? ?\d)"
    r"|home address|residing at|lives at)(?P<colon> ?:)?")
# "đời sống tại", "môi trường sống tại", "lưu trú tại" (a hotel) are not home addresses
_NOT_ADDRESS_BEFORE = {"doi", "cuoc", "nep", "truong", "luong", "kien", "gian", "luu", "chat"}
# "địa chỉ nhà, ngày sinh", "không ghi quê quán và …": the label is named, no address follows it
_ADDRESS_FOLLOWS = re.compile(r" (?:(?:la|o|tai|so) )?(?!(?:va|hay|hoac|cua|khong|cung|thi|de|duoc|nhu|cac|nhung"
                              r"|mot|voi|tu|nguoi|ngay|nam|so dien thoai|dien thoai|email|thu|the|nay|do|rieng|nao)\b)"
                              r"[a-z0-9]")


_PLACE_FOLLOWS = re.compile(r" (?:(?:la|o|tai) )?(?:so )?(?:\d|(?:thon|ap|xom|ban|buon|lang|to|khu|khom|duong|pho|ngo"
                            r"|ngach|hem|kiet|phuong|xa|thi tran|quan|huyen|thi xa|tinh|thanh pho|tp|khoi|cum|chung cu"
                            r"|can ho|phong|lo|block|tang|p\.|q\.)\b)")


def _address_end(norm: str, match: re.Match[str]) -> int | None:
    """End of the address a label introduces, or None when no address follows the label."""
    follows = _PLACE_FOLLOWS if match.group("k") == "dia chi" else _ADDRESS_FOLLOWS  # "địa chỉ mới" is a URL
    if not match.group("colon") and not follows.match(norm, match.end()):
        return None
    if match.group("colon") and not re.match(r" ?[a-z0-9]", norm[match.end():match.end() + 2]):
        return None
    return _clause(norm, match.start(), match.end() + 2)


# "Đ/c: 12 Lê Lợi" (but "Đ/c Nguyễn Văn A" is a comrade), "12/3 Nguyễn Trãi, P.5, Q.3", "số 5, ngõ 3, phố Huế";
# a house number is followed by a space ("DC5_$wU3o", an encoded run, is not an address)
_STREET_NUMBER = r"(?:k|so |nha so )?\d{1,4}[a-z]?(?:/\d{1,4}[a-z]?){0,2}"
_ADDRESS_SHAPES = re.compile(
    _B + r"(?:d/c|dc) ?:? ?(?:so )?\d{1,5}[a-z]?(?:/\d{1,4}[a-z]?){0,2}(?=,? )[^,;.()]{0,40}"
    r"|" + _B + _STREET_NUMBER + r",? (?:[a-z]+ ){0,4}[a-z]+, ?(?:p|q|tp)\. ?[a-z0-9]"
    r"|" + _B + _STREET_NUMBER + r",? (?:ngo|hem|kiet|ngach) \d{1,4}")
# licence plates: 51F-123.45, 29A-12345, 43C1-234.56, 59-X1 123.45; with a label, looser
_PLATE_SHAPE = r"\d{2} ?-? ?[a-z]{1,2}\d? ?[- ] ?(?:\d{3}\.\d{2}|\d{4,5})(?!\d|\.\d)"
_PLATE = re.compile(_B + r"(?:(?:bien so(?: xe)?|bien kiem soat|bks|xe)\b ?:? ?)?(?P<v>" + _PLATE_SHAPE + r")")
_PLATE_LABEL = re.compile(_B + r"(?:bien so(?: xe)?|bien kiem soat|bks) ?:? ?\d{2} ?-? ?[a-z]{1,2}\d? ?[- .]? ?\d{3,5}"
                          r"(?:\.\d{2})?(?!\d)")
# a phone number spelled out: "không chín một hai ba bốn năm sáu bảy tám"
_DIGIT_WORD = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)"
_SPELLED_PHONE = re.compile(_B + r"khong(?:[ ,.-]{1,2}" + _DIGIT_WORD + r"){8,11}(?![a-z])")
_ETHNIC_GROUPS = (r"kinh|tay|thai|muong|khmer|khome|hoa|nung|h ?mong|mong|dao|gia ?rai|e ?de|ba ?na|xo ?dang|san chay"
                  r"|co ho|cham|san diu|h ?re|ra ?glai|m ?nong|x ?tieng|bru(?: van kieu)?|van kieu|giay|co tu"
                  r"|gie trieng|kho mu|ta oi|cho ro|khang|xinh mun|ha nhi|chu ru|la chi|la ha|phu la|la hu|lo lo"
                  r"|chut|pa then|co lao|bo y|si la|pu peo|brau|o du|ro mam")
# sensitive data stated of a person, not of a programme: "dân tộc Kinh" after a comma or "người", "bị ung thư"
_SENSITIVE_PHRASES = re.compile(
    r"(?:(?:^|[,;(:]) ?|(?<![a-z])(?:nguoi|la) )(?P<e>dan toc (?:" + _ETHNIC_GROUPS + r"))(?![a-z])"
    r"|(?<![a-z])(?<!nguoi )(?<!cho )(?P<h>(?:bi|mac|nhiem|mac phai|dang dieu tri) (?:benh|ung thu|hiv|aids|tam than"
    r"|viem gan|tieu duong|dot quy|tai bien|lao phoi|suy than)[a-z ]{0,24})"
    r"|(?<![a-z])(?P<r>(?:theo|tin) dao (?:phat|thien chua|cong giao|tin lanh|hoi|cao dai|hoa hao|islam))(?![a-z])")
_SENSITIVE = re.compile(
    r"(?:^|[,;.(\[]|: | - )\s*(?P<k>dan toc|ton giao|tin nguong|nhom mau|tinh trang suc khoe|suc khoe|benh an"
    r"|benh ly|tien an|tien su|an tich|quan diem chinh tri|xu huong tinh duc|khuyet tat|vi tri hien tai|toa do gps)"
    r" ?:"
    r"|(?P<b>nhom mau ?:? ?(?:ab|a|b|o)\b[+-]?)|(?P<c>tien an,? tien su)")
_ANY_DIGIT = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[,;.()\[\]\n]| - ")


def _name_before(original: str, norm: "_Norm", index: int) -> bool:
    """True when the two words before normalised position ``index`` are capitalised in ``original``:
    "… Thành An sinh năm 1980" is a name, "an sinh", "Học sinh" are not."""
    words = norm.text[:index].split()[-2:]
    if len(words) < 2 or norm.starts is None:
        return False
    end = index
    capitals = 0
    for word in reversed(words):
        start = norm.text.rfind(word, 0, end)
        first = original[norm.starts[start]] if start >= 0 else ""
        capitals += first.isupper()
        end = start
    return capitals == 2


def _before_word(text: str, index: int) -> str:
    start = text.rfind(" ", 0, max(index - 1, 0)) + 1
    return text[start:index].strip()


def _clause(text: str, start: int, at_least: int, limit: int = 48) -> int:
    """End of the clause from ``start``: the next comma or full stop after ``at_least``, at most ``limit``."""
    end = min(len(text), start + max(limit, at_least - start))
    match = _CLAUSE_END.search(text, at_least, end)
    return match.start() if match else end


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _is_phone(chunks: list[str]) -> bool:
    joined = " ".join(chunks)
    if any(_DATE_CHUNK.fullmatch(chunk) for chunk in chunks) or _AMOUNT.fullmatch(joined):
        return False
    digits = _digits(joined)
    plus = joined.startswith("+")
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and (plus or (len(digits) == 11 and digits[2] in "35789")
                                      or (len(digits) == 12 and digits[2] == "2")):
        digits = "0" + digits[2:]
    elif plus:
        return False
    return bool(_PHONE.fullmatch(digits))


def _is_national_id(chunks: list[str]) -> bool:
    joined = " ".join(chunks)
    if any(_DATE_CHUNK.fullmatch(chunk) for chunk in chunks) or _AMOUNT.fullmatch(joined) or "+" in joined:
        return False
    digits = _digits(joined)
    if len(chunks) == 1 and digits == joined:
        return len(digits) in (9, 12)  # a bare CMND or CCCD number
    return len(digits) == 12 and digits[0] == "0"  # CCCD numbers start with a province code 001–096


_RUN_DIGITS = frozenset({9, 10, 11, 12, 13})  # CMND 9, phones 10–11 (+84, 0084: up to 13), CCCD 12


def _number_runs(text: str) -> Iterable[tuple[str, int, int]]:
    """Phone and ID numbers written without a label: runs of digit groups, split where words intervene."""
    for run in _RUN.finditer(text):
        chunks = [(m.group(0), run.start() + m.start(), run.start() + m.end()) for m in _CHUNK.finditer(run.group(0))]
        after = text[run.end():run.end() + 2]
        if re.match(r"[/-]?[a-z]", after):  # "1234/QĐ-UBND", "12A1": the last group belongs to a code
            chunks = chunks[:-1]
        prefix = [0]
        for chunk in chunks:
            prefix.append(prefix[-1] + sum(ch.isdigit() for ch in chunk[0]))
        i = 0
        while i < len(chunks):
            if prefix[min(len(chunks), i + 6)] - prefix[i] < 9:
                i += 1
                continue
            for j in range(min(len(chunks), i + 6), i, -1):
                if prefix[j] - prefix[i] not in _RUN_DIGITS:
                    continue
                group = [c[0] for c in chunks[i:j]]
                code = "pii_phone" if _is_phone(group) else "pii_national_id" if _is_national_id(group) else None
                if code:
                    yield code, chunks[i][1], chunks[j - 1][2]
                    i = j
                    break
            else:
                i += 1


def _detect(norm: str, is_name: Callable[[int], bool] | None = None) -> list[tuple[str, int, int, int]]:
    """Findings as ``(code, start, end, priority)`` in normalised text; lower priority wins overlaps.

    ``is_name(i)`` says whether the words before position ``i`` are a person's name as written
    ("Nguyễn Thành An sinh năm 1980", not "an sinh"); without it a doubtful case counts as a finding,
    and the caller checks again with the original text at hand.
    """
    found: list[tuple[str, int, int, int]] = []
    if _ANY_DIGIT.search(norm):
        for code, pattern, low, high in _KEYWORD_NUMBERS:
            for match in pattern.finditer(norm):
                digits = _digits(match.group("v"))
                if code == "pii_phone" and digits.startswith(("1800", "1900")):
                    continue  # a hotline, not a person's number
                if low <= len(digits) <= high:
                    found.append((code, match.start(), match.end(), 0))
        if _BANK_WORD.search(norm):
            for match in _ACCOUNT_AT_BANK.finditer(norm):
                found.append(("pii_bank_account", match.start("v"), match.end(), 0))
        # a public body's account at the State Treasury is not personal data
        found = [f for f in found if f[0] != "pii_bank_account" or not _TREASURY.match(norm, f[2])]
        for code, start, end in _number_runs(norm):
            found.append((code, start, end, 2))
        for pattern in _BIRTH:
            for match in pattern.finditer(norm):
                if match.group("k").startswith("sinh") and _before_word(norm, match.start()) in _NOT_BIRTH_BEFORE \
                        and is_name is not None and not is_name(match.start()):
                    continue
                found.append(("pii_birth_date", match.start(), match.end(), 9))
    if "@" in norm:
        for match in _EMAIL.finditer(norm):
            found.append(("pii_email", match.start(), match.end(), 1))
    for match in _ADDRESS.finditer(norm):
        if match.group("k").startswith(("song", "tru tai")) and _before_word(norm, match.start()) in _NOT_ADDRESS_BEFORE:
            continue
        end = _address_end(norm, match)
        if end is not None:
            found.append(("pii_address", match.start(), end, 9))
    if _ANY_DIGIT.search(norm):
        for match in _ADDRESS_SHAPES.finditer(norm):
            found.append(("pii_address", match.start(), _clause(norm, match.start(), match.end(), 64), 9))
        for match in itertools.chain(_PLATE.finditer(norm), _PLATE_LABEL.finditer(norm)):
            found.append(("pii_vehicle_plate", match.start(), match.end(), 1))
    if "khong" in norm:
        for match in _SPELLED_PHONE.finditer(norm):
            found.append(("pii_phone", match.start(), match.end(), 0))
    if "sinh" in norm:
        for match in _BIRTH_IN_WORDS.finditer(norm):
            if not (match.group("k").startswith("sinh") and _before_word(norm, match.start()) in _NOT_BIRTH_BEFORE):
                found.append(("pii_birth_date", match.start(), match.end(), 9))
    for match in _SENSITIVE_PHRASES.finditer(norm):
        group = next(g for g in "ehr" if match.group(g))
        found.append(("pii_sensitive", match.start(group), match.end(group), 9))
    for match in _SENSITIVE.finditer(norm):
        group = "k" if match.group("k") else "b" if match.group("b") else "c"
        start = match.start(group)
        end = _clause(norm, start, match.end(group), 32) if group == "k" else match.end(group)
        found.append(("pii_sensitive", start, end, 9))
    return _resolve(found)


def _resolve(found: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
    """Numbers are reported once: a labelled number beats the same digits read as a bare number, an
    e-mail address beats the digits inside it. Addresses, birth dates and sensitive data never clash
    with numbers; overlapping findings of one of those kinds are reported once."""
    kept: list[tuple[str, int, int, int]] = []
    starts: list[int] = []  # accepted number findings never overlap: sorted by start, bisect to check
    spans: list[tuple[int, int]] = []
    for finding in sorted((f for f in found if f[3] < 9), key=lambda f: (f[3], -(f[2] - f[1]), f[1])):
        _, start, end, _ = finding
        at = bisect.bisect_left(starts, start)
        if (at < len(spans) and spans[at][0] < end) or (at and spans[at - 1][1] > start):
            continue
        starts.insert(at, start)
        spans.insert(at, (start, end))
        kept.append(finding)
    last_end: dict[str, int] = {}
    for finding in sorted((f for f in found if f[3] >= 9), key=lambda f: (f[1], -(f[2] - f[1]))):
        code, start, end, _ = finding
        if start < last_end.get(code, -1):
            continue
        last_end[code] = end
        kept.append(finding)
    return sorted(kept, key=lambda f: (f[1], f[0]))


def _findings(text: str) -> tuple[Finding, ...]:
    if not text:
        return ()
    return _findings_cached(text) if len(text) <= 2048 else _findings_uncached(text)


@functools.lru_cache(maxsize=65536)
def _findings_cached(text: str) -> tuple[Finding, ...]:
    return _findings_uncached(text)


def _findings_uncached(text: str) -> tuple[Finding, ...]:
    quick = _Norm(text, mapped=False)
    if not _detect(quick.text):
        return ()
    norm = _Norm(text, mapped=True)
    out = []
    for code, a, b, _ in _detect(norm.text, functools.partial(_name_before, text, norm)):
        start, end = norm.span(a, b)
        if code == "pii_birth_date" and text.startswith("Sinh", start) and _name_before(text, norm, a):
            continue  # "Ông Lê Văn Sinh năm 2024 …": a man named Sinh, not a birth year
        if start and text[start - 1] == "(" and text.count(")", start, end) > text.count("(", start, end):
            start -= 1  # "(84) 912 345 678": the bracket was dropped while reading
        snippet = text[start:end].strip(" \t\n,;:.")
        if snippet:
            out.append(Finding(code, snippet, start, end))
    return tuple(out)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9@]+", "", normalise(text))


@functools.lru_cache(maxsize=4096)
def _allowed_forms(allowed: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_compact(a) for a in allowed)


def _is_allowed(snippet: str, allowed: tuple[str, ...]) -> bool:
    """A snippet is allowed when an entry of ``pii_allow`` contains it, compared as written or with
    case, diacritics, spaces and punctuation ignored ("0912.345.678" allows "0912 345 678")."""
    if not allowed:
        return False
    if any(snippet in a for a in allowed):
        return True
    compact = _compact(snippet)
    return bool(compact) and any(compact in a for a in _allowed_forms(allowed))


def find_personal_data_spans(text: str, allowed: Iterable[str] = ()) -> list[Finding]:
    """Every piece of personal data in free ``text``, with its position in ``text``.

    Snippets contained in one of ``allowed`` (a record's ``pii_allow``, checked by a person) are skipped.
    """
    allowed = tuple(allowed)
    return [f for f in _findings(text) if not _is_allowed(f.snippet, allowed)]


def find_personal_data(text: str, allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``(code, snippet as written)`` for each piece of personal data in free ``text``.

    The one detector for record fields; ``code`` is one of :data:`PII_CODES`.
    """
    return [(f.code, f.snippet) for f in find_personal_data_spans(text, allowed)]


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# after the space or quote that ends the previous attribute (a class of characters first: twice as fast as \b)
_TEXT_ATTRIBUTE = re.compile(r"""[\s"'](?:alt|title|content|aria-label|value)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _quick_fold_table() -> dict[int, str]:
    """Latin letters with marks → base letter, đ → d, other digit scripts → ASCII digits (one C call)."""
    table = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)) + list(range(0xFF10, 0xFF1A)):
        ch = chr(code)
        if unicodedata.category(ch)[0] == "N" and unicodedata.digit(ch, None) is not None:
            table[code] = str(unicodedata.digit(ch))
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base != ch:
            table[code] = base
    table[ord("đ")], table[ord("Đ")], table[ord("＠")] = "d", "D", "@"
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD):  # invisible characters inside a number
        table[code] = None
    return table


_QUICK_FOLD = _quick_fold_table()
# Before the detector reads a line of a built file, a cheap test: lines with no long run of digits (bare
# dates excepted), no e-mail sign and no label of the non-numeric patterns hold no personal data for it.
_QUICK_DIGITS = re.compile(r"\d(?:[\s.()/+\-\u2010-\u2015]{0,3}\d){8,}")  # 9 digits or more: a bare number
_QUICK_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+Z?)?|\d{1,2}/\d{1,2}/\d{4}")
# words as they read after folding, each surrounded by spaces (a whole word) or not (a word start)
_QUICK_WORDS = tuple(
    " sinh | sn | dob | d o b | born | birth | dia chi | tru | ngu tai | ngu o | song tai | hktt | ho khau | que quan "
    "| nguyen quan | noi o | cho o | so nha | address| residing | lives at | dan toc | ton giao | tin nguong | nhom mau "
    "| suc khoe | benh an | benh ly | tien an | tien su | an tich | chinh tri | tinh duc | khuyet tat | vi tri hien tai "
    "| gps | cccd| cmnd| cmt | can cuoc | chung minh | dinh danh | id | identity| ho chieu | passport| ma so thue | mst "
    "| tax| bhxh| bhyt| bao hiem | insurance| stk | tai khoan | tk | account| acct | iban| dien thoai | sdt | dt | so dt"
    "| dtdd | di dong | tel | phone| mobile| hotline| zalo| ngan hang | bank| at | a | a cong | dot | cham | khong "
    "| d c | dc | p | q | tp | ngo | hem | kiet | ngach | bien so | bien kiem soat | bks | xe | mac | bi benh | nhiem "
    "| ung thu | theo dao | tin dao ".split("|"))
# a number with a letter for a digit ("O912…", "09l2…"), a licence plate ("51F-123.45")
_QUICK_SHAPES = re.compile(r"\d[oli]\d|(?<![a-z0-9])o\d{2}|\d{2} ?-? ?[a-z]{1,2}\d? ?[- ] ?\d{3}")
_QUICK_SPACES = re.compile(r"[^a-z0-9@]+")
# the same test as ``any(word in words for word in _QUICK_WORDS)``, in one pass of the regex engine
_QUICK_WORD_SEARCH = re.compile("|".join(re.escape(word) for word in _QUICK_WORDS)).search


@functools.lru_cache(maxsize=262_144)  # table cells and CSV fields repeat across thousands of rows
def might_hold_personal_data(line: str) -> bool:
    """False only when the detector cannot find anything in ``line`` (a fast pre-check for built files)."""
    folded = line.translate(_QUICK_FOLD).lower()
    if any(not _QUICK_DATE.fullmatch(run.group(0)) for run in _QUICK_DIGITS.finditer(folded)):
        return True
    if "@" in folded or "(at)" in folded or "[at]" in folded or _QUICK_SHAPES.search(folded):
        return True
    words = " " + _QUICK_SPACES.sub(" ", folded) + " "
    return _QUICK_WORD_SEARCH(words) is not None


# A field boundary: a line break, a quote beside "," or ":", or a comma except between two digits or
# before a space. Every branch starts with one of \n " , so the engine skips other positions quickly.
_DATA_FIELDS = re.compile(r'\n|"[,:]"?|,(?:"|(?<=[^\d ],)(?=[^ ])|(?<=\d,)(?=[^\d ]))')


_PART_BOUNDARY = re.compile(r"<[^>]*>|\n| \| ")


def _script_text(match: re.Match[str]) -> str:
    return f" | {match.group(3)} | " if "ld+json" in match.group(2).lower() else " | "


class OutputScanner:
    """The detector over built files (HTML, CSV, JSON, XML), reading each distinct part once.

    A built site repeats the same cells, names and labels across thousands of files; a part found clean
    is remembered (up to ``memory`` parts) and passed over in the next file, so the whole site is read
    at the speed of splitting it. ``allowed`` as for :func:`find_personal_data`.
    """

    def __init__(self, allowed: Iterable[str] = (), memory: int = 1_000_000):
        self.allowed = tuple(allowed)
        self.memory = memory
        self.clean: set[str] = set()

    def scan(self, text: str, markup: bool | None = None) -> list[tuple[str, str]]:
        """``(code, snippet)`` per finding in ``text``, in the order they stand in it.

        With ``markup`` (guessed from the text when None) the text of the page is read — tags, scripts and
        styles dropped, ``alt``/``title``/``content``/``aria-label``/``value`` attributes and JSON-LD kept,
        entities decoded — and every tag boundary ends a part, so table cells are not read as one long
        number; CSV and JSON are read a field at a time.
        """
        if markup is None:
            head = text[:2048].lower()
            markup = "<html" in head or "<!doctype" in head or "<?xml" in head or "</" in head
        if markup:
            text = _SCRIPT_OR_STYLE.sub(_script_text, _COMMENT.sub(" | ", text))
            parts = set(_PART_BOUNDARY.split(text))
            parts.update(a or b for a, b in _TEXT_ATTRIBUTE.findall(text))
        else:
            parts = set(_DATA_FIELDS.split(text))
        new = parts - self.clean
        if len(self.clean) > self.memory:
            self.clean.clear()
        found: list[tuple[int, list[tuple[str, str]]]] = []
        for part in new:
            pieces = _PART_BOUNDARY.split(html.unescape(part)) if markup and "&" in part else (part,)
            hits = [(f.code, f.snippet) for piece in pieces if might_hold_personal_data(piece)
                    for f in find_personal_data_spans(piece, self.allowed)]
            if hits:
                found.append((text.find(part), hits))
            else:
                self.clean.add(part)
        return [hit for _, hits in sorted(found, key=lambda item: item[0]) for hit in hits]


def scan_output_text(text: str, allowed: Iterable[str] = (), markup: bool | None = None) -> list[tuple[str, str]]:
    """The same detector for one built file: ``(code, snippet)`` per finding (see :class:`OutputScanner`)."""
    return OutputScanner(allowed).scan(text, markup)
