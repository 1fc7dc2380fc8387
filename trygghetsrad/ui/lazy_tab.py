"""A tab that builds its page the first time it is shown, keeping start-up lean."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from trygghetsrad.ui.context import AppContext


def load_factory(spec: str) -> Callable[[AppContext], QWidget]:
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]


class LazyTab(QWidget):
    page_painted = Signal()

    def __init__(self, key: str, spec: str, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._spec = spec
        self._ctx = ctx
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._painted = False

    def ensure_page(self) -> QWidget:
        if self.page is None:
            self.page = load_factory(self._spec)(self._ctx)
            self.page.installEventFilter(self)
            self._layout.addWidget(self.page)
        return self.page

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        self.ensure_page()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.page and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.page_painted.emit()
        return False
