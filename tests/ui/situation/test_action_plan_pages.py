"""The cause-analysis, action-plan, follow-up and agreement pages, driven with pytest-qt."""

from __future__ import annotations

from datetime import date

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
    make_cause,
    make_plan,
    make_problem,
)
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad.services.situation import action_plan, causes


def _titles(ctx, problem_id: int) -> list[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        tree = causes.list_causes(s, problem_id)
    names = {c.id: c.title for c in tree}
    return [
        (c.title, names.get(c.parent_id))
        for c in sorted(tree, key=lambda c: (c.parent_id or 0, c.position))
    ]


def _causes_page(qtbot, ctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.causes_page import CausesPage

    page = CausesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type_title(qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the open inline editor (non-ASCII through QKeyEvents carrying the text)."""
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.tree
    editor.selectAll()  # type: ignore[attr-defined]
    for ch in text:
        QApplication.sendEvent(
            editor, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    page.flush_pending()  # the rename waits for the editor to close; don't wait for the timer


def test_cause_tree_edited_from_the_keyboard_with_undo(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        problem = make_problem(s, title="Skadegörelse vid skolan")
    page = _causes_page(qtbot, ctx)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Insert)
    _type_title(qtbot, page, "Mörk skolgård")
    qtbot.keyClick(page.tree, Qt.Key.Key_Insert)
    _type_title(qtbot, page, "Få vuxna på kvällen")
    assert _titles(ctx, problem) == [("Mörk skolgård", None), ("Få vuxna på kvällen", None)]

    qtbot.keyClick(page.tree, Qt.Key.Key_Tab)  # indent under the cause above
    assert _titles(ctx, problem)[1] == ("Få vuxna på kvällen", "Mörk skolgård")
    qtbot.keyClick(page.tree, Qt.Key.Key_Backtab)  # and out again
    assert _titles(ctx, problem)[1] == ("Få vuxna på kvällen", None)
    qtbot.keyClick(page.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _titles(ctx, problem)[1][1] == "Mörk skolgård"

    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    _type_title(qtbot, page, "Få vuxna ute på kvällarna")
    assert ("Få vuxna ute på kvällarna", "Mörk skolgård") in _titles(ctx, problem)

    # Deleting a cause with sub-causes asks first.
    answers = []
    import trygghetsrad.ui.situation.causes_actions as module

    original = module.QMessageBox.question
    module.QMessageBox.question = lambda *a, **k: (
        answers.append(a) or QMessageBox.StandardButton.Yes
    )  # type: ignore[method-assign]
    try:
        root = next(c for c in page.model.causes() if c.parent_id is None)
        page.select_cause(root.id)
        qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    finally:
        module.QMessageBox.question = original  # type: ignore[method-assign]
    assert answers and _titles(ctx, problem) == []
    assert page.undo_stack.undoText().startswith("Ta bort orsaken")
    page.undo_stack.undo()
    assert ("Få vuxna ute på kvällarna", "Mörk skolgård") in _titles(ctx, problem)
    for _ in range(page.undo_stack.index()):
        page.undo_stack.undo()
    assert _titles(ctx, problem) == []
    while page.undo_stack.canRedo():
        page.undo_stack.redo()
    assert _titles(ctx, problem) == []  # redo ends with the delete again


def test_cause_moved_by_drag_and_drop(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        problem = make_problem(s)
        a = make_cause(s, problem, title="A")
        b = make_cause(s, problem, title="B")
    page = _causes_page(qtbot, ctx)
    model = page.model
    data = model.mimeData([model.index_of(b)])
    assert isinstance(data, QMimeData)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index_of(a))
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index_of(a))
    page.flush_pending()
    assert _titles(ctx, problem) == [("A", None), ("B", "A")]
    # Dropping onto its own child is refused with a message, and nothing changes.
    model.dropMimeData(
        model.mimeData([model.index_of(a)]), Qt.DropAction.MoveAction, -1, -1, model.index_of(b)
    )
    page.flush_pending()
    assert isinstance(page.dialog, QMessageBox) and page.dialog.isVisible()
    assert "underorsaker" in page.dialog.text()
    assert _titles(ctx, problem) == [("A", None), ("B", "A")]


def test_cause_tree_model_and_diagram(qtbot, qtmodeltester, demo_app) -> None:  # type: ignore[no-untyped-def]
    page = _causes_page(qtbot, demo_app)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.problem_model)
    assert page.model.rowCount() >= 2
    flagged = [c for c in page.model.causes() if c.id in page._flags.causes_without_measure]
    assert flagged and page.model.data(page.model.index_of(flagged[0].id, 2)) == "Ingen åtgärd"
    layout = page.diagram.layout_
    assert layout is not None and len(layout.boxes) == len(page.model.causes()) + 1
    box = next(b for b in layout.boxes if b.cause_id is not None)
    page.select_cause(box.cause_id)
    assert page.current_cause_id() == box.cause_id
    image = page.diagram.grab()
    assert not image.isNull() and image.height() > 100


def test_plan_page_shows_lights_flags_and_the_measure_story(qtbot, qtmodeltester, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(demo_app)
    qtbot.addWidget(page)
    page.show()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.model.rowCount() == 8
    assert "saknar koppling till en orsak" in page.flag_label.text()
    assert "1 åtgärd saknar koppling" in page.flag_label.text()  # singular, no "(er)"
    assert not page.new_measure_button.isEnabled()  # adopted plan
    row = next(
        i for i, r in enumerate(page.model.rows()) if r.measure.title.startswith("Ny belysning")
    )
    page.select_measure(page.model.rows()[row].measure.id)
    html = page.detail.toPlainText()
    for expected in (
        "Varför",
        "Trasig och för svag belysning",
        "Olof Hedlund",
        "Fungerar det?",
        "Uppföljning",
        "I protokollen",
        "Trygghetsrådet konstaterar",
    ):
        assert expected in html, expected
    page.search.setText("nattvandring")
    assert page.proxy.rowCount() == 1


def test_new_measure_in_a_draft_plan_is_undoable(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation import plan_page
    from trygghetsrad.ui.situation.plan_dialogs import MeasureDialog

    with ctx.database.session() as s:
        problem = make_problem(s)
        cause = make_cause(s, problem, title="Dålig belysning")
        make_plan(s, title="Plan 2026–2027", period_start=date(2026, 1, 1))
    page = plan_page.PlanPage(ctx)
    qtbot.addWidget(page)
    assert page.new_measure_button.isEnabled()
    dialogs = []

    def fake_exec(dialog: MeasureDialog) -> int:
        dialogs.append(dialog)
        dialog.title.setText("")
        dialog.save_button.click()
        assert dialog.error_text("title")  # shown under the field, dialog kept open
        dialog.title.setText("Ny belysning på skolgården")
        dialog.target.setText("tjugo")
        dialog.save_button.click()
        assert "tal" in dialog.error_text("target_value")
        dialog.target.setText("")
        for i in range(dialog.causes.count()):
            dialog.causes.item(i).setCheckState(Qt.CheckState.Checked)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(MeasureDialog, "exec", fake_exec)
    page._on_new_measure()
    assert dialogs
    with ctx.database.session() as s:
        measures = action_plan.list_measures(s)
    assert [m.title for m in measures] == ["Ny belysning på skolgården"]
    assert measures[0].cause_ids == (cause,)
    assert page.model.rowCount() == 1
    page.undo_stack.undo()
    with ctx.database.session() as s:
        assert action_plan.list_measures(s) == []
    assert page.model.rowCount() == 0


def test_followup_page_answers_the_question_per_problem(qtbot, qtmodeltester, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.followup_page import FollowUpPage

    page = FollowUpPage(demo_app)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 8
    with demo_app.database.session() as s:
        problem = causes.list_problems(s)[0]
    page.select_problem(problem.id)
    rows = page.model.rows()
    assert 0 < len(rows) < 8
    titles = [r.measure.title for r in rows]
    assert "Nattvandringar fredag och lördag" in titles
    index = page.model.index(titles.index("Nattvandringar fredag och lördag"), 5)
    assert page.model.data(index).startswith("På väg mot målet")
    checklist = page.checklist.toPlainText()
    assert "Åtgärdsplan antagen" in checklist and "Saknas" in checklist


def test_agreements_page_and_followup_of_a_commitment(
    qtbot, qtmodeltester, demo_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage
    from trygghetsrad.ui.situation.plan_dialogs import FollowUpDialog

    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    page.show()
    qtmodeltester.check(page.model)
    assert page.list.count() == 3
    assert page.model.rowCount() == 4
    assert "Undertecknare" in page.head.text()
    page.table.selectRow(1)

    def fake_exec(dialog: FollowUpDialog) -> int:
        dialog.done_edit.setPlainText("Underlaget skickat till Polisen.")
        dialog.status.setCurrentIndex(dialog.status.findData("pågår"))
        dialog.save_button.click()
        return 1

    monkeypatch.setattr(FollowUpDialog, "exec", fake_exec)
    commitment = page.current_commitment()
    assert commitment is not None
    page._on_followup()
    row = next(r for r in page.model.rows() if r.commitment.id == commitment.commitment.id)
    assert row.commitment.status == "pågår"
    assert row.followups[-1].done == "Underlaget skickat till Polisen."
    page.undo_stack.undo()  # the note goes, and the status it set is put back
    row = next(r for r in page.model.rows() if r.commitment.id == commitment.commitment.id)
    assert row.commitment.status == commitment.commitment.status == "ej påbörjad"
    assert all(f.done != "Underlaget skickat till Polisen." for f in row.followups)


def test_pages_are_reachable_from_the_situation_tab(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.page import SituationPage

    page = SituationPage(demo_app)
    qtbot.addWidget(page)
    for key in ("causes", "plan", "followup", "agreements"):
        sub = page.subpage(key)
        assert sub.accessibleName()


def test_search_and_the_wheel_open_measures_causes_and_commitments(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.calendar_items import Owner
    from trygghetsrad.services.situation import agreements
    from trygghetsrad.ui.situation.page import SituationPage

    page = SituationPage(demo_app)
    qtbot.addWidget(page)
    with demo_app.database.session() as s:
        measure = action_plan.list_measures(s)[3]
        cause = causes.list_causes(s)[2]
        commitment = agreements.list_commitments(s)[-1]
    assert page.open_record(Owner("action_plan", "measure", measure.id))
    assert page.subpage("plan").current_measure_id() == measure.id
    assert page.open_record(Owner("action_plan", "cause", cause.id))
    assert page.subpage("causes").current_cause_id() == cause.id
    assert page.open_record(Owner("action_plan", "commitment", commitment.id))
    current = page.subpage("agreements").current_commitment()
    assert current is not None and current.commitment.id == commitment.id
    assert not page.open_record(Owner("action_plan", "measure", 99999))
    assert not page.open_record(Owner("action_plan", "unknown", 1))


def test_plan_pdf_saved_from_the_page_for_distribution_or_with_internal(
    qtbot, demo_app, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from trygghetsrad.ui.situation import action_plan_export
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(demo_app)
    qtbot.addWidget(page)
    asked = []

    def fake_save(parent, title, default, filters):  # type: ignore[no-untyped-def]
        asked.append(default)
        return str(tmp_path / f"plan{len(asked)}"), filters

    monkeypatch.setattr(action_plan_export.QFileDialog, "getSaveFileName", fake_save)
    public, internal = page.export_button.menu().actions()
    public.trigger()
    internal.trigger()
    assert asked[0].endswith("Åtgärdsplan för ett tryggare Storåker 2025–2026.pdf")
    texts = [
        " ".join(p.extract_text() for p in PdfReader(tmp_path / f"plan{i}.pdf").pages)
        for i in (1, 2)
    ]
    assert "Alkohol langas" not in texts[0] and "Alkohol langas" in texts[1]


def test_double_click_in_the_follow_up_asks_to_open_the_measure(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.followup_page import FollowUpPage

    page = FollowUpPage(demo_app)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    opened = []
    demo_app.events.open_record.connect(opened.append)
    page._on_open_measure(page.proxy.index(2, 1))
    assert opened and opened[0].kind == "measure"
    assert opened[0].id == page.model.rows()[2].measure.id


def test_a_typed_description_is_saved_when_another_cause_is_chosen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        problem = make_problem(s)
        first = make_cause(s, problem, title="Första")
        second = make_cause(s, problem, title="Andra")
    page = _causes_page(qtbot, ctx)
    page.select_cause(first)
    page.description.setPlainText("Syns på trygghetsvandringen i april.")
    page.select_cause(second)
    page.flush_pending()
    with ctx.database.session() as s:
        assert causes.get_cause(s, first).description == "Syns på trygghetsvandringen i april."
    assert page.current_cause_id() == second
    assert page.undo_stack.undoText() == "Ändra beskrivning av orsak"


def test_from_a_problem_one_click_to_its_follow_up(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.page import SituationPage

    page = SituationPage(demo_app)
    qtbot.addWidget(page)
    demo_app.events.open_record.connect(page.open_record)  # what the main window does
    causes_page = page.subpage("causes")
    with demo_app.database.session() as s:
        problem = causes.list_problems(s)[1]
    causes_page.select_problem(problem.id)
    causes_page.followup_button.click()
    followup = page.subpage("followup")
    assert page.tabs.currentWidget().key == "followup"
    assert followup.problem.currentData() == problem.id
    assert followup.model.rows() and all(r.measure.cause_ids for r in followup.model.rows())


def test_new_problem_from_an_observation(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.causes_problems import ProblemDialog

    page = _causes_page(qtbot, demo_app)

    def fake_exec(dialog: ProblemDialog) -> int:
        dialog.observation.setCurrentIndex(dialog.observation.findText("Klotter i centrum"))
        assert dialog.title.text() == "Klotter i centrum"
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ProblemDialog, "exec", fake_exec)
    page._on_new_problem()
    with demo_app.database.session() as s:
        problems = causes.list_problems(s)
    created = next(p for p in problems if p.title == "Klotter i centrum")
    assert created.observation_id is not None
    assert page.problem_title.text() == "Klotter i centrum"
    assert page.model.rowCount() == 0  # no causes yet


def test_agreement_edit_is_validated_and_undoable(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import agreements
    from trygghetsrad.ui.situation.agreements_dialogs import AgreementDialog
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage

    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    before = page.current()
    assert before is not None

    def fake_exec(dialog: AgreementDialog) -> int:
        dialog.title.setText("")
        dialog.save_button.click()
        assert dialog.error_text("title")
        dialog.title.setText("Medborgarlöfte Storåker, reviderat")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(AgreementDialog, "exec", fake_exec)
    page._on_edit()
    with demo_app.database.session() as s:
        assert agreements.get_agreement(s, before.id).title == "Medborgarlöfte Storåker, reviderat"
    page.undo_stack.undo()
    with demo_app.database.session() as s:
        assert agreements.get_agreement(s, before.id).title == before.title


def test_a_draft_plan_can_be_deleted_but_not_an_adopted_one(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import trygghetsrad.ui.situation.plan_page as module

    page = module.PlanPage(demo_app)
    qtbot.addWidget(page)
    assert not page.delete_plan_button.isEnabled()  # the adopted plan
    page._on_new_version()
    assert page.plan is not None and page.plan.status == "utkast"
    assert page.delete_plan_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page._on_delete_plan()
    with demo_app.database.session() as s:
        assert [p.status for p in action_plan.list_plans(s)] == ["antagen"]
    assert page.plan is not None and page.plan.status == "antagen"


def test_measure_dialog_fits_a_768_pixel_screen(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.plan_dialogs import MeasureDialog
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(demo_app)
    qtbot.addWidget(page)
    measure = page.model.rows()[0].measure
    dialog = MeasureDialog(lambda values: None, measure, **page._choices(), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    # Two columns and a scroll area: the buttons stay visible under a Windows taskbar.
    assert dialog.sizeHint().height() <= 700
    assert dialog.minimumSizeHint().height() <= 700
    assert dialog.sizeHint().width() <= 1300
    assert dialog.height() <= 700
    assert dialog.scroll_area is not None
    # The long cause texts wrap in the list instead of running under its edge.
    assert dialog.causes.wordWrap()
    assert dialog.causes.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    dialog.reject()


def test_plan_and_followup_tables_fit_beside_the_detail_panel(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.followup_page import FollowUpPage
    from trygghetsrad.ui.situation.plan_page import PlanPage

    for page in (PlanPage(demo_app), FollowUpPage(demo_app)):
        qtbot.addWidget(page)
        page.resize(1340, 640)
        page.show()
        page.columns.refit()
        QApplication.processEvents()  # let the view update its scroll range
        header = page.table.horizontalHeader()
        assert header.length() <= page.table.viewport().width(), type(page).__name__
        assert page.table.horizontalScrollBar().maximum() == 0
        assert header.sectionSize(0) < 60  # the traffic-light column stays narrow
