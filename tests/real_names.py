"""Real names for search tests: recipients and candidates as published in Vietnamese award decisions, ceremony
news and public consultations (copied here as our own fixture; tests never read ../shared/), with the long
collective names that overflowed the browser's rank key (10 to 30 words: schools with their commune and
province, army units, villages), names with Đ/đ, and revoking numbers printed with U+00D0 (Ð, not Đ).

``write_records`` writes them into a data tree as three decisions (one with lines annulled on their own by
decisions numbered 715/QÐ-CTN and 477/QĐ-TTg), a public consultation of candidates, and a person tied across
two decisions (who therefore has a page of their own, ``nguoi/…/``)."""

from __future__ import annotations

from pathlib import Path

from generator.site.search_index import tokens
from generator.text import fold

# (kind, name) as published
RECIPIENTS = [
    ("collective", "Ủy ban MTTQ tỉnh"),
    ("collective", "Sở Lao động, Thương binh và Xã hội"),
    ("collective", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("collective", "Ngân hàng Chính sách xã hội tỉnh"),
    ("collective", "UBND xã Đức Chính (Cẩm Giàng)"),
    ("collective", "thôn Hảo Hội (Đức Chính)"),
    ("collective", "thôn Kim Lôi (Bạch Đằng)"),
    ("individual", "Trần Thị Hà"),
    ("individual", "Trần Văn Khuy"),
    ("household", "hộ bà Bùi Thị Thông"),
    ("household", "hộ ông Lê Triều"),
    ("collective", "Ban nhân dân khối 9"),
    ("individual", "Võ Thanh Lam"),
    ("individual", "Phan Lương Nhật"),
    ("individual", "Trần Văn Thám"),
    ("individual", "Phan Bình Minh"),
    ("collective", "Binh chủng Đặc công"),
    ("collective", "Binh đoàn 15"),
    ("collective", "Cục Quân huấn nhà trường"),
    ("collective", "Cục Cứu hộ cứu nạn"),
    ("collective", "Trường Tiểu học Đoàn Thị Điểm"),
    ("collective", "Công ty Cổ phần Tập đoàn Thái Bình Seed"),
    ("individual", "Nguyễn Thị Phương Thảo"),
    ("individual", "Vũ Hữu Lê"),
    ("individual", "Đào Nguyên Túc"),
    ("individual", "Lữ Thị Tuyết"),
    ("individual", "Tống Thị Phượng"),
    ("collective", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An"),
    ("collective", "Sở Giáo dục và Đào tạo tỉnh Nghệ An"),
    ("individual", "Khăm-phởi Bút-đa-viêng"),
    ("individual", "Bô Nhơn (Lê Viết Muồng)"),
    ("individual", "Hà Thị Tự"),
    ("collective", "UBND huyện Cẩm Giàng"),
    ("collective", "UBND thị xã Kinh Môn"),
    ("collective", "UBND xã Bạch Đằng (Kinh Môn)"),
    ("individual", "Nguyễn Văn Lộc"),
    ("collective", "Công an TP Hà Nội"),
    ("collective", "Cục Tổ chức cán bộ"),
    ("collective", "Thanh tra Bộ Công an"),
    ("collective", "Bệnh viện Chợ Rẫy"),
    ("collective", "Công ty Viettel Campuchia"),
    ("collective", "Công ty cổ phần sữa TH"),
    ("individual", "Nguyễn Việt Cường"),
    ("collective", "Sở Giao thông Vận tải tỉnh Nghệ An"),
    ("collective", "Sở Tư pháp tỉnh Nghệ An"),
    ("collective", "Báo Nghệ An"),
    ("individual", "Lê Bảo Trâm"),
    ("individual", "Nguyễn Quốc Kỳ"),
    ("individual", "Phạm Đình Duẩn"),
    # long collective names: 9 to 30 words (as search counts them)
    ("collective", "Đoàn Kinh tế - Quốc phòng 327, Quân khu 9"),
    ("collective", "tập thể nhân dân và cán bộ tỉnh Sê Kông"),
    ("collective", "Trường Trung học cơ sở Nguyễn Văn Trỗi, xã Phước Long, tỉnh Bạc Liêu"),
    ("collective", "Ban Quản lý Vườn Quốc gia Phong Nha - Kẻ Bàng, tỉnh Quảng Bình"),
    ("collective", "Công ty Viettel Campuchia (Tổng công ty Đầu tư quốc tế Viettel, Tập đoàn Công nghiệp viễn thông "
                   "Quân đội, Bộ Quốc phòng)"),
    ("collective", "Liên đội Trường Trung học cơ sở Nguyễn Văn Trỗi (Đội Thiếu niên Tiền phong Hồ Chí Minh), "
                   "xã Phước Long, huyện Phước Long, tỉnh Bạc Liêu (nay Cà Mau)"),
]
# annulled on their own, by a decision whose number the revoking decision printed with Ð (U+00D0) or Đ
REVOKED = [("collective", "Công ty cổ phần Công nghệ Việt Á", "715/Q\u00d0-CTN"),
           ("individual", "Nguyễn Văn Tuấn", "477/QĐ-TTg")]
# (kind, name, unit or, for a collective, the form proposed)
CANDIDATES = [("individual", "Trần Văn Phương", "Đảng ủy Ủy ban nhân dân tỉnh Bến Tre"),
              ("individual", "Phạm Hồng Thái", "Ban Quản lý Vườn Quốc gia Phong Nha - Kẻ Bàng, tỉnh Quảng Bình"),
              ("collective", "Trường Mầm non 3-2", "huan-chuong-lao-dong-hang-ba"),
              ("collective", "Trường Trung học cơ sở thị trấn Mỹ Phước", "huan-chuong-lao-dong-hang-ba")]
PERSON = ("individual", "Đặng Thị Thu Hà", "dang-thi-thu-ha")  # awarded in two decisions: a page of her own


def every_name() -> list[str]:
    """Every name a citizen must find: recipients, lines annulled on their own, and candidates."""
    return [n for _, n in RECIPIENTS] + [n for _, n, _ in REVOKED] + [n for _, n, _ in CANDIDATES]


def words(name: str) -> int:
    """How many words search sees in ``name``."""
    return len(tokens(name))


def plain(name: str) -> str:
    """The name as typed on a keyboard without Vietnamese input: «Đoàn Kinh tế» → «doan kinh te»."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(name)).split())


def _line(kind: str, name: str, extra: str = "") -> str:
    category = "    category: direct_worker\n" if kind == "individual" else ""
    return f'  - kind: {kind}\n    name: "{name}"\n{category}{extra}'


def _decision(number: str, date: str, authority: str, lines: list[str]) -> str:
    return (f'number: "{number}"\ndate: {date}\nauthority: {authority}\naward_form: bang-khen-cap-tinh\n'
            f'method: ad_hoc\nreason: "Có thành tích xuất sắc"\nrecipients:\n' + "".join(lines))


def write_records(data: Path, authority: str) -> None:
    """The real names as records of the data tree ``data`` (decisions by ``authority``, an authority id there)."""
    person = f"    person: {PERSON[2]}\n"
    revoked = [_line(kind, name, f'    revoked:\n      decision_number: "{number}"\n      date: 2025-06-23\n'
                                 '      reason: "Vi phạm pháp luật nghiêm trọng"\n')
               for kind, name, number in REVOKED]
    files = {
        "decisions/2025/901-qd-ubnd.yaml": _decision("901/QĐ-UBND", "2025-03-03", authority,
                                                     [_line(k, n) for k, n in RECIPIENTS] + [_line(*PERSON[:2], person)]),
        "decisions/2024/902-qd-ubnd.yaml": _decision("902/QĐ-UBND", "2024-04-04", authority,
                                                     revoked + [_line(*PERSON[:2], person)]),
    }
    candidates = "".join(_line(kind, name, f'    award_form: {more}\n' if kind == "collective" else f'    unit_text: "{more}"\n')
                         for kind, name, more in CANDIDATES)
    files["consultations/chien-si-thi-dua-toan-quoc-2025.yaml"] = (
        'title: "Lấy ý kiến nhân dân đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc"\n'
        f"proposer: {authority}\naward_form: chien-si-thi-dua-toan-quoc\nopens: 2025-06-20\ncloses: 2025-07-01\n"
        'how_to_comment: "Gửi ý kiến bằng văn bản, ghi rõ họ tên người góp ý."\n'
        'contact:\n  address: "Phòng Thi đua, khen thưởng, số 1 đường Trung Tâm"\nproposed:\n' + candidates)
    for rel, text in files.items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
