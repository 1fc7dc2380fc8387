"""The dialog where the user titles a report and writes chapters, opened from each page and
driven by mouse clicks and typing; what it stores reaches the PDF and undoes in one step.
Also: a new observation's form claims no trend, a picture can be presented in "juni 2023"."""

from __future__ import annotations

import io
from datetime import date

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from trygghetsrad.domain.situation.documents import DocumentKind, Placement
from trygghetsrad.services.situation import documents as situation_documents
from trygghetsrad.services.situation import followup


def _type(widget: QWidget, text: str) -> None:
    """Type text with key events that carry it (keyClicks aborts on å/ä/ö)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualItemRect(view.item(row))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _plan_page(qtbot, ctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_plan_document_titled_and_chapters_written_with_the_mouse(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    page = _plan_page(qtbot, demo_app)
    plan = page.plan
    _click(page.document_button)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.title.placeholderText() == plan.title
    assert not dialog.heading.isEnabled()  # no chapter yet: nothing to edit
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/h6-document-dialog-empty.png")

    _type(dialog.title, "Handlingsplan för ett tryggare Storåker")
    _click(dialog.issued_on.check)
    dialog.issued_on.edit.setText("2025-04-30")
    _type(dialog.author, "Maja Lindqvist, samordnare")

    _click(dialog.add_button)
    dialog.heading.selectAll()
    _type(dialog.heading, "Förord från ordföranden")
    _type(dialog.body, "Planen är rådets gemensamma åtagande.")
    _click(dialog.add_button)
    dialog.heading.selectAll()
    _type(dialog.heading, "Läsanvisning")
    _click(dialog.add_button)
    dialog.heading.selectAll()
    _type(dialog.heading, "Bilaga: ordlista")
    dialog.placement.setCurrentIndex(dialog.placement.findData(Placement.AFTER.value))
    assert [dialog.chapter_list.item(i).text() for i in range(3)] == [
        "Före: Förord från ordföranden",
        "Före: Läsanvisning",
        "Efter: Bilaga: ordlista",
    ]
    # A click on a row shows that chapter (the current row, not the stale selection).
    _click_row(dialog.chapter_list, 0)
    assert dialog.heading.text() == "Förord från ordföranden"
    assert dialog.body.toPlainText() == "Planen är rådets gemensamma åtagande."
    _click_row(dialog.chapter_list, 1)
    _click(dialog.up_button)
    assert dialog.chapter_list.item(0).text() == "Före: Läsanvisning"
    assert not dialog.up_button.isEnabled()
    dialog.grab().save("/tmp/h6-document-dialog.png")
    _click(dialog.save_button)
    assert not dialog.isVisible()

    with demo_app.database.session() as s:
        got = situation_documents.document_settings(s, DocumentKind.ACTION_PLAN, plan.id)
        pdf = render_plan(followup.plan_document(s, plan.id, today=date(2026, 11, 26)))
    assert got.title == "Handlingsplan för ett tryggare Storåker"
    assert got.issued_on == date(2025, 4, 30) and got.author == "Maja Lindqvist, samordnare"
    assert [c.heading for c in got.chapters] == [
        "Läsanvisning",
        "Förord från ordföranden",
        "Bilaga: ordlista",
    ]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Handlingsplan för ett tryggare Storåker" in text
    assert "Utfärdad 30 april 2025 av Maja Lindqvist, samordnare" in text
    assert (
        text.index("Läsanvisning") < text.index("Förord från ordföranden") < text.index("Inledning")
    )

    # One undo step takes the whole edit back.
    page.undo_stack.undo()
    with demo_app.database.session() as s:
        back = situation_documents.document_settings(s, DocumentKind.ACTION_PLAN, plan.id)
    assert (back.title, back.chapters) == ("", ())


def test_chapter_without_heading_is_refused_under_the_field(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    page = _plan_page(qtbot, demo_app)
    _click(page.document_button)
    dialog = page.dialog
    _click(dialog.add_button)
    dialog.heading.selectAll()
    QTest.keyClick(dialog.heading, Qt.Key.Key_Delete)
    _click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_text("heading") == "Ge kapitlet en rubrik."
    with demo_app.database.session() as s:
        got = situation_documents.document_settings(s, DocumentKind.ACTION_PLAN, page.plan.id)
    assert got.chapters == ()
    dialog.reject()


def test_followup_and_agreement_pages_open_their_own_document(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage
    from trygghetsrad.ui.situation.followup_page import FollowUpPage

    followup_page = FollowUpPage(demo_app)
    qtbot.addWidget(followup_page)
    followup_page.year.setValue(2025)
    _click(followup_page.document_button)
    dialog = followup_page.dialog
    assert dialog.title.placeholderText() == "Uppföljning av åtgärdsplanen 2025"
    _type(dialog.title, "Årsrapport 2025")
    _click(dialog.save_button)
    with demo_app.database.session() as s:
        got = situation_documents.document_settings(s, DocumentKind.FOLLOWUP, 2025)
    assert got.title == "Årsrapport 2025"

    agreements_page = AgreementsPage(demo_app)
    qtbot.addWidget(agreements_page)
    agreements_page.show()
    agreement = agreements_page.current()
    _click(agreements_page.document_button)
    dialog = agreements_page.dialog
    assert dialog.title.placeholderText() == agreement.title
    _type(dialog.author, "Anna Berg")
    _click(dialog.save_button)
    with demo_app.database.session() as s:
        got = situation_documents.document_settings(s, DocumentKind.AGREEMENT, agreement.id)
    assert got.author == "Anna Berg"


def test_measure_form_starts_as_not_judged(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.plan_dialogs import MeasureDialog
    from trygghetsrad.ui.widgets.form_dialog import FormDialog

    opened: list[MeasureDialog] = []

    def capture(self: FormDialog) -> int:
        opened.append(self)  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(FormDialog, "exec", capture)
    monkeypatch.setattr(FormDialog, "open", capture)
    page = _plan_page(qtbot, demo_app)
    page._on_new_measure()
    dialog = next(d for d in opened if isinstance(d, MeasureDialog))
    assert dialog.status.currentText() == "Ej bedömd"


def test_new_observation_form_claims_no_trend(qtbot) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.forms import ObservationDialog

    dialog = ObservationDialog(lambda values: None, sources=[], indicators=[])
    qtbot.addWidget(dialog)
    assert dialog.trend.currentText() == "Okänd"
    assert dialog.values()["trend"] == "unknown"


def test_picture_presented_in_june_2023(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import pictures as situation_pictures
    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(demo_app)
    qtbot.addWidget(page)
    page.show()
    with demo_app.database.session() as s:
        open_ = next(p for p in situation_pictures.list_pictures(s) if not p.is_frozen)
    page.select(open_.id)
    _click(page.present_button)
    dialog = page.dialog
    dialog.on.setText("")
    _type(dialog.on, "midsommar")
    _type(dialog.body, "Kommunstyrelsen")
    _click(dialog.save_button)
    assert "juni 2023" in dialog.error_text("presented_on")
    dialog.on.setText("")
    _type(dialog.on, "juni 2023")
    _click(dialog.save_button)
    assert not dialog.isVisible()
    with demo_app.database.session() as s:
        got = situation_pictures.get_picture(s, open_.id)
    assert got.status_text == "Presenterad juni 2023 för Kommunstyrelsen"


def test_new_observation_has_no_date_until_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.forms import ObservationDialog

    dialog = ObservationDialog(lambda values: None, sources=[], indicators=[])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.values()["observed_on"] is None  # no date claimed for a new observation
    _click(dialog.observed.check)
    dialog.observed.edit.setText("2023-06-15")
    assert dialog.values()["observed_on"] == date(2023, 6, 15)
