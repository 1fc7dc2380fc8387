"""Minutes that are not finalised say so in every export (PDF pages and title, e-mail subject,
body and attachment name); § numbers follow one rule on screen and in every export."""

from __future__ import annotations

import email
import io
import re
from datetime import date
from email.policy import default

from factories_meetings import make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.domain.meetings.agenda_structure import Numbering, item_numbers
from trygghetsrad.domain.meetings.model import ItemKind, MeetingKind, Note
from trygghetsrad.export.meetings.eml import draft_eml
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"[ \xa0]+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _long_meeting(session, kind=MeetingKind.NOTES):  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 3, name="Klara-gruppen")
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 11, 19), kind=kind)
    for n in range(8):
        item = make_item(session, meeting, title=f"Lägesrapport {n} från skola och polis")
        meetings_agenda.set_notes(
            session,
            item,
            [Note(f"Punkt {k}: fältgruppen har mött unga vid Norrby torg.") for k in range(8)],
        )
    meetings.start_minutes(session, meeting)
    return meeting, people


def test_draft_minutes_are_marked_on_every_page_and_in_the_title(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _long_meeting(session)
    doc = meeting_document(session, meeting)
    assert doc.is_draft
    pdf = minutes_pdf(doc)
    pages = _pages(pdf)
    assert len(pages) >= 2
    for page in pages:
        assert "UTKAST" in page
    assert "MINNESANTECKNINGARNA ÄR INTE FASTSTÄLLDA" in pages[0]
    title = PdfReader(io.BytesIO(pdf)).metadata.title
    assert title.startswith("UTKAST – Minnesanteckningar Klara-gruppen")


def test_finalised_minutes_carry_no_draft_mark(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _long_meeting(session)
    meetings.finalise(session, meeting, on=date(2026, 11, 20))
    doc = meeting_document(session, meeting)
    pdf = minutes_pdf(doc)
    assert not any("UTKAST" in page.upper() for page in _pages(pdf))
    assert not PdfReader(io.BytesIO(pdf)).metadata.title.startswith("UTKAST")
    message = email.message_from_bytes(draft_eml(doc, pdf), policy=default)
    assert message["Subject"] == "Minnesanteckningar Klara-gruppen 2026-11-19"
    assert "utkast" not in message.get_body(("plain",)).get_content().lower()


def test_draft_email_says_it_is_a_draft(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _long_meeting(session, MeetingKind.PROTOCOL)
    doc = meeting_document(session, meeting)
    message = email.message_from_bytes(draft_eml(doc, minutes_pdf(doc)), policy=default)
    assert message["Subject"] == "Utkast: Protokoll Klara-gruppen 2026-11-19"
    body = message.get_body(("plain",)).get_content()
    assert "utkast till protokoll" in body and "inte justerat" in body
    assert "Här kommer protokoll" not in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "Protokoll Klara-gruppen 2026-11-19 utkast.pdf"
    for page in _pages(attachment.get_content()):
        assert "UTKAST" in page
    # A notice is sent before the meeting: it is not a draft of anything.
    notice = email.message_from_bytes(draft_eml(doc, notice_pdf(doc), notice=True), policy=default)
    assert notice["Subject"] == "Kallelse Klara-gruppen 2026-11-19"


def test_one_numbering_rule_internal_items_take_no_number(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session, 2, name="Trygghetsrådet")
    meeting = make_meeting(
        session, group_ids=[group], kind=MeetingKind.PROTOCOL, first_paragraph=12
    )
    make_item(session, meeting, title="Mötets öppnande")
    make_item(session, meeting, title="Personärende", internal=True)
    make_item(session, meeting, title="Lägesbild från polisen")
    items = tuple(meetings_agenda.get_agenda(session, meeting))
    assert item_numbers(items, Numbering.PARAGRAPH_YEAR, first=12) == [
        "§ 12",
        "(intern, ingen §)",
        "§ 13",
    ]
    assert item_numbers(items, Numbering.DECIMAL) == ["1.", "–", "2."]
    public = meeting_document(session, meeting)
    internal = meeting_document(session, meeting, include_internal=True)
    public_text = "\n".join(_pages(minutes_pdf(public)))
    internal_text = "\n".join(_pages(minutes_pdf(internal)))
    for text in (public_text, internal_text):
        assert "§ 12 Mötets öppnande" in text
        assert "§ 13 Lägesbild från polisen" in text
        assert "§ 14" not in text
    assert "Personärende" not in public_text
    assert "(intern, ingen §) Personärende" in internal_text
    assert all(item.kind is ItemKind.NORMAL for item in items)
