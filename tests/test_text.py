import unicodedata

from generator.text import fold, nfc, person_sort_key, slugify, sort_key


def test_fold_strips_marks_and_d_stroke():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("THI ĐUA, KHEN THƯỞNG") == "thi dua, khen thuong"
    assert fold("đ") == fold("Đ") == "d"


def test_fold_equal_for_precomposed_and_combining_input():
    precomposed = "Nguyễn Thị Ánh"
    combining = unicodedata.normalize("NFD", precomposed)
    assert precomposed != combining
    assert fold(precomposed) == fold(combining) == "nguyen thi anh"
    assert nfc(combining) == precomposed


def test_slugify_transliterates_vietnamese():
    assert slugify("1234/QĐ-UBND") == "1234-qd-ubnd"
    assert slugify("Thi đua yêu nước") == "thi-dua-yeu-nuoc"
    assert slugify("  Hợp tác xã — Tân Phú ") == "hop-tac-xa-tan-phu"
    assert slugify("Thi đua", "_") == "thi_dua"


def test_sort_key_follows_vietnamese_alphabet():
    words = ["Đức", "Dũng", "Bình", "Ân", "Ăn", "An", "ào", "áo", "ao"]
    assert sorted(words, key=sort_key) == ["An", "ao", "ào", "áo", "Ăn", "Ân", "Bình", "Dũng", "Đức"]


def test_sort_key_same_for_nfc_and_nfd():
    assert sort_key("Trương Ánh") == sort_key(unicodedata.normalize("NFD", "Trương Ánh"))


def test_person_names_sort_by_given_name_first():
    names = ["Nguyễn Văn B", "Trần Thị A", "Lê Văn C"]
    assert sorted(names, key=person_sort_key) == ["Trần Thị A", "Nguyễn Văn B", "Lê Văn C"]
