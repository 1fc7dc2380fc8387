"""Erasing a person's personal data, and exporting everything held about them."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_group, make_membership, make_person

from trygghetsrad.db.models.meetings import Attendance, Meeting
from trygghetsrad.db.models.register import Person
from trygghetsrad.errors import UserError
from trygghetsrad.services import privacy, register


def _meeting(session, status: str, person_id: int) -> int:  # type: ignore[no-untyped-def]
    meeting = Meeting(title="Trygghetsrådet", status=status, day=date(2026, 5, 11))
    meeting.chair_id = person_id
    session.add(meeting)
    session.flush()
    session.add(Attendance(meeting_id=meeting.id, person_id=person_id, presence="present"))
    session.flush()
    return meeting.id


def test_a_person_only_in_the_register_is_anonymised(session) -> None:  # type: ignore[no-untyped-def]
    person = make_person(session, name="Åsa Öberg", email="asa@example.org", phone="070-123")
    make_membership(session, person_id=person, group_id=make_group(session))
    privacy.erase_person(session, person)
    data = register.get_person(session, person)
    assert (data.name, data.email, data.phone, data.title) == ("Borttagen person", "", "", "")
    assert register.list_memberships(session, person_id=person) == []


def test_public_minutes_keep_the_name_and_drafts_get_borttagen_person(session) -> None:  # type: ignore[no-untyped-def]
    person = make_person(session, name="Per Polis", email="per@polisen.se", phone="114 14")
    sent = _meeting(session, "sent", person)
    draft = _meeting(session, "draft", person)
    preview = privacy.preview(session, person)
    assert preview.public_references == 2  # chair + attendance of the sent minutes
    assert preview.other_references == 2
    assert "allmänna handlingar" in preview.confirmation()
    privacy.erase_person(session, person)
    kept = session.get(Person, person)
    assert kept.name == "Per Polis" and kept.email == "" and kept.phone == ""
    assert session.get(Meeting, sent).chair_id == person
    draft_chair = session.get(Person, session.get(Meeting, draft).chair_id)
    assert draft_chair.id != person and draft_chair.name == "Borttagen person"
    draft_attendance = session.query(Attendance).filter_by(meeting_id=draft).one()
    assert draft_attendance.person_id == draft_chair.id
    # Nothing else points at the original person any more except the public record.
    refs = privacy.references(session, person)
    assert refs and all(r.public for r in refs)


def test_export_person_contains_everything_that_points_at_them(session) -> None:  # type: ignore[no-untyped-def]
    person = make_person(session, name="Lisa Larsson", email="lisa@example.org")
    make_membership(session, person_id=person, group_id=make_group(session))
    _meeting(session, "draft", person)
    document = privacy.export_person(session, person)
    assert document["person"]["email"] == "lisa@example.org"
    assert len(document["references"]["memberships"]) == 1
    assert len(document["references"]["attendance"]) == 1
    assert len(document["references"]["meetings"]) == 1


def test_unknown_person_is_a_clear_error(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="finns inte"):
        privacy.erase_person(session, 4711)
