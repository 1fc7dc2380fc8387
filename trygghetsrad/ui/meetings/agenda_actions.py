"""What the agenda panel changes: an item's fields (autosave), the items themselves
(new, move, delete, templates, copy, next meeting) and the actions under an item.

The editing part of AgendaPanel (agenda.py), and its one edit path: `record` (an undoable
edit through journal_command, a refusal shown under the editor) and `record_form` (a
dialog's "Spara", a refusal shown under the dialog's field). The panel provides the list
and the editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QMessageBox

from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.services import register
from trygghetsrad.services.meetings import actions as action_service
from trygghetsrad.services.meetings import agenda as agenda_service
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.service_calls import read, store


class AgendaActionsMixin:
    """The edits of AgendaPanel."""

    # The panel provides these.
    ctx: Any
    undo_stack: Any
    meeting: Any
    item_id: int | None
    model: Any
    list: Any
    item_editor: Any
    actions: Any
    action_model: Any
    error: Any
    template_menu: Any
    _loading: bool
    _saved: tuple[object, ...] | None
    _autosaver: Any
    tr: Any
    reload: Any
    select_item: Any
    show_error: Any
    show_field_errors: Any
    _selected: Any

    # -- the edit path (journal_command) ---------------------------------------------------

    def record(
        self,
        text: str,
        fn: Callable[[Any], Any],
        *,
        select: int | Callable[[], int | None] | None = None,
    ) -> tuple[bool, Any]:
        """Run a service call as an undoable edit (push_recorded): a refusal shows under the
        editor; after the edit, its undo and its redo the agenda shows the database again,
        with `select` (an item id, or a function that gives one) selected after undo/redo.
        Returns (it succeeded, what the call returned)."""

        def replayed() -> None:
            self.error.hide()
            self.reload()
            item_id = select() if callable(select) else select
            if item_id is not None:
                self.select_item(item_id)

        done = push_recorded(
            self.undo_stack,
            self.ctx,
            text,
            fn,
            parent_widget=self,
            on_error=self.show_error,
            on_undone=replayed,
            on_redone=replayed,
        )
        if done[0]:
            self.error.hide()
            self.reload()
        return done

    def record_form(self, text: str, fn: Callable[[Any], Any]) -> Any:
        """The same for a dialog's "Spara": a refusal is raised to the dialog, which shows it
        under its field and stays open."""
        result = push_raising(self.undo_stack, self.ctx, text, fn, parent_widget=self)
        self.error.hide()
        self.reload()
        return result

    # -- saving ----------------------------------------------------------------------------

    def _schedule_save(self, *_args: object) -> None:
        if (
            not self._loading
            and self.item_id is not None
            and self.meeting
            and self.meeting.editable
        ):
            self._autosaver.changed()

    def save_now(self) -> bool:
        """Write the current item's text fields (autosave); keeps the text on an error."""
        self._autosaver.cancel()
        if self.item_id is None or self.meeting is None or not self.meeting.editable:
            return True
        item_id = self.item_id
        snapshot = self._snapshot()
        if snapshot == self._saved:
            return True  # nothing typed since the item was loaded or last saved
        values = self.item_editor.values()
        try:
            errors = store(
                self.ctx, lambda s: agenda_service.save_item_fields(s, item_id, **values)
            )
        except UserError as exc:
            self.show_error(str(exc))
            return False
        self.error.hide()
        self.show_field_errors(errors)
        self._refresh_row(item_id)
        if not errors:
            self._saved = snapshot
        return not errors

    def _snapshot(self) -> tuple[object, ...]:
        """What the editor holds, to tell whether there is anything to save."""
        return (self.item_id, *self.item_editor.snapshot())

    def _refresh_row(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            fresh = read(self.ctx, lambda s: agenda_service.get_item(s, item_id))
            internal_changed = self.model.items[row].internal != fresh.internal
            self.model.items[row] = fresh
            index = self.model.index(row)
            # An item made internal gives up its number: the ones after it move up.
            last = self.model.index(self.model.rowCount() - 1) if internal_changed else index
            self.model.dataChanged.emit(index, last)

    # -- agenda editing --------------------------------------------------------------------

    def new_item(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        self.save_now()
        meeting_id = self.meeting.id
        position = self.model.row_of(self.item_id) + 1 if self.item_id is not None else None
        title = self.tr("Ny punkt")
        created: list[int] = []

        def add(s: Any) -> int:
            created.append(
                agenda_service.add_item(s, meeting_id, title=title, position=position).id
            )
            return created[-1]

        ok, item_id = self.record(
            self.tr("Ny dagordningspunkt"), add, select=lambda: created[-1] if created else None
        )
        if ok:
            self.select_item(item_id)
            self.title.setFocus()
            self.title.selectAll()

    def shift_item(self, delta: int) -> None:
        if self.item_id is None:
            return
        row = self.model.row_of(self.item_id)
        target = row + delta
        if 0 <= target < self.model.rowCount():
            self.move_item(self.item_id, target)

    def move_item(self, item_id: int, position: int) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        self.save_now()
        old = self.model.row_of(item_id)
        title = self.model.items[old].title if old >= 0 else ""
        self.item_id = item_id
        self.record(
            self.tr("Flytta ”{title}”").format(title=title),
            lambda s: agenda_service.move_item(s, item_id, position),
            select=item_id,
        )
        self.select_item(item_id)

    def delete_item(self) -> None:
        if self.item_id is None or self.meeting is None:
            return
        item = self.model.items[self.model.row_of(self.item_id)]
        if item.notes or item.actions:
            answer = QMessageBox.question(
                self,
                self.tr("Ta bort punkten"),
                self.tr("Ta bort ”{title}” med dess anteckningar och uppdrag?").format(
                    title=item.title
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        item_id = self.item_id
        self.save_now()  # what was typed is part of what undo brings back
        self.item_id = None
        self.record(
            self.tr("Ta bort punkten ”{title}”").format(title=item.title),
            lambda s: agenda_service.delete_item(s, item_id),
            select=item_id,
        )

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        if self.meeting is None:
            return
        group_ids = self.meeting.group_ids
        templates = read(
            self.ctx,
            lambda s: [t for g in group_ids for t in agenda_service.list_templates(s, group_id=g)],
        )
        if not templates:
            action = self.template_menu.addAction(self.tr("Gruppen har ingen mall"))
            action.setEnabled(False)
        meeting_id = self.meeting.id
        groups = [g for g in read(self.ctx, register.list_groups) if g.id in group_ids]
        for template in templates:
            self.template_menu.addAction(
                template.name,
                lambda t=template.id, name=template.name: self.record(
                    self.tr("Fyll dagordningen från mallen ”{name}”").format(name=name),
                    lambda s: agenda_service.apply_template(s, meeting_id, t),
                ),
            )
        self.template_menu.addSeparator()
        for group in groups:
            self.template_menu.addAction(
                self.tr("Spara dagordningen som mall för {group}").format(group=group.name),
                lambda g=group.id, name=group.name: self.record(
                    self.tr("Spara dagordningen som mall för {group}").format(group=name),
                    lambda s: agenda_service.save_as_template(s, meeting_id, g),
                ),
            )
        for group in groups:
            self.template_menu.addAction(
                self.tr("Redigera mallen för {group}…").format(group=group.name),
                lambda g=group: self.edit_template(g.id, g.name),
            )

    def edit_template(self, group_id: int, group_name: str) -> None:
        """Edit a group's standard agenda: one item title per line."""
        existing = next(
            iter(read(self.ctx, lambda s: agenda_service.list_templates(s, group_id=group_id))),
            None,
        )

        def save(values: dict[str, Any]) -> None:
            fields = {"group_id": group_id, "name": values["name"], "items": values["items"]}

            def write(s: Any) -> Any:
                if existing is None:
                    return agenda_service.create_template(s, **fields)
                return agenda_service.update_template(s, existing.id, **fields)

            self.record_form(self.tr("Ändra mallen för {group}").format(group=group_name), write)

        from trygghetsrad.ui.meetings.agenda_dialogs import TemplateDialog  # see _action_dialog

        dialog = TemplateDialog(
            group_name,
            existing.name if existing else self.tr("Standarddagordning"),
            existing.items if existing else (),
            save,
            self,
        )
        dialog.open()
        self.template_dialog = dialog

    def copy_previous(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        self.save_now()
        failed: list[str] = []
        ok, count = push_recorded(
            self.undo_stack,
            self.ctx,
            self.tr("Kopiera förra mötets dagordning"),
            lambda s: agenda_service.copy_previous_agenda(s, meeting_id),
            parent_widget=self,
            on_error=failed.append,
            on_undone=self.reload,
            on_redone=self.reload,
        )
        if not ok:
            self._tell(failed[0] if failed else "")
            return
        if not count:
            self._tell(
                self.tr(
                    "Dagordningen har redan alla punkter från gruppens förra möte; "
                    "inget kopierades."
                )
            )
            return
        self.reload()
        self.ctx.events.status_message.emit(
            self.tr("Kopierade {items} från förra mötet.").format(
                items=plural(count, self.tr("punkt"), self.tr("punkter"))
            )
        )

    def _tell(self, text: str) -> None:
        """Feedback the user must not miss (the inline error may be scrolled out of view)."""
        self.ctx.events.status_message.emit(text)
        QMessageBox.information(self, self.tr("Kopiera förra"), text)

    def plan_next(self) -> None:
        if self.meeting is None:
            return
        group_ids = self.meeting.group_ids
        groups = [g for g in read(self.ctx, register.list_groups) if g.id in group_ids]
        meeting_id = self.meeting.id
        day = self.meeting.day

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Planera nästa möte"),
                lambda s: meeting_service.plan_next_meetings(s, meeting_id, values["plans"]),
            )

        from trygghetsrad.ui.meetings.next_meeting import NextMeetingDialog  # see _action_dialog

        dialog = NextMeetingDialog(groups, day + timedelta(weeks=12), save, self)
        dialog.open()
        self.next_dialog = dialog

    # -- actions ---------------------------------------------------------------------------

    def _people_and_orgs(self) -> tuple[list[Any], list[Any]]:
        return read(self.ctx, lambda s: (register.list_people(s), register.list_organisations(s)))

    def new_action(self) -> None:
        if self.item_id is None or self.meeting is None or not self.meeting.editable:
            return
        item_id = self.item_id
        people, orgs = self._people_and_orgs()

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Nytt uppdrag: {what}").format(what=values["what"].strip()),
                lambda s: action_service.add_action(s, item_id, **values),
            )

        dialog = _action_dialog()(people, orgs, save, self)
        dialog.open()
        self.action_dialog = dialog

    def edit_action(self) -> None:
        action = self._selected(self.actions, self.action_model)
        if action is None:
            return
        people, orgs = self._people_and_orgs()

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra uppdraget ”{what}”").format(what=action.what),
                lambda s: action_service.update_action(s, action.id, **values),
            )

        dialog = _action_dialog()(
            people,
            orgs,
            save,
            self,
            values={
                "what": action.what,
                "responsibles": action.responsibles,
                "due_date": action.due_date,
                "internal": action.internal,
                "status": action.status,
            },
        )
        dialog.open()
        self.action_dialog = dialog

    def delete_action(self) -> None:
        action = self._selected(self.actions, self.action_model)
        if action is not None:
            self.record(
                self.tr("Ta bort uppdraget ”{what}”").format(what=action.what),
                lambda s: action_service.delete_action(s, action.id),
                select=self.item_id,
            )


def _action_dialog() -> type[Any]:
    """The form for an uppdrag. The agenda's dialogs load when first opened, not with the
    Möten page that is built at start-up (start-up time)."""
    from trygghetsrad.ui.meetings.agenda_dialogs import ActionDialog

    return ActionDialog
