"""«Báo sai sót» on decision, profile and person pages and «Đề cử / góp ý» on consultations: a link to the office's
mailbox (subject naming the page and its permanent address) or to the repository's issue tracker, set in
mkdocs.yml (plugins → bangvang → feedback); nothing without it. Every configured value escaped for its context."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from generator import pipeline
from generator.catalog.gate import Publication
from generator.engine.settings import feedback_url
from generator.site import urls
from generator.site.render import SiteOptions, render_site

from conftest import FIXTURES, ROOT, make_project, run_cli

DECISION = urls.decision(2024, "12-qd-ubnd")
MAILTO_ASIDE = (
    '<aside class="bv-feedback" aria-label="Báo sai sót" data-bv-feedback data-bv-feedback-row="Báo sai sót: Quyết '
    'định số 12/QĐ-UBND, dòng %DONG% — %NGUOI% (https://x.example/quyet-dinh/2024/12-qd-ubnd/#%NEO%)" '
    'data-bv-feedback-param="subject">\n'
    '  <p><a class="md-button" href="mailto:tdkt@tinh.example?subject=B%C3%A1o%20sai%20s%C3%B3t%3A%20Quy%E1%BA%BFt'
    '%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%2FQ%C4%90-UBND%20%28https%3A%2F%2Fx.example%2Fquyet-dinh%2F2024%2F12-qd-'
    'ubnd%2F%29&amp;body=Trang%3A%20https%3A%2F%2Fx.example%2Fquyet-dinh%2F2024%2F12-qd-ubnd%2F%0D%0A%0D%0ATh%C3%B4ng'
    '%20tin%20sai%20%28d%C3%B2ng%20n%C3%A0o%2C%20th%C3%B4ng%20tin%20n%C3%A0o%2C%20%C4%91%C3%BAng%20ra%20l%C3%A0%20g%C3'
    '%AC%29%3A%0D%0A%0D%0A%0D%0ANgu%E1%BB%93n%20%C4%91%E1%BB%91i%20chi%E1%BA%BFu%20%28n%E1%BA%BFu%20c%C3%B3%29%3A%0D'
    '%0A%0D%0A%28Xin%20%C4%91%E1%BB%ABng%20g%E1%BB%ADi%20s%E1%BB%91%20%C4%91%E1%BB%8Bnh%20danh%2C%20s%E1%BB%91%20%C4%91'
    'i%E1%BB%87n%20tho%E1%BA%A1i%2C%20%C4%91%E1%BB%8Ba%20ch%E1%BB%89%20nh%C3%A0%20c%E1%BB%A7a%20ng%C6%B0%E1%BB%9Di%20'
    'kh%C3%A1c.%29%0D%0A" rel="nofollow">Báo sai sót</a> <span class="bv-note">Mở thư điện tử gửi tới Ban &lt;Thi '
    'đua&gt; &amp; Khen thưởng, tiêu đề ghi sẵn tên và địa chỉ trang này.</span></p>\n'
    '  <p class="bv-feedback__manual">Không mở được thư? Gửi thư tới <strong class="bv-copyable">tdkt@tinh.example'
    '</strong>, tiêu đề: <span class="bv-copyable" data-bv-feedback-subject>Báo sai sót: Quyết định số 12/QĐ-UBND '
    '(https://x.example/quyet-dinh/2024/12-qd-ubnd/)</span></p>\n'
    '</aside>\n')
CONSULTATION = """title: "Lấy ý kiến đề nghị tặng Bằng khen"
proposer: ubnd-tinh
award_form: bang-khen-cap-tinh
opens: 2026-11-01
closes: 2026-11-30
how_to_comment: "Gửi văn bản"
contact:
  address: "Ban Thi đua - Khen thưởng"
  email: "gop-y?bcc=ai-do@tinh.example"
proposed:
  - kind: individual
    name: "Lê Văn D"
    unit: truong-a
    category: direct_worker
"""


def pages_of(tree, **options):
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [p.format() for p in outcome.problems]
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates",
                       SiteOptions(site_url="https://x.example/", **options))
    return {p.url: p.html for p in site.pages}, site


def test_the_offices_mailbox_with_the_page_named_in_the_subject(tree):
    pages, site = pages_of(tree, feedback_url="mailto:tdkt@tinh.example", feedback_to="Ban <Thi đua> & Khen thưởng")
    assert MAILTO_ASIDE in pages[DECISION]
    for url, subject in ((urls.profile("nguyen-van-a"), "Gương%20%C4%91i%E1%BB%83n%20h%C3%ACnh%20Nguy%E1%BB%85n"),
                         (urls.person("nguyen-van-a"), "C%C3%A1c%20khen%20th%C6%B0%E1%BB%9Fng%20c%E1%BB%A7a%20Nguy")):
        assert f'href="mailto:tdkt@tinh.example?subject=B%C3%A1o%20sai%20s%C3%B3t%3A%20{subject}' in pages[url].replace(
            "G%C6%B0%C6%A1ng", "Gương")
    assert "tdkt@tinh.example" in site.allowed  # the office's address is published on purpose


def test_the_repositorys_issue_tracker_gets_a_prefilled_title(tree):
    pages, _ = pages_of(tree, feedback_url="https://github.com/to-chuc/bangvang/issues/new")
    html = pages[DECISION]
    assert ('<a class="md-button" href="https://github.com/to-chuc/bangvang/issues/new?title=B%C3%A1o%20sai%20s%C3%B3t'
            '%3A%20Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%2FQ%C4%90-UBND%20%28https%3A%2F%2Fx.example%2F'
            'quyet-dinh%2F2024%2F12-qd-ubnd%2F%29&amp;body=Trang%3A%20') in html
    assert ('<span class="bv-note">Gửi qua trang góp ý công khai: mọi người đều đọc được; ghi rõ địa chỉ trang này và '
            'đừng ghi thông tin riêng của ai.</span>') in html
    gitlab, _ = pages_of(tree, feedback_url="https://gitlab.com/to-chuc/bangvang/-/issues/new")
    assert 'href="https://gitlab.com/to-chuc/bangvang/-/issues/new?issue%5Btitle%5D=B%C3%A1o' in gitlab[DECISION]
    form, _ = pages_of(tree, feedback_url="https://tinh.example/gop-y?muc=bang-vang")
    assert '<a class="md-button" href="https://tinh.example/gop-y?muc=bang-vang" rel="nofollow">Báo sai sót</a>' in \
        form[DECISION]


def test_nothing_is_shown_without_a_setting(tree):
    pages, _ = pages_of(tree)
    assert not any("bv-feedback" in html for html in pages.values())


def test_a_consultation_sends_comments_to_its_own_mailbox_and_nothing_else(tree):
    tree.write("consultations/dot-1.yaml", CONSULTATION)
    pages, _ = pages_of(tree, feedback_url="https://github.com/to-chuc/bangvang/issues/new")
    html = pages[urls.consultation("dot-1")]
    # «?bcc=» in a record's address stays part of the address: no header can be added from data
    assert 'data-bv-open-until="2026-11-30">' in html  # feedback.js ends the buttons after the deadline
    assert html.count("data-bv-report-row=") == 1  # one button per candidate
    assert ('<p><a class="md-button" '
            'href="mailto:gop-y%3Fbcc%3Dai-do@tinh.example?subject=%C4%90%E1%BB%81%20c%E1%BB%AD%20%2F%20g%C3%B3p%20'
            '%C3%BD%3A%20L%E1%BA%A5y%20%C3%BD%20ki%E1%BA%BFn') in html
    assert "Mở thư điện tử gửi tới gop-y?bcc=ai-do@tinh.example, tiêu đề ghi sẵn tên và địa chỉ trang này." in html


@pytest.mark.parametrize("value, message", [
    ("javascript:alert(1)", "plugins.bangvang.feedback.url «javascript:alert(1)» phải là địa chỉ mailto: "
                            "hoặc http:// hoặc https:// — ví dụ mailto:thiduakhenthuong@tinh.gov.vn hoặc "
                            "https://github.com/to-chuc/bangvang/issues/new"),
    ("mailto:tdkt@tinh.example?bcc=ai-do@x.example",
     "plugins.bangvang.feedback.url «mailto:tdkt@tinh.example?bcc=ai-do@x.example» phải là mailto: và một "
     "địa chỉ thư — ví dụ mailto:thiduakhenthuong@tinh.gov.vn (không thêm ?subject=…: trang tự điền)"),
    ("https://github.com/a b/issues/new", "plugins.bangvang.feedback.url «https://github.com/a b/issues/new» "
     "không đúng dạng địa chỉ web (có tên miền, không có khoảng trắng hay «#…») — ví dụ "
     "https://github.com/to-chuc/bangvang/issues/new"),
])
def test_only_mailto_and_web_addresses_are_accepted(value, message):
    with pytest.raises(PluginError) as error:
        feedback_url(value)
    assert str(error.value) == message


def test_a_bad_setting_stops_the_build_naming_it(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "url: mailto:thiduakhenthuong@hoa-an.example" in text
    config.write_text(text.replace("url: mailto:thiduakhenthuong@hoa-an.example", 'url: "data:text/html,x"'), "utf-8")
    result = run_cli("build", "--config", str(config), "--site-dir", str(project / "site"))
    lines = config.read_text("utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if 'url: "data:text/html,x"' in text)
    assert result.returncode == 1 and f"mkdocs.yml:{line}: plugins.bangvang.feedback.url «data:text/html,x» phải là " \
        "địa chỉ mailto:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()
