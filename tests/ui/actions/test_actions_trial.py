"""What a new user's trial of Uppdrag found, driven like a user: reminder file names, the
reminder menu and the filters, an organisation without a contact person, columns after
filtering, row order after an edit, "Öppna igen" on sent minutes, an empty filter result."""

from __future__ import annotations

import email
from email import policy

import pytest
from combo_clicks import choose
from demo_template import DEMO_DATE
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_actions_page import _click_row

from trygghetsrad.domain.actions.reminders import ActionReminder, Reminders
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.export.meetings.reminders import reminder_files
from trygghetsrad.ui.actions.models import CARRIED, DUE, GROUP, MEETING, STATUS
from trygghetsrad.ui.widgets.roles import Role

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def _menu_entry(page, text: str):  # type: ignore[no-untyped-def]
    page.fill_reminders_menu()
    return next(a for a in page.reminders_menu.actions() if a.text() == text)


def test_reminder_files_are_named_by_person_without_an_internal_number(
    page, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Påminnelser"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    _menu_entry(page, "Till alla…").trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    names = sorted(p.name for p in folder.glob("*.eml"))
    assert "Påminnelse uppdrag Amira Haddad.eml" in names
    assert not [n for n in names if "(" in n], names


def test_two_people_of_the_same_name_get_a_suffix_only_then() -> None:
    same = [ActionReminder(pid, "Anna Berg", f"anna{pid}@example.org", ()) for pid in (3, 9)]
    other = ActionReminder(4, "Bo Ek", "bo@example.org", ())
    names = [n for n, _data in reminder_files(Reminders((*same, other), (), ()), today=DEMO_DATE)]
    assert names == [
        "Påminnelse uppdrag Anna Berg.eml",
        "Påminnelse uppdrag Anna Berg (2).eml",
        "Påminnelse uppdrag Bo Ek.eml",
    ]


def _row_of(page, what: str) -> int:  # type: ignore[no-untyped-def]
    return next(
        r
        for r in range(page.model.rowCount())
        if getattr(page.model.index(r, 0).data(Role.RECORD), "what", "") == what
    )


def test_reopening_an_action_closed_at_sent_minutes_names_the_meeting_and_opens_it(
    window, page, qtbot
) -> None:  # type: ignore[no-untyped-def]
    what = "Sammanställa dialogmaterialet från lägesbildsarbetet och presentera det"
    page.search.setText("dialogmaterialet")
    _click_row(page.table, _row_of(page, what))
    QTest.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, QMessageBox) and page.dialog.isVisible())
    box = page.dialog
    text = box.text()
    assert "Klara-gruppen, 8 maj 2025" in text, text
    assert "Möten" in text and "Öppna för ändring" in text, text
    show = next(b for b in box.buttons() if b.text() == "Visa mötet")
    QTest.mouseClick(show, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().key == "meetings")


def test_an_action_owned_by_an_organisation_only_says_why_no_reminder(
    page, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page.search.setText("skadegörelsekostnaderna")
    _click_row(page.table, _row_of(page, "Sammanställa skadegörelsekostnaderna för förra året"))
    page.fill_reminders_menu()
    greyed = [a for a in page.reminders_menu.actions() if not a.isEnabled() and a.text()]
    assert greyed, [a.text() for a in page.reminders_menu.actions()]
    assert "kontaktperson" in greyed[0].text() and "Storåkershem AB" in greyed[0].toolTip()
    assert page.reminders_menu.toolTipsVisible()
    page.search.setText("")
    folder = tmp_path / "alla"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    _menu_entry(page, "Till alla…").trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    missing = [page.dialog.missing.item(i).text() for i in range(page.dialog.missing.count())]
    line = next(m for m in missing if m.startswith("Storåkershem AB"))
    assert "ange en kontaktperson på uppdraget" in line, line


def test_reminders_to_everyone_shown_respect_the_filters(
    page, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, page.group, "Klara-gruppen")
    shown = [page.model.index(r, 0).data(Role.RECORD) for r in range(page.model.rowCount())]
    open_shown = {
        a.what for a in shown if getattr(a, "status", None) is ActionStatus.OPEN and not a.internal
    }
    labels = [a.text() for a in (page.fill_reminders_menu() or page.reminders_menu.actions())]
    assert "Till alla, oavsett filter…" in labels and "Till alla…" not in labels, labels
    folder = tmp_path / "visade"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    _menu_entry(page, "Till alla som visas…").trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    reminded = set()
    for path in folder.glob("*.eml"):
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert "uppdrag" in str(msg["Subject"])  # late deliveries are not in the list shown
        body = msg.get_body(("plain",)).get_content()
        reminded |= {x.split(" (")[0][2:] for x in body.splitlines() if x.startswith("• ")}
    assert reminded and reminded <= open_shown


def test_filters_that_leave_nothing_say_so_and_offer_to_show_everything(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = page.model.rowCount()
    choose(qtbot, page.due, "Klart inom 7 dagar")
    QTest.keyClicks(page.search, "ingetsådantuppdrag")
    assert page.model.rowCount() == 0
    qtbot.waitUntil(lambda: page.no_match.isVisible())
    assert "Inga uppdrag matchar filtren" in page.no_match.accessibleName()
    QTest.mouseClick(page.no_match_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    assert page.table.isVisible() and not page.no_match.isVisible()


def _order(page) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [page.model.index(r, 0).data(Role.KEY) for r in range(page.model.rowCount())]


def test_rows_keep_their_order_after_an_edit(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(DUE) + 10, header.height() // 2),
    )
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == DUE)
    dues = [page.model.index(r, DUE).data() for r in range(page.model.rowCount())]
    assert len(set(dues)) < len(dues)  # some rows share a due date: their order is the point
    before = _order(page)
    row = next(
        r
        for r in range(page.model.rowCount())
        if getattr(page.model.index(r, 0).data(Role.RECORD), "status", None) is ActionStatus.OPEN
    )
    _click_row(page.table, row)
    QTest.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading)
    qtbot.wait(50)
    assert _order(page) == before


def _widths(page) -> dict[int, int]:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    return {c: header.sectionSize(c) for c in (STATUS, MEETING, GROUP)}


def test_columns_fit_again_after_filtering_an_edit_and_show_all(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(50)
    first = _widths(page)
    needed = {c: page.table.sizeHintForColumn(c) for c in first}
    assert all(first[c] >= needed[c] for c in first), (first, needed)
    choose(qtbot, page.status, "Öppna")
    QTest.keyClicks(page.search, "Norrby")
    _click_row(page.table, 0)
    QTest.mouseClick(page.close_button, Qt.MouseButton.LeftButton)  # the list is read again
    qtbot.waitUntil(lambda: not page.loading)
    qtbot.wait(50)
    QTest.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    now = _widths(page)
    needed = {c: page.table.sizeHintForColumn(c) for c in now}
    assert all(now[c] >= needed[c] for c in now), (now, needed)


KULTURNATTEN = "Planera medborgardialog under Kulturnatten"


def test_carried_count_is_the_same_in_uppdrag_and_the_next_meetings_follow_up(
    page, qtbot, demo_database
) -> None:  # type: ignore[no-untyped-def]
    """'Förd vidare' counts the held meetings (fastställda or skickade) that followed the
    action up and left it open: every meeting of a group of the meeting it came from."""
    from datetime import date

    from sqlalchemy import select

    from trygghetsrad.db.models.meetings import Meeting
    from trygghetsrad.services.meetings.actions import followup

    page.search.setText("Kulturnatten")
    row = _row_of(page, KULTURNATTEN)
    in_register = page.model.index(row, CARRIED).data()
    with demo_database.session() as s:
        nxt = s.scalars(select(Meeting).where(Meeting.day == date(2026, 12, 10))).one()
        there = next(a for a in followup(s, nxt.id) if a.what == KULTURNATTEN)
        origin = there.origin_meeting_id
        held = s.scalars(select(Meeting).where(Meeting.status.in_(("finalised", "sent")))).all()
        first = next(m for m in held if m.id == origin) if origin in {m.id for m in held} else None
        groups = {g.group_id for g in first.groups} if first else set()
        expected = sum(
            1 for m in held if m.day > first.day and {g.group_id for g in m.groups} & groups
        )
    assert in_register == str(there.carried_count) == str(expected), (
        in_register,
        there.carried_count,
        expected,
    )
