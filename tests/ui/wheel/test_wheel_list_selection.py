"""Årshjul at 1366×768: the list's highlighted row and the detail pane always speak of the
same event, after a delete and its undo too (the trial: a row stayed highlighted while the
pane said "Välj en händelse…" and Öppna/Ta bort were off), and the titles have the room."""

from __future__ import annotations

import pytest
from factories_wheel import open_wheel_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.ui.widgets.roles import Role


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    return open_wheel_page(qtbot, demo_ctx, (1366, 740))


def _click_title(page, title: str) -> str:  # type: ignore[no-untyped-def]
    proxy = page.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 2).data() == title)
    index = proxy.index(row, 2)
    page.table.scrollTo(index)
    QTest.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    return str(index.data(Role.KEY))


def _agree(page) -> None:  # type: ignore[no-untyped-def]
    rows = page.table.selectionModel().selectedRows()
    highlighted = [str(i.data(Role.KEY)) for i in rows]
    selected = page.wheel.selected
    if selected is None:
        assert highlighted == [], "a row is highlighted while nothing is chosen"
        assert "Välj en händelse" in page.details.text()
        assert not page.edit_button.isEnabled()
    else:
        assert highlighted == [selected]
        assert "Välj en händelse" not in page.details.text()
        assert page.edit_button.isEnabled()


def test_the_highlighted_row_and_the_detail_pane_agree_after_delete_and_undo(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    key = _click_title(page, "Kulturnatten")
    assert page.wheel.selected == key
    _agree(page)
    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.wheel.item(key) is None
    _agree(page)
    page.stack.undo()
    assert page.wheel.item(key) is not None
    _agree(page)
    # Chosen again and taken away by the journal (as an undone "Ny händelse" is).
    _click_title(page, "Kulturnatten")
    _agree(page)
    page.stack.redo()
    assert page.wheel.item(key) is None
    _agree(page)
    page.stack.undo()
    _agree(page)
    page.grab().save("/tmp/misc-wheel-after-undo.png")


def test_titles_have_the_room_and_a_tooltip_with_the_whole_title(page) -> None:  # type: ignore[no-untyped-def]
    table = page.table
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(3)]
    assert widths[2] == max(widths), widths  # the title column gets the room
    metrics = table.fontMetrics()
    proxy = page.proxy
    titles = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    icon = table.iconSize().width() + 12
    # Most titles are whole at 1366 (those the trial saw cut short among them).
    whole = [t for t in titles if metrics.horizontalAdvance(t) + icon <= widths[2]]
    assert len(whole) >= 0.6 * len(titles), (widths, len(whole), len(titles))
    for r in range(proxy.rowCount()):
        tip = proxy.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines()[0] in proxy.index(r, 2).data()
    page.grab().save("/tmp/misc-wheel-list.png")
