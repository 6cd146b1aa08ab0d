"""Personal data in free text, and look-alike letters in names: every text field of every record.

Instead of a hand-written list of fields, each validated model is walked and every ``str`` value in it
is scanned, nested models and lists included, so a field added to the format later is scanned too.
Not scanned, because their pattern leaves no room for personal data or they are never published:

* fields whose type carries a ``pattern`` (ids and references, ``url``, ``sha256``, ``Contact.email`` —
  the office's mailbox, ``Outcome.decision``, redirect paths) — except that the query string and fragment of
  every ``url`` are read as words, and a contact ``email`` on a free mail service (Gmail, Yahoo…) is refused
  as a person's own mailbox (``check_links_and_contacts``);
* ``path`` of attachments and photos (the published file name comes from the record's id);
* ``pii_allow`` (the list of checked exceptions itself).

``Contact.address`` and ``Consultation.how_to_comment`` name the office's address by design, so they
are not checked for *home addresses* (phones, ID numbers and the rest still are).
"""

from __future__ import annotations

import functools
import re
import typing
from enum import Enum
from typing import Annotated, Any, Iterator
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel

from generator.records import hygiene
from generator.records import personal_data as privacy
from generator.records.entries import Located
from generator.records.load import Loc, field_label
from generator.records.problems import Problem, Severity

SKIPPED_NAMES = frozenset({"path", "pii_allow"})
EXEMPT_CODES: dict[tuple[str, str], frozenset[str]] = {
    ("Contact", "address"): frozenset({"pii_address"}),
    ("Consultation", "how_to_comment"): frozenset({"pii_address"}),
}
NAME_FIELDS = frozenset({"name", "short_name"})  # checked for look-alike letters too


def _has_pattern(annotation: Any) -> bool:
    if typing.get_origin(annotation) is Annotated:
        if any(getattr(meta, "pattern", None) for meta in annotation.__metadata__):
            return True
        return _has_pattern(typing.get_args(annotation)[0])
    return any(_has_pattern(arg) for arg in typing.get_args(annotation))


@functools.lru_cache(maxsize=None)
def _scanned_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model`` whose values are walked (see the module docstring)."""
    out = []
    for name, info in model.model_fields.items():
        if name in SKIPPED_NAMES or any(getattr(m, "pattern", None) for m in info.metadata):
            continue
        if _has_pattern(info.annotation):
            continue
        out.append(name)
    return tuple(out)


def text_fields(model: BaseModel, loc: Loc = (), only: frozenset[str] | None = None) -> Iterator[tuple[Loc, str, str, str]]:
    """``(location, text, model name, field name)`` for every scanned text inside ``model``; with ``only``,
    the texts of the fields of those names instead (nested models walked whatever their name)."""
    owner = type(model).__name__
    for name in _scanned_fields(type(model)) if only is None else tuple(type(model).model_fields):
        value = getattr(model, name)
        if value is None or isinstance(value, (Enum, bool, int, float)):
            continue
        wanted = only is None or name in only
        if isinstance(value, str):
            if wanted:
                yield loc + (name,), value, owner, name
        elif isinstance(value, BaseModel):
            yield from text_fields(value, loc + (name,), only)
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, str) and not isinstance(item, Enum):
                    if wanted:
                        yield loc + (name, index), item, owner, name
                elif isinstance(item, BaseModel):
                    yield from text_fields(item, loc + (name, index), only)


# Mailboxes anyone can open for themselves: a contact address there is a person's, not an office's.
FREE_MAIL = re.compile(r"@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol|proton|protonmail"
                       r"|zoho|gmx|mail|yandex)\.[a-z.]{2,10}$", re.IGNORECASE)


def _url_text(url: str) -> str:
    """The query and fragment of ``url`` as words: where a link can carry a phone number or an e-mail."""
    parts = urlsplit(url)
    return re.sub(r"[&=+;#]", " ", unquote(f"{parts.query} {parts.fragment}")).strip()


def check_links_and_contacts(entry: Located, problems: list[Problem], allowed: tuple[str, ...]) -> None:
    """Personal data in the query string of every ``url`` field, and a contact ``email`` on a free mail
    service (a person's own mailbox published as the office's)."""
    for loc, value, _owner, name in text_fields(entry.model, only=frozenset({"url", "email"})):
        if name == "email":
            found = [("pii_email", value)] if FREE_MAIL.search(value) and not any(value in a for a in allowed) else []
        else:
            found = privacy.find_personal_data(_url_text(value), allowed)
        for code, snippet in found:
            problems.append(Problem(entry.path, entry.line(*loc), code, {"field": field_label(loc), "snippet": snippet}))


def check_record(entry: Located, problems: list[Problem], allowed: list[str] | tuple[str, ...] = (),
                 office: list[str] | tuple[str, ...] = ()) -> None:
    """Scan every text field of ``entry``: personal data (errors) and look-alike letters in names
    (warnings), each at the line of its field. ``office`` (the office's own mailbox) may be named in text;
    whether it is a person's own mailbox is checked against ``allowed`` (``pii_allow``) alone."""
    check_links_and_contacts(entry, problems, tuple(allowed))
    allowed = tuple(allowed) + tuple(office)
    for loc, text, owner, name in text_fields(entry.model):
        exempt = EXEMPT_CODES.get((owner, name), frozenset())
        for code, snippet in privacy.find_personal_data(text, allowed):
            if code not in exempt:
                problems.append(Problem(entry.path, entry.line(*loc), code,
                                        {"field": field_label(loc), "snippet": snippet}))
        if name in NAME_FIELDS:
            mixed = hygiene.mixed_script(text)
            if mixed:
                script, chars = mixed
                vi, en = hygiene.SCRIPT_LABELS[script]
                problems.append(Problem(entry.path, entry.line(*loc), "mixed_script",
                                        {"field": field_label(loc), "value": text, "script_vi": vi,
                                         "script_en": en, "chars": chars}, Severity.WARNING))


def check_story_file(text: str, shown: str, allowed: list[str] | tuple[str, ...], problems: list[Problem]) -> None:
    """Personal data in a profile's ``<slug>.md``, each at its own line of that file."""
    for finding in privacy.find_personal_data_spans(text, allowed):
        problems.append(Problem(shown, text.count("\n", 0, finding.start) + 1, finding.code,
                                {"field": "story", "snippet": finding.snippet}))
