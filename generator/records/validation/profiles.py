"""Profiles (gương điển hình): schema, story file, unit, photo, sources and personal data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from generator.records.entries import ProfileEntry, Records
from generator.records.load import LoadedData, SourceDoc
from generator.records.models import Profile
from generator.records.problems import Problem
from generator.records.story import story_problems
from generator.records.validation.files import (
    MAX_PHOTO_BYTES,
    PHOTO_SUFFIXES,
    check_file,
    check_image,
)
from generator.records.validation.personal_data import check_record, check_story_file
from generator.records.validation.schema import parse, placeholders, ref_problem
from generator.text import slugify


def validate_profile(doc: SourceDoc, loaded: LoadedData, problems: list[Problem]) -> ProfileEntry | None:
    stem = PurePosixPath(doc.path).stem
    if stem != slugify(stem):
        problems.append(Problem(doc.path, 1, "file_name_not_slug", {"slug": slugify(stem)}))
        return None
    placeholders(doc, problems)
    parsed = parse(Profile, doc.data, doc, (), problems)
    if parsed is None:
        return None
    story = parsed.story or ""
    if doc.body is not None:
        if parsed.story:
            problems.append(Problem(doc.path, doc.line_of(("story",)), "story_twice", {"body": doc.body_path}))
        story = doc.body
        for line, code, params in story_problems(story):
            problems.append(Problem(doc.body_path or doc.path, line, code, params))
    elif story:
        for line, code, params in story_problems(story):
            problems.append(Problem(doc.path, doc.line_of(("story",)), code, params))
    return ProfileEntry(parsed, doc, (), slug=stem, story_markdown=story)


def check_profiles(records: Records, loaded: LoadedData, today: dt.date, problems: list[Problem]) -> None:
    for profile in records.profiles.values():
        model = profile.model
        if model.unit and model.unit not in records.units:
            problems.append(ref_problem(profile, ("unit",), "unknown_unit", model.unit, records.units))
        if model.photo:
            photo = check_file(profile, ("photo", "path"), model.photo.path, loaded, PHOTO_SUFFIXES, MAX_PHOTO_BYTES,
                                problems)
            if photo is not None:
                check_image(profile, photo, model.photo.path, problems)
        for index, source in enumerate(model.sources):
            if source.date and source.date > today:
                problems.append(Problem(profile.path, profile.line("sources", index, "date"), "date_in_future",
                                        {"date": source.date}))
        if model.minor and not model.minor_consent:
            problems.append(Problem(profile.path, profile.line("minor"), "minor_consent_missing", {"name": model.name}))
        check_record(profile, problems, model.pii_allow)
        if profile.doc.body:
            check_story_file(profile.doc.body, profile.doc.body_path or profile.path, model.pii_allow, problems)
