"""Fixes after the new-user trial of the Möten tab (demo data as of 2026-11-26)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trygghetsrad.ui.meetings.page import MeetingsPage


@pytest.fixture
def demo_page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    widget = MeetingsPage(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row_of(page: MeetingsPage, day: str) -> int:
    proxy = page.table.model()
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith(day))


def test_joint_meetings_are_recognisable_in_the_list(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    proxy = demo_page.table.model()
    row = _row_of(demo_page, "2025-02-13")
    group = proxy.index(row, 1)
    assert group.data() == "TR + Klara"
    assert "Trygghetsrådet och Klara-gruppen" in group.data(Qt.ItemDataRole.ToolTipRole)
    # the short label fits: Qt does not elide it
    view = demo_page.table
    width = view.fontMetrics().horizontalAdvance(group.data()) + 12
    assert view.columnWidth(1) >= width
    assert proxy.index(row, 2).data() == "Anteckningar"


def test_title_field_is_not_squeezed_by_the_internal_checkbox(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    agenda = demo_page.agenda
    assert agenda.internal.text() == "Intern"
    assert "tas inte med" in agenda.internal.toolTip()
    assert agenda.title.width() > 5 * agenda.internal.width()


def test_attendance_statistics_sort_swedish_fit_and_close(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from trygghetsrad.domain.text import sort_key

    demo_page.show_stats()
    dialog = demo_page.stats_dialog
    qtbot.waitExposed(dialog)
    people, orgs = dialog.views
    names = [orgs.model().index(r, 0).data() for r in range(orgs.model().rowCount())]
    assert names == sorted(names, key=sort_key)
    assert names[-1] == "Älvdalsgymnasiet"  # Ä after Z, not among the A:s
    assert people.horizontalHeader().sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
    header = people.horizontalHeader()
    last = people.model().columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= people.viewport().width()  # Närvaro is shown in full
    assert header.sectionSize(last) >= header.sectionSizeHint(last)
    close = dialog.findChild(QDialogButtonBox).buttons()[0]
    assert close.text() == "Stäng"
    close.click()
    assert not dialog.isVisible()
