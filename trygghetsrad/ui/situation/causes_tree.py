"""The cause tree as a Qt item model (with drag and drop), its keyboard-driven view, and the
drawn tree diagram (geometry from `domain.situation.causes_layout`, shared with the PDF)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from trygghetsrad.domain.situation.causes import CauseData, CauseKind, CauseNode, build_tree
from trygghetsrad.domain.situation.causes_layout import LayoutStyle, TreeLayout, layout_tree

MIME = "application/x-trygghetsrad-cause"
Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    cause: CauseData | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class CauseTreeModel(QAbstractItemModel):
    """Causes of one problem. Edits go out as signals; the page calls the services and reloads.

    Columns: cause, kind, measures addressing it (flagged in red when none does).
    """

    rename_requested = Signal(int, str)  # cause id, new title
    move_requested = Signal(int, object, int)  # cause id, new parent id or None, position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None)
        self._by_id: dict[int, _Node] = {}
        self._flagged: frozenset[int] = frozenset()
        self._measure_titles: dict[int, str] = {}

    def set_causes(
        self,
        causes: list[CauseData],
        flagged: frozenset[int] = frozenset(),
        measure_titles: dict[int, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._root = _Node(None)
        self._by_id = {}
        self._flagged = flagged
        self._measure_titles = measure_titles or {}

        def add(tree_node: CauseNode, parent: _Node) -> None:
            node = _Node(tree_node.cause, parent)
            parent.children.append(node)
            self._by_id[tree_node.cause.id] = node
            for child in tree_node.children:
                add(child, node)

        for root in build_tree(causes):
            add(root, self._root)
        self.endResetModel()

    # -- lookup ----------------------------------------------------------------------------

    def cause(self, index: Index) -> CauseData | None:
        node = self._node(index)
        return node.cause if node is not self._root else None

    def index_of(self, cause_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(cause_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def causes(self) -> list[CauseData]:
        return [n.cause for n in self._by_id.values() if n.cause is not None]

    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

    # PySide6 declares parent() twice (QObject.parent() and the model's parent(index)); an
    # override can match only one of them.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Orsak"), self.tr("Typ"), self.tr("Åtgärder")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cause = self.cause(index)
        if cause is None:
            return None
        column = index.column()
        flagged = cause.id in self._flagged
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(cause, column, flagged, editing=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and flagged:
            return QColor("#a4262c")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cause, flagged)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and flagged:
            return self.tr("Orsak utan åtgärd")
        return None

    def _text(self, cause: CauseData, column: int, flagged: bool, *, editing: bool) -> Any:
        """The title (as typed when editing), the kind, or the measures that answer it."""
        if column == 0:
            internal = cause.internal and not editing
            return cause.title + self.tr(" (intern)") if internal else cause.title
        if column == 1:
            known = cause.kind in CauseKind._value2member_map_
            return CauseKind(cause.kind).label if known else cause.kind
        if editing:
            return None
        if cause.measure_ids:
            return ", ".join(self._measure_titles.get(m, str(m)) for m in cause.measure_ids)
        return self.tr("Ingen åtgärd") if flagged else ""

    def _tooltip(self, cause: CauseData, flagged: bool) -> str:
        parts = [cause.title]
        if cause.description:
            parts.append(cause.description)
        if cause.evidence:
            parts.append(self.tr("Underlag: ") + "; ".join(e.label for e in cause.evidence))
        if flagged:
            parts.append(self.tr("Ingen åtgärd i planen svarar mot orsaken."))
        return "\n".join(parts)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        cause = self.cause(index)
        if cause is None or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        text = str(value).strip()
        if not text or text == cause.title:
            return False
        self.rename_requested.emit(cause.id, text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = sorted({c.id for i in indexes if (c := self.cause(i)) is not None})
        data.setData(MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        return data.hasFormat(MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        ids = [int(x) for x in raw.split(",") if x]
        if len(ids) != 1:
            return False
        target = self.cause(parent)
        parent_id = target.id if target is not None else None
        siblings = self._node(parent).children
        position = len(siblings) if row < 0 else row
        moving = self._by_id.get(ids[0])
        if moving is None:
            return False
        # Positions among siblings are counted without the moved cause itself.
        if moving.parent is self._node(parent) and moving.row() < position:
            position -= 1
        self.move_requested.emit(ids[0], parent_id, position)
        # The page reloads the model; returning False stops the view from removing rows.
        return False


class CauseTreeView(QTreeView):
    """Keyboard editing like an outliner.

    Insert: new cause after the current one; Ctrl+Insert: new sub-cause; F2: rename;
    Delete: remove; Tab / Ctrl+Right: indent; Shift+Tab / Ctrl+Left: outdent;
    Ctrl+Up / Ctrl+Down: move among its siblings.
    """

    insert_requested = Signal(bool)  # as a child of the current cause
    delete_requested = Signal()
    indent_requested = Signal()
    outdent_requested = Signal()
    shift_requested = Signal(int)  # -1 up, +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Insert:
            self.insert_requested.emit(ctrl)
        elif key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Backtab or (ctrl and key == Qt.Key.Key_Left):
            self.outdent_requested.emit()
        elif (key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier) or (
            ctrl and key == Qt.Key.Key_Right
        ):
            self.indent_requested.emit()
        elif ctrl and key == Qt.Key.Key_Up:
            self.shift_requested.emit(-1)
        elif ctrl and key == Qt.Key.Key_Down:
            self.shift_requested.emit(1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        # Tab and Shift+Tab indent and outdent here; Ctrl+Tab leaves the tree.
        return False


KIND_COLOURS = {
    "situationell": (QColor("#e3eef8"), QColor("#1f5a8c")),
    "social": (QColor("#fbeee0"), QColor("#b5651d")),
    "": (QColor("#1f5a8c"), QColor("#1f5a8c")),
}


class CauseTreeDiagram(QWidget):
    """The cause tree drawn as boxes and connectors, scaled to the width it is given."""

    cause_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Orsaksträd som diagram"))
        self.setMinimumHeight(120)
        self._problem = ""
        self._causes: list[CauseData] = []
        self._flagged: frozenset[int] = frozenset()
        self._selected: int | None = None
        self.layout_: TreeLayout | None = None
        self._scale = 1.0
        self.style_ = LayoutStyle(box_width=170, h_gap=34, v_gap=9, padding=6, line_height=15)

    def set_tree(
        self, problem: str, causes: list[CauseData], flagged: frozenset[int] = frozenset()
    ) -> None:
        self._problem, self._causes, self._flagged = problem, causes, flagged
        metrics = QFontMetricsF(self.font())
        self.layout_ = layout_tree(
            problem,
            build_tree(causes),
            metrics.horizontalAdvance,
            self.style_,
            flagged=flagged,
        )
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.layout_ = None
        self.setMinimumHeight(120)
        self.update()

    def set_selected(self, cause_id: int | None) -> None:
        self._selected = cause_id
        self.update()

    def _fit(self) -> float:
        if self.layout_ is None:
            return 1.0
        return max(0.45, self.layout_.scale_to_fit(self.width() - 16, 10_000))

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self.layout_ is None:
            return 120
        scale = max(0.45, self.layout_.scale_to_fit(width - 16, 10_000))
        return int(self.layout_.height * scale) + 16

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.layout_ is not None:
            self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.layout_ is None:
            painter.end()
            return
        scale = self._scale = self._fit()
        painter.translate(8, 8)
        painter.scale(scale, scale)
        painter.setPen(QPen(QColor("#8a949e"), 1.2))
        for edge in self.layout_.edges:
            path = QPainterPath(QPointF(*edge.points[0]))
            for point in edge.points[1:]:
                path.lineTo(QPointF(*point))
            painter.drawPath(path)
        metrics = QFontMetricsF(self.font())
        for box in self.layout_.boxes:
            fill, stroke = KIND_COLOURS.get(box.kind, KIND_COLOURS[""])
            pen = QPen(
                QColor("#c0392b") if box.flagged else stroke,
                2.4 if box.cause_id == self._selected else 1.2,
            )
            if box.flagged:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), 4, 4)
            painter.setPen(QColor("#ffffff") if box.kind == "" else QColor("#1d2733"))
            for i, line in enumerate(box.lines):
                y = box.y + self.style_.padding + i * self.style_.line_height + metrics.ascent()
                painter.drawText(QPointF(box.x + self.style_.padding, y), line)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.layout_ is None:
            return
        pos = event.position()
        x, y = (pos.x() - 8) / self._scale, (pos.y() - 8) / self._scale
        box = self.layout_.box_at(x, y)
        if box is not None and box.cause_id is not None:
            self.cause_clicked.emit(box.cause_id)
