"""People across decisions: the ``person`` id that ties the awards of one person, collective or household
together — an explicit id written on each line, or the profile a line links to, never the name (two people share
a name; one person's name is spelt two ways).

A line's person is ``person``, else ``profile`` (``Recipient.person_key``). Checked here: a line naming two
different people (``person`` and ``profile`` differ), a ``person`` id that is a profile's slug without the line
linking that profile, one person twice in one decision, a ``person`` id that links to nothing (used on one line
only and no profile's), and one id used for different kinds of recipient.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.records.entries import DecisionEntry, Located, Records
from generator.records.models import Recipient, RecipientKind
from generator.records.problems import Problem
from generator.records.validation.schema import suggest


@dataclass(frozen=True)
class Use:
    """One line that belongs to a person."""

    kind: RecipientKind
    name: str
    path: str
    line: int  # of the ``person`` field, or of ``profile`` when the person is the profile
    explicit: bool  # written as ``person:``


@dataclass
class People:
    """Every line of every decision that names a person, by person id, in the order files are read."""

    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))

    def known(self, records: Records) -> set[str]:
        """Person ids that tie awards together: used on two lines or more, or a profile's slug."""
        return {key for key, uses in self.uses.items() if len(uses) >= 2} | set(records.profiles)


def _line(entry: Located, loc: tuple, r: Recipient) -> int:
    return entry.line(*loc, "person" if r.person else "profile")


def collect_people(entry: DecisionEntry, records: Records, problems: list[Problem], people: People) -> None:
    """Check the person of each line of one decision and remember it for ``check_people``."""
    seen: dict[str, int] = {}
    for index, r in enumerate(entry.model.recipients):
        key = r.person_key
        if key is None:
            continue
        loc = ("recipients", index)
        if r.person and r.profile and r.person != r.profile:
            problems.append(Problem(entry.path, entry.line(*loc, "person"), "person_profile_mismatch",
                                    {"person": r.person, "profile": r.profile}))
            continue
        if r.person and not r.profile and r.person in records.profiles:
            problems.append(Problem(entry.path, entry.line(*loc, "person"), "person_is_profile",
                                    {"value": r.person, "name": records.profiles[r.person].model.name}))
            continue
        line = _line(entry, loc, r)
        if key in seen:
            problems.append(Problem(entry.path, line, "person_twice_in_decision",
                                    {"value": key, "first": f"{entry.path}:{seen[key]}"}))
            continue
        seen[key] = line
        people.uses[key].append(Use(r.kind, r.name, entry.path, line, bool(r.person)))


def check_people(people: People, records: Records, problems: list[Problem]) -> None:
    """Checks across decisions: ids that link to nothing, and one id used for different kinds of recipient."""
    known = people.known(records)
    for key, uses in people.uses.items():
        profile = records.profiles.get(key)
        if profile is None and len(uses) == 1 and uses[0].explicit:
            use = uses[0]
            problems.append(Problem(use.path, use.line, "unknown_person",
                                    {"value": key, "suggestion": suggest(key, known - {key})}))
        if profile is not None:
            kind, first = profile.model.kind, f"{profile.path}:{profile.line('kind')}"
        else:
            kind, first = uses[0].kind, f"{uses[0].path}:{uses[0].line}"
        for use in uses:
            if use.kind is not kind:
                problems.append(Problem(use.path, use.line, "person_kind_mismatch",
                                        {"value": key, "name": use.name, "kind": use.kind.value,
                                         "first_kind": kind.value, "first": first}))


def check_proposed_person(entry: Located, index: int, r: Recipient, known: set[str], problems: list[Problem]) -> None:
    """A person proposed in a consultation may name the person whose awards are already published."""
    if r.person and r.person not in known:
        problems.append(Problem(entry.path, entry.line("proposed", index, "person"), "unknown_person",
                                {"value": r.person, "suggestion": suggest(r.person, known)}))
