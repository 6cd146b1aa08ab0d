"""``admin``: the Decap CMS editing page's config.yml, generated from the JSON Schemas and the registries."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import FIXTURES

from generator.commands import admin_page
from generator.commands.scaffold import merged_registries
from generator.records.schema import record_schemas


@pytest.fixture(scope="module")
def config():
    records, _ = merged_registries(FIXTURES / "minimal" / "data")
    return admin_page.decap_config(records, admin_page.backend_settings(None, None, None, "main"))


def _collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields, name):
    return next(f for f in fields if f["name"] == name)


def test_every_field_of_the_schema_is_a_field_of_the_page_with_its_vietnamese_title(config):
    schema = record_schemas()["decision"]
    fields = _collection(config, "decisions")["fields"]
    assert [f["name"] for f in fields] == list(schema["properties"])
    for f in fields:
        assert f["label"] == schema["properties"][f["name"]]["title"], f["name"]
    # «number» is required but may be null (a decision whose number is unknown): the page lets it be left empty
    assert {f["name"] for f in fields if f["required"]} == set(schema["required"]) - {"number"}
    recipients = _field(fields, "recipients")
    recipient = schema["$defs"]["Recipient"]
    assert recipients["widget"] == "list" and recipients["summary"] == "{{fields.name}}"
    assert [f["name"] for f in recipients["fields"]] == list(recipient["properties"])
    assert _field(fields, "signer")["widget"] == "object"
    date = _field(fields, "date")
    assert (date["widget"], date["format"], date["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    assert _field(recipients["fields"], "cash_vnd")["value_type"] == "int"
    # a line's rare events are folded; the decision's own signer is not
    assert _field(recipients["fields"], "revoked")["collapsed"] and _field(recipients["fields"], "withdrawn")["collapsed"]
    assert "collapsed" not in _field(fields, "signer")


def test_references_are_selects_of_the_registries_with_their_names(config):
    fields = _collection(config, "decisions")["fields"]
    authority = _field(fields, "authority")
    assert authority["widget"] == "select"
    assert {"label": "Ủy ban nhân dân tỉnh Thử Nghiệm (ubnd-tinh)", "value": "ubnd-tinh"} in authority["options"]
    unit = _field(_field(fields, "recipients")["fields"], "unit")
    assert {"label": "Trường Tiểu học A (truong-a)", "value": "truong-a"} in unit["options"]
    forms = _field(fields, "award_form")["options"]
    assert any(o["value"] == "bang-khen-cap-tinh" for o in forms)  # the defaults of Bảng Vàng, merged
    method = _field(fields, "method")
    assert method["widget"] == "select" and "regular" in method["options"]


def test_file_names_follow_the_projects_slugs_and_registries_are_root_lists(config):
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert config["locale"] == "vi"
    decisions = _collection(config, "decisions")
    assert (decisions["folder"], decisions["slug"], decisions["extension"]) == ("data/decisions", "{{number}}", "yaml")
    registries = _collection(config, "registries")["files"]
    assert [f["file"] for f in registries] == [f"data/registries/{k}.yaml" for k in admin_page.EDITED_REGISTRIES]
    units = registries[1]["fields"][0]
    assert units["root"] is True and _field(units["fields"], "parent")["widget"] == "select"


def test_review_before_publishing_is_decaps_editorial_workflow():
    records, _ = merged_registries(FIXTURES / "minimal" / "data")
    backend = admin_page.backend_settings("gitlab", "so-noi-vu/bangvang", "https://git.tinh.gov.vn", "main")
    assert admin_page.decap_config(records, backend, review=True)["publish_mode"] == "editorial_workflow"
    assert "publish_mode" not in admin_page.decap_config(records, backend)


def test_backends_for_an_offices_git_host():
    assert admin_page.backend_settings(None, None, None, "main", 8090) == {
        "name": "proxy", "proxy_url": "http://127.0.0.1:8090/api/v1", "branch": "main"}
    assert admin_page.backend_settings("gitea", "so-noi-vu/bangvang", "https://git.tinh.gov.vn/", "main") == {
        "name": "gitea", "repo": "so-noi-vu/bangvang", "branch": "main", "base_url": "https://git.tinh.gov.vn"}
    assert admin_page.backend_settings("gitlab", "a/b", "https://gitlab.tinh.gov.vn", "main")["api_root"] == \
        "https://gitlab.tinh.gov.vn/api/v4"
    with pytest.raises(admin_page.AdminError, match="cần --repo"):
        admin_page.backend_settings("github", None, None, "main")


def test_the_command_writes_the_page_with_the_pinned_decap_copy(tmp_path, monkeypatch):
    dist = tmp_path / "checkout" / "node_modules" / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    (dist.parent / "package.json").write_text(json.dumps({"version": admin_page.DECAP_VERSION}), "utf-8")
    for name in ("decap-cms.js", "103.decap-cms.js", "decap-cms.js.map", "cms.js"):
        (dist / name).write_text("//", "utf-8")
    records, _ = merged_registries(FIXTURES / "minimal" / "data")
    out = tmp_path / "quan-tri"
    local = admin_page.backend_settings(None, None, None, "main")
    assert admin_page.write_page(out, records, tmp_path / "checkout", local) == 4
    assert sorted(p.name for p in out.iterdir()) == ["103.decap-cms.js", "config.yml", "decap-cms.js", "index.html"]
    assert yaml.safe_load((out / "config.yml").read_text("utf-8"))["locale"] == "vi"
    assert '<script src="decap-cms.js"></script>' in (out / "index.html").read_text("utf-8")
    with pytest.raises(admin_page.AdminError, match="npm ci"):
        admin_page.write_page(out, records, tmp_path / "elsewhere", local)


UNITS = """\
- id: truong-tieu-hoc-dong-son
  name: "Trường Tiểu học Đông Sơn"
  locality: "Xã Đông Sơn"
- id: thon-ban-chat
  name: "Thôn Bản Chắt"
  locality: "Xã Đông Sơn"
- id: tram-y-te-dong-son
  name: "Trạm Y tế xã Đông Sơn"
  locality: "Xã Đông Sơn"
"""
AUTHORITIES = """\
- id: ubnd-xa-dong-son
  name: "Ủy ban nhân dân xã Đông Sơn"
  short_name: "UBND xã Đông Sơn"
  kind: commune
  locality: "Xã Đông Sơn"
  valid_from: 2025-07-01
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "Cán bộ thi đua", "GIT_AUTHOR_EMAIL": "canbo@xa.example",
           "GIT_COMMITTER_NAME": "Cán bộ thi đua", "GIT_COMMITTER_EMAIL": "canbo@xa.example"}


@pytest.fixture
def office_site(tmp_path):
    """A new site with its registries, its editing page, in a git repository with one commit."""
    import os
    import subprocess

    from conftest import ROOT, run_cli

    if not (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
        pytest.skip("node_modules/decap-cms missing: npm ci")  # installed by make node_modules/.installed
    site = tmp_path / "xa"
    made = run_cli("new", "site", str(site), "--name", "Bảng Vàng xã Đông Sơn", "--short-name", "xã Đông Sơn",
                   "--site-url", "https://xa.example/", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (site / "data/registries/units.yaml").write_text(UNITS, "utf-8")
    (site / "data/registries/authorities.yaml").write_text(AUTHORITIES, "utf-8")
    port = _free_port()
    admin = run_cli("admin", "--port", str(port), cwd=site)
    assert admin.returncode == 0, admin.stderr
    env = {**os.environ, **GIT_ENV}
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "Trang mới"]):
        subprocess.run(["git", *command], cwd=site, env=env, check=True, capture_output=True, timeout=60)
    server = subprocess.Popen(["node", str(ROOT / "node_modules/decap-server/dist/index.js")], cwd=site,
                              env={**env, "MODE": "git", "GIT_REPO_DIRECTORY": str(site), "PORT": str(port),
                                   "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int) -> None:
    import socket
    import time

    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"decap-server did not listen on 127.0.0.1:{port}")


@pytest.mark.browser
def test_the_editing_page_opens_in_vietnamese_with_the_projects_collections(office_site):
    from playwright.sync_api import sync_playwright

    from generator.dev.screenshots import CHROMIUM_ARGS, serve

    httpd, base = serve(office_site / "quan-tri")
    outside = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
            page.goto(base + "index.html")
            page.get_by_text("Đăng nhập").click()
            for label in ("Quyết định khen thưởng", "Hồ sơ gương điển hình", "Danh mục"):
                page.get_by_text(label).first.wait_for()
            page.get_by_text("＋ quyết định").click()
            page.locator("[id^='authority-field']").wait_for()
            assert "Cơ quan ban hành".upper() in page.inner_text("body").upper()
            browser.close()
    finally:
        httpd.shutdown()
    assert outside == []  # nothing fetched from a CDN or anywhere else


def _git(repo, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60).stdout


def _choose(page, field: str, text: str, index: int = 0) -> None:
    """Pick ``text`` in the select ``field`` (react-select: type, then Enter)."""
    boxes = page.locator(f"[id^='{field}-field']")
    box = boxes.last if index == -1 else boxes.nth(index)
    box.click()
    box.fill(text)
    page.keyboard.press("Enter")


def _publish_decision(page, base: str, number: str, people: list[tuple[str, str, str]], pdf) -> None:
    """As a clerk: a new decision, its recipients chosen from the unit list, the signed scan, «Công bố»."""
    page.goto(base + "index.html#/collections/decisions/new")
    page.locator("[id^='number-field']").first.fill(number)
    page.locator("[id^='title-field']").first.fill("Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã")
    page.locator("[id^='date-field']").first.fill("2025-09-03")
    _choose(page, "authority", "ubnd-xa-dong-son")
    page.locator("[id^='name-field']").first.fill("Hoàng Văn Th")
    page.locator("[id^='title-field']").nth(1).fill("Chủ tịch")
    _choose(page, "award_form", "giay-khen-chu-tich-ubnd-xa")
    _choose(page, "method", "ad_hoc")
    page.locator("[id^='reason-field']").first.fill("Đã có thành tích xuất sắc trong phòng, chống lũ tháng 8 năm 2025")
    for name, position, unit in people:
        names_before = page.locator("[id^='name-field']").count()
        page.get_by_role("button", name=re.compile(r"danh sách khen thưởng", re.I)).click()
        _choose(page, "kind", "individual", -1)
        # the new line's own name is the first new name field (its optional revocation has a signer's name too)
        page.locator("[id^='name-field']").nth(names_before).fill(name)
        page.locator("[id^='position-field']").last.fill(position)
        _choose(page, "unit", unit, -1)
        _choose(page, "category", "direct_worker", -1)
    page.get_by_role("button", name="Chọn một tập tin").click()
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_text("Đã công bố").wait_for()


@pytest.mark.browser
@pytest.mark.slow
def test_a_clerk_publishes_a_decision_from_the_browser_and_it_becomes_a_page(office_site, tmp_path):
    from playwright.sync_api import sync_playwright

    from conftest import run_cli
    from generator.dev.screenshots import CHROMIUM_ARGS, serve

    pdf = tmp_path / "QD 12 da ky.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%signed scan\n%%EOF\n")
    httpd, base = serve(office_site / "quan-tri")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(base + "index.html")
            page.get_by_text("Đăng nhập").click()
            page.get_by_text("Quyết định khen thưởng").first.wait_for()
            _publish_decision(page, base, "12/QĐ-UBND", [
                ("Lục Thị Nh", "Giáo viên", "truong-tieu-hoc-dong-son"),
                ("Nông Văn Kh", "Trưởng thôn", "thon-ban-chat"),
                ("Hà Thị M", "Y sĩ", "tram-y-te-dong-son")], pdf)
            # «Công bố» is one commit: the decision under its ascii file name, and the scan
            log = _git(office_site, "log", "--name-only", "--format=%s", "-1").splitlines()
            assert log == ["Create quyết định “2025/12-qd-ubnd”", "", "data/attachments/qd-12-da-ky.pdf",
                           "data/decisions/2025/12-qd-ubnd.yaml"]
            written = (office_site / "data/decisions/2025/12-qd-ubnd.yaml").read_text("utf-8")
            assert "unit: truong-tieu-hoc-dong-son" in written and "unit: tram-y-te-dong-son" in written
            # CI: the scan's sha256, validation with the terminal's messages, the build
            assert run_cli("hash", cwd=office_site).returncode == 0
            checked = run_cli("validate", cwd=office_site)
            assert checked.returncode == 0, checked.stderr
            built = run_cli("build", cwd=office_site)
            assert built.returncode == 0, built.stderr
            site, search = serve(office_site / "site")
            try:
                page.goto(search + "tim-kiem/")
                page.fill("#bv-q", "luc thi nh")
                found = page.locator("#bv-results li").filter(has_text="Lục Thị Nh").first
                found.wait_for()
                assert "12/QĐ-UBND" in found.inner_text()
                # a second decision with a planted mistake: CI says what to fix, on a page beside the editing
                # page, and publishes nothing — the site online stays as it was
                before = sorted(p.relative_to(office_site / "site") for p in (office_site / "site").rglob("*"))
                second = tmp_path / "QD 13 da ky.pdf"
                second.write_bytes(b"%PDF-1.4\n%second scan\n%%EOF\n")
                _publish_decision(page, base, "13/QĐ-UBND", [("…", "Giáo viên", "truong-tieu-hoc-dong-son")], second)
                assert run_cli("hash", cwd=office_site).returncode == 0
                refused = run_cli("validate", "--report", "quan-tri/kiem-tra.html", cwd=office_site)
                assert refused.returncode == 1
                said = [line for line in refused.stderr.splitlines() if line.startswith("data/")]
                assert said == ["data/decisions/2025/13-qd-ubnd.yaml:16: dòng 1: «name» vẫn còn chỗ «…» của tệp mẫu — "
                                "điền giá trị thật, hoặc xóa dòng nếu trường không bắt buộc"]
                assert run_cli("build", cwd=office_site).returncode == 1
                assert sorted(p.relative_to(office_site / "site") for p in (office_site / "site").rglob("*")) == before
                page.goto(base + "kiem-tra.html")
                assert "Dữ liệu có lỗi — trang đang công khai được giữ nguyên" in page.inner_text("body")
                assert page.locator("li code").all_inner_texts() == said
            finally:
                site.shutdown()
            browser.close()
    finally:
        httpd.shutdown()
