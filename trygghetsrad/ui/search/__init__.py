"""Search everything from the main window: the field in the menu bar, Ctrl+F and the popup.

`Search` is the window's search: it makes the field, the "Sök i allt…" action and (on
first use) the popup; the main window places the field and the action itself. Opening a
hit is navigation, which the main window owns: the popup emits `ctx.events.open_record`.

Kept light (no services imported) because the main window builds it at start-up; the
dialog and the search service are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from trygghetsrad.ui.context import AppContext
    from trygghetsrad.ui.search.dialog import SearchDialog


class Search(QObject):
    """The search of one window: `field` for the menu bar, `action` (Ctrl+F) for a menu, and
    the popup, built when first needed (`popup()`)."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self._dialog: SearchDialog | None = None
        self.field = SearchField(self)
        self.action = QAction(window.tr("&Sök i allt…"), window)
        self.action.setShortcut(QKeySequence.StandardKey.Find)
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda: self.open())

    @property
    def dialog(self) -> SearchDialog | None:
        """The popup, once it has been built."""
        return self._dialog

    def popup(self) -> SearchDialog:
        """The popup, built on first use."""
        if self._dialog is None:
            from trygghetsrad.ui.search.dialog import SearchDialog

            self._dialog = SearchDialog(self._ctx, self._window)
        return self._dialog

    def open(self, text: str | None = None) -> SearchDialog:
        """Show the popup (Ctrl+F), with `text` (or what the field holds) searched for."""
        dialog = self.popup()
        if text is None:
            text = self.field.text() if self.field.text().strip() else None
        dialog.present(text)
        return dialog


class SearchField(QLineEdit):
    """The always-visible search field. Typing shows the results in a popup right below it
    while the cursor and the text stay in this field; Down moves into the results, Enter
    opens the first hit, Esc closes the popup."""

    def __init__(self, search: Search) -> None:
        super().__init__()
        self._search = search
        self.setProperty("role", "search")
        self.setPlaceholderText(self.tr("Sök i allt (Ctrl+F)"))
        self.setAccessibleName(self.tr("Sök i alla arbetsytor"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.textEdited.connect(self._on_text_edited)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # The menu bar places its corner widget by the size hint: a hint narrower than the
        # minimum width put the field's right part beyond the window's edge.
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumWidth()), hint.height())

    def _on_text_edited(self, text: str) -> None:
        dialog = self._search.dialog
        if text.strip():
            self._search.popup().follow(self, text)
        elif dialog is not None and dialog.following is self:
            dialog.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        dialog = self._search.dialog
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            popup = self._search.popup()
            popup.follow(self, self.text())
            popup.open_first()
            return
        if dialog is not None and dialog.isVisible() and dialog.following is self:
            if key == Qt.Key.Key_Down:
                dialog.focus_results()
                return
            if key == Qt.Key.Key_Escape:
                dialog.hide()
                return
        super().keyPressEvent(event)
