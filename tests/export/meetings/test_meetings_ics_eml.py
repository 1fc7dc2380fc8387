"""The .ics invitation and the .eml draft, parsed back with icalendar and the email package."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime, time
from email import policy

import icalendar
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.export.meetings.eml import draft_eml
from trygghetsrad.export.meetings.ics import invitation_ics
from trygghetsrad.services import settings
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.services.meetings.invitations import database_identity, invitation


def meeting_ics(session, meeting: int) -> bytes:  # type: ignore[no-untyped-def]
    if not settings.load(session).sender_email:
        settings.set_value(session, "sender_email", "samordnare@example.org")
    return invitation_ics(invitation(session, meeting))


def _summer_meeting(session):  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session, 3, name="Klara-gruppen")
    meeting = make_meeting(
        session,
        group_ids=[group],
        day=date(2023, 5, 11),
        start_time=time(10),
        end_time=time(12),
        place="",
        online_link="digitalt via Teams",
    )
    make_item(session, meeting, title="Uppföljning av lägesbilden")
    return meeting


def test_invitation_has_the_right_local_and_utc_times(session) -> None:  # type: ignore[no-untyped-def]
    meeting = _summer_meeting(session)
    data = meeting_ics(session, meeting)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "REQUEST"
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Stockholm"
    assert "RDATE" not in data.decode()
    [event] = cal.walk("VEVENT")
    start = event["DTSTART"].dt
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(UTC) == datetime(2023, 5, 11, 8, 0, tzinfo=UTC)
    assert event["DTEND"].dt.astimezone(UTC) == datetime(2023, 5, 11, 10, 0, tzinfo=UTC)
    assert str(event["UID"]) == f"meeting-{meeting}-{database_identity(session)}@trygghetsrad.local"
    assert int(event["SEQUENCE"]) == 0
    assert "Klara-gruppen" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == "digitalt via Teams"
    assert "Uppföljning av lägesbilden" in str(event["DESCRIPTION"])
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_winter_time_and_sequence_after_a_move(session) -> None:  # type: ignore[no-untyped-def]
    meeting = _summer_meeting(session)
    detail = meetings.get_meeting(session, meeting)
    meetings.update_meeting(
        session,
        meeting,
        group_ids=list(detail.group_ids),
        day=date(2023, 12, 7),
        start_time=time(13),
        end_time=time(15),
        kind="notes",
    )
    cal = icalendar.Calendar.from_ical(meeting_ics(session, meeting))
    [event] = cal.walk("VEVENT")
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2023, 12, 7, 12, 0, tzinfo=UTC)
    assert int(event["SEQUENCE"]) == 1
    assert str(event["UID"]) == f"meeting-{meeting}-{database_identity(session)}@trygghetsrad.local"


def test_email_draft_opens_as_unsent_with_members_and_the_pdf(session) -> None:  # type: ignore[no-untyped-def]
    meeting = _summer_meeting(session)
    doc = meeting_document(session, meeting)
    raw = draft_eml(doc, b"%PDF-1.4 test", notice=True)
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["From"] is None  # no sender named: the mail program fills in its own account
    to = [a.addr_spec for a in msg["To"].addresses]
    assert to == [r.email for r in doc.recipients] and len(to) == 3
    assert "Åström" in str(msg["To"])
    assert msg["Subject"] == "Kallelse Klara-gruppen 2023-05-11"
    body = msg.get_body(("plain",)).get_content()
    assert "torsdag 11 maj 2023, kl. 10.00–12.00" in body
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "Kallelse Klara-gruppen 2023-05-11.pdf"
    assert attachment.get_content() == b"%PDF-1.4 test"
    assert all(len(line) <= 998 for line in raw.split(b"\n"))


def test_long_swedish_attachment_name_stays_on_one_line(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(
        session, 1, name="Trygghetsrådet i Storåkers kommun år för år"
    )
    meeting = make_meeting(session, group_ids=[group])
    raw = draft_eml(meeting_document(session, meeting), b"%PDF")
    msg = email.message_from_bytes(raw, policy=policy.default)
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename().startswith("Minnesanteckningar Trygghetsrådet i Storåkers")
    assert b"filename*0" not in raw


def test_meeting_without_a_time_is_an_all_day_event(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session, start_time=None, end_time=None, day=date(2026, 3, 12))
    [event] = icalendar.Calendar.from_ical(meeting_ics(session, meeting)).walk("VEVENT")
    assert event["DTSTART"].dt == date(2026, 3, 12)
    assert event["DTEND"].dt == date(2026, 3, 13)


def test_internal_agenda_items_stay_out_of_the_invitation(session) -> None:  # type: ignore[no-untyped-def]
    meeting = _summer_meeting(session)
    make_item(session, meeting, title="Personalärende", internal=True)
    data = meeting_ics(session, meeting).decode()
    assert "Personalärende" not in data.replace("\r\n ", "")


def test_email_draft_to_an_address_with_swedish_letters(session) -> None:  # type: ignore[no-untyped-def]
    """The register accepts å/ä/ö in addresses; the draft must carry them intact (RFC 6532)."""
    from trygghetsrad.services import register

    meeting = _summer_meeting(session)
    doc = meeting_document(session, meeting)
    person = doc.recipients[0]
    person_id = next(p.id for p in register.list_people(session) if p.email == person.email)
    current = register.get_person(session, person_id)
    register.update_person(
        session, person_id, name=current.name, email="åsa.öberg@storåker.example.org"
    )
    doc = meeting_document(session, meeting)
    raw = draft_eml(doc, b"%PDF-1.4 test")
    # UTF-8 headers (RFC 6532): the file is UTF-8 text, as mail clients read it.
    msg = email.message_from_string(raw.decode("utf-8"), policy=policy.default)
    to = [a.addr_spec for a in msg["To"].addresses]
    assert "åsa.öberg@storåker.example.org" in to
    assert len(to) == 3
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content() == b"%PDF-1.4 test"
