"""Leaving a record whose edit could not be saved: ask, never drop the text silently.

Pages that store what is typed in place (no Save button) show a refused edit under its
field and keep the text. When the user then picks another record, the editor would be
refilled and the text lost. `may_leave()` runs the page's save once more and, if it still
fails, asks "Gå tillbaka" (the default, also Esc) or "Släng ändringen"; `keep_current()`
puts the list's selection back on the record being edited without signalling a switch.

    def _on_current_changed(self, current, previous):
        if not may_leave(self, self.save_now, self.error_texts):
            keep_current(self.list, previous)
            return
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

ACCESSIBLE_NAME = "Ändringen kunde inte sparas"


def ask_discard(parent: QWidget, errors: Iterable[str]) -> bool:
    """Ask what to do with an edit that could not be saved; True = discard it and go on."""
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
        tr(
            "unsaved",
            "Gå tillbaka för att rätta texten, eller släng ändringen och fortsätt.",
        )
    )
    back = box.addButton(tr("unsaved", "Gå tillbaka"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(
        tr("unsaved", "Släng ändringen"), QMessageBox.ButtonRole.DestructiveRole
    )
    back.setAccessibleName(tr("unsaved", "Gå tillbaka"))
    discard.setAccessibleName(tr("unsaved", "Släng ändringen"))
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
