"""The question before calling off a meeting names it by its group and day.

A new user read "Ställa in Protokoll Trygghetsrådet?": the document's title, not which
meeting. It says "Trygghetsrådet, 10 december 2026", as the meeting list names it."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from factories_meetings import make_group_with_members, open_meetings_page
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.domain.meetings.model import MeetingKind, MeetingStatus
from trygghetsrad.services.meetings import lifecycle as meetings


def test_the_cancel_question_names_group_and_day(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Trygghetsrådet")
        meeting = meetings.create_meeting(
            s,
            group_ids=[group],
            day=date(2026, 12, 10),
            start_time=time(13),
            kind=MeetingKind.PROTOCOL,
        ).id
    page = open_meetings_page(qtbot, ctx, meeting)
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    assert page.cancel_meeting() is False
    first_line = asked[0].splitlines()[0]
    assert first_line == "Ställa in mötet Trygghetsrådet, 10 december 2026?"
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting).status is MeetingStatus.PLANNED
