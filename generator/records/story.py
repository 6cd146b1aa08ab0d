"""Limits on a profile's Markdown story, checked at validation and enforced again when rendering.

A story is at most :data:`MAX_STORY_BYTES` long and nests lists and quotes at most
:data:`MAX_STORY_NESTING` levels deep: deeper input made Python-Markdown recurse until it failed.
Validation reports an over-limit story at its line (:func:`story_problems`); the renderer flattens
anything deeper (:func:`flatten`) so that even an unchecked story cannot crash a build.
"""

from __future__ import annotations

import re

MAX_STORY_BYTES = 200 * 1024
MAX_STORY_NESTING = 20

_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")


def nesting(line: str) -> int:
    """How deep ``line`` nests: quote markers, list markers and 4-column indentation steps of its prefix."""
    columns = 0
    for ch in line:
        if ch == " ":
            columns += 1
        elif ch == "\t":
            columns += 4 - columns % 4
        else:
            break
    depth = columns // 4
    position = 0
    while True:
        match = _MARKER.match(line, position)
        if not match or match.end() == position:
            return depth
        depth += 1
        position = match.end()


def _prefix_end(line: str) -> int:
    position = 0
    while True:
        match = _MARKER.match(line, position)
        if not match or match.end() == position:
            return len(line) - len(line[position:].lstrip(" \t"))
        position = match.end()


def story_problems(text: str) -> list[tuple[int, str, dict]]:
    """``(line, code, params)`` for each limit ``text`` breaks: ``story_too_large`` at line 1,
    ``story_too_deep`` at the first line nested deeper than allowed."""
    found: list[tuple[int, str, dict]] = []
    size = len(text.encode("utf-8"))
    if size > MAX_STORY_BYTES:
        found.append((1, "story_too_large", {"size": size, "limit": MAX_STORY_BYTES}))
    for number, line in enumerate(text.split("\n"), 1):
        if line[:1] in (" ", "\t", ">", "-", "*", "+") or line[:1].isdigit():
            if nesting(line) > MAX_STORY_NESTING:
                found.append((number, "story_too_deep", {"limit": MAX_STORY_NESTING}))
                break
    return found


def flatten(text: str, limit: int = MAX_STORY_NESTING) -> str:
    """``text`` with every line nested deeper than ``limit`` turned into a plain line (prefix removed)."""
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if line[:1] in (" ", "\t", ">", "-", "*", "+") or line[:1].isdigit():
            if nesting(line) > limit:
                lines[index] = line[_prefix_end(line):]
                changed = True
    return "\n".join(lines) if changed else text
