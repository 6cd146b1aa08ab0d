"""The same person twice: on two lines of one decision, or (an individual) given the same award form in the same
year by two decisions. Both are warnings — two people may share a name and unit — that name the other line."""

from __future__ import annotations

from generator.records.entries import DecisionEntry, Records
from generator.records.models import DecisionStatus, Recipient, RecipientKind
from generator.records.problems import Problem, Severity
from generator.text import nfc

UNKNOWN_FORM = "khong-ro-hinh-thuc"


def _norm(text: str | None) -> str:
    return " ".join(nfc(text or "").casefold().split())


def person_key(r: Recipient) -> tuple[str, str, str]:
    """Name and unit as a clerk would compare them: case, spacing and Unicode form do not matter."""
    return r.kind.value, _norm(r.name), r.unit or _norm(r.unit_text)


class Duplicates:
    """Remembers every person awarded so far, by form and year, across the decisions checked in one run."""

    def __init__(self) -> None:
        self.awarded: dict[tuple, tuple[str, int, int]] = {}  # (person, form, year) → (path, line, STT)

    def check(self, entry: DecisionEntry, records: Records, problems: list[Problem]) -> None:
        d = entry.model
        first: dict[tuple, int] = {}
        form = records.award_forms.get(d.award_form)
        counted = form is not None and d.award_form != UNKNOWN_FORM and d.status is not DecisionStatus.revoked
        for index, r in enumerate(d.recipients):
            key = person_key(r)
            line = entry.line("recipients", index)
            if not key[1]:
                continue
            if key in first:
                problems.append(Problem(entry.path, line, "duplicate_recipient", {"first": first[key] + 1},
                                        Severity.WARNING))
                continue
            first[key] = index
            if not counted or r.revoked is not None or r.kind is not RecipientKind.individual:
                # a unit may well be given the same form twice a year (a year's work, then a campaign)
                continue
            seen = self.awarded.setdefault((key, d.award_form, entry.year), (entry.path, line, index + 1))
            if seen[0] != entry.path:
                problems.append(Problem(entry.path, line, "duplicate_award_in_year", {
                    "form": form.model.name, "year": entry.year, "other": f"{seen[0]}:{seen[1]}",
                    "other_row": seen[2]}, Severity.WARNING))
