"""Record-set types: typed records with the file and location they came from.

The output of validation and the input of the catalog; defined here, with the records, so that
no later stage has to import validation to name them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from generator.records.load import Loc, SourceDoc
from generator.records.models import (
    Authority,
    BaseSalary,
    HolidayYear,
    LegalDocument,
    ReportForm,
    AwardForm,
    Consultation,
    Decision,
    DecisionStatus,
    Movement,
    Profile,
    Redirect,
    Unit,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[M]):
    """A typed record with the file and location it came from."""

    model: M
    doc: SourceDoc
    loc: Loc = ()

    @property
    def path(self) -> str:
        return self.doc.path

    def line(self, *sub: Any) -> int:
        return self.doc.line_of(self.loc + sub)


@dataclass(frozen=True)
class DecisionEntry(Located[Decision]):
    """A decision with its identity: ``year/slug`` from its file path (the permanent URL)."""

    year: int = 0
    slug: str = ""
    recipient_ids: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.year}/{self.slug}"

    @property
    def revoked(self) -> bool:
        """The whole decision was annulled."""
        return self.model.status is DecisionStatus.revoked

    def line_revoked(self, index: int) -> bool:
        """Line ``index`` no longer stands: the decision was annulled, or this one award was (by a later decision)."""
        return self.revoked or self.model.recipients[index].revoked is not None

    def named(self) -> dict[str, int]:
        """Lines listed by name, per recipient kind."""
        out = {"individual": 0, "collective": 0, "household": 0}
        for r in self.model.recipients:
            out[r.kind.value] += 1
        return out

    def unnamed(self) -> dict[str, int]:
        """Awards the decision declares but does not name (``declared``), per kind, and ``unknown`` for a declared
        total whose kinds are not said. Zero everywhere for a complete list."""
        named, declared = self.named(), self.model.declared
        out = {kind: 0 for kind in (*named, "unknown")}
        if declared is None:
            return out
        effective = {}
        for kind, count in named.items():
            stated = getattr(declared, kind)
            effective[kind] = stated if stated is not None else count
            out[kind] = max(0, effective[kind] - count)
        if declared.total is not None:
            out["unknown"] = max(0, declared.total - sum(effective.values()))
        return out

    @property
    def count_unstated(self) -> bool:
        """The source states no count for this decision (``declared.unstated``): the named list may or may not be
        complete, and no total is published."""
        return self.model.declared is not None and self.model.declared.unstated

    @property
    def partial(self) -> bool:
        """The named list is shorter than what the decision declares."""
        return any(self.unnamed().values())


@dataclass(frozen=True)
class ProfileEntry(Located[Profile]):
    slug: str = ""
    story_markdown: str = ""


@dataclass
class Records:
    """All valid records, keyed by id. Records that failed the schema are left out."""

    authorities: dict[str, Located[Authority]] = field(default_factory=dict)
    units: dict[str, Located[Unit]] = field(default_factory=dict)
    award_forms: dict[str, Located[AwardForm]] = field(default_factory=dict)
    movements: dict[str, Located[Movement]] = field(default_factory=dict)
    base_salary: dict[str, Located[BaseSalary]] = field(default_factory=dict)
    legal_documents: dict[str, Located[LegalDocument]] = field(default_factory=dict)
    report_forms: dict[str, Located[ReportForm]] = field(default_factory=dict)
    holidays: dict[str, Located[HolidayYear]] = field(default_factory=dict)
    decisions: list[DecisionEntry] = field(default_factory=list)
    profiles: dict[str, ProfileEntry] = field(default_factory=dict)
    redirects: list[Located[Redirect]] = field(default_factory=list)
    consultations: dict[str, Located[Consultation]] = field(default_factory=dict)
    data_dir: Path = Path("data")
