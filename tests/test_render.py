"""Rendered pages against golden files. After an intended template change, regenerate with
``make golden`` (UPDATE_GOLDEN=1) and review the diff in git."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import pipeline

from generator.site import urls

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = {
    "home": urls.HOME,
    "decision": urls.decision(2024, "12-qd-ubnd"),
    "decision-revoked": urls.decision(2024, "13-qd-ubnd"),
    "profile": urls.profile("nguyen-van-a"),
    "unit-merged": urls.unit("don-vi-cu"),
    "award-form": urls.award_form("bang-khen-cap-tinh"),
    "decisions-index": urls.DECISIONS,
    "year": urls.year(2024),
    "person": urls.person("nguyen-van-a"),
    "people-index": urls.PEOPLE,
}


def rendered(tree):
    outcome = pipeline.run(tree.data, ROOT / "site_templates", tree.root)
    assert outcome.ok, outcome.problems
    return {page.url: page for page in outcome.site.pages}, outcome.site


def outcome_forms(tree):
    return pipeline.check(tree.data, tree.root).catalog.records.award_forms.values()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden(tree, name):
    pages, _ = rendered(tree)
    html = pages[PAGES[name]].html
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run `make golden`"
    assert html == golden.read_text(encoding="utf-8"), f"{name} differs from {golden}; `make golden` if intended"


# The 2025 reorganisation, added to the fixture: "Đơn vị Cũ" split between two units, another dissolved without successor
REORGANISED_UNITS = """- id: don-vi-tach
  name: "Đơn vị Tách"
  locality: "Xã Mới"
  valid_from: 2025-03-01
- id: don-vi-giai-the
  name: "Đơn vị Giải Thể"
  locality: "Xã Mới"
  valid_to: 2025-06-30
"""
REORGANISED_PAGES = {
    "unit-split": urls.unit("don-vi-cu"),
    "unit-ceased": urls.unit("don-vi-giai-the"),
}


def reorganise(tree) -> None:
    tree.write("registries/units.yaml", tree.read("registries/units.yaml").replace(
        "successors: [don-vi-moi]", "successors: [don-vi-moi, don-vi-tach]") + REORGANISED_UNITS)


@pytest.mark.parametrize("name", sorted(REORGANISED_PAGES))
def test_reorganised_unit_page_matches_golden(tree, name):
    reorganise(tree)
    pages, _ = rendered(tree)
    html = pages[REORGANISED_PAGES[name]].html
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run `make golden`"
    assert html == golden.read_text(encoding="utf-8"), f"{name} differs from {golden}; `make golden` if intended"


def test_split_shows_every_successor_and_each_successor_its_predecessor(tree):
    reorganise(tree)
    pages, _ = rendered(tree)
    split = pages[urls.unit("don-vi-cu")].html
    assert ('các đơn vị kế thừa: <a href="../../don-vi/don-vi-moi/">Đơn vị Mới</a>, '
            '<a href="../../don-vi/don-vi-tach/">Đơn vị Tách</a>.') in split
    for successor in ("don-vi-moi", "don-vi-tach"):
        assert ('<dt>Tiếp nhận từ</dt><dd><a href="../../don-vi/don-vi-cu/">Đơn vị Cũ</a></dd>'
                in pages[urls.unit(successor)].html)
    ceased = pages[urls.unit("don-vi-giai-the")].html
    assert "Ngừng hoạt động từ 01/07/2025, không có đơn vị kế thừa." in ceased
    assert "kế thừa:" not in ceased


def test_every_record_has_a_page(tree):
    pages, site = rendered(tree)
    expected = {urls.HOME, urls.DECISIONS, urls.AWARD_FORMS, urls.UNITS, urls.PROFILES, urls.ABOUT_DATA,
                urls.year(2024), urls.decision(2024, "12-qd-ubnd"), urls.decision(2024, "13-qd-ubnd"),
                urls.profile("nguyen-van-a"), urls.unit("truong-a"), urls.unit("don-vi-cu"), urls.unit("don-vi-moi"),
                urls.PEOPLE, urls.person("nguyen-van-a")}
    assert expected <= set(pages)
    form_pages = {u for u in pages if u.startswith(urls.AWARD_FORMS) and u != urls.AWARD_FORMS}
    assert form_pages == {urls.award_form(form.model.id) for form in outcome_forms(tree)}
    paths = {f.path for f in site.files}
    assert "anh/guong-dien-hinh/nguyen-van-a.png" in paths
    assert {urls.schema(n) for n in ("decision", "profile", "units", "authorities", "award_forms", "movements",
                                      "base_salary", "legal_documents", "report_forms")} <= paths


def test_recipient_anchor_and_profile_link(tree):
    pages, _ = rendered(tree)
    html = pages[urls.decision(2024, "12-qd-ubnd")].html
    assert '<tr id="nguoi-nhan-nguyen-van-a">' in html
    assert '<a href="../../../guong-dien-hinh/nguyen-van-a/">Nguyễn Văn A</a>' in html


def test_revoked_banner_only_on_revoked_decision(tree):
    pages, _ = rendered(tree)
    assert "Quyết định này đã bị hủy bỏ" in pages[urls.decision(2024, "13-qd-ubnd")].html
    assert "Quyết định này đã bị hủy bỏ" not in pages[urls.decision(2024, "12-qd-ubnd")].html
    assert "99/QĐ-UBND" in pages[urls.decision(2024, "13-qd-ubnd")].html


def test_text_from_data_is_escaped_and_markdown_sanitized(tree):
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '    name: "Trần Thị B"', f"    name: '{evil}'")
    tree.replace("decisions/2024/12-qd-ubnd.yaml", 'reason: "Đã có thành tích xuất sắc"', f"reason: '{evil}'")
    tree.write("profiles/nguyen-van-a.md", f"Story {evil} [x](javascript:alert(3)) <a href=\"data:text/html,x\">y</a>\n")
    pages, _ = rendered(tree)
    for page in pages.values():
        assert "<script>alert" not in page.html
        assert "onerror=" not in page.html.replace("onerror=alert(2)&gt;", "")
        assert "javascript:" not in page.html and "data:text/html" not in page.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[urls.decision(2024, "12-qd-ubnd")].html


def test_broken_template_is_reported_with_file_and_line(tree, tmp_path):
    import shutil

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "site_templates", templates)
    (templates / "year.html").write_text("<h1>{{ title }</h1>\n", encoding="utf-8")
    outcome = pipeline.run(tree.data, templates, tmp_path)
    assert not outcome.ok
    assert [str(p).split(" — ")[0] for p in outcome.problems] == [
        "templates/year.html:1: lỗi cú pháp mẫu trang: ký tự «}» không đúng chỗ"]


def test_public_pages_leave_out_the_staffs_verification_notes(sample_site):
    from generator.site.labels import public_text

    assert public_text("Luật Thi đua, khen thưởng 2022 (huy chương; điều cụ thể — kiểm tra lại)") == \
        "Luật Thi đua, khen thưởng 2022"
    assert public_text("Nghị định 91/2017/NĐ-CP (nguồn thứ cấp — kiểm tra lại); Nghị định 38/2019/NĐ-CP (chưa đối "
                       "chiếu lại)") == "Nghị định 91/2017/NĐ-CP; Nghị định 38/2019/NĐ-CP"
    assert public_text("Thôn (tổ dân phố) văn hóa") == "Thôn (tổ dân phố) văn hóa"
    for page in [*sample_site.glob("hinh-thuc-khen-thuong/*/index.html"), sample_site / "van-ban-phap-luat/index.html"]:
        html = page.read_text("utf-8")
        assert "— kiểm tra lại" not in html and "nguồn thứ cấp" not in html and "chưa đối chiếu" not in html, page
    report = (sample_site / "thong-ke/bao-cao/2025-ubnd-tinh-hoa-an-0603/index.html").read_text("utf-8")
    assert "Tập thể <small>" not in report and "Doanh nghiệp <small>" not in report  # no «Tập thể (Tập thể)»
    assert "Cá nhân <small>(Người)</small>" in report and "chiến đấu (công nhân, nông dân, …) <small>(Người)" in report
    form = (sample_site / "hinh-thuc-khen-thuong/chien-si-thi-dua-cap-tinh/index.html").read_text("utf-8")
    assert ('<p class="bv-lead">Chiến sĩ thi đua cấp tỉnh: danh hiệu thi đua cấp bộ, ngành, tỉnh, tặng cho cá nhân; '
            'Ủy ban nhân dân tỉnh quyết định tặng.</p>') in form


def test_every_category_has_a_short_name_with_the_laws_phrase_on_demand():
    from generator.records.models import RecipientCategory
    from generator.site.labels import SHORT_CATEGORY, label
    from generator.site.views import category_label

    for category in RecipientCategory:
        assert SHORT_CATEGORY[category] and len(SHORT_CATEGORY[category]) <= len(label(category))
        assert category_label(category) == f'<abbr title="{label(category)}">{SHORT_CATEGORY[category]}</abbr>'
