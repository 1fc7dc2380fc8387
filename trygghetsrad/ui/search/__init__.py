"""Search everything from the main window: the field in the menu bar, Ctrl+F, opening hits.

Kept light (no services imported) because the main window installs it at start-up; the
dialog and the search service are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow

if TYPE_CHECKING:
    from trygghetsrad.domain.calendar_items import Owner
    from trygghetsrad.ui.search.dialog import SearchDialog

# `Owner.area` -> key of the main window tab that shows it.
AREA_TABS = {
    "register": "register",
    "meetings": "meetings",
    "wheel": "wheel",
    "situation": "situation",
    "action_plan": "situation",
}


class SearchField(QLineEdit):
    """The always-visible search field. Typing shows the results in a popup right below it
    while the cursor and the text stay in this field; Down moves into the results, Enter
    opens the first hit, Esc closes the popup."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self._window = window
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
        dialog = getattr(self._window, "_search_dialog", None)
        if text.strip():
            _dialog(self._window).follow(self, text)
        elif dialog is not None and dialog.following is self:
            dialog.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        dialog = getattr(self._window, "_search_dialog", None)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            _dialog(self._window).follow(self, self.text())
            _dialog(self._window).open_first()
            return
        if dialog is not None and dialog.isVisible() and dialog.following is self:
            if key == Qt.Key.Key_Down:
                dialog.focus_results()
                return
            if key == Qt.Key.Key_Escape:
                dialog.hide()
                return
        super().keyPressEvent(event)


def _dialog(window: QMainWindow) -> SearchDialog:
    dialog = getattr(window, "_search_dialog", None)
    if dialog is None:
        from trygghetsrad.ui.search.dialog import SearchDialog

        dialog = SearchDialog(window.ctx, window)  # type: ignore[attr-defined]
        window._search_dialog = dialog  # type: ignore[attr-defined]
    return dialog


def open_search(window: QMainWindow, text: str | None = None) -> SearchDialog:
    """Show the search popup (Ctrl+F), optionally with `text` already searched for."""
    dialog = _dialog(window)
    if text is None:
        field = getattr(window, "search_field", None)
        text = field.text() if isinstance(field, QLineEdit) and field.text().strip() else None
    dialog.present(text)
    return dialog


def open_owner(window: Any, owner: Owner) -> bool:
    """Show the tab of `owner`'s workspace and let its page open the record."""
    key = AREA_TABS.get(owner.area, owner.area)
    try:
        page = window.show_tab(key)
    except KeyError:
        return False
    opener = getattr(page, "open_record", None)
    if callable(opener):
        return opener(owner) is not False
    return False


def install(window: QMainWindow, edit_menu: Any = None) -> SearchField:
    """Add the search field to the menu bar, "Sök…" (Ctrl+F) to the menu, and the opener."""
    field = SearchField(window)
    window.menuBar().setCornerWidget(field, Qt.Corner.TopRightCorner)
    window.search_field = field  # type: ignore[attr-defined]
    action = QAction(window.tr("&Sök i allt…"), window)
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: open_search(window))
    window.addAction(action)
    if edit_menu is not None:
        edit_menu.addSeparator()
        edit_menu.addAction(action)
    window.search_action = action  # type: ignore[attr-defined]
    window.ctx.events.open_record.connect(lambda owner: open_owner(window, owner))  # type: ignore[attr-defined]
    return field
