"""Every message the validator can print, with its fix: generated from the message catalogue
(``records.messages``), so the guide can never describe a message that no longer exists or miss a new one."""

from __future__ import annotations

from string import Formatter

from generator.records.messages import MESSAGES
from generator.site import urls
from generator.site.labels import count
from generator.site.renderer import Renderer

def template_text(template: str) -> str:
    """A message template as a clerk reads it: each value the message fills in shown as «…»."""
    return "".join(literal + ("…" if field is not None else "")
                   for literal, field, _, _ in Formatter().parse(template))


def build(r: Renderer) -> None:
    rows = [{"code": code, "anchor": f"ma-{code.replace('_', '-')}",
             "message": template_text(texts["vi"][0]), "hint": template_text(texts["vi"][1])}
            for code, texts in MESSAGES.items()]
    r.page(urls.MESSAGES_GUIDE, "messages_guide.html", "Thông báo khi kiểm tra dữ liệu và cách sửa",
           "Mọi thông báo lỗi và cảnh báo mà lệnh kiểm tra dữ liệu có thể in ra, kèm cách sửa.", rows=rows,
           total=count(len(MESSAGES)))
