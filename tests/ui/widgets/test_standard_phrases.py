"""Standard phrases: edited in Arkiv → Inställningar, inserted by Ctrl+Space in a text field
and chosen with the keyboard or the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from trygghetsrad.services import settings
from trygghetsrad.ui.dialogs.settings import SettingsDialog
from trygghetsrad.ui.widgets.phrases import PhraseMenu


def test_phrases_are_edited_in_the_settings(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Informationen läggs till handlingarna." in dialog.phrases.toPlainText()
    dialog.phrases.setPlainText(
        "Dagordningen godkänns.\n\nTrygghetsrådet tackar för informationen."
    )
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ctx.database.session() as s:
        assert settings.load_phrases(s) == (
            "Dagordningen godkänns.",
            "Trygghetsrådet tackar för informationen.",
        )


def test_a_bad_phrase_is_refused_and_nothing_is_saved(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.municipality.setText("Storåkers kommun")
    dialog.phrases.setPlainText("Bra fras\nTrasig \x07 fras")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the error is shown at the field, the dialog stays
    with ctx.database.session() as s:
        assert settings.load(s).municipality == ""
        assert "Bra fras" not in settings.load_phrases(s)


# A popup menu on the offscreen platform: it can neither raise nor grab the keyboard.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support")


@OFFSCREEN_POPUP
def test_ctrl_space_inserts_a_phrase_by_keyboard_or_mouse(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    qtbot.waitExposed(edit)
    phrases = ["Dagordningen godkänns.", "Informationen läggs till handlingarna."]
    menu = PhraseMenu(edit, lambda: phrases)
    edit.setFocus()
    QTest.keyClicks(edit, "Beslut: ")
    QTest.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert menu.menu is not None and menu.menu.isVisible()
    assert [a.text() for a in menu.actions()] == phrases
    QTest.keyClick(menu.menu, Qt.Key.Key_Down)
    QTest.keyClick(menu.menu, Qt.Key.Key_Return)
    assert edit.toPlainText() == "Beslut: Informationen läggs till handlingarna."
    # Again, with the mouse, on a new line.
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    first = menu.menu.actionGeometry(menu.actions()[0]).center()
    QTest.mouseClick(menu.menu, Qt.MouseButton.LeftButton, pos=first)
    assert edit.toPlainText().splitlines()[-1] == "Dagordningen godkänns."


@OFFSCREEN_POPUP
def test_an_empty_list_says_where_phrases_are_added(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    menu = PhraseMenu(edit, lambda: [])
    QTest.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    (only,) = menu.actions()
    assert "Inställningar" in only.text() and not only.isEnabled()
    assert edit.text() == ""
