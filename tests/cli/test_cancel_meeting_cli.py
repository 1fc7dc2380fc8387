"""`cancel meeting`: a planned meeting is called off, its invitation becomes a cancellation
(METHOD:CANCEL, same UID, higher SEQUENCE); `--undo` holds it after all; a meeting that
already has minutes is refused with exit code 2 and nothing changed."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database
from trygghetsrad.services.meetings.lifecycle import list_meetings


def _event(path: Path) -> tuple[str, icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    [event] = cal.walk("VEVENT")
    return str(cal["METHOD"]), event


def test_cancel_and_undo_a_planned_meeting(
    demo_database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    with demo_database.session() as s:
        meetings = list_meetings(s)
    demo_database.close()
    planned = next(m for m in meetings if m.status.value == "planned")
    held = next(m for m in meetings if m.status.value in ("finalised", "sent"))
    db = ["--db", str(path)]
    first = tmp_path / "inbjudan.ics"
    assert main([*db, "export", "invite", str(planned.id), str(first)]) == 0
    method, request = _event(first)
    assert method == "REQUEST"

    capsys.readouterr()
    assert main([*db, "cancel", "meeting", str(planned.id)]) == 0
    assert "är inställt" in capsys.readouterr().out
    cancelled = tmp_path / "avbokning.ics"
    assert main([*db, "export", "invite", str(planned.id), str(cancelled)]) == 0
    method, cancel = _event(cancelled)
    assert method == "CANCEL"
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(cancel["UID"]) == str(request["UID"])
    assert int(cancel["SEQUENCE"]) > int(request["SEQUENCE"])
    check = open_database(path)
    with check.session() as s:
        assert next(m for m in list_meetings(s) if m.id == planned.id).cancelled_on is not None
    check.close()

    assert main([*db, "cancel", "meeting", str(planned.id)]) == 2
    assert "redan inställt" in capsys.readouterr().err
    assert main([*db, "cancel", "meeting", str(planned.id), "--undo"]) == 0
    again = tmp_path / "igen.ics"
    assert main([*db, "export", "invite", str(planned.id), str(again)]) == 0
    method, restored = _event(again)
    assert method == "REQUEST" and int(restored["SEQUENCE"]) > int(cancel["SEQUENCE"])

    capsys.readouterr()
    assert main([*db, "cancel", "meeting", str(held.id)]) == 2
    assert "Bara ett planerat möte kan ställas in" in capsys.readouterr().err
    check = open_database(path)
    with check.session() as s:
        assert next(m for m in list_meetings(s) if m.id == held.id).cancelled_on is None
    check.close()
