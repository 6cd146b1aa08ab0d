"""Synthetic, clearly fictional records: the bundled sample province and benchmark data.

Names follow real Vietnamese surname and middle-name frequencies, but given names are single
letters ("Nguyễn Văn A" style) so nobody can mistake a sample record for a real person.
Everything is seeded: the same call writes the same files.
"""

from __future__ import annotations

import hashlib
import json
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

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


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


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
    return "\n".join(lines)
