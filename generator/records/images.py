"""Published copies of photos carry no metadata: EXIF (GPS position, camera, date), XMP, IPTC and
text chunks are removed from JPEG, PNG and WebP files; the pixels are untouched.

Pure Python over the container formats, so the project needs no imaging library.
"""

from __future__ import annotations

import struct

JPEG_MAGIC, PNG_MAGIC = b"\xff\xd8", b"\x89PNG\r\n\x1a\n"
_JPEG_DROP = {0xE1, 0xED, 0xFE} | set(range(0xE3, 0xED))  # APP1 Exif/XMP, APP13 IPTC, COM, other APPn
_PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}


def kind_of(data: bytes) -> str | None:
    """"jpeg", "png" or "webp" from the file's first bytes (not its name)."""
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    if data.startswith(PNG_MAGIC):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def strip_metadata(data: bytes) -> bytes:
    kind = kind_of(data)
    if kind == "jpeg":
        return _strip_jpeg(data)
    if kind == "png":
        return _strip_png(data)
    if kind == "webp":
        return _strip_webp(data)
    raise ValueError("not a JPEG, PNG or WebP image")


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(data[:2])
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("corrupt JPEG")
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[pos:]
            return bytes(out)
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segment = data[pos:pos + 2 + length]
        if marker not in _JPEG_DROP:
            out += segment
        pos += 2 + length
    raise ValueError("corrupt JPEG")


def _strip_png(data: bytes) -> bytes:
    out = bytearray(PNG_MAGIC)
    pos = len(PNG_MAGIC)
    while pos + 8 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if kind not in _PNG_DROP:
            out += chunk
        pos += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)


def _strip_webp(data: bytes) -> bytes:
    chunks = bytearray()
    pos = 12
    while pos + 8 <= len(data):
        kind = data[pos:pos + 4]
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        chunk = bytearray(data[pos:pos + 8 + length + (length & 1)])
        if kind == b"VP8X":
            chunk[8] &= ~0x0C & 0xFF  # clear the EXIF and XMP flags
        if kind not in (b"EXIF", b"XMP "):
            chunks += chunk
        pos += 8 + length + (length & 1)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + bytes(chunks)
