"""The Lägesbild tables are readable at 1366x768 without clicking each row: every cell of
their text columns shows its whole text (wrapped onto as many lines as it needs), and every
area of an indicator shows its whole name in the values table's header.

The trial saw the Åtgärdsplan cut "Ny belysning och röjning vid resecentrum …" to "Ny
belysning …" and Ansvarig, Indikator and Orsaker to a few characters, and an area header
"Industriområdet" shown as "ndustriområde"."""

from __future__ import annotations

from typing import Any

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QTableView

from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.ui.situation.page import SituationPage


def _cut_cells(table: QTableView, columns: tuple[int, ...]) -> list[str]:
    """The texts of `columns` that the table does not show whole."""
    model, metrics = table.model(), table.fontMetrics()
    # The item delegate's text margin on each side (QCommonStyle: focus frame margin + 1).
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for row in range(model.rowCount()):
        for column in columns:
            text = model.index(row, column).data()
            if not isinstance(text, str) or not text:
                continue
            rect = table.visualRect(model.index(row, column))
            width = rect.width() - 2 * margin
            flags = int(Qt.TextFlag.TextWordWrap) if table.wordWrap() else 0
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text)
            if needed.width() > width or needed.height() > rect.height():
                cut.append(f"{model.headerData(column, Qt.Orientation.Horizontal)}: {text!r}")
    return cut


KEEP: list[Any] = []  # the pages outlive the helper that builds them


def _page(qtbot: Any, ctx: Any, key: str) -> Any:
    situation = SituationPage(ctx)
    KEEP[:] = [situation]
    qtbot.addWidget(situation)
    situation.resize(1366, 690)  # the room under the menu, tabs and status bar at 1366x768
    situation.show()
    qtbot.waitExposed(situation)
    page = situation.subpage(key)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)
    return page


def _header(model: Any, name: str) -> int:
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == name
    )


def test_the_action_plan_shows_every_measure_whole(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_app, "plan")
    model = page.table.model()
    assert model.rowCount() >= 8
    columns = tuple(_header(model, h) for h in ("Åtgärd", "Ansvarig", "Indikator", "Orsaker"))
    assert _cut_cells(page.table, columns) == []
    # The full text is also the tooltip of the naming column, description or not.
    title = model.index(0, columns[0]).data()
    assert title in (model.index(0, columns[0]).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_the_sources_table_shows_who_delivers_whole(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_app, "sources")
    model = page.table.model()
    columns = tuple(_header(model, h) for h in ("Underlag", "Lämnas av", "Från", "Hinder"))
    assert _cut_cells(page.table, columns) == []


def test_every_area_header_of_an_indicator_is_whole(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    areas = [
        "Storåkers kommun",
        "Industriområdet",
        "Centrum",
        "Norrmalm",
        "Södra villaområdet",
        "Resecentrum",
        "Industriområdet Västra",
        "Hela kommunen utom centrum",
        "Riket",
    ]
    with demo_app.database.session() as s:
        indicator = situation_indicators.create_indicator(
            s, name="Inbrott per område", unit="antal"
        ).id
        for number, area in enumerate(areas):
            for year in (2024, 2025):
                situation_indicators.set_value(
                    s, indicator, area=area, period=str(year), value=1000.5 + number
                )
    page = _page(qtbot, demo_app, "indicators")
    page.select(indicator)
    QApplication.processEvents()
    header, model = page.table.horizontalHeader(), page.table.model()
    assert model.columnCount() == len(areas)
    shown = []
    for column in range(model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        if header.sectionSize(column) < header.sectionSizeHint(column):
            shown.append(name)
    assert shown == [], "headers cut: " + ", ".join(shown)
    assert _cut_cells(page.table, tuple(range(model.columnCount()))) == []
