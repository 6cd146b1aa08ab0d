"""Reality as the test: 16 real published award events (tests/fixtures/real_records/, ported from public
Vietnamese news and government pages, each record naming its source) are built once as a site, and every figure
the site prints about each event is checked against what the source says — equal, or an explicit «không rõ /
không công bố» where the source is silent — and every trap a careless publisher falls into is checked absent.

An event's expectations are data (``EVENTS``): ``shows`` (page → phrases it must print), ``figures`` (catalog
figure key → the source's number; every page that shows the key shows this number), ``absent`` (phrases no page,
export, feed or report of the site may print). Figures checked against the source are counted per event and
the whole site's printed figures are checked against the catalog, so the table of the issue can be read off
``test_the_table_of_checked_figures``.
"""

from __future__ import annotations

import csv
import gzip
import html as htmlmod
import io
import json
import re

import pytest

from conftest import FIXTURES, ROOT
from generator import pipeline
from generator.catalog.gate import Publication
from generator.site.labels import count
from generator.site.render import SiteOptions, render_site

SITE_DATA = FIXTURES / "real_records"
Q = "quyet-dinh/"
D01 = "2020/khong-so-hai-duong-giam-ngheo-2016-2020"
D02 = "2023/khong-so-bac-giang-42-ho-son-dong"
D03A, D03B = "2023/khong-so-kon-tum-bang-khen-hien-dat-dak-to", "2023/khong-so-dak-to-giay-khen-hien-dat"
D04 = "2025/khong-so-can-duoc-giay-khen-dot-xuat"
D05 = "2025/khong-so-ky-lac-giay-khen-cuu-nguoi"
D06 = "2021/khong-so-viet-a-huan-chuong-lao-dong-hang-ba"
D07 = "2024/1326-qd-ctn"
D10A, D10B = "2025/khong-so-dai-hoi-xi-anh-hung-llvtnd", "2025/khong-so-dai-hoi-xi-anh-hung-lao-dong"
D11 = "2025/khong-so-chia-se-cung-thay-co-2025"
D12A, D12B = "2023/khong-so-dong-nai-bang-khen-dot-xuat-hoc-sinh", "2023/khong-so-so-gddt-dong-nai-giay-khen-dot-xuat"
D13 = "2023/231-qd-ttg"
D14 = ("2013/khong-so-se-kong-doc-lap-hang-nhat", "2013/khong-so-se-kong-doc-lap-hang-nhi",
       "2013/khong-so-se-kong-doc-lap-hang-ba", "2013/khong-so-se-kong-huan-huy-chuong-huu-nghi")
UNSTATED = "không công bố tổng số"
NOT_SIGNED = "(không rõ ngày ký)"
LEGAL_PAGES = ("hinh-thuc-khen-thuong/", "van-ban-phap-luat/")

# Per event: the source's figures as the site must print them (FIGURES.md of the transcriptions), and traps.
EVENTS: dict[str, dict] = {
    "01 Hải Dương": {
        "figures": {f"decision.{D01}.rows": 12, f"decision.{D01}.rows.collective": 10,
                    f"decision.{D01}.rows.individual": 2, f"decision.{D01}.awards.collective": 10,
                    f"decision.{D01}.awards.individual": 20},
        "shows": {Q + D01 + "/": ["trong số 10 tập thể, 20 cá nhân mà văn bản công bố",
                                  "văn bản không ghi tổng số; cộng lại là", "Trần Thị Hà", "Trần Văn Khuy",
                                  "Người ký Không rõ", "Số, ký hiệu Không rõ số", "Ngày đăng tin",
                                  "đăng tin ngày 16 tháng 6 năm 2020 (không rõ ngày ký)"],
                  Q + "2020/": ["cộng các số văn bản công bố; 12 nêu tên"],
                  "don-vi/ubnd-huyen-cam-giang/": ["không rõ đơn vị kế thừa"]},
        "absent": ["[đã lược]", "khu dân cư", "tổng số 30"],
    },
    "02 Bắc Giang": {
        "figures": {f"decision.{D02}.rows": 0, f"decision.{D02}.declared": 42, f"decision.{D02}.awards.household": 42},
        "shows": {Q + D02 + "/": ["0 được nêu tên trong tổng số 42", "75.600.000 đ",
                                  "số tiền của từng người nhận không công bố", "Không có người, tập thể nào được nêu tên"],
                  Q + "2023/": ["42 (0 nêu tên)"]},
        "absent": ["1.800.000", "11 nghìn", "10,4 nghìn", "khoảng 40 m2", "nhiều tỷ"],
    },
    "03 Kon Tum, Đăk Tô": {
        "figures": {f"decision.{D03A}.rows": 2, f"decision.{D03B}.rows": 2, f"decision.{D03A}.declared": 2,
                    f"decision.{D03A}.decisions_unstated": 1},
        "shows": {Q + D03A + "/": ["Hộ bà Bùi Thị Thông", "Hộ ông Lê Triều", UNSTATED, "Văn bản không công bố số lượng",
                                   "trao tặng ngày 02 tháng 6 năm 2023 " + NOT_SIGNED, "Cùng dịp"],
                  Q + D03B + "/": ["Ban nhân dân khối 9", "Nguyễn Văn Lộc", UNSTATED],
                  Q + "2023/": ["2 nêu tên; tổng số không công bố"]},
        "absent": ["150 triệu", "122 triệu", "841", "70 triệu", "2.988", "297m2"],
    },
    "04 Cần Đước": {
        "figures": {f"decision.{D04}.rows": 1},
        "shows": {Q + D04 + "/": ["Võ Thanh Lam", "Người ký Không rõ", "Người trao tặng Phó Chủ tịch UBND xã Cần Đước "
                                  "Tô Thị Tuyết Mai (người trao, không phải người ký)", UNSTATED,
                                  "trao tặng ngày 29 tháng 12 năm 2025 " + NOT_SIGNED]},
        "absent": ["Người ký Tô Thị Tuyết Mai", "ngụ ấp", "SN 19"],
    },
    "05 Kỳ Lạc": {
        "figures": {f"decision.{D05}.rows": 3, f"decision.{D05}.rows.individual": 3},
        "shows": {Q + D05 + "/": ["Phan Lương Nhật", "Trần Văn Thám", "Phan Bình Minh", "Người ký Không rõ",
                                  "trao tặng ngày 14 tháng 11 năm 2025 " + NOT_SIGNED]},
        "absent": ["Người ký Nguyễn", "sinh năm", "thôn Kỳ"],
    },
    "06 Việt Á (hủy bỏ)": {
        "figures": {f"decision.{D06}.awards_revoked": 1, f"decision.{D06}.awards": 0},
        "shows": {Q + D06 + "/": ["Quyết định này đã bị hủy bỏ", "715/QĐ-CTN", "ngày 23 tháng 6 năm 2022",
                                  "người ký: Chủ tịch nước Nguyễn Xuân Phúc",
                                  "Do vi phạm pháp luật nghiêm trọng, gây dư luận xấu trong xã hội", "Số, ký hiệu Không rõ số",
                                  "Hiệu lực Đã hủy bỏ", "U+00D0"],
                  "khen-thuong-bi-huy/": ["715/QĐ-CTN", "23/06/2022", "Chủ tịch nước Nguyễn Xuân Phúc",
                                          "Toàn bộ quyết định"]},
        "absent": ["Chưa có khen thưởng nào bị hủy bỏ"],
        "absent_on": {Q + D06 + "/": ["Còn hiệu lực", "Số, ký hiệu 715"]},
    },
    "07 Bộ Y tế (đề nghị thu hồi)": {
        "figures": {f"decision.{D07}.awards": 1, f"decision.{D07}.awards_revoked": 0, f"decision.{D07}.rows": 1},
        "shows": {Q + D07 + "/": ["Đang đề nghị thu hồi — khen thưởng vẫn còn hiệu lực", "Hiệu lực Còn hiệu lực",
                                  "Nguyễn Văn Tuấn", "ngày 28 tháng 11 năm 2024", "Chưa có quyết định thu hồi"]},
        "absent": ["1287/TTr-BYT"],
        "absent_on": {Q + D07 + "/": ["Đã hủy bỏ", "Hủy bỏ bởi"], "khen-thuong-bi-huy/": ["1326", "Nguyễn Văn Tuấn"]},
    },
    "08 Bộ Nội vụ (lấy ý kiến)": {
        "figures": {},
        "shows": {"lay-y-kien/bo-noi-vu-chien-si-thi-dua-toan-quoc-2025/": [
            "Trần Văn Phương", "Phạm Hồng Thái", "«trong 10 ngày làm việc»", "hạn tính ra (thông báo không ghi ngày)",
            "Tờ trình số 5376/TTr-UBND ngày 30/6/2025", "Tờ trình số 1495/TTr-UBND ngày 24/6/2025"]},
        "absent": ["04 tháng 8 năm 2025"],  # the other derivation of the deadline
        "absent_on": {"lay-y-kien/bo-noi-vu-chien-si-thi-dua-toan-quoc-2025/": ["Hạn góp ý: ngày", "đã được tặng"],
                      "quyet-dinh/": ["Trần Văn Phương", "Phạm Hồng Thái"], "thong-ke/": ["Trần Văn Phương"]},
    },
    "09 Tiền Giang (lấy ý kiến)": {
        "figures": {},
        "shows": {"lay-y-kien/tien-giang-huan-chuong-lao-dong-hang-nhi-2022/": [
            "Trường Mầm non 3-2", "Trường Trung học cơ sở thị trấn Mỹ Phước", "đến hết ngày 05 tháng 10 năm 2022",
            "«10 ngày (kể từ ngày 26-9 đến hết ngày 5-10-2022)»"]},
        "absent": [],
        "absent_on": {"lay-y-kien/tien-giang-huan-chuong-lao-dong-hang-nhi-2022/": ["ngày làm việc"],
                      "quyet-dinh/": ["Trường Mầm non 3-2", "Mỹ Phước"], "thong-ke/": ["Mỹ Phước"]},
    },
    "10 Đại hội XI (Anh hùng)": {
        "figures": {f"decision.{D10A}.rows": 7, f"decision.{D10A}.awards.collective": 7,
                    f"decision.{D10B}.declared": 10, f"decision.{D10B}.rows": 8,
                    "occasion.dai-hoi-thi-dua-xi-2025.declared_total": 17, "occasion.dai-hoi-thi-dua-xi-2025.declared": 17},
        "shows": {Q + D10B + "/": ["8 được nêu tên trong tổng số 10", "Tổng số nguồn công bố cho cả dịp: 17 lượt",
                                   "không tách số tập thể và cá nhân"],
                  Q + D10A + "/": ["Binh chủng Đặc công", "Thanh tra Bộ Công an", "Tổng số nguồn công bố cho cả dịp: 17"],
                  Q + "2025/": ["10 (8 nêu tên)"]},
        "absent": ["5 cá nhân"],
    },
    "11 Chia sẻ cùng thầy cô": {
        "figures": {f"decision.{D11}.declared": 80, f"decision.{D11}.rows": 3, "all.rewards": 0, "all.reward_value": 0},
        "shows": {Q + D11 + "/": ["3 được nêu tên trong tổng số 80", "Đào Nguyên Túc", "Lữ Thị Tuyết", "Tống Thị Phượng",
                                  "mỗi sổ tiết kiệm trị giá 10 triệu đồng", "số sổ và tổng giá trị không công bố"],
                  Q + "2025/": ["80 (3 nêu tên)"]},
        "absent": ["800 triệu", "800.000.000", "30 triệu", "30.000.000"],
    },
    "12 Đồng Nai (2 học sinh)": {
        "figures": {"person.le-bao-tram.awards": 2, "person.nguyen-quoc-ky.awards": 2, f"decision.{D12A}.rows": 2,
                    f"decision.{D12B}.rows": 2, f"decision.{D12B}.in_kind_unvalued": 2},
        "shows": {Q + D12A + "/": ["Lê Bảo Trâm", "Nguyễn Quốc Kỳ", "số tiền thưởng không công bố"],
                  Q + D12B + "/": ["Máy tính bảng (số lượng, giá trị không công bố)", "thời gian ước tính năm 2023"],
                  "thong-ke/2023/": ["2 lượt có kèm hiện vật không ghi giá trị"]},
        "absent": ["hơn 100 triệu", "100.000.000"],
        "absent_on": {Q + "2023/khong-so-dong-nai": ["4 em", "4 cá nhân"], Q + "2023/khong-so-so-gddt": ["4 em"],
                      "nguoi/": ["4 lượt"]},
    },
    "13 231/QĐ-TTg": {
        "figures": {f"decision.{D13}.rows": 5, f"decision.{D13}.awards.collective": 5},
        "shows": {Q + D13 + "/": ["Quyết định số 231/QĐ-TTg", "Ngày ký ngày 14 tháng 3 năm 2023", "Báo Nghệ An",
                                  "Sở Tư pháp tỉnh Nghệ An", UNSTATED, "Lý do Không rõ"],
                  Q + "2023/": ["5 nêu tên; tổng số không công bố"]},
        "absent": [],
        "absent_on": {Q + D13 + "/": ["trong tổng số", "Lý do Đã hoàn thành"]},
    },
    "14 Quảng Nam – Sê Kông": {
        "figures": {f"decision.{D14[0]}.rows": 1, f"decision.{D14[1]}.rows": 2, f"decision.{D14[2]}.declared": 4,
                    f"decision.{D14[2]}.rows": 0, f"decision.{D14[3]}.awards.collective": 15,
                    f"decision.{D14[3]}.awards.individual": 8, "form.huan-chuong-huu-nghi.awards": 0,
                    "form.huy-chuong-huu-nghi.awards": 0, "occasion.se-kong-2013.declared": 30},
        "shows": {Q + D14[3] + "/": ["14 Huân chương hữu nghị và 9 huy chương hữu nghị cho 15 tập thể và 8 cá nhân",
                                     "Không rõ hình thức khen thưởng"],
                  Q + D14[1] + "/": ["Khăm-phởi Bút-đa-viêng", "Bô Nhơn (Lê Viết Muồng)"]},
        "absent": ["14 tập thể", "Huân chương Hữu nghị (gồm"],
    },
    "15 Phạm Đình Duẩn (hồ sơ)": {
        "figures": {},
        "shows": {"guong-dien-hinh/pham-dinh-duan/": ["Anh hùng Lao động thời kỳ đổi mới",
                                                      "10 năm liên tiếp đạt danh hiệu «Chiến sĩ thi đua cơ sở»",
                                                      "không rõ những năm nào"]},
        "absent": [],
        "absent_on": {"guong-dien-hinh/pham-dinh-duan/": ["cơ sở» (19", "cơ sở» (20", "cơ sở» năm", "sinh năm"]},
    },
    "16 Hà Thị Tự (hồ sơ)": {
        "figures": {},
        "shows": {"guong-dien-hinh/ha-thi-tu/": ["điển hình tiêu biểu toàn quốc", "không ghi hình thức khen thưởng"]},
        "absent": [],
        "absent_on": {"guong-dien-hinh/ha-thi-tu/": ["Bằng khen", "Chủ tịch", "sinh năm"]},
    },
}
# Traps anywhere on the site: birth years, candidates presented as awarded, a derived deadline as the notice's.
SITE_TRAPS = [re.compile(p) for p in (r"sinh năm \d{4}", r"\bSN:? ?\d{4}", r"Ngày ký ngày 0?2 tháng 6 năm 2023",
                                      r"Ngoài các hình thức của Luật \(gồm")]


def _text(html: str) -> str:
    """A page's visible text, tags removed and whitespace collapsed, for phrase checks."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", " ", html))).replace(" )", ")").replace("( ", "(")


def _decoded(data: bytes) -> str:
    """A rendered file's text (files are rendered uncompressed; the engine gzips the bulk ones when writing)."""
    return data.decode("utf-8-sig", errors="replace")


@pytest.fixture(scope="module")
def built():
    """The real-records site, validated and rendered once: (catalog figures, pages by URL, titles, files)."""
    outcome = pipeline.check(SITE_DATA / "data", SITE_DATA)
    assert outcome.catalog and not [p for p in outcome.problems], [p.format() for p in outcome.problems]
    pub = Publication(outcome.catalog)
    rendered = render_site(pub, ROOT / "site_templates", SiteOptions(site_url="https://bangvang.example/"))
    pages = {p.url: p.html for p in rendered.pages}
    titles = {p.url: p.title for p in rendered.pages}
    files = {f.path: _decoded(f.data()) for f in rendered.files
             if f.path.endswith((".csv", ".json", ".gz", ".atom"))}
    return pub.figures(), pages, titles, files


@pytest.mark.parametrize("event", list(EVENTS))
def test_every_figure_of_the_event_is_the_sources(built, event):
    figures, pages, _, _ = built
    spec = EVENTS[event]
    for key, value in spec["figures"].items():
        assert figures.get(key) == value, f"{event}: {key} is {figures.get(key)}, the source says {value}"
        for url, html in pages.items():
            for shown in re.findall(rf'<span data-bv-figure="{re.escape(key)}">([^<]+)</span>', html):
                assert shown == count(value), f"{event}: {url} prints {key} = {shown}, the source says {value}"
    for url, phrases in spec["shows"].items():
        assert url in pages, f"{event}: no page {url}"
        text = _text(pages[url])
        for phrase in phrases:
            assert phrase in text, f"{event}: {url} does not say «{phrase}»"


@pytest.mark.parametrize("event", list(EVENTS))
def test_no_trap_of_the_event_appears_anywhere(built, event):
    """Anywhere but the legal reference pages, whose amounts (base salary 1.800.000 đ …) are the law's, not a record's."""
    _, pages, titles, files = built
    everything = {**{u: _text(h) for u, h in pages.items() if not u.startswith(LEGAL_PAGES)}, **files,
                  **{f"title:{u}": t for u, t in titles.items()}}
    for trap in EVENTS[event]["absent"]:
        found = [where for where, text in everything.items() if trap in text]
        assert not found, f"{event}: «{trap}» printed in {found[:3]}"
    for prefix, traps in EVENTS[event].get("absent_on", {}).items():
        scope = {u: text for u, text in everything.items() if u.startswith(prefix)}
        assert scope, f"{event}: no page under {prefix}"
        for trap in traps:
            found = [where for where, text in scope.items() if trap in text]
            assert not found, f"{event}: «{trap}» printed in {found[:3]}"


def test_no_site_wide_trap(built):
    _, pages, titles, files = built
    for where, text in {**{u: _text(h) for u, h in pages.items()}, **files, **titles}.items():
        for trap in SITE_TRAPS:
            assert not trap.search(text), f"{where}: {trap.pattern}"


def test_every_printed_figure_is_the_catalogs(built):
    figures, pages, _, _ = built
    shown = 0
    for url, html in pages.items():
        for key, text in re.findall(r'<span data-bv-figure="([^"]+)">([^<]+)</span>', html):
            assert key in figures, f"{url}: figure {key} is not a catalog figure"
            assert text == count(figures[key]), f"{url}: {key} shows {text}, the catalog says {figures[key]}"
            shown += 1
    assert shown > 300


def test_a_date_that_is_not_a_signing_date_is_never_given_as_one(built):
    """<title>, the print header «Kèm theo …», the citation, the feed and JSON-LD: only the two decisions whose
    signing date the source prints (231/QĐ-TTg, 1326/QĐ-CTN) carry a date as the decision's."""
    _, pages, titles, files = built
    signed = {Q + D13 + "/": "2023-03-14", Q + D07 + "/": "2024-11-28"}
    decision_pages = [u for u in pages if re.fullmatch(r"quyet-dinh/\d{4}/[^/]+/", u)]
    assert len(decision_pages) == 18
    for url in decision_pages:
        html = pages[url]
        ld = json.loads(re.findall(r'<script type="application/ld\+json">(\{"@context": "https://schema.org", '
                                   r'"@type": "Legislation".*?)</script>', html)[0])
        header = _text(re.search(r'<p class="bv-print-sub">(.*?)</p>', html, re.S).group(1))
        if url in signed:
            assert ld["legislationDate"] == signed[url]
            assert NOT_SIGNED not in titles[url] and NOT_SIGNED not in header
        else:
            assert "legislationDate" not in ld, url
            assert NOT_SIGNED in titles[url], titles[url]
            assert NOT_SIGNED in header, header
            assert NOT_SIGNED in _text(html.split("Trích dẫn", 1)[1]), url
    feed = files["cap-nhat.atom"]
    assert feed.count(NOT_SIGNED) == 16  # every decision but the two with a printed signing date
    assert "số người, tập thể được khen: 4 (0 nêu tên)" in feed and "được khen: 0 " not in feed


def test_list_columns_give_the_declared_total_and_say_when_none_is_stated(built):
    _, pages, _, _ = built
    year = _text(pages[Q + "2025/"])
    assert "10 (8 nêu tên)" in year and "80 (3 nêu tên)" in year
    home = _text(pages[""])
    assert "10 (8 nêu tên)" in home and "1 nêu tên; tổng số không công bố" in home


def test_award_form_totals_equal_their_rows(built):
    """An award-form page's total is the sum of its decisions' «Số người nhận» (declared totals where given)."""
    figures, pages, _, _ = built
    for url, html in pages.items():
        if not re.fullmatch(r"hinh-thuc-khen-thuong/[^/]+/", url) or "data-label=\"Số người nhận\"" not in html:
            continue
        form = url.split("/")[1]
        cells = re.findall(r'data-label="Số người nhận"[^>]*>(.*?)</td>', html, re.S)
        rows = sum(int(re.search(r'data-bv-figure="[^"]+">([\d.]+)<', c).group(1).replace(".", "")) for c in cells)
        revoked = figures[f"form.{form}.awards_revoked"]
        assert rows == figures[f"form.{form}.awards"] + figures[f"form.{form}.rewards"] + revoked, url


def test_report_forms_say_unknown_rather_than_zero(built):
    _, pages, _, files = built
    page = _text(pages["thong-ke/bao-cao/2023-ubnd-tinh-bac-giang-0603/"])
    assert "Tổng số 01 42 42" in page
    assert "Thường xuyên 11 không rõ không rõ" in page and "42 lượt không rõ phương thức khen thưởng" in page
    rows = list(csv.reader(io.StringIO(files["thong-ke/bao-cao/2023-ubnd-tinh-bac-giang-0603/"
                                              "2023-ubnd-tinh-bac-giang-0603.csv"])))
    method = next(r for r in rows if r[0] == "11")
    assert method[3:5] == ["", ""], method  # unknown, not 0
    hai_duong = _text(pages["thong-ke/bao-cao/2020-ubnd-tinh-hai-duong-0603/"])
    assert "Cá nhân (Người) 05 20 20" in hai_duong and "20 lượt cá nhân không rõ đối tượng" in hai_duong
    assert "Người trực tiếp" in hai_duong and re.search(r"phục vụ chiến đấu \(công nhân, nông dân, …\) \(Người\) 10 "
                                                       r"không rõ không rõ", hai_duong)


def test_an_unknown_form_is_not_outside_the_law(built):
    _, pages, _, _ = built
    # the 23 pooled friendship decorations of 2013 are in no column of form 0602, and the form says so
    assert "Ngoài ra 23 lượt khen thưởng trong năm không rõ hình thức" in _text(pages["thong-ke/bao-cao/2013-0602/"])
    stats = _text(pages["thong-ke/"])
    assert "Không rõ cấp (nguồn không nêu hình thức) (gồm 23 lượt không nêu tên) 23" in stats
    assert "Ngoài các hình thức của Luật" not in stats


def test_revoked_awards_page_lists_what_it_counts(built):
    figures, pages, _, _ = built
    html = pages["khen-thuong-bi-huy/"]
    cells = re.findall(r'data-label="Lượt"><span data-bv-figure="([^"]+)">', html)
    assert sum(figures[k] for k in cells) == figures["all.awards_revoked"] == 1
    assert "1 lượt khen thưởng đã bị hủy bỏ" in _text(pages[""])


def test_exports_keep_the_sources_figures(built):
    _, _, _, files = built
    decisions = {r["Mã quyết định (năm/tên tệp)"]: r for y in (2013, 2020, 2021, 2023, 2024, 2025)
                 for r in csv.DictReader(io.StringIO(files[f"du-lieu/{y}/quyet-dinh.csv.gz"]))}
    assert decisions[D01]["Tổng số in trong văn bản (trống nếu văn bản không ghi tổng số)"] == ""
    assert decisions[D10B]["Tổng số in trong văn bản (trống nếu văn bản không ghi tổng số)"] == "10"
    assert decisions[D02]["Tổng tiền thưởng công bố trong văn bản (đồng)"] == "75600000"
    assert decisions[D13]["Văn bản không công bố số lượng"] == "Có"
    assert decisions[D06]["Người ký quyết định hủy bỏ"] == "Chủ tịch nước Nguyễn Xuân Phúc"
    assert decisions[D07]["Số quyết định hủy bỏ"] == "" and decisions[D07]["Đề nghị thu hồi chưa có quyết định " \
                                                                          "(ngày: người đề nghị)"].startswith("2025-09-16")
    lines = list(csv.DictReader(io.StringIO(files["du-lieu/2025/nguoi-nhan.csv.gz"])))
    assert {r["Loại ngày (signed: ngày ký; ceremony: ngày trao tặng; published: ngày đăng tin; approximate: ước tính)"]
            for r in lines} == {"ceremony"}


def test_candidates_are_never_shown_as_awarded(built):
    _, pages, _, files = built
    for name in ("Trần Văn Phương", "Phạm Hồng Thái", "Trường Mầm non 3-2", "Mỹ Phước"):
        awarded = [u for u, h in pages.items() if u.startswith(("quyet-dinh/", "thong-ke/", "hinh-thuc")) and name in h]
        assert not awarded, f"{name} on {awarded[:2]}"
        assert not any(name in text for path, text in files.items() if path.startswith("du-lieu/"))


def test_the_table_of_checked_figures(built):
    """Every event has figures or phrases checked against its source and at least one trap or none by design."""
    checked = {e: len(s["figures"]) + sum(len(v) for v in s["shows"].values()) for e, s in EVENTS.items()}
    assert all(n >= 2 for n in checked.values()), checked
    assert len(EVENTS) == 16


@pytest.mark.slow
def test_the_real_records_build_as_a_provinces_own_site(tmp_path):
    """As an office would: `new site`, the records in its data/, `build` — the engine's pages and gzip downloads
    state the same (the <title> of a decision known by its ceremony says so)."""
    import shutil

    from conftest import run_cli

    project = tmp_path / "ho-so-that"
    made = run_cli("new", "site", str(project), "--name", "Bảng Vàng — hồ sơ thật", "--short-name", "hồ sơ thật",
                   "--site-url", "https://bangvang.example/")
    assert made.returncode == 0, made.stderr
    shutil.rmtree(project / "data")
    shutil.copytree(SITE_DATA / "data", project / "data")
    built = run_cli("build", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / Q / D10B / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Quyết định \(không rõ số\), trao tặng ngày 27 tháng 12 năm 2025 \(không rõ ngày ký\)", page)
    rows = list(csv.DictReader(io.StringIO(gzip.decompress(
        (project / "site" / "du-lieu" / "2025" / "quyet-dinh.csv.gz").read_bytes()).decode("utf-8-sig"))))
    assert {r["Mã quyết định (năm/tên tệp)"] for r in rows} >= {D10A, D10B, D11}
