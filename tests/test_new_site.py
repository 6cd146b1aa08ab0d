"""``new site``: a province's own site, started in a new directory and built with the real engine."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from generator.text import fold
from sitecheck import broken_links

SITE_URL = "https://thiduakhenthuong.dongson.gov.vn/"
SAMPLE_DOMAIN = "bangvang-hoa-an.example"
OPTIONS = ("--name", "Bảng Vàng xã Đông Sơn", "--short-name", "xã Đông Sơn", "--site-url", SITE_URL.rstrip("/"))

AUTHORITIES = """\
- id: ubnd-xa-dong-son
  name: "Ủy ban nhân dân xã Đông Sơn"
  short_name: "UBND xã Đông Sơn"
  kind: commune
  locality: "Xã Đông Sơn"
  valid_from: 2025-07-01
"""

UNITS = """\
- id: truong-tieu-hoc-dong-son
  name: "Trường Tiểu học Đông Sơn"
  locality: "Xã Đông Sơn"
- id: thon-ban-chat
  name: "Thôn Bản Chắt"
  locality: "Xã Đông Sơn"
  remote_area: true
"""

# A commune chair's Giấy khen of 3 September 2025 to three people and one household, as such decisions read.
DECISION = """\
number: "125/QĐ-UBND"
title: "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã"
date: 2025-09-03
authority: ubnd-xa-dong-son
signer:
  name: "Hoàng Văn Th"
  title: "Chủ tịch"
legal_basis:
  - "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
  - "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
award_form: giay-khen-chu-tich-ubnd-xa
method: ad_hoc
reason: "Đã có thành tích xuất sắc trong công tác phòng, chống và khắc phục hậu quả mưa lũ tháng 8 năm 2025"
recipients:
  - kind: individual
    name: "Lục Thị Nh"
    position: "Giáo viên"
    unit: truong-tieu-hoc-dong-son
    category: direct_worker
    gender: female
    achievement: "Giúp học sinh điểm trường Bản Chắt di dời an toàn khi lũ về"
    cash_vnd: 710000
  - kind: individual
    name: "Nông Văn Kh"
    position: "Trưởng thôn"
    unit: thon-ban-chat
    category: direct_worker
    gender: male
    achievement: "Tổ chức di dời 12 hộ dân khỏi vùng sạt lở"
    cash_vnd: 710000
  - kind: individual
    name: "Vi Đức T"
    position: "Hiệu trưởng"
    unit: truong-tieu-hoc-dong-son
    category: leader_other
    gender: male
    achievement: "Chỉ đạo bảo vệ trường lớp, sớm đón học sinh trở lại"
    cash_vnd: 710000
  - kind: household
    name: "Hộ ông Hà Văn S"
    unit: thon-ban-chat
    achievement: "Cho 5 hộ bị sạt lở ở nhờ và góp lương thực"
    cash_vnd: 1060000
"""


def _new_site(target: Path, *options: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("new", "site", str(target), *options, cwd=cwd)


def _published_text(root: Path) -> dict[str, str]:
    """Every text of the project and its site (gzip opened), by path; binary files left out."""
    texts = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            texts[path.relative_to(root).as_posix()] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return texts


def _sample_traces(root: Path) -> list[str]:
    """Files that name the sample's fictional province or its domain (any case, with or without marks)."""
    province = re.compile(r"\bhoa[ -]?an\b")
    return [rel for rel, text in _published_text(root).items()
            if province.search(fold(text)) or SAMPLE_DOMAIN in text]


def _build(site: Path) -> subprocess.CompletedProcess:
    result = run_cli("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "cảnh báo" not in result.stderr and "lỗi" not in result.stderr, result.stderr
    assert english_lines(result.stdout + result.stderr) == []
    return result


_ENGLISH = re.compile(r"\b(the|is|are|in|to|of|and|with|directory|documentation|building|built|seconds|serving|"
                      r"usage|error|warning|info|options|arguments|required|unrecognized|invalid|watching|"
                      r"detected|reloading|browser)\b", re.I)


def english_lines(output: str) -> list[str]:
    """Lines that read as English: an English word and no Vietnamese letter (every Vietnamese sentence has one)."""
    return [line for line in output.splitlines() if line.isascii() and _ENGLISH.search(line)]


@pytest.mark.slow
def test_a_new_site_builds_empty_then_with_its_first_decision(tmp_path):
    site = tmp_path / "bangvang-dong-son"
    result = _new_site(site, *OPTIONS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for step in ("authorities.yaml", "units.yaml", "new decision", "import", "validate", "build",
                 "published-urls.txt"):
        assert step in result.stdout
    assert not (site / "published-urls.txt").exists()  # the first build writes it
    assert (site / "data/decisions").is_dir() and (site / "data/profiles").is_dir()
    assert (site / ".gitignore").is_file() and not (site / "site_templates").exists()
    assert "!!! warning" not in (site / "content/gioi-thieu.md").read_text("utf-8")
    assert _sample_traces(site) == []

    # empty: valid, and built without a warning
    validated = run_cli("validate", cwd=site)
    assert validated.returncode == 0 and validated.stdout.startswith("Dữ liệu hợp lệ: 0 quyết định"), validated.stderr
    _build(site)
    out = site / "site"
    home = (out / "index.html").read_text("utf-8")
    assert "Chưa có quyết định nào được công bố" in home
    assert "<title>Bảng Vàng xã Đông Sơn" in home and f'<link rel="canonical" href="{SITE_URL}">' in home
    assert (site / "published-urls.txt").is_file()
    for section in ("quyet-dinh", "thong-ke", "cap-nhat", "don-vi", "guong-dien-hinh", "tim-kiem", "ve-du-lieu"):
        assert (out / section / "index.html").is_file(), section
    for data_file in ("cap-nhat.atom", "du-lieu/datapackage.json", "tim-kiem/chi-muc/meta.json", "sitemap.xml"):
        assert (out / data_file).is_file(), data_file
    assert not (out / "du-lieu/2025").exists()  # no year, no year's files
    assert broken_links(out) == []
    assert _sample_traces(site) == []

    # the first decision, with the registry entries it names
    (site / "data/registries/authorities.yaml").write_text(AUTHORITIES, "utf-8")
    (site / "data/registries/units.yaml").write_text(UNITS, "utf-8")
    decision = site / "data/decisions/2025/125-qd-ubnd.yaml"
    decision.parent.mkdir()
    decision.write_text(DECISION, "utf-8")
    validated = run_cli("validate", "--strict", cwd=site)
    assert validated.returncode == 0, validated.stderr
    assert "1 quyết định (0 đã hủy bỏ), 4 lượt khen thưởng" in validated.stdout
    _build(site)
    page = (out / "quyet-dinh/2025/125-qd-ubnd/index.html").read_text("utf-8")
    assert "Hộ ông Hà Văn S" in page and "Lục Thị Nh" in page
    assert f'<link rel="canonical" href="{SITE_URL}quyet-dinh/2025/125-qd-ubnd/">' in page
    assert "125/QĐ-UBND" in (out / "index.html").read_text("utf-8")
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{SITE_URL}quyet-dinh/2025/125-qd-ubnd/" in locations
    assert locations and all(loc.startswith(SITE_URL) for loc in locations)
    assert "quyet-dinh/2025/125-qd-ubnd/" in (site / "published-urls.txt").read_text("utf-8").splitlines()
    for name in ("quyet-dinh.csv", "quyet-dinh.json", "nguoi-nhan.csv", "nguoi-nhan.json"):
        assert "Lục Thị Nh".encode() in gzip.decompress((out / "du-lieu/2025" / f"{name}.gz").read_bytes()) \
            or name.startswith("quyet-dinh"), name
    assert broken_links(out) == []
    assert _sample_traces(site) == []


def test_a_non_empty_target_is_refused_and_left_alone(tmp_path):
    site = tmp_path / "trang"
    site.mkdir()
    (site / "ghi-chu.txt").write_text("của tôi", "utf-8")
    result = _new_site(site, *OPTIONS, cwd=tmp_path)
    assert result.returncode == 1
    assert "thư mục không rỗng" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["ghi-chu.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["trang"]  # no staging directory left behind


def test_an_empty_target_directory_is_used(tmp_path):
    site = tmp_path / "trang"
    site.mkdir()
    assert _new_site(site, *OPTIONS, cwd=tmp_path).returncode == 0
    assert (site / "mkdocs.yml").is_file()


@pytest.mark.parametrize("url, says", [
    ("ftp://bangvang.tinh.gov.vn/", "phải là địa chỉ http:// hoặc https://"),
    ("javascript:alert(1)//", "phải là địa chỉ http:// hoặc https://"),
    ("bangvang.tinh.gov.vn", "phải là địa chỉ http:// hoặc https://"),
    ("https://", "thiếu tên miền"),
    ("https://bangvang tinh.gov.vn/", "khoảng trắng"),
    ("https://bangvang.tinh.gov.vn/?trang=1", "«?…» hay «#…»"),
])
def test_a_bad_site_url_is_refused_before_anything_is_written(tmp_path, url, says):
    site = tmp_path / "trang"
    result = _new_site(site, "--name", "Bảng Vàng tỉnh X", "--short-name", "tỉnh X", "--site-url", url, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("--site-url: site_url «") and says in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_missing_values_in_a_script_name_the_option(tmp_path):
    result = _new_site(tmp_path / "trang", "--name", "Bảng Vàng tỉnh X", cwd=tmp_path)
    assert result.returncode == 1
    assert "Thiếu giá trị: Tỉnh hoặc đơn vị công bố" in result.stderr and "--short-name" in result.stderr
    assert not (tmp_path / "trang").exists()


def test_the_bangvang_checkout_is_never_written(tmp_path):
    result = _new_site(ROOT / "trang-moi", *OPTIONS, cwd=tmp_path)
    assert result.returncode == 1 and "nằm trong thư mục Bảng Vàng" in result.stderr
    assert not (ROOT / "trang-moi").exists()


def test_the_new_mkdocs_yml_keeps_the_sample_settings_with_the_site_values(tmp_path):
    """Read back by the engine: the site's own values (written by PyYAML, so quotes and colons are safe),
    every other setting of the checkout's mkdocs.yml kept, and the bundled templates used."""
    site = tmp_path / "trang"
    name = 'Bảng Vàng "Đông Sơn": <xã> & #1'
    result = _new_site(site, "--name", name, "--short-name", "xã Đông Sơn", "--site-url", SITE_URL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    code = ("import sys, json; from pathlib import Path; from generator.engine.config import read_project;"
            "p = read_project(Path('mkdocs.yml')); c = p.config;"
            "print(json.dumps([p.options.site_name, c.site_url, str(p.templates_dir), c.theme.name, c.theme.custom_dir,"
            " len(c.nav), c.markdown_extensions, p.options.license, sorted(p.options.hidden_fields),"
            " p.options.feedback_url]))")
    import json
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    read = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True, env=env, timeout=120)
    assert read.returncode == 0, read.stderr
    site_name, site_url, templates, theme, custom_dir, nav, extensions, license_, hidden, feedback = json.loads(read.stdout)
    assert (site_name, site_url) == (name, SITE_URL)
    assert templates == str(ROOT / "site_templates") and custom_dir is None
    assert theme == "bangvang"  # the vendored Material theme, never the mkdocs-material package
    assert nav == 12 and "toc" in extensions and license_["name"] == "CC-BY-4.0" and hidden == []
    assert feedback == ""  # the sample's mailbox is fictional: a new site shows no «Báo sai sót» until it sets its own


def test_the_registry_examples_validate_once_filled_in(tmp_path):
    """The commented examples in the empty registries show real fields: uncommented and filled in as the
    file says, they validate."""
    site = tmp_path / "trang"
    assert _new_site(site, *OPTIONS, cwd=tmp_path).returncode == 0
    for name in ("authorities.yaml", "units.yaml"):
        path = site / "data/registries" / name
        lines = path.read_text("utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("# Cách thêm:"))
        filled = [line[2:] if i > start and line.startswith(("# - ", "#   ")) else line
                  for i, line in enumerate(lines) if not line.startswith("[]")]
        text = "\n".join(filled).replace("-…", "-dong-son").replace("…", "Đông Sơn") + "\n"
        assert text.count("- id:") == {"authorities.yaml": 2, "units.yaml": 3}[name]
        path.write_text(text, "utf-8")
    result = run_cli("validate", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr


def _launch(site: Path, *args: str) -> subprocess.CompletedProcess:
    """The site's own launcher, as the clerk types it (./bangvang …), running this checkout's environment."""
    import os

    env = {**os.environ, "BANGVANG_VENV": sys.prefix, "BANGVANG_TODAY": "2026-11-25"}
    env.pop("BANGVANG_HOME", None)
    return subprocess.run(["./bangvang", *args], cwd=site, capture_output=True, text=True, env=env, timeout=300)


def _commands(text: str) -> list[list[str]]:
    """Every ``./bangvang …`` command written in ``text``, as words."""
    import shlex

    found = []
    for line in text.splitlines():
        for command in re.findall(r"\./bangvang (?=[a-z])[^\n()`]*", line):
            found.append(shlex.split(command.split("  ")[0].replace("…", "x").rstrip("\\ `")))
    return found


def test_a_new_site_runs_bangvang_itself_and_every_command_it_prints_exists(tmp_path):
    from generator.commands.cli import _parser

    site = tmp_path / "xa-test"
    result = _new_site(site, *OPTIONS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    launcher = site / "bangvang"
    assert launcher.stat().st_mode & 0o111 and f"installed={ROOT}" in launcher.read_text("utf-8")
    assert (site / "bangvang.bat").read_bytes().count(b"\r\n") == (site / "bangvang.bat").read_bytes().count(b"\n")
    assert f'set "BV_INSTALLED={ROOT}"' in (site / "bangvang.bat").read_text("utf-8")
    texts = {"next steps": result.stdout, "README.md": (site / "README.md").read_text("utf-8"),
             "guide": (site / "content/huong-dan-dang-quyet-dinh.md").read_text("utf-8"),
             "HUONG-DAN.md": (ROOT / "HUONG-DAN.md").read_text("utf-8")}
    for where, text in texts.items():
        assert "python -m generator" not in text and "../bangvang/bangvang" not in text, where
        commands = _commands(text)
        assert len(commands) >= 4, where
        for words in commands:  # each one as the command line reads it: usage errors exit 2, --help exits 0
            try:
                assert _parser().parse_args(words[1:]).func, (where, words)
            except SystemExit as exc:
                assert exc.code == 0 and words[-1] == "--help", (where, words)
    assert "Author identity unknown" in result.stdout and "git config --global user.name" in result.stdout
    assert "Author identity unknown" in texts["README.md"]

    checked = _launch(site, "validate")
    assert checked.returncode == 0 and checked.stdout.startswith("Dữ liệu hợp lệ: 0 quyết định"), checked.stderr
    built = _launch(site, "build")
    assert built.returncode == 0, built.stderr
    assert "Đã xây dựng" in built.stdout and english_lines(built.stdout + built.stderr) == []
    assert "Bộ dựng trang chạy xong trong" in built.stderr
    english = _launch(site, "build", "--full", "--lang", "en")
    assert english.returncode == 0 and "INFO    -  Documentation built in" in english.stderr
    helped = _launch(site, "import", "--help")
    assert helped.stdout.startswith("cách dùng: bangvang import") and english_lines(helped.stdout) == []


def test_an_unquoted_file_name_with_spaces_is_shown_quoted_in_vietnamese(tmp_path):
    site = tmp_path / "xa-test"
    assert _new_site(site, *OPTIONS, cwd=tmp_path).returncode == 0
    split = _launch(site, "attach", "data/decisions/2025/12-qd-ubnd.yaml", "QD", "45", "da", "ky.pdf")
    assert split.returncode == 2
    assert split.stderr.splitlines()[-2:] == [
        "bangvang: lỗi: không hiểu phần «45 da ky.pdf» của lệnh",
        'Tên tệp có dấu cách phải đặt trong ngoặc kép, ví dụ: "QD 45 da ky.pdf" (hoặc đổi tên tệp, bỏ dấu cách)']
    assert english_lines(split.stderr) == []
    for args, says in ((["import"], "bangvang import: lỗi: thiếu tệp"),
                       (["buidl"], "bangvang: lỗi: không có lệnh 'buidl' — chọn một trong: 'validate', 'build'"),
                       (["build", "--site-dir"], "bangvang build: lỗi: --site-dir: cần một giá trị sau tùy chọn này")):
        wrong = _launch(site, *args)
        assert wrong.returncode == 2 and says in wrong.stderr and english_lines(wrong.stderr) == [], wrong.stderr
    english = _launch(site, "validate", "--lang", "en", "QD", "45.pdf")
    assert 'A file name with spaces must be typed in double quotes, e.g. "QD 45.pdf"' in english.stderr
    assert "error: unrecognized arguments: QD 45.pdf" in english.stderr


def test_a_site_whose_bangvang_moved_says_where_to_point_it(tmp_path):
    site = tmp_path / "xa-test"
    assert _new_site(site, *OPTIONS, cwd=tmp_path).returncode == 0
    launcher = site / "bangvang"
    launcher.write_text(re.sub(r"(?m)^installed=.*$", "installed=/khong-co", launcher.read_text("utf-8")), "utf-8")
    lost = _launch(site, "validate")
    assert lost.returncode == 1 and lost.stderr.startswith("bangvang: không tìm thấy Bảng Vàng trên máy")
    import os

    env = {**os.environ, "BANGVANG_VENV": sys.prefix, "BANGVANG_HOME": str(ROOT)}
    found = subprocess.run(["./bangvang", "validate"], cwd=site, capture_output=True, text=True, env=env, timeout=300)
    assert found.returncode == 0, found.stderr


def test_git_add_keeps_the_offices_spreadsheets_and_scans_out(tmp_path):
    site = tmp_path / "xa-test"
    assert _new_site(site, *OPTIONS, cwd=tmp_path).returncode == 0
    raw = ["danh-sach.xlsx", "Danh sach.xls", "danh-sach.csv", "bang.ods", "QD 45 da ky.pdf", "scan/trang-1.jpg",
           "data/decisions/2025/danh-sach.xlsx", "data/du-thao.docx", "~$danh-sach.xlsx"]
    kept = ["data/attachments/2025/45-qd-ubnd.pdf", "data/profiles/photos/nguyen-van-a.jpg", "content/anh/logo.png",
            "data/decisions/2025/45-qd-ubnd.yaml", "published-urls.txt", "bangvang", "bangvang.bat", "mkdocs.yml"]
    for rel in raw + kept:
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_bytes(b"x")
    git = ["git", "-c", "init.defaultBranch=main", "-C", str(site)]
    assert subprocess.run([*git, "init", "-q"], capture_output=True, timeout=60).returncode == 0
    assert subprocess.run([*git, "add", "."], capture_output=True, timeout=60).returncode == 0
    staged = subprocess.run([*git, "-c", "core.quotePath=false", "diff", "--cached", "--name-only"],
                            capture_output=True, text=True, timeout=60).stdout.splitlines()
    assert not set(raw) & set(staged)
    assert set(kept) <= set(staged)
