"""Material's main stylesheet cut down to the rules this site can use.

Material ships one render-blocking stylesheet (138 KB) for every feature it has; a page of this site
uses about a third of it, and Lighthouse counts the rest against the first paint on phones. After a
build, a rule is dropped when each of its selectors names a class that nothing on the site can
produce: no page MkDocs rendered (content pages, the shells of record pages, 404), no template of
ours (the bodies of record pages) and no word of the theme's or our scripts (classes added at run
time). Classes inside ``:not(…)``/``:is(…)`` are not judged, at-rules other than ``@media`` and
``@supports`` are kept whole, so the cut can only remove rules that could never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_PARENS = re.compile(r"\([^()]*\)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SELECTOR_COMMA = re.compile(r",(?![^()]*\))")
_GROUPING = ("@media", "@supports", "@layer", "@container")


def classes_in_html(html_: str) -> set[str]:
    """Every class name in the class attributes of a rendered page."""
    return {name for value in _CLASS_ATTRIBUTE.findall(html_) for name in value.split()}


def words_in(texts: Iterable[str]) -> set[str]:
    """Every identifier-like word of templates and scripts (a superset of the classes they can add)."""
    return {word for text in texts for word in _WORD.findall(text)}


def trim(css: str, known: set[str]) -> str:
    """The stylesheet without the rules whose every selector needs a class outside ``known``."""
    return _trim_block(_COMMENT.sub("", css), known)


def trim_theme_stylesheets(site_dir: Path, known: set[str]) -> tuple[int, int]:
    """Trim Material's main stylesheet in the built site in place; return (bytes before, bytes after)."""
    before = after = 0
    for path in (site_dir / "assets" / "stylesheets").glob("main.*.min.css"):
        if path.is_symlink() or not path.is_file():
            continue
        css = path.read_text(encoding="utf-8")
        trimmed = trim(css, known)
        path.write_text(trimmed, encoding="utf-8")
        before, after = before + len(css.encode()), after + len(trimmed.encode())
    return before, after


def _selector_possible(selector: str, known: set[str]) -> bool:
    outer = selector
    while True:
        reduced = _PARENS.sub("", outer)
        if reduced == outer:
            break
        outer = reduced
    return all(name in known for name in _CLASS.findall(outer))


def _trim_block(css: str, known: set[str]) -> str:
    out: list[str] = []
    i = 0
    while True:
        brace = css.find("{", i)
        if brace < 0:
            out.append(css[i:].strip())
            break
        head = css[i:brace]
        if ";" in head:  # statements without a block (@charset, @import) before this rule
            statements, _, head = head.rpartition(";")
            out.append(statements.strip() + ";")
        depth, end = 1, brace + 1
        while depth:
            if css[end] == "{":
                depth += 1
            elif css[end] == "}":
                depth -= 1
            end += 1
        body = css[brace + 1:end - 1]
        head = head.strip()
        if head.startswith(_GROUPING):
            inner = _trim_block(body, known)
            if inner:
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        else:
            kept = [s for s in _SELECTOR_COMMA.split(head) if _selector_possible(s, known)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
        i = end
    return "".join(part for part in out if part)
