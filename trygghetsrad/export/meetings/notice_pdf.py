"""The meeting notice (*kallelse*): time, place or link, and the agenda."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from trygghetsrad.domain.dates import short_date
from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.domain.meetings.model import ItemKind
from trygghetsrad.domain.meetings.notice import NoticeSigners, issue_line
from trygghetsrad.export.meetings import item_parts as parts
from trygghetsrad.export.meetings.minutes_pdf import (
    WIDTH,
    _grid,
    _rule,
    _styles,
    house_meta,
    where_rows,
)
from trygghetsrad.export.pdf.base import PdfMeta, escape, render_pdf
from trygghetsrad.i18n import tr


def _followup_lines(doc: MeetingDocument, st: dict[str, Any]) -> list[Any]:
    lines = []
    for action in doc.followup:
        text = action.what
        if action.responsible:
            text += f" ({action.responsible})"
        if action.due_date:
            text += " – " + tr("klart senast {date}").format(date=action.due_label)
        lines.append(Paragraph(escape(text), st["bullet2"], bulletText="•"))
    return lines


def _followup_section(doc: MeetingDocument, st: dict[str, Any]) -> list[Any]:
    """Open actions of the group's earlier meetings, when no agenda item follows them up."""
    if not doc.followup_section:
        return []
    heading = Paragraph(tr("Uppföljning av uppdrag från tidigare möten"), st["h2"])
    return [Spacer(1, 3 * mm), heading, *_followup_lines(doc, st)]


def build_story(doc: MeetingDocument) -> list[Any]:
    st = _styles()
    m = doc.meeting
    story: list[Any] = [
        Paragraph(tr("Kallelse"), st["title"]),
        Paragraph(
            escape(tr("{kind} för {groups}").format(kind=tr("Möte"), groups=doc.groups_label)),
            st["subtitle"],
        ),
    ]
    rows = [[Paragraph(doc.when_label, st["meta_label"]), Paragraph(escape(doc.when), st["meta"])]]
    rows += where_rows(doc, st)
    if m.chair_name:
        rows.append(
            [
                Paragraph(tr("Ordförande"), st["meta_label"]),
                Paragraph(escape(m.chair_name), st["meta"]),
            ]
        )
    story += [_grid(rows, [38 * mm, WIDTH - 38 * mm]), Spacer(1, 3 * mm), _rule()]
    story.append(Paragraph(tr("Förslag till dagordning"), st["h1"]))
    story += _followup_section(doc, st)  # before item 1, as in the minutes and the preview
    attachments = parts.attachment_list(doc, st)
    greeting = _greeting(doc, st)
    # The greeting stays with the last item when no list of attachments stands between.
    story += _items(doc, st, tail=[] if attachments else greeting)
    if not doc.items:
        story.append(Paragraph(tr("Dagordningen skickas ut senare."), st["body"]))
    story += attachments
    if attachments or not doc.items:
        story += greeting
    story += _closing(doc, st)
    return story


def _items(doc: MeetingDocument, st: dict[str, Any], *, tail: list[Any]) -> list[Any]:
    """The agenda, each item kept whole on one page with the kind heading or rule above it,
    and the last item kept with the one before and with `tail`, so that it never stands
    alone on a page and the greeting never goes over alone."""
    blocks: list[list[Any]] = []
    for index, (item, kind) in enumerate(zip(doc.items, doc.headings(), strict=True)):
        block = parts.kind_heading(kind, st["kind"])
        block.append(Paragraph(parts.heading_text(doc, index, item, bold=True), st["body"]))
        block += parts.lead(doc, item, st["facts"])
        if item.body:
            block.append(Paragraph(escape(item.body), st["small"]))
        block += parts.proposal(item, st["small"])
        if item.kind is ItemKind.FOLLOWUP:
            block += _followup_lines(doc, st)
        block += parts.reference(doc, item, st["facts"])
        block += parts.item_attachments(doc, item, st["facts"])
        blocks.append(block)
    if len(blocks) > 1:
        blocks[-2:] = [blocks[-2] + blocks[-1]]
    if blocks:
        blocks[-1] += tail
    return [KeepTogether(block) for block in blocks]


def _greeting(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    """Where to report absence and the greeting."""
    story: list[Any] = [Spacer(1, 6 * mm)]
    excuses = _excuses_to(doc)
    if excuses:
        line = tr("Anmäl förhinder till {contact}.").format(contact=excuses.rstrip(". "))
        story.append(Paragraph(escape(line), st["body"]))
    story.append(Paragraph(tr("Välkomna!"), st["body"]))
    return story


def _closing(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    """Place and date of issue, signatures, footnote."""
    story: list[Any] = []
    issued = issue_line(doc.notice)
    if issued:
        story += [Spacer(1, 4 * mm), Paragraph(escape(issued), st["body"])]
    for name, function in _signers(doc):
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(escape(name), st["body"]))
        if function:
            story.append(Paragraph(escape(function), st["small"]))
    if doc.notice.footnote.strip():
        story += [Spacer(1, 6 * mm), _rule()]
        for para in doc.notice.footnote.strip().split("\n\n"):
            story.append(Paragraph(escape(para.strip()).replace("\n", "<br/>"), st["small"]))
    return story


def _excuses_to(doc: MeetingDocument) -> str:
    """What the user wrote; otherwise the secretary and their e-mail, when known."""
    if doc.notice.excuses_to.strip():
        return doc.notice.excuses_to.strip()
    contact = doc.meeting.secretary_name
    if doc.contact_email:
        contact = f"{contact} ({doc.contact_email})" if contact else doc.contact_email
    return contact


def _signers(doc: MeetingDocument) -> list[tuple[str, str]]:
    """(name, function) of who signs the notice, as the user chose; titles as written."""
    m = doc.meeting
    chosen = doc.notice.signed_by
    signers = []
    if chosen in (NoticeSigners.CHAIR, NoticeSigners.BOTH) and m.chair_name:
        signers.append((m.chair_name, tr("Ordförande")))
    if chosen in (NoticeSigners.SECRETARY, NoticeSigners.BOTH) and m.secretary_name:
        signers.append((m.secretary_name, m.secretary_title))
    return signers


def notice_meta(doc: MeetingDocument, title: str, subject: str) -> PdfMeta:
    """A notice's own metadata and footer: it says nothing about minutes or their state."""
    m = doc.meeting
    footer = tr("Kallelse till mötet {date}").format(date=short_date(m.day))
    day = doc.notice.issued_on or m.day
    return house_meta(doc, title, subject, footer=footer, keyword=tr("Kallelse"), day=day)


def notice_pdf(doc: MeetingDocument) -> bytes:
    m = doc.meeting
    title = tr("Kallelse {groups} {date}").format(groups=doc.groups_label, date=short_date(m.day))
    subject = tr("Kallelse till mötet {when}").format(when=doc.when)
    return render_pdf(build_story(doc), notice_meta(doc, title, subject))
