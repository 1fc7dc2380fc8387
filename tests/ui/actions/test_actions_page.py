"""Uppdrag, the register of every action and decision, driven like a user: filters chosen
with the mouse, a header click sorts, "Visa i mötet" opens the meeting at the action,
"Markera klart" and Ctrl+Z, a new date and a comment, reminders written and read back."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from combo_clicks import choose
from demo_template import DEMO_DATE
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QTableView

from trygghetsrad.domain.actions.register import ActionFilter, RegisterAction
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.services import register
from trygghetsrad.services.actions.register import register_actions, register_decisions
from trygghetsrad.services.actions.reminders import reminders
from trygghetsrad.ui.actions.edits import short
from trygghetsrad.ui.actions.models import DUE, STATUS
from trygghetsrad.ui.widgets.roles import Role

EVERYTHING = ActionFilter(include_internal=True)
# A combo's popup asks the offscreen platform for things it does not do; harmless here.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def _shown(page) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    proxy = page.model
    return {proxy.index(r, 0).data(Role.KEY) for r in range(proxy.rowCount())}


def _keys(actions: list[RegisterAction], decisions: list = ()) -> set[tuple[str, int]]:  # type: ignore[assignment,type-arg]
    return {("action", a.id) for a in actions} | {("decision", d.id) for d in decisions}


def _click_row(view: QTableView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _row_of(page, key: tuple[str, int]) -> int:  # type: ignore[no-untyped-def]
    return next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(Role.KEY) == key
    )


def test_the_page_lists_every_action_and_decision(page, demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        everything = _keys(register_actions(s, EVERYTHING), register_decisions(s, EVERYTHING))
    assert _shown(page) == everything
    assert any(kind == "decision" for kind, _id in everything)
    assert page.count.text().startswith(f"{len(everything)} av {len(everything)} visas")


def test_filters_chosen_with_the_mouse_match_the_service(page, qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        person = next(p for p in register.list_people(s) if p.name == "Amira Haddad")
        group = next(g for g in register.list_groups(s) if g.name == "Klara-gruppen")

        def expected(criteria: ActionFilter) -> set[tuple[str, int]]:
            return _keys(register_actions(s, criteria, today=DEMO_DATE))

        choose(qtbot, page.status, "Öppna")
        assert _shown(page) == expected(
            ActionFilter(status=ActionStatus.OPEN, include_internal=True)
        )
        choose(qtbot, page.due, "Försenade")
        late = expected(ActionFilter(overdue=True, include_internal=True))
        assert late and _shown(page) == late
        assert all(
            page.model.index(r, STATUS).data() == "Öppen, försenad"
            for r in range(page.model.rowCount())
        )
        choose(qtbot, page.due, "Alla datum")
        choose(qtbot, page.responsible, person.name)
        mine = expected(
            ActionFilter(person_id=person.id, status=ActionStatus.OPEN, include_internal=True)
        )
        assert mine and _shown(page) == mine
        QTest.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
        choose(qtbot, page.group, group.name)
        choose(qtbot, page.kinds, "Bara uppdrag")
        assert _shown(page) == expected(ActionFilter(group_id=group.id, include_internal=True))
        # A period typed into the date fields: meetings from 2026 on.
        page.start.setFocus()
        QTest.keyClicks(page.start, "2026-01-01")
        qtbot.waitUntil(
            lambda: (
                _shown(page)
                == expected(
                    ActionFilter(
                        group_id=group.id,
                        start=DEMO_DATE.replace(month=1, day=1),
                        include_internal=True,
                    )
                )
            )
        )


def test_a_header_click_sorts_by_due_date(page) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(DUE) + header.sectionSize(DUE) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == DUE
    order = header.sortIndicatorOrder()
    days = [page.model.index(r, 0).data(Role.RECORD) for r in range(page.model.rowCount())]
    dated = [getattr(r, "due_date", None) for r in days]
    present = [d for d in dated if d is not None]
    wanted = sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)
    assert present == wanted
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() != order


def test_show_in_meeting_opens_the_meeting_at_the_action(page, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, page.kinds, "Bara uppdrag")
    _click_row(page.table, 3)
    action = page.current()
    assert isinstance(action, RegisterAction)
    QTest.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    meetings = window.page("meetings")
    assert window.tabs.currentWidget().key == "meetings"
    assert meetings.meeting is not None and meetings.meeting.id == action.meeting_id
    selected = meetings.agenda.actions.currentIndex()
    assert meetings.agenda.action_model.record_at(selected.row()).id == action.id


def test_close_an_action_then_ctrl_z_puts_it_back(page, window, qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, page.due, "Försenade")
    _click_row(page.table, 0)
    action = page.current()
    assert action.status is ActionStatus.OPEN
    QTest.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading)
    with demo_database.session() as s:
        after = next(a for a in register_actions(s, EVERYTHING) if a.id == action.id)
    assert (after.status, after.closed_on) == (ActionStatus.DONE, DEMO_DATE)
    assert ("action", action.id) not in _shown(page)  # no longer late
    assert page.undo_stack.undoText() == f"Markera ”{short(action.what)}” som klart"
    page.table.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.loading and ("action", action.id) in _shown(page))
    with demo_database.session() as s:
        back = next(a for a in register_actions(s, EVERYTHING) if a.id == action.id)
    assert (back.status, back.closed_on) == (ActionStatus.OPEN, None)


def test_redate_and_comment_from_the_register(page, qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.actions.register import comment_meeting, current_comment

    choose(qtbot, page.status, "Öppna")
    choose(qtbot, page.group, "Trygghetsrådet")
    _click_row(page.table, 0)
    action = page.current()
    dialog = page.redate_action()
    dialog.due.edit.setText("2027-02-30")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("due_date")  # no such day: said at the field, nothing stored
    dialog.due.edit.setText("2027-03-15")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading)
    with demo_database.session() as s:
        moved = next(a for a in register_actions(s, EVERYTHING) if a.id == action.id)
    assert str(moved.due_date) == "2027-03-15"
    page.select_key(("action", action.id))
    dialog = page.comment_action()
    assert dialog is not None
    dialog.text.setPlainText("Påbörjat, klart i mars")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with demo_database.session() as s:
        meeting_id, _name = comment_meeting(s, action.id)
        assert current_comment(s, action.id, meeting_id) == "Påbörjat, klart i mars"
    page.undo_stack.undo()
    with demo_database.session() as s:
        assert current_comment(s, action.id, meeting_id) == ""


def _drafts(folder: Path) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


def _about_actions(msg: email.message.EmailMessage) -> bool:
    return "uppdrag" in str(msg["Subject"])


def test_reminders_for_everyone_and_the_summary(
    page, qtbot, tmp_path, monkeypatch, demo_database
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Påminnelser"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page.fill_reminders_menu()
    everyone = next(a for a in page.reminders_menu.actions() if a.text() == "Till alla…")
    everyone.trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    summary = page.dialog
    with demo_database.session() as s:
        expected = reminders(s, today=DEMO_DATE)
    drafts = _drafts(folder)
    total = len(expected.actions) + len(expected.deliveries)
    assert len(list(folder.glob("*.eml"))) == total > 0
    assert summary.heading.text() == f"{total} e-postutkast skrevs i mappen"
    missing = [summary.missing.item(i).text() for i in range(summary.missing.count())]
    assert missing == list(expected.without_address) and missing
    for reminder in expected.actions:
        msg = next(m for m in drafts if reminder.email in str(m["To"]) and _about_actions(m))
        assert msg["X-Unsent"] == "1"
        body = msg.get_body(("plain",)).get_content()
        bullets = [line for line in body.splitlines() if line.startswith("• ")]
        assert [b.split(" (")[0][2:] for b in bullets] == [a.what for a in reminder.actions]
    late = sorted(str(m["To"]) for m in drafts if not _about_actions(m))
    assert late == sorted(f"{d.name} <{d.email}>" for d in expected.deliveries)
    QTest.mouseClick(summary.open_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(folder)]


def test_a_reminder_for_the_selected_rows_person(page, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "en"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    choose(qtbot, page.status, "Öppna")
    choose(qtbot, page.responsible, "Amira Haddad")
    _click_row(page.table, 0)
    page.fill_reminders_menu()
    one = next(a for a in page.reminders_menu.actions() if a.text() == "Till Amira Haddad…")
    one.trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    drafts = _drafts(folder)
    assert [str(m["To"]) for m in drafts] == ["Amira Haddad <amira.haddad@example.org>"]
    body = drafts[0].get_body(("plain",)).get_content()
    shown = {page.model.index(r, 0).data(Role.RECORD).what for r in range(page.model.rowCount())}
    assert {line.split(" (")[0][2:] for line in body.splitlines() if line.startswith("• ")} == shown
    assert page.dialog.heading.text() == "1 e-postutkast skrevs i mappen"
