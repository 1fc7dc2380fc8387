"""What the Möten page does to a meeting as a whole: new meeting (or first group), the
status lifecycle (start minutes, finalise, unfinalise, sent, reopen), statistics, preview,
printing and export. The commands part of MeetingsPage (page.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from trygghetsrad.domain.changes import REGISTER
from trygghetsrad.domain.meetings.model import (
    MeetingDetail,
    MeetingKind,
    meeting_name,
    missing_officers,
)
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.services import register
from trygghetsrad.services.meetings import agenda as agenda_service
from trygghetsrad.services.meetings import attendance as attendance_service
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.service_calls import read


def _exporting() -> ModuleType:
    """The meeting's exports and preview (PDF, mail drafts, writing in the background).

    Loaded on first use, like the dialogs below (imported where they open): the Möten page
    is built at start-up, and none of them is needed before the user asks."""
    from trygghetsrad.ui.meetings import export

    return export


class MeetingCommandsMixin:
    """The commands of MeetingsPage."""

    # The page provides these.
    ctx: Any
    undo_stack: Any
    _meeting: MeetingDetail | None
    last_export: Path | None
    _tasks: list[Any]
    group_filter: Any
    include_internal: Any
    lifecycle_buttons: Any
    attendance: Any
    details: Any
    details_tab: Any
    tabs: Any
    tr: Any
    window: Any
    select_meeting: Any
    _flush_edits: Any
    _refuse_unsaved: Any

    def _record(self, text: str, fn: Callable[[Any], Any]) -> None:
        """A status change of the meeting shown, as an undoable edit; what is typed on the
        page is stored first, so that the change uses what the user sees."""
        self._flush_edits()
        push_recorded(self.undo_stack, self.ctx, text, fn, parent_widget=self)

    def _record_form(self, text: str, fn: Callable[[Any], Any]) -> Any:
        """The same for a dialog's "Spara": a refusal is shown under the dialog's field."""
        return push_raising(self.undo_stack, self.ctx, text, fn, parent_widget=self)

    def new_record(self) -> None:
        """Ctrl+N on this page."""
        self.new_meeting()

    def printable(self) -> tuple[str, Callable[[], bytes]] | None:
        """Ctrl+P: the notice of a planned meeting, the minutes of a held one (the PDF, made
        by the returned function off the GUI thread)."""
        if self._meeting is None or not self._flush_edits():
            return None
        kind = "notice" if self._meeting.status.value == "planned" else "minutes"
        doc = _exporting().build_document(
            self.ctx, self._meeting.id, self.include_internal.isChecked()
        )
        render = EXPORTS[kind].render
        return _exporting().default_name(kind, doc).removesuffix(".pdf"), lambda: render(doc)

    def new_meeting(self) -> None:
        from trygghetsrad.ui.meetings.dialogs import MeetingDialog

        groups = read(self.ctx, register.list_groups)
        if not groups:
            self._first_group()
            return
        selected = self.group_filter.currentData()
        created: list[int] = []

        def create(s: Any, values: dict[str, Any], use_template: bool) -> int:
            # The group's ordförande chairs unless the user says otherwise (Uppgifter om mötet).
            chair = attendance_service.proposed_chair(s, values["group_ids"], values["day"])
            meeting_id = meeting_service.create_meeting(s, **({"chair_id": chair} | values)).id
            if use_template:
                for gid in values["group_ids"]:
                    for template in agenda_service.list_templates(s, group_id=gid)[:1]:
                        agenda_service.apply_template(s, meeting_id, template.id)
            return meeting_id

        def save(values: dict[str, Any]) -> None:
            use_template = values.pop("template")
            created.append(
                self._record_form(self.tr("Nytt möte"), lambda s: create(s, values, use_template))
            )

        def done() -> None:
            if created:
                self.select_meeting(created[-1])

        dialog = MeetingDialog(groups, save, self, group_ids=[selected] if selected else ())
        dialog.accepted.connect(done)
        dialog.open()
        self.meeting_dialog = dialog

    def _first_group(self) -> None:
        """No groups yet: offer to create the first one (or go to Register), then continue."""
        from trygghetsrad.ui.meetings.dialogs import FirstGroupDialog

        def save(values: dict[str, Any]) -> None:
            self._record_form(
                self.tr("Ny grupp ”{name}”").format(name=values["name"].strip()),
                lambda s: register.create_group(s, name=values["name"]),
            )

        def created() -> None:
            self.new_meeting()

        def to_register() -> None:
            dialog.reject()
            self.ctx.events.show_area.emit(REGISTER)

        dialog = FirstGroupDialog(save, self)
        dialog.accepted.connect(created)
        dialog.register_button.clicked.connect(to_register)
        dialog.open()
        self.group_dialog = dialog

    def start_minutes(self) -> None:
        if self._meeting:
            meeting_id = self._meeting.id
            self._record(
                self.tr("Börja anteckna"), lambda s: meeting_service.start_minutes(s, meeting_id)
            )

    def finalise(self) -> None:
        from trygghetsrad.ui.meetings.dialogs import FinaliseDialog

        if self._meeting is None:
            return
        meeting = self._meeting
        people = read(self.ctx, register.list_people)
        protocol = meeting.kind is MeetingKind.PROTOCOL

        def save(values: dict[str, Any]) -> None:
            self._flush_edits()
            self._record_form(
                self.tr("Justera protokollet")
                if protocol
                else self.tr("Fastställ minnesanteckningarna"),
                lambda s: meeting_service.finalise(s, meeting.id, **values),
            )

        dialog = FinaliseDialog(
            people,
            meeting.adjuster_id,
            max(date.today(), meeting.day),
            protocol,
            save,
            self,
            missing=missing_officers(meeting, adjuster=False),  # the dialog asks for it
            unmarked=self.attendance.unmarked_count(),
        )
        dialog.went_back.connect(self._on_finalise_went_back)
        dialog.open()
        self.finalise_dialog = dialog

    def _on_finalise_went_back(self, where: str) -> None:
        """Back from the finalise dialog to what it said is missing."""
        # After the dialog has closed (it would give the cursor back to where it was).
        if where == "attendance":
            self.tabs.setCurrentWidget(self.attendance_tab)
            QTimer.singleShot(0, self.attendance.focus_unmarked)
            return
        self.tabs.setCurrentWidget(self.details_tab)
        meeting = self._meeting
        field = self.details.chair
        if meeting is not None and meeting.chair_id is not None:
            field = self.details.secretary
        QTimer.singleShot(0, field.setFocus)

    def unfinalise(self) -> None:
        if self._meeting:
            meeting_id = self._meeting.id
            self._record(
                self.lifecycle_buttons["unfinalise"].text(),
                lambda s: meeting_service.unfinalise(s, meeting_id),
            )

    def mark_sent(self) -> None:
        if self._meeting:
            meeting = self._meeting
            on = max(date.today(), meeting.finalised_on or meeting.day)
            protocol = meeting.kind is MeetingKind.PROTOCOL
            question = (
                self.tr(
                    "Markera protokollet som skickat {d}?\n\nEtt skickat protokoll är en allmän "
                    "handling. Därefter kan det bara ändras med ”Öppna för ändring” och en "
                    "förklaring, som syns i dokumentet."
                )
                if protocol
                else self.tr(
                    "Markera minnesanteckningarna som skickade {d}?\n\nSkickade "
                    "minnesanteckningar är en allmän handling. Därefter kan de bara ändras med "
                    "”Öppna för ändring” och en förklaring, som syns i dokumentet."
                )
            ).format(d=on.isoformat())
            answer = QMessageBox.question(
                self,
                self.tr("Markera som skickat"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._record(
                self.tr("Markera som skickat"),
                lambda s: meeting_service.mark_sent(s, meeting.id, on=on),
            )

    def reopen(self) -> None:
        from trygghetsrad.ui.meetings.dialogs import ReopenDialog

        if self._meeting is None:
            return
        meeting_id = self._meeting.id

        def save(values: dict[str, Any]) -> None:
            self._record_form(
                self.tr("Öppna för ändring"),
                lambda s: meeting_service.reopen_for_change(
                    s, meeting_id, note=values["note"], on=date.today()
                ),
            )

        dialog = ReopenDialog(save, self, protocol=self._meeting.kind is MeetingKind.PROTOCOL)
        dialog.open()
        self.reopen_dialog = dialog

    def cancel_meeting(self) -> bool:
        """Call off the planned meeting (undoable); its invitation becomes a cancellation."""
        from trygghetsrad.services.meetings.invitations import cancel_meeting

        meeting = self._meeting
        if meeting is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Ställ in mötet"),
            self.tr(
                "Ställa in mötet {name}?\n\nMötet står kvar, märkt inställt. Exportera sedan "
                "kalenderinbjudan (.ics) och skicka den: den blir en avbokning som tar bort "
                "mötet ur deltagarnas kalendrar. Du kan ångra med Ctrl+Z."
            ).format(name=_named(meeting)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._flush_edits()
        ok, _ = push_recorded(
            self.undo_stack,
            self.ctx,
            self.tr("Ställ in {name}").format(name=_named(meeting)),
            lambda s: cancel_meeting(s, meeting.id, on=date.today()),
            parent_widget=self,
        )
        if ok:
            self.ctx.events.status_message.emit(
                self.tr("Mötet är inställt. Exportera kalenderinbjudan för att skicka avbokningen.")
            )
        return bool(ok)

    def restore_meeting(self) -> bool:
        """The meeting is held after all (undoable); the next invitation is a request again."""
        from trygghetsrad.services.meetings.invitations import restore_meeting

        meeting = self._meeting
        if meeting is None:
            return False
        ok, _ = push_recorded(
            self.undo_stack,
            self.ctx,
            self.tr("Ångra inställt möte {name}").format(name=_named(meeting)),
            lambda s: restore_meeting(s, meeting.id),
            parent_widget=self,
        )
        return bool(ok)

    def show_stats(self) -> None:
        from trygghetsrad.ui.meetings.stats import StatsDialog

        year = self._meeting.day.year if self._meeting else date.today().year
        dialog = StatsDialog(self.ctx, year, self)
        dialog.show()
        self.stats_dialog = dialog

    def preview(self) -> None:
        if self._meeting is None:
            return
        if not self._flush_edits():
            self._refuse_unsaved(self.tr("Förhandsgranska"))
            return
        doc = _exporting().build_document(
            self.ctx, self._meeting.id, self.include_internal.isChecked()
        )
        dialog = _exporting().PreviewDialog(doc, self)
        dialog.show()
        self.preview_dialog = dialog

    def export_extract(self, path: Path | None = None) -> Any:
        """Tick the items of the finalised minutes, then write their *protokollsutdrag*."""
        from trygghetsrad.ui.meetings.extract import ExtractDialog, extract_name, write_extract

        if self._meeting is None:
            return None
        doc = _exporting().build_document(self.ctx, self._meeting.id, False)
        dialog = ExtractDialog(doc, self)
        self.extract_dialog = dialog

        def accepted() -> None:
            indices = dialog.chosen()
            target = path
            if target is None:
                folder = QStandardPaths.writableLocation(
                    QStandardPaths.StandardLocation.DocumentsLocation
                )
                name, _ = QFileDialog.getSaveFileName(
                    self,
                    self.tr("Spara protokollsutdrag"),
                    str(Path(folder or ".") / extract_name(doc, indices)),
                    EXPORTS["minutes"].file_filter,
                )
                target = Path(name) if name else None
            if target is None:
                return

            def done(written: Path) -> None:
                self.last_export = written
                self.ctx.events.status_message.emit(self.tr("Sparade {path}").format(path=written))

            self._tasks.append(write_extract(self, doc, indices, target, done))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def export(self, kind: str, path: Path | None = None) -> Any:
        """Ask for a file name (unless given) and write the export in the background."""
        if self._meeting is None:
            return None
        if kind == "extract":
            return self.export_extract(path)
        if not self._flush_edits():
            self._refuse_unsaved(self.tr("Exportera"))
            return None
        include = self.include_internal.isChecked() and kind != "invite"
        mail = kind in ("email", "email_notice")
        if path is None or mail:
            doc = _exporting().build_document(self.ctx, self._meeting.id, include)
            if mail and not _exporting().confirm_recipients(self, doc):
                return None
            path = path or _exporting().ask_path(self, kind, doc)
            if path is None:
                return None

        def done(written: Path) -> None:
            self.last_export = written
            self.ctx.events.status_message.emit(self.tr("Sparade {path}").format(path=written))
            if mail:
                _exporting().open_draft(self, written)

        task = _exporting().export_to(self, self.ctx, kind, self._meeting.id, include, path, done)
        self._tasks.append(task)
        return task


def _named(meeting: MeetingDetail) -> str:
    """The meeting as the list names it: "Trygghetsrådet, 10 december 2026"."""
    return meeting_name(meeting.group_names, meeting.day, meeting.title)
