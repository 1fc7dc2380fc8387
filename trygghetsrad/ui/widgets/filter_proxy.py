"""The one filter proxy of the table stack: search-as-you-type plus named record filters.

How to use it:

    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)                  # a RecordTableModel (or any KeyedRowModel)
    search_field.textChanged.connect(proxy.set_query)
    proxy.set_filter("group", lambda a: a.group_id == chosen)   # None removes the filter
    proxy.set_filters({"status": ..., "overdue": ...})          # several at once: one pass

The query matches the record's search text (`Role.SEARCH`, by `domain.text.matches`:
every word, any case; å/ä/ö are letters of their own); every named filter must accept the
record (`Role.RECORD`). Subclasses may still override `accepts_record(record)` for a rule
that belongs to the model. Sorting is passed on to a `KeyedRowModel`, which sorts itself
from cached keys (one key read per row, not a Python `lessThan` per comparison); the proxy
then only filters and keeps the model's order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from trygghetsrad.domain.text import matches
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.row_model import KeyedRowModel

AnyIndex = QModelIndex | QPersistentModelIndex
Predicate = Callable[[Any], bool]


class RecordFilterProxy(QSortFilterProxyModel):
    """Search over every text of a record, named filters, sorting by the model's keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._filters: dict[str, Predicate] = {}
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)

    # -- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A keyed model sorts itself (each key read once, no lessThan per comparison);
        this proxy then only filters, keeping the model's order."""
        model = self.sourceModel()
        if isinstance(model, KeyedRowModel):
            if self.sortColumn() >= 0:
                super().sort(-1)
            model.sort(column, order)
        else:
            super().sort(column, order)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        a, b = left.data(Role.SORT), right.data(Role.SORT)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    # -- filtering -------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query(self) -> str:
        return self._query

    def set_filter(self, name: str, predicate: Predicate | None) -> None:
        """Show only records `predicate` accepts (None: drop the filter called `name`)."""
        self.set_filters({name: predicate})

    def set_filters(self, filters: Mapping[str, Predicate | None]) -> None:
        """Change several named filters with one pass over the rows."""
        self.beginFilterChange()
        for name, predicate in filters.items():
            if predicate is None:
                self._filters.pop(name, None)
            else:
                self._filters[name] = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def record_at(self, row: int) -> Any:
        """The record of a row of this proxy (None outside it)."""
        index = self.index(row, 0)
        return index.data(Role.RECORD) if index.isValid() else None

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, KeyedRowModel):
            record = model.record_at(source_row)
            haystack = model.value(source_row, 0, Role.SEARCH) if self._query else ""
        else:
            index = model.index(source_row, 0, source_parent)
            record = model.data(index, Role.RECORD)
            haystack = model.data(index, Role.SEARCH) if self._query else ""
        if self._query and not matches(self._query, haystack or ""):
            return False
        return self._accepts(record)

    def _accepts(self, record: Any) -> bool:
        return all(accepts(record) for accepts in self._filters.values()) and self.accepts_record(
            record
        )

    def accepts_record(self, record: Any) -> bool:
        return True

    def count_without_query(self) -> int:
        """How many rows would be shown with an empty search field."""
        model = self.sourceModel()
        return sum(
            1
            for row in range(model.rowCount())
            if self._accepts(model.data(model.index(row, 0), Role.RECORD))
        )
