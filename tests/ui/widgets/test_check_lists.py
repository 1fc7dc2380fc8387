"""A list of check boxes in a form (the groups of a new meeting, the causes a measure answers,
…) ticks a row when its text is clicked, as users expect; clicking the box itself ticks it
once (not on and straight off again).

Every form dialog of the app is opened the way the user opens it (the openers of
test_bad_input_everywhere) and every checkable row of its lists is clicked with the mouse.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QStyle, QStyleOptionViewItem
from test_bad_input_everywhere import OPENERS, open_dialog


def _has_box(view: QListWidget, row: int) -> bool:
    item = view.item(row)
    has_state = item.data(Qt.ItemDataRole.CheckStateRole) is not None
    return has_state and bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)


def _checkable_lists(dialog: object) -> list[QListWidget]:
    return [
        w
        for w in dialog.findChildren(QListWidget)  # type: ignore[attr-defined]
        if w.isVisibleTo(dialog) and any(_has_box(w, i) for i in range(w.count()))
    ]


def _click(view: QListWidget, pos: QPoint) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()


def _indicator(view: QListWidget, row: int) -> QPoint:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(view.model().index(row, 0))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    return rect.center()


def test_the_sweep_finds_the_check_lists(qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    found = []
    for name in ("meetings.dialogs.MeetingDialog", "situation.plan_dialogs.MeasureDialog"):
        found += _checkable_lists(open_dialog(name, demo_ctx, monkeypatch, qtbot))
    assert len(found) == 2


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_clicking_a_rows_text_ticks_it(
    name: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    dialog.resize(1000, 700)
    QApplication.processEvents()
    for view in _checkable_lists(dialog):
        for row in range(view.count()):
            item = view.item(row)
            if not _has_box(view, row):
                continue
            view.scrollToItem(item)
            rect = view.visualRect(view.model().index(row, 0))
            text_at = QPoint(rect.left() + 40, rect.center().y())  # on the name
            before = item.checkState()
            _click(view, text_at)
            assert item.checkState() != before, f"{name}: clicking “{item.text()}” did nothing"
            _click(view, text_at)
            assert item.checkState() == before, f"{name}: a second click did not untick"
            _click(view, _indicator(view, row))
            assert item.checkState() != before, f"{name}: the box itself ticked twice"
            _click(view, _indicator(view, row))
            assert item.checkState() == before
