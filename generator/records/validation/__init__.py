"""Stage 2 — validate: loaded YAML → typed records, or every problem found, each at path:line.

Three layers, all run on every record so that one pass reports everything:
schema (pydantic models), cross-references (registries, profiles, files) and policy
(dates, recipient kinds, authority powers, personal data). One module per concern.

A decision's rules that read only its own file, the registries and the date run per file and are cached
(``checked.py``); the rules across files (numbers, profiles, people, duplicates, caps, occasions) run here, on
every run, over what the per-file rules left.
"""

from __future__ import annotations

import datetime as dt

from generator.records.entries import DecisionEntry, Records
from generator.records.load import LoadedData
from generator.records.problems import Problem, sorted_problems
from generator.records.validation.caps import check_caps
from generator.records.validation.completeness import check_occasions
from generator.records.validation.consultations import validate_consultations
from generator.records.validation.checked import FileRules
from generator.records.validation.decisions import (
    check_attachment,
    check_number,
    check_profile_links,
    check_raw_profiles,
    compact,
)
from generator.records.validation.duplicates import Duplicates
from generator.records.validation.people import People, check_people, collect_people
from generator.records.validation.profiles import check_profiles, validate_profile
from generator.records.validation.registries import (
    check_registry_references,
    validate_redirects,
    validate_registries,
)


def validate_registries_only(loaded: LoadedData) -> tuple[Records, list[Problem]]:
    """The registries of ``load.load_registries``, merged and checked as ``validate`` does."""
    problems: list[Problem] = loaded.problems
    records = Records(data_dir=loaded.data_dir)
    validate_registries(loaded, records, problems)
    check_registry_references(records, problems)
    return records, sorted_problems(problems)


def validate(loaded: LoadedData, today: dt.date) -> tuple[Records, list[Problem]]:
    """Check every loaded record; return the valid ones and all problems, sorted by file and line."""
    problems: list[Problem] = loaded.problems  # the loader keeps adding as decision files are read
    records = Records(data_dir=loaded.data_dir)
    validate_registries(loaded, records, problems)
    validate_redirects(loaded, records, problems)
    for doc in loaded.of_kind("profiles"):
        entry = validate_profile(doc, loaded, problems)
        if entry:
            records.profiles[entry.slug] = entry
    check_registry_references(records, problems)
    check_profiles(records, loaded, today, problems)
    for doc in loaded.of_kind("profiles"):
        compact(doc)
    numbers: dict[tuple, DecisionEntry] = {}
    people = People()
    duplicates = Duplicates()
    rules = FileRules(loaded, records, today)
    try:
        for path in loaded.decision_files:
            start = len(problems)
            checked = rules.check(path)  # the per-file rules, from the cache when the file and its context are known
            problems.extend(checked.problems)
            entry = checked.entry
            if entry:  # the rules across files, and the attachment (another file)
                records.decisions.append(entry)
                check_number(entry, numbers, problems)
                check_attachment(entry, loaded, problems)
                check_profile_links(entry, records, problems)
                collect_people(entry, records, problems, people)
                if entry.model.date <= today:  # a year in the future is a typo: nothing to compare with
                    duplicates.check(entry, records, problems)
            else:
                check_raw_profiles(checked.doc, checked.profiles, records, problems)
            checked.doc.name_rows(problems, start, checked.rows)
            checked.doc.lines = checked.kept
    finally:
        rules.close()
    check_people(people, records, problems)
    check_caps(records, problems)
    check_occasions(records, problems)
    validate_consultations(loaded, records, today, problems, people.known(records))
    for doc in loaded.of_kind("consultations"):
        doc.name_rows(problems)
    records.decisions.sort(key=lambda d: (d.year, d.slug))
    return records, sorted_problems(problems)


# --- schema --------------------------------------------------------------------------------------
