"""View objects: published records turned into ready-to-print values for templates.

Templates never filter, sort, count or format; everything they show is prepared here. People are
read only through the publication gate (``Publication``); every number comes from the catalog's
counts and is shown with its figure key (``figure()``), so tests can check each one.
Links are site paths (see ``urls.py``); templates turn them into relative links with ``url()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from markupsafe import Markup, escape

from generator.catalog.counts import Tally
from generator.catalog.gate import Person, Publication, Row, ShownAward
from generator.catalog.statistics import Share
from generator.records.entries import DecisionEntry, ProfileEntry
from generator.records.models import RecipientCategory, RecipientKind
from generator.site import urls
from generator.site.labels import (
    count,
    decision_date,
    decision_date_label,
    decision_dated,
    decision_number,
    decision_short_date,
    label,
    long_date,
    money,
    percent,
    short_date,
    SHORT_CATEGORY,
)
from generator.site.markdown_safe import render_markdown


@dataclass(frozen=True)
class Link:
    text: str
    href: str = ""  # site path; empty when there is nothing to link to


def figure(key: str, value: int) -> Markup:
    """A count as shown on a page, carrying the key of the catalog figure it states."""
    # escape() and an f-string, as Markup.format would write it: this runs for every count of every page
    return Markup(f'<span data-bv-figure="{escape(key)}">{escape(count(value))}</span>')


def share(s: Share) -> Markup:
    """A percentage with its denominator said in words: "41,9 % của 395 lượt khen cá nhân"."""
    if not s.denominator:
        return Markup("—")
    return Markup('<span data-bv-share="{}/{}">{}</span> <span class="bv-share-of">của {} {}</span>').format(
        s.key, s.denominator_key, percent(s.numerator, s.denominator), figure(s.denominator_key, s.denominator), s.of)


# Placeholders a recipient's citation fills in the browser (cite.js) from the row it is copied from.
ROW_SUBJECT, ROW_ANCHOR = "%NGUOI%", "%NEO%"


def citation(subject: str, source: str, site_name: str, url: str, status: str = "") -> str:
    """The one citation style, for decisions, recipients and profiles alike:
    "<subject> (<status>). <source>. <site>. <permanent URL>" — the reader's browser appends the date of access."""
    head = f"{subject} ({status})" if status else subject
    return ". ".join(part for part in (head, source, site_name, url) if part)


@dataclass(frozen=True)
class Breadcrumbs:
    """Where a record page sits: «Trang chủ › Quyết định › Năm 2024 › Quyết định số …», as HTML and as schema.org
    BreadcrumbList JSON-LD (``ld``)."""

    links: list[Link]  # every level above the page, each linked
    current: str  # the page itself
    ld: Markup


# The sections as a breadcrumb names them: short, for a phone's width.
CRUMB_SECTIONS = {"decisions": ("Quyết định", urls.DECISIONS), "forms": ("Hình thức khen thưởng", urls.AWARD_FORMS),
                  "units": ("Đơn vị", urls.UNITS), "profiles": ("Gương điển hình", urls.PROFILES),
                  "people": ("Người được khen nhiều lần", urls.PEOPLE),
                  "consultations": ("Lấy ý kiến nhân dân", urls.CONSULTATIONS), "statistics": ("Thống kê", urls.STATISTICS)}


@dataclass(frozen=True)
class Pager:
    """The previous and next year of a list by year (older before, newer after)."""

    previous: Link | None
    next: Link | None


def pager(years: list, current, to_link) -> Pager | None:
    """The years around ``current`` in ``years`` (any order); ``to_link(year)`` makes each one's Link."""
    ordered = sorted(years)
    if current not in ordered or len(ordered) < 2:
        return None
    at = ordered.index(current)
    return Pager(to_link(ordered[at - 1]) if at > 0 else None,
                 to_link(ordered[at + 1]) if at + 1 < len(ordered) else None)


@dataclass(frozen=True)
class Feedback:
    """«Báo sai sót» or «Đề cử / góp ý»: a link to the office's mailbox (a prefilled subject naming the page and its
    permanent address) or to the repository's issue tracker (a prefilled title), and a note on where it goes."""

    text: str
    href: str
    note: str
    address: str = ""  # the mailbox, shown to copy where a tap on a mailto: link opens nothing (no mail app)
    subject: str = ""  # the prefilled subject (or issue title), shown to copy
    row_subject: str = ""  # the same naming one line of the page: %DONG%, %NGUOI%, %NEO% filled in by feedback.js
    param: str = ""  # the query parameter of ``href`` that carries the subject (feedback.js rewrites it for a line)


# The body of a report, prefilled: what the office needs to check it, and what not to send.
_FEEDBACK_BODY = ("Trang: {url}\n\n{ask}\n\n\nNguồn đối chiếu (nếu có):\n\n"
                  "(Xin đừng gửi số định danh, số điện thoại, địa chỉ nhà của người khác.)\n")
_FEEDBACK_ASK = {"Báo sai sót": "Thông tin sai (dòng nào, thông tin nào, đúng ra là gì):",
                 "Đề cử / góp ý": "Ý kiến, đề cử của tôi:"}


def feedback(action: str, subject: str, permanent_url: str, target: str, to: str = "") -> Feedback | None:
    """The link of ``action`` about the page ``subject`` at ``permanent_url``, sent to ``target`` (``mailto:`` one
    address, or an http(s) issue tracker, as checked by the engine's configuration); ``None`` without a target.
    Every value is percent-encoded into the address here; templates escape the address for its attribute."""
    if not target:
        return None
    title = f"{action}: {subject} ({permanent_url})"
    row_title = f"{action}: {subject}, dòng %DONG% — %NGUOI% ({permanent_url}#%NEO%)"
    body = _FEEDBACK_BODY.format(url=permanent_url, ask=_FEEDBACK_ASK.get(action, "Nội dung:"))
    who = f" tới {to}" if to else ""
    if target.lower().startswith("mailto:"):
        address = quote(target[len("mailto:"):], safe="@._+-")  # a record's «?bcc=…» stays part of the address
        crlf = body.replace("\n", "\r\n")  # RFC 6068: line breaks in a mailto body are CRLF
        href = f"mailto:{address}?subject={quote(title, safe='')}&body={quote(crlf, safe='')}"
        return Feedback(action, href, f"Mở thư điện tử gửi{who}, tiêu đề ghi sẵn tên và địa chỉ trang này.",
                        address=unquote(address), subject=title, row_subject=row_title, param="subject")
    joiner = "&" if "?" in target else "?"
    path = urlsplit(target).path.rstrip("/")
    param = ""
    if path.endswith("/-/issues/new"):  # GitLab
        param = "issue%5Btitle%5D"
        href = f"{target}{joiner}{param}={quote(title, safe='')}&issue%5Bdescription%5D={quote(body, safe='')}"
    elif path.endswith("/issues/new"):  # GitHub, Gitea, Forgejo
        param = "title"
        href = f"{target}{joiner}title={quote(title, safe='')}&body={quote(body, safe='')}"
    else:
        href = target
    note = (f"Gửi{who} qua trang góp ý công khai: mọi người đều đọc được; "
            "ghi rõ địa chỉ trang này và đừng ghi thông tin riêng của ai.")
    return Feedback(action, href, note, subject=title, row_subject=row_title, param=param)


def decision_label(decision: DecisionEntry) -> str:
    """How a decision is named in headings: its number, or a note that it has none."""
    return f"Quyết định số {decision.model.number}" if decision.model.number else "Quyết định (không rõ số)"


def short_authority(authority, day) -> str:
    """An authority as a list names it: its short name (else its name) as it was on ``day``."""
    name, short = authority.named_on(day)
    return short or name


def recipients_figure(decision: DecisionEntry, tally: Tally) -> Markup:
    """A decision's size in a list column («Số người nhận»): the total the document declares when its list is
    partial (with how many are named), the named lines with «tổng số không công bố» when it states no count, and
    the lines otherwise — never the named rows alone where the document gives a larger total."""
    rows = figure(f"decision.{decision.id}.rows", tally.rows)
    if decision.partial:
        return Markup('{} <small>({}{} nêu tên)</small>').format(
            figure(f"decision.{decision.id}.declared", tally.declared),
            "cộng các số văn bản công bố; " if summed_total(decision) else "", rows)
    if decision.count_unstated:
        return Markup('{} <small>nêu tên; tổng số không công bố</small>').format(rows)
    return rows


@dataclass(frozen=True)
class DecisionRow:
    """A decision in a list: date, number, title, form, counts, status."""

    link: Link
    date: str
    sort_date: str  # ISO, for sorting a list in the browser
    authority: str
    award_form: Link
    recipients: Markup
    revoked: bool
    status: str
    year: int = 0  # a list's downloads carry it (listview.js)


def decision_row(pub: Publication, decision: DecisionEntry) -> DecisionRow:
    d = decision.model
    form = pub.award_forms[d.award_form].model
    authority = pub.authorities[d.authority].model
    return DecisionRow(
        link=Link(decision_number(d.number), urls.decision(decision.year, decision.slug)),
        date=decision_short_date(d),
        sort_date=d.date.isoformat(),
        authority=short_authority(authority, d.date),
        award_form=Link(form.name, urls.award_form(form.id)),
        recipients=recipients_figure(decision, pub.counts.of_decision(decision.id)),
        revoked=decision.revoked,
        status=label(d.status),
        year=decision.year,
    )


@dataclass(frozen=True)
class RecipientRow:
    """One line of a decision's list, with its status visible in the row itself."""

    number: int
    anchor: str
    name: Link
    kind: str
    position: str
    unit: Link
    category: Markup | str  # a short name, the legal phrase in its title (category_label)
    achievement: str
    cash: str
    status: str  # "Đã hủy bỏ" on a revoked decision's line; empty otherwise
    withdrawn: str  # the public take-down note
    cite: str = ""  # who, as a citation names them: "Nguyễn Văn A, Giáo viên, Trường Tiểu học A"
    revocation: str = ""  # this line's own annulment: "Hủy bỏ bởi Quyết định số …, ngày …. Lý do: …"
    revocation_link: Link | None = None  # the revoking decision, when published here
    person: Link | None = None  # the page of every award of this line's person, when they have one


# How a line's person is named in "every award of this …" (a person, a collective, a household).
_THIS_ONE = {RecipientKind.individual: "người này", RecipientKind.collective: "tập thể này",
             RecipientKind.household: "hộ này"}


def person_link(row: Row) -> Link | None:
    """The link from a line to its person's page: «Mọi khen thưởng của người này»."""
    return Link(f"Mọi khen thưởng của {_THIS_ONE[row.kind]}", urls.person(row.person)) if row.person else None


def _unit_link(pub: Publication, row: Row) -> Link:
    unit = pub.units.get(row.unit) if row.unit else None
    if unit:
        return Link(row.unit_text or unit.model.name, urls.unit(unit.model.id))
    return Link(row.unit_text or "")


def line_revocation(pub: Publication, row: Row) -> tuple[str, Link | None]:
    """The sentence on a line annulled by itself, and a link to the revoking decision when it is published."""
    rv = row.revocation
    if rv is None:
        return "", None
    by = pub.revoking_decision(rv)
    text = f"Hủy bỏ bởi Quyết định số {rv.decision_number}, {long_date(rv.date)}. Lý do: {rv.reason}"
    return text, Link(f"Quyết định số {rv.decision_number}", urls.decision(by.year, by.slug)) if by else None


def _cash(row: Row) -> str:
    parts = [money(row.cash_vnd)] if row.cash_vnd is not None else []
    if row.reward_item:
        parts.append(row.reward_item + (f" (trị giá {money(row.reward_value_vnd)})" if row.reward_value_vnd else ""))
    elif row.reward_value_vnd:
        parts.append(f"Trị giá {money(row.reward_value_vnd)}")
    return "; ".join(parts)


def category_label(category: RecipientCategory | None) -> Markup | str:
    """A line's statistical category: its short name, the Law's phrase on demand (hover, long press, screen
    readers) — «Người trực tiếp lao động, công tác», not the 80-character phrase on every line."""
    if category is None:
        return ""
    return Markup(f'<abbr title="{escape(label(category))}">{escape(SHORT_CATEGORY[category])}</abbr>')  # hot path


def recipient_row(pub: Publication, row: Row) -> RecipientRow:
    revocation, revocation_link = line_revocation(pub, row)
    if row.withdrawn:
        return RecipientRow(
            number=row.number, anchor=urls.recipient_anchor(row.recipient_id), name=Link(f"(Đã gỡ khỏi công bố ngày {short_date(row.withdrawn.date)})"),
            kind=label(row.kind), position="", unit=Link(""), category="", achievement="", cash="",
            status="Đã hủy bỏ" if row.revoked else "", withdrawn=row.withdrawn.note, revocation=revocation,
            revocation_link=revocation_link)
    unit = _unit_link(pub, row)
    return RecipientRow(
        number=row.number,
        anchor=urls.recipient_anchor(row.recipient_id),
        name=Link(row.name, urls.profile(row.profile) if row.profile else ""),
        kind=label(row.kind) + (" (doanh nghiệp)" if row.enterprise else ""),
        position=row.position or "",
        unit=unit,
        category=category_label(row.category),
        achievement="(không công bố thành tích của trẻ em)" if row.minor else row.achievement or "",
        cash=_cash(row),
        status="Đã hủy bỏ" if row.revoked else "",
        withdrawn="",
        cite=", ".join(part for part in (row.name, row.position, unit.text) if part),
        revocation=revocation,
        revocation_link=revocation_link,
        person=person_link(row),
    )


def recipient_rows(pub: Publication, decision: DecisionEntry) -> list[RecipientRow]:
    return [recipient_row(pub, row) for row in pub.rows(decision)]


@dataclass(frozen=True)
class AwardRow:
    """One award received, seen from a unit, a profile or a statistic."""

    date: str
    sort_date: str  # ISO, for sorting a list in the browser
    year: int
    name: Link  # to the person's page, when they have one
    position: str
    award_form: Link
    decision: Link
    revoked: bool
    unit: str = ""  # the recipient's unit, as the decision names it: in a list's downloads (listview.js)


def award_row(pub: Publication, award: ShownAward) -> AwardRow:
    decision, row = award.decision, award.row
    form = pub.award_forms[decision.model.award_form].model
    return AwardRow(
        date=decision_short_date(decision.model),
        sort_date=decision.model.date.isoformat(),
        year=decision.year,
        name=Link("(đã gỡ khỏi công bố)") if row.withdrawn else Link(row.name, urls.person(row.person) if row.person else ""),
        position=row.position or "",
        award_form=Link(form.name, urls.award_form(form.id)),
        decision=Link(decision_number(decision.model.number), urls.recipient_link(decision.year, decision.slug,
                                                                           row.recipient_id)),
        revoked=row.revoked,
        unit="" if row.withdrawn else _unit_link(pub, row).text,
    )


@dataclass(frozen=True)
class DecisionView:
    heading: str
    number: str
    number_note: str
    title: str
    date: str
    dated: str  # how the decision is dated when it is named: "trao tặng ngày … (không rõ ngày ký)"
    date_label: str
    date_note: str
    authority: str
    signer: str
    presenter: str
    source_note: str
    legal_basis: list[str]
    award_form: Link
    award_form_note: str
    level: str
    method: str
    reason: str
    movement: str
    attachment: Link | None
    attachment_sha256: str
    status: str
    revocation: dict | None
    corrections: list[dict]
    rows: list[RecipientRow]
    summary: Markup
    declared: Markup  # "19 được nêu tên trong tổng số 186 …" when the list is partial
    declared_title: str
    declared_note: str
    declared_cash: str  # a total cash amount the document states without per-line amounts
    occasion: dict | None  # other decisions of the same ceremony, and the total its source publishes
    revocation_proposed: dict | None
    annulled: list[dict]  # what this decision annulled among the published decisions
    year: Link
    source_path: str


def list_summary(decision: DecisionEntry, tally: Tally) -> Markup:
    """"2 cá nhân, 1 tập thể" — the lines listed, by kind, each a figure."""
    parts = [Markup("{} {}").format(figure(f"decision.{decision.id}.rows.{k.value}", tally.row_kinds[k.value]),
                                    label(k).lower())
             for k in RecipientKind if tally.row_kinds[k.value]]
    return Markup(", ").join(parts) if parts else Markup("Không có người, tập thể nào được nêu tên")


def declared_summary(decision: DecisionEntry, tally: Tally) -> Markup:
    """"19 được nêu tên trong tổng số 186 lượt khen thưởng" for a partial list, "2 được nêu tên; văn bản không
    công bố tổng số" when the document states no count; empty for a complete one."""
    if decision.count_unstated:
        return Markup("{} được nêu tên; văn bản không công bố tổng số (không rõ danh sách có đầy đủ hay không)").format(
            figure(f"decision.{decision.id}.rows", tally.rows))
    if not decision.partial:
        return Markup("")
    rows = figure(f"decision.{decision.id}.rows", tally.rows)
    if summed_total(decision):
        stated = [f"{n} {label(RecipientKind(k)).lower()}" for k in ("collective", "individual", "household")
                  if (n := getattr(decision.model.declared, k)) is not None]
        return Markup("{} được nêu tên trong số {} mà văn bản công bố (văn bản không ghi tổng số; cộng lại là {} "
                      "lượt)").format(rows, ", ".join(stated), figure(f"decision.{decision.id}.declared", tally.declared))
    return Markup("{} được nêu tên trong tổng số {} lượt khen thưởng mà văn bản công bố").format(
        rows, figure(f"decision.{decision.id}.declared", tally.declared))


def summed_total(decision: DecisionEntry) -> bool:
    """The decision's total is our sum of several declared counts (10 tập thể + 20 cá nhân), not a figure the
    document prints: it must be said to be a sum wherever it is shown."""
    declared = decision.model.declared
    return declared is not None and declared.total is None and sum(
        getattr(declared, k) is not None for k in ("collective", "individual", "household")) > 1


def annulled_line(pub: Publication, decision: DecisionEntry, index: int) -> Link:
    """One annulled line, as named in the revoking decision's page (through the gate)."""
    row = pub.rows(decision)[index]
    who = "(đã gỡ khỏi công bố)" if row.withdrawn else row.name
    return Link(f"dòng {row.number}: {who}", urls.recipient_link(decision.year, decision.slug, row.recipient_id))


def revocation_text(decision: DecisionEntry) -> str:
    """The one sentence saying a decision was revoked, by which decision and when."""
    rv = decision.model.revocation
    return f"Đã bị hủy bỏ bởi Quyết định số {rv.decision_number}, {long_date(rv.date)}" if rv else ""


def occasion_view(pub: Publication, decision: DecisionEntry) -> dict | None:
    """The ceremony or congress a decision belongs to: its name, the total its source publishes (a figure), the
    awards counted here over all its decisions, and links to the other decisions of the same occasion."""
    occasion = decision.model.occasion
    if occasion is None:
        return None
    members = [e for e in pub.decisions if e.model.occasion and e.model.occasion.id == occasion.id]
    first = lambda attr: next((getattr(e.model.occasion, attr) for e in members
                               if getattr(e.model.occasion, attr) is not None), None)
    declared = pub.counts.occasion_declared.get(occasion.id)
    return {"title": first("title") or "", "note": first("note") or "",
            "declared": figure(f"occasion.{occasion.id}.declared_total", declared) if declared is not None else "",
            "counted": figure(f"occasion.{occasion.id}.declared", pub.counts.of_occasion(occasion.id).declared),
            "others": [Link(f"{decision_label(e)} — {pub.award_forms[e.model.award_form].model.name}",
                            urls.decision(e.year, e.slug)) for e in members if e.id != decision.id]}


def decision_view(pub: Publication, decision: DecisionEntry) -> DecisionView:
    d = decision.model
    form = pub.award_forms[d.award_form].model
    authority = pub.authorities[d.authority].model
    movement = pub.movements.get(d.movement) if d.movement else None
    return DecisionView(
        heading=decision_label(decision),
        number=d.number or "",
        number_note=d.number_note or "",
        title=d.title or f"Về việc tặng {form.name}",
        date=decision_date(d),
        dated=decision_dated(d),
        date_label=decision_date_label(d),
        date_note=d.date_note or "",
        authority=authority.named_on(d.date)[0],
        signer=f"{d.signer.title}: {d.signer.name}" if d.signer else "Không rõ",
        presenter=d.presenter or "",
        source_note=d.source_note or "",
        legal_basis=list(d.legal_basis),
        award_form=Link(form.name, urls.award_form(form.id)),
        award_form_note=d.award_form_note or "",
        level=label(form.level),
        method=label(d.method),
        reason=d.reason or "Không rõ",
        movement=movement.model.name if movement else "",
        attachment=Link("Bản scan quyết định (PDF)", urls.attachment(decision.year, decision.slug)) if d.attachment else None,
        attachment_sha256=d.attachment.sha256 if d.attachment else "",
        status=label(d.status),
        revocation={"number": d.revocation.decision_number, "date": long_date(d.revocation.date),
                    "reason": d.revocation.reason, "note": d.revocation.note or "",
                    "signer": f"{d.revocation.signer.title} {d.revocation.signer.name}" if d.revocation.signer
                    else "Không rõ"} if d.revocation else None,
        corrections=[{"date": short_date(c_.date), "note": c_.note} for c_ in d.corrections],
        rows=recipient_rows(pub, decision),
        summary=list_summary(decision, pub.counts.of_decision(decision.id)),
        declared=declared_summary(decision, pub.counts.of_decision(decision.id)),
        declared_title="Văn bản không công bố số lượng" if decision.count_unstated else "Danh sách không đầy đủ",
        declared_note=d.declared.note if d.declared else "",
        declared_cash=money(d.declared.cash_vnd) if d.declared and d.declared.cash_vnd is not None else "",
        occasion=occasion_view(pub, decision),
        revocation_proposed={"date": long_date(d.revocation_proposed.date), "by": d.revocation_proposed.by,
                             "reason": d.revocation_proposed.reason or "", "note": d.revocation_proposed.note or ""}
        if d.revocation_proposed else None,
        annulled=[{"decision": Link(decision_label(target), urls.decision(target.year, target.slug)),
                   "who": Link("toàn bộ quyết định") if index is None else annulled_line(pub, target, index)}
                  for target, index in pub.annulled_by.get(decision.id, [])],
        year=Link(f"Năm {decision.year}", urls.year(decision.year)),
        source_path=decision.path,
    )


@dataclass(frozen=True)
class ProfileCard:
    name: str
    href: str
    summary: str
    unit: str
    photo: str
    photo_alt: str
    kind: str


def photo_path(profile: ProfileEntry) -> str:
    if not profile.model.photo:
        return ""
    suffix = "." + profile.model.photo.path.rsplit(".", 1)[-1].lower()
    return urls.photo(profile.slug, suffix)


def profile_card(pub: Publication, profile: ProfileEntry) -> ProfileCard:
    p = profile.model
    unit = pub.units.get(p.unit) if p.unit else None
    return ProfileCard(
        name=p.name,
        href=urls.profile(profile.slug),
        summary=p.summary,
        unit=unit.model.name if unit else (p.locality or ""),
        photo=photo_path(profile),
        photo_alt=p.photo.alt if p.photo else "",
        kind=label(p.kind),
    )


@dataclass(frozen=True)
class ProfileView:
    card: ProfileCard
    unit: Link
    locality: str
    credit: str
    story: Markup
    tags: list[str]
    sources: list[dict]
    awards: list[AwardRow] = field(default_factory=list)
    person: Link | None = None  # the person's page: every award in one place


def profile_view(pub: Publication, profile: ProfileEntry) -> ProfileView:
    p = profile.model
    unit = pub.units.get(p.unit) if p.unit else None
    return ProfileView(
        card=profile_card(pub, profile),
        unit=Link(unit.model.name, urls.unit(unit.model.id)) if unit else Link(""),
        locality=p.locality or "",
        credit=p.photo.credit or "" if p.photo else "",
        story=render_markdown(profile.story_markdown),
        tags=list(p.tags),
        sources=[{"title": s.title, "url": s.url, "publisher": s.publisher or "", "date": short_date(s.date)}
                 for s in p.sources],
        awards=[award_row(pub, a) for a in pub.profile_awards(profile.slug)],
        person=Link(f"Mọi khen thưởng của {p.name}", urls.person(profile.slug)) if pub.person(profile.slug) else None,
    )


@dataclass(frozen=True)
class PersonAward:
    """One award on a person's page: when, what, by which decision (its line), and who they were then."""

    date: str
    award_form: Link
    decision: Link  # the line in its decision
    authority: str
    name: str  # as written on that line, when it differs from the person's name; else empty
    position: str
    unit: Link
    status: str  # "Đã hủy bỏ" when the decision or the line was annulled
    revocation: str
    revocation_link: Link | None


@dataclass(frozen=True)
class PersonView:
    name: str
    kind: str
    person_id: str
    other_names: list[str]
    latest: str  # position and unit on the latest line: "Tổ trưởng chuyên môn, Trường THCS Tân Phú"
    profile: Link | None
    awards: list[PersonAward]
    decisions: Markup  # figures of the catalog (counts.py, scope person): decisions naming them (one line each)
    total: Markup
    revoked: Markup
    rewards: Markup
    years: str  # "2023–2025"
    why: str  # why these awards are one person's: a profile or an id their lines share — never the name


def person_view(pub: Publication, person: Person) -> PersonView:
    awards = []
    for shown in pub.person_awards(person.id):
        decision, row = shown.decision, shown.row
        form = pub.award_forms[decision.model.award_form].model
        authority = pub.authorities[decision.model.authority].model
        revocation, revocation_link = line_revocation(pub, row)
        awards.append(PersonAward(
            date=decision_short_date(decision.model),
            award_form=Link(form.name, urls.award_form(form.id)),
            decision=Link(decision_label(decision), urls.recipient_link(decision.year, decision.slug,
                                                                        row.recipient_id)),
            authority=short_authority(authority, decision.model.date),
            name=row.name if row.name != person.name else "",
            position=row.position or "",
            unit=_unit_link(pub, row), status="Đã hủy bỏ" if row.revoked else "",
            revocation=revocation or (revocation_text(decision) if decision.revoked else ""),
            revocation_link=revocation_link))
    standing = [a for a in awards if not a.status]
    last = (standing or awards)[-1] if awards else None
    t = pub.counts.of_person(person.id)
    key = f"person.{person.id}"
    years = sorted({a.decision.year for a in person.awards})
    return PersonView(
        name=person.name, kind=label(person.kind), person_id=person.id, other_names=list(person.other_names),
        latest=", ".join(part for part in (last.position, last.unit.text) if part) if last else "",
        profile=Link(f"Gương điển hình: {person.profile.model.name}", urls.profile(person.profile.slug))
        if person.profile else None,
        awards=awards,
        decisions=figure(f"{key}.rows", t.rows),
        total=figure(f"{key}.awards", t.awards),
        revoked=figure(f"{key}.awards_revoked", t.awards_revoked) if t.awards_revoked else Markup(""),
        rewards=figure(f"{key}.rewards", t.rewards) if t.rewards else Markup(""),
        years=(f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])) if years else "",
        why="Các khen thưởng trên được gộp vì các dòng của quyết định cùng dẫn tới một hồ sơ gương điển hình, "
            "không phải vì trùng tên." if person.profile else
            "Các khen thưởng trên được gộp vì cán bộ nhập liệu đã ghi rõ các dòng này là của cùng một người, "
            "không phải vì trùng tên.",
    )

