"""Permanent, readable URLs of every generated page and file (site-root relative, no leading slash).

These paths are public promises: journalists link to them. Change them only with redirects.
"""

from __future__ import annotations


HOME = ""
DECISIONS = "quyet-dinh/"
AWARD_FORMS = "hinh-thuc-khen-thuong/"
UNITS = "don-vi/"
PROFILES = "guong-dien-hinh/"
PEOPLE = "nguoi/"  # people (collectives, households) whose awards in several decisions are shown together
ABOUT_DATA = "ve-du-lieu/"
SEARCH = "tim-kiem/"
STATISTICS = "thong-ke/"
REVOKED = "khen-thuong-bi-huy/"
CONSULTATIONS = "lay-y-kien/"
CHANGES = "cap-nhat/"
LEGAL_BASIS = "co-so-phap-ly/"  # a hand-written page (content/co-so-phap-ly.md)
GUIDE = "huong-dan-dang-quyet-dinh/"  # a hand-written page (content/huong-dan-dang-quyet-dinh.md)
LEGAL_TEXTS = "van-ban-phap-luat/"  # generated from the dated legal registries
MESSAGES_GUIDE = "thong-bao-kiem-tra-du-lieu/"  # generated from the validator's message catalogue
SCHEMA_DIR = "du-lieu/luoc-do/"
DATA_DIR = "du-lieu/"
ASSETS = "assets/"
FEED = "cap-nhat.atom"

# The main sections, as offered where a reader is lost (the 404 page).
MAIN_SECTIONS = [("Trang chủ", HOME), ("Tìm kiếm", SEARCH), ("Quyết định khen thưởng theo năm", DECISIONS),
                 ("Gương điển hình tiên tiến", PROFILES), ("Người được khen thưởng nhiều lần", PEOPLE),
                 ("Đơn vị, địa phương", UNITS),
                 ("Hình thức khen thưởng", AWARD_FORMS), ("Thống kê", STATISTICS),
                 ("Lấy ý kiến nhân dân", CONSULTATIONS), ("Về dữ liệu và tải dữ liệu", ABOUT_DATA)]


def decision(year: int, slug: str) -> str:
    return f"{DECISIONS}{year}/{slug}/"


def recipient_link(year: int, slug: str, recipient_id: str) -> str:
    return f"{decision(year, slug)}#{recipient_anchor(recipient_id)}"


def recipient_anchor(recipient_id: str) -> str:
    return f"nguoi-nhan-{recipient_id}"


def print_view_of(page_url: str) -> str:
    """The notice-board print page below a record page."""
    return f"{page_url}ban-in/"


def decision_files(year_value: int, slug: str) -> tuple[str, str]:
    """Per-decision downloads (JSON, CSV), beside the decision's page."""
    base = decision(year_value, slug)
    return f"{base}quyet-dinh.json", f"{base}danh-sach.csv"


def statistics(scope: str) -> str:
    """Statistics of one year, or of all years (scope "tat-ca")."""
    return STATISTICS if scope == "tat-ca" else f"{STATISTICS}{scope}/"


# Vietnamese path words for the lists behind each statistics figure: thong-ke/danh-sach/2024/gioi-tinh-nu/
_LIST_WORDS = {
    "level": {"state": "cap-nha-nuoc", "ministry_province": "cap-bo-nganh-tinh", "grassroots": "cap-co-so",
              "unknown": "khong-ro-cap"},
    "kind": {"individual": "ca-nhan", "collective": "tap-the", "household": "ho-gia-dinh"},
    "category": {"leader_ministry_province": "lanh-dao-cap-bo-cap-tinh", "leader_department": "lanh-dao-cap-so-nganh",
                 "business_person": "doanh-nhan", "leader_other": "lanh-dao-khac", "direct_worker": "truc-tiep",
                 "unknown": "chua-phan-loai"},
    "gender": {"female": "nu", "male": "nam", "unknown": "khong-ghi"},
    "method": {"regular": "thuong-xuyen", "thematic": "chuyen-de", "ad_hoc": "dot-xuat", "foreign": "doi-ngoai",
               "dedication": "cong-hien", "seniority": "nien-han", "resistance": "khang-chien", "unknown": "khong-ro"},
    "remote": {"remote": "vung-kho-khan", "other": "dia-ban-khac", "unknown": "ngoai-danh-muc"},
}
_BREAKDOWN_WORDS = {"level": "", "form": "hinh-thuc-", "kind": "", "category": "nhom-", "gender": "gioi-tinh-",
                    "method": "phuong-thuc-", "remote": "dia-ban-"}


def statistics_list(scope: str, breakdown: str, value: str) -> str:
    """The awards behind one figure of the statistics, in Vietnamese words: …/2024/gioi-tinh-nu/."""
    word = _LIST_WORDS.get(breakdown, {}).get(value, value)
    return f"{STATISTICS}danh-sach/{scope}/{_BREAKDOWN_WORDS[breakdown]}{word}/"


def report(slug: str) -> str:
    """An official report form page."""
    return f"{STATISTICS}bao-cao/{slug}/"


def derived_fallback(url: str) -> list[str]:
    """Where a vanished *derived* page (a statistics list or report, computed from the records) redirects:
    the nearest statistics page that still exists, tried in order. Record pages have no fallback: their
    addresses are promises and need an explicit redirect (data/redirects.yaml)."""
    if not url.startswith(STATISTICS):
        return []
    section, _, rest = url[len(STATISTICS):].partition("/")
    scope = {"danh-sach": rest.split("/")[0], "bao-cao": rest.split("-")[0]}.get(section, "")
    renamed = []
    if section == "danh-sach" and rest.count("/") == 2:  # lists once named in English: gender-female/ → gioi-tinh-nu/
        breakdown, _, value = rest.split("/")[1].partition("-")
        if breakdown in _BREAKDOWN_WORDS and value:
            renamed = [statistics_list(scope, breakdown, value)]
    return renamed + ([statistics(scope)] if scope else []) + [STATISTICS]


def consultation(slug: str) -> str:
    return f"{CONSULTATIONS}{slug}/"


def year(value: int) -> str:
    return f"{DECISIONS}{value}/"


def award_form(form_id: str) -> str:
    return f"{AWARD_FORMS}{form_id}/"


def unit(unit_id: str) -> str:
    return f"{UNITS}{unit_id}/"


def profile(slug: str) -> str:
    return f"{PROFILES}{slug}/"


def person(person_id: str) -> str:
    """A person's page: every award tied to them by their person id (or profile), in one place."""
    return f"{PEOPLE}{person_id}/"


def photo(slug: str, suffix: str) -> str:
    return f"anh/guong-dien-hinh/{slug}{suffix}"


def attachment(year_value: int, slug: str) -> str:
    return f"tep/quyet-dinh/{year_value}/{slug}.pdf"


def schema(name: str) -> str:
    return f"{SCHEMA_DIR}{name}.schema.json"


def linker(from_page: str):
    """A function making site paths relative to ``from_page``; build one per page."""
    prefix = "../" * from_page.count("/")

    def link(target: str) -> str:
        if target.startswith("#"):
            return target
        return (prefix + target) or "./"

    return link
