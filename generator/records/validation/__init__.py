"""Stage 2 — validate: loaded YAML → typed records, or every problem found, each at path:line.

Three layers, all run on every record so that one pass reports everything:
schema (pydantic models), cross-references (registries, profiles, files) and policy
(dates, recipient kinds, authority powers, personal data). One module per concern.
"""

from __future__ import annotations

import datetime as dt

from generator.records.entries import DecisionEntry, Records
from generator.records.load import LoadedData
from generator.records.problems import Problem, sorted_problems
from generator.records.validation.caps import check_caps
from generator.records.validation.completeness import check_occasions
from generator.records.validation.consultations import validate_consultations
from generator.records.validation.decisions import (
    check_decision,
    check_raw_references,
    compact,
    unit_names,
    validate_decision_schema,
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
    units_by_name = unit_names(records)
    people = People()
    duplicates = Duplicates()
    start = len(problems)
    for doc in loaded.decisions():  # the loader has just added this file's own problems after ``start``
        entry = validate_decision_schema(doc, loaded, problems, today)
        if entry:
            records.decisions.append(entry)
            check_decision(entry, records, loaded, today, problems, numbers, units_by_name)
            collect_people(entry, records, problems, people)
            if entry.model.date <= today:  # a year in the future is a typo: nothing to compare with
                duplicates.check(entry, records, problems)
        else:
            check_raw_references(doc, records, problems)
        doc.name_rows(problems, start)
        start = len(problems)
        compact(doc)
    check_people(people, records, problems)
    check_caps(records, problems)
    check_occasions(records, problems)
    validate_consultations(loaded, records, today, problems, people.known(records))
    for doc in loaded.of_kind("consultations"):
        doc.name_rows(problems)
    records.decisions.sort(key=lambda d: (d.year, d.slug))
    return records, sorted_problems(problems)


# --- schema --------------------------------------------------------------------------------------
