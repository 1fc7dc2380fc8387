"""The parts of an agenda item that the notice and the minutes print alike: the heading with
its number (or none), the kind heading above a group of items, the line of facts (kind,
föredragande, Dnr, time slot), "Handlingar kommer senare", the proposed decision and the
reference to another item by its current number, and the item's attachments ("Bilaga 2: …")
with the list of all of them at the end."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer

from trygghetsrad.domain.meetings.document import GROUP_END, MeetingDocument, item_facts
from trygghetsrad.domain.meetings.model import AgendaItemData
from trygghetsrad.export.pdf.base import RULE, escape
from trygghetsrad.i18n import tr

INTERNAL_TAG = ' <font color="#a4262c" size="8">[intern]</font>'


def tag(internal: bool) -> str:
    return INTERNAL_TAG if internal else ""


def heading_text(doc: MeetingDocument, index: int, item: AgendaItemData, *, bold: bool) -> str:
    """ "§ 12  Lägesbild" — or the title alone for an item without a number."""
    number = doc.number(index)
    mark = f"<b>{escape(number)}</b>" if bold and number else escape(number)
    lead = f"{mark}&nbsp;&nbsp;" if number else ""
    return f"{lead}{escape(item.title)}{tag(item.internal)}"


def kind_heading(text: str, style: ParagraphStyle) -> list[Any]:
    """The kind heading above a group of items, or a rule where a group ends."""
    if text == GROUP_END:
        return [HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=8, spaceAfter=0)]
    return [Paragraph(escape(text), style)] if text else []


def lead(doc: MeetingDocument, item: AgendaItemData, style: ParagraphStyle) -> list[Any]:
    """Under the heading: the facts line and, when the papers come later, that."""
    parts: list[Any] = []
    facts = item_facts(item, grouped=doc.meeting.group_by_category)
    if facts:
        parts.append(Paragraph(" · ".join(escape(f) for f in facts), style))
    if item.papers_later:
        parts.append(Paragraph(f"<i>{escape(tr('Handlingar kommer senare.'))}</i>", style))
    return parts


def proposal(item: AgendaItemData, style: ParagraphStyle) -> list[Any]:
    """ "Förslag till beslut: …", printed before the decision and apart from it."""
    if not item.proposal.strip():
        return []
    label = escape(tr("Förslag till beslut"))
    paragraphs = [p.strip() for p in item.proposal.split("\n\n") if p.strip()]
    first = f"<b>{label}:</b> {escape(paragraphs[0]).replace(chr(10), '<br/>')}"
    rest = [escape(p).replace("\n", "<br/>") for p in paragraphs[1:]]
    return [Paragraph(text, style) for text in (first, *rest)]


def reference(doc: MeetingDocument, item: AgendaItemData, style: ParagraphStyle) -> list[Any]:
    text = doc.reference(item)
    return [Paragraph(f"<i>{escape(text)}</i>", style)] if text else []


def item_attachments(
    doc: MeetingDocument, item: AgendaItemData, style: ParagraphStyle
) -> list[Any]:
    """ "Bilaga 2: Polisens lägesbild" under the item the file belongs to."""
    return [Paragraph(escape(a.line), style) for a in doc.item_attachments(item)]


def attachment_list(doc: MeetingDocument, st: dict[str, ParagraphStyle]) -> list[Any]:
    """ "Bilagor" with every attachment of the document by its number, the meeting's own first
    (the numbering of `services.attachments.meeting_attachments`)."""
    if not doc.attachments:
        return []
    lines = [Paragraph(escape(a.line), st["body"]) for a in doc.attachments]
    return [Spacer(1, 6 * mm), KeepTogether([Paragraph(escape(tr("Bilagor")), st["h2"]), *lines])]
