"""The publication gate, end to end: the sample built with every hideable field hidden and one person
(their decision lines, candidacy and profile) withdrawn — then every file of the built site is read,
text and binary alike, and none may hold a hidden value or anything derived from the withdrawn name."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, bulk_rows, make_project, run_cli
from generator.catalog.gate import HIDEABLE_FIELDS
from generator.site.labels import LABELS
from generator.records.models import RecipientCategory
from generator.text import fold

pytestmark = pytest.mark.slow

PERSON, SLUG = "Võ Thị L", "vo-thi-l"
WITHDRAWAL = "\n{indent}withdrawn:\n{indent}  date: 2026-03-01\n{indent}  note: \"Gỡ theo đề nghị của cá nhân\""


def _plant_markers(data: Path) -> int:
    """Give every recipient's hideable text fields a unique marker value; return how many were planted."""
    planted = 0
    for path in sorted(data.glob("decisions/*/*.yaml")) + sorted(data.glob("consultations/*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            m = re.match(r"^(\s+)(position|achievement|unit_text): ", line)
            if m:
                planted += 1
                lines[i] = f'{m.group(1)}{m.group(2)}: "{ {"position": "Chucvuan", "achievement": "Thanhtichan", "unit_text": "Donvian"}[m.group(2)]}{planted}q"'
            m = re.match(r"^(\s+)cash_vnd: \d+", line)
            if m:
                planted += 1
                lines[i] = f"{m.group(1)}cash_vnd: {987_000_000 + planted}"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return planted


def _withdraw(data: Path) -> int:
    """Withdraw every line naming PERSON, and their profile."""
    count = 0
    for path in sorted(data.glob("decisions/*/*.yaml")) + sorted(data.glob("consultations/*.yaml")):
        text = path.read_text(encoding="utf-8")
        new = re.sub(rf'^(\s+)name: "{PERSON}"$', lambda m: m.group(0) + WITHDRAWAL.format(indent=m.group(1)),
                     text, flags=re.M)
        new = re.sub(rf"^\s+profile: {SLUG}\n", "", new, flags=re.M)
        count += text != new
        path.write_text(new, encoding="utf-8")
    profile = data / "profiles" / f"{SLUG}.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "tags:", "withdrawn:\n  date: 2026-03-01\n  note: \"Gỡ theo đề nghị của cá nhân\"\ntags:", 1), encoding="utf-8")
    return count


@pytest.fixture(scope="module")
def gated_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("gated"), ROOT / "data")
    shutil_copy = (ROOT / "published-urls.txt").read_text(encoding="utf-8")
    (project / "published-urls.txt").write_text(shutil_copy, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "hide_fields: []", f"hide_fields: [{', '.join(HIDEABLE_FIELDS)}]"), encoding="utf-8")
    planted = _plant_markers(project / "data")
    withdrawn = _withdraw(project / "data")
    assert planted > 500 and withdrawn >= 3
    result = run_cli("build", "--config", str(config), "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stderr
    return project


def _every_file(site: Path) -> dict[str, str]:
    """Every file as text: UTF-8 where it decodes, else Latin-1 (so binary posting lists are read too);
    search posting lists and shards additionally decoded from base64."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        if path.suffix == ".json" and "/chi-muc/t/" in path.as_posix():
            for _, posting in json.loads(text).values():
                if posting:
                    text += base64.b64decode(posting).decode("latin-1")
        out[path.relative_to(site).as_posix()] = text
    return out


def test_no_hidden_value_and_no_withdrawn_identifier_anywhere(gated_site):
    files = _every_file(gated_site / "site")
    files["published-urls.txt"] = (gated_site / "published-urls.txt").read_text(encoding="utf-8")
    assert len(files) > 500 and sum(len(t) for t in files.values()) > 5_000_000
    leaks = []
    for name, text in files.items():
        folded = fold(text)
        for marker in ("chucvuan", "thanhtichan", "donvian", "98700"):
            if marker in folded.replace(".", ""):
                leaks.append(f"{name}: {marker}")
        if PERSON in text or fold(PERSON) in folded or SLUG in text:
            leaks.append(f"{name}: {PERSON}")
    assert leaks == []


def test_hidden_fields_leave_exports_and_lists(gated_site):
    site = gated_site / "site"
    rows = bulk_rows(site, "nguoi-nhan", "csv")
    for field in ("Chức vụ", "Đơn vị", "Mã đơn vị", "Thành tích", "Tiền thưởng (đồng)", "Giới tính", "Mã giới tính",
                  "Đối tượng thống kê", "Mã đối tượng thống kê"):
        assert {r[field] for r in rows} == {""}, field
    # no list of named people by a hidden field, and no unit member lists
    lists = set()
    for page in (site / "thong-ke/danh-sach").glob("*/*/index.html"):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html:  # once published, now withheld or renamed: a redirect naming nobody
            assert "<table" not in html, page
        else:
            lists.add(page.parent.name.split("-")[0])
    assert lists and not lists & {"gioi", "nhom", "dia"}, lists
    for unit_page in (site / "don-vi").glob("*/index.html"):
        assert "#nguoi-nhan-" not in unit_page.read_text("utf-8"), unit_page
    meta = json.loads((site / "tim-kiem/chi-muc/meta.json").read_text("utf-8"))
    assert meta["units"] == []
    labels = [label for label in LABELS[RecipientCategory].values()]
    for page in (site / "quyet-dinh").rglob("index.html"):
        table = page.read_text("utf-8").split("<tbody>")[-1]
        assert not any(label in table for label in labels), page


def test_withdrawn_lines_keep_a_neutral_anchor_and_the_award(gated_site):
    site = gated_site / "site"
    page = (site / "quyet-dinh/2025/2301-qd-ubnd/index.html").read_text("utf-8")
    assert re.search(r'<tr id="nguoi-nhan-da-go-\d+"', page) and "Gỡ theo đề nghị của cá nhân" in page
    assert not (site / "guong-dien-hinh" / SLUG).exists()
    assert f"guong-dien-hinh/{SLUG}/" not in (gated_site / "published-urls.txt").read_text("utf-8")
