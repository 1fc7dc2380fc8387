"""The follow-up of earlier meetings' actions in the agenda panel: the table of open actions,
and closing, re-dating, carrying and commenting on them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.i18n import tr as text_tr
from trygghetsrad.services.meetings import actions as action_service
from trygghetsrad.ui.meetings.fields import date_edit, py_date
from trygghetsrad.ui.meetings.models import FollowupModel, followup_details
from trygghetsrad.ui.widgets.form_dialog import FormDialog


class CommentDialog(FormDialog):
    """What the meeting says about an action it follows up ("remissen bereds av KS")."""

    def __init__(
        self, action: Any, on_save: Callable[[dict[str, Any]], object], parent: QWidget
    ) -> None:
        earlier = "; ".join(f"{c.day.isoformat()}: {c.text}" for c in action.earlier_comments)
        intro = text_tr("Uppdrag: {what}").format(what=action.what)
        if earlier:
            intro += "\n" + text_tr("Tidigare: {earlier}").format(earlier=earlier)
        super().__init__(text_tr("Kommentar till uppdraget"), on_save, parent, intro=intro)
        self.comment = self.add_field(
            "comment",
            self.tr("Kommentar"),
            QLineEdit(action.comment),
            self.tr("Skrivs ut i protokollet under uppföljningen. Tomt tar bort kommentaren."),
        )

    def values(self) -> dict[str, Any]:
        return {"comment": self.comment.text()}


class FollowupMixin:
    """The follow-up part of AgendaPanel; it uses the panel's meeting, undo record and fields."""

    # The panel provides these.
    meeting: Any
    item_id: int | None
    ctx: Any
    tr: Any
    _button: Any
    _table: Any
    _selected: Any
    record: Any
    record_form: Any
    save_now: Any
    move_current: Any
    _item_fields_visible: Any

    def _build_followup(self) -> QGroupBox:
        self.followup_box = QGroupBox(self.tr("Uppföljning av uppdrag från tidigare möten"))
        f_layout = QVBoxLayout(self.followup_box)
        self.followup_model = FollowupModel(self)
        # Long names wrap; each row as high as its wrapped text, also after a resize.
        self.followup = self._table(
            self.followup_model, self.tr("Uppdrag att följa upp"), rows_to_contents=True
        )
        self.followup.selectionModel().currentRowChanged.connect(self._on_followup_row_changed)
        f_layout.addWidget(self.followup, 1)
        # The buttons right under the table and the chosen action's details under them, in
        # a room of their own height: choosing a row moves no button from under the mouse.
        self.followup_detail = QLabel()
        # Unwrapped, and as wide as given: a wrapped label would make the scrolling editor
        # ask for more height as soon as a long comment is shown. The whole text is on the
        # pointer.
        self.followup_detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.followup_detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.followup_detail.setAccessibleName(self.tr("Det valda uppdraget"))
        self.followup_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.followup_detail.setFixedHeight(self.followup_detail.fontMetrics().lineSpacing() * 3)
        f_row = QHBoxLayout()
        self.close_followup_button = self._button(
            self.tr("Klart"), self.close_followup, self.tr("Markera uppdraget som klart")
        )
        f_row.addWidget(self.close_followup_button)
        self.redate_followup_button = self._button(self.tr("Nytt datum…"), self.redate_followup)
        f_row.addWidget(self.redate_followup_button)
        self.carry_followup_button = self._button(
            self.tr("För vidare"), self.carry_followup, self.tr("För uppdraget vidare")
        )
        f_row.addWidget(self.carry_followup_button)
        self.comment_button = self._button(
            self.tr("Kommentar…"), self.comment_followup, self.tr("Kommentar till uppdraget")
        )
        self.comment_button.setToolTip(
            self.tr("Vad mötet säger om uppdraget; skrivs ut i protokollet")
        )
        f_row.addWidget(self.comment_button)
        f_row.addStretch(1)
        f_layout.addLayout(f_row)
        f_layout.addWidget(self.followup_detail)
        self.followup_box.hide()
        return self.followup_box

    def show_followup(self) -> None:
        """Show the follow-up of earlier meetings' open actions in place of an item."""
        if self.meeting is None or not self.save_now():
            return
        self.move_current(QModelIndex())
        self.item_id = None
        self._followup_view = True
        self._show_followup_only()
        self.followup.setFocus()
        if self.followup_model.rowCount() and not self.followup.currentIndex().isValid():
            self.followup.selectRow(0)

    def _show_followup_only(self) -> None:
        self._loading = True
        try:
            for edit in (self.title, self.body, self.notes, self.decisions):
                edit.clear()
            self.action_model.set_rows([])
        finally:
            self._loading = False
        self.editor.setEnabled(True)
        self._item_fields_visible(False)
        self.followup_box.setVisible(True)

    def close_followup(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        action = self._selected(self.followup, self.followup_model)
        if action is not None and self.meeting is not None:
            meeting = self.meeting
            self.record(
                self.tr("Markera ”{what}” som klart").format(what=action.what),
                lambda s: action_service.close_action(
                    s, action.id, on=meeting.day, meeting_id=meeting.id
                ),
                select=self.item_id,
            )

    def carry_followup(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        action = self._selected(self.followup, self.followup_model)
        if action is not None and self.meeting is not None:
            meeting_id = self.meeting.id
            self.record(
                self.tr("För ”{what}” vidare").format(what=action.what),
                lambda s: action_service.carry_action(s, action.id, meeting_id),
                select=self.item_id,
            )

    def _on_followup_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The current argument: the selection is not updated yet when a click lands here.
        action = self.followup_model.record(current.row()) if current.isValid() else None
        lines = followup_details(action)[1:] if action else []
        self.followup_detail.setText("\n".join(lines))
        self.followup_detail.setToolTip("\n".join(lines))

    def comment_followup(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        action = self._selected(self.followup, self.followup_model)
        if action is None or self.meeting is None:
            return
        meeting_id = self.meeting.id

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Kommentar till ”{what}”").format(what=action.what),
                lambda s: action_service.set_progress_comment(
                    s, action.id, meeting_id, values["comment"]
                ),
            )

        dialog = CommentDialog(action, save, self)
        dialog.open()
        self.comment_dialog = dialog

    def redate_followup(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        action = self._selected(self.followup, self.followup_model)
        if action is None:
            return

        class _Redate(FormDialog):
            def __init__(inner, parent: QWidget) -> None:  # noqa: N805
                super().__init__(parent.tr("Nytt datum för uppdraget"), save, parent)
                inner.day = inner.add_field(
                    "due_date",
                    parent.tr("Klart senast"),
                    date_edit(action.due_date or date.today()),
                )

            def values(inner) -> dict[str, Any]:  # noqa: N805
                return {"due_date": py_date(inner.day)}

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Nytt datum för ”{what}”").format(what=action.what),
                lambda s: action_service.redate_action(s, action.id, values["due_date"]),
            )

        dialog = _Redate(self)
        dialog.open()
        self.redate_dialog = dialog
