"""Declarative columns over a list of records: the usual table model of a page.

How to use it (the table stack of `ui/widgets/`):

    from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
    from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
    from trygghetsrad.ui.widgets.roles import Role

    model = RecordTableModel(
        [
            Column(tr("Namn"), lambda p: p.name),
            Column(tr("Antal"), lambda p: str(p.count), sort=lambda p: p.count, align_right=True),
        ],
        search=lambda p: search_text(p.name, p.note),
    )
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)            # a header click sorts in the model (cached keys)
    fit_columns(view, stretch=[0])          # ui/widgets/columns.py
    model.set_rows(service.list_things(s))  # after every reload: updated in place by id
    record = view.currentIndex().data(Role.RECORD)

A `Column` gives the header, the display text and optionally a sort value (otherwise the
Swedish sort key of the text), a tooltip and right alignment. Display, sort and search
texts are computed once per record and kept until the record changes. Subclass
`RecordTableModel` for colours or fonts (`extra_data(record, role)`) or a different
`row_key`; subclass `KeyedRowModel` (`row_model.py`) only when the cells need more than
columns can say.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt

from trygghetsrad.domain.text import sort_key
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.row_model import KeyedRowModel

R = TypeVar("R")

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, the text of a record, and how it sorts."""

    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None  # default: the cell's text
    header_tip: str = ""


class RecordTableModel(KeyedRowModel, Generic[R]):
    """Rows of frozen dataclasses shown in columns; read-only, updated in place on refresh."""

    CACHED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Role.SORT, Role.SEARCH})
    SORT_BY_ROLE = Role.SORT

    def __init__(
        self,
        columns: Sequence[Column[R]],
        search: Callable[[R], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.COLUMNS = self._columns
        self._search = search

    # -- data ------------------------------------------------------------------------------

    def rows(self) -> list[R]:
        return list(self._rows)

    def record(self, row: int) -> R | None:
        """The record of `row`; None outside the rows (row -1 is no row, not the last one:
        a view's current row is -1 when nothing is chosen)."""
        return self.record_at(row)  # type: ignore[no-any-return]

    def row_of(self, record_id: Any) -> int:
        return self.row_of_key(record_id)

    def column(self, number: int) -> Column[R]:
        return self._columns[number]

    def search_of(self, record: R) -> str:
        """The text the search matches for `record` (shown or not)."""
        return self._search(record) if self._search else ""

    # -- Qt model interface ------------------------------------------------------------------

    def row_data(self, record: R, row: int, column_number: int, role: int) -> Any:
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Role.SORT:
            return column.sort(record) if column.sort else sort_key(column.text(record))
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else column.text(record)
        if role == Role.RECORD:
            return record
        if role == Role.KEY:
            return self.row_key(record)
        if role == Role.SEARCH:
            return self.search_of(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return _RIGHT
        return self.extra_data(record, role)

    def sort_value(self, row: int, column: int) -> Any:
        return self.cell(row, column, Role.SORT)

    def search_text(self, row: int) -> str:
        return self.cell(row, 0, Role.SEARCH)  # type: ignore[no-any-return]

    def extra_data(self, record: R, role: int) -> Any:
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].header_tip:
            return self._columns[section].header_tip
        return None
