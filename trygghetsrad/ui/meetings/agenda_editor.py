"""The agenda item editor: heading, internal, running text, notes and decisions of one item.

A form without data access: AgendaPanel (agenda.py) shows an item in it, listens to `edited`
and stores `values()` (agenda_actions.py). Each field has an error label right below it for
a refused value (`show_field_errors`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import (
    INTERNAL_MARK,
    AgendaItemData,
    DecisionData,
    ItemKind,
    Note,
)
from trygghetsrad.ui.meetings.notes_edit import NotesEdit
from trygghetsrad.ui.widgets.field_policy import show_locked
from trygghetsrad.ui.widgets.screen import grow_with_text, lines_height


def decisions_text(decisions: Sequence[DecisionData | Note]) -> str:
    """The decisions one per line, an internal one marked "(intern)"."""
    return "\n".join((f"{INTERNAL_MARK} " if d.internal else "") + d.text for d in decisions)


def parse_decisions(text: str) -> list[Note]:
    """The decisions typed one per line; "(intern)" first makes one internal."""
    decisions = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.lower().startswith(INTERNAL_MARK):
            decisions.append(Note(line[len(INTERNAL_MARK) :].strip(), 0, True))
        else:
            decisions.append(Note(line))
    return decisions


class ItemEditor(QWidget):
    """The fields of one agenda item."""

    edited = Signal()  # any field changed by the user (or by code while not loading)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.field_errors = {
            key: self._field_error(name)
            for key, name in (
                ("title", self.tr("Fel i rubriken")),
                ("body", self.tr("Fel i texten")),
                ("notes", self.tr("Fel i anteckningarna")),
                ("decisions", self.tr("Fel i besluten")),
            )
        }
        self.form = QFormLayout()
        self._build_heading()
        self._build_body()
        box.addLayout(self.form)
        self.notes_label = QLabel(self.tr("Anteckningar"))
        self.notes_label.setProperty("role", "heading")
        box.addWidget(self.notes_label)
        box.addWidget(self.field_errors["notes"])
        self.notes = NotesEdit()
        self.notes.setAccessibleName(self.tr("Anteckningar i punktform"))
        self.notes.textChanged.connect(self._emit_edited)
        box.addWidget(self.notes, 1)
        # At least eight lines of notes in view; on a smaller screen the editor scrolls.
        self.notes.setMinimumHeight(lines_height(self.notes, 8))
        self.title.returnPressed.connect(lambda: self.notes.setFocus())
        self.decisions = QPlainTextEdit()
        self.decisions.setAccessibleName(self.tr("Beslut, ett per rad"))
        self.decisions.setPlaceholderText(self.tr("Beslut – ett per rad"))
        grow_with_text(self.decisions, 2, 4)
        self.decisions.setTabChangesFocus(True)
        self.decisions.textChanged.connect(self._emit_edited)
        box.addWidget(self.decisions)
        box.addWidget(self.field_errors["decisions"])

    def _build_heading(self) -> None:
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Punktens rubrik"))
        self.title.textEdited.connect(self._emit_edited)
        self.internal = QCheckBox(self.tr("Intern"))
        self.internal.setAccessibleName(self.tr("Intern punkt"))
        self.internal.setToolTip(
            self.tr("Intern punkt: tas inte med i kallelse, protokoll eller andra utskick")
        )
        self.internal.toggled.connect(self._emit_edited)
        # Public: the panel adds the "Ärende" toggle here, where it takes no height.
        self.title_row = title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.internal)
        title_col = QVBoxLayout()
        title_col.setSpacing(2)
        title_col.addLayout(title_row)
        title_col.addWidget(self.field_errors["title"])
        self.form.addRow(self.tr("Rubrik"), title_col)

    def _build_body(self) -> None:
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Inledande text"))
        self.body.setPlaceholderText(self.tr("Löpande text före punkterna (valfritt)"))
        grow_with_text(self.body, 2, 4)
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._emit_edited)
        body_col = QVBoxLayout()
        body_col.setSpacing(2)
        body_col.addWidget(self.body)
        body_col.addWidget(self.field_errors["body"])
        self.form.addRow(self.tr("Text"), body_col)

    def _emit_edited(self, *_args: object) -> None:
        self.edited.emit()

    def _field_error(self, name: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.hide()
        return label

    # -- showing an item -------------------------------------------------------------------

    def clear(self) -> None:
        for edit in (self.title, self.body, self.notes, self.decisions):
            edit.clear()

    def show_item(self, item: AgendaItemData, *, keep_text: bool = False) -> None:
        """Fill the fields from `item`; `keep_text` (a reload) leaves the texts being typed."""
        if not (keep_text and (self.title.hasFocus() or self.field_errors["title"].text())):
            self.title.setText(item.title)
            self.title.setCursorPosition(0)  # a long title shows its beginning, not its end
        self.internal.setChecked(item.internal)
        if not keep_text:
            self.body.setPlainText(item.body)
            self.notes.set_notes(item.notes)
            self.decisions.setPlainText(decisions_text(item.decisions))
        followup = item.kind is ItemKind.FOLLOWUP
        self.decisions.setVisible(not followup)
        # A follow-up item's notes are short: its table of actions takes the room. (A cap
        # under the eight lines' minimum alone did nothing.)
        self.notes.setMinimumHeight(lines_height(self.notes, 3 if followup else 8))
        self.notes.setMaximumHeight(lines_height(self.notes, 3) if followup else 16_777_215)

    def set_editable(self, editable: bool) -> None:
        for edit in (self.title, self.body, self.notes, self.decisions):
            show_locked(edit, not editable)
        self.internal.setEnabled(editable)

    def set_fields_visible(self, visible: bool) -> None:
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)
        for widget in (self.notes_label, self.notes, self.decisions):
            widget.setVisible(visible)
        # setRowVisible shows every widget of a row: an empty error label would take a line.
        for label in self.field_errors.values():
            label.setVisible(visible and bool(label.text()))

    # -- what it holds ---------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as `meetings_agenda.save_item_fields` takes them."""
        return {
            "title": self.title.text(),
            "body": self.body.toPlainText(),
            "internal": self.internal.isChecked(),
            "notes": self.notes.notes(),
            "decisions": parse_decisions(self.decisions.toPlainText()),
        }

    def snapshot(self) -> tuple[object, ...]:
        """What the fields hold, to tell whether there is anything to save."""
        return (
            self.title.text(),
            self.body.toPlainText(),
            self.internal.isChecked(),
            tuple(self.notes.notes()),
            self.decisions.toPlainText(),
        )

    def show_field_errors(self, errors: dict[str, str]) -> None:
        """Show each message right below its field (visible at 768 px)."""
        for key, label in self.field_errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)

    def error_texts(self) -> list[str]:
        return [label.text() for label in self.field_errors.values() if label.text()]

    def focus_refused(self) -> None:
        """Put the cursor in the first field whose text was refused (the text, else the title)."""
        fields = {"title": self.title, "body": self.body, "notes": self.notes}
        fields["decisions"] = self.decisions
        refused = [key for key, label in self.field_errors.items() if label.text()]
        fields.get(refused[0] if refused else "body", self.body).setFocus()
