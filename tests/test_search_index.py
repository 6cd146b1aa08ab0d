"""The sharded search index, decoded in Python the way search.js decodes it."""

import base64
import json

from generator import pipeline
from generator.catalog.gate import Publication
from generator.site.search_index import INDEX_DIR, INLINE_MAX, build_index, tokens

from conftest import ROOT


def varint_decode(data: bytes) -> list[tuple[int, int]]:
    values, previous, current, shift = [], -1, 0, 0
    for byte in data:
        current |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            previous += current
            values.append((previous // 2, previous % 2))
            current, shift = 0, 0
    return values


class Index:
    def __init__(self, catalog, pages=()):
        built = build_index(Publication(catalog), list(pages))
        self.files = {f.path[len(INDEX_DIR):]: f.content for f in built.files}
        self.shards = built.shards

    def postings(self, term: str) -> list[tuple[int, int]]:
        prefix = term[:2] if not term.startswith(":") else ":" + term[1:2]
        shard = json.loads(self.files.get(f"t/{prefix.replace(':', '_')}.json", b"{}"))
        entry = shard.get(term)
        if entry is None:
            return []
        raw = base64.b64decode(entry[1]) if entry[1] is not None else self.files[f"p/{term.replace(':', '_')}.bin"]
        assert len(varint_decode(raw)) == entry[0]
        return varint_decode(raw)

    def doc(self, doc_id: int) -> list:
        meta = json.loads(self.files["meta.json"])
        return json.loads(self.files[f"d/{doc_id // meta['chunk']}.json"])[doc_id % meta["chunk"]]

    def search(self, query: str) -> list[list]:
        lists = [dict(self.postings(t)) for t in tokens(query)]
        ids = set(lists[0]).intersection(*lists[1:]) if lists else set()
        strong = sorted(i for i in ids if all(l[i] for l in lists))
        weak = sorted(ids - set(strong))
        return [self.doc(i) for i in strong + weak]


def test_tokens_fold_vietnamese_and_split_numbers():
    assert tokens("1234/QĐ-UBND") == ["1234", "qd", "ubnd"]
    assert tokens("Nguyễn Văn Đức") == tokens("NGUYEN VAN DUC") == ["nguyen", "van", "duc"]


def test_queries_with_and_without_diacritics_find_the_same(tree):
    index = Index(pipeline.check(tree.data, tree.root).catalog)
    with_marks = index.search("Nguyễn Văn A")
    assert with_marks == index.search("nguyen van a") == index.search("NGUYEN VAN A")
    assert with_marks[0][:2] == ["guong", "Nguyễn Văn A"]
    assert {d[4] for d in with_marks} >= {"quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-nguyen-van-a",
                                         "quyet-dinh/2024/13-qd-ubnd/#nguoi-nhan-nguyen-van-a"}


def test_decision_number_typed_either_way(tree):
    index = Index(pipeline.check(tree.data, tree.root).catalog)
    first = index.search("12/QĐ-UBND")[0]
    assert first[:2] == ["qd", "Quyết định 12/QĐ-UBND"] and first == index.search("12 qd ubnd")[0]


def test_title_matches_rank_before_other_fields(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '"Hiệu trưởng"', '"Tổ trưởng Nguyễn Văn A"')
    index = Index(pipeline.check(tree.data, tree.root).catalog)
    names = [d[1] for d in index.search("nguyen van a")]
    assert names.index("Trần Thị B") > max(i for i, n in enumerate(names) if n == "Nguyễn Văn A")


def test_revoked_results_are_marked(tree):
    index = Index(pipeline.check(tree.data, tree.root).catalog)
    revoked = [d for d in index.search("nguyen van a") if "13-qd-ubnd" in d[4]]
    assert revoked and all(d[-1] == 1 for d in revoked)


def test_filters_are_terms(tree):
    index = Index(pipeline.check(tree.data, tree.root).catalog)
    in_2024 = {i for i, _ in index.postings(":y2024")}
    assert in_2024 and all("quyet-dinh/2024/" in index.doc(i)[4] for i in in_2024)
    assert {i for i, _ in index.postings(":ftruong-a")} == set()
    assert {index.doc(i)[1] for i, _ in index.postings(":utruong-a")} >= {"Trường Tiểu học A", "Nguyễn Văn A"}


def test_long_posting_lists_live_in_their_own_files():
    outcome = pipeline.check(ROOT / "data", ROOT)
    index = Index(outcome.catalog)
    assert any(path.startswith("p/") for path in index.files)
    for path in index.files:
        if path.startswith("p/"):
            assert len(varint_decode(index.files[path])) > INLINE_MAX
    assert all(len(p) <= 2 for p in index.shards)
