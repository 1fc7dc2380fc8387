"""The annual wheel widget and page driven with pytest-qt: selection, creation, hover, list sync."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.wheel.geometry import Span, point
from trygghetsrad.domain.wheel.model import DEFAULT_CATEGORIES, WheelCategory
from trygghetsrad.ui.wheel.models import WheelItemsModel, outside_rings
from trygghetsrad.ui.wheel.widget import AnnualWheelWidget
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.roles import Role

CATS = [WheelCategory(i, k, n, c, i) for i, (k, n, c) in enumerate(DEFAULT_CATEGORIES)]
ITEMS = [
    CalendarItem("wheel:1", "Kulturnatten", "events", date(2026, 5, 29), place="Centrum"),
    CalendarItem("wheel:2", "End of summer meet", "events", date(2026, 8, 28), date(2026, 8, 30)),
    CalendarItem(
        "wheel:3@2026-03-02", "Kampanjvecka", "campaigns", date(2026, 3, 2), date(2026, 3, 8)
    ),
]


def _widget(qtbot, items=ITEMS, width: int = 900) -> AnnualWheelWidget:  # type: ignore[no-untyped-def]
    widget = AnnualWheelWidget()
    qtbot.addWidget(widget)
    widget.resize(width, 700)
    widget.set_data(Span.year(2026), CATS, items, today=date(2026, 11, 26), title="2026")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pos(widget: AnnualWheelWidget, key: str) -> QPoint:
    center = widget.shape_center(key)
    assert center is not None
    return center.toPoint()


def test_click_on_a_date_selects_the_event_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    with qtbot.waitSignal(widget.selection_changed) as blocker:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_pos(widget, "wheel:2"))
    assert blocker.args == ["wheel:2"]
    assert widget.selected == "wheel:2"
    # a click on an empty part of the wheel clears the selection
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert widget.selected is None


def test_double_click_on_an_empty_spot_asks_to_create_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    scene = widget.scene()
    ring = next(r for r in scene.rings if r.category == "law_changes")
    x, y = point(
        scene.cx,
        scene.cy,
        (ring.r_inner + ring.r_outer) / 2,
        scene.span.angle(date(2026, 7, 1)) + 0.4,
    )
    with qtbot.waitSignal(widget.create_requested) as blocker:
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert blocker.args == [date(2026, 7, 1), "law_changes"]
    with qtbot.waitSignal(widget.item_activated) as activated:
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=_pos(widget, "wheel:1"))
    assert activated.args == ["wheel:1"]


def test_hover_shows_details_in_a_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    pos = QPointF(_pos(widget, "wheel:1"))
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        pos,
        widget.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    assert widget.hovered == "wheel:1"
    assert "Kulturnatten" in widget.toolTip() and "29 maj 2026" in widget.toolTip()
    assert "Centrum" in widget.toolTip()


def test_keyboard_walks_items_in_date_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.selected == "wheel:3@2026-03-02"
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.selected == "wheel:1"
    with qtbot.waitSignal(widget.item_activated):
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_painting_does_not_rebuild_the_layout(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    widget.grab()
    builds = widget.scene_builds
    assert builds >= 1
    for _ in range(3):
        widget.grab()
    assert widget.scene_builds == builds
    widget.resize(700, 600)
    widget.grab()
    assert widget.scene_builds == builds + 1


def test_list_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = WheelItemsModel()
    model.set_items(ITEMS, CATS)
    qtmodeltester.check(model)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("kultur")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(Role.KEY) == "wheel:1"
    proxy.set_query("")
    proxy.set_filter("shown rings", outside_rings({"events"}))
    assert proxy.rowCount() == 1


def _send(widget, kind, pos: QPointF, buttons) -> None:  # type: ignore[no-untyped-def]
    button = (
        Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
    )
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_dragging_an_item_along_the_wheel_moves_it_by_days(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot)
    scene = widget.scene()
    shape = scene.shape("wheel:1")
    assert shape is not None
    radius = ((shape.x - scene.cx) ** 2 + (shape.y - scene.cy) ** 2) ** 0.5
    start = QPointF(shape.x, shape.y)
    angle = scene.span.angle_of_moment(date(2026, 5, 29), 0.5)
    end = QPointF(*point(scene.cx, scene.cy, radius, angle + 7 * scene.span.day_degrees()))
    left = Qt.MouseButton.LeftButton
    _send(widget, QMouseEvent.Type.MouseButtonPress, start, left)
    _send(widget, QMouseEvent.Type.MouseMove, (start + end) / 2, left)
    _send(widget, QMouseEvent.Type.MouseMove, end, left)
    assert widget.drag_days == 7
    assert "5 juni 2026" in widget.toolTip()
    with qtbot.waitSignal(widget.item_moved) as moved:
        _send(widget, QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    assert moved.args == ["wheel:1", 7]
    # a plain click does not move anything
    with qtbot.assertNotEmitted(widget.item_moved):
        qtbot.mouseClick(widget, left, pos=_pos(widget, "wheel:2"))
    with qtbot.waitSignal(widget.item_moved) as by_key:
        qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert by_key.args == ["wheel:2", 1]


SUMMER = [
    *ITEMS,
    CalendarItem("wheel:9", "Sommarlov", "events", date(2026, 6, 13), date(2026, 8, 16)),
]


def test_a_click_on_a_label_selects_its_item(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The trial clicked the text beside the wheel: nothing was selected, the selection was
    cleared. A label is as clickable as the mark it names."""
    widget = _widget(qtbot, SUMMER, 1100)
    scene = widget.scene()
    assert scene.label_lines  # labels are drawn beside the wheel at this size
    for key, lines in scene.label_lines.items():
        x, y = lines[0].centre
        assert scene.shape(key) is not None and not scene.shape(key).contains(
            scene.cx, scene.cy, x, y, 2.0
        )  # the label stands apart from its mark
        with qtbot.waitSignal(widget.selection_changed) as blocker:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
        assert blocker.args == [key] and widget.selected == key
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
        assert widget.selected is None


def test_the_card_of_a_span_names_all_its_weeks(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(qtbot, SUMMER)
    card = widget.describe("wheel:9")
    assert "13 juni–16 augusti 2026 (v. 24–33)" in card, card
    model = WheelItemsModel()
    model.set_items(SUMMER, CATS)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(Role.KEY) == "wheel:9")
    assert model.data(model.index(row, 1)) == "24–33"
