"""The notes editor holds running text before, between and after the bullets, typed with the
keys a word processor uses (Enter on an empty bullet ends the list, Tab makes a bullet)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.ui.meetings.notes_edit import NotesEdit


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_enter_on_an_empty_bullet_starts_running_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = NotesEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    _type(edit, "Vilka underlag som finns")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    _type(edit, "Vilka hinder som finns")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Return)  # an empty bullet: the list ends
    _type(edit, "Dialogmaterialet sammanställs av samordnaren.")
    QTest.keyClick(edit, Qt.Key.Key_Return)  # running text goes on as running text
    _type(edit, "Presentation vid nästa träff.")
    assert [(n.text, n.paragraph) for n in edit.notes()] == [
        ("Vilka underlag som finns", False),
        ("Vilka hinder som finns", False),
        ("Dialogmaterialet sammanställs av samordnaren.", True),
        ("Presentation vid nästa träff.", True),
    ]
    QTest.keyClick(edit, Qt.Key.Key_Tab)  # Tab on running text: a bullet again
    assert edit.notes()[-1].paragraph is False
    QTest.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert edit.notes()[-1].paragraph is True


def test_running_text_survives_a_reload(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = NotesEdit()
    qtbot.addWidget(edit)
    notes = [
        Note("Inledning.", paragraph=True),
        Note("Punkt"),
        Note("Underpunkt", 1),
        Note("Avslutning.", paragraph=True),
    ]
    edit.set_notes(notes)
    assert edit.notes() == notes
