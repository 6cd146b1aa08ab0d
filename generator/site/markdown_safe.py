"""The one way Markdown from data becomes HTML: Python-Markdown, then an allow-list sanitizer.

Raw HTML, scripts, event handlers, ``javascript:``/``data:`` links and images from data never
reach the page; tables, lists, emphasis, quotes, headings and http(s) links do.

Rendering time is linear in the length of the story. Python-Markdown is quadratic on some input
(``"[" * 16000`` took 82 s: every ``[`` scans ahead for its ``]``; and every inline element of a
paragraph copies the whole paragraph), so before it runs, :func:`defuse` turns into plain characters
every ``[`` that does not open a well-formed inline link, every ``<`` that does not open a well-formed
tag, comment or autolink — each check bounded in length — and the markup of a paragraph beyond its
first :data:`MAX_INLINE_MARKUP` elements. Lists and quotes deeper than
:data:`~generator.records.story.MAX_STORY_NESTING` are flattened (validation reports them).
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup, escape

from generator.records.story import MAX_STORY_NESTING, flatten

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "blockquote", "ul", "ol", "li", "code", "pre",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "abbr", "sub", "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}

_URL_PART = r"(?:[^\s()<>\[\]\\]|\\.|\([^\s()<>\[\]\\]{0,500}\)){0,2000}"
_TOKENS = re.compile(
    r"(?P<keep>\[[^\[\]\n]{0,1000}\]\(<?" + _URL_PART + r">?(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?\)"
    r"|</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,1000})?/?>"  # a whole tag (the sanitizer decides)
    r"|<!--(?:(?!-->)[^<>]){0,2000}-->"
    r"|<(?:https?|mailto):[^\s<>]{1,2000}>"
    r"|&#?[A-Za-z0-9]{1,32};"
    r"|\\[^\n])"  # an escape
    r"|(?P<marks>\*+|_+|`+| {2,}(?=\n))"
    r"|(?P<paragraph>\n[ \t]*\n)"
    r"|(?P<text>!?\[|<)")
# Characters that would start markup, kept out of Python-Markdown's way as private-use characters
# and put back (escaped for HTML) afterwards.
_HIDE = {"[": "\ue000", "<": "\ue001", "*": "\ue002", "_": "\ue003", "`": "\ue004", "\\": "\ue005", "&": "\ue006",
         "!": "\ue007"}
_SHOW = {v: escape(k) for k, v in _HIDE.items()}
_PRIVATE = re.compile("[\ue000-\ue007]")
MAX_INLINE_MARKUP = 100  # per paragraph: Python-Markdown's inline pass is quadratic in their number


def _hide(text: str) -> str:
    return "".join(_HIDE.get(ch, ch) for ch in text)


def defuse(text: str) -> str:
    """``text`` ready for Python-Markdown in linear time.

    A ``[`` that opens no well-formed inline link and a ``<`` that opens no well-formed tag, comment
    or autolink become literal characters; so does every markup character of a paragraph beyond its
    first :data:`MAX_INLINE_MARKUP` (the rest of that paragraph reads as plain text).
    """
    text = _PRIVATE.sub("\ufffd", text)
    budget = [MAX_INLINE_MARKUP]

    def token(match: re.Match[str]) -> str:
        kind = match.lastgroup
        value = match.group(0)
        if kind == "paragraph":
            budget[0] = MAX_INLINE_MARKUP
            return value
        if kind == "text":
            return _hide(value)
        if budget[0] <= 0:
            return " " if kind == "marks" and value.startswith(" ") else _hide(value)
        budget[0] -= 1
        return value

    return _TOKENS.sub(token, text)


def _show(html: str) -> str:
    return _PRIVATE.sub(lambda m: _SHOW[m.group(0)], html) if _PRIVATE.search(html) else html


def render_markdown(text: str | None) -> Markup:
    """Sanitized HTML of Markdown ``text`` from a record; headings start at h2 (the page has the h1)."""
    if not text:
        return Markup("")
    source = defuse(flatten(text, MAX_STORY_NESTING))
    try:
        html = markdown.markdown(source, extensions=["tables", "sane_lists"], output_format="html")
    except RecursionError:  # not reachable after flatten(); a story is text, never a crash
        html = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n"))
    html = _show(html).replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(clean)
