"""What the user selected in a list, table or tree: the same after a click, a key or code.

A mouse click emits `currentChanged`/`currentRowChanged` *before* the selection model has
selected the clicked row (PITFALLS 20); keys and `setCurrentIndex(..., ClearAndSelect)` select
first and move the current index after. A slot that reads the selection on a current-changed
signal therefore sees the old selection after a click only. Views that show details of "the
selected record" follow `selectionChanged` through `follow_selection` and read it with
`selected_index`, which is settled whichever way the row was chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView


def selected_index(view: QAbstractItemView) -> QModelIndex:
    """The first column of the selected row (the lowest one if several), or an invalid index."""
    selection = view.selectionModel()
    if selection is None:
        return QModelIndex()
    indexes = selection.selectedIndexes()
    if not indexes:
        return QModelIndex()
    index = min(indexes, key=lambda i: (i.row(), i.column()))
    return index.siblingAtColumn(0)


def follow_selection(view: QAbstractItemView, slot: Callable[[QModelIndex], object]) -> None:
    """Call `slot(selected_index(view))` whenever the selection changes, by mouse, key or code.

    Connect after `view.setModel()`: a new model brings a new selection model."""
    view.selectionModel().selectionChanged.connect(lambda *_: slot(selected_index(view)))


def select_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make `index`'s row the current and only selected row, and scroll it into view (the
    list's side of a choice made elsewhere: the wheel, a search hit, a new record)."""
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
