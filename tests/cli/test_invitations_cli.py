"""`export invite` on the example data writes a meeting request (RFC 5546), not a feed."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from trygghetsrad.cli import main
from trygghetsrad.services import register
from trygghetsrad.services.meetings.attendance import list_attendance
from trygghetsrad.services.meetings.lifecycle import list_meetings


def test_invite_of_a_planned_meeting_is_a_request(
    demo_database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    with demo_database.session() as s:
        emails = {p.id: p.email for p in register.list_people(s)}
        planned = [m for m in list_meetings(s) if m.status.value == "planned"]
        assert planned
        meeting = planned[0].id
        expected = {
            emails[a.person_id].lower()
            for a in list_attendance(s, meeting)
            if a.person_id and emails.get(a.person_id)
        }
    demo_database.close()
    out = tmp_path / "möte.ics"
    assert main(["--db", str(path), "export", "invite", str(meeting), str(out)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["METHOD"]) == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(event["ORGANIZER"]).startswith("mailto:")
    attendees = event["ATTENDEE"]
    found = [str(a).removeprefix("mailto:").lower() for a in attendees]
    assert sorted(found) == sorted(expected) and len(found) > 3
    # The same meeting exported again: same UID, same SEQUENCE (nothing changed).
    again = tmp_path / "igen.ics"
    assert main(["--db", str(path), "export", "invite", str(meeting), str(again)]) == 0
    [second] = icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    assert (str(second["UID"]), int(second["SEQUENCE"])) == (
        str(event["UID"]),
        int(event["SEQUENCE"]),
    )
    capsys.readouterr()
    assert main(["--db", str(path), "list", "meetings", "--json"]) == 0
    assert any(m["id"] == meeting for m in json.loads(capsys.readouterr().out))
