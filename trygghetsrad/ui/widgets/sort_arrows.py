"""Sort arrows that point the way the rows run: ▲ for A → Ö (ascending), ▼ for Ö → A.

Qt's Fusion style draws the opposite (a down arrow for ascending order), which new users
read as "sorted the wrong way". Every table fitted by `columns.ColumnFitter` (so every
sortable list of the app) uses this header style instead.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)


class _ArrowStyle(QProxyStyle):
    def drawPrimitive(  # noqa: N802 (Qt API)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            flipped = QStyleOptionHeader(option)
            if option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp:
                flipped.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
            elif option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown:
                flipped.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp
            option = flipped
        super().drawPrimitive(element, option, painter, widget)


def arrow_points_along(header: QHeaderView) -> None:
    """Give `header` sort arrows that match the order (▲ ascending)."""
    style = _ArrowStyle("Fusion")  # a style of its own (the proxy owns its base style)
    style.setParent(header)
    header.setStyle(style)


def points_along(header: QHeaderView) -> bool:
    """Whether `header` draws its arrows this way (for tests)."""
    return isinstance(header.style(), _ArrowStyle) or any(
        isinstance(child, _ArrowStyle) for child in header.children()
    )
