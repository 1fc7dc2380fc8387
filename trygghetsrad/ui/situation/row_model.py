"""The table-model plumbing the action-plan, follow-up and agreement pages share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from trygghetsrad.ui.widgets.row_model import KeyedRowModel

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(KeyedRowModel):
    """Read-only rows under the Swedish headers in `COLUMNS`; subclasses supply `data()`.

    Rows are updated in place on reload, matched by the id of the record they show (a
    measure, a commitment). `HEADER_TIPS` gives a header's tooltip by column (e.g. for an
    unlabelled icon column)."""

    COLUMNS: list[str] = []
    HEADER_TIPS: dict[int, str] = {}

    @property
    def rows(self) -> list[Any]:
        return self._rows

    def row_key(self, record: Any) -> Any:
        for name in ("id", "measure", "commitment"):
            inner = getattr(record, name, None)
            if isinstance(inner, int):
                return (name, inner)
            if inner is not None and isinstance(getattr(inner, "id", None), int):
                return (name, inner.id)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section]) if self.COLUMNS[section] else ""
        if role == Qt.ItemDataRole.ToolTipRole and section in self.HEADER_TIPS:
            return self.tr(self.HEADER_TIPS[section])
        return None
