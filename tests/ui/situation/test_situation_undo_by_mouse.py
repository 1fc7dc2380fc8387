"""A measure and a cause edited with the mouse, then undone and redone with the window's
Ångra/Gör om (the undo group's actions, clicked as tool buttons): the journal puts back
the very rows, ids, follow-ups and links included."""

from __future__ import annotations

from datetime import date
from typing import Any

from factories_action_plan import make_cause, make_measure, make_plan, make_problem
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoGroup
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QPushButton, QToolButton

from trygghetsrad.services.situation import action_plan, causes


def _undo_buttons(qtbot: Any, group: QUndoGroup) -> tuple[QToolButton, QToolButton]:
    """Redigera → Ångra and Gör om, as the window has them (they follow the active stack)."""
    buttons = []
    for action in (group.createUndoAction(group), group.createRedoAction(group)):
        button = QToolButton()
        button.setDefaultAction(action)
        qtbot.addWidget(button)
        button.show()
        buttons.append(button)
    return buttons[0], buttons[1]


def _click(button: QPushButton | QToolButton) -> None:
    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _measure_index(page: Any, measure_id: int) -> QModelIndex:
    """The title cell of a measure in the plan page's table, as the view shows it."""
    row = next(i for i, r in enumerate(page.model.rows()) if r.measure.id == measure_id)
    return page.proxy.mapFromSource(page.model.index(row, 2))


def _measures(ctx: Any) -> list[Any]:
    with ctx.database.session() as s:
        return action_plan.list_measures(s)


def test_a_deleted_and_an_edited_measure_undone_and_redone_with_the_mouse(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    from trygghetsrad.ui.situation import plan_page
    from trygghetsrad.ui.situation.plan_dialogs import MeasureDialog

    with ctx.database.session() as s:
        problem = make_problem(s, title="Otrygg väg till skolan")
        cause = make_cause(s, problem, title="Mörk gångväg")
        plan = make_plan(s, title="Plan 2026", period_start=date(2026, 1, 1))
        measure = make_measure(s, plan, title="Belysning längs gångvägen", cause_ids=(cause,))
        make_measure(s, plan, title="Vandring med föräldrar")
        action_plan.add_followup(
            s, measure_id=measure, noted_on=date(2026, 3, 1), status="pågår", done="Offert"
        )
    page = plan_page.PlanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    undo, redo = _undo_buttons(qtbot, ctx.undo_group)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    _click_row(page.table, _measure_index(page, measure))
    assert page.current_measure_id() == measure
    _click(page.delete_measure_button)
    assert [m.title for m in _measures(ctx)] == ["Vandring med föräldrar"]
    assert page.model.rowCount() == 1

    _click(undo)  # the measure is back: same id, its cause and its follow-up
    back = next(m for m in _measures(ctx) if m.id == measure)
    assert back.title == "Belysning längs gångvägen" and back.cause_ids == (cause,)
    with ctx.database.session() as s:
        rows = action_plan.measure_rows(s, plan, today=date(2026, 4, 1))
    assert [f.done for r in rows if r.measure.id == measure for f in r.followups] == ["Offert"]
    assert _measure_index(page, measure).isValid()
    _click(redo)
    assert all(m.id != measure for m in _measures(ctx))
    _click(undo)

    # Edited through its dialog ("Ändra…" clicked), then undone and redone.
    def fake_exec(dialog: MeasureDialog) -> int:
        dialog.title.setText("Belysning och röjning längs gångvägen")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(MeasureDialog, "exec", fake_exec)
    _click_row(page.table, _measure_index(page, measure))
    _click(page.edit_measure_button)
    titles = {m.id: m.title for m in _measures(ctx)}
    assert titles[measure] == "Belysning och röjning längs gångvägen"
    assert ctx.undo_group.undoText() == "Ändra åtgärden ”Belysning längs gångvägen”"
    _click(undo)
    assert {m.id: m.title for m in _measures(ctx)}[measure] == "Belysning längs gångvägen"
    assert _measure_index(page, measure).data() == "Belysning längs gångvägen"
    _click(redo)
    assert {m.id: m.title for m in _measures(ctx)}[measure] == (
        "Belysning och röjning längs gångvägen"
    )


def _tree(ctx: Any, problem: int) -> dict[str, tuple[str | None, str, str]]:
    """Each cause: (its parent's title, kind, description)."""
    with ctx.database.session() as s:
        found = causes.list_causes(s, problem)
    names = {c.id: c.title for c in found}
    return {
        c.title: (names.get(c.parent_id) if c.parent_id else None, c.kind, c.description)
        for c in found
    }


def test_a_cause_indented_and_described_undone_and_redone_with_the_mouse(
    qtbot: Any, ctx: Any
) -> None:
    from trygghetsrad.ui.situation.causes_page import CausesPage

    with ctx.database.session() as s:
        problem = make_problem(s, title="Skadegörelse vid skolan")
        make_cause(s, problem, title="Mörk skolgård")
        lonely = make_cause(s, problem, title="Få vuxna på kvällen")
    page = CausesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    undo, redo = _undo_buttons(qtbot, ctx.undo_group)

    _click_row(page.tree, page.model.index_of(lonely))
    assert page.current_cause_id() == lonely
    _click(page.indent_button)
    assert _tree(ctx, problem)["Få vuxna på kvällen"][0] == "Mörk skolgård"
    _click(undo)
    assert _tree(ctx, problem)["Få vuxna på kvällen"][0] is None
    _click(redo)
    assert _tree(ctx, problem)["Få vuxna på kvällen"][0] == "Mörk skolgård"

    _click_row(page.tree, page.model.index_of(lonely))
    page.description.setPlainText("Fritidsgården stänger kl. 18")
    _click(page.save_details)
    assert _tree(ctx, problem)["Få vuxna på kvällen"][2] == "Fritidsgården stänger kl. 18"
    assert ctx.undo_group.undoText() == "Ändra beskrivning av orsak"
    _click(undo)
    assert _tree(ctx, problem)["Få vuxna på kvällen"] == ("Mörk skolgård", "situationell", "")
    assert page.description.toPlainText() == ""
    _click(undo)  # and the indent before it
    assert _tree(ctx, problem)["Få vuxna på kvällen"][0] is None
    _click(redo)
    _click(redo)
    assert _tree(ctx, problem)["Få vuxna på kvällen"] == (
        "Mörk skolgård",
        "situationell",
        "Fritidsgården stänger kl. 18",
    )
