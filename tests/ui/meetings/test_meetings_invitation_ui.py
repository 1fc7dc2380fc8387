"""The invitation exported from the Möten page is a meeting request (RFC 5546), and one the
coordinator cannot send yet (no organizer address) is refused with a clear message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
from factories_meetings import make_group_with_members, make_meeting, open_meetings_page

from trygghetsrad.services import settings


def _page(qtbot, ctx, *, sender: str):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        if sender:
            settings.set_value(s, "coordinator_name", "Maja Lindqvist")
            settings.set_value(s, "sender_email", sender)
        group, _people = make_group_with_members(s, 3, name="Trygghetsrådet")
        meeting = make_meeting(s, group_ids=[group], day=date(2027, 2, 11))
    return open_meetings_page(qtbot, ctx, meeting, size=(1366, 700))


def test_invitation_from_the_window_is_a_request(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ctx, sender="trygghet@storaker.se")
    target = tmp_path / "möte.ics"
    page.export("invite", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert str(cal["METHOD"]) == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:trygghet@storaker.se"
    assert len(event["ATTENDEE"]) == 3


def test_invitation_without_an_organizer_is_refused_on_screen(
    qtbot, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    page = _page(qtbot, ctx, sender="")
    target = tmp_path / "möte.ics"
    page.export("invite", target)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "Avsändare för e-post" in shown[0]
    assert not target.exists()
