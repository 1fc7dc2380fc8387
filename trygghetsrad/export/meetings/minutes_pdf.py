"""The minutes PDF (*minnesanteckningar* or *protokoll*) in the municipality's house style."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from trygghetsrad.domain.dates import short_date
from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.document import (
    MeetingDocument,
    next_meeting_line,
)
from trygghetsrad.domain.meetings.model import (
    ActionData,
    AgendaItemData,
    AttendanceData,
    ItemKind,
)
from trygghetsrad.export.meetings import item_parts as parts
from trygghetsrad.export.pdf.base import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    PdfMeta,
    data_table,
    escape,
    render_pdf,
    styles,
)
from trygghetsrad.i18n import tr

WIDTH = 170 * mm - 12  # A4 minus the house margins and the frame's 6 pt padding each side


def cols(*parts: float) -> list[float]:
    """Column widths in proportion to `parts`, filling the text width exactly."""
    total = sum(parts)
    return [WIDTH * p / total for p in parts]


def _styles() -> dict[str, ParagraphStyle]:
    s = styles()
    bullets = {
        name: ParagraphStyle(name, parent=s[name], bulletFontName=FONT)
        for name in ("bullet", "bullet2")
    }
    return {
        **s,
        **bullets,
        # Explicit KeepTogether blocks instead: keepWithNext around a long table pushes it
        # whole onto the next page.
        "h2": ParagraphStyle("h2_free", parent=s["h2"], keepWithNext=0),
        "item": ParagraphStyle(
            "item",
            parent=s["h1"],
            fontSize=12.5,
            leading=16,
            spaceBefore=14,
            spaceAfter=5,
            textColor=INK,
            keepWithNext=0,
        ),
        "meta_label": ParagraphStyle(
            "meta_label", parent=s["body"], fontName=FONT_BOLD, textColor=MUTED, fontSize=9.5
        ),
        "meta": ParagraphStyle("meta", parent=s["body"], spaceAfter=0),
        # Above a group of items: "Informationsärenden", in the accent of the house style.
        "kind": ParagraphStyle(
            "kind",
            parent=s["h1"],
            fontSize=12,
            leading=15,
            spaceBefore=16,
            spaceAfter=2,
            textColor=ACCENT,
            keepWithNext=0,
        ),
        "facts": ParagraphStyle(
            "facts", parent=s["small"], textColor=MUTED, spaceBefore=0, spaceAfter=3
        ),
        "decision": ParagraphStyle(
            "decision", parent=s["body"], leftIndent=14, spaceBefore=2, spaceAfter=4
        ),
        "bullet3": ParagraphStyle(
            "bullet3",
            parent=s["body"],
            leftIndent=42,
            bulletIndent=31,
            spaceAfter=2,
            bulletFontName=FONT,
        ),
        "bullet4": ParagraphStyle(
            "bullet4",
            parent=s["body"],
            leftIndent=56,
            bulletIndent=45,
            spaceAfter=2,
            bulletFontName=FONT,
        ),
        "internal": ParagraphStyle(
            "internal", parent=s["small"], textColor=colors.HexColor("#a4262c")
        ),
    }


BULLETS = ["•", "–", "◦", "·"]
_tag = parts.tag


def _header(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    m = doc.meeting
    story: list[Any] = [
        Paragraph(escape(m.kind.label), st["title"]),
        Paragraph(escape(doc.groups_label), st["subtitle"]),
    ]
    if doc.is_draft:  # also in the header and footer of every page
        story.append(Paragraph(f"<b>{escape(doc.draft_note.upper())}</b>", st["internal"]))
    rows = [
        [Paragraph(escape(label), st["meta_label"]), Paragraph(escape(text), st["meta"])]
        for label, text in doc.head_rows()  # as the preview prints them
    ]
    story.append(_grid(rows, [38 * mm, WIDTH - 38 * mm]))
    return story


def where_rows(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[list[Any]]:
    """The place and link rows of the header, labelled as in the notice (one rule)."""
    return [
        [Paragraph(escape(label), st["meta_label"]), Paragraph(escape(text), st["meta"])]
        for label, text in doc.where_rows()
    ]


def _grid(rows: list[list[Any]], widths: list[float], *extra: tuple[Any, ...]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    from reportlab.platypus import TableStyle

    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                *extra,
            ]
        )
    )
    return table


def _attendance(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    rows: list[list[Any]] = []
    for label, people in doc.attendance_groups():
        for index, person in enumerate(people):
            rows.append(
                [
                    Paragraph(label if index == 0 else "", st["meta_label"]),
                    Paragraph(_attendee_line(doc, person), st["meta"]),
                ]
            )
    if not rows:
        return []
    heading = Paragraph(tr("Närvaro"), st["h2"])
    return [Spacer(1, 4 * mm), heading, _grid(rows, [38 * mm, WIDTH - 38 * mm])]


def _attendee_line(doc: MeetingDocument, person: AttendanceData) -> str:
    """'<b>Name</b>, role, Title, Organisation, ersättare för … (t.o.m. punkt 5) – note',
    every part as written (the preview prints the same parts)."""
    name, detail, span, note = doc.attendee_parts(person)
    line = f"<b>{escape(name)}</b>" + (f", {escape(detail)}" if detail else "")
    if span:
        line += f" ({escape(span)})"
    if note:
        line += f" – <i>{escape(note)}</i>"
    return line


def _notes(item: AgendaItemData, st: dict[str, ParagraphStyle]) -> list[Any]:
    """Bullets, and running text before, between and after them."""
    names = ["bullet", "bullet2", "bullet3", "bullet4"]
    return [
        Paragraph(escape(note.text) + _tag(note.internal), st["body"])
        if note.paragraph
        else Paragraph(
            escape(note.text) + _tag(note.internal),
            st[names[min(note.level, 3)]],
            bulletText=BULLETS[min(note.level, 3)],
        )
        for note in item.notes
    ]


def _action_rows(
    actions: tuple[ActionData, ...] | list[ActionData],
    st: dict[str, ParagraphStyle],
    *,
    followup: MeetingDocument | None = None,
) -> list[list[Any]]:
    """The action table; a follow-up (`followup`: the document it is in) adds when each was
    given and its status on the day the document is made."""
    cell = st["cell"]
    if followup is not None:
        rows: list[list[Any]] = [
            [tr("Uppdrag"), tr("Ansvarig"), tr("Klart senast"), tr("Givet"), tr("Status")]
        ]
    else:
        rows = [[tr("Uppdrag"), tr("Ansvarig"), tr("Klart senast")]]
    for a in actions:
        row = [
            Paragraph(_action_text(a), cell),
            Paragraph(escape(a.responsible or "–"), cell),
            Paragraph(a.due_label, cell),  # no date: an empty cell, never "senast –"
        ]
        if followup is not None:
            since = a.since.isoformat() if a.since else ""
            status = followup.followup_status(a)  # as the preview says it
            row += [Paragraph(since, cell), Paragraph(escape(status), cell)]
        rows.append(row)
    return rows


def _action_text(a: ActionData) -> str:
    """What is to be done, and what this meeting said about it at a follow-up."""
    text = escape(a.what) + _tag(is_internal(a))
    if a.comment:
        text += "<br/><i>" + escape(tr("Kommentar: {text}").format(text=a.comment)) + "</i>"
    return text


def _followup_table(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> Table:
    return data_table(
        _action_rows(doc.followup, st, followup=doc),
        cols(56, 34, 23, 23, 30),
    )


def _followup_section(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    """The open actions of the group's earlier meetings, when no agenda item follows them up."""
    if not doc.followup_section:
        return []
    heading = Paragraph(tr("Uppföljning av uppdrag från tidigare möten"), st["h2"])
    return [Spacer(1, 3 * mm), KeepTogether([heading, _followup_table(doc, st)])]


def _item(
    doc: MeetingDocument,
    index: int,
    item: AgendaItemData,
    st: dict[str, ParagraphStyle],
    kind_heading: str = "",
) -> list[Any]:
    heading = Paragraph(parts.heading_text(doc, index, item, bold=False), st["item"])
    body: list[Any] = parts.lead(doc, item, st["facts"])
    if item.body:
        for para in item.body.split("\n\n"):
            body.append(Paragraph(escape(para.strip()), st["body"]))
    body += _notes(item, st)
    if item.kind is ItemKind.FOLLOWUP:
        if doc.followup:
            body.append(Spacer(1, 2 * mm))
            body.append(_followup_table(doc, st))
        else:
            body.append(Paragraph(tr("Inga öppna uppdrag att följa upp."), st["small"]))
    if item.kind is ItemKind.NEXT_MEETING:
        for m in doc.next_meetings:
            body.append(Paragraph(escape(next_meeting_line(m)) + ".", st["body"]))
    body += parts.proposal(item, st["decision"])
    for decision in item.decisions:
        label = tr("Beslut") if doc.is_protocol else tr("Beslutades")
        body.append(
            Paragraph(
                f"<b>{label}:</b> {escape(decision.text)}{_tag(decision.internal)}", st["decision"]
            )
        )
    if item.actions:
        body.append(Spacer(1, 1.5 * mm))
        body.append(data_table(_action_rows(item.actions, st), cols(96, 46, 28)))
    body += parts.reference(doc, item, st["facts"])
    body += parts.item_attachments(doc, item, st["facts"])
    top = [*parts.kind_heading(kind_heading, st["kind"]), heading, *body[:1]]
    return [CondPageBreak(30 * mm), KeepTogether(top), *body[1:]]


def _signature(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    m = doc.meeting
    story: list[Any] = [Spacer(1, 8 * mm)]
    if not doc.is_protocol:
        lines = [Paragraph(tr("Vid pennan"), st["h2"])]
        if m.secretary_name:
            text = escape(m.secretary_name)
            if m.secretary_title:  # as written: "Områdeschef IFO" keeps its capitals
                text += f", {escape(m.secretary_title)}"
            lines.append(Paragraph(text, st["body"]))
        else:  # said, not left blank: the reader sees it was never filled in
            lines.append(Paragraph(f"<i>{escape(tr('Antecknare ej angiven'))}</i>", st["body"]))
        return [KeepTogether([*story, *lines])]
    signers = doc.signers()  # as the preview prints them
    labels: list[Any] = []
    names: list[Any] = []
    for index, (label, name) in enumerate(signers):
        if index:
            labels.append("")
            names.append("")
        labels.append(Paragraph(label, st["meta_label"]))
        # A line with no name under it says so: nobody was named to sign there.
        named = escape(name) if name else f"<i>{escape(tr('(ej angiven)'))}</i>"
        names.append(Paragraph(named, st["meta"]))
    table = Table(
        [labels, [""] * 5, names],
        colWidths=cols(50, 10, 50, 10, 50),
        rowHeights=[None, 14 * mm, None],
        hAlign="LEFT",
    )
    from reportlab.platypus import TableStyle

    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                # The line each signer writes on, the name printed below it.
                *[("LINEABOVE", (c, 2), (c, 2), 0.6, INK) for c in (0, 2, 4)],
            ]
        )
    )
    block: list[Any] = [*story, Paragraph(tr("Underskrifter"), st["h2"]), table]
    if doc.justering_line:
        block.append(Paragraph(escape(doc.justering_line), st["small"]))
    return [KeepTogether(block)]


def _summary(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    """All actions in one table; only worth it when there are many (each item shows its own)."""
    actions = doc.action_list()
    if not actions:
        return []
    rows = _action_rows(actions, st)
    block = [
        Paragraph(tr("Uppdragslista"), st["h2"]),
        data_table(rows, cols(96, 46, 28)),
    ]
    if len(rows) <= 15:  # a short list is never split over two pages
        return [CondPageBreak(40 * mm), KeepTogether(block)]
    return [CondPageBreak(40 * mm), *block]


def build_story(doc: MeetingDocument) -> list[Any]:
    st = _styles()
    story = _header(doc, st)
    story += _attendance(doc, st)
    story.append(Spacer(1, 2 * mm))
    story.append(_rule())
    story += _followup_section(doc, st)
    for index, (item, kind) in enumerate(zip(doc.items, doc.headings(), strict=True)):
        story += _item(doc, index, item, st, kind)
    # Signed right after the last item, as in the original minutes; the action list follows.
    story += _signature(doc, st)
    story += parts.attachment_list(doc, st)
    story += _summary(doc, st)
    return story


def _rule() -> Table:
    table = Table([[""]], colWidths=[WIDTH], rowHeights=[2])
    from reportlab.platypus import TableStyle

    table.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE), ("FONT", (0, 0), (-1, -1), FONT, 1)]
        )
    )
    return table


def pdf_meta(doc: MeetingDocument, title: str, subject: str) -> PdfMeta:
    m = doc.meeting
    footer = doc.draft_note.upper() if doc.is_draft else ""
    if m.revised_on:
        revised = tr("Reviderad {date}").format(date=short_date(m.revised_on))
        footer = f"{footer} · {revised}" if footer else revised
    return house_meta(doc, title, subject, footer=footer, keyword=m.kind.label, day=m.day)


def house_meta(
    doc: MeetingDocument, title: str, subject: str, *, footer: str, keyword: str, day: date
) -> PdfMeta:
    """Metadata and footer of a meeting document; the footer says when internal items are in."""
    if doc.include_internal:
        internal = tr("Innehåller interna punkter – ej för spridning")
        footer = f"{footer} · {internal}" if footer else internal
    return PdfMeta(
        title=title,
        subject=subject,
        author=doc.author or doc.municipality,
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=day,
        footer_note=footer,
        keywords=[*doc.meeting.group_names, keyword],
    )


def minutes_pdf(doc: MeetingDocument) -> bytes:
    """The minutes of one meeting as PDF bytes."""
    m = doc.meeting
    title = f"{m.kind.label} {doc.groups_label} {short_date(m.day)}"
    subject = tr("{kind} från mötet {when}").format(kind=m.kind.label, when=doc.when)
    if doc.is_draft:  # the page header repeats the title: "UTKAST" on every page
        title = tr("UTKAST – {title}").format(title=title)
        subject = f"{doc.draft_note}. {subject}"
    return render_pdf(build_story(doc), pdf_meta(doc, title, subject))


__all__ = ["ACCENT", "minutes_pdf"]
