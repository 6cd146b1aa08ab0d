"""Problems found in records: values collected and reported together, never exceptions; and user errors
outside records (a command's options, mkdocs.yml, a spreadsheet to import): one exception, ``UserError``.

Each problem names the file and line, what is wrong and how to fix it. Messages live in
``messages.py`` keyed by a stable ``code`` so they can be shown in Vietnamese or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from generator.records.hygiene import visible
from generator.records.messages import render_message


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Row:
    """A line of a list of people as the clerk sees it: its STT (1-based) and the person's name."""

    number: int
    name: str = ""

    def label(self, lang: str = "vi") -> str:
        word = "dòng" if lang == "vi" else "row"
        return f"{word} {self.number} ({self.name})" if self.name else f"{word} {self.number}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record, at ``path:line``."""

    path: str
    line: int
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    severity: Severity = Severity.ERROR
    row: Row | None = field(default=None, compare=False, hash=False)  # the list line the problem is on

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, lang: str = "vi") -> str:
        """``path:line: message — hint``, in ``lang`` ("vi" or "en"), on one line.

        Values from records are data, not terminal commands: control, bidirectional and invisible
        characters (and line breaks) are printed as visible escapes such as ``\\x1b``.
        """
        message, hint = render_message(self.code, self.params, lang)
        prefix = "" if self.is_error else ("cảnh báo: " if lang == "vi" else "warning: ")
        at = f"{self.row.label(lang)}: " if self.row else ""
        text = f"{self.path}:{self.line}: {prefix}{at}{message}"
        return visible(f"{text} — {hint}" if hint else text)

    def __str__(self) -> str:
        return self.format()

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.code, str(sorted(self.params.items())))


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by file, then line; duplicates dropped."""
    unique = {(p.path, p.line, p.code, p.severity, repr(sorted(p.params.items()))): p for p in problems}
    return sorted(unique.values(), key=Problem.sort_key)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


class UserError(Exception):
    """A user's mistake outside records that stops a command: a ``code`` of ``messages.USER_ERRORS`` with its
    params, at ``path`` (and ``line``) when known. The command line's edge (``commands/cli.py``) prints it as
    ``path:line: message — hint`` in the chosen language and exits with ``exit_status``, without a traceback.
    Subclasses (``ScaffoldError``, ``ReadError``…) only name where it comes from; they add no text."""

    exit_status = 1

    def __init__(self, code: str, path: object = "", line: int = 0, /, **params):
        super().__init__(code)
        self.code, self.path, self.line, self.params = code, str(path) if path else "", line, params

    def at(self, path: object, line: int = 0) -> UserError:
        """This error, placed at ``path`` (and ``line``) unless it already names a place."""
        if not self.path:
            self.path, self.line = str(path), line
        return self

    def format(self, lang: str = "vi") -> str:
        """``path:line: message — hint`` in ``lang``; the place is left out when unknown."""
        message, hint = render_message(self.code, self.params, lang)
        where = f"{self.path}:{self.line}: " if self.path and self.line else f"{self.path}: " if self.path else ""
        return visible(f"{where}{message} — {hint}" if hint else f"{where}{message}")

    def __str__(self) -> str:
        return self.format()

    def __reduce__(self):  # pickled whole (a build's child process), not as ``args`` alone
        return _rebuilt, (type(self), self.code, self.path, self.line, self.params)


def _rebuilt(cls: type[UserError], code: str, path: str, line: int, params: dict) -> UserError:
    return cls(code, path, line, **params)


class UsageError(UserError):
    """A command-line option or argument the command cannot use (exit status 64, as for argparse's own)."""

    exit_status = 64
