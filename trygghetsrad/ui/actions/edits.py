"""What the action register does to an action: open its meeting, close, reopen, re-date,
comment (each an undoable edit on the page's stack), and the reminders. The commands part
of ActionsPage (page.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from trygghetsrad.domain.action_register import RegisterAction
from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import Area
from trygghetsrad.domain.meetings import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.ui.actions.dialogs import CommentDialog, RedateDialog
from trygghetsrad.ui.actions.reminders import ReminderSummaryDialog, Written, write_reminders
from trygghetsrad.ui.background import Cancelled, run_modal
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.service_calls import read

FOLDER_KEY = "actions/reminder_folder"


def short(text: str, most: int = 60) -> str:
    """An action's text cut for an undo entry ("Markera ”…” som klart")."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _settings() -> QSettings:
    return QSettings("Trygghetsrad", "Trygghetsrad")  # the main window's settings file


class ActionCommandsMixin:
    """The commands of ActionsPage."""

    # The page provides these.
    ctx: Any
    today: date
    undo_stack: Any
    dialog: QWidget | None
    reminders_menu: QMenu
    people_names: dict[int, str]
    tr: Any
    current: Any

    def open_meeting(self) -> None:
        """Show the meeting in Möten with the action (or the decision's item) selected."""
        row = self.current()
        if row is None:
            return
        kind = "action_item" if isinstance(row, RegisterAction) else "decision"
        self.ctx.events.open_record.emit(Owner(Area.MEETINGS, kind, row.id))

    def _action(self) -> RegisterAction | None:
        row = self.current()
        return row if isinstance(row, RegisterAction) else None

    def _push(self, text: str, fn: Any) -> bool:
        ok, _result = push_recorded(self.undo_stack, self.ctx, text, fn, parent_widget=self)
        return bool(ok)

    def close_action(self) -> bool:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None or action.status is not ActionStatus.OPEN:
            return False
        text = self.tr("Markera ”{what}” som klart").format(what=short(action.what))
        today = self.today
        return self._push(text, lambda s: meetings_actions.close_action(s, action.id, on=today))

    def reopen_action(self) -> bool:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None or action.status is ActionStatus.OPEN:
            return False
        text = self.tr("Öppna ”{what}” igen").format(what=short(action.what))
        return self._push(text, lambda s: meetings_actions.reopen_action(s, action.id))

    def redate_action(self) -> QWidget | None:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None:
            return None

        def save(values: dict[str, Any]) -> None:
            due = values["due_date"]
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Nytt datum för ”{what}”").format(what=short(action.what)),
                lambda s: meetings_actions.redate_action(s, action.id, due),
                parent_widget=self,
            )

        return self._open(RedateDialog(action.what, action.due_date, save, self))

    def comment_action(self) -> QWidget | None:
        from trygghetsrad.services import action_register

        action = self._action()
        if action is None:
            return None

        def comment(s: Any) -> tuple[Any, str]:
            found = action_register.comment_meeting(s, action.id)
            return found, action_register.current_comment(s, action.id, found[0]) if found else ""

        found, said = read(self.ctx, comment)
        if found is None:
            QMessageBox.information(
                self,
                self.tr("Kommentar till uppdraget"),
                self.tr(
                    "Det finns inget kommande möte som följer upp uppdraget. Planera gruppens "
                    "nästa möte först; kommentaren hör till det mötets uppföljning."
                ),
            )
            return None

        def save(values: dict[str, Any]) -> None:
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Kommentar till ”{what}”").format(what=short(action.what)),
                lambda s: action_register.comment_action(s, action.id, values["text"]),
                parent_widget=self,
            )

        return self._open(CommentDialog(action.what, found[1], said, save, self))

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    # -- reminders -----------------------------------------------------------------------------

    def fill_reminders_menu(self) -> None:
        menu = self.reminders_menu
        menu.clear()
        action = self._action()
        people = [r for r in (action.responsibles if action else ()) if r.person_id is not None]
        for r in people:
            name = self.people_names.get(r.person_id or 0, r.name)
            menu.addAction(
                self.tr("Till {name}…").format(name=name),
                lambda pid=r.person_id: self.remind(person_id=pid),
            )
        if not people:
            hint = menu.addAction(self.tr("Till den markerade radens ansvariga…"))
            hint.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Till alla…"), self.remind)
        menu.addAction(
            self.tr("Till alla, bara försenade uppdrag…"),
            lambda: self.remind(overdue_only=True),
        )

    def _choose_folder(self) -> Path | None:
        start = str(_settings().value(FOLDER_KEY, str(Path.home())))
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Välj mapp för påminnelserna"), start
        )
        if not chosen:
            return None
        _settings().setValue(FOLDER_KEY, chosen)
        return Path(chosen)

    def remind(
        self, person_id: int | None = None, *, overdue_only: bool = False
    ) -> ReminderSummaryDialog | None:
        """Ask for a folder, write the drafts there, show what was written."""
        folder = self._choose_folder()
        return None if folder is None else self.write_reminders(folder, person_id, overdue_only)

    def write_reminders(
        self, folder: Path, person_id: int | None = None, overdue_only: bool = False
    ) -> ReminderSummaryDialog | None:
        ctx, today = self.ctx, self.today
        try:
            written: Written = run_modal(
                self,
                self.tr("Skriver påminnelser…"),
                lambda progress: write_reminders(
                    ctx,
                    folder,
                    today=today,
                    person_id=person_id,
                    overdue_only=overdue_only,
                    progress=progress,
                ),
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Det gick inte"), str(exc))
            return None
        except Cancelled:  # the drafts written before "Avbryt" stay; nothing more to say
            return None
        dialog = ReminderSummaryDialog(written, self)
        self._open(dialog)
        return dialog
