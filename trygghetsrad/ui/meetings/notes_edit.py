"""The keyboard-first bullet editor for minute-taking.

One line is one bullet. Enter starts a new bullet at the same level, Tab and Shift+Tab
change the level, Ctrl+I marks the bullet internal, Ctrl+Enter asks for a new agenda item.
Running text before, between or after the bullets, as in a word processor: Enter on an empty
bullet (or Shift+Tab on a bullet at the outer level) turns the line into running text (no
bullet); Tab on running text makes it a bullet again. Which lines are running text is kept
in the block's user state, so the text itself holds no marks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from trygghetsrad.domain.meetings.model import (
    INDENT,
    INTERNAL_MARK,
    MAX_LEVEL,
    Note,
    NoteData,
    format_notes,
    parse_notes,
)

BULLETS = ["•", "–", "◦", "·"]
PARAGRAPH = 1  # the user state of a block of running text


def is_paragraph(block: QTextBlock) -> bool:
    return block.userState() == PARAGRAPH


class _InternalHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._format = QTextCharFormat()
        self._format.setForeground(QColor("#a4262c"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        if text.lstrip().lower().startswith(INTERNAL_MARK):
            self.setFormat(0, len(text), self._format)


class NotesEdit(QPlainTextEdit):
    new_item_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(20)  # room for the bullets on the left
        self.setPlaceholderText(
            self.tr(
                "Skriv en punkt per rad. Enter: ny punkt · Tab/Shift+Tab: nivå · "
                "Enter på tom punkt: löptext · Ctrl+I: intern"
            )
        )
        self._highlighter = _InternalHighlighter(self.document())

    # -- content ---------------------------------------------------------------------------

    def notes(self) -> list[Note]:
        found: list[Note] = []
        block = self.document().firstBlock()
        while block.isValid():
            for note in parse_notes(block.text()):
                found.append(
                    replace(note, level=0, paragraph=True) if is_paragraph(block) else note
                )
            block = block.next()
        return found

    def set_notes(self, notes: list[Note] | tuple[NoteData, ...]) -> None:
        self.setPlainText(format_notes(notes))
        block = self.document().firstBlock()
        for note in notes:
            if not block.isValid():
                break
            block.setUserState(PARAGRAPH if getattr(note, "paragraph", False) else -1)
            block = block.next()
        self.document().setModified(False)

    def set_paragraph(self, paragraph: bool) -> None:
        """Make the current line running text (True) or a bullet (False)."""
        block = self.textCursor().block()
        if is_paragraph(block) == paragraph:
            return
        if paragraph:
            text = block.text()
            spaces = len(text) - len(text.lstrip(" "))
            if spaces:  # running text has no level
                cursor = self._line_cursor()
                cursor.movePosition(
                    QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, spaces
                )
                cursor.removeSelectedText()
        block.setUserState(PARAGRAPH if paragraph else -1)
        self.viewport().update()
        self.textChanged.emit()  # the text is the same, what it means is not: save it

    # -- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
            self.new_item_requested.emit()
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not mods & ~Qt.KeyboardModifier.KeypadModifier
        ):
            block = self.textCursor().block()
            line = block.text()
            if not line.strip() and not is_paragraph(block):
                # Enter on an empty bullet ends the list, as in a word processor.
                if line:
                    self.change_level(-1)
                else:
                    self.set_paragraph(True)
                return
            indent = line[: len(line) - len(line.lstrip(" "))]
            self.textCursor().insertText("\n" + indent)
            self.textCursor().block().setUserState(block.userState())
            return
        if key == Qt.Key.Key_Tab and ctrl:
            # Tab indents here, so Ctrl+Tab leaves the editor (QPlainTextEdit's own override
            # refuses to move focus while tabs are typed, hence the base implementation).
            QWidget.focusNextPrevChild(self, True)
            return
        if key == Qt.Key.Key_Backtab and ctrl:
            QWidget.focusNextPrevChild(self, False)
            return
        if key == Qt.Key.Key_Tab:
            if is_paragraph(self.textCursor().block()):
                self.set_paragraph(False)
            else:
                self.change_level(+1)
            return
        if key == Qt.Key.Key_Backtab:
            block = self.textCursor().block()
            text = block.text()
            if not is_paragraph(block) and len(text) - len(text.lstrip(" ")) < len(INDENT):
                self.set_paragraph(True)
            else:
                self.change_level(-1)
            return
        if key == Qt.Key.Key_I and ctrl:
            self.toggle_internal()
            return
        super().keyPressEvent(event)

    def _line_cursor(self) -> QTextCursor:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        return cursor

    def change_level(self, delta: int) -> None:
        block = self.textCursor().block()
        text = block.text()
        spaces = len(text) - len(text.lstrip(" "))
        level = spaces // len(INDENT)
        new_level = max(0, min(MAX_LEVEL, level + delta))
        if new_level == level and spaces % len(INDENT) == 0:
            return
        cursor = self._line_cursor()
        cursor.beginEditBlock()
        cursor.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, spaces
        )
        cursor.insertText(INDENT * new_level)
        cursor.endEditBlock()

    def toggle_internal(self) -> None:
        block = self.textCursor().block()
        text = block.text()
        stripped = text.lstrip(" ")
        spaces = len(text) - len(stripped)
        cursor = self._line_cursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.MoveAnchor, spaces
        )
        if stripped.lower().startswith(INTERNAL_MARK):
            length = len(INTERNAL_MARK) + (
                1 if stripped[len(INTERNAL_MARK) : len(INTERNAL_MARK) + 1] == " " else 0
            )
            cursor.movePosition(
                QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, length
            )
            cursor.removeSelectedText()
        else:
            cursor.insertText(f"{INTERNAL_MARK} ")

    # -- bullets ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(QColor("#5b6670"))
        metrics = self.fontMetrics()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        margin = self.document().documentMargin()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > self.viewport().height():
                break
            text = block.text()
            if text.strip() and not is_paragraph(block):
                spaces = len(text) - len(text.lstrip(" "))
                level = min(spaces // len(INDENT), MAX_LEVEL)
                x = margin + metrics.horizontalAdvance(" " * spaces) - 13
                y = geometry.top() + metrics.ascent()
                painter.drawText(QPointF(x, y), BULLETS[level])
            block = block.next()
        painter.end()
