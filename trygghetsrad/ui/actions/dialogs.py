"""The small forms of the action register: a new due date, a comment on an action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.screen import grow_with_text

Save = Callable[[dict[str, Any]], object]


class RedateDialog(FormDialog):
    """ "Nytt datum": the action's due date, or none."""

    def __init__(
        self, what: str, due: date | None, on_save: Save, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Nytt datum"), on_save, parent, intro=what)
        # The field is labelled "Klart senast"; the box only says whether there is a date.
        self.due = OptionalDateEntry(self.tr("Har slutdatum"), due)
        self.due.setAccessibleName(self.tr("Klart senast"))
        self.add_field("due_date", self.tr("Klart senast"), self.due)
        if due is None:
            self.due.check.setChecked(True)  # asked for a date: offer one to type
        self.due.edit.selectAll()

    def values(self) -> dict[str, Any]:
        return {"due_date": self.due.value()}


class CommentDialog(FormDialog):
    """ "Kommentar": what the next follow-up meeting says about the action."""

    def __init__(
        self,
        what: str,
        meeting: str,
        text: str,
        on_save: Save,
        parent: QWidget | None = None,
    ) -> None:
        intro = self.tr(
            "{what}\n\nKommentaren hör till uppföljningen på {meeting} och kommer med i det "
            "mötets protokoll. Lämna fältet tomt för att ta bort kommentaren."
        ).format(what=what, meeting=meeting)
        super().__init__(self.tr("Kommentar till uppdraget"), on_save, parent, intro=intro)
        self.text = QPlainTextEdit(text)
        grow_with_text(self.text, 3, 8)
        self.add_field("comment", self.tr("Kommentar"), self.text)

    def values(self) -> dict[str, Any]:
        return {"text": self.text.toPlainText()}
