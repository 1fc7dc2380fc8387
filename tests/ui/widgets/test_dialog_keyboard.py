"""Every form dialog takes the keyboard: it opens with the focus in its first field, Enter
never stores a form the dialog refuses, and a message under a field goes as soon as the
field is corrected.

The dialogs are found and opened by the bad-input sweep (test_bad_input_everywhere: every
`FormDialog` subclass has an opener there), so a new dialog is covered here too.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from test_bad_input_everywhere import (
    CONTROL,
    FORMATTED,
    NOT_STORED,
    OPENERS,
    _data_version,
    _date_fields,
    _get,
    _set,
    _text_fields,
    open_dialog,
)

from trygghetsrad.services import register
from trygghetsrad.ui.widgets.form_dialog import FormDialog

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _first_input(dialog: FormDialog) -> QWidget:
    """The input the eye meets first: top-most, then left-most, of the dialog's fields."""
    candidates = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INPUTS + (QAbstractButton,)):
            continue
        if dialog.buttons.isAncestorOf(widget) or not widget.isVisibleTo(dialog):
            continue
        if not widget.isEnabled() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or combo box
        if isinstance(widget, QAbstractButton) and not widget.isCheckable():
            continue  # "Ny…" beside a field is not where typing goes
        pos = widget.mapTo(dialog, QPoint(0, 0))
        candidates.append((pos.y(), pos.x(), widget))
    assert candidates, f"{type(dialog).__name__} has no input"
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def _owns(outer: QWidget, inner: QWidget | None) -> bool:
    return inner is not None and (inner is outer or outer.isAncestorOf(inner))


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_a_dialog_opens_with_the_focus_in_its_first_field_and_drops_a_fixed_error(
    name: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    QApplication.processEvents()
    first = _first_input(dialog)
    focus = dialog.focusWidget()
    assert _owns(first, focus) or _owns(focus, first), (
        f"{name} opens with the focus on {type(focus).__name__} "
        f"“{getattr(focus, 'text', lambda: '')()}”, not in its first field "
        f"{type(first).__name__} “{first.accessibleName()}”"
    )
    assert not dialog.buttons.isAncestorOf(focus), f"{name}: the focus is on a button"

    version = _data_version(demo_ctx.database.path)
    texts = {
        k: e
        for k, e in _text_fields(dialog).items()
        if k not in FORMATTED and (name, k) not in NOT_STORED
    }
    dates = _date_fields(dialog)
    if not texts and not dates:
        return  # a dialog that only chooses (a filter field and a list): nothing to refuse
    if texts:
        key, edit = next(iter(texts.items()))
        fixed = _get(edit) or "Prov"
        _set(edit, CONTROL)
        fix = lambda: _set(edit, fixed)  # noqa: E731
    else:
        key, entry = next(iter(dates.items()))
        fixed_day = entry.checked()
        entry.setText("hej")
        edit = entry
        fix = lambda: entry.setDate(fixed_day)  # noqa: E731
    before = version()
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)  # Enter: refused like Spara, nothing stored
    if not dialog.error_text(key):
        dialog.save_button.click()  # a multi-line field takes Enter as a new line
    assert dialog.isVisible(), f"{name}: Enter stored a form with an error"
    assert version() == before, f"{name}: something was stored"
    assert dialog.error_text(key), f"{name}: no message under {key}"
    fix()
    assert dialog.error_text(key) == "", (
        f"{name}: “{dialog.error_text(key)}” stays under {key} after it was corrected"
    )


@pytest.mark.parametrize("which", ["person", "organisation", "group"])
def test_typing_right_away_fills_the_name_and_enter_saves(
    which: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = {
        "person": "register.dialogs.PersonDialog",
        "organisation": "register.dialogs.OrganisationDialog",
        "group": "register.dialogs.GroupDialog",
    }[which]
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    QApplication.processEvents()
    focus = dialog.focusWidget()
    assert isinstance(focus, QLineEdit)
    QTest.keyClick(focus, Qt.Key.Key_Return)  # an empty name: refused, the dialog stays
    assert dialog.isVisible()
    assert "måste fyllas i" in dialog.error_text("name")
    QTest.keyClicks(dialog.focusWidget(), "Tangent Test")
    assert dialog.error_text("name") == ""  # gone as soon as the name is there
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error_text("name") or dialog.error_text()
    lister: Any = {
        "person": register.list_people,
        "organisation": register.list_organisations,
        "group": register.list_groups,
    }[which]
    with demo_ctx.database.session() as s:
        assert "Tangent Test" in [r.name for r in lister(s)]
