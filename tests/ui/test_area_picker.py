"""The area picker in the forms of an observation, a gap and a measure: the tree indented in
the user's order with level names, chosen with the mouse, stored as the record's area (one
undoable edit), shown again when the record is edited; the wheel leaves it alone unfocused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from factories_action_plan import make_measure, make_plan
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from trygghetsrad.domain.situation.area_tree import AreaLink
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.services.situation import gaps as situation_gaps
from trygghetsrad.services.situation import observations as situation_observations

# The offscreen platform says it cannot raise or grab for the open list; nothing is wrong.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

AREAS = (
    ("Norra stadsområdet", "Stadsområde", None),
    ("Centrum", "Mellanområde", "Norra stadsområdet"),
    ("Stationen", "Plats", "Centrum"),
    ("Södra stadsområdet", "Stadsområde", None),
)


def _make_areas(ctx: Any) -> dict[str, int]:
    ids: dict[str, int] = {}
    with ctx.database.session() as s:
        for name, level, parent in AREAS:
            ids[name] = situation_areas.create_area(
                s, name=name, level=level, parent_id=ids.get(parent) if parent else None
            ).id
    return ids


def _tied(ctx: Any, link: AreaLink, record_id: int) -> int | None:
    with ctx.database.session() as s:
        return situation_areas.tied_area(s, link, record_id)


def _choose(qtbot: Any, box: QComboBox, text: str) -> None:
    """Open the picker with a click and click the line that shows `text`."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    row = next(i for i in range(box.count()) if box.itemText(i) == text)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    # The open list takes no release sooner than a double click after it opened (Qt's guard
    # against the opening click choosing an item).
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.currentText() == text


def _page(qtbot: Any, page: Any) -> Any:
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_picker_lists_the_tree_indented_in_the_users_order_with_levels(
    qtbot: Any, ctx: Any
) -> None:
    from trygghetsrad.ui.situation.gaps import GapsPage

    _make_areas(ctx)
    page = _page(qtbot, GapsPage(ctx))
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    box = page.dialog.area
    assert [(box.itemText(i), box.depth(i)) for i in range(box.count())] == [
        ("Inget område", 0),
        ("Norra stadsområdet (Stadsområde)", 0),
        ("Centrum (Mellanområde)", 1),
        ("Stationen (Plats)", 2),
        ("Södra stadsområdet (Stadsområde)", 0),
    ]
    assert box.area_id() is None


def test_a_gap_is_tied_by_mouse_edited_shows_its_area_and_undo_unties(qtbot: Any, ctx: Any) -> None:
    from trygghetsrad.ui.situation.gaps import GapsPage

    ids = _make_areas(ctx)
    page = _page(qtbot, GapsPage(ctx))
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.title.setText("Statistik per mellanområde")
    _choose(qtbot, dialog.area, "Centrum (Mellanområde)")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        gap = next(g for g in situation_gaps.list_gaps(s) if g.title.startswith("Statistik"))
    assert _tied(ctx, AreaLink.GAP, gap.id) == ids["Centrum"]

    page.select(gap.id)
    QTest.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.area.area_id() == ids["Centrum"]
    assert dialog.area.currentText() == "Centrum (Mellanområde)"
    _choose(qtbot, dialog.area, "Stationen (Plats)")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _tied(ctx, AreaLink.GAP, gap.id) == ids["Stationen"]

    ctx.undo_group.undo()  # the edit, the area with it
    assert _tied(ctx, AreaLink.GAP, gap.id) == ids["Centrum"]
    ctx.undo_group.redo()
    assert _tied(ctx, AreaLink.GAP, gap.id) == ids["Stationen"]

    page.select(gap.id)
    QTest.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, page.dialog.area, "Inget område")
    QTest.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
    assert _tied(ctx, AreaLink.GAP, gap.id) is None


def test_an_observation_takes_the_chosen_areas_name_as_its_place(qtbot: Any, ctx: Any) -> None:
    from trygghetsrad.ui.situation.observations import ObservationsPage

    ids = _make_areas(ctx)
    page = _page(qtbot, ObservationsPage(ctx))
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.title.setText("Oro kring stationen kvällstid")
    _choose(qtbot, dialog.area, "Stationen (Plats)")
    assert dialog.place.text() == "Stationen"
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        (obs,) = situation_observations.list_observations(s)
    assert obs.area_id == ids["Stationen"] and obs.place == "Stationen"

    page.select(obs.id)
    QTest.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.dialog.area.area_id() == ids["Stationen"]
    _choose(qtbot, page.dialog.area, "Södra stadsområdet (Stadsområde)")
    QTest.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        (obs,) = situation_observations.list_observations(s)
    assert obs.area_id == ids["Södra stadsområdet"] and obs.place == "Södra stadsområdet"
    ctx.undo_group.undo()
    with ctx.database.session() as s:
        (obs,) = situation_observations.list_observations(s)
    assert obs.area_id == ids["Stationen"] and obs.place == "Stationen"


def test_a_measure_is_tied_to_an_area_chosen_by_mouse(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    from trygghetsrad.ui.situation import plan_page
    from trygghetsrad.ui.situation.plan_dialogs import MeasureDialog

    ids = _make_areas(ctx)
    with ctx.database.session() as s:
        plan = make_plan(s, title="Plan 2026", period_start=date(2026, 1, 1))
        measure = make_measure(s, plan, title="Belysning vid stationen")
    page = _page(qtbot, plan_page.PlanPage(ctx))
    seen: list[int | None] = []

    def fake_exec(dialog: MeasureDialog) -> int:
        seen.append(dialog.area.area_id())
        dialog.show()
        _choose(qtbot, dialog.area, "Centrum (Mellanområde)")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(MeasureDialog, "exec", fake_exec)
    page.select_measure(measure)
    QTest.mouseClick(page.edit_measure_button, Qt.MouseButton.LeftButton)
    assert seen == [None]
    assert _tied(ctx, AreaLink.MEASURE, measure) == ids["Centrum"]
    QTest.mouseClick(page.edit_measure_button, Qt.MouseButton.LeftButton)
    assert seen == [None, ids["Centrum"]]  # the edit shows the tie
    ctx.undo_group.undo()
    ctx.undo_group.undo()
    assert _tied(ctx, AreaLink.MEASURE, measure) is None


def test_the_wheel_over_an_unfocused_picker_does_not_change_the_area(qtbot: Any, ctx: Any) -> None:
    from trygghetsrad.ui.widgets.area_picker import AreaPicker

    _make_areas(ctx)
    with ctx.database.session() as s:
        areas = situation_areas.list_areas(s)
    picker = AreaPicker(areas)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.clearFocus()

    def wheel() -> None:
        centre = QPointF(picker.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(picker.mapToGlobal(picker.rect().center())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(picker, event)

    wheel()
    assert picker.area_id() is None
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus)
    wheel()
    assert picker.currentIndex() == 1  # focused, the wheel chooses


def test_an_indicator_value_under_an_area_offered_from_the_tree_is_tied_to_it(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from trygghetsrad.services.situation import indicators as situation_indicators
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    ids = _make_areas(ctx)
    with ctx.database.session() as s:
        indicator = situation_indicators.create_indicator(s, name="Anmälda rån").id
    page = _page(qtbot, IndicatorsPage(ctx))
    page.select(indicator)
    offered: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        offered.append(list(items))
        return items[2], True  # the user picks the third line: Stationen, under Centrum

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    QTest.mouseClick(page.add_area_button, Qt.MouseButton.LeftButton)
    assert offered == [
        ["Norra stadsområdet", "    Centrum", "        Stationen", "Södra stadsområdet"]
    ]
    page.add_period("2025")
    column = page.values.areas().index("Stationen")
    index = page.values.index(page.values.periods().index("2025"), column)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (editor,) = [e for e in page.table.findChildren(QLineEdit) if e.isVisible()]
    QTest.keyClicks(editor, "14")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with ctx.database.session() as s:
        (stored,) = situation_indicators.get_indicator(s, indicator).values
    assert (stored.area, stored.value) == ("Stationen", 14.0)
    with ctx.database.session() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT area_id FROM indicator_values WHERE indicator_id = ?", (indicator,)
        )
        assert [r[0] for r in rows] == [ids["Stationen"]]
