"""The list beside the wheel: every item of the year by date, filterable by ring and text.

Built on the one table stack of `ui/widgets/`: the keyed row model (updated in place,
sorting itself from cached keys), the shared roles (`Role.KEY` is the item's key,
`Role.CATEGORY` its ring, `Role.SEARCH` its searchable text) and the shared filter proxy
(`filter_proxy.RecordFilterProxy`) with the filters below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS_SHORT, WEEKDAYS, iso_week_span, time_span
from trygghetsrad.domain.text import search_text
from trygghetsrad.domain.wheel.model import WheelCategory
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.row_model import KeyedRowModel

ItemFilter = Callable[[CalendarItem], bool]


def short_when(item: CalendarItem) -> str:
    s, e = item.start, item.last_day
    text = f"{WEEKDAYS[s.weekday()][:3]} {s.day} {MONTHS_SHORT[s.month - 1]}"
    if e != s:
        text += f"–{e.day} {MONTHS_SHORT[e.month - 1]}" if e.month != s.month else f"–{e.day}"
    span = time_span(item.start_time, item.end_time)
    return f"{text}, {span.replace('kl. ', '')}" if span else text


def outside_rings(hidden: set[str]) -> ItemFilter:
    """The proxy's filter for the rings that are shown (the legend's and the plan's)."""
    hidden = set(hidden)
    return lambda item: item.category not in hidden


def in_ring(key: str | None) -> ItemFilter | None:
    """The proxy's filter for the ring chosen above the list (None: every ring)."""
    if not key:
        return None
    return lambda item: item.category == key


class WheelItemsModel(KeyedRowModel):
    """The year's items by date; updated in place on reload (matched by item key), sorted
    by the model itself from cached keys (see KeyedRowModel.sort)."""

    HEADERS = ("Datum", "V.", "Händelse")
    COLUMNS = HEADERS
    CACHED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Role.SORT, Role.SEARCH})

    def __init__(self, parent: QObject | None = None) -> None:
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

    def item(self, row: int) -> CalendarItem:
        item: CalendarItem = self._rows[row]
        return item

    def row_of(self, key: str) -> int | None:
        row = self.row_of_key(key)
        return None if row < 0 else row

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None

    def row_data(self, item: CalendarItem, row: int, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, col)
        if role == Role.SORT:
            if col in (0, 1):
                minutes = (
                    item.start_time.hour * 60 + item.start_time.minute if item.start_time else 0
                )
                return item.start.toordinal() * 10_000 + minutes
            return self._text(item, col)
        if role == Role.SEARCH:
            return search_text(item.title, item.place, item.description, item.responsible)
        if role == Role.CATEGORY:
            return item.category
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if col == 2:
            return self._title_look(item, role)
        return None

    def _text(self, item: CalendarItem, col: int) -> str | None:
        if col == 0:
            return short_when(item)
        if col == 1:
            return iso_week_span(item.start, item.end).replace("v. ", "")
        if col == 2:
            return item.title + (" " + self.tr("(intern)") if item.internal else "")
        return None

    def _tooltip(self, item: CalendarItem) -> str:
        cat = self._categories.get(item.category)
        parts = [item.title, cat.name if cat else item.category]
        if item.place:
            parts.append(item.place)
        if _owned_elsewhere(item):
            parts.append(self.tr("Ändras i den del av programmet där den hör hemma."))
        return "\n".join(parts)

    def _title_look(self, item: CalendarItem, role: int) -> QColor | None:
        """The ring's colour beside the title; an item owned elsewhere in a darker ink."""
        cat = self._categories.get(item.category)
        if role == Qt.ItemDataRole.DecorationRole and cat:
            return QColor(cat.color)
        if role == Qt.ItemDataRole.ForegroundRole and _owned_elsewhere(item):
            return QColor("#34495e")
        return None


def _owned_elsewhere(item: CalendarItem) -> bool:
    return item.owner is not None and item.owner.area != "wheel"
