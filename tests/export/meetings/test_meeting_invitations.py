"""Meeting invitations as real iTIP messages (RFC 5546), parsed back with icalendar.

REQUEST: ORGANIZER required, at least one ATTENDEE, DTSTAMP/DTSTART/SUMMARY/UID present.
CANCEL: the same UID, a higher SEQUENCE, STATUS:CANCELLED, ORGANIZER and the attendees.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import icalendar
import pytest
from factories import make_person
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.db.engine import open_database
from trygghetsrad.errors import UserError
from trygghetsrad.export.meetings.ics import invitation_ics
from trygghetsrad.services import settings
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import calendar as meetings_calendar
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.invitations import (
    cancel_meeting,
    invitation,
    restore_meeting,
)

ORGANIZER = "maja.lindqvist@storaker.se"


def _setup(session):  # type: ignore[no-untyped-def]
    settings.set_value(session, "coordinator_name", "Maja Lindqvist")
    settings.set_value(session, "sender_email", ORGANIZER)
    group, people = make_group_with_members(session, 3, name="Klara-gruppen")
    meeting = make_meeting(
        session, group_ids=[group], day=date(2027, 3, 11), start_time=time(10), end_time=time(12)
    )
    make_item(session, meeting, title="Lägesbilden i Storåker")
    return meeting, people


def _event(session, meeting: int):  # type: ignore[no-untyped-def]
    cal = icalendar.Calendar.from_ical(invitation_ics(invitation(session, meeting)))
    [event] = cal.walk("VEVENT")
    return cal, event


def _attendees(event) -> dict[str, icalendar.vCalAddress]:  # type: ignore[no-untyped-def]
    found = event.get("ATTENDEE", [])
    found = found if isinstance(found, list) else [found]
    return {str(a).removeprefix("mailto:"): a for a in found}


def test_request_has_organizer_attendees_and_roles(session) -> None:  # type: ignore[no-untyped-def]
    meeting, people = _setup(session)
    guest = make_person(session, name="Gäst Berg", email="gast@example.org")
    meetings_attendance.add_attendee(session, meeting, person_id=guest)
    without = make_person(session, name="Utan Adress", email="")
    meetings_attendance.add_attendee(session, meeting, person_id=without)
    cal, event = _event(session, meeting)
    assert str(cal["METHOD"]) == "REQUEST"
    for required in ("DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID", "SEQUENCE"):
        assert required in event, required
    assert str(event["ORGANIZER"]) == f"mailto:{ORGANIZER}"
    assert event["ORGANIZER"].params["CN"] == "Maja Lindqvist"
    attendees = _attendees(event)
    emails = {p.email for p in _people(session, [*people, guest])}
    assert set(attendees) == emails  # one per person with an address, nobody else
    roles = {a.params["CN"]: a.params["ROLE"] for a in attendees.values()}
    assert sorted(roles.values()) == [
        "CHAIR",
        "OPT-PARTICIPANT",
        "REQ-PARTICIPANT",
        "REQ-PARTICIPANT",
    ]
    assert roles["Gäst Berg"] == "OPT-PARTICIPANT"
    for a in attendees.values():
        assert a.params["PARTSTAT"] == "NEEDS-ACTION"
        assert a.params["RSVP"] == "TRUE"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Lägesbilden i Storåker" in str(event["DESCRIPTION"])
    assert invitation(session, meeting).without_address == ("Utan Adress",)


def _people(session, ids):  # type: ignore[no-untyped-def]
    from trygghetsrad.services import register

    return [p for p in register.list_people(session) if p.id in ids]


def test_the_named_chair_chairs(session) -> None:  # type: ignore[no-untyped-def]
    meeting, people = _setup(session)
    meetings.update_meeting(session, meeting, chair_id=people[2])
    _, event = _event(session, meeting)
    chair = next(p for p in _people(session, [people[2]]))
    roles = {email: a.params["ROLE"] for email, a in _attendees(event).items()}
    assert roles[chair.email] == "CHAIR"
    assert list(roles.values()).count("CHAIR") == 1


def test_uid_stable_and_sequence_raised_on_every_change(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    _, first = _event(session, meeting)
    _, again = _event(session, meeting)
    assert str(again["UID"]) == str(first["UID"])
    assert int(again["SEQUENCE"]) == int(first["SEQUENCE"])  # nothing changed, same number
    sequences = [int(first["SEQUENCE"])]
    changes = [
        lambda: meetings.update_meeting(session, meeting, online_link="digitalt via Teams"),
        lambda: make_item(session, meeting, title="Sommarens evenemang"),
        lambda: meetings_attendance.add_attendee(
            session, meeting, person_id=make_person(session, name="Ny Gäst", email="ny@example.org")
        ),
        lambda: settings.set_value(session, "sender_email", "trygghet@storaker.se"),
        lambda: meetings.update_meeting(session, meeting, start_time=time(13), end_time=time(15)),
    ]
    for change in changes:
        change()
        _, event = _event(session, meeting)
        assert str(event["UID"]) == str(first["UID"])
        sequences.append(int(event["SEQUENCE"]))
    assert all(b > a for a, b in zip(sequences, sequences[1:], strict=False)), sequences


def test_internal_item_changes_nothing_the_invitation_says(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    _, first = _event(session, meeting)
    make_item(session, meeting, title="Personalärende", internal=True)
    _, event = _event(session, meeting)
    assert "Personalärende" not in str(event["DESCRIPTION"])
    assert int(event["SEQUENCE"]) == int(first["SEQUENCE"])


def test_cancel_is_a_cancel_of_the_same_uid_with_a_higher_sequence(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    _, request = _event(session, meeting)
    cancel_meeting(session, meeting, on=date(2027, 3, 1))
    cal, cancel = _event(session, meeting)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(cancel["UID"]) == str(request["UID"])
    assert int(cancel["SEQUENCE"]) > int(request["SEQUENCE"])
    assert str(cancel["ORGANIZER"]) == f"mailto:{ORGANIZER}"
    assert set(_attendees(cancel)) == set(_attendees(request))
    with pytest.raises(UserError):
        cancel_meeting(session, meeting, on=date(2027, 3, 1))
    restore_meeting(session, meeting)
    cal, back = _event(session, meeting)
    assert str(cal["METHOD"]) == "REQUEST"
    assert int(back["SEQUENCE"]) > int(cancel["SEQUENCE"])


def test_only_a_planned_meeting_can_be_cancelled(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    meetings.start_minutes(session, meeting)
    with pytest.raises(UserError, match="planerat"):
        cancel_meeting(session, meeting, on=date(2027, 3, 1))


def test_two_databases_never_share_a_uid(tmp_path: Path) -> None:
    uids = []
    for name in ("a.sqlite", "b.sqlite"):
        db = open_database(tmp_path / name)
        with db.session() as s:
            meeting, _ = _setup(s)
            assert meeting == 1
            _, event = _event(s, meeting)
            uids.append(str(event["UID"]))
        db.close()
    assert uids[0] != uids[1]


def test_without_an_organizer_address_the_request_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group])
    with pytest.raises(UserError, match="Avsändare för e-post"):
        invitation(session, meeting)
    # The coordinator's own address in the register will do.
    settings.set_value(session, "coordinator_name", "Maja Lindqvist")
    make_person(session, name="Maja Lindqvist", email="maja@example.org")
    _, event = _event(session, meeting)
    assert str(event["ORGANIZER"]) == "mailto:maja@example.org"


def test_a_meeting_nobody_can_be_invited_to_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    settings.set_value(session, "sender_email", ORGANIZER)
    group, _ = make_group_with_members(session, 0)
    meeting = make_meeting(session, group_ids=[group])
    with pytest.raises(UserError, match="e-postadress"):
        invitation_ics(invitation(session, meeting))


def test_an_unrecorded_invitation_leaves_the_sequence_for_the_next(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    first = invitation(session, meeting).sequence
    meetings.update_meeting(session, meeting, place="Biblioteket")
    peek = invitation(session, meeting, record=False).sequence
    assert peek == invitation(session, meeting).sequence > first


def test_a_cancelled_meeting_says_so_in_lists_and_on_the_wheel(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    cancel_meeting(session, meeting, on=date(2027, 3, 1))
    [summary] = [m for m in meetings.list_meetings(session) if m.id == meeting]
    assert summary.cancelled_on == date(2027, 3, 1)
    assert summary.status_label == "Inställt"
    items = meetings_calendar.calendar_items(session, date(2027, 1, 1), date(2027, 12, 31))
    [item] = [i for i in items if i.key == f"meeting:{meeting}"]
    assert item.title == "Inställt: Klara-gruppen"
    restore_meeting(session, meeting)
    assert meetings.get_meeting(session, meeting).status_label == "Planerat"


def test_the_organizer_on_the_list_has_accepted(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _ = _setup(session)
    coordinator = make_person(session, name="Maja Lindqvist", email=ORGANIZER.upper())
    meetings_attendance.add_attendee(session, meeting, person_id=coordinator)
    _, event = _event(session, meeting)
    attendees = _attendees(event)
    own = attendees[ORGANIZER.upper()]
    assert (own.params["PARTSTAT"], own.params["RSVP"]) == ("ACCEPTED", "FALSE")
    others = [a for email, a in attendees.items() if email != ORGANIZER.upper()]
    assert len(others) == 3 and all(a.params["PARTSTAT"] == "NEEDS-ACTION" for a in others)
