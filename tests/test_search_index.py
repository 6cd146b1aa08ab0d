"""The sharded search index, read in Python the way search.js reads it (``search_client``): format,
ranking rules, stable document numbers."""

import json

import pytest

from generator import pipeline
from generator.catalog.gate import Publication
from generator.site import search_index
from generator.site.search_index import CAP, INDEX_DIR, build_index, read_previous, tokens, word_forms

from conftest import ROOT
from search_client import PAGE, SearchClient, parse_file, query_words, text_numbers


def client(tree, pages=(), previous=None) -> SearchClient:
    return SearchClient.of_index(build_index(Publication(pipeline.check(tree.data, tree.root).catalog), list(pages),
                                             previous))


def add_decision(tree, number: str, date: str, people: list, authority: str = "ubnd-tinh", extra: str = "") -> str:
    """A decision of ``people``: names, or (name, [aliases]) pairs; returns its file name."""
    slug = number.lower().replace("/", "-").replace("đ", "d")
    lines = [f'number: "{number}"', f"date: {date}", f"authority: {authority}", "award_form: bang-khen-cap-tinh",
             "method: regular", 'reason: "Có thành tích xuất sắc"', extra, "recipients:"]
    for person in people:
        name, aliases = person if isinstance(person, tuple) else (person, [])
        lines += ["  - kind: individual", f'    name: "{name}"', "    category: direct_worker"]
        if aliases:
            lines.append("    aliases: [" + ", ".join(f'"{a}"' for a in aliases) + "]")
    path = f"decisions/{date[:4]}/{slug}.yaml"
    tree.write(path, "\n".join(line for line in lines if line) + "\n")
    return path


# --- text -----------------------------------------------------------------------------------------------


def test_tokens_fold_vietnamese_and_split_numbers():
    assert tokens("1234/QĐ-UBND") == ["1234", "qd", "ubnd"]
    assert tokens("Nguyễn Văn Đức") == tokens("NGUYEN VAN DUC") == ["nguyen", "van", "duc"]


def test_large_files_hold_numbers_as_compact_text():
    assert search_index.text_numbers([0, 44, 45, 2024]) == "#PQ$~P"
    values = [0, 1, 44, 45, 46, 2024, 2025, 91_124, 91_125, 10**9]
    text = search_index.text_numbers(values)
    assert text_numbers(text) == values and '"' not in text and "\\" not in text
    assert len(search_index.text_numbers(range(45))) == 45  # a gap below 45 is one character


def test_word_forms_keep_each_word_as_written():
    assert word_forms("Xuân Dục") == (("xuan", "xuân"), ("duc", "dục"))
    assert word_forms("ĐỨC  xuan") == (("duc", "đức"), ("xuan", "xuan"))
    nfd = "Nguye\u0302\u0303n Thi\u0323"  # combining marks, as some keyboards send them
    assert word_forms(nfd) == (("nguyen", "nguyễn"), ("thi", "thị"))
    assert word_forms("1234/QĐ-UBND") == (("1234", "1234"), ("qd", "qđ"), ("ubnd", "ubnd"))
    assert [w.marked for w in query_words("Xuân duc 12")] == [True, False, False]


# --- what is found ----------------------------------------------------------------------------------------


def test_queries_with_and_without_diacritics_find_the_same(tree):
    index = client(tree)
    plain = index.search("nguyen van a")
    assert plain == index.search("NGUYEN VAN A")
    marked = index.search("Nguyễn Văn A")
    assert sorted(map(str, marked)) == sorted(map(str, plain))  # the same results; order may favour exact marks
    assert marked[0][:2] == ["guong", "Nguyễn Văn A"]
    assert {d[4] for d in marked} >= {"quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-nguyen-van-a",
                                      "quyet-dinh/2024/13-qd-ubnd/#nguoi-nhan-nguyen-van-a"}


def test_decision_number_typed_either_way(tree):
    index = client(tree)
    first = index.search("12/QĐ-UBND")[0]
    assert first[:2] == ["qd", "Quyết định 12/QĐ-UBND"] and first == index.search("12 qd ubnd")[0]


def test_revoked_decision_is_found_by_the_number_of_the_decision_revoking_it(tree):
    index = client(tree)
    for query in ("99/QĐ-UBND", "99 qd ubnd"):
        first = index.search(query)[0]
        assert first[0] == "qd" and first[1] == "Quyết định 13/QĐ-UBND" and first[6] == 1
        assert first[3].endswith("bị hủy bỏ bởi Quyết định 99/QĐ-UBND")
    assert index.search("13/QĐ-UBND")[0][1] == "Quyết định 13/QĐ-UBND"


def test_title_matches_rank_before_other_fields(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '"Hiệu trưởng"', '"Tổ trưởng Nguyễn Văn A"')
    names = client(tree).titles("nguyen van a")
    assert names.index("Trần Thị B") > max(i for i, n in enumerate(names) if n == "Nguyễn Văn A")


def test_revoked_results_are_marked(tree):
    revoked = [d for d in client(tree).search("nguyen van a") if "13-qd-ubnd" in d[4]]
    assert revoked and all(d[6] == 1 for d in revoked)


def test_a_line_annulled_on_its_own_is_marked_and_its_neighbours_are_not():
    outcome = pipeline.check(ROOT / "data", ROOT)
    index = SearchClient.of_index(build_index(Publication(outcome.catalog), []))
    [annulled] = [d for d in index.search("Trần Quốc Việt") if "2215-qd-syt" in d[4]]
    [neighbour] = [d for d in index.search("Hà Thị Lan") if "2215-qd-syt" in d[4]]
    [decision] = [d for d in index.search("2215/QĐ-SYT") if d[0] == "qd"]
    assert (annulled[6], neighbour[6], decision[6]) == (1, 0, 0)


def test_result_kinds_say_what_they_are(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '  - kind: collective\n', '  - kind: household\n    name: "Hộ ông Lê Văn Hộ"\n'
                 '  - kind: collective\n')
    kinds = {row[1]: row[0] for row in client(tree).search("a")}
    assert kinds["Nguyễn Văn A"] in ("guong", "ca-nhan")
    assert {row[0] for row in client(tree).search("truong tieu hoc a")} >= {"tap-the", "don-vi"}
    assert client(tree).search("ho ong le van ho")[0][0] == "ho-gia-dinh"


def test_filters_are_files_of_document_numbers(tree):
    index = client(tree)
    by_year = index.search("", (":y2024",))
    assert by_year and all("quyet-dinh/2024/" in d[4] for d in by_year)
    assert index.search("", (":ftruong-a",)) == []
    assert {d[1] for d in index.search("", (":utruong-a",))} >= {"Trường Tiểu học A", "Nguyễn Văn A"}
    assert {d[4].split("#")[0] for d in index.search("", (":aubnd-tinh",))} == {
        "quyet-dinh/2024/12-qd-ubnd/", "quyet-dinh/2024/13-qd-ubnd/"}
    assert index.search("nguyen van a", (":aubnd-tinh", ":y2024")) == [
        d for d in index.search("nguyen van a") if d[0] != "guong"]


def test_authorities_in_use_are_a_filter(tree):
    facets = search_index.facets(Publication(pipeline.check(tree.data, tree.root).catalog))
    assert facets["authorities"] == [["ubnd-tinh", "Ủy ban nhân dân tỉnh Thử Nghiệm"]]


def test_large_payloads_live_in_their_own_files(tree, monkeypatch):
    monkeypatch.setattr(search_index, "INLINE_MAX", 2)
    built = build_index(Publication(pipeline.check(tree.data, tree.root).catalog), [])
    files = {f.path[len(INDEX_DIR):]: f.content for f in built.files}
    assert "nguyen" in built.long_title and "p/nguyen.json" in files and "nguyen" not in built.long_other
    shard = json.loads(files["t/ng.json"])
    assert shard["nguyen"][1] is None and shard["nguyen"][0] > 2
    forms, segments = parse_file(files["p/nguyen.json"])
    assert forms == ["nguyễn"] and len({n for _, _, ids in segments for n in ids}) == shard["nguyen"][0]
    assert all(len(p) <= 2 for p in built.shards)
    assert SearchClient.of_index(built).titles("nguyen van a")[:1] == ["Nguyễn Văn A"]


def test_the_output_check_reads_the_index_words_and_documents_not_its_encoded_numbers(tree, monkeypatch):
    """Postings are numbers written as random-looking text (91 characters, base64): at 10 years «…$DC5_$wU3o…»
    turned up by chance and read as an address «Đ/c 5…». The check reads the words of a shard and the whole
    documents; the encoded runs (o/, p/, f/ files and shard values) hold nothing but numbers."""
    from generator.records.personal_data import find_personal_data

    monkeypatch.setattr(search_index, "INLINE_MAX", 2)
    built = build_index(Publication(pipeline.check(tree.data, tree.root).catalog), [])
    kinds = {}
    for f in built.files:
        kind = f.path[len(INDEX_DIR):].split("/")[0]
        kinds.setdefault(kind, []).append(f)
    assert {"o", "p", "f", "t", "d"} <= set(kinds)
    assert all(f.scanned_text == "" for kind in "opf" for f in kinds[kind])
    for shard in kinds["t"]:
        assert shard.scanned_text.split("\n") == list(json.loads(shard.content))
    assert all(f.scanned_text is None for f in kinds["d"])  # documents: read whole
    assert find_personal_data("$DC5_$wU3o$DW$C") == [] and find_personal_data("Đ/c: 12 Lê Lợi")


def test_every_row_of_one_name_sits_in_one_file(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Nguyễn Văn A", "Lê Thị Hoa"])
    built = build_index(Publication(pipeline.check(tree.data, tree.root).catalog), [])
    files_of_name = {n // CAP for url, n in built.numbers.items() if "#nguoi-nhan-nguyen-van-a" in url}
    assert len(files_of_name) == 1


# --- ranking rules ----------------------------------------------------------------------------------------


def test_words_in_the_typed_order_rank_first(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Đức Xuân", "Trần Đức Xuân"])
    add_decision(tree, "21/QĐ-UBND", "2024-02-03", ["Lê Xuân Đức"])
    names = client(tree).titles("xuan duc")
    assert names[0] == "Lê Xuân Đức" and set(names[1:]) == {"Đức Xuân", "Trần Đức Xuân"}


def test_adjacent_words_rank_above_words_apart(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Nguyễn Thị Bích Ngọc", "Nguyễn Văn Ngọc"])
    add_decision(tree, "21/QĐ-UBND", "2024-02-03", ["Nguyễn Thị Ngọc Anh"])
    names = client(tree).titles("nguyen thi ngoc")
    assert names == ["Nguyễn Thị Ngọc Anh", "Nguyễn Thị Bích Ngọc"]


def test_exact_diacritics_rank_first_when_the_query_has_them(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Đức Xuân", "Lê Xuân Đức"])
    add_decision(tree, "21/QĐ-UBND", "2024-02-03", ["Lê Xuân Dục"])
    index = client(tree)
    assert index.titles("Xuân Dục") == ["Lê Xuân Dục", "Lê Xuân Đức", "Đức Xuân"]
    assert index.titles("Xuân Đức") == ["Lê Xuân Đức", "Lê Xuân Dục", "Đức Xuân"]
    single = index.titles("Dục")
    assert single[0] == "Lê Xuân Dục" and set(single[1:3]) == {"Lê Xuân Đức", "Đức Xuân"}
    assert single[3:] == ["Nguyễn Văn A"]  # "giáo dục" in the profile's tags: other text comes last
    assert index.titles("xuan duc")[2] == "Đức Xuân"  # without marks, only the order counts


def test_exact_syllables_rank_above_completions_of_the_word_being_typed(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Nguyễn Công Thịnh", "Nguyễn Thịnh"])
    add_decision(tree, "21/QĐ-UBND", "2024-02-03", ["Nguyễn Thị Lan"])
    names = client(tree).titles("nguyen thi")
    assert names.index("Nguyễn Thị Lan") < names.index("Nguyễn Thịnh") < names.index("Nguyễn Công Thịnh")
    # a finished word ("nguyen thi ") is not completed
    assert "Nguyễn Công Thịnh" not in client(tree).titles("nguyen thi ")


def test_aliases_are_matched_like_the_name_and_shown_as_the_name(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", [("Nguyễn Văn Ba", ["Ba Sài Gòn", "Nguyễn Văn Bá"]), "Sài Gòn Ba"])
    index = client(tree)
    first = index.search("ba sai gon")[0]
    assert first[1] == "Nguyễn Văn Ba" and first[0] == "ca-nhan"  # adjacent in the alias, above "Sài Gòn Ba"
    assert index.titles("ba sai gon")[1] == "Sài Gòn Ba"
    assert index.titles("Nguyễn Văn Bá")[0] == "Nguyễn Văn Ba"
    assert set(index.titles("sai")) == {"Sài Gòn Ba", "Nguyễn Văn Ba"}


def test_a_single_letter_being_typed_is_ignored_until_it_is_a_word(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Trần Hồng Lộc"])
    index = client(tree)
    assert index.titles("tran hong l") == ["Trần Hồng Lộc"]  # "l" is not a word of the index (yet)
    assert index.titles("nguyen van a")[0] == "Nguyễn Văn A"  # "a" is a word: it is required


def test_results_of_one_file_come_newest_first(tree):
    for i, year in enumerate((2023, 2025, 2024)):
        add_decision(tree, f"{30 + i}/QĐ-UBND", f"{year}-03-0{i + 1}", ["Phạm Thị Hòa"])
    years = [row[3][-4:] for row in client(tree).search("pham thi hoa")]
    assert years == ["2025", "2024", "2023"]


# --- stable document numbers --------------------------------------------------------------------------------


def _numbers(tree, previous=None):
    return build_index(Publication(pipeline.check(tree.data, tree.root).catalog), [], previous)


def test_a_new_decision_leaves_every_other_number_unchanged_even_from_scratch(tree):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Nguyễn Văn A", "Lê Thị Hoa", "Trần Văn Bình"])
    before = _numbers(tree).numbers
    add_decision(tree, "21/QĐ-UBND", "2025-09-03", ["Nguyễn Văn A", "Lê Thị Hoa", "Phan Văn Mới"])
    after = _numbers(tree).numbers
    assert {url: after[url] for url in before} == before and len(after) == len(before) + 4


def test_with_the_previous_index_every_record_keeps_its_number(tree, tmp_path):
    add_decision(tree, "20/QĐ-UBND", "2025-02-03", ["Nguyễn Văn A", "Lê Thị Hoa", "Trần Văn Bình"])
    first = _numbers(tree)
    site = tmp_path / "site"
    for f in first.files:
        (site / f.path).parent.mkdir(parents=True, exist_ok=True)
        (site / f.path).write_bytes(f.content)
    previous = read_previous(site / INDEX_DIR)
    assert previous is not None and previous.numbers == first.numbers
    # an older decision added, a person removed: from scratch numbers in their files would move
    add_decision(tree, "5/QĐ-UBND", "2023-01-05", ["Nguyễn Văn A", "Lê Thị Hoa"])
    tree.replace("decisions/2025/20-qd-ubnd.yaml", '  - kind: individual\n    name: "Lê Thị Hoa"\n    category: direct_worker\n', "")
    second = _numbers(tree, previous)
    kept = {url: n for url, n in first.numbers.items() if url in second.numbers}
    assert {url: second.numbers[url] for url in kept} == kept
    assert len(kept) == len(first.numbers) - 1
    assert len(set(second.numbers.values())) == len(second.numbers)
    # the same results, ranked the same, whatever the numbers
    fresh = SearchClient.of_index(_numbers(tree))
    kept_numbers = SearchClient.of_index(second)
    for query in ("nguyen van a", "le thi hoa", "20/QĐ-UBND", "a"):
        assert kept_numbers.search(query) == fresh.search(query), query


def test_an_index_of_another_format_is_not_used_as_previous(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"version": 1}), "utf-8")
    assert read_previous(tmp_path) is None and read_previous(tmp_path / "missing") is None


# --- the bundled sample -----------------------------------------------------------------------------------


def test_sample_search_page_lists_shards_and_large_words():
    outcome = pipeline.check(ROOT / "data", ROOT)
    built = build_index(Publication(outcome.catalog), [])
    files = {f.path for f in built.files}
    assert all(f"{INDEX_DIR}t/{p}.json" in files for p in built.shards)
    assert all(f"{INDEX_DIR}p/{t}.json" in files for t in built.long_title)
    assert all(f"{INDEX_DIR}o/{t}.json" in files for t in built.long_other)
    assert not any(p.startswith(f"{INDEX_DIR}t/:") or p.startswith(f"{INDEX_DIR}t/_") for p in files)


@pytest.mark.parametrize("query", ["Hoàng Văn T", "hoang van t", "1876/QĐ-UBND", "dua", "nguyen thi"])
def test_sample_queries_find_something(query):
    outcome = pipeline.check(ROOT / "data", ROOT)
    index = SearchClient.of_index(build_index(Publication(outcome.catalog), []))
    assert index.search(query)


# --- real names (tests/real_names.py) ---------------------------------------------------------------------


@pytest.fixture
def real(tree):
    import real_names

    real_names.write_records(tree.data, "ubnd-tinh")
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [p.format("en") for p in outcome.problems]
    return SearchClient.of_index(build_index(Publication(outcome.catalog), []))


def test_real_names_of_any_length_are_found_typed_without_diacritics_key_by_key(real):
    from real_names import every_name, plain, words

    names = every_name()
    assert {words(n) for n in names} >= {3, 9, 10, 13, 14, 23, 30}
    for name in names:
        query = plain(name)
        for end in range(1, len(query) + 1):  # every key typed: every result has a row in a file that exists
            assert all(row and 0 <= tier for (tier, _), row in zip(real.ranked(query[:end]), real.search(query[:end])))
        assert name in real.titles(query)[:PAGE], name  # on the first page of results
        assert name in real.titles(query + " ")[:PAGE], name  # the last word finished


def test_a_long_name_typed_in_full_ranks_its_words_in_order(real):
    """Words from the 8th on share the last title position: a 14-word name typed in full is still "adjacent and
    in order" (rank 2), above the same words typed in another order."""
    school = "Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Long, tỉnh Bạc Liêu"
    query = "truong trung hoc co so nguyen van troi xa phuoc long tinh bac lieu"
    ranked = dict((n, tier) for tier, n in real.ranked(query))
    shuffled = dict((n, tier) for tier, n in real.ranked(" ".join(reversed(query.split()))))
    [number] = [n for n in ranked if real.rows(n // CAP)[n % CAP][1] == school]
    assert 0 <= ranked[number] < shuffled[number]
    assert school in real.titles(query)[:2]  # beside the 30-word name that holds all its words in order


def test_consultation_candidates_are_found_with_their_notice(real):
    [phuong] = real.search("tran van phuong")
    assert phuong[0] == "de-nghi" and phuong[4] == "lay-y-kien/chien-si-thi-dua-toan-quoc-2025/#nguoi-nhan-de-nghi-1"
    assert phuong[2] == "Đảng ủy Ủy ban nhân dân tỉnh Bến Tre"
    assert phuong[3] == "Đề nghị Chiến sĩ thi đua toàn quốc · UBND tỉnh · góp ý đến hết 01/07/2025"
    assert real.search("truong mam non 3 2")[0][4].endswith("#nguoi-nhan-de-nghi-3")


def test_a_withdrawn_candidate_is_not_indexed(tree):
    import real_names

    real_names.write_records(tree.data, "ubnd-tinh")
    tree.replace("consultations/chien-si-thi-dua-toan-quoc-2025.yaml", '    name: "Trần Văn Phương"\n',
                 '    name: "Trần Văn Phương"\n    withdrawn:\n      date: 2025-06-25\n      note: "Gỡ theo đề nghị"\n')
    index = client(tree)
    assert index.search("tran van phuong") == [] and index.search("pham hong thai")


def test_a_line_annulled_on_its_own_is_found_by_the_revoking_number_however_the_d_is_printed(real):
    for query in ("715/QĐ-CTN", "715/QÐ-CTN", "715 qd ctn", "715/QƉ-CTN"):
        first = real.search(query)[0]
        assert first[:2] == ["tap-the", "Công ty cổ phần Công nghệ Việt Á"] and first[6] == 1, query
        assert any(row[:2] == ["qd", "Quyết định 902/QĐ-UBND"] for row in real.search(query))
    first = real.search("477/QĐ-TTg")[0]
    assert first[:2] == ["ca-nhan", "Nguyễn Văn Tuấn"] and first[6] == 1
    assert first[3].endswith(" · 902/QĐ-UBND · 2024 · bị hủy bỏ bởi Quyết định 477/QĐ-TTg")
    assert real.search("dang thi thu ha") and all(row[6] == 0 for row in real.search("dang thi thu ha"))


def test_a_person_with_a_page_is_found_first_with_a_link_to_it(real):
    rows = real.search("dang thi thu ha")
    assert rows[0][0] == "trang-nguoi" and rows[0][4] == "nguoi/dang-thi-thu-ha/"
    assert rows[0][1:4] == ["Đặng Thị Thu Hà", "Cá nhân · các khen thưởng 2024–2025", ""]
    assert [r[0] for r in rows[1:]] == ["ca-nhan", "ca-nhan"]
