"""The wheel's legend: one check box per shown ring, with its colour and count of items.

It reflows into as many columns as fit its own width and never forces the window wider;
unticking a box hides the ring in the wheel and its items in the list (`toggled`)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QSizePolicy, QWidget

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.wheel.model import WheelCategory
from trygghetsrad.ui.wheel.dialogs import swatch


class WheelLegend(QWidget):
    toggled = Signal(str, bool)  # ring key, shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.grid.setContentsMargins(8, 0, 8, 0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Teckenförklaring"))
        self.checks: dict[str, QCheckBox] = {}
        self._shown: list[WheelCategory] = []
        self._counts: dict[str, int] = {}
        self._hidden: set[str] = set()
        self._key: tuple[object, ...] | None = None
        self._columns = 0

    def show_rings(
        self, categories: list[WheelCategory], items: list[CalendarItem], hidden: set[str]
    ) -> None:
        counts: dict[str, int] = {}
        for item in items:
            counts[item.category] = counts.get(item.category, 0) + 1
        self._shown = [c for c in categories if c.visible]
        self._counts, self._hidden = counts, hidden
        self._rebuild()

    def _rebuild(self) -> None:
        shown, counts = self._shown, self._counts
        columns = self._columns_for(len(shown))
        layout_key = (tuple((c.key, c.name, c.color) for c in shown), columns)
        if layout_key == self._key:
            # Same rings (another year): update the counts in place. Taking the boxes out and
            # adding new ones let the wheel grow and shrink again, laying it out twice.
            for cat in shown:
                check = self.checks[cat.key]
                check.setText(f"{cat.name} ({counts.get(cat.key, 0)})")
                with QSignalBlocker(check):
                    check.setChecked(cat.key not in self._hidden)
            return
        self._key = layout_key
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.checks = {}
        self._columns = columns
        for index, cat in enumerate(shown):
            check = QCheckBox(f"{cat.name} ({counts.get(cat.key, 0)})")
            check.setIcon(swatch(cat.color, 12))
            check.setChecked(cat.key not in self._hidden)
            check.setAccessibleName(self.tr("Visa {name}").format(name=cat.name))
            check.toggled.connect(lambda on, key=cat.key: self.toggled.emit(key, on))
            self.grid.addWidget(check, index // columns, index % columns)
            self.checks[cat.key] = check

    def _columns_for(self, count: int) -> int:
        width = self.width() if self.width() > 50 else 900
        return max(1, min(4, count, width // 210))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # The legend's own width decides its columns (the page's resize comes before the
        # legend's, so the first layout after show would otherwise keep the guessed columns).
        super().resizeEvent(event)
        self.reflow()

    def reflow(self) -> None:
        if self._shown and self._columns_for(len(self._shown)) != self._columns:
            self._rebuild()
