"""AnnualWheelWidget: the year as a painted wheel, with hover details, selection and creation.

All geometry comes from `domain.wheel.scene`; the scene is rebuilt only when the data or the
size changes, and painting replays prepared Qt paths — no database access and no layout work
happens in `paintEvent`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontInfo,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import date_span, iso_week_label, iso_week_span, time_span
from trygghetsrad.domain.wheel.geometry import Span
from trygghetsrad.domain.wheel.model import Holiday, WheelCategory
from trygghetsrad.domain.wheel.scene import ItemShape, Options, Scene, Sector, build_scene
from trygghetsrad.ui.wheel.painter import PreparedScene, sector_path

SMALL_FONT = 0.85  # small print relative to the body text (8 on 9.5 pt, 11 on 13 pt)

OWNER_NAMES = {
    "meetings": "Möten",
    "situation": "Lägesbild",
    "action_plan": "Åtgärdsplan",
}


class AnnualWheelWidget(QWidget):
    selection_changed = Signal(object)  # item key or None
    item_activated = Signal(str)  # double-click or Enter on an item
    create_requested = Signal(object, str)  # date, category key
    item_moved = Signal(str, int)  # item key, days later (negative: earlier) — dragged on the wheel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Årshjul"))
        self.setAccessibleDescription(
            self.tr(
                "Cirkulär kalender över året. Piltangenterna väljer föregående eller nästa "
                "händelse, Enter öppnar den, Ctrl+pil flyttar den en dag (höger/vänster) "
                "eller en vecka (upp/ned). Dra en händelse för att flytta den."
            )
        )
        self._span = Span.year(date.today().year)
        self._categories: list[WheelCategory] = []
        self._items: list[CalendarItem] = []
        self._holidays: list[Holiday] = []
        self._today: date | None = None
        self._title = ""
        self._lines: tuple[str, ...] = ()
        self._labels = True
        self._scene: Scene | None = None
        self._prepared: PreparedScene | None = None
        self._pixmap: QPixmap | None = None  # the painted scene; hover and selection go on top
        self._highlight_cache: dict[str, QPainterPath] = {}
        self.selected: str | None = None
        self.hovered: str | None = None
        self._press: tuple[QPointF, str] | None = None  # where a possible drag started, on what
        self.drag_days: int | None = None  # while dragging: how many days the item would move
        self.scene_builds = 0  # for tests and benchmarks: how often the layout was computed

    # -- data --------------------------------------------------------------------------------

    def set_data(
        self,
        span: Span,
        categories: Sequence[WheelCategory],
        items: Sequence[CalendarItem],
        *,
        holidays: Sequence[Holiday] = (),
        today: date | None = None,
        title: str = "",
        lines: Sequence[str] = (),
        scene: Scene | None = None,
    ) -> None:
        """`scene`: the layout already built (e.g. in a worker thread) by `build_scene` from
        exactly these arguments and `options(title, lines)`."""
        self._span = span
        self._categories = list(categories)
        self._items = list(items)
        self._holidays = list(holidays)
        self._today = today
        self._title = title
        self._lines = tuple(lines)
        if self.selected and self.selected not in {i.key for i in self._items}:
            self.selected = None
        self.invalidate()
        if scene is not None:  # scene() lays out again if it is painted at another size
            self._scene = scene
            self._prepared = PreparedScene(scene)
            self.scene_builds += 1

    def _size(self) -> tuple[float, float]:
        return (float(max(200, self.width())), float(max(200, self.height())))

    def options(self, title: str = "", lines: Sequence[str] = ()) -> Options:
        """The layout options of the wheel's current size and label setting."""
        width, height = self._size()
        return Options(
            width,
            height,
            labels=self._labels,
            center_title=title,
            center_lines=tuple(lines),
            min_font=self.small_font_px(),
            hidden_note=self.tr("peka på dem i hjulet eller zooma in"),
        )

    def small_font_px(self) -> float:
        """The platform's small font in pixels (the smallest text drawn on the wheel): the
        widget's font made as much smaller as small print is on Windows and macOS."""
        return QFontInfo(self.font()).pixelSize() * SMALL_FONT

    def set_labels_visible(self, visible: bool) -> None:
        self._labels = visible
        self.invalidate()

    @property
    def span(self) -> Span:
        return self._span

    def items(self) -> list[CalendarItem]:
        return list(self._items)

    def item(self, key: str) -> CalendarItem | None:
        return next((i for i in self._items if i.key == key), None)

    def invalidate(self) -> None:
        self._scene = None
        self._prepared = None
        self._pixmap = None
        self._highlight_cache.clear()
        self.update()

    def invalidate_paint(self) -> None:
        """Forget the painted pixmap but keep the layout: the next paint replays every path
        (what a benchmark of "one full repaint" should measure)."""
        self._pixmap = None
        self.update()

    def scene(self) -> Scene:
        if self._scene is None or (self._scene.width, self._scene.height) != self._size():
            self._scene = build_scene(
                self._span,
                self._categories,
                self._items,
                self.options(self._title, self._lines),
                holidays=self._holidays,
                today=self._today,
            )
            self._prepared = PreparedScene(self._scene)
            self._pixmap = None
            self._highlight_cache.clear()
            self.scene_builds += 1
        return self._scene

    def select(self, key: str | None, *, notify: bool = True) -> None:
        if key == self.selected:
            return
        self.selected = key
        self.update()
        if notify:
            self.selection_changed.emit(key)

    def shape_center(self, key: str) -> QPointF | None:
        """Where the item is drawn (widget coordinates), e.g. for tests and keyboard focus."""
        shape = self.scene().shape(key)
        return QPointF(shape.x, shape.y) if shape else None

    # -- painting ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 700)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 280)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        scene = self._scene
        # The layout is redone when painted at a new size, not on every resize: a relayout of
        # the page can pass through sizes that are never painted.
        if scene is None or (scene.width, scene.height) != self._size():
            self._pixmap = None
            self._highlight_cache.clear()
            self.update()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        scene = self.scene()
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.devicePixelRatio() != ratio:
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(self.palette().window().color())
            base = QPainter(pixmap)
            assert self._prepared is not None
            self._prepared.paint(base)
            base.end()
            self._pixmap = pixmap
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.drawPixmap(0, 0, self._pixmap)
        for key, width, alpha in ((self.hovered, 2.0, 150), (self.selected, 3.0, 255)):
            if key is None:
                continue
            shape = scene.shape(key)
            if shape is None:
                continue
            pen = QPen(QColor(29, 39, 51, alpha), width)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._highlight(scene, shape))
        if self.drag_days and self._press is not None:
            shape = scene.shape(self._press[1])
            if shape is not None:
                painter.save()
                painter.translate(scene.cx, scene.cy)
                painter.rotate(self.drag_days * scene.span.day_degrees())
                painter.translate(-scene.cx, -scene.cy)
                painter.setPen(QPen(QColor(29, 39, 51, 200), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(31, 90, 140, 60))
                painter.drawPath(self._highlight(scene, shape))
                painter.restore()
        if self.hasFocus() and self.selected is None:
            painter.setPen(QPen(QColor("#1f5a8c"), 1, Qt.PenStyle.DotLine))
            painter.drawEllipse(QPointF(scene.cx, scene.cy), scene.radius + 3, scene.radius + 3)
        painter.end()

    def _highlight(self, scene: Scene, shape: ItemShape) -> QPainterPath:
        path = self._highlight_cache.get(shape.key)
        if path is None:
            if shape.mark:
                path = QPainterPath()
                path.addEllipse(QPointF(shape.x, shape.y), shape.mark_r + 2.5, shape.mark_r + 2.5)
            else:
                path = sector_path(
                    Sector(
                        scene.cx, scene.cy, shape.r0 - 1.5, shape.r1 + 1.5, shape.a0, shape.a1, None
                    )
                )
            self._highlight_cache[shape.key] = path
        return path

    # -- interaction -------------------------------------------------------------------------

    def describe(self, key: str) -> str:
        item = self.item(key)
        if item is None:
            return ""
        names = {c.key: c.name for c in self._categories}
        lines = [f"<b>{_esc(item.title)}</b>", _esc(date_span(item.start, item.end))]
        when = time_span(item.start_time, item.end_time)
        if when:
            lines[-1] += f", {when}"
        lines[-1] += f" ({iso_week_span(item.start, item.end)})"
        lines.append(_esc(names.get(item.category, item.category)))
        if item.place:
            lines.append(_esc(self.tr("Plats: {place}").format(place=item.place)))
        if item.responsible:
            lines.append(_esc(self.tr("Ansvarig: {who}").format(who=item.responsible)))
        if item.description:
            text = item.description if len(item.description) < 240 else item.description[:240] + "…"
            lines.append(f"<i>{_esc(text)}</i>")
        if item.internal:
            lines.append(self.tr("Intern – visas inte i utskick"))
        if item.owner is not None and item.owner.area != "wheel":
            lines.append(
                self.tr("Hör till {owner}; ändras där.").format(
                    owner=OWNER_NAMES.get(item.owner.area, item.owner.area)
                )
            )
        return "<br>".join(lines)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        scene = self.scene()
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, key = self._press
            if self.drag_days is not None or (pos - start).manhattanLength() >= 6:
                days = self._days_between(scene, start, pos)
                if days != self.drag_days:
                    self.drag_days = days
                    item = self.item(key)
                    if item is not None:
                        from datetime import timedelta

                        target = item.start + timedelta(days=days)
                        self.setToolTip(
                            self.tr("Flytta {title} till {day}").format(
                                title=_esc(item.title), day=_esc(date_span(target, None))
                            )
                        )
                    self.update()
                return
        key = scene.hit_test(pos.x(), pos.y())
        if key != self.hovered:
            self.hovered = key
            self.update()
        if key is not None:
            tip = self.describe(key)
        else:
            holiday = scene.holiday_at(pos.x(), pos.y())
            day = scene.date_at(pos.x(), pos.y())
            if holiday is not None:
                tip = f"<b>{_esc(holiday.name)}</b><br>{_esc(date_span(holiday.day, None))}"
            elif day is not None:
                tip = f"{_esc(date_span(day, None))} ({iso_week_label(day)})"
                spot = scene.spot(pos.x(), pos.y())
                if spot is not None:
                    tip += "<br>" + self.tr("Dubbelklicka för att lägga till en händelse här")
            else:
                tip = ""
        if tip != self.toolTip():
            self.setToolTip(tip)  # Qt shows it after the usual hover delay
            if QToolTip.isVisible():  # already showing: follow the mouse to the new item
                if tip:
                    QToolTip.showText(event.globalPosition().toPoint(), tip, self)
                else:
                    QToolTip.hideText()
        self.setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.hovered is not None:
            self.hovered = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            scene = self.scene()
            key = scene.hit_test(pos.x(), pos.y())
            self.select(key)
            # Only the mark or arc itself is dragged along the wheel; a label is just clicked.
            dragged = key is not None and scene.shape_at(pos.x(), pos.y()) == key
            self._press = (QPointF(pos), key) if dragged else None
            self.drag_days = None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        press, days = self._press, self.drag_days
        self._press, self.drag_days = None, None
        if press is not None and days:
            self.update()
            self.item_moved.emit(press[1], days)
        super().mouseReleaseEvent(event)

    @staticmethod
    def _days_between(scene: Scene, start: QPointF, end: QPointF) -> int:
        from trygghetsrad.domain.wheel.geometry import polar

        a0 = polar(scene.cx, scene.cy, start.x(), start.y())[1]
        a1 = polar(scene.cx, scene.cy, end.x(), end.y())[1]
        delta = (a1 - a0 + 540) % 360 - 180
        return round(delta / scene.span.day_degrees())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        scene = self.scene()
        key = scene.hit_test(pos.x(), pos.y())
        if key is not None:
            self.select(key)
            self.item_activated.emit(key)
            return
        spot = scene.spot(pos.x(), pos.y())
        if spot is not None:
            self.create_requested.emit(spot[0], spot[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.selected:
            steps = {
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Down: 7,
                Qt.Key.Key_Up: -7,
            }
            if event.key() in steps:  # the keyboard way of dragging: a day or a week
                self.item_moved.emit(self.selected, steps[Qt.Key(event.key())])
                return
        keys = [s.key for s in sorted(self.scene().shapes, key=lambda s: (s.a0, s.key))]
        if (
            event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up)
            and keys
        ):
            step = 1 if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            index = (
                keys.index(self.selected) + step
                if self.selected in keys
                else (0 if step > 0 else -1)
            )
            self.select(keys[index % len(keys)])
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.item_activated.emit(self.selected)
            return
        if event.key() == Qt.Key.Key_Escape and self.selected:
            self.select(None)
            return
        super().keyPressEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
