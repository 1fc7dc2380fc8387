"""Action plans and situation records: edits that were final before can be undone and redone."""

from __future__ import annotations

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.services import action_plan


def _plans(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return sorted((p.id, p.version, p.status, p.adopted_by) for p in action_plan.list_plans(s))


def test_new_version_adoption_and_deletion_of_a_plan_are_undoable(
    qtbot, demo_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import trygghetsrad.ui.situation.plan_page as module
    from trygghetsrad.ui.situation.plan_dialogs import AdoptDialog

    page = module.PlanPage(demo_app)
    qtbot.addWidget(page)
    start = _plans(demo_app)
    page._on_new_version()
    assert page.plan is not None and page.plan.status == "utkast"
    with_draft = _plans(demo_app)
    assert len(with_draft) == len(start) + 1
    assert page.undo_stack.undoText() == f"Ny version av ”{page.plan.title}”"

    def fake_exec(dialog: AdoptDialog) -> int:
        dialog.body.setEditText("")
        dialog.save_button.click()  # refused at the field: nothing recorded
        assert dialog.error_text("adopted_by")
        dialog.body.setEditText("Kommunstyrelsen")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(AdoptDialog, "exec", fake_exec)
    page._on_adopt()
    adopted = _plans(demo_app)
    assert [p[2] for p in adopted].count("antagen") == 1
    assert page.undo_stack.undoText().startswith("Anta åtgärdsplanen ”")
    assert page.undo_stack.count() == 2
    page.undo_stack.undo()  # the adoption: the draft is a draft again, the old plan current
    assert _plans(demo_app) == with_draft
    assert page.plan is not None and page.plan.status == "utkast"
    page.undo_stack.redo()
    assert _plans(demo_app) == adopted
    page.undo_stack.undo()
    page.undo_stack.undo()  # the new version is gone again
    assert _plans(demo_app) == start

    page.undo_stack.redo()  # the draft is back: delete it, then undo the deletion
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select_plan(next(p[0] for p in _plans(demo_app) if p[2] == "utkast"))
    measures = page.model.rowCount()
    page._on_delete_plan()
    assert _plans(demo_app) == start
    assert page.undo_stack.undoText().startswith("Ta bort utkastet ”")
    page.undo_stack.undo()
    assert _plans(demo_app) == with_draft
    page.select_plan(next(p[0] for p in _plans(demo_app) if p[2] == "utkast"))
    assert page.model.rowCount() == measures > 0  # its measures came back with it
