"""An attachment whose title is its file's name is listed by that name once."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from factories_meetings import make_group_with_members, open_meetings_page

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.services import attachments
from trygghetsrad.services.meetings import lifecycle as meetings


def test_an_attachment_named_by_its_file_shows_the_name_once(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2, name="Klara-gruppen")
        meeting_id = meetings.create_meeting(
            s, group_ids=[group], day=date(2026, 3, 9), start_time=time(13), end_time=time(15)
        ).id
    page = open_meetings_page(qtbot, ctx, meeting_id)
    plain = tmp_path / "X.txt"
    plain.write_bytes(b"12345")
    page.attachments.add_files([plain])
    with ctx.database.session() as s:
        attachments.add_attachment(
            s, OwnerKind.MEETING, meeting_id, filename="rapport.pdf", data=b"123", title="Rapport"
        )
    page.attachments.reload()
    rows = [page.attachments.list.item(r).text() for r in range(page.attachments.list.count())]
    assert rows == ["X.txt (5 byte)", "Rapport (3 byte)"]
    assert "rapport.pdf" in page.attachments.list.item(1).toolTip()
