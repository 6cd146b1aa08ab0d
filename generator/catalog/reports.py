"""Official report forms (0601–0603.N/BNV-TĐKT), laid out as the registry ``report_forms`` says — rows with
their codes, columns, the circular that defines them and the report years it applies to — and counted from
the same awards as every other figure (only awards that count, ``counts.py``).

A layout is data: when the newer Circular 18/2025/TT-BNV's forms are verified, the office changes
``report_forms.yaml``, not this module. Column and row rules:

* a column counts the awards whose form is among its ``forms`` or ``groups`` (``other``: every form of the
  report's level not in another column); with ``kinds`` it splits into one sub-column per kind, households
  counted with collectives ("Tập thể");
* a row selects awards by ``kind``, ``enterprise``, ``category``, ``method`` or ``proposer_kind`` (the kind of
  the authority that proposed the award), or all of them; headings are rows without figures;
* the total of a row is the sum of its cells; awards of forms outside the layout's columns are not counted
  (form 0603 has no column for "Tập thể lao động xuất sắc").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.catalog.counts import is_reward
from generator.catalog.index import Award, Catalog
from generator.records.entries import DecisionEntry, Located
from generator.records.models import AwardLevel, Movement, RecipientKind, ReportForm, ReportRow

# the sub-column a recipient kind is counted in when a column splits "Tập thể" / "Cá nhân"
_SUB_KIND = {RecipientKind.collective: "collective", RecipientKind.household: "collective",
             RecipientKind.individual: "individual"}
SUB_LABELS = {"collective": "Tập thể", "individual": "Cá nhân", "household": "Hộ gia đình"}


@dataclass(frozen=True)
class Cell:
    column: int
    kind: str  # "" when the column does not split


@dataclass
class ReportLine:
    code: str
    label: str
    unit: str
    heading: bool
    values: list[int] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)  # per cell: awards that may belong here, the source not saying

    @property
    def total(self) -> int:
        return sum(self.values)

    def known(self, index: int | None) -> bool:
        """Whether a cell (``index``), or the row's total (None), is a known number: no award of the column could
        belong to this row without the source saying so (method, category, kind or enterprise unknown)."""
        if not self.unknown:
            return True
        return not (any(self.unknown) if index is None else self.unknown[index])


@dataclass
class Report:
    """One filled report form: for a year, and for one reporting authority (or the whole site)."""

    form: ReportForm  # the form as cited (code, circular, note)
    layout: ReportForm  # where its rows and columns come from
    year: int
    authority: str | None
    cells: list[Cell]
    lines: list[ReportLine]
    unnamed: int = 0  # awards declared by partial lists (not named) counted in rows that need no personal detail
    unnamed_left_out: int = 0  # declared with no recipient kind, in a form that splits by kind
    unknown_reasons: dict[str, int] = field(default_factory=dict)  # what the sources leave open → how many awards
    unknown_form: int = 0  # awards of the year (and authority) whose form the source does not name: in no form

    @property
    def slug(self) -> str:
        who = f"-{self.authority}" if self.authority else ""
        return f"{self.year}{who}-{self.form.code.split('.')[0]}"

    def key(self, line: ReportLine, index: int | None) -> str:
        """Figure key of one cell (``index``) or of a row's total (None)."""
        return f"report.{self.slug}.{line.code}.{'tong' if index is None else index}"

    def figures(self) -> dict[str, int]:
        """Every known cell and row total by key; a cell the sources leave open has no figure (it says «không rõ»)."""
        out = {}
        for line in self.lines:
            if line.heading:
                continue
            for index, value in enumerate(line.values):
                if line.known(index):
                    out[self.key(line, index)] = value
            if line.known(None):
                out[self.key(line, None)] = line.total
        out.update({f"report.{self.slug}.unknown.{why}": n for why, n in self.unknown_reasons.items()})
        out[f"report.{self.slug}.unknown_form"] = self.unknown_form
        return out



def layout_of(catalog: Catalog, form: ReportForm) -> ReportForm:
    target = catalog.records.report_forms.get(form.layout_of) if form.layout_of else None
    return target.model if target else form


def forms_for(catalog: Catalog, subject: str, year: int) -> list[ReportForm]:
    """The report forms (of ``subject``: awards or movements) that apply to a report year."""
    return sorted((f.model for f in catalog.records.report_forms.values()
                   if f.model.subject == subject and f.model.covers(year)), key=lambda f: f.code)


def _cells(layout: ReportForm) -> list[Cell]:
    return [Cell(i, kind) for i, column in enumerate(layout.columns) for kind in ([k.value for k in column.kinds]
                                                                                  or [""])]


def _column_of(catalog: Catalog, layout: ReportForm, award: Award) -> int | None:
    return _column_of_form(catalog, layout, award.decision.model.award_form)


def _column_of_form(catalog: Catalog, layout: ReportForm, form_id: str) -> int | None:
    form = catalog.award_forms[form_id].model
    if is_reward(form):
        return None  # rewards outside the Law's forms are never in a report form
    for index, column in enumerate(layout.columns):
        if form.id in column.forms or form.group in column.groups:
            return index
    return next((i for i, column in enumerate(layout.columns) if column.other), None)


UNKNOWN_REASONS = {"kind": "lượt không rõ là cá nhân, tập thể hay hộ gia đình",
                   "method": "lượt không rõ phương thức khen thưởng",
                   "category": "lượt cá nhân không rõ đối tượng (chức vụ)",
                   "enterprise": "lượt tập thể không rõ có phải doanh nghiệp",
                   "proposer": "lượt không rõ cơ quan trình khen thưởng (tờ trình)",
                   "scope": "phong trào không ghi phạm vi", "movement_method": "phong trào không ghi hình thức tổ chức",
                   "duration": "phong trào không rõ thời gian"}


def _selects(catalog: Catalog, row: ReportRow, decision: DecisionEntry, kind: str, recipient=None) -> bool | str:
    """Whether an award of ``kind`` in ``decision`` belongs in ``row``: True, False, or — when it may belong but the
    source does not say (method unknown, an individual's category unknown, an unnamed award's kind or category) —
    the name of what is unknown. A named award passes its ``recipient``; the awards a partial list declares
    without names pass none."""
    if row.select == "all":
        return True
    if not isinstance(row.select, dict):
        return False
    d = decision.model
    unknown = ""
    for key, wanted in row.select.items():
        if key == "kind" and kind != wanted:
            if kind != "unknown":
                return False
            unknown = unknown or "kind"
        if key == "method" and d.method.value != wanted:
            if d.method.value != "unknown":
                return False
            unknown = unknown or "method"
        if key == "proposer_kind":
            proposer = catalog.authorities.get(d.proposer) if d.proposer else None
            if proposer is None:
                unknown = unknown or "proposer"
            elif proposer.model.kind.value not in wanted:
                return False
        if key == "enterprise" and kind not in ("collective", "unknown"):
            return False  # only collectives are enterprises
        if key == "enterprise" and (recipient is None or bool(recipient.enterprise) != bool(wanted)):
            if recipient is not None:
                return False
            unknown = unknown or "enterprise"
        if key == "category" and kind not in ("individual", "unknown"):
            return False  # only individuals have a category
        if key == "category" and (recipient is None or recipient.category is None
                                  or recipient.category.value != wanted):
            if recipient is not None and recipient.category is not None and recipient.category.value != "unknown":
                return False
            unknown = unknown or "category"
    return unknown or True


def _one_column_per_form(catalog: Catalog, layout: ReportForm, decisions: list[DecisionEntry]) -> ReportForm:
    """``layout`` with each ``each`` column split into one column per award form it counts in ``decisions`` (form
    0602: «Mỗi hình thức khen thưởng ghi riêng một cột»), in registry order; a column with no award stays whole."""
    if not any(column.each for column in layout.columns):
        return layout
    used = {a.decision.model.award_form for a in catalog.counted_awards(decisions)}
    used |= {d.model.award_form for d in decisions if d.partial and not d.revoked}
    columns = []
    for index, column in enumerate(layout.columns):
        own = [f.model for f in catalog.award_forms.values()
               if f.model.id in used and _column_of_form(catalog, layout, f.model.id) == index] if column.each else []
        columns += [column.model_copy(update={"label": f.name, "forms": [f.id], "groups": [], "other": False,
                                              "each": False}) for f in own] or [column]
    return layout.model_copy(update={"columns": columns})


def award_report(catalog: Catalog, form: ReportForm, year: int, authority: str | None) -> Report:
    """Form 0602 or 0603 for ``year`` (and the reporting ``authority`` when the form is per authority)."""
    decisions = [d for d in catalog.by_year.get(year, [])
                 if catalog.award_forms[d.model.award_form].model.level == form.level
                 and (authority is None or d.model.authority == authority)]
    layout = _one_column_per_form(catalog, layout_of(catalog, form), decisions)
    cells = _cells(layout)
    placed = []
    for award in catalog.counted_awards(decisions):
        column = _column_of(catalog, layout, award)
        if column is not None:
            placed.append((award, column))
    unnamed: list[tuple[DecisionEntry, int, str, int]] = []  # decision, column, kind, count
    left_out = 0
    for decision in decisions:
        if decision.revoked or not decision.partial:
            continue
        column = _column_of_form(catalog, layout, decision.model.award_form)
        if column is None:
            continue
        for kind, n in decision.unnamed().items():
            if not n:
                continue
            if kind == "unknown" and layout.columns[column].kinds:
                left_out += n
            else:
                unnamed.append((decision, column, kind, n))
    lines = []
    reasons: dict[str, int] = {}
    for row in layout.rows:
        if row.heading:
            lines.append(ReportLine("", row.heading, "", True))
            continue
        counts: dict[Cell, int] = defaultdict(int)
        unsure: dict[Cell, int] = defaultdict(int)
        row_reasons: dict[str, int] = defaultdict(int)
        for award, column in placed:
            chosen = _selects(catalog, row, award.decision, award.recipient.kind.value, award.recipient)
            kind = _SUB_KIND[award.recipient.kind] if layout.columns[column].kinds else ""
            _tally(chosen, Cell(column, kind), 1, counts, unsure, row_reasons)
        for decision, column, kind, n in unnamed:
            chosen = _selects(catalog, row, decision, kind)
            sub = _SUB_KIND[RecipientKind(kind)] if layout.columns[column].kinds and kind != "unknown" else ""
            _tally(chosen, Cell(column, sub), n, counts, unsure, row_reasons)
        for reason, n in row_reasons.items():
            reasons[reason] = max(reasons.get(reason, 0), n)
        lines.append(ReportLine(row.code or "", row.label or "", row.unit or "", False, [counts[c] for c in cells],
                                [unsure[c] for c in cells]))
    unknown_form = sum(catalog.counts.of_decision(d.id).awards for d in catalog.by_year.get(year, [])
                       if catalog.award_forms[d.model.award_form].model.level is AwardLevel.unknown
                       and (authority is None or d.model.authority == authority))
    return Report(form, layout, year, authority, cells, lines, unnamed=sum(n for *_, n in unnamed),
                  unnamed_left_out=left_out, unknown_reasons=reasons, unknown_form=unknown_form)


def _tally(chosen: bool | str, cell: Cell, n: int, counts: dict, unsure: dict, reasons: dict) -> None:
    """Count ``n`` awards in ``cell`` when they belong to the row, or as undecided (and why) when the source is
    silent."""
    if chosen is True:
        counts[cell] += n
    elif chosen:
        unsure[cell] += n
        reasons[chosen] += n


# --- form 0601: emulation movements -----------------------------------------------------------------

def _duration(movement: Movement, year_end: dt.date) -> str:
    """Duration class of a movement, half-open as the form says: under 1 year · 1 year · [1, 3) · [3, 5) · 5+."""
    if movement.start is None:
        return ""
    end = movement.end or year_end
    months = round(((end - movement.start).days + 1) / 30.4375)
    if months < 12:
        return "under_1"
    if months == 12:
        return "1"
    if months < 36:
        return "1_to_3"
    if months < 60:
        return "3_to_5"
    return "5_up"


def _movement_selects(row: ReportRow, movement: Movement, year_end: dt.date) -> bool | str:
    """True, False, or — when the registry does not record the movement's scope or method — what is unknown."""
    if row.select == "all":
        return True
    if not isinstance(row.select, dict):
        return False
    unknown = ""
    for key, wanted in row.select.items():
        value = {"scope": movement.scope.value if movement.scope else "",
                 "duration": _duration(movement, year_end),
                 "movement_method": movement.method.value if movement.method else ""}.get(key)
        if value == "":
            unknown = unknown or key
        elif value != wanted:
            return False
    return unknown or True


def _organiser_column(catalog: Catalog, layout: ReportForm, movement: Movement) -> int | None:
    organiser = catalog.authorities.get(movement.organiser) if movement.organiser else None
    if organiser is None:
        return None
    return next((i for i, c in enumerate(layout.columns) if organiser.model.kind in c.organiser_kinds), None)


def active_movements(catalog: Catalog, year: int) -> list[Located[Movement]]:
    """Movements under way in ``year``: launched by its end and not ended before it starts. A movement with no
    launch date is under way in no year we can name (its period may be only in its name, «2015–2020»): it is
    counted in no year's form 0601 and said apart (``undated_movements``)."""
    start_of, end_of = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [m for m in catalog.movements.values()
            if m.model.start is not None and m.model.start <= end_of and (m.model.end or end_of) >= start_of]


def undated_movements(catalog: Catalog) -> int:
    """Movements without a launch date: in no year's form 0601."""
    return sum(1 for m in catalog.movements.values() if m.model.start is None)


def movement_report(catalog: Catalog, form: ReportForm, year: int) -> Report:
    """Form 0601: movements under way in ``year``, by scope, duration and method (rows) × organising level."""
    layout = layout_of(catalog, form)
    cells = _cells(layout)
    year_end = dt.date(year, 12, 31)
    active = [(m.model, _organiser_column(catalog, layout, m.model)) for m in active_movements(catalog, year)]
    lines = []
    reasons: dict[str, int] = {}
    for row in layout.rows:
        if row.heading:
            lines.append(ReportLine("", row.heading, "", True))
            continue
        counts, unsure = [0] * len(cells), [0] * len(cells)
        row_reasons: dict[str, int] = defaultdict(int)
        for movement, column in active:
            if column is None:
                continue
            chosen = _movement_selects(row, movement, year_end)
            if chosen is True:
                counts[column] += 1
            elif chosen:
                unsure[column] += 1
                row_reasons[chosen] += 1
        for reason, n in row_reasons.items():
            reasons[reason] = max(reasons.get(reason, 0), n)
        lines.append(ReportLine(row.code or "", row.label or "", row.unit or "", False, counts, unsure))
    return Report(form, layout, year, None, cells, lines, unknown_reasons=reasons)


def unplaced_movements(catalog: Catalog, year: int) -> int:
    """Movements under way in ``year`` whose organiser's level is unknown: said under form 0601."""
    forms = forms_for(catalog, "movements", year)
    layout = layout_of(catalog, forms[0]) if forms else None
    return sum(1 for m in active_movements(catalog, year)
               if layout is None or _organiser_column(catalog, layout, m.model) is None)


def all_reports(catalog: Catalog) -> list[Report]:
    """Every report the records can fill, newest year first: 0601 per year, 0602 per year for the site,
    0603 per year and reporting authority."""
    reports = []
    for year in sorted(catalog.by_year, reverse=True):
        if catalog.movements:
            reports += [movement_report(catalog, form, year) for form in forms_for(catalog, "movements", year)]
        for form in forms_for(catalog, "awards", year):
            if form.reporter == "authority":
                authorities = sorted({d.model.authority for d in catalog.by_year[year] if not d.revoked
                                      and catalog.award_forms[d.model.award_form].model.level == form.level})
                reports += [award_report(catalog, form, year, a) for a in authorities]
            elif any(not d.revoked and catalog.award_forms[d.model.award_form].model.level == form.level
                     for d in catalog.by_year[year]):
                reports.append(award_report(catalog, form, year, None))
    return reports
