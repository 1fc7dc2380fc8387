"""Choosing in a combo box the way a user does: open it with a click, click the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the combo with a click and click the item `text` in its list."""
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = combo.findText(text)
    assert row >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    index = view.model().index(row, 0)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    # A combo ignores a release that comes within a double-click time of its opening.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    QTest.mouseMove(view.viewport(), where)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: combo.currentText() == text)
