"""Records shaped like what provinces really publish (fictional data): partial lists with declared totals,
dates that are ceremony or news dates, unknown form, method, reason and signer, one person's award annulled
inside a list, and rewards outside the Law's forms — validated (``records/validation/completeness.py``),
counted (``catalog/counts.py``, ``statistics.py``, ``reports.py``) and shown."""

import csv
import io
import json

from generator import pipeline
from generator.catalog import reports, statistics
from generator.catalog.gate import Publication
from generator.site.render import SiteOptions, render_site

from conftest import ROOT, bulk_rows

PARTIAL = """number: "20/QĐ-UBND"
date: 2024-05-16
date_kind: ceremony
date_note: "Ngày Đại hội; chưa rõ ngày ký"
authority: ubnd-tinh
award_form: bang-khen-cap-tinh
method: thematic
source_note: "Báo cáo Đại hội thi đua yêu nước tỉnh"
declared:
  collective: 39
  individual: 47
  household: 12
  note: "Báo cáo ghi 39 tập thể, 47 cá nhân, 12 hộ; phụ lục chỉ nêu tên 3"
recipients:
  - {kind: collective, name: "Trường Tiểu học A", unit: truong-a}
  - {kind: individual, name: "Lò Văn Páo", category: direct_worker, unit: truong-a}
  - {kind: household, name: "Hộ bà Hà Thị Sợi"}
"""


def outcome(tree):
    result = pipeline.check(tree.data, tree.root)
    assert result.catalog, [p.format() for p in result.problems]
    return result


def site(tree):
    result = outcome(tree)
    rendered = render_site(Publication(result.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    return result, {p.url: p.html for p in rendered.pages}, {f.path: f.data() for f in rendered.files}


# --- declared totals ------------------------------------------------------------------------------

def test_a_partial_list_counts_its_declared_totals_everywhere_and_says_so(tree):
    tree.write("decisions/2024/20-qd-ubnd.yaml", PARTIAL)
    result, pages, files = site(tree)
    assert tree.problems() == []
    counts = result.catalog.counts
    # 12/QĐ-UBND (2024) names 3 awards; the partial list declares 39 + 47 + 12 = 98, of which 3 are named
    assert counts.of_decision("2024/20-qd-ubnd").declared == 98
    assert (counts.all.awards, counts.all.awards_unnamed) == (3 + 98, 95)
    assert (counts.all.collectives, counts.all.individuals, counts.all.households) == (1 + 39, 2 + 47, 12)
    page = pages["quyet-dinh/2024/20-qd-ubnd/"]
    # the document gives counts per kind but no total: 98 is said to be our sum, never the document's total
    assert ('data-bv-figure="decision.2024/20-qd-ubnd.rows">3</span> được nêu tên trong số 39 tập thể, 47 cá nhân, '
            '12 hộ gia đình mà văn bản công bố (văn bản không ghi tổng số; cộng lại là') in page
    assert 'data-bv-figure="decision.2024/20-qd-ubnd.declared">98</span>' in page
    assert "Báo cáo ghi 39 tập thể, 47 cá nhân, 12 hộ" in page
    # statistics: totals and kinds include the unnamed; shares by category stay over named individuals
    overall = statistics.all_stats(result.catalog)[0]
    assert (overall.total, overall.unnamed) == (101, 95)
    assert overall.breakdown("kind").count("individual") == 49
    assert overall.leader_share.denominator == 3 and overall.leader_share.of == "lượt khen cá nhân có tên trong danh sách"
    assert "95</span> lượt không được nêu tên" in pages["thong-ke/"]
    # form 0603: total, kind and method rows carry the declared figures; the category rows do not
    report = next(r for r in reports.all_reports(result.catalog) if r.form.code.startswith("0603"))
    lines = {line.code: line.values for line in report.lines if not line.heading}
    assert lines["01"][0] == 101 and lines["02"][0] == 40 and lines["04"][0] == 12 and lines["05"][0] == 49
    assert lines["10"][0] == 2  # direct workers: the two named ones only
    assert lines["11"][0] == 3 and lines["12"][0] == 98  # regular (12/QĐ) and thematic (the partial list)
    assert report.unnamed == 95
    # the bulk export carries both the named count and the declared total
    decisions = bulk_rows(files, "quyet-dinh", "csv")
    row = next(d for d in decisions if d["Mã quyết định (năm/tên tệp)"] == "2024/20-qd-ubnd")
    assert (row["Số người, tập thể được nêu tên"], row["Tổng số lượt được tính (người được nêu tên và số không nêu tên theo văn bản công bố)"],
            row["Số tập thể công bố"]) == ("3", "98", "39")


def test_a_total_without_kinds_is_counted_but_never_placed_in_a_kind(tree):
    tree.write("decisions/2024/20-qd-ubnd.yaml", PARTIAL.replace(
        "  collective: 39\n  individual: 47\n  household: 12\n", "  total: 186\n"))
    result = outcome(tree)
    assert result.catalog.counts.all.awards == 3 + 186
    assert result.catalog.counts.all.kinds["unknown"] == 183
    report = next(r for r in reports.all_reports(result.catalog) if r.form.code.startswith("0603"))
    assert report.unnamed == 183 and {line.code: line.values for line in report.lines if line.code}["02"][0] == 2


def test_declared_totals_are_checked_against_the_named_list(tree):
    tree.write("decisions/2024/20-qd-ubnd.yaml", PARTIAL.replace("  collective: 39", "  collective: 0"))
    assert tree.problems() == [
        "data/decisions/2024/20-qd-ubnd.yaml:10: số tập thể công bố (0) ít hơn số tập thể được nêu tên (1) — kiểm tra "
        "lại declared hoặc danh sách; số công bố là tổng số, gồm cả người được nêu tên"]
    tree.write("decisions/2024/20-qd-ubnd.yaml", PARTIAL.replace("recipients:\n", "recipients: []\n#")
               .replace("\n  - {", "\n#  - {"))
    assert tree.problems() == []  # a source that names nobody but gives the totals
    tree.write("decisions/2024/20-qd-ubnd.yaml", PARTIAL.split("declared:")[0] + "recipients: []\n")
    assert tree.problems() == [
        "data/decisions/2024/20-qd-ubnd.yaml:9: quyết định không có người, tập thể nào được nêu tên và không ghi số "
        "lượng công bố — thêm danh sách recipients, hoặc ghi declared (số cá nhân, hộ, tập thể mà văn bản công bố) "
        "nếu văn bản không nêu tên"]


# --- dates and unknowns ---------------------------------------------------------------------------

NEWS = """number: null
number_note: "Bản tin của Cổng thông tin tỉnh, tháng 6/2025"
date: 2025-06-01
date_kind: published
date_precision: month
authority: ubnd-huyen-cu
presenter: "Phó Chủ tịch Ủy ban nhân dân huyện"
award_form: khong-ro-hinh-thuc
award_form_note: "Bản tin chỉ ghi «khen thưởng đột xuất»"
method: unknown
recipients:
  - {kind: individual, name: "Vàng A Dế", category: direct_worker, achievement: "Cứu người đuối nước"}
"""


def test_a_news_item_with_unknown_form_signer_reason_and_day_is_published_as_such(tree):
    tree.write("decisions/2025/khong-so-ban-tin-thang-6-2025.yaml", NEWS)
    assert tree.problems() == []
    _, pages, _ = site(tree)
    page = pages["quyet-dinh/2025/khong-so-ban-tin-thang-6-2025/"]
    assert "<dt>Ngày đăng tin, công bố</dt><dd>tháng 6 năm 2025" in page
    assert "<dt>Người ký</dt><dd>Không rõ</dd>" in page and "<dt>Lý do</dt><dd>Không rõ</dd>" in page
    assert "<dt>Phương thức</dt><dd>Không rõ</dd>" in page
    assert "<dt>Người trao tặng</dt><dd>Phó Chủ tịch Ủy ban nhân dân huyện</dd>" in page
    assert "Bản tin chỉ ghi «khen thưởng đột xuất»" in page
    assert "Ngày ký" not in page.split("<h2")[0]  # the date is never called a signing date


def test_a_month_only_date_must_be_the_first_of_the_month(tree):
    tree.write("decisions/2025/khong-so-ban-tin-thang-6-2025.yaml", NEWS.replace("2025-06-01", "2025-06-17"))
    assert tree.problems() == [
        "data/decisions/2025/khong-so-ban-tin-thang-6-2025.yaml:3: ngày 17/06/2025 không khớp độ chính xác đã ghi "
        "(date_precision) — chỉ biết tháng hoặc năm thì ghi ngày đầu kỳ: 2025-06-01"]


def test_an_unknown_form_needs_a_note_saying_what_the_source_says(tree):
    tree.write("decisions/2025/khong-so-ban-tin-thang-6-2025.yaml",
               NEWS.replace('award_form_note: "Bản tin chỉ ghi «khen thưởng đột xuất»"\n', ""))
    assert [p.split(": ", 1)[1] for p in tree.problems()] == [
        "hình thức khen thưởng không rõ nhưng không ghi nguồn — thêm award_form_note, ví dụ «Bản tin chỉ ghi "
        "\"khen thưởng đột xuất\"»"]


def test_the_law_on_a_ceremony_date_is_a_warning_not_an_error(tree):
    # a district's Giấy khen handed over on 2025-07-03: the district ceased on 2025-06-30, but the decision may
    # have been signed before — the record's date is not the signing date
    text = (NEWS.replace("number: null", 'number: "77/QĐ-UBND"').replace("date: 2025-06-01", "date: 2025-06-30")
            .replace("date_kind: published\ndate_precision: month", "date_kind: ceremony")
            .replace("award_form: khong-ro-hinh-thuc", "award_form: chien-si-thi-dua-co-so")
            .replace("authority: ubnd-huyen-cu", "authority: ubnd-xa-moi")
            .replace("method: unknown", "method: regular").replace('number_note: "Bản tin của Cổng thông tin tỉnh, tháng 6/2025"\n', ""))
    tree.write("decisions/2025/77-qd-ubnd.yaml", text)
    problems = [p for p in tree.problems() if "Chiến sĩ thi đua cơ sở" in p]
    assert problems == [
        "data/decisions/2025/77-qd-ubnd.yaml:6: cảnh báo: «Ủy ban nhân dân xã Mới» chỉ được quyết định «Chiến sĩ thi "
        "đua cơ sở» từ 01/07/2025 (Nghị định 129/2025/NĐ-CP Điều 59); ngày trao tặng (chưa rõ ngày ký) 30/06/2025 — "
        "kiểm tra ngày ký, cơ quan ban hành hoặc hình thức khen thưởng; thẩm quyền tính theo văn bản có hiệu lực vào "
        "ngày ký"]


# --- one person's award annulled -------------------------------------------------------------------

LINE_REVOKED = """    revoked:
      decision_number: "99/QĐ-UBND"
      date: 2024-12-01
      reason: "Kê khai thành tích không trung thực (Luật Thi đua, khen thưởng Điều 93 khoản 2 điểm a)"
"""


def test_one_annulled_line_stays_published_at_its_row_and_counts_nowhere(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "    category: leader_other\n    gender: female\n",
                 "    category: leader_other\n    gender: female\n" + LINE_REVOKED)
    result, pages, files = site(tree)
    assert tree.problems() == []
    counts = result.catalog.counts
    assert (counts.all.awards, counts.all.awards_revoked) == (2, 1 + 1)  # 13/QĐ-UBND (revoked) has one line
    page = pages["quyet-dinh/2024/12-qd-ubnd/"]
    row = page.split('id="nguoi-nhan-tran-thi-b"')[1].split("</tr>")[0]
    assert "Đã hủy bỏ" in row and "Hủy bỏ bởi Quyết định số 99/QĐ-UBND, ngày 01 tháng 12 năm 2024" in row
    overall = statistics.all_stats(result.catalog)[0]
    assert overall.breakdown("category").count("leader_other") == 0
    data = bulk_rows(files, "nguoi-nhan", "json")
    tran = next(r for r in data if r["name"] == "Trần Thị B")
    assert tran["revoked"] is True and tran["line_revoked_by"] == "99/QĐ-UBND"
    assert next(r for r in data if r["name"] == "Nguyễn Văn A")["revoked"] is False
    # the page of revoked awards lists the single line as well as the revoked decision, and its rows add up to
    # the count it states; the home page counts revoked awards, not only revoked decisions
    revoked = pages["khen-thuong-bi-huy/"]
    assert "dòng 2: Trần Thị B" in revoked and "Toàn bộ quyết định" in revoked and "99/QĐ-UBND" in revoked
    import re
    cells = re.findall(r'data-label="Lượt"><span data-bv-figure="([^"]+)">(\d+)<', revoked)
    assert sum(int(n) for _, n in cells) == counts.all.awards_revoked == 2
    assert 'data-bv-figure="all.awards_revoked">2</span> lượt khen thưởng đã bị hủy bỏ' in pages[""]


def test_a_published_revoking_decision_and_the_annulled_line_link_both_ways(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "    category: leader_other\n    gender: female\n",
                 "    category: leader_other\n    gender: female\n"
                 + LINE_REVOKED.replace('"99/QĐ-UBND"', '"14/QĐ-UBND"'))
    tree.write("decisions/2024/14-qd-ubnd.yaml", tree.read("decisions/2024/12-qd-ubnd.yaml")
               .replace("12/QĐ-UBND", "14/QĐ-UBND").replace("date: 2024-06-17", "date: 2024-11-20")
               .split("\n    revoked:")[0] + "\n")
    _, pages, _ = site(tree)
    annulled = pages["quyet-dinh/2024/12-qd-ubnd/"]
    assert '— <a href="../../../quyet-dinh/2024/14-qd-ubnd/">Quyết định số 14/QĐ-UBND</a>' in annulled
    revoking = pages["quyet-dinh/2024/14-qd-ubnd/"]
    assert "Quyết định này hủy bỏ khen thưởng" in revoking
    assert '<a href="../../../quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-tran-thi-b">dòng 2: Trần Thị B</a>' in revoking


# --- rewards outside the Law's forms ----------------------------------------------------------------

REWARD = """number: "30/QĐ-UBND"
date: 2024-10-02
authority: ubnd-tinh
award_form: thuong-hien-vat
method: ad_hoc
reason: "Đóng góp khắc phục hậu quả bão"
recipients:
  - {kind: household, name: "Hộ ông Lò Văn Páo", reward_item: "Nhà đại đoàn kết", reward_value_vnd: 500000000}
  - {kind: collective, name: "Đội tàu cá Cửa Biển", cash_vnd: 20000000}
"""


def test_a_reward_outside_the_laws_forms_is_counted_apart_and_never_in_a_report(tree):
    tree.write("decisions/2024/30-qd-ubnd.yaml", REWARD)
    result, pages, files = site(tree)
    assert tree.problems() == []
    counts = result.catalog.counts
    assert (counts.all.awards, counts.all.rewards, counts.all.reward_value) == (3, 2, 520_000_000)
    assert statistics.all_stats(result.catalog)[0].total == 3
    report = next(r for r in reports.all_reports(result.catalog) if r.form.code.startswith("0603"))
    assert {line.code: line.total for line in report.lines if line.code}["01"] == 3
    assert "Nhà đại đoàn kết (trị giá 500.000.000 đ)" in pages["quyet-dinh/2024/30-qd-ubnd/"]
    assert "2</span> lượt thưởng bằng tiền, hiện vật" in pages["thong-ke/"]
    data = bulk_rows(files, "nguoi-nhan", "json")
    assert next(r for r in data if r["decision_id"] == "2024/30-qd-ubnd")["reward_value_vnd"] == 500_000_000


def test_a_reward_with_no_money_or_item_is_flagged(tree):
    tree.write("decisions/2024/30-qd-ubnd.yaml", REWARD.replace(', cash_vnd: 20000000', ""))
    assert tree.problems() == [
        "data/decisions/2024/30-qd-ubnd.yaml:9: cảnh báo: dòng 2 (Đội tàu cá Cửa Biển): khoản thưởng ở dòng này không ghi tiền hay "
        "hiện vật — ghi cash_vnd, hoặc reward_item và reward_value_vnd (giá trị hiện vật, công trình)"]


# --- an authority renamed, kept as one id ---------------------------------------------------------

def test_an_authority_renamed_keeps_one_id_and_each_decision_its_name_of_the_day(tree):
    tree.replace("registries/authorities.yaml", '  short_name: "UBND tỉnh"\n', '  short_name: "UBND tỉnh"\n'
                 '  names:\n    - {name: "Ủy ban nhân dân tỉnh Tên Cũ", short_name: "UBND tỉnh Tên Cũ", '
                 'valid_to: 2025-06-30}\n')
    _, pages, files = site(tree)
    assert tree.problems() == []
    page = pages["quyet-dinh/2024/12-qd-ubnd/"]
    assert "Ủy ban nhân dân tỉnh Tên Cũ" in page and "Ủy ban nhân dân tỉnh Thử Nghiệm" not in page
    assert "UBND tỉnh Tên Cũ" in pages["quyet-dinh/2024/"]
    row = next(d for d in bulk_rows(files, "quyet-dinh", "csv") if d["Mã quyết định (năm/tên tệp)"] == "2024/12-qd-ubnd")
    assert row["Cơ quan ban hành"] == "Ủy ban nhân dân tỉnh Tên Cũ" and row["Mã cơ quan ban hành"] == "ubnd-tinh"


def test_a_flag_and_a_gift_under_one_number_are_one_decision(tree):
    """A decision giving a Cờ thi đua with a gift in kind is one file: the gift is on the line (reward_item,
    reward_value_vnd); the Cờ counts as an award, the gift's value is stated apart from every money total."""
    tree.write("decisions/2024/40-qd-ubnd.yaml", """number: "40/QĐ-UBND"
date: 2024-12-20
authority: ubnd-tinh
award_form: co-thi-dua-cap-tinh
method: regular
reason: "Dẫn đầu phong trào thi đua năm 2024"
recipients:
  - {kind: collective, name: "Trường Tiểu học A", unit: truong-a, reward_item: "Máy chiếu", reward_value_vnd: 15000000}
""")
    result, pages, _ = site(tree)
    assert tree.problems() == []
    counts = result.catalog.counts
    assert counts.of_decision("2024/40-qd-ubnd").awards == 1 and counts.all.rewards == 0
    assert counts.all.in_kind_value == 15_000_000 and counts.all.reward_value == 0
    assert "Máy chiếu" in pages["quyet-dinh/2024/40-qd-ubnd/"]
    assert "kèm các hình thức khen thưởng của Luật (ví dụ kèm Cờ thi đua), theo giá trị ghi trong quyết định: " \
           "15.000.000 đ" in pages["thong-ke/"]


def test_an_occasion_states_its_total_once_and_never_below_its_decisions(tree):
    base = ('number: null\nnumber_note: "Bản tin lễ tuyên dương"\ndate: 2025-05-10\ndate_kind: ceremony\n'
            'authority: ubnd-tinh\naward_form: bang-khen-cap-tinh\nmethod: unknown\noccasion:\n  id: le-2025\n'
            '  declared_total: {total}\nrecipients:\n  - {{kind: collective, name: "{name}"}}\n')
    tree.write("decisions/2025/khong-so-le-a.yaml", base.format(total=3, name="Trường Tiểu học A"))
    tree.write("decisions/2025/khong-so-le-b.yaml", base.format(total=3, name="Trường Tiểu học B"))
    assert tree.problems() == []
    tree.write("decisions/2025/khong-so-le-b.yaml", base.format(total=1, name="Trường Tiểu học B"))
    assert tree.problems() == [
        "data/decisions/2025/khong-so-le-b.yaml:10: dịp «le-2025»: «declared_total» khác với "
        "data/decisions/2025/khong-so-le-a.yaml:10 — ghi tên và tổng số của dịp ở một quyết định, hoặc ghi giống nhau ở "
        "mọi quyết định của dịp"]
    tree.write("decisions/2025/khong-so-le-a.yaml", base.format(total=1, name="Trường Tiểu học A"))
    assert tree.problems() == [
        "data/decisions/2025/khong-so-le-a.yaml:10: dịp «le-2025»: tổng số công bố (1) ít hơn số các quyết định của "
        "dịp đã ghi (2) — kiểm tra lại declared_total của dịp, declared hoặc danh sách của các quyết định"]
