"""Attachments through the services: how a meeting's documents number them, what an internal
item takes with it, the size limit, a kept version of the minutes (names, never bytes), and
removal with the owner."""

from __future__ import annotations

import os
from datetime import date

import pytest
from factories_meetings import make_item, make_meeting

from trygghetsrad.domain.attachments import MAX_ATTACHMENT_BYTES, OwnerKind
from trygghetsrad.domain.meetings.minutes_versions import dumps_document, loads_document
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services import attachments
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def _add(session, owner: OwnerKind, owner_id: int, title: str, data: bytes = b"x") -> int:  # type: ignore[no-untyped-def]
    return attachments.add_attachment(
        session, owner, owner_id, filename=f"{title}.pdf", data=data, title=title
    ).id


def test_meeting_files_come_first_then_items_in_agenda_order(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    first, second = make_item(session, meeting), make_item(session, meeting)
    _add(session, OwnerKind.ITEM, second, "Andra punktens")
    _add(session, OwnerKind.ITEM, first, "Första punktens")
    _add(session, OwnerKind.MEETING, meeting, "Mötets")
    doc = meeting_document(session, meeting)
    assert [a.line for a in doc.attachments] == [
        "Bilaga 1: Mötets",
        "Bilaga 2: Första punktens",
        "Bilaga 3: Andra punktens",
    ]
    item = next(i for i in doc.items if i.id == second)
    assert [a.number for a in doc.item_attachments(item)] == [3]
    assert all(a.data == b"" for a in doc.attachments)  # names only, unless asked
    with_files = meeting_document(session, meeting, with_files=True)
    assert [a.data for a in with_files.attachments] == [b"x", b"x", b"x"]

    meetings_agenda.move_item(session, second, 0)  # the agenda decides the order
    assert [a.line for a in meeting_document(session, meeting).attachments] == [
        "Bilaga 1: Mötets",
        "Bilaga 2: Andra punktens",
        "Bilaga 3: Första punktens",
    ]


def test_an_internal_item_takes_its_files_out_and_the_numbers_close_up(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    hidden = make_item(session, meeting, internal=True)
    shown = make_item(session, meeting)
    _add(session, OwnerKind.ITEM, hidden, "Personalfråga")
    _add(session, OwnerKind.ITEM, shown, "Lägesbild")
    assert [a.line for a in meeting_document(session, meeting).attachments] == [
        "Bilaga 1: Lägesbild"
    ]
    everything = meeting_document(session, meeting, include_internal=True)
    assert [a.line for a in everything.attachments] == [
        "Bilaga 1: Personalfråga",
        "Bilaga 2: Lägesbild",
    ]


def test_too_big_and_ownerless_files_are_refused_and_nothing_is_stored(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    with pytest.raises(ValidationError, match="högst 25 MB"):
        _add(session, OwnerKind.MEETING, meeting, "Film", b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    with pytest.raises(UserError, match="Det finns inget möte med id 999"):
        _add(session, OwnerKind.MEETING, 999, "Fel")
    with pytest.raises(UserError, match="ingen överenskommelse med id 5"):
        _add(session, OwnerKind.AGREEMENT, 5, "Fel")
    assert attachments.list_attachments(session, OwnerKind.MEETING, meeting) == []
    exactly = _add(session, OwnerKind.MEETING, meeting, "Precis", b"\0" * MAX_ATTACHMENT_BYTES)
    assert attachments.get_attachment(session, exactly).size == MAX_ATTACHMENT_BYTES


def test_a_kept_version_remembers_the_list_but_not_the_bytes(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    _add(session, OwnerKind.MEETING, meeting, "Lägesbild", os.urandom(5000))  # incompressible
    doc = meeting_document(session, meeting, with_files=True)
    stored = dumps_document(doc)
    assert len(stored) < 4000  # no 5,000 bytes of file in it
    again = loads_document(stored)
    assert [a.line for a in again.attachments] == ["Bilaga 1: Lägesbild"]
    assert again.attachments[0].data == b""


def test_files_go_with_their_owner(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    item = make_item(session, meeting)
    kept = _add(session, OwnerKind.MEETING, meeting, "Mötets")
    gone = _add(session, OwnerKind.ITEM, item, "Punktens")
    meetings_agenda.delete_item(session, item)
    session.flush()
    with pytest.raises(UserError, match="Bilagan finns inte"):
        attachments.get_attachment(session, gone)
    assert attachments.get_attachment(session, kept).title == "Mötets"
    meetings.delete_meeting(session, meeting)
    session.flush()
    with pytest.raises(UserError, match="Bilagan finns inte"):
        attachments.get_attachment(session, kept)


def test_an_agreement_pdf_lists_its_files(session) -> None:  # type: ignore[no-untyped-def]
    import io

    from factories_action_plan import make_agreement
    from pypdf import PdfReader

    from trygghetsrad.export.situation.action_plan_agreement import render_agreement
    from trygghetsrad.services.situation.agreements import agreement_document

    agreement = make_agreement(session)
    _add(session, OwnerKind.AGREEMENT, agreement, "Överenskommelsen som undertecknad")
    _add(session, OwnerKind.AGREEMENT, agreement, "Karta över området")
    doc = agreement_document(session, agreement, today=date(2026, 5, 1))
    pdf = render_agreement(doc)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bilaga 1: Överenskommelsen som undertecknad" in text
    assert "Bilaga 2: Karta över området" in text
