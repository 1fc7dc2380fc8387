"""Autosave helper: debounced saving, flushing on focus-out and on close, merged undo steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from trygghetsrad.errors import ValidationError
from trygghetsrad.ui.widgets import autosave


def _focus_out(widget) -> None:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def test_typing_is_stored_once_after_a_pause(qtbot) -> None:  # type: ignore[no-untyped-def]
    stored: list[str] = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    field = autosave.FieldAutosave(edit, store=stored.append, delay_ms=50)
    qtbot.keyClicks(edit, "Trygghetsvandring")
    assert stored == []  # not on every keystroke
    assert field.autosaver.pending
    qtbot.waitUntil(lambda: stored == ["Trygghetsvandring"])
    assert not field.autosaver.pending


def test_focus_out_and_flush_all_store_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    stored: list[str] = []
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    autosave.FieldAutosave(edit, store=stored.append, delay_ms=60_000)
    edit.setPlainText("Första stycket")  # textChanged counts as an edit for text areas
    _focus_out(edit)
    assert stored == ["Första stycket"]
    edit.setPlainText("Andra stycket")
    assert autosave.pending_count() >= 1
    autosave.flush_all()
    assert stored == ["Första stycket", "Andra stycket"]
    assert autosave.pending_count() == 0


def test_consecutive_typing_is_one_undo_step_and_undo_stores_the_old_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    stored: list[str] = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    stack = QUndoStack()
    field = autosave.FieldAutosave(edit, store=stored.append, stack=stack, label="titel")
    field.load("Möte")
    for chunk in (" i", " maj"):
        qtbot.keyClicks(edit, chunk)
        field.flush()
    assert stored == ["Möte i", "Möte i maj"]
    assert stack.count() == 1
    assert stack.undoText() == "Ändra titel"
    stack.undo()
    assert edit.text() == "Möte" and stored[-1] == "Möte"
    stack.redo()
    assert edit.text() == "Möte i maj" and stored[-1] == "Möte i maj"
    # After leaving the field, the next edit is a separate undo step.
    _focus_out(edit)
    qtbot.keyClicks(edit, "!")
    field.flush()
    assert stack.count() == 2


def test_a_rejected_value_stays_in_the_field_with_the_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    def store(text: str) -> None:
        if not text.strip():
            raise ValidationError("Titeln får inte vara tom.", "title")

    edit = QLineEdit()
    qtbot.addWidget(edit)
    stack = QUndoStack()
    field = autosave.FieldAutosave(edit, store=store, stack=stack, label="titel")
    field.load("Möte")
    with qtbot.waitSignal(field.failed) as blocker:
        edit.selectAll()
        qtbot.keyClicks(edit, " ")
        field.flush()
    assert blocker.args == ["Titeln får inte vara tom."]
    assert edit.text() == " " and edit.toolTip() == "Titeln får inte vara tom."
    assert edit.property("error") is True
    assert stack.count() == 0 and field.value == "Möte"


def test_flush_all_calls_save_now_of_every_page_that_joined_the_autosave(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from trygghetsrad.ui.autosave_registry import AutosaveRegistry

    class Page(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.saved = 0

        def save_now(self) -> None:
            self.saved += 1

    registry = AutosaveRegistry()
    joined, alone = Page(), Page()
    qtbot.addWidget(joined)
    qtbot.addWidget(alone)
    registry.join(joined)
    registry.join(joined)  # once is enough
    autosave.flush_all()
    assert (joined.saved, alone.saved) == (1, 0)  # a method's name alone joins nothing
    with pytest.raises(TypeError):
        registry.join(QWidget())  # nothing to store it with


def test_a_page_deleted_with_its_tab_is_no_longer_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from trygghetsrad.ui.autosave_registry import AutosaveRegistry

    class Page(QWidget):
        calls = 0

        def save_now(self) -> bool:
            Page.calls += 1
            return True

    registry = AutosaveRegistry()
    page = Page()
    registry.join(page)
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert registry.pages() == []
    autosave.flush_all()
    assert Page.calls == 0


def test_settings_dialog_sets_how_long_backups_are_kept(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services import backup
    from trygghetsrad.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.retention.value() == 30
    dialog.retention.setValue(120)
    dialog.save_button.click()
    with ctx.database.session() as s:
        assert backup.retention_days(s) == 120
