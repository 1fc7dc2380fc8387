"""Leaving a record whose edit could not be saved: ask, never drop the text silently.

Pages that store what is typed in place (no Save button) show a refused edit under its
field and keep the text. When the user then picks another record, the editor would be
refilled and the text lost. `may_leave()` runs the page's save once more and, if it still
fails, asks "Gå tillbaka" (the default, also Esc) or "Släng ändringen"; `keep_current()`
puts the list's selection back on the record being edited without signalling a switch.
`flush_or_ask()` does the same for the whole window (closing it, opening another database,
restoring a backup): it stores everything and, if an edit was refused, asks "Gå tillbaka"
or e.g. "Stäng ändå"; "Gå tillbaka" shows the field.

    def _on_current_changed(self, current, previous):
        if not may_leave(self, self.save_now, self.error_texts):
            keep_current(self.list, previous)
            return
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from trygghetsrad.ui.widgets.autosave import flush_all, session_ending

ACCESSIBLE_NAME = "Ändringen kunde inte sparas"


def ask_discard(
    parent: QWidget,
    errors: Iterable[str],
    *,
    go_on: str | None = None,
    go_on_hint: str | None = None,
) -> bool:
    """Ask what to do with an edit that could not be saved; True = discard it and go on.

    `go_on` names the button that drops the edit ("Släng ändringen" unless given, e.g.
    "Stäng ändå" when the window closes) and `go_on_hint` the line explaining it."""
    tr = QCoreApplication.translate
    reasons = "\n".join(text for text in errors if text)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("unsaved", "Ändringen kunde inte sparas"))
    box.setAccessibleName(tr("unsaved", ACCESSIBLE_NAME))
    box.setText(
        tr("unsaved", "Det du skrev kunde inte sparas:\n{reasons}").format(reasons=reasons)
        if reasons
        else tr("unsaved", "Det du skrev kunde inte sparas.")
    )
    box.setInformativeText(
        go_on_hint
        or tr(
            "unsaved",
            "Gå tillbaka för att rätta texten, eller släng ändringen och fortsätt.",
        )
    )
    go_on = go_on or tr("unsaved", "Släng ändringen")
    back = box.addButton(tr("unsaved", "Gå tillbaka"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(go_on, QMessageBox.ButtonRole.DestructiveRole)
    back.setAccessibleName(tr("unsaved", "Gå tillbaka"))
    discard.setAccessibleName(go_on)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard


def may_leave(
    parent: QWidget, save: Callable[[], bool], errors: Callable[[], Iterable[str]]
) -> bool:
    """Save now; if that fails, ask. True = the record may be left (saved, or discarded)."""
    if save():
        return True
    return ask_discard(parent, errors())


def keep_current(view: QAbstractItemView, index: QModelIndex) -> None:
    """Select `index` again (the record still being edited) without announcing a change."""
    selection = view.selectionModel()
    selection.blockSignals(True)
    try:
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.clearSelection()
    finally:
        selection.blockSignals(False)
    view.viewport().update()


def errors_of(widget: QWidget) -> list[str]:
    """The messages a widget shows for a refused edit (its red labels, or its tooltip)."""
    texts = [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.property("role") == "error" and label.text() and not label.isHidden()
    ]
    if not texts and widget.property("error") and widget.toolTip():
        texts.append(widget.toolTip())
    return list(dict.fromkeys(texts))


def reveal(widget: QWidget) -> None:
    """Bring `widget` into view (the tabs and pages holding it) and put the focus there; a
    widget with a `focus_refused()` method focuses the field that was refused itself."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    widget.window().activateWindow()
    focus = getattr(widget, "focus_refused", None)
    if callable(focus):
        focus()
    else:
        widget.setFocus()
    focused = widget.focusWidget() or widget
    ancestor = focused.parentWidget()
    while ancestor is not None:
        scroll = ancestor.parentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(focused)
        ancestor = ancestor.parentWidget()


def flush_or_ask(parent: QWidget, go_on: str, go_on_hint: str) -> bool:
    """Store every pending edit; if one was refused, ask. True = go on (closing, switching
    the database), False = "Gå tillbaka": the refused field is shown with its text."""
    refused = flush_all()
    window = parent.window()
    # This window's fields (another window's are its own business).
    refused = [w for w in refused if w.window() is window]
    if not refused or session_ending():
        return True
    errors = [text for widget in refused for text in errors_of(widget)]
    reveal(refused[0])  # what the question points at ("markerat i rött") is on screen
    if ask_discard(parent, dict.fromkeys(errors), go_on=go_on, go_on_hint=go_on_hint):
        return True
    reveal(refused[0])  # the cursor back in the field once the question has closed
    return False
