"""End to end: the real CLI and a real strict MkDocs build of the sample and of hostile data."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, ROOT, make_project, run_cli
from generator import pipeline
from generator.site import urls
from sitecheck import broken_links, parse

pytestmark = pytest.mark.slow


def test_every_record_has_its_page(sample_site):
    catalog = pipeline.check(ROOT / "data", ROOT).catalog
    for decision in catalog.decisions:
        assert (sample_site / urls.decision(decision.year, decision.slug) / "index.html").is_file()
    for slug in catalog.profiles:
        assert (sample_site / urls.profile(slug) / "index.html").is_file()
    for unit_id in catalog.units:
        assert (sample_site / urls.unit(unit_id) / "index.html").is_file()
    for form_id in catalog.award_forms:
        assert (sample_site / urls.award_form(form_id) / "index.html").is_file()
    for name in ("gioi-thieu", "co-so-phap-ly", "cach-doc-quyet-dinh", "ve-du-lieu"):
        assert (sample_site / name / "index.html").is_file()


def test_no_broken_links_or_anchors(sample_site):
    assert broken_links(sample_site) == []


def test_pages_are_vietnamese_and_self_contained(sample_site):
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    for page in sample_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page
        for script in parse(page).scripts:
            assert not (script["src"] or "").startswith(("http:", "https:", "//")), page


def test_record_pages_stay_out_of_the_navigation(sample_site):
    """A decision page's HTML must not grow with the number of decisions."""
    page = (sample_site / urls.decision(2024, "1876-qd-ubnd") / "index.html").read_text(encoding="utf-8")
    other = [d for d in (sample_site / "quyet-dinh" / "2023").iterdir() if d.is_dir()][0].name
    assert f"2023/{other}/" not in page
    assert len(page.encode()) < 30_000


def test_hostile_data_never_reaches_the_page_as_markup(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    evil = "<script>alert('xss')</script>"
    decision = project / "data/decisions/2024/12-qd-ubnd.yaml"
    text = decision.read_text(encoding="utf-8")
    text = text.replace('"Trần Thị B"', f'"{evil}"').replace('"Dạy giỏi"', '"<img src=x onerror=alert(1)>"')
    decision.write_text(text, encoding="utf-8")
    text = text.replace('title: "Về việc tặng Bằng khen"', 'title: \'"><script>alert("title")</script>\'')
    decision.write_text(text, encoding="utf-8")
    profile = project / "data/profiles/nguyen-van-a.yaml"
    profile.write_text(profile.read_text("utf-8").replace('"Thầy giáo vùng khó khăn."',
                                                          '\'"><script>alert("summary")</script>\''), "utf-8")
    (project / "data/profiles/nguyen-van-a.md").write_text(
        f"{evil}\n\n[bấm](javascript:alert(1))\n\n<iframe src='https://example.com'></iframe>\n", encoding="utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "alert('xss')</script>" not in text and "<iframe" not in text and "javascript:" not in text, page
        assert '<script>alert("' not in text, page
        for script in parse(page).scripts:
            if script["type"] == "application/ld+json":  # data, not code: must parse and never close early
                json.loads(script["text"])
                assert "</" not in script["text"], page
            else:
                assert "alert" not in script["text"], page
    assert "&lt;script&gt;alert(" in (project / "site/quyet-dinh/2024/12-qd-ubnd/index.html").read_text("utf-8")


def test_broken_record_fails_with_path_line_and_leaves_site_untouched(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    site = project / "site"
    first = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    decision = project / "data/decisions/2024/12-qd-ubnd.yaml"
    decision.write_text(decision.read_text("utf-8").replace("method: regular", "method: yearly"), "utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site))
    assert result.returncode == 1
    assert "data/decisions/2024/12-qd-ubnd.yaml:11: «method» (Phương thức khen thưởng) không nhận giá trị «yearly»" \
        in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.glob("site.tmp-*"))


def test_mkdocs_build_strict_directly(tmp_path):
    """`mkdocs build --strict` with the plugin alone (no CLI) also works, and fails on bad data."""
    import subprocess
    import sys

    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    run = lambda: subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                                 capture_output=True, text=True, timeout=300)
    ok = run()
    assert ok.returncode == 0, ok.stderr
    assert (project / "site/quyet-dinh/2024/12-qd-ubnd/index.html").is_file()
    decision = project / "data/decisions/2024/12-qd-ubnd.yaml"
    decision.write_text(decision.read_text("utf-8").replace("authority: ubnd-tinh", "authority: khong-co"), "utf-8")
    bad = run()
    assert bad.returncode != 0
    assert "data/decisions/2024/12-qd-ubnd.yaml:4: không có cơ quan mã «khong-co»" in bad.stderr


def test_strict_counts_data_warnings_in_both_entry_points(tmp_path):
    """A data warning (a unit used after its merger) passes a normal build and fails a strict one,
    through the CLI and through `mkdocs build` alike: warnings go through the engine's logging."""
    import subprocess
    import sys

    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    old = project / "data/decisions/2024/13-qd-ubnd.yaml"
    text = old.read_text("utf-8").replace("date: 2024-07-01", "date: 2025-07-01").replace("date: 2024-12-01",
                                                                                          "date: 2025-12-01")
    old.unlink()
    (project / "data/decisions/2025").mkdir()
    (project / "data/decisions/2025/13-qd-ubnd.yaml").write_text(text, "utf-8")
    config = str(project / "mkdocs.yml")
    warning = "cảnh báo: dòng 1 (Nguyễn Văn A): đơn vị «Đơn vị Cũ» đã ngừng hoạt động"
    plain = run_cli("build", "--config", config, cwd=project)
    assert plain.returncode == 0 and warning in plain.stderr
    strict = run_cli("build", "--strict", "--config", config, cwd=project)
    assert strict.returncode != 0 and warning in strict.stderr
    engine = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert engine.returncode != 0 and warning in engine.stderr


def test_published_urls_never_disappear_without_a_redirect(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config, site = str(project / "mkdocs.yml"), str(project / "site")
    assert run_cli("build", "--config", config, "--site-dir", site).returncode == 0
    manifest = (project / "published-urls.txt").read_text("utf-8")
    assert "quyet-dinh/2024/12-qd-ubnd/\n" in manifest and "gioi-thieu/\n" in manifest

    # a slug changes (the file is renamed): the old URL must keep working
    old = project / "data/decisions/2024/12-qd-ubnd.yaml"
    old.rename(project / "data/decisions/2024/12-qd-ubnd-tinh.yaml")
    failed = run_cli("build", "--config", config, "--site-dir", site)
    assert failed.returncode == 1
    line = manifest.splitlines().index("quyet-dinh/2024/12-qd-ubnd/") + 1
    assert f"published-urls.txt:{line}: địa chỉ đã công bố «quyet-dinh/2024/12-qd-ubnd/» không còn trang nào" \
        in failed.stderr
    (project / "data/redirects.yaml").write_text(
        "- old: quyet-dinh/2024/12-qd-ubnd/\n  new: quyet-dinh/2024/12-qd-ubnd-tinh/\n"
        "  date: 2025-01-02\n  reason: \"Thêm tên cơ quan vào tên tệp\"\n", "utf-8")
    ok = run_cli("build", "--config", config, "--site-dir", site)
    assert ok.returncode == 0, ok.stderr
    redirect = (project / "site/quyet-dinh/2024/12-qd-ubnd/index.html").read_text("utf-8")
    assert 'http-equiv="refresh" content="0; url=../../../quyet-dinh/2024/12-qd-ubnd-tinh/"' in redirect
    assert '<script>location.replace("../../../quyet-dinh/2024/12-qd-ubnd-tinh/" + location.hash)</script>' in redirect
    # the moved decision's downloads answer at the old address too
    built = project / "site/quyet-dinh/2024"
    assert (built / "12-qd-ubnd/danh-sach.csv").read_bytes() == (built / "12-qd-ubnd-tinh/danh-sach.csv").read_bytes()
    assert (built / "12-qd-ubnd/quyet-dinh.json").read_bytes() == (built / "12-qd-ubnd-tinh/quyet-dinh.json").read_bytes()
    assert "quyet-dinh/2024/12-qd-ubnd-tinh/\n" in (project / "published-urls.txt").read_text("utf-8")

    # a record deleted without a redirect: the build fails and names the URL
    (project / "data/decisions/2024/13-qd-ubnd.yaml").unlink()
    gone = run_cli("build", "--config", config, "--site-dir", site)
    assert gone.returncode == 1 and "«quyet-dinh/2024/13-qd-ubnd/» không còn trang nào" in gone.stderr
    assert (project / "site/quyet-dinh/2024/13-qd-ubnd/index.html").is_file()  # previous site kept


def test_redirect_to_a_missing_page_is_an_error(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    (project / "data/redirects.yaml").write_text("- old: cu/\n  new: khong-co/\n", "utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"))
    assert result.returncode == 1
    assert "data/redirects.yaml:2: chuyển hướng «cu/» tới «khong-co/», nhưng trang đó không tồn tại" in result.stderr


def test_both_engines_build_the_same_site(sample_site, tmp_path):
    """ProperDocs (the default when installed) and MkDocs 1.6 build byte-identical sites: every page names
    Bảng Vàng as its generator, not the engine."""
    import os
    import subprocess
    import sys

    out = tmp_path / "mkdocs-site"
    env = {**os.environ, "BANGVANG_ENGINE": "mkdocs", "BANGVANG_TODAY": "2026-11-25"}
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr

    def files(site):
        return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}

    ours, theirs = files(sample_site), files(out)
    assert set(ours) == set(theirs)
    different = [name for name in sorted(ours) if ours[name].read_bytes() != theirs[name].read_bytes()]
    assert different == []
    for site in (sample_site, out):
        page = (site / "index.html").read_text("utf-8")
        assert re.findall(r'<meta name="generator" content="([^"]*)">', page) == ["Bảng Vàng"]
        assert "mkdocs-material" not in page and "ProperDocs" not in page


def test_personal_data_that_bypassed_validation_stops_the_build(tmp_path):
    """The end-of-build scan is a second line of defence: a phone number planted in a template (which
    validation never reads) is found in the built page, the build fails naming it, nothing is published."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    template = project / "site_templates/unit.html"
    template.write_text(template.read_text("utf-8") + "<p>Liên hệ: 0912 345 678</p>\n", "utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"))
    assert result.returncode == 2, result.stderr
    assert "dữ liệu cá nhân «0912 345 678» (số điện thoại) có trong trang don-vi/" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()
