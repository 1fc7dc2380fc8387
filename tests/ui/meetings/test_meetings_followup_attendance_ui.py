"""The Möten tab, driven by mouse and keys: a meeting entered after the fact gets its members
(Närvaro explains an empty list and follows membership changes), and a meeting whose agenda
was typed by hand still shows the group's open actions for follow-up, with a comment."""

from __future__ import annotations

from datetime import date, timedelta

from factories import make_group, make_membership, make_person
from factories_meetings import make_action, make_item
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.changes import REGISTER, Changes
from trygghetsrad.services import register
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings

LAST_YEAR = date.today() - timedelta(days=365)


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _click(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _group_joined_today(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Klara-gruppen")
        person = make_person(s, name="Åsa Öberg")
        membership = make_membership(s, group_id=group, person_id=person, from_date=date.today())
        meeting = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
    return group, person, membership, meeting


def test_an_empty_attendance_list_explains_itself_and_offers_the_members(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    _group, person, _membership, meeting = _group_joined_today(ctx)
    page.reload()
    page.select_meeting(meeting)
    page.tabs.setCurrentWidget(page.attendance_tab)
    panel = page.attendance
    assert panel.model.rowCount() == 0
    assert panel.empty_box.isVisible()
    assert "Åsa Öberg" in panel.empty_label.text()
    assert panel.members_button.isVisible()
    _click(panel.members_button)
    assert [r.person_id for r in panel.model.rows()] == [person]
    assert not panel.empty_box.isVisible()
    with ctx.database.session() as s:
        [m] = register.list_memberships(s, person_id=person)
    assert m.from_date == LAST_YEAR


def test_the_list_follows_a_membership_fixed_in_the_register(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    group, person, membership, meeting = _group_joined_today(ctx)
    page.reload()
    page.select_meeting(meeting)
    assert page.attendance.model.rowCount() == 0
    with ctx.database.session() as s:
        register.update_membership(
            s, membership, role="ledamot", from_date=LAST_YEAR - timedelta(days=30)
        )
    ctx.events.changed(Changes.of(REGISTER))
    assert [r.person_id for r in page.attendance.model.rows()] == [person]


def test_a_hand_made_agenda_shows_the_open_actions_and_takes_a_comment(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        first = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
        meetings.start_minutes(s, first)
        action = make_action(s, make_item(s, first), what="Remiss om kameraövervakning")
        meetings.finalise(s, first, on=LAST_YEAR)
        second = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, second, title="Lägesbild")
    page.reload()
    page.select_meeting(second)
    agenda = page.agenda
    button = agenda.followup_apart_button
    assert button.isVisible() and "(1)" in button.text()
    _click(button)
    assert agenda.followup_box.isVisible() and not agenda.notes.isVisible()
    view = agenda.followup
    index = agenda.followup_model.index(0, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert "Remiss om kameraövervakning" in index.data()
    _click(agenda.comment_button)
    dialog = agenda.comment_dialog
    dialog.comment.setFocus()
    _type(dialog.comment, "remissen bereds av kommunstyrelsen")
    QTest.keyClick(dialog.comment, Qt.Key.Key_Return)
    with ctx.database.session() as s:
        [followed] = meetings_actions.followup(s, second)
    assert (followed.id, followed.comment) == (action, "remissen bereds av kommunstyrelsen")
    assert agenda.followup_box.isVisible()  # still in the follow-up after the save
    assert "Kommentar: remissen bereds av kommunstyrelsen" in agenda.followup_detail.text()
    # Choosing an item brings the item's own fields back.
    item_index = agenda.model.index(0)
    QTest.mouseClick(
        agenda.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=agenda.list.visualRect(item_index).center(),
    )
    assert agenda.notes.isVisible() and not agenda.followup_box.isVisible()


def test_a_finalised_meeting_offers_no_follow_up_changes(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        first = meetings.create_meeting(s, group_ids=[group], day=LAST_YEAR).id
        meetings.start_minutes(s, first)
        action = make_action(s, make_item(s, first), what="Remiss om kameraövervakning")
        meetings.finalise(s, first, on=LAST_YEAR)
        second = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, second, title="Lägesbild")
        meetings.start_minutes(s, second)
        meetings.finalise(s, second, on=date.today())
    page.reload()
    page.select_meeting(second)
    agenda = page.agenda
    _click(agenda.followup_apart_button)
    view = agenda.followup
    index = agenda.followup_model.index(0, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert "Remiss om kameraövervakning" in index.data()
    buttons = (
        agenda.close_followup_button,
        agenda.redate_followup_button,
        agenda.carry_followup_button,
        agenda.comment_button,
    )
    for button in buttons:
        assert button.isVisible() and not button.isEnabled()
        _click(button)
    assert getattr(agenda, "comment_dialog", None) is None
    assert getattr(agenda, "redate_dialog", None) is None
    with ctx.database.session() as s:
        [followed] = meetings_actions.followup(s, second)
    assert followed.id == action and not followed.comment
