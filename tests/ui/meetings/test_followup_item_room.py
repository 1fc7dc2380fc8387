"""The follow-up list inside an agenda item "Uppföljning av uppdrag" at 1366×768: several
actions in view, and the buttons stay where they are when a chosen action's details (given
when, comments) are shown, so the next click lands on the button aimed at."""

from __future__ import annotations

import os
from datetime import date, timedelta

from factories import make_group, make_person
from factories_meetings import make_action, make_item, open_meetings_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.meetings.model import ItemKind
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings

LAST_YEAR = date.today() - timedelta(days=365)


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_the_followup_item_shows_the_actions_and_keeps_its_buttons_still(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        first = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
        meetings.start_minutes(s, first)
        origin = make_item(s, first, title="Polisens lägesbild och trygghetsvandringar")
        person = make_person(s, name="Maja Lindqvist")
        actions = [
            make_action(
                s,
                origin,
                what=f"Uppdrag {n}: kartlägga belysningen på gång- och cykelvägarna i Norrby "
                "och begära in synpunkter från fastighetsägarna",
                responsible_person_id=person,
                due_date=LAST_YEAR + timedelta(days=60),
            )
            for n in range(6)
        ]
        meetings.finalise(s, first, on=LAST_YEAR)
        second = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, second, title="Mötets öppnande")
        meetings_agenda.add_item(s, second, title="Uppföljning av uppdrag", kind=ItemKind.FOLLOWUP)
        meetings_actions.set_progress_comment(
            s, actions[1], second, "Remissen bereds av kommunstyrelsen i januari."
        )
    page = open_meetings_page(qtbot, ctx, second)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    _click_row(agenda.list, 1)
    assert agenda.followup_box.isVisible()
    view = agenda.followup
    qtbot.wait(50)
    in_view = [
        r
        for r in range(agenda.followup_model.rowCount())
        if view.viewport().rect().contains(view.visualRect(view.model().index(r, 0)))
    ]
    assert len(in_view) >= 3, f"{len(in_view)} rows in view of a {view.height()} px table"
    button = agenda.comment_button
    where = button.mapTo(page, button.rect().center())
    _click_row(view, 1)  # given when, and a comment: more lines of details
    assert "Kommentar: Remissen" in agenda.followup_detail.text()
    qtbot.wait(50)
    page.grab().save(os.environ.get("FOLLOWUP_SHOT", "/tmp/fixc-followup.png"))
    assert button.mapTo(page, button.rect().center()) == where
    _click_row(view, 0)
    qtbot.wait(50)
    assert button.mapTo(page, button.rect().center()) == where
