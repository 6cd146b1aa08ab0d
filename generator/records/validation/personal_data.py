"""Personal data in free text: every scanned field reported at its line.
"""

from __future__ import annotations

from generator.records import personal_data as privacy
from generator.records.entries import Located
from generator.records.load import Loc
from generator.records.problems import Problem
from generator.records.validation.schema import field_label
from generator.text import fold


def check_texts(entry: Located, texts: list[tuple[Loc, str | None]], allowed: list[str],
                         problems: list[Problem]) -> None:
    for loc, text in texts:
        if not text:
            continue
        for code, snippet in privacy.find_personal_data(text, allowed):
            problems.append(Problem(entry.path, entry.line(*loc), code,
                                    {"field": field_label(loc), "snippet": snippet}))


def line_in_text(text: str, snippet: str) -> int:
    index = fold(text).find(snippet) if snippet not in text else text.find(snippet)
    return text.count("\n", 0, max(index, 0)) + 1
