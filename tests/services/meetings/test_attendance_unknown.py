"""Attendance is unknown until the coordinator marks it: a planned meeting's draft minutes
never claim that anyone was present, and marking everyone at once is one step."""

from __future__ import annotations

from datetime import date

from factories import make_membership, make_person
from factories_meetings import make_group_with_members, make_meeting, pdf_text

from trygghetsrad.domain.meetings.attendance_order import DEFAULT_ORDER, parse_order
from trygghetsrad.domain.meetings.model import Presence
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def test_a_new_meeting_lists_its_members_with_unknown_attendance(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session, 3)
    meeting = make_meeting(session, group_ids=[group])
    rows = attendance.list_attendance(session, meeting)
    assert len(rows) == 3
    assert {r.presence for r in rows} == {Presence.UNKNOWN}
    assert {r.label for r in rows} == {"ej angiven"}
    assert not any(r.presence.attended for r in rows)


def test_draft_minutes_of_a_planned_meeting_print_no_presence(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group])
    text = pdf_text(minutes_pdf(meeting_document(session, meeting)))
    assert "Närvarande" not in text
    assert "Närvaro ej angiven" in text
    # The notice lists no one's presence either.
    assert "Närvarande" not in pdf_text(notice_pdf(meeting_document(session, meeting)))


def test_marking_the_rest_present_keeps_what_was_recorded(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 3)
    co_opted = make_person(session, name="Adjungerad Person")
    make_membership(session, group_id=group, person_id=co_opted, role="adjungerad")
    meeting = make_meeting(session, group_ids=[group])
    rows = {r.person_id: r.id for r in attendance.list_attendance(session, meeting)}
    attendance.set_presence(session, rows[people[1]], Presence.EXCUSED)
    attendance.mark_unrecorded_present(session, meeting)
    after = {r.person_id: r.presence for r in attendance.list_attendance(session, meeting)}
    assert after == {
        people[0]: Presence.PRESENT,
        people[1]: Presence.EXCUSED,
        people[2]: Presence.PRESENT,
        co_opted: Presence.GUEST,
    }
    text = pdf_text(minutes_pdf(meeting_document(session, meeting)))
    assert "Närvaro ej angiven" not in text
    assert "Närvarande" in text and "Anmält förhinder" in text


def test_statistics_count_only_recorded_attendance(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 2)
    held = make_meeting(session, group_ids=[group], day=date(2026, 3, 1))
    meetings.start_minutes(session, held)
    stats = attendance.attendance_by_person(session, 2026)
    assert stats == []  # nothing recorded: no rate of 0 % for anyone
    attendance.mark_unrecorded_present(session, held)
    stats = attendance.attendance_by_person(session, 2026)
    assert {(s.meetings, s.present) for s in stats} == {(1, 1)}


def test_the_unknown_state_comes_last_in_every_stored_order() -> None:
    assert DEFAULT_ORDER[-1] is Presence.UNKNOWN
    # An order saved before the unknown state existed still lists it, last.
    assert parse_order("guest,present,substitute,excused,absent")[-1] is Presence.UNKNOWN


def test_export_and_import_keep_unknown_and_recorded_attendance(session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import portable

    group, people = make_group_with_members(session, 3)
    meeting = make_meeting(session, group_ids=[group])
    rows = {r.person_id: r.id for r in attendance.list_attendance(session, meeting)}
    attendance.set_presence(session, rows[people[0]], Presence.PRESENT)
    attendance.set_presence(session, rows[people[1]], Presence.EXCUSED)
    session.commit()
    document = portable.export_data(session)
    stored = [r["presence"] for r in document["tables"]["attendance"]]
    assert sorted(stored) == ["excused", "present", "unknown"]
    # A file that leaves the presence out says nothing about it: imported as unknown.
    del document["tables"]["attendance"][0]["presence"]
    target = open_database(tmp_path / "kopia.sqlite")
    try:
        with target.session() as s:
            portable.import_data(s, document)
        with target.session() as s:
            imported = {r.person_id: r.presence for r in attendance.list_attendance(s, meeting)}
    finally:
        target.close()
    first = document["tables"]["attendance"][0]["person_id"]
    assert imported[first] is Presence.UNKNOWN
    assert sorted(p.value for p in imported.values()) == sorted(
        ["unknown", *[v for v in stored[1:]]]
    )


def test_the_example_data_keeps_its_recorded_attendance(session) -> None:  # type: ignore[no-untyped-def]
    from factories_meetings import fill_meetings_demo

    fill_meetings_demo(session)
    for m in meetings.list_meetings(session):
        presences = {r.presence for r in attendance.list_attendance(session, m.id)}
        if m.status.value == "planned":
            assert presences == {Presence.UNKNOWN}, m.day
        else:  # held: every member marked, some excused or absent as before
            assert Presence.UNKNOWN not in presences, m.day
            assert Presence.PRESENT in presences, m.day
