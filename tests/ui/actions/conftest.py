"""The Uppdrag page in the main window with the example data, for the tests here."""

from __future__ import annotations

import pytest
from demo_template import DEMO_DATE
from PySide6.QtWidgets import QApplication

from trygghetsrad.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_database):  # type: ignore[no-untyped-def]
    win = MainWindow(demo_database)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.finish_start()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def page(window, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_tab("actions")
    page.today = page.model.today = DEMO_DATE  # the day the example data describes
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=30_000)
    page.apply_filters()
    return page
