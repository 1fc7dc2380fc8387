"""Saving the meeting's details: autosave as you type, one undo step per field, deleting.

The part of DetailsPanel (details.py) that writes: the panel provides the fields, the
meeting shown and the error labels."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import MEETINGS, Changes
from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.meetings.model import MeetingDetail, MeetingKind
from trygghetsrad.errors import UserError
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.ui.meetings.fields import py_date, py_time
from trygghetsrad.ui.widgets.autosave import SetFieldCommand
from trygghetsrad.ui.widgets.journal_command import push_recorded
from trygghetsrad.ui.widgets.service_calls import read, store


class DetailsSavingMixin:
    """Autosave, undo steps and deletion of DetailsPanel."""

    # The panel provides these.
    ctx: Any
    undo_stack: Any
    meeting: MeetingDetail | None
    autosaver: Any
    dirty: bool
    _loading: bool
    _undo_session: int
    _new_step_after_save: bool
    tr: Any
    kind: Any

    def secretary_word(self) -> str:
        """The secretary in the word of the kind chosen: "Sekreterare" or "Antecknare"."""
        return MeetingKind(self.kind.currentData() or MeetingKind.NOTES).secretary_label

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            if self.autosaver.pending:
                self._new_step_after_save = True  # the pending save still joins this step
            else:
                self._undo_session += 1
        return super().eventFilter(watched, event)

    def _undo_text(self, keys: list[str]) -> str:
        labels = {
            "group_ids": self.tr("Ändra grupper"),
            "day": self.tr("Ändra datum"),
            "start_time": self.tr("Ändra tid"),
            "end_time": self.tr("Ändra tid"),
            "kind": self.tr("Ändra mötestyp"),
            "place": self.tr("Ändra plats"),
            "online_link": self.tr("Ändra länk"),
            "chair_id": self.tr("Ändra ordförande"),
            "secretary_id": self.tr("Ändra {officer}").format(
                officer=self.secretary_word().lower()
            ),
            "adjuster_id": self.tr("Ändra justerare"),
            "secretary_title": self.tr("Ändra antecknarens titel"),
            "first_paragraph": self.tr("Ändra första paragrafnummer"),
        }
        texts = list(dict.fromkeys(labels[k] for k in keys))
        return texts[0] if len(texts) == 1 else self.tr("Ändra mötets uppgifter")

    def _push_undo(self, meeting: MeetingDetail, values: dict[str, Any]) -> None:
        """Put a stored details change on the page's undo stack (already applied)."""
        stack = self.undo_stack
        if stack is None:
            return
        stored: dict[str, Any] = {
            "group_ids": list(meeting.group_ids),
            "day": meeting.day,
            "start_time": meeting.start_time,
            "end_time": meeting.end_time,
            "kind": meeting.kind.value,
            "place": meeting.place,
            "online_link": meeting.online_link,
            "chair_id": meeting.chair_id,
            "secretary_id": meeting.secretary_id,
            "secretary_title": meeting.secretary_title,
            "adjuster_id": meeting.adjuster_id,
            "first_paragraph": meeting.first_paragraph,
        }

        def same(key: str) -> bool:
            if key == "group_ids":
                return set(stored[key]) == set(values[key])
            return stored[key] == values[key]

        keys = [k for k in stored if not same(k)]
        if not keys:
            return
        meeting_id = meeting.id
        stack.push(
            SetFieldCommand(
                self._undo_text(keys),
                lambda fields: self._apply_undo(meeting_id, fields),
                {k: stored[k] for k in keys},
                {k: values[k] for k in keys},
                merge_key=f"meeting-details-{meeting_id}-{','.join(keys)}-{self._undo_session}",
            )
        )

    def _apply_undo(self, meeting_id: int, fields: dict[str, Any]) -> None:
        """Undo/redo: store `fields` and show them (unsaved typing elsewhere is dropped)."""
        self.autosaver.cancel()
        self._undo_session += 1  # an edit after an undo is a step of its own
        try:
            store(
                self.ctx,
                lambda s: meeting_service.update_meeting(s, meeting_id, **fields),
                announce=False,  # below: the panel shows it, then the page announces
            )
            meeting = read(self.ctx, lambda s: meeting_service.get_meeting(s, meeting_id))
        except UserError as exc:
            self.ctx.events.status_message.emit(str(exc))
            QMessageBox.warning(self, self.tr("Det gick inte"), str(exc))
            return
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.set_meeting(meeting)
            self.saved.emit()  # the list row and the header
        else:
            self.ctx.events.changed(Changes.of(MEETINGS))

    def _mark_dirty(self, *_args: object) -> None:
        if self.meeting is not None and not self._loading:
            self.dirty = True
            self.autosaver.changed()

    def save_now(self) -> bool:
        """Autosave hook (window close, tab or meeting switch): store unsaved edits."""
        if not self.dirty:
            return True
        return self.save()

    def delete(self) -> None:
        if self.meeting is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort mötet"),
            self.tr("Ta bort {title} {when} med dagordning, anteckningar och uppdrag?").format(
                title=self.meeting.title, when=self.meeting.when
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        meeting_id = self.meeting.id
        label = self.tr("Ta bort mötet ”{title} {day}”").format(
            title=self.meeting.title, day=long_date(self.meeting.day, weekday=False)
        )
        # The page's undo stack (active while the page shows): Ctrl+Z brings the meeting
        # back with its agenda, notes, decisions, actions and attendance.
        stack = self.undo_stack or self.ctx.undo_group.activeStack()
        if stack is None:
            return

        def show_error(text: str) -> None:
            self.error.setText(text)
            self.error.show()

        ok, _result = push_recorded(
            stack,
            self.ctx,
            label,
            lambda s: meeting_service.delete_meeting(s, meeting_id),
            parent_widget=self,
            on_error=show_error,
            on_undone=lambda: self.ctx.events.open_record.emit(
                Owner(MEETINGS, "meeting", meeting_id)
            ),
        )
        if not ok:
            return
        self.meeting = None
        self.dirty = False
        self.deleted.emit(meeting_id)

    def save(self) -> bool:
        self.autosaver.cancel()
        if self.meeting is None or self.groups is None:
            return True
        meeting = self.meeting
        try:
            values = {
                "group_ids": self.groups.checked_ids(),
                "day": py_date(self.day),
                "start_time": py_time(self.start),
                "end_time": py_time(self.end),
                "kind": self.kind.currentData(),
                "place": self.place.text(),
                "online_link": self.link.text(),
                "chair_id": self.chair.currentData(),
                "secretary_id": self.secretary.currentData(),
                "secretary_title": self.secretary_title.text(),
                "adjuster_id": self.adjuster.currentData(),
                "first_paragraph": self.first_paragraph.value(),
            }
            # `saved` below: the page refreshes the list row and header, then announces.
            store(
                self.ctx,
                lambda s: meeting_service.update_meeting(s, meeting.id, **values),
                announce=False,
            )
        except UserError as exc:
            self._refused_field = getattr(exc, "field", None)
            self.show_error(str(exc), self._refused_field)
            return False
        self._refused_field = None
        self.show_error("")
        self.dirty = False
        saved_at = datetime.now().strftime("%H.%M")
        self.saved_label.setText(self.tr("Sparat kl. {time}").format(time=saved_at))
        self._push_undo(meeting, values)
        if self._new_step_after_save:
            self._new_step_after_save = False
            self._undo_session += 1
        self.saved.emit()
        return True

    def discard_invalid_edits(self) -> bool:
        """Ask before leaving a meeting whose details could not be saved; True = leave anyway
        (what was typed is then dropped), False = stay and correct it."""
        from trygghetsrad.ui.widgets.unsaved import ask_discard

        leave = ask_discard(
            self,
            [self.error_text()],
            go_on_hint=self.tr(
                "Gå tillbaka för att rätta mötets uppgifter, eller släng ändringen och byt möte."
            ),
        )
        if leave:
            self.dirty = False
            self.autosaver.cancel()
        return leave
