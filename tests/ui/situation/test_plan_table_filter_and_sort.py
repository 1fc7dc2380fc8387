"""The plan's table on the shared table stack: the filter field matches what any column
shows, a header click sorts, and "Nr" keeps each measure's place in the plan."""

from __future__ import annotations

from typing import Any

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.text import sort_key


def _shown(page: Any, column: int) -> list[str]:
    proxy = page.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def test_filter_matches_any_column_and_sorting_keeps_the_plan_numbers(
    qtbot: Any, demo_app: Any
) -> None:
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(demo_app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    numbers = dict(zip(_shown(page, 2), _shown(page, 1), strict=True))
    assert list(numbers.values()) == [str(n) for n in range(1, len(numbers) + 1)]

    # A click on "Åtgärd" sorts by title; each measure keeps its number in the plan.
    header = page.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(2) + 5, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    titles = _shown(page, 2)
    assert titles == sorted(titles, key=sort_key) != list(numbers)
    assert dict(zip(titles, _shown(page, 1), strict=True)) == numbers

    # The filter matches the kind, the status, the responsible… not only the title.
    kinds = _shown(page, 3)
    page.search.setText("situationell")
    assert 0 < page.proxy.rowCount() < len(kinds)
    assert set(_shown(page, 3)) == {"Situationell"}
    page.search.setText("avbruten")
    assert _shown(page, 8) == ["Avbruten"]
    page.search.clear()
    assert page.proxy.rowCount() == len(kinds)
