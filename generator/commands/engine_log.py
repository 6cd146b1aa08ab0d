"""The site engine's log (MkDocs or ProperDocs) in the clerk's language, for ``build`` and ``serve``.

The engine logs in English («INFO - Cleaning site directory»). In Vietnamese (the default) its known lines are
said in Vietnamese, its other information lines are not shown, and a warning or error it words itself is shown
under a Vietnamese line saying what it is. Bảng Vàng's own lines (the plugin's data problems) are Vietnamese
already and are shown as they are. ``--lang en`` shows the engine's lines unchanged.
"""

from __future__ import annotations

import logging
import re

# the engine's own lines → Vietnamese ("" hides the line); matched on the whole message
_KNOWN_VI: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(pattern, re.S), text) for pattern, text in (
    (r"Cleaning site directory", ""),
    (r"Building documentation to directory: .*", ""),
    (r"The directory contains stale files\..*", ""),
    (r"Documentation built in (?P<s>[\d.]+) seconds", "Bộ dựng trang chạy xong trong {s} giây."),
    (r"Building documentation\.\.\.", "Đang xây dựng trang xem trước…"),
    (r"Serving on (?P<url>\S+)( and opening it in a browser)?",
     "Trang xem trước: {url} — mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C."),
    (r"Watching paths for changes: (?P<paths>.*)", "Tự xây dựng lại khi các thư mục sau thay đổi: {paths}"),
    (r"Detected file changes", "Có tệp vừa thay đổi — đang xây dựng lại…"),
    (r"Reloading browsers", "Đã xây dựng lại; trình duyệt tự tải lại trang."),
    (r"Browser connected: (?P<url>\S+)", ""),
    (r"Shutting down\.\.\.", "Đã dừng trang xem trước."),
    (r"Template skipped: .*", ""),
    (r"Page skipped: .*", ""),
    (r"Doc file '(?P<f>[^']+)' contains a link '(?P<l>[^']+)', but the target '(?P<t>[^']+)' is not found among "
     r"documentation files\..*", "trang {f} có liên kết «{l}» tới {t}, nhưng không có trang này trong content/ — sửa "
                                 "hoặc bỏ liên kết"),
    (r"A reference to '(?P<f>[^']+)' is included in the 'nav' configuration, which is not found in the "
     r"documentation files\.?", "mục {f} trong «nav» của mkdocs.yml không có trang tương ứng trong content/ — sửa "
                                "hoặc bỏ mục này"),
    (r"Config value '(?P<k>[^']+)': (?P<m>.*)", "mkdocs.yml, mục «{k}»: {m}"),
    (r"Error reading page '(?P<p>[^']+)':?.*", "không tạo được trang {p}, vì:"),
    (r"Aborted with a BuildError!", "bộ dựng trang dừng vì lỗi ở các dòng trên"),
    (r"Aborted with a configuration error!", "bộ dựng trang dừng vì lỗi cấu hình ở dòng trên"),
    (r"Aborted with (?P<n>\d+) warnings? in strict mode!",
     "bộ dựng trang dừng vì có {n} cảnh báo (--strict coi cảnh báo là lỗi)"),
))
_LEVELS_VI = {logging.WARNING: "cảnh báo", logging.ERROR: "lỗi", logging.CRITICAL: "lỗi"}


def from_engine(record: logging.LogRecord) -> bool:
    """True for a line the engine (or a library it uses) logs, not Bảng Vàng itself (its plugin's lines are
    Vietnamese)."""
    return ".plugins.bangvang" not in record.name and record.name.split(".")[0] != "generator"


def vietnamese(record: logging.LogRecord) -> str | None:
    """The line to show for ``record`` in Vietnamese; None hides it."""
    message = record.getMessage()
    if not from_engine(record):
        return message
    stamp = re.match(r"\[\d\d:\d\d:\d\d\] ", message)  # the live preview's lines open with the time
    said = translate(message[stamp.end():] if stamp else message, record.levelno)
    return None if said is None else (stamp.group(0) if stamp else "") + said


def translate(message: str, level: int = logging.ERROR) -> str | None:
    """One of the engine's messages in Vietnamese, at ``level``: a known one translated (None when it is not
    worth showing), one already in Vietnamese (Bảng Vàng's, passed through the engine) as it is, another
    information line hidden, another warning or error shown under a Vietnamese line."""
    for pattern, text in _KNOWN_VI:
        found = pattern.fullmatch(message.strip())
        if found:
            said = text.format(**{k: v.replace(".", ",") if k == "s" else v for k, v in found.groupdict().items()})
            if not said:
                return None
            return said if level < logging.WARNING else f"{_LEVELS_VI.get(level, 'lỗi')}: {said}"
    if not message.isascii():
        return message
    if level < logging.WARNING:
        return None
    return (f"{_LEVELS_VI.get(level, 'lỗi')} của bộ dựng trang (MkDocs), nguyên văn tiếng Anh ở dòng dưới — "
            f"nếu không rõ cách sửa, gửi dòng này cho bộ phận kỹ thuật:\n    {message}")


class EngineLogHandler(logging.StreamHandler):
    """Writes log lines to stderr in ``lang``: Vietnamese as ``vietnamese`` says, or the engine's English."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def format(self, record: logging.LogRecord) -> str:
        if self.lang == "en":
            return f"{record.levelname:<7} -  {record.getMessage()}"
        return vietnamese(record) or ""

    def emit(self, record: logging.LogRecord) -> None:
        if self.lang == "en" or vietnamese(record) is not None:
            super().emit(record)


def setup(lang: str) -> None:
    """Send the engine's log (INFO and up) through ``EngineLogHandler`` in ``lang``, replacing other handlers."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(EngineLogHandler(lang))
    root.setLevel(logging.INFO)
