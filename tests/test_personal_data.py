"""Personal data: the detector on every realistic spelling, quiet on ordinary award text, and every free-text
field of every record type, registry and story scanned, each finding at its field's line."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.records import personal_data as privacy
from generator.records.personal_data import (
    PII_CODES,
    find_personal_data,
    find_personal_data_spans,
    is_forbidden_field,
    scan_output_text,
)
from pii_corpus import NORMAL, SPELLINGS

DECISION = "decisions/2024/12-qd-ubnd.yaml"
SHOWN = "data/decisions/2024/12-qd-ubnd.yaml"


# --- the detector --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, code", SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_every_spelling_is_found_alone_and_in_a_sentence(text, code):
    assert [c for c, _ in find_personal_data(text)] == [code]
    sentence = f"Ông Nguyễn Văn A, giáo viên, {text}, đạt Chiến sĩ thi đua cơ sở năm 2024."
    found = find_personal_data(sentence)
    assert [c for c, _ in found] == [code]
    assert found[0][1] in sentence  # quoted exactly as written


@pytest.mark.parametrize("text", NORMAL)
def test_ordinary_award_text_is_not_personal_data(text):
    assert find_personal_data(text) == []


def test_corpus_sizes():
    assert len(SPELLINGS) >= 90 and len(NORMAL) >= 85
    assert {code for _, code in SPELLINGS} == set(PII_CODES)


@pytest.mark.parametrize("text, snippet", [
    ("gọi ０９１２ ３４５ ６７８ nhé", "０９１２ ３４５ ６７８"),
    ("liên hệ (84) 912-345-678.", "(84) 912-345-678"),
    ("thư: NguyenVanA ＠ Gmail.com", "NguyenVanA ＠ Gmail.com"),
    ("Ông A, SINH NGÀY 01/02/1975, giáo viên", "SINH NGÀY 01/02/1975"),
    ("số 0912\u200b345\u200b678 của ông", "0912\u200b345\u200b678"),
])
def test_snippet_is_the_original_text(text, snippet):
    assert [s for _, s in find_personal_data(text)] == [snippet]


def test_positions_point_into_the_original_text():
    text = "Dòng một.\nDòng hai: ＣＣＣＤ ００１０９５００１２３４.\n"
    [finding] = find_personal_data_spans(text)
    assert finding.code == "pii_national_id" and text[finding.start:finding.end] == "ＣＣＣＤ ００１０９５００１２３４"


def test_pii_allow_lets_a_checked_snippet_through():
    text = "Mã sáng kiến 202400123, liên hệ 0912 345 678"
    assert find_personal_data(text, ["202400123"]) == [("pii_phone", "0912 345 678")]
    assert find_personal_data(text, ["202400123", "0912.345.678"]) == []  # compared after normalising


def test_long_and_hostile_text_is_fast():
    import time

    for text in ("a" * 200_000 + "@", "1 " * 100_000, "@" * 100_000, "CCCD " * 40_000, "0" * 200_000,
                 "sinh " * 40_000, "[at] " * 40_000, "1." * 100_000):
        start = time.perf_counter()
        find_personal_data(text)
        assert time.perf_counter() - start < 2, text[:10]


@pytest.mark.parametrize("name", [
    "cccd", "so_cccd", "ho_chieu", "so_ho_chieu", "passport", "ma_so_thue", "tax_code", "so_bhxh", "bhxh",
    "tai_khoan", "so_tai_khoan", "bank_account", "quan_diem_chinh_tri", "sinh_trac", "du_lieu_sinh_trac_hoc", "vi_tri",
    "location", "anh_cccd", "anh_cccd_mat_truoc", "Dân tộc", "tôn-giáo", "ngay_sinh", "nam_sinh", "que_quan",
    "xu_huong_tinh_duc", "tien_an", "suc_khoe", "email", "SĐT", "gps",
])
def test_forbidden_field_names(name):
    assert is_forbidden_field(name)


@pytest.mark.parametrize("name", ["position", "unit", "achievement", "positon", "ghi_chu", "nhiem_vu", "bank_khen"])
def test_ordinary_field_names(name):
    assert not is_forbidden_field(name) or name == "bank_khen"  # "bank" is a whole word there


def test_output_scan_reads_pages_not_markup():
    html = ('<html><head><meta name="description" content="Ông A, SĐT 0912345678">'
            '<script>var x = "0 912 345 678";</script><style>.a{margin:0 912 345 678}</style></head>'
            '<body><table><tr><td>0</td><td>912</td><td>345</td><td>678</td></tr></table>'
            '<p>Liên hệ: 0236&nbsp;3812&nbsp;345</p><img alt="CCCD 001095001234" src="x.png">'
            '<script type="application/ld+json">{"telephone": "+84 912 345 678"}</script></body></html>')
    assert scan_output_text(html) == [("pii_phone", "SĐT 0912345678"), ("pii_phone", "0236\xa03812\xa0345"),
                                      ("pii_national_id", "CCCD 001095001234"), ("pii_phone", "+84 912 345 678")]


def test_output_scan_of_csv_and_json():
    csv = "Họ và tên,Chức vụ,Tiền thưởng\nNguyễn Văn A,Giáo viên,1170000\nTrần Thị B,\"ĐT 0912 345 678\",0\n"
    assert scan_output_text(csv) == [("pii_phone", "0912 345 678")]
    json = '{"docs": [1, 2, 3], "n": "Nguyễn Văn A", "d": "2024-06-17", "s": "' + "a1" * 32 + '", "e": "a@b.vn"}'
    assert scan_output_text(json) == [("pii_email", "a@b.vn")]
    assert scan_output_text(json, allowed=["a@b.vn"]) == []


# --- every free-text field of every record ---------------------------------------------------------

# A zero-width character is removed at load (tests/test_hygiene.py), which turns "0912\u200b345678" into a
# second "0912345678" in the same field: the same problem twice is reported once, so it is left out here.
IN_FIELDS = [(text, code) for text, code in SPELLINGS if "\u200b" not in text]
ALL = "; ".join(text for text, _ in IN_FIELDS)
CONSULTATION = """title: "Lấy ý kiến nhân dân đề nghị tặng Bằng khen"
proposer: ubnd-tinh
award_form: bang-khen-cap-tinh
opens: 2026-11-01
closes: 2026-11-30
how_to_comment: "Gửi văn bản"
contact:
  address: "Ban Thi đua - Khen thưởng"
  email: "tdkt@example.vn"
proposed:
  - kind: individual
    name: "Lê Văn D"
    unit: truong-a
    category: direct_worker
outcome:
  decision: 2024/12-qd-ubnd
  note: "Đã khen thưởng"
"""
DEFAULT_FORMS = Path(__file__).resolve().parent.parent / "generator" / "defaults" / "award_forms.yaml"
NO_ADDRESS = {"pii_address"}

# (file under data/, location of the field, codes the field is not checked for)
FIELDS = [
    (DECISION, ("number",), set()),
    (DECISION, ("number_note",), set()),
    (DECISION, ("title",), set()),
    (DECISION, ("reason",), set()),
    (DECISION, ("signer", "name"), set()),
    (DECISION, ("signer", "title"), set()),
    (DECISION, ("legal_basis", 0), set()),
    (DECISION, ("corrections", 0, "note"), set()),
    (DECISION, ("recipients", 0, "name"), set()),
    (DECISION, ("recipients", 0, "position"), set()),
    (DECISION, ("recipients", 0, "unit_text"), set()),
    (DECISION, ("recipients", 0, "achievement"), set()),
    (DECISION, ("recipients", 1, "withdrawn", "note"), set()),
    ("decisions/2024/13-qd-ubnd.yaml", ("revocation", "decision_number"), set()),
    ("decisions/2024/13-qd-ubnd.yaml", ("revocation", "reason"), set()),
    ("profiles/nguyen-van-a.yaml", ("name",), set()),
    ("profiles/nguyen-van-a.yaml", ("locality",), set()),
    ("profiles/nguyen-van-a.yaml", ("summary",), set()),
    ("profiles/nguyen-van-a.yaml", ("story",), set()),
    ("profiles/nguyen-van-a.yaml", ("tags", 0), set()),
    ("profiles/nguyen-van-a.yaml", ("photo", "alt"), set()),
    ("profiles/nguyen-van-a.yaml", ("photo", "credit"), set()),
    ("profiles/nguyen-van-a.yaml", ("sources", 0, "title"), set()),
    ("profiles/nguyen-van-a.yaml", ("sources", 0, "publisher"), set()),
    ("profiles/nguyen-van-a.yaml", ("withdrawn", "note"), set()),
    ("consultations/dot-1.yaml", ("title",), set()),
    ("consultations/dot-1.yaml", ("how_to_comment",), NO_ADDRESS),
    ("consultations/dot-1.yaml", ("contact", "address"), NO_ADDRESS),
    ("consultations/dot-1.yaml", ("outcome", "note"), set()),
    ("consultations/dot-1.yaml", ("proposed", 0, "name"), set()),
    ("consultations/dot-1.yaml", ("proposed", 0, "position"), set()),
    ("consultations/dot-1.yaml", ("proposed", 0, "unit_text"), set()),
    ("consultations/dot-1.yaml", ("proposed", 0, "achievement"), set()),
    ("registries/authorities.yaml", (0, "name"), set()),
    ("registries/authorities.yaml", (0, "short_name"), set()),
    ("registries/authorities.yaml", (0, "locality"), set()),
    ("registries/units.yaml", (0, "name"), set()),
    ("registries/units.yaml", (0, "locality"), set()),
    ("registries/movements.yaml", (0, "name"), set()),
    ("registries/movements.yaml", (0, "description"), set()),
    ("registries/award_forms.yaml", (0, "name"), set()),
    ("registries/award_forms.yaml", (0, "source"), set()),
    ("registries/award_forms.yaml", (0, "cap", "source"), set()),
    ("redirects.yaml", (0, "reason"), set()),
]
EXTRA = {  # what a field needs around it to exist
    ("corrections", 0, "note"): {"corrections": [{"date": "2024-07-01", "note": "x"}]},
    ("recipients", 1, "withdrawn", "note"): None,
    ("withdrawn", "note"): {"withdrawn": {"date": "2025-03-02", "note": "x"}},
    ("sources", 0, "title"): {"sources": [{"title": "x", "url": "https://baochi.vn/a"}]},
    ("sources", 0, "publisher"): {"sources": [{"title": "x", "url": "https://baochi.vn/a"}]},
}


def _set(data, loc, value):
    for part in loc[:-1]:
        if isinstance(data, dict) and part not in data:
            data[part] = {}
        data = data[part]
    data[loc[-1]] = value


def _write_with_field(tree, rel, loc, value):
    if rel.startswith("consultations/"):
        tree.write(rel, CONSULTATION)
    elif rel == "registries/award_forms.yaml":
        tree.write(rel, DEFAULT_FORMS.read_text(encoding="utf-8"))
    elif rel == "redirects.yaml":
        tree.write(rel, '- old: quyet-dinh/2024/cu/\n  new: quyet-dinh/2024/12-qd-ubnd/\n  reason: "x"\n')
    data = yaml.safe_load(tree.read(rel))
    if loc == (0, "cap", "source"):
        data[0]["cap"] = {"of": "lao-dong-tien-tien", "percent": 15, "source": "x"}
    extra = EXTRA.get(loc)
    if extra:
        data.update(extra)
    if loc == ("recipients", 1, "withdrawn", "note"):
        data["recipients"][1]["withdrawn"] = {"date": "2025-03-01", "note": "x"}
    if loc == ("story",):
        (tree.data / "profiles" / "nguyen-van-a.md").unlink()
    _set(data, loc, value)
    tree.write(rel, yaml.safe_dump(data, allow_unicode=True, width=10**6, sort_keys=False))


def _expected(exempt):
    return Counter(code for _, code in IN_FIELDS if code not in exempt)


@pytest.mark.parametrize("rel, loc, exempt", FIELDS, ids=[f"{r}:{'.'.join(map(str, loc))}" for r, loc, _ in FIELDS])
def test_every_spelling_in_every_free_text_field_is_refused(tree, rel, loc, exempt):
    _write_with_field(tree, rel, loc, ALL)
    outcome = pipeline.check(tree.data, tree.root)
    found = [p for p in outcome.problems if p.code in PII_CODES]
    assert Counter(p.code for p in found) == _expected(exempt)
    assert {(p.path, p.line) for p in found} == {(f"data/{rel}", found[0].line)}  # one place: the field's line
    line = (tree.data / rel).read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert f"{loc[-1]}:" in line if isinstance(loc[-1], str) else line.lstrip().startswith("-")
    label = privacy_label(loc, rel)
    assert all(p.params["field"] == label for p in found)
    assert not outcome.ok


def privacy_label(loc, rel):
    from generator.records.load import field_label

    return field_label(loc[1:] if rel.startswith("registries/") or rel == "redirects.yaml" else loc)


def test_every_spelling_in_a_story_file_is_refused_at_its_own_line(tree):
    lines = [f"Đoạn {i}: {text}." for i, (text, _) in enumerate(SPELLINGS)]
    tree.write("profiles/nguyen-van-a.md", "# Câu chuyện\n\n" + "\n".join(lines) + "\n")
    outcome = pipeline.check(tree.data, tree.root)
    found = [(p.line, p.code) for p in outcome.problems
             if p.path == "data/profiles/nguyen-van-a.md" and p.code in PII_CODES]
    assert sorted(found) == [(i + 3, code) for i, (_, code) in enumerate(SPELLINGS)]


def test_field_names_in_every_record_kind(tree):
    tree.replace("registries/units.yaml", '  name: "Trường Tiểu học A"', '  name: "Trường Tiểu học A"\n  so_dien_thoai: "x"')
    tree.replace("profiles/nguyen-van-a.yaml", "tags:", 'ho_chieu: "C1234567"\ntags:')
    tree.replace(DECISION, '    position: "Giáo viên"', '    position: "Giáo viên"\n    tai_khoan: "x"')
    codes = [(p.path, p.code, p.params.get("field")) for p in pipeline.check(tree.data, tree.root).problems
             if p.code == "pii_field"]
    assert codes == [(SHOWN, "pii_field", "tai_khoan"), ("data/profiles/nguyen-van-a.yaml", "pii_field", "ho_chieu"),
                     ("data/registries/units.yaml", "pii_field", "so_dien_thoai")]


def test_office_contact_and_how_to_comment_may_name_the_office_address(tree):
    tree.write("consultations/dot-1.yaml", CONSULTATION.replace(
        'how_to_comment: "Gửi văn bản"', 'how_to_comment: "Gửi văn bản về địa chỉ: số 1 đường Trung Tâm"').replace(
        'address: "Ban Thi đua - Khen thưởng"', 'address: "Địa chỉ: số 1 đường Trung Tâm, phường Hòa An"'))
    assert tree.problems() == []


def test_the_office_mailbox_may_be_named_in_how_to_comment(tree):
    text = CONSULTATION.replace('how_to_comment: "Gửi văn bản"', 'how_to_comment: "Gửi thư tới tdkt@example.vn"')
    tree.write("consultations/dot-1.yaml", text)
    assert tree.problems() == []
    tree.write("consultations/dot-1.yaml", text.replace("Gửi thư tới tdkt@", "Gửi thư tới ong.a@"))
    assert tree.codes() == [("data/consultations/dot-1.yaml", 6, "pii_email")]


def test_sample_data_and_content_have_no_findings():
    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "data").rglob("*.md")) + sorted((root / "content").rglob("*.md")):
        assert find_personal_data(path.read_text(encoding="utf-8")) == [], path


def test_messages_in_english(tree):
    tree.replace(DECISION, 'achievement: "Dạy giỏi"', 'achievement: "Dạy giỏi, hộ chiếu C1234567"')
    assert tree.problems("en") == [
        f"{SHOWN}:21: row 1 (Nguyễn Văn A): “achievement” contains a passport number “hộ chiếu C1234567” — remove it "
        "(personal data, Law 91/2025/QH15); if it is not one, add the text to pii_allow"]


def test_law_in_force_is_cited():
    assert "91/2025/QH15" in privacy.__doc__ and "356/2025/NĐ-CP" in privacy.__doc__


@pytest.mark.parametrize("text, code", SPELLINGS)
def test_the_output_scan_finds_every_spelling_in_built_files(text, code):
    """The pre-check that lets the output scan pass over ordinary lines never hides a finding: every
    spelling is found in an HTML cell, a CSV field and a JSON value of a built file."""
    for built in (f'<td>Ông X, {text}, giáo viên</td>', f'a,b,"Ông X, {text}, giáo viên",c\n',
                  '{"achievement":"Ông X, %s, giáo viên","x":1}' % text.replace('"', '\\"')):
        assert code in [found for found, _ in scan_output_text(built, markup=None)], built
