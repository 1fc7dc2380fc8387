"""Sweeps over every widget of a page first open each part the page builds when it is first
shown (a `LazyTab`: Möten's Närvaro, Uppgifter om mötet, Kallelse and Versioner), as a user
opening every tab would; otherwise they would pass without having seen those widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from trygghetsrad.ui.lazy_tab import LazyTab


def open_every_part(root: QWidget) -> list[LazyTab]:
    """Build every part of `root` not built yet (and the parts of those); the parts built."""
    built: list[LazyTab] = []
    while pending := [tab for tab in root.findChildren(LazyTab) if tab.page is None]:
        for tab in pending:
            tab.ensure_page()
            built.append(tab)
    QApplication.processEvents()
    return built
