"""Synthetic, clearly fictional records: the bundled sample province and benchmark data.

Names follow real Vietnamese surname and middle-name frequencies, but given names are single
letters ("Nguyễn Văn A" style) so nobody can mistake a sample record for a real person.
Everything is seeded: the same call writes the same files.
"""

from __future__ import annotations

import hashlib
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from generator.records.yaml_write import q

# Approximate shares of Vietnamese surnames (Nguyễn ≈ 38 %, Trần 11 %, Lê 9.5 % …).
SURNAMES = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 5),
            ("Phan", 4.5), ("Vũ", 3.9), ("Võ", 3.9), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4),
            ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.5), ("Trương", 0.5)]
MIDDLE_MALE = [("Văn", 40), ("Minh", 10), ("Hữu", 8), ("Đức", 8), ("Quốc", 6), ("Thanh", 6), ("Hoàng", 5),
               ("Công", 5), ("Xuân", 4), ("Ngọc", 4), ("Trung", 4)]
MIDDLE_FEMALE = [("Thị", 55), ("Ngọc", 9), ("Thu", 7), ("Thanh", 7), ("Mỹ", 5), ("Kim", 5), ("Hồng", 4),
                 ("Bích", 4), ("Thùy", 4)]
GIVEN_LETTERS = "A B C D Đ E G H K L M N O P Q R S T U V X Y".split()


def pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    names, weights = zip(*weighted)
    return rng.choices(names, weights)[0]


def person_name(rng: random.Random, gender: str) -> str:
    middle = MIDDLE_FEMALE if gender == "female" else MIDDLE_MALE
    return f"{pick(rng, SURNAMES)} {pick(rng, middle)} {rng.choice(GIVEN_LETTERS)}"


# --- tiny image and PDF writers, so the sample needs no binary tooling ---------------------------


def placeholder_png(seed: int, size: int = 160) -> bytes:
    """A flat illustrated silhouette (head and shoulders) on a coloured background, as PNG."""
    rng = random.Random(seed)
    bg = [rng.randrange(150, 230) for _ in range(3)]
    fg = [c - 90 for c in bg]
    rows = []
    cx, head_cy, head_r = size / 2, size * 0.4, size * 0.18
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            in_head = (x - cx) ** 2 + (y - head_cy) ** 2 <= head_r**2
            in_body = y > size * 0.62 and ((x - cx) / (size * 0.36)) ** 2 + ((y - size) / (size * 0.38)) ** 2 <= 1
            row += bytes(fg if (in_head or in_body) else bg)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def placeholder_pdf(title: str) -> bytes:
    """A one-page PDF that says it stands in for a scanned decision."""
    text = title.encode("ascii", "replace").decode()
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj 0 -24 Td (Ban scan minh hoa - du lieu mau hu cau) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class RecipientSpec:
    kind: str
    name: str
    position: str | None = None
    unit: str | None = None
    unit_text: str | None = None
    category: str | None = None
    gender: str | None = None
    achievement: str | None = None
    cash_vnd: int | None = None
    profile: str | None = None
    enterprise: bool = False
    minor: bool = False


def recipient_yaml(r: RecipientSpec) -> str:
    lines = [f"  - kind: {r.kind}", f"    name: {q(r.name)}"]
    for key in ("position", "unit", "unit_text", "category", "gender", "achievement", "cash_vnd", "profile"):
        value = getattr(r, key)
        if value is None:
            continue
        if key in ("unit", "category", "gender", "profile"):
            lines.append(f"    {key}: {value}")
        elif key == "cash_vnd":
            lines.append(f"    {key}: {value}")
        else:
            lines.append(f"    {key}: {q(value)}")
    if r.enterprise:
        lines.append("    enterprise: true")
    if r.minor:
        lines.append("    minor: true")
    return "\n".join(lines)


# --- a synthetic province at realistic scale, for the benchmark ---------------------------------

GIVEN_NAMES = [("Anh", 6), ("Linh", 4), ("Hương", 4), ("Hùng", 3), ("Dũng", 3), ("Tuấn", 4), ("Hà", 3), ("Lan", 3),
               ("Minh", 3), ("Nam", 3), ("Hải", 3), ("Trang", 4), ("Thảo", 3), ("Hạnh", 2), ("Hoa", 3), ("Long", 2),
               ("Quân", 2), ("Sơn", 2), ("Tâm", 2), ("Thắng", 2), ("Thành", 3), ("Trung", 2), ("Tú", 1), ("Vân", 2),
               ("Việt", 2), ("Yến", 2), ("Cường", 2), ("Bình", 2), ("Giang", 2), ("Huy", 3), ("Khánh", 2),
               ("Mai", 3), ("Nga", 2), ("Ngọc", 2), ("Nhung", 2), ("Phong", 1), ("Phương", 3), ("Quang", 2),
               ("Hiếu", 2), ("Dung", 2), ("Đức", 2), ("Hòa", 1), ("Thủy", 2), ("Loan", 1), ("Tùng", 1), ("Vinh", 1),
               ("Xuân", 1), ("Yên", 1), ("Khoa", 1), ("Lộc", 1), ("Phúc", 1), ("Thịnh", 1), ("Uyên", 1), ("Ánh", 1)]

BENCH_AUTHORITIES = [("ubnd-tinh", "Ủy ban nhân dân tỉnh Thử Nghiệm", "province", "bang-khen-cap-tinh", "QĐ-UBND")]
BENCH_AUTHORITIES += [(f"so-{i:02d}", f"Sở số {i:02d} tỉnh Thử Nghiệm", "department", "giay-khen-giam-doc-so", f"QĐ-S{i:02d}")
                      for i in range(1, 21)]
BENCH_AUTHORITIES += [(f"ubnd-xa-{i:03d}", f"Ủy ban nhân dân xã số {i:03d}", "commune", "giay-khen-chu-tich-ubnd-xa",
                       "QĐ-UBND") for i in range(1, 41)]
UNIT_KINDS = [("Trường Tiểu học", 0.35), ("Trường THCS", 0.2), ("Trạm Y tế xã", 0.1), ("Ủy ban nhân dân xã", 0.1),
              ("Hợp tác xã Nông nghiệp", 0.1), ("Trường Mầm non", 0.15)]
PLACES = ["Tân Phú", "Đông Hải", "Bình Minh", "Hòa Lợi", "An Thạnh", "Phú Mỹ", "Long Hòa", "Mỹ Xuân", "Thạnh Phú",
          "Vĩnh Thuận", "Cồn Mới", "Tân Hưng", "Phước Long", "Giồng Trôm", "Ba Tri", "Chợ Lách", "Mỏ Cày", "Hưng Nhượng"]


def bench_name(rng: random.Random) -> tuple[str, str]:
    gender = rng.choice(["female", "male"])
    middle = MIDDLE_FEMALE if gender == "female" else MIDDLE_MALE
    return f"{pick(rng, SURNAMES)} {pick(rng, middle)} {pick(rng, GIVEN_NAMES)}", gender


def write_province(data_dir: Path, years: int, decisions_per_year: int = 2000, rows_per_year: int = 20_000,
                   profiles_per_year: int = 200, seed: int = 7, first_year: int = 2015) -> dict:
    """A province of ``years`` years at realistic shape; returns counts. Deterministic for a seed."""
    rng = random.Random(seed)
    (data_dir / "registries").mkdir(parents=True, exist_ok=True)
    auth = ["# synthetic benchmark data"]
    for aid, name, kind, _form, _symbol in BENCH_AUTHORITIES:
        auth += [f"- id: {aid}", f"  name: {q(name)}", f"  kind: {kind}"]
    (data_dir / "registries" / "authorities.yaml").write_text("\n".join(auth) + "\n", encoding="utf-8")
    units = []
    lines = ["# synthetic benchmark data"]
    for i in range(2000):
        kind = rng.choices([k for k, _ in UNIT_KINDS], [w for _, w in UNIT_KINDS])[0]
        place = rng.choice(PLACES)
        uid = f"dv-{i:04d}"
        units.append((uid, f"{kind} {place} {i % 7 + 1}"))
        lines += [f"- id: {uid}", f"  name: {q(units[-1][1])}", f"  locality: {q('Xã ' + place)}"]
        if i % 9 == 0:
            lines.append("  remote_area: true")
    (data_dir / "registries" / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data_dir / "registries" / "movements.yaml").write_text("[]\n", encoding="utf-8")
    per_decision = rows_per_year / decisions_per_year
    profile_slugs: list[str] = []
    counts = {"decisions": 0, "recipients": 0, "profiles": 0}
    for y in range(years):
        year = first_year + y
        numbers: dict[str, int] = {}
        for d in range(decisions_per_year):
            aid, _name, _kind, form, symbol = BENCH_AUTHORITIES[0 if d % 4 == 0 else 1 + d % (len(BENCH_AUTHORITIES) - 1)]
            numbers[aid] = numbers.get(aid, 0) + rng.randint(1, 3)
            number = f"{numbers[aid]}/{symbol}"
            slug = f"{numbers[aid]}-{symbol.lower().replace('đ', 'd')}-{aid}"
            day = 1 + d * 364 // decisions_per_year
            date = f"{year}-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
            count = max(1, int(rng.gauss(per_decision, per_decision / 2)))
            body = [f"number: {q(number)}", f"date: {date}", f"authority: {aid}", f"award_form: {form}",
                    "method: regular", f"reason: {q('Đã có thành tích xuất sắc trong công tác năm ' + str(year))}",
                    "recipients:"]
            for _ in range(count):
                name, gender = bench_name(rng)
                uid, _uname = units[rng.randrange(len(units))]
                body += ["  - kind: individual", f"    name: {q(name)}", f"    position: {q(rng.choice(['Giáo viên', 'Bác sĩ', 'Nông dân', 'Chuyên viên', 'Điều dưỡng', 'Trưởng phòng']))}",
                         f"    unit: {uid}", "    category: direct_worker", f"    gender: {gender}",
                         f"    achievement: {q('Hoàn thành xuất sắc nhiệm vụ năm ' + str(year))}"]
                if len(profile_slugs) < (y + 1) * profiles_per_year and rng.random() < profiles_per_year / rows_per_year * 1.2:
                    profile_slug = f"guong-{len(profile_slugs):05d}"
                    profile_slugs.append(profile_slug)
                    body.append(f"    profile: {profile_slug}")
                    (data_dir / "profiles").mkdir(parents=True, exist_ok=True)
                    (data_dir / "profiles" / f"{profile_slug}.yaml").write_text(
                        f"name: {q(name)}\nkind: individual\nunit: {uid}\nsummary: {q('Gương điển hình ' + name)}\n",
                        encoding="utf-8")
                    (data_dir / "profiles" / f"{profile_slug}.md").write_text(
                        f"**{name}** là tấm gương tiêu biểu trong phong trào thi đua năm {year}.\n", encoding="utf-8")
                counts["recipients"] += 1
            path = data_dir / "decisions" / str(year) / f"{slug}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(body) + "\n", encoding="utf-8")
            counts["decisions"] += 1
    counts["profiles"] = len(profile_slugs)
    return counts
