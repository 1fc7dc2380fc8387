"""A coordinator's first months, played from an empty database with mouse clicks and typed
keys on a 1366×768 screen: the register built by mouse, two groups whose members joined a
year ago, a past joint meeting re-entered from its minutes (attendance, notes with text after
the bullets, an action with two responsible and one without a date), finalised and exported;
the next meeting planned with "Nästa möte…" and an agenda typed by hand, where the open
actions come back for follow-up with a comment that reaches the PDF. The database and the
PDFs are read back at the end.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QListWidget,
    QTabWidget,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingStatus, Presence
from trygghetsrad.services import register
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.register.page import PART_KEY, RegisterPage

SCREEN = (1366, 768)
TODAY = date.today()
A_YEAR_AGO = TODAY - timedelta(days=365)
MEETING_DAY = TODAY - timedelta(days=60)
NEXT_DAY = TODAY + timedelta(days=21)


# -- driving the widgets ---------------------------------------------------------------------


def click(widget: QWidget) -> None:
    QApplication.processEvents()  # laid out as the user sees it (a panel just shown)
    assert widget.isVisible() and widget.width() > 0, widget
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    QApplication.processEvents()
    index = view.model().index(row, column)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def click_text(view: QAbstractItemView, text: str) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        if text in str(model.index(row, 0).data()):
            click_row(view, row)
            return
    raise AssertionError(f"{text!r} is not in the list")


def select_record(panel, text: str, followed) -> None:  # type: ignore[no-untyped-def]
    """Click the register row showing `text`; what shows the record follows the click."""
    click_text(panel.table, text)
    QApplication.processEvents()
    assert followed()
    assert text in str(panel.current())


def type_text(widget: QWidget, text: str) -> None:
    """Typed key by key, with events that carry the characters (safe for å/ä/ö)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def fill(widget: QWidget, text: str) -> None:
    """Click into a field, select what is there and type over it."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry the keyboard way: focus the closed list and type the start of it."""
    combo.setFocus()
    QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new search, as after a pause
    type_text(combo, text[:6])
    assert combo.currentText().startswith(text), (combo.currentText(), text)


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, key, modifiers)


def fits(widget: QWidget) -> None:
    assert widget.width() <= SCREEN[0] and widget.height() <= SCREEN[1], widget.size()


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


# -- the scenario ----------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings("Trygghetsrad", "Trygghetsrad").remove(PART_KEY)
    tabs = QTabWidget()
    tabs.register = RegisterPage(ctx)  # type: ignore[attr-defined]
    tabs.meetings = MeetingsPage(ctx)  # type: ignore[attr-defined]
    tabs.addTab(tabs.register, "Register")  # type: ignore[attr-defined]
    tabs.addTab(tabs.meetings, "Möten")  # type: ignore[attr-defined]
    qtbot.addWidget(tabs)
    tabs.resize(*SCREEN)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs


def _new_record(page: RegisterPage, panel, fields: dict[str, str]):  # type: ignore[no-untyped-def]
    click(panel.new_button)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    fits(dialog)
    for name, text in fields.items():
        fill(getattr(dialog, name), text)
    return dialog


def build_register(qtbot, page: RegisterPage) -> None:  # type: ignore[no-untyped-def]
    nav: QListWidget = page.nav
    click_row(nav, 1)  # Organisationer
    dialog = _new_record(page, page.organisations.panel, {"name": "Polisen Ånge"})
    click(dialog.save_button)
    click_row(nav, 0)  # Personer
    for name, title, organisation in (
        ("Moa Magnusson", "Folkhälsostrateg", None),
        ("Josef Lind", "Kommunpolis", "Polisen"),
        ("Per Holm", "Rektor", None),
    ):
        dialog = _new_record(page, page.people.panel, {"name": name, "title_edit": title})
        if organisation:
            choose(dialog.organisation, organisation)
        click(dialog.save_button)
        assert not dialog.isVisible()
    click_row(nav, 2)  # Grupper
    for group in ("Trygghetsrådet", "Klara-gruppen"):
        dialog = _new_record(page, page.groups.groups, {"name": group})
        click(dialog.save_button)
    groups = page.groups
    for group, people in (
        ("Trygghetsrådet", ("Moa Magnusson", "Josef Lind")),
        ("Klara-gruppen", ("Moa Magnusson", "Per Holm")),
    ):
        select_record(groups.groups, group, lambda: groups.members.isVisible())
        assert groups.current_group() is not None and groups.current_group().name == group
        assert groups.members.new_button.isVisible()
        for person in people:
            click(groups.members.new_button)
            dialog = page.dialog
            fits(dialog)
            choose(dialog.person, person)
            # They joined a year ago: the start date is typed, not today's.
            click(dialog.from_date.check)
            fill(dialog.from_date.edit, A_YEAR_AGO.isoformat())
            click(dialog.save_button)
            assert not dialog.isVisible(), dialog.findChildren(QWidget)
        assert groups.members.model.rowCount() == len(people)


def enter_past_joint_meeting(qtbot, page: MeetingsPage, tmp_path: Path, monkeypatch) -> int:  # type: ignore[no-untyped-def]
    click(page.new_button)
    dialog = page.meeting_dialog
    fits(dialog)
    checklist = dialog.groups
    for row in range(checklist.count()):
        if checklist.item(row).checkState() != Qt.CheckState.Checked:
            click_row(checklist, row)  # clicking the name ticks it: both groups, a joint meeting
    assert len(checklist.checked_ids()) == 2
    fill(dialog.day, MEETING_DAY.isoformat())
    fill(dialog.place, "Kommunhuset")
    click(dialog.save_button)
    meeting = page.meeting
    assert meeting is not None and meeting.day == MEETING_DAY
    click(page.lifecycle_buttons["start"])

    # Närvaro: the members of both groups on the day (they joined a year ago).
    page.tabs.tabBar().setFocus()
    QTest.mouseClick(
        page.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.tabs.tabBar().tabRect(page.tabs.indexOf(page.attendance_tab)).center(),
    )
    panel = page.attendance
    assert panel.isVisible() and not panel.empty_box.isVisible()
    names = [r.name for r in panel.model.rows()]
    assert sorted(names) == ["Josef Lind", "Moa Magnusson", "Per Holm"]
    click_row(panel.view, names.index("Per Holm"))
    click(panel.buttons[1])  # Anmält förhinder
    click(panel.all_present_button)  # the others came (attendance starts unknown)

    # Dagordning: an item with bullets and running text after them, and two actions.
    QTest.mouseClick(
        page.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.tabs.tabBar().tabRect(page.tabs.indexOf(page.agenda)).center(),
    )
    agenda = page.agenda
    click(agenda.add_button)
    fill(agenda.title, "Lägesbildsarbete")
    press(agenda.title, Qt.Key.Key_Return)  # on to the notes
    type_text(agenda.notes, "Vilka underlag som finns")
    press(agenda.notes, Qt.Key.Key_Return)
    type_text(agenda.notes, "Vilka hinder som finns")
    press(agenda.notes, Qt.Key.Key_Return)
    press(agenda.notes, Qt.Key.Key_Tab)
    type_text(agenda.notes, "exempelvis sekretess")
    press(agenda.notes, Qt.Key.Key_Return)
    press(agenda.notes, Qt.Key.Key_Return)  # an empty bullet: up a level
    press(agenda.notes, Qt.Key.Key_Return)  # and out of the list
    type_text(agenda.notes, "Dialogmaterialet sammanställs av samordnaren.")

    click(agenda.new_action_button)
    action_dialog = agenda.action_dialog
    fits(action_dialog)
    fill(action_dialog.what, "Medborgardialog under Kulturnatten")
    choose(action_dialog.who, "Moa Magnusson")
    click(action_dialog.add_who)
    choose(action_dialog.who, "Polisen Ånge")
    click(action_dialog.add_who)
    assert action_dialog.chosen.count() == 2
    click(action_dialog.due.check)
    fill(action_dialog.due.edit, (MEETING_DAY + timedelta(days=90)).isoformat())
    click(action_dialog.save_button)
    assert not action_dialog.isVisible()

    click(agenda.new_action_button)
    action_dialog = agenda.action_dialog
    fill(action_dialog.what, "Bevaka livesändningarna")
    choose(action_dialog.who, "Josef Lind")
    click(action_dialog.save_button)  # no date
    assert not action_dialog.isVisible()
    assert agenda.action_model.rowCount() == 2

    # Finalise (fastställ) and export the minutes.
    click(page.lifecycle_buttons["finalise"])
    finalise = page.finalise_dialog
    fits(finalise)
    click(finalise.save_button)
    assert page.meeting.status is MeetingStatus.FINALISED
    _export(qtbot, page, "minutes", tmp_path / "anteckningar.pdf", monkeypatch)
    return meeting.id


def _export(qtbot, page: MeetingsPage, kind: str, path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Exportera → the menu entry → the save dialog answered with `path`."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    menu = page.export_button.menu()
    labels = {"minutes": "Protokoll / anteckningar", "notice": "Kallelse"}
    [entry] = [a for a in menu.actions() if a.text().startswith(labels[kind])]
    entry.trigger()
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 0, timeout=20_000)


def plan_next_meeting(qtbot, page: MeetingsPage, tmp_path: Path, monkeypatch) -> int:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    click(agenda.next_button)
    dialog = agenda.next_dialog
    fits(dialog)
    for _gid, _check, day, _start, _end in dialog.rows:
        fill(day, NEXT_DAY.isoformat())
    click(dialog.save_button)
    assert not dialog.isVisible()

    # The council's next meeting, chosen in the list with the mouse.
    rows = [
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data().startswith(NEXT_DAY.isoformat())
        and "TR" in page.proxy.index(r, 1).data()
    ]
    assert rows, "the planned meeting is not in the list"
    click_row(page.table, rows[0])
    planned = page.meeting
    assert planned is not None and planned.status is MeetingStatus.PLANNED
    assert planned.groups_label == "Trygghetsrådet"

    # The agenda typed by hand: no template, no follow-up item.
    for title in ("Lägesbild", "Övriga frågor"):
        click(agenda.add_button)
        fill(agenda.title, title)
        press(agenda.title, Qt.Key.Key_Return)
    qtbot.waitUntil(  # stored at the pause in typing (autosave), as the list then shows
        lambda: [i.title for i in agenda.model.items] == ["Lägesbild", "Övriga frågor"],
        timeout=5000,
    )

    # The open actions of the joint meeting are there, followed up.
    button = agenda.followup_apart_button
    assert button.isVisible() and "(2)" in button.text()
    click(button)
    view = agenda.followup
    shown = [agenda.followup_model.index(r, 0).data() for r in range(view.model().rowCount())]
    assert any("Medborgardialog" in s for s in shown) and any(
        "livesändningarna" in s for s in shown
    )
    click_text(view, "Medborgardialog")
    click(agenda.comment_button)
    comment = agenda.comment_dialog
    fits(comment)
    fill(comment.comment, "remissen bereds av kommunstyrelsen")
    press(comment.comment, Qt.Key.Key_Return)
    assert not comment.isVisible()
    _export(qtbot, page, "notice", tmp_path / "kallelse.pdf", monkeypatch)
    _export(qtbot, page, "minutes", tmp_path / "nasta.pdf", monkeypatch)
    return planned.id


def test_a_coordinators_first_months(qtbot, ctx, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    build_register(qtbot, window.register)
    QTest.mouseClick(
        window.tabBar(), Qt.MouseButton.LeftButton, pos=window.tabBar().tabRect(1).center()
    )
    page = window.meetings
    joint = enter_past_joint_meeting(qtbot, page, tmp_path, monkeypatch)
    planned = plan_next_meeting(qtbot, page, tmp_path, monkeypatch)

    # -- the database ---------------------------------------------------------------------
    with ctx.database.session() as s:
        people = {p.name: p.id for p in register.list_people(s)}
        assert {m.from_date for m in register.list_memberships(s)} == {A_YEAR_AGO}
        presence = {a.name: a.presence for a in attendance.list_attendance(s, joint)}
        assert presence == {
            "Moa Magnusson": Presence.PRESENT,
            "Josef Lind": Presence.PRESENT,
            "Per Holm": Presence.EXCUSED,
        }
        [item] = meetings_agenda.get_agenda(s, joint)
        assert [(n.text, n.level, n.paragraph) for n in item.notes] == [
            ("Vilka underlag som finns", 0, False),
            ("Vilka hinder som finns", 0, False),
            ("exempelvis sekretess", 1, False),
            ("Dialogmaterialet sammanställs av samordnaren.", 0, True),
        ]
        both, undated = item.actions
        assert [(r.person_id, r.organisation_id) for r in both.responsibles] == [
            (people["Moa Magnusson"], None),
            (None, register.list_organisations(s)[0].id),
        ]
        assert undated.due_date is None and undated.responsible == "Josef Lind"
        assert meetings.get_meeting(s, joint).status is MeetingStatus.FINALISED
        followed = {a.what: a for a in meetings_actions.followup(s, planned)}
        assert followed["Medborgardialog under Kulturnatten"].comment == (
            "remissen bereds av kommunstyrelsen"
        )
        assert set(followed) == {"Medborgardialog under Kulturnatten", "Bevaka livesändningarna"}

    # -- the PDFs ---------------------------------------------------------------------------
    minutes = pdf_text(tmp_path / "anteckningar.pdf")
    assert "Moa Magnusson och Polisen Ånge" in minutes.replace("\n", " ")
    assert "• Vilka hinder som finns" in minutes
    assert "Dialogmaterialet sammanställs av samordnaren." in minutes
    assert "• Dialogmaterialet" not in minutes  # running text, not a bullet
    assert "Anmält förhinder" in minutes and "Per Holm" in minutes
    undated_row = next(
        line
        for line in pdf_text(tmp_path / "anteckningar.pdf", layout=True).splitlines()
        if "Bevaka livesändningarna" in line
    )
    assert "–" not in undated_row and "senast" not in undated_row
    notice = pdf_text(tmp_path / "kallelse.pdf")
    assert "Uppföljning av uppdrag från tidigare möten" in notice
    assert "Medborgardialog under Kulturnatten" in notice.replace("\n", " ")
    upcoming = pdf_text(tmp_path / "nasta.pdf").replace("\n", " ")
    assert "remissen bereds av kommunstyrelsen" in upcoming
    assert "Bevaka livesändningarna" in upcoming
