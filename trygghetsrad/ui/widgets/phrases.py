"""Standard phrases ("Informationen läggs till handlingarna.") inserted by keyboard.

`PhraseMenu(edit, phrases)` lets Ctrl+Space in a text field open a menu of the standard
phrases at the cursor; the arrow keys and Enter (or a click) insert the chosen phrase where
the cursor is, or in place of the selected text. The phrases are asked for each time the
menu opens, so a list edited in the settings is offered at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

TextField = QPlainTextEdit | QTextEdit | QLineEdit
SHORTCUT_TEXT = "Ctrl+Mellanslag"


class PhraseMenu(QObject):
    def __init__(self, edit: TextField, phrases: Callable[[], Sequence[str]]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.phrases = phrases
        self.menu: QMenu | None = None
        edit.installEventFilter(self)
        description = edit.accessibleDescription()
        hint = self.tr("{key} infogar en standardfras").format(key=SHORTCUT_TEXT)
        edit.setAccessibleDescription(f"{description} {hint}".strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.type() == QEvent.Type.KeyPress and ctrl and event.key() == Qt.Key.Key_Space:
                self.open_menu()
                return True
        return super().eventFilter(watched, event)

    def open_menu(self) -> QMenu:
        """Show the menu under the cursor (not modal: the test and the user drive it alike)."""
        menu = QMenu(self.edit)
        menu.setAccessibleName(self.tr("Standardfraser"))
        phrases = list(self.phrases())
        if not phrases:
            empty = menu.addAction(self.tr("Inga standardfraser – lägg till dem i Inställningar"))
            empty.setEnabled(False)
        for phrase in phrases:
            action = menu.addAction(phrase)
            action.triggered.connect(lambda _=False, p=phrase: self.insert(p))
        if phrases:
            menu.setActiveAction(menu.actions()[0])
        menu.popup(self.edit.mapToGlobal(self._cursor_point()))
        self.menu = menu
        return menu

    def _cursor_point(self) -> QPoint:
        if isinstance(self.edit, QLineEdit):
            return self.edit.cursorRect().bottomLeft()
        rect = self.edit.cursorRect()
        return self.edit.viewport().mapTo(self.edit, rect.bottomLeft())

    def insert(self, phrase: str) -> None:
        if isinstance(self.edit, QLineEdit):
            self.edit.insert(phrase)
        else:
            self.edit.textCursor().insertText(phrase)
            self.edit.ensureCursorVisible()
        self.edit.setFocus()

    def actions(self) -> list[QAction]:
        return [] if self.menu is None else self.menu.actions()


def attach(fields: Sequence[QWidget], phrases: Callable[[], Sequence[str]]) -> list[PhraseMenu]:
    """One menu per text field; the others in `fields` are left alone."""
    return [PhraseMenu(f, phrases) for f in fields if isinstance(f, TextField)]
