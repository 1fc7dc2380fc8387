"""The agreement form: the place of signing and the samverkansöverenskommelse a
medborgarlöfte belongs to, chosen with the mouse and saved as one undoable step; the page
then names the link."""

from __future__ import annotations

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.situation import agreements


def test_a_promise_is_tied_to_its_agreement_from_the_form(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_dialogs import AgreementDialog
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage

    with demo_app.database.session() as s:
        for a in agreements.list_agreements(s):  # untie the example's links first
            if a.belongs_to_id is not None:
                values = {
                    "kind": a.kind, "title": a.title, "period_start": a.period_start,
                    "period_end": a.period_end, "parties": a.parties,
                    "signatories": a.signatories, "signed_on": a.signed_on,
                }  # fmt: skip
                agreements.update_agreement(s, a.id, **values)
    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    promise = next(
        row for row in range(page.list.count()) if "Medborgarlöfte" in page.list.item(row).text()
    )
    rect = page.list.visualItemRect(page.list.item(promise))
    QTest.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = page.current()
    assert chosen is not None and chosen.kind == "medborgarlöfte"
    assert chosen.belongs_to_id is None

    def fake_exec(dialog: AgreementDialog) -> int:
        dialog.place.setText("Storåker")
        combo = dialog.belongs_to
        assert combo.count() == 2  # "(ingen)" and the one samverkansöverenskommelse
        combo.setCurrentIndex(1)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AgreementDialog, "exec", fake_exec)
    page._on_edit()
    with demo_app.database.session() as s:
        saved = agreements.get_agreement(s, chosen.id)
    assert saved.signed_place == "Storåker"
    assert saved.belongs_to_title.startswith("Samverkansöverenskommelse")
    assert "Hör till samverkansöverenskommelsen" in page.head.text()
    page.undo_stack.undo()
    with demo_app.database.session() as s:
        assert agreements.get_agreement(s, chosen.id).belongs_to_id is None


def test_a_working_model_step_is_added_and_followed_up_from_the_page(
    qtbot, demo_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import agreement_steps
    from trygghetsrad.ui.situation.agreement_steps import StepDialog
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage

    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    rect = page.list.visualItemRect(page.list.item(0))
    QTest.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    agreement = page.current()
    assert agreement is not None
    QTest.mouseClick(page.steps_button, Qt.MouseButton.LeftButton)
    dialog = page.steps_dialog
    qtbot.waitExposed(dialog)
    before = dialog.list.count()

    def fake_exec(form: StepDialog) -> int:
        form.title.setText("Gemensam lägesbild")
        form.followup.setPlainText("Klar i oktober.")
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return form.result()

    monkeypatch.setattr(StepDialog, "exec", fake_exec)
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == before + 1
    assert "Uppföljning: Klar i oktober." in dialog.list.item(before).text()
    with demo_app.database.session() as s:
        steps = agreement_steps.list_steps(s, agreement.id)
    assert steps[-1].followup == "Klar i oktober."
    rect = dialog.list.visualItemRect(dialog.list.item(before))
    QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == before
    page.undo_stack.undo()
    with demo_app.database.session() as s:
        assert len(agreement_steps.list_steps(s, agreement.id)) == before + 1
