"""When bodies existed: a decision's signing date against the period (``valid_from``–``valid_to``) of its
issuing authority and of every recipient's unit.

An authority cannot sign before it was founded or after it ceased (errors). No award can go to a unit before
it was founded (error: a decision records only its signing date, so the hint asks to check that date and the
unit); a decision signed after a unit ceased may still name it for work done there (warning). A body that ceased
names its successors — one after a merger, several after a split — or none when it was dissolved without one,
and each case has its own wording.
"""

from __future__ import annotations

from generator.records.entries import DecisionEntry, Located
from generator.records.models import Authority, Unit
from generator.records.problems import Problem, Severity


def check_authority_period(entry: DecisionEntry, authority: Located[Authority], problems: list[Problem]) -> None:
    """The decision is signed while its issuing authority existed."""
    a, day = authority.model, entry.model.date
    line = entry.line("date")
    if a.valid_from and day < a.valid_from:
        problems.append(Problem(entry.path, line, "date_before_authority", {"authority": a.name, "since": a.valid_from}))
    if a.valid_to and day > a.valid_to:
        params = {"authority": a.name, "until": a.valid_to}
        if a.successors:
            problems.append(Problem(entry.path, line, "date_after_authority",
                                    {**params, "successors": tuple(a.successors)}))
        else:
            problems.append(Problem(entry.path, line, "date_after_authority_no_successor", params))


def check_unit_period(entry: DecisionEntry, index: int, unit: Located[Unit], problems: list[Problem]) -> None:
    """Recipient ``index`` belongs to a unit that existed on the signing date."""
    u, day = unit.model, entry.model.date
    line = entry.line("recipients", index, "unit")
    if u.valid_from and day < u.valid_from:
        problems.append(Problem(entry.path, line, "date_before_unit", {"unit": u.name, "since": u.valid_from}))
    if u.valid_to and day > u.valid_to:
        params = {"unit": u.name, "until": u.valid_to}
        if u.successors:
            problems.append(Problem(entry.path, line, "unit_defunct", {**params, "successors": tuple(u.successors)},
                                    Severity.WARNING))
        else:
            problems.append(Problem(entry.path, line, "unit_defunct_no_successor", params, Severity.WARNING))
