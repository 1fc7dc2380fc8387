"""The list beside the wheel: every item of the year by date, filterable by ring and text."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS_SHORT, WEEKDAYS, iso_week_span, time_span
from trygghetsrad.domain.wheel import WheelCategory
from trygghetsrad.ui.widgets.row_model import KeyedRowModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def short_when(item: CalendarItem) -> str:
    s, e = item.start, item.last_day
    text = f"{WEEKDAYS[s.weekday()][:3]} {s.day} {MONTHS_SHORT[s.month - 1]}"
    if e != s:
        text += f"–{e.day} {MONTHS_SHORT[e.month - 1]}" if e.month != s.month else f"–{e.day}"
    span = time_span(item.start_time, item.end_time)
    return f"{text}, {span.replace('kl. ', '')}" if span else text


class WheelItemsModel(KeyedRowModel):
    """The year's items by date; updated in place on reload (matched by item key), sorted
    by the model itself from cached keys (see KeyedRowModel.sort)."""

    HEADERS = ("Datum", "V.", "Händelse")
    COLUMNS = HEADERS
    SORT_BY_ROLE = SORT_ROLE
    CACHED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE})

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._categories: dict[str, WheelCategory] = {}

    def row_key(self, record: CalendarItem) -> str:
        return record.key

    def set_items(self, items: list[CalendarItem], categories: list[WheelCategory]) -> None:
        categories_by_key = {c.key: c for c in categories}
        recoloured = categories_by_key != self._categories
        self._categories = categories_by_key
        self.set_rows(items)
        if recoloured:  # ring colours are shown in every row
            self.refresh_all()

    @property
    def _items(self) -> list[CalendarItem]:
        return self._rows

    def item(self, row: int) -> CalendarItem:
        return self._rows[row]  # type: ignore[no-any-return]

    def row_of(self, key: str) -> int | None:
        row = self.row_of_key(key)
        return None if row < 0 else row

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[no-untyped-def]  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None

    def row_data(self, item: CalendarItem, row: int, col: int, role: int):  # type: ignore[no-untyped-def]
        cat = self._categories.get(item.category)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return short_when(item)
            if col == 1:
                return iso_week_span(item.start, item.end).replace("v. ", "")
            if col == 2:
                title = item.title
                if item.internal:
                    title += " " + self.tr("(intern)")
                return title
        if role == Qt.ItemDataRole.DecorationRole and col == 2 and cat:
            return QColor(cat.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [item.title, cat.name if cat else item.category]
            if item.place:
                parts.append(item.place)
            if item.owner is not None and item.owner.area != "wheel":
                parts.append(self.tr("Ändras i den del av programmet där den hör hemma."))
            return "\n".join(parts)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and item.owner is not None
            and item.owner.area != "wheel"
            and col == 2
        ):
            return QColor("#34495e")
        if role == KEY_ROLE:
            return item.key
        if role == CATEGORY_ROLE:
            return item.category
        if role == SORT_ROLE:
            if col in (0, 1):
                return item.start.toordinal() * 10_000 + (
                    item.start_time.hour * 60 + item.start_time.minute if item.start_time else 0
                )
            return self.row_data(item, row, col, Qt.ItemDataRole.DisplayRole)
        return None


class WheelFilterProxy(QSortFilterProxyModel):
    """Filters by a set of visible ring keys and by words in title, place and description."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._only: str | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The items model sorts itself from cached keys; this proxy only filters (sorting
        here asked Python for a key ~10,000 times for one year's list)."""
        model = self.sourceModel()
        if isinstance(model, WheelItemsModel):
            if self.sortColumn() >= 0:
                super().sort(-1)
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_hidden_categories(self, hidden: set[str]) -> None:
        self.beginFilterChange()
        self._hidden = set(hidden)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_category(self, key: str | None) -> None:
        self.beginFilterChange()
        self._only = key
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, WheelItemsModel):
            return True
        item = model.item(row)
        if item.category in self._hidden or (self._only and item.category != self._only):
            return False
        if self._words:
            hay = " ".join([item.title, item.place, item.description, item.responsible]).lower()
            return all(w in hay for w in self._words)
        return True
