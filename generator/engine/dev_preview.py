"""Live preview (``serve``) that shows data problems in the browser, not only in the terminal.

While the data has errors, every page of the preview opens with a box listing them (file:line, what is
wrong, how to fix), over the last good build; the next save that fixes them rebuilds without the box.
Never part of a published build (``build`` stops at the first error instead).
"""

from __future__ import annotations

import html
import re

from generator.records.problems import Problem

_BODY_OPEN = re.compile(r"<body\b[^>]*>")
MAX_SHOWN = 50


def problem_box(problems: list[Problem], showing_last_good: bool) -> str:
    """The HTML box listing ``problems`` (escaped: messages quote values from records)."""
    shown = problems[:MAX_SHOWN]
    items = "".join(f"<li><code>{html.escape(p.path)}:{p.line}</code>: {html.escape(_message(p))}</li>"
                    for p in shown)
    more = (f"<p>… và {len(problems) - len(shown)} lỗi nữa: chạy <code>./bangvang validate</code> để xem hết.</p>"
            if len(problems) > len(shown) else "")
    state = ("Trang đang hiện là bản xây dựng tốt gần nhất." if showing_last_good
             else "Chưa có bản xây dựng nào không lỗi, nên trang chưa có quyết định nào.")
    return ('<div class="bv-dev-problems" role="alert" style="position:relative;z-index:10;margin:0;'
            'padding:.8rem 1.2rem;background:#fff3f3;border-bottom:4px solid #b71c1c;color:#000;'
            'font:16px/1.5 system-ui,sans-serif">'
            f"<p><strong>Dữ liệu có {len(problems)} lỗi — chưa thể xuất bản.</strong> {state} "
            "Sửa các dòng dưới đây rồi lưu tệp: trang tự tải lại.</p>"
            f'<ol style="margin:.4rem 0 .4rem 1.2rem">{items}</ol>{more}</div>')


def with_box(page_html: str, box: str) -> str:
    """``page_html`` with ``box`` right after its ``<body>`` tag (unchanged when there is no box)."""
    if not box:
        return page_html
    match = _BODY_OPEN.search(page_html)
    return page_html if match is None else page_html[:match.end()] + box + page_html[match.end():]


def _message(problem: Problem) -> str:
    """The problem's text without its ``path:line:`` prefix (shown apart, in code)."""
    text = problem.format()
    prefix = f"{problem.path}:{problem.line}: "
    return text[len(prefix):] if text.startswith(prefix) else text
