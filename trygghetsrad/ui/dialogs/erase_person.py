"""Register → Radera personuppgifter…: erase a person's personal data on request (GDPR).

The confirmation says exactly what happens (services.privacy.ErasurePreview): contact
details and memberships go, drafts show "Borttagen person", finalised or sent minutes are
public records and keep the name, free text is not changed, backups keep the data until
they are pruned. A backup is made first. Erasure cannot be undone, so the undo history of
every page is cleared afterwards (an undo must not bring an e-mail address back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.errors import UserError
from trygghetsrad.services import backup, privacy
from trygghetsrad.ui.widgets.autosave import flush_all
from trygghetsrad.ui.widgets.service_calls import read, store


def install(page: Any) -> QAction:
    """Add "Radera personuppgifter…" to the people table's context menu of the register page."""
    panel = page.people.panel
    action = QAction(page.tr("Radera personuppgifter…"), panel)
    action.setObjectName("erasePersonAction")
    action.triggered.connect(lambda: erase_selected(page))
    panel.table.addAction(action)
    panel.current_changed.connect(lambda record: action.setEnabled(record is not None))
    action.setEnabled(panel.current() is not None)
    page.erase_action = action
    return action


def erase_selected(page: Any) -> bool:
    person = page.people.panel.current()
    if person is None:
        return False
    return erase_person(page, page.ctx, person.id)


def erase_person(parent: Any, ctx: Any, person_id: int) -> bool:
    try:
        preview = read(ctx, lambda s: privacy.preview(s, person_id))
    except UserError as exc:
        QMessageBox.information(parent, parent.tr("Det gick inte"), str(exc))
        return False
    answer = QMessageBox.warning(
        parent,
        parent.tr("Radera personuppgifter"),
        preview.confirmation()
        + "\n\n"
        + parent.tr("En säkerhetskopia görs först. Radera personuppgifterna för {name}?").format(
            name=preview.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    flush_all()
    try:
        backup.backup_now(ctx.database, backup.BEFORE_ERASE)
        # Not undoable on purpose (the point is that the data is gone): stored, and every
        # undo stack cleared below before the change is announced.
        changes = store(ctx, lambda s: privacy.erase_person(s, person_id), announce=False)
    except UserError as exc:
        QMessageBox.warning(parent, parent.tr("Det gick inte"), str(exc))
        return False
    for stack in ctx.undo_group.stacks():
        stack.clear()
    ctx.events.changed(changes)
    ctx.events.status_message.emit(
        parent.tr("Personuppgifterna för {name} är raderade.").format(name=preview.name)
    )
    return True
