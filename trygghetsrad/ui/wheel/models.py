"""The list beside the wheel: every item of the year by date, filterable by ring and text."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS_SHORT, WEEKDAYS, time_span
from trygghetsrad.domain.wheel import WheelCategory

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


class WheelItemsModel(QAbstractTableModel):
    HEADERS = ("Datum", "V.", "Händelse")

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._items: list[CalendarItem] = []
        self._categories: dict[str, WheelCategory] = {}

    def set_items(self, items: list[CalendarItem], categories: list[WheelCategory]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._categories = {c.key: c for c in categories}
        self.endResetModel()

    def item(self, row: int) -> CalendarItem:
        return self._items[row]

    def row_of(self, key: str) -> int | None:
        return next((r for r, i in enumerate(self._items) if i.key == key), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        cat = self._categories.get(item.category)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return short_when(item)
            if col == 1:
                iso_year, week, _ = item.start.isocalendar()
                return str(week) if iso_year == item.start.year else f"{week} ({iso_year})"
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
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


class WheelFilterProxy(QSortFilterProxyModel):
    """Filters by a set of visible ring keys and by words in title, place and description."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._only: str | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

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
