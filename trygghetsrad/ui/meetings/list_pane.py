"""The meetings list of the Möten tab: heading, "Nytt möte…", group filter, table, statistics.

Built in one place for the page and for the start-up glance (which shows the same list from
a plain sqlite3 read before the database layer is loaded), so the two look alike row for
row. Imports no services: the glance uses it before SQLAlchemy is loaded.

The model sorts itself (one key per meeting, computed in Python) instead of letting a
QSortFilterProxyModel compare cells: sorting ten years of meetings through the proxy asked
the model for ~16,000 cells at every reload. The table stack's `RecordFilterProxy` passes
the header's sort on to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingKind, MeetingStatus, MeetingSummary
from trygghetsrad.i18n import tr
from trygghetsrad.ui.meetings.models import MeetingTableModel
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.sort_arrows import arrow_points_along

Index = QModelIndex | QPersistentModelIndex
# The widest date-and-time text the list shows (digits are equally wide in the UI fonts).
_SAMPLE = MeetingSummary(
    id=0,
    title="",
    kind=MeetingKind.NOTES,
    status=MeetingStatus.PLANNED,
    day=date(2000, 12, 28),
    start_time=time(20, 0),
    end_time=None,
    place="",
    online_link="",
    group_ids=(),
    group_names=(),
)


class MeetingListModel(MeetingTableModel):
    """The meetings table, kept in the order of its sort column (newest first to begin with).

    Its own `sort` (attributes named `list_sort_*`): the order among equal keys is exactly
    the one Qt's proxy gave before (tests/ui/meetings/test_meetings_list_pane.py compares them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.list_sort_column = 0
        self.list_sort_order = Qt.SortOrder.DescendingOrder
        self._given: list[MeetingSummary] = []  # the service's order: ties keep it

    def _in_order(self, records: Sequence[MeetingSummary]) -> list[MeetingSummary]:
        column = self.list_sort_column
        rows = sorted(records, key=lambda m: self.row_data(m, -1, column, Role.SORT))
        # As Qt's proxy sort: ascending keeps the service's order among equal keys,
        # descending is exactly the ascending order reversed.
        if self.list_sort_order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        return rows

    def set_rows(self, rows: Iterable[Any]) -> None:
        self._given = list(rows)
        super().set_rows(self._in_order(self._given))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.list_sort_column, self.list_sort_order = column, order
        rows = self._in_order(self._given)
        if [self.row_key(r) for r in rows] == self._keys:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._keys[i.row()] if i.isValid() else None for i in before]
        self._rows = rows
        self._keys = [self.row_key(r) for r in rows]
        self._positions = None  # cached cells are kept by key: they stay valid
        after = [
            self.index(self.row_of_key(k), old.column()) if k is not None else QModelIndex()
            for k, old in zip(keys, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


class MeetingListPane(QWidget):
    """Heading, the "Nytt möte…" row, the table and "Närvarostatistik…"; no data access."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Möten"))
        heading.setProperty("role", "heading")
        box.addWidget(heading)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nytt möte…"))
        self.new_button.setAccessibleName(self.tr("Nytt möte"))
        self.new_button.setToolTip(self.tr("Ctrl+Shift+N"))
        row.addWidget(self.new_button)
        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName(self.tr("Visa grupp"))
        row.addWidget(self.group_filter, 1)
        box.addLayout(row)
        self.model = MeetingListModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Möten"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.list_sort_column, self.model.list_sort_order)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        arrow_points_along(header)
        self._fit_columns()
        box.addWidget(self.table, 1)
        self.stats_button = QPushButton(self.tr("Närvarostatistik…"))
        self.stats_button.setAccessibleName(self.tr("Närvarostatistik"))
        box.addWidget(self.stats_button)

    def _fit_columns(self) -> None:
        """Widths of date, type and status from the texts those columns can hold.

        Their texts come from a small fixed vocabulary, so no row is measured (fitting the
        columns to their contents asked the model for thousands of cells on ten years);
        the group column takes the rest of the width."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        vocabulary = {
            0: [self.model.column(0).text(_SAMPLE)],
            2: [kind.short_label for kind in MeetingKind],
            3: [status.label for status in MeetingStatus] + [tr("Fastställt")],
        }
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, texts in vocabulary.items():
            widest = max(metrics.horizontalAdvance(text) for text in texts) + margin
            header.resizeSection(
                column, max(widest, header.sectionSizeFromContents(column).width())
            )

    def selected_id(self) -> int | None:
        """The meeting of the current row, if any."""
        index = self.table.currentIndex()
        return int(index.data(Role.KEY)) if index.isValid() else None
