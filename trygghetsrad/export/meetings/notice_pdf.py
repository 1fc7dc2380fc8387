"""The meeting notice (*kallelse*): time, place or link, and the agenda."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from trygghetsrad.domain.dates import short_date
from trygghetsrad.domain.meetings import ItemKind
from trygghetsrad.domain.meetings_document import MeetingDocument
from trygghetsrad.export.meetings.minutes_pdf import WIDTH, _grid, _rule, _styles, _tag, pdf_meta
from trygghetsrad.export.pdf.base import escape, render_pdf
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
    rows = [
        [Paragraph(tr("Datum och tid"), st["meta_label"]), Paragraph(escape(doc.when), st["meta"])]
    ]
    if m.place:
        rows.append(
            [Paragraph(tr("Plats"), st["meta_label"]), Paragraph(escape(m.place), st["meta"])]
        )
    if m.online_link:
        rows.append(
            [Paragraph(tr("Länk"), st["meta_label"]), Paragraph(escape(m.online_link), st["meta"])]
        )
    if m.chair_name:
        rows.append(
            [
                Paragraph(tr("Ordförande"), st["meta_label"]),
                Paragraph(escape(m.chair_name), st["meta"]),
            ]
        )
    story += [_grid(rows, [38 * mm, WIDTH - 38 * mm]), Spacer(1, 3 * mm), _rule()]
    story.append(Paragraph(tr("Förslag till dagordning"), st["h1"]))
    for index, item in enumerate(doc.items):
        line = f"<b>{escape(doc.number(index))}</b>&nbsp;&nbsp;{escape(item.title)}{_tag(item.internal)}"
        story.append(Paragraph(line, st["body"]))
        if item.body:
            story.append(Paragraph(escape(item.body), st["small"]))
        if item.kind is ItemKind.FOLLOWUP:
            story += _followup_lines(doc, st)
    if not doc.items:
        story.append(Paragraph(tr("Dagordningen skickas ut senare."), st["body"]))
    story += _followup_section(doc, st)
    story.append(Spacer(1, 6 * mm))
    contact = m.secretary_name
    if doc.contact_email:
        contact = f"{contact} ({doc.contact_email})" if contact else doc.contact_email
    if contact:
        story.append(
            Paragraph(
                escape(tr("Anmäl förhinder till {contact}.").format(contact=contact)), st["body"]
            )
        )
    story.append(Paragraph(tr("Välkomna!"), st["body"]))
    if m.secretary_name:
        signed = m.secretary_name
        if m.secretary_title:
            signed += f", {m.secretary_title[:1].lower() + m.secretary_title[1:]}"
        story += [Spacer(1, 3 * mm), Paragraph(escape(signed), st["body"])]
    return story


def notice_pdf(doc: MeetingDocument) -> bytes:
    m = doc.meeting
    title = tr("Kallelse {groups} {date}").format(groups=doc.groups_label, date=short_date(m.day))
    subject = tr("Kallelse till mötet {when}").format(when=doc.when)
    return render_pdf(build_story(doc), pdf_meta(doc, title, subject))
