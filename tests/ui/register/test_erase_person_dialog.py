"""Register → Radera personuppgifter…: confirmation, backup first, undo history cleared."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from trygghetsrad.db import backups
from trygghetsrad.services import register


def test_erasing_the_selected_person(qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.register.page import RegisterPage

    page = RegisterPage(demo_ctx)
    qtbot.addWidget(page)
    action = page.erase_action  # installed by the register page itself
    assert action.text() == "Radera personuppgifter…"
    assert action in page.people.panel.table.actions()  # in the table's context menu
    from trygghetsrad.services import privacy

    with demo_ctx.database.session() as s:
        person = next(p for p in register.list_people(s) if p.email)
        public = privacy.preview(s, person.id).public_references
    page.people.panel.select_id(person.id)
    assert action.isEnabled()
    shown: list[str] = []

    def confirm(*args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", confirm)
    page.undo_stack.push(_noop_command())
    action.trigger()
    assert "kan inte ångras" in shown[0] and person.name in shown[0]
    with demo_ctx.database.session() as s:
        after = register.get_person(s, person.id)
    # Finalised or sent minutes are public records and keep the name; otherwise it goes.
    assert after.name == (person.name if public else "Borttagen person")
    assert after.email == "" and after.phone == "" and after.title == ""
    assert page.undo_stack.count() == 0
    assert any(
        b.reason == backups.BEFORE_ERASE for b in backups.list_backups(demo_ctx.database.path)
    )


def _noop_command():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("Ändra person")
