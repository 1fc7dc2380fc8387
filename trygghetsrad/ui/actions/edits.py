"""What the action register does to an action: open its meeting, close, reopen, re-date,
comment (each an undoable edit on the page's stack), and the reminders. The commands part
of ActionsPage (page.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from trygghetsrad.domain.actions.register import RegisterAction
from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import Area
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.ui.actions.dialogs import CommentDialog, RedateDialog
from trygghetsrad.ui.actions.reminders import ReminderSummaryDialog, Written, write_reminders
from trygghetsrad.ui.background import Cancelled, run_modal
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.roles import Role
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
    rows: Any  # the page's ShownRows: all rows and the model of those shown
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
        from trygghetsrad.services.meetings import actions as meetings_actions

        action = self._action()
        if action is None or action.status is not ActionStatus.OPEN:
            return False
        text = self.tr("Markera ”{what}” som klart").format(what=short(action.what))
        today = self.today
        return self._push(text, lambda s: meetings_actions.close_action(s, action.id, on=today))

    def reopen_action(self) -> bool:
        from trygghetsrad.services.meetings import actions as meetings_actions

        action = self._action()
        if action is None or action.status is ActionStatus.OPEN:
            return False
        text = self.tr("Öppna ”{what}” igen").format(what=short(action.what))
        ok, _result = push_recorded(
            self.undo_stack,
            self.ctx,
            text,
            lambda s: meetings_actions.reopen_action(s, action.id),
            parent_widget=self,
            on_error=lambda why: self._refused_reopen(action, why),
        )
        return bool(ok)

    def _refused_reopen(self, action: RegisterAction, why: str) -> None:
        """The minutes that closed the action are locked: say so, and offer to show that
        meeting (its "Öppna för ändring" is there, not on this page)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Öppna uppdraget igen"),
            why,
            parent=cast(QWidget, self),  # the page this mixin is part of
        )
        show = box.addButton(self.tr("Visa mötet"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Stäng"), QMessageBox.ButtonRole.RejectRole)
        show.clicked.connect(
            lambda: self.ctx.events.open_record.emit(Owner(Area.MEETINGS, "action_item", action.id))
        )
        self._open(box)

    def redate_action(self) -> QWidget | None:
        from trygghetsrad.services.meetings import actions as meetings_actions

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
        from trygghetsrad.services.actions import register as action_register

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
            self._add_no_person_hint(menu, action)
        menu.addSeparator()
        shown = self._shown_action_ids()
        if shown is None:
            menu.addAction(self.tr("Till alla…"), self.remind)
        else:
            # A coordinator who filtered the list means the people in it; "alla" says plainly
            # that it is everyone, whatever the filters.
            menu.addAction(
                self.tr("Till alla som visas…"), lambda: self.remind(action_ids=shown)
            ).setEnabled(bool(shown))
            menu.addAction(self.tr("Till alla, oavsett filter…"), self.remind)
        menu.addAction(
            self.tr("Till alla, bara försenade uppdrag…"),
            lambda: self.remind(overdue_only=True),
        )

    def _shown_action_ids(self) -> frozenset[int] | None:
        """The actions the filtered list shows; None when nothing is filtered away."""
        model = self.rows.model
        if model.rowCount() >= self.rows.total():
            return None
        records = (model.index(r, 0).data(Role.RECORD) for r in range(model.rowCount()))
        return frozenset(a.id for a in records if isinstance(a, RegisterAction))

    def _add_no_person_hint(self, menu: QMenu, action: RegisterAction | None) -> None:
        """The greyed entry says why nobody of the selected row can be reminded."""
        menu.setToolTipsVisible(True)  # a greyed entry explains itself on hover
        if action is None:
            text = self.tr("Till den markerade radens ansvariga…")
            why = self.tr("Markera ett uppdrag i listan för att påminna dess ansvariga.")
        elif action.responsibles:
            text = self.tr("Ingen person att påminna – ange en kontaktperson på uppdraget")
            why = self.tr(
                "Uppdraget har bara en organisation som ansvarig ({names}). En påminnelse "
                "skickas till en person: ange en kontaktperson på uppdraget i mötet."
            ).format(names=", ".join(r.name for r in action.responsibles))
        else:
            text = self.tr("Ingen ansvarig att påminna – ange en ansvarig på uppdraget")
            why = self.tr("Uppdraget har ingen ansvarig. Ange en ansvarig person i mötet.")
        hint = menu.addAction(text)
        hint.setToolTip(why)
        hint.setEnabled(False)

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
        self,
        person_id: int | None = None,
        *,
        overdue_only: bool = False,
        action_ids: frozenset[int] | None = None,
    ) -> ReminderSummaryDialog | None:
        """Ask for a folder, write the drafts there, show what was written."""
        folder = self._choose_folder()
        if folder is None:
            return None
        return self.write_reminders(folder, person_id, overdue_only, action_ids)

    def write_reminders(
        self,
        folder: Path,
        person_id: int | None = None,
        overdue_only: bool = False,
        action_ids: frozenset[int] | None = None,
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
                    action_ids=action_ids,
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
