"""The Områden sub-page driven by the mouse: add an area and a part of it in the dialog,
move and indent with the buttons, assess an area in a picture, and undo with the page's
stack; the table follows the tree's order and the risk cell takes the level's colour."""

from __future__ import annotations

from typing import Any

from factories_situation import make_picture
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from trygghetsrad.domain.situation.area_tree import RiskLevel
from trygghetsrad.services.situation import areas as situation_areas


def _click(button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _names(page: Any) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _row_of(page: Any, name: str) -> QModelIndex:
    return page.model.index(_names(page).index(name), 0)


def _fill_dialog(qtbot: Any, page: Any, name: str, level: str) -> None:
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setText(name)  # å/ä/ö can't be typed with keyClicks (PITFALLS 12)
    dialog.level.setText(level)
    _click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_building_and_assessing_a_tree_with_the_mouse(qtbot: Any, ctx: Any) -> None:
    from trygghetsrad.ui.situation.areas_page import AreasPage

    with ctx.database.session() as s:
        picture = make_picture(s)
        situation_areas.create_area(s, name="Norr", level="Stadsområde")
    page = AreasPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.picture_id() == picture

    _click(page.buttons["new"])
    _fill_dialog(qtbot, page, "Centrum", "Stadsområde")
    assert _names(page) == ["Norr", "Centrum"]  # last, in the user's order

    # the dialog refuses an area without a level, under the field, and stays open
    _click(page.buttons["child"])
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setText("Torget")
    _click(dialog.save_button)
    assert dialog.isVisible() and "Ange nivån" in dialog.error_text("level")
    dialog.level.setText("Plats")
    _click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _names(page) == ["Norr", "Centrum", "    Torget"]

    _click_row(page.table, _row_of(page, "Centrum"))
    _click(page.buttons["up"])
    assert _names(page) == ["Centrum", "    Torget", "Norr"]
    _click_row(page.table, _row_of(page, "Norr"))
    _click(page.buttons["indent"])
    assert _names(page) == ["Centrum", "    Torget", "    Norr"]

    _click_row(page.table, _row_of(page, "    Torget"))
    assert "Centrum › Torget" in page.heading.text()
    assert "Inget är kopplat hit ännu." in page.heading.text()
    # no Save button: the chosen level is stored at once, the typed needs once typing pauses
    chosen = page.risk.findData(RiskLevel.VERY_HIGH.value)
    page.risk.setCurrentIndex(chosen)
    page.risk.activated.emit(chosen)  # what picking it in the open list sends
    page.needs.setFocus()
    qtbot.keyClicks(page.needs, "Belysning och vuxna pa kvallen")  # ASCII: PITFALLS 12

    def saved_now() -> dict[str, Any]:
        with ctx.database.session() as s:
            return {r.area.name: r for r in situation_areas.assessments(s, picture)}

    qtbot.waitUntil(lambda: saved_now()["Torget"].needs == "Belysning och vuxna pa kvallen")
    saved = saved_now()
    assert saved["Torget"].risk is RiskLevel.VERY_HIGH
    assert saved["Torget"].needs == "Belysning och vuxna pa kvallen"
    assert saved["Centrum"].risk is RiskLevel.UNKNOWN
    risk_cell = page.model.index(_names(page).index("    Torget"), 2)
    assert risk_cell.data() == "Mycket hög"
    assert risk_cell.data(Qt.ItemDataRole.BackgroundRole) == QColor(RiskLevel.VERY_HIGH.colour)
    _click_row(page.table, _row_of(page, "Centrum"))
    assert "2 delområden" in page.heading.text()  # Torget and Norr lie under it
    qtbot.wait(50)  # the column fitter refits on the next turn of the event loop
    page.grab().save("/tmp/areas16-page.png")
    _click_row(page.table, _row_of(page, "    Torget"))

    # Ctrl+Z through the page's stack: the needs, the risk level, then the indent go back
    page.undo_stack.undo()
    assert saved_now()["Torget"].needs == ""
    assert page.needs.toPlainText() == ""
    assert saved_now()["Torget"].risk is RiskLevel.VERY_HIGH
    page.undo_stack.undo()
    assert saved_now()["Torget"].risk is RiskLevel.UNKNOWN
    page.undo_stack.undo()
    assert _names(page) == ["Centrum", "    Torget", "Norr"]


def test_a_refused_move_is_shown_and_changes_nothing(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    from trygghetsrad.ui.situation import areas_page

    with ctx.database.session() as s:
        make_picture(s)
        situation_areas.create_area(s, name="Norr", level="Stadsområde")
    page = areas_page.AreasPage(ctx)
    qtbot.addWidget(page)
    page.show()
    shown: list[str] = []
    monkeypatch.setattr(page, "show_error", shown.append)
    _click_row(page.table, _row_of(page, "Norr"))
    _click(page.buttons["outdent"])
    assert shown == ["Området ligger redan på översta nivån."]
    assert _names(page) == ["Norr"]
    _click(page.buttons["delete"])
    assert _names(page) == [] and shown == ["Området ligger redan på översta nivån."]
    page.undo_stack.undo()
    assert _names(page) == ["Norr"]
