"""A tab that builds its page the first time it is shown, keeping start-up lean.

The window's workspaces are such tabs (their page named by a "module:factory" spec), and so
are the parts of a page that hide behind its first tab (Möten's Närvaro, Uppgifter om mötet,
Kallelse and Versioner, built by a function of the page).

While the window is still starting (its database not yet open), a workspace tab that is
shown gets a glance instead, which the window provides (`ui/glance.py`: the page's list
read with plain sqlite3); the page is built as soon as the database is open and takes the
glance's place.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from trygghetsrad.source_lines import forgetting_source_lines
from trygghetsrad.ui.context import AppContext


def load_factory(spec: str) -> Callable[[AppContext], QWidget]:
    module_name, _, attr = spec.partition(":")
    with forgetting_source_lines():  # a page imports dozens of modules (see source_lines)
        module = importlib.import_module(module_name)
    factory: Callable[[AppContext], QWidget] = getattr(module, attr)
    return factory


class LazyTab(QWidget):
    painted = Signal()  # the tab showed data for the first time (its glance or its page)
    page_painted = Signal()  # the real page painted for the first time

    def __init__(
        self,
        key: str,
        spec: str | Callable[[AppContext], QWidget],
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        scroll: bool = True,
        glance: Callable[[str, QWidget], QWidget] | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self._spec = spec
        self._ctx = ctx
        self._glance = glance  # what the tab shows while the database is not yet open
        self.page: QWidget | None = None
        self.glance: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll: QScrollArea | None = None
        if not scroll:  # a part of a page, which scrolls what needs it itself
            self._layout = outer
        else:
            # The page sits in a scroll area: on a small screen (1366x768 at 125 % leaves
            # about 1090x570 logical pixels) the window fits the screen and the page scrolls,
            # instead of the window growing past the screen's edge to the page's minimum size.
            self.scroll = QScrollArea()
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            body = QWidget()
            self._layout = QVBoxLayout(body)
            self._layout.setContentsMargins(0, 0, 0, 0)
            self.scroll.setWidget(body)
            outer.addWidget(self.scroll)
        self._painted = False
        self._page_painted = False

    def ensure_page(self) -> QWidget:
        """The real page, built now if needed (opening the database if it is not yet open)."""
        if self.page is None:
            spec = self._spec
            page = (load_factory(spec) if isinstance(spec, str) else spec)(self._ctx)
            self.page = page
            page.installEventFilter(self)
            glance = self.glance
            if glance is not None:
                self.setUpdatesEnabled(False)  # one repaint: the page in the glance's place
                self._layout.replaceWidget(glance, page)
                glance.hide()
                carry_over = getattr(glance, "carry_over", None)
                if callable(carry_over):
                    carry_over(page)
                glance.deleteLater()
                self.glance = None
                self.setUpdatesEnabled(True)
            else:
                self._layout.addWidget(page)
            if self.isVisible():
                page.show()  # now, not when the layout's queued show arrives
        return self.page

    def show_glance(self) -> QWidget:
        """Show the glance of this tab until the page is built (the database is not open)."""
        if self.glance is None:
            self.glance = self._glance(self.key, self) if self._glance else QWidget(self)
            self.glance.installEventFilter(self)
            self._layout.addWidget(self.glance)
        return self.glance

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.page is None:
            if self._ctx.is_open:
                self.ensure_page()
            else:
                self.show_glance()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched in (self.page, self.glance):
            if not self._painted:
                self._painted = True
                self.painted.emit()
            if watched is self.page and not self._page_painted:
                self._page_painted = True
                self.page_painted.emit()
        return False
