"""A choice of area of any level: the municipality's tree indented in the user's order, each
area with its level ("Centrum (Mellanområde)"), and "Inget område" first."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trygghetsrad.domain.situation.area_tree import AreaData

INDENT_PX = 16  # per level, in the open list
DEPTH = Qt.ItemDataRole.UserRole + 1


class _IndentDelegate(QStyledItemDelegate):
    """Indents each line of the open list by its area's depth; the closed picker shows the
    chosen area without the indent, so a deep area's name is not pushed out of sight."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        depth = int(index.data(DEPTH) or 0)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(depth * INDENT_PX, 0, 0, 0)
        super().paint(painter, shifted, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + int(index.data(DEPTH) or 0) * INDENT_PX, hint.height())


class AreaPicker(QComboBox):
    """`area_id()` is the chosen area's id, or None for "Inget område". An area tied now but
    gone from the list (deleted meanwhile) is not guessed at: the choice falls back to none."""

    def __init__(
        self,
        areas: Iterable[AreaData] = (),
        current: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Scrolling a form past the picker must not change the area: the wheel only chooses
        # once the picker has the focus (a click or Tab gives it).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setItemDelegate(_IndentDelegate(self))
        self.set_areas(areas, current)

    def set_areas(self, areas: Iterable[AreaData], current: int | None = None) -> None:
        self.clear()
        self._names: dict[int, str] = {}
        self.addItem(self.tr("Inget område"), None)
        for area in areas:
            label = self.tr("{name} ({level})").format(name=area.name, level=area.level)
            self.addItem(label, area.id)
            self.setItemData(self.count() - 1, area.depth, DEPTH)
            self.setItemData(self.count() - 1, area.full_name, Qt.ItemDataRole.ToolTipRole)
            self._names[area.id] = area.name
        self.set_area_id(current)

    def set_area_id(self, area_id: int | None) -> None:
        index = self.findData(area_id) if area_id is not None else 0
        self.setCurrentIndex(max(index, 0))

    def depth(self, index: int) -> int:
        """How deep in the tree the area on line `index` lies (0: the top level)."""
        return int(self.itemData(index, DEPTH) or 0)

    def area_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def area_name(self) -> str:
        """The chosen area's own name (no indent, no level), or "" for none."""
        area_id = self.area_id()
        return self._names.get(area_id, "") if area_id is not None else ""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if not self.hasFocus():
            event.ignore()  # the scroll area around the form scrolls instead
            return
        super().wheelEvent(event)
