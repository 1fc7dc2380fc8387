"""The read-only record tables of the attendance tab and the statistics dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableView

from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy


def record_table(model: Any, name: str, sortable: bool = False, stretch: int = 0) -> QTableView:
    view = QTableView()
    if sortable:
        proxy = RecordFilterProxy(view)  # a header click sorts in the model
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    # Contents' width for each column, the rest of the room to `stretch`; ▲/▼ sort arrows.
    fit_columns(view, (stretch,))
    return view
