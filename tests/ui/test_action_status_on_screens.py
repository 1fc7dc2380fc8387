"""An action reads the same in every list that shows its status: the status the user gave
("Öppen"), and ", försenad" while it is open past its due date. The trial found the same
overdue action "Försenat" in Uppdrag and "Öppen" in the meeting's follow-up list."""

from __future__ import annotations

from datetime import date, timedelta

from factories import make_group
from factories_meetings import make_action, make_item
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.actions.models import STATUS
from trygghetsrad.ui.actions.page import ActionsPage
from trygghetsrad.ui.meetings.page import MeetingsPage

LAST_YEAR = date.today() - timedelta(days=365)


def _click_index(view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _click_meeting(page, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(meeting_id), 0)).row()
    _click_index(page.table, page.proxy.index(row, 0))
    assert page.meeting is not None and page.meeting.id == meeting_id


def test_an_overdue_action_reads_the_same_in_uppdrag_and_in_the_meeting(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        first = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
        meetings.start_minutes(s, first)
        make_action(
            s,
            make_item(s, first, title="Kameror"),
            what="Remiss om kameraövervakning",
            due_date=LAST_YEAR + timedelta(days=30),
        )
        meetings.finalise(s, first, on=LAST_YEAR)
        second = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, second, title="Lägesbild")

    actions_page = ActionsPage(ctx)
    qtbot.addWidget(actions_page)
    actions_page.resize(1366, 768)
    actions_page.show()
    actions_page.wait_loaded()
    model = actions_page.model
    [row] = [r for r in range(model.rowCount()) if "Remiss" in model.index(r, 0).data()]
    in_uppdrag = model.index(row, STATUS).data()

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    # At the next meeting, in its follow-up list.
    _click_meeting(page, second)
    agenda = page.agenda
    QTest.mouseClick(agenda.followup_apart_button, Qt.MouseButton.LeftButton)
    followup = agenda.followup_model
    in_followup = followup.index(0, followup.columnCount() - 1).data()
    # At the meeting that gave it, under its agenda item.
    _click_meeting(page, first)
    _click_index(agenda.list, agenda.model.index(0))
    actions = agenda.action_model
    under_item = actions.index(0, actions.columnCount() - 1).data()

    assert in_uppdrag == "Öppen, försenad"
    assert in_followup.startswith("Öppen, försenad")
    assert under_item == "Öppen, försenad"
