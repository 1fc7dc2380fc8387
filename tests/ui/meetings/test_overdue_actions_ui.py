"""An open action past its due date reads the same in Möten as in Uppdrag: its date and its
status in the error red, under its agenda item and in the follow-up of a later meeting; a
done one is grey."""

from __future__ import annotations

from datetime import date, timedelta

from factories import make_group
from factories_meetings import make_action, make_item
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings

LAST_YEAR = date.today() - timedelta(days=365)
RED = "#a4262c"  # the error text colour, as the Uppdrag page shows a late action
GREY = "#5d6873"


def _click_cell(view, index) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _colours(model, row: int) -> list[str | None]:  # type: ignore[no-untyped-def]
    out = []
    for column in range(model.columnCount()):
        brush = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
        out.append(None if brush is None else brush.name())
    return out


def _meetings(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        first = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
        meetings.start_minutes(s, first)
        item = make_item(s, first)
        make_action(s, item, what="Remiss om kameraövervakning", due_date=LAST_YEAR)
        make_action(s, item, what="Klotterplank", due_date=LAST_YEAR, status="done")
        make_action(s, item, what="Belysning", due_date=date.today() + timedelta(days=30))
        meetings.finalise(s, first, on=LAST_YEAR)
        second = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, second, title="Lägesbild")
    return first, second


def _row(model, what: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if what in model.index(r, 0).data())


def test_a_late_action_is_red_under_its_item(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    first, _second = _meetings(ctx)
    page.reload()
    page.select_meeting(first)
    agenda = page.agenda
    _click_cell(agenda.list, agenda.model.index(0))
    model = agenda.action_model
    assert model.rowCount() == 3
    _click_cell(agenda.actions, model.index(_row(model, "Remiss"), 0))
    assert _colours(model, _row(model, "Remiss")) == [None, None, RED, RED]
    assert _colours(model, _row(model, "Klotterplank")) == [GREY] * 4
    assert _colours(model, _row(model, "Belysning")) == [None] * 4


def test_a_late_action_is_red_in_the_follow_up(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    _first, second = _meetings(ctx)
    page.reload()
    page.select_meeting(second)
    agenda = page.agenda
    QTest.mouseClick(agenda.followup_apart_button, Qt.MouseButton.LeftButton)
    model = agenda.followup_model
    late = _row(model, "Remiss")
    _click_cell(agenda.followup, model.index(late, 0))
    assert _colours(model, late) == [None, None, RED, RED]
    assert _colours(model, _row(model, "Belysning")) == [None] * 4
