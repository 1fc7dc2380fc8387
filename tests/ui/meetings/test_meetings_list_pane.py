"""The Möten list sorts in its model: the same order Qt's proxy sort gave, selection kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.list_pane import MeetingListPane
from trygghetsrad.ui.meetings.models import MeetingTableModel
from trygghetsrad.ui.widgets.roles import Role


def _ids(model) -> list[int]:  # type: ignore[no-untyped-def]
    return [model.index(r, 0).data(Role.KEY) for r in range(model.rowCount())]


@pytest.mark.parametrize("column", [0, 1, 2, 3])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_same_order_as_qt_proxy_sort(qtbot, demo_database, column, order) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        records = meetings.list_meetings(s)
    reference_model = MeetingTableModel()
    reference_model.set_rows(records)
    reference = QSortFilterProxyModel()
    reference.setSourceModel(reference_model)
    reference.setSortRole(Role.SORT)
    reference.sort(column, order)
    pane = MeetingListPane()
    qtbot.addWidget(pane)
    pane.model.set_rows(records)
    pane.table.sortByColumn(column, order)
    assert _ids(pane.proxy) == _ids(reference)
    assert pane.table.horizontalHeader().sortIndicatorSection() == column


def test_newest_first_header_sort_keeps_selection_and_reload_keeps_order(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, demo_database
) -> None:
    with demo_database.session() as s:
        records = meetings.list_meetings(s)
    pane = MeetingListPane()
    qtbot.addWidget(pane)
    pane.model.set_rows(records)
    qtmodeltester.check(pane.proxy)
    days = [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]
    assert days == sorted(days, reverse=True)  # newest first, as before
    pane.table.selectRow(3)
    chosen = pane.selected_id()
    assert chosen is not None
    pane.table.horizontalHeader().sectionClicked.emit(1)  # as a click on "Grupp"
    pane.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert pane.selected_id() == chosen
    row = pane.table.currentIndex().row()
    assert pane.proxy.index(row, 0).data(Role.KEY) == chosen
    pane.model.set_rows(list(reversed(records)))  # a reload in the service's order
    groups = [pane.proxy.index(r, 1).data(Role.SORT) for r in range(pane.proxy.rowCount())]
    assert groups == sorted(groups)
    assert pane.selected_id() == chosen


def test_the_list_paints_first_and_the_meeting_opens_right_after(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.page import MeetingsPage

    page = MeetingsPage(demo_ctx)
    qtbot.addWidget(page)
    # Built: the list is there, no meeting has been read yet ("Läser in …" beside it).
    assert page.model.rowCount() >= 10
    assert page._first_choice_pending and page.stack.currentWidget() is page.loading
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: not page._first_choice_pending)
    assert page.stack.currentIndex() == 1
    assert page.meeting is not None and page.meeting.id == page.list_pane.selected_id()
