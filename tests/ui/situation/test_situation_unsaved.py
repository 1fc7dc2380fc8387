"""Leaving a Lägesbild record whose edit could not be saved asks first and keeps the text."""

from __future__ import annotations

from datetime import date

import pytest
from factories_situation import fill_situation_demo
from PySide6.QtCore import Qt
from questions import answer_next_question

from trygghetsrad.services.situation import causes
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.ui.register.models import RECORD_ROLE

SENTENCE = " VIKTIG MENING\v med vertikal tab"


@pytest.fixture
def sctx(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        fill_situation_demo(s, date.today())
        situation_pictures.create_picture(
            s, title="Lägesbild äldre", period_start=date(2020, 1, 1), period_end=date(2020, 12, 31)
        )
    return ctx


def _click_row(qtbot, view, predicate) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if predicate(model.data(index, RECORD_ROLE)):
            view.scrollTo(index)
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
            )
            return
    raise AssertionError("row not found")


def _picture_page(qtbot, sctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(sctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type_unsaveable(qtbot, page):  # type: ignore[no-untyped-def]
    edit = page.texts["summary"]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertPlainText(SENTENCE)
    page.save_now()
    assert page.error_text("summary")  # the red message under the field
    return edit.toPlainText()


@pytest.mark.parametrize("answer", ["Gå tillbaka", "Släng ändringen"])
def test_switching_picture_with_unsaveable_text_asks(qtbot, sctx, answer: str) -> None:
    page = _picture_page(qtbot, sctx)
    shown = page.picture
    assert shown is not None and not shown.is_frozen
    typed = _type_unsaveable(qtbot, page)

    seen: list[str] = []
    answer_next_question(answer, seen)
    _click_row(qtbot, page.table, lambda r: r.id != shown.id)
    assert seen and "kunde inte sparas" in seen[0]

    if answer == "Gå tillbaka":
        # Still on the same version, the sentence is there and still explained.
        assert page.picture.id == shown.id
        assert page.table.currentIndex().data(RECORD_ROLE).id == shown.id
        assert page.texts["summary"].toPlainText() == typed
        assert page.error_text("summary")
        # Correcting it then lets the text be saved.
        page.texts["summary"].setPlainText(typed.replace("\v", " "))
        assert page.save_now()
        with sctx.database.session() as s:
            stored = situation_pictures.get_picture(s, shown.id).summary
        assert "VIKTIG MENING  med vertikal tab" in stored
    else:
        assert page.picture.id != shown.id
        assert "VIKTIG MENING" not in page.texts["summary"].toPlainText()
        assert not page.error_text("summary")
        # Back on the first version: the stored text, no leftover question.
        _click_row(qtbot, page.table, lambda r: r.id == shown.id)
        assert page.picture.id == shown.id
        assert page.texts["summary"].toPlainText() == shown.summary


def test_switching_picture_with_saveable_text_saves_without_asking(
    qtbot, sctx, monkeypatch
) -> None:
    from trygghetsrad.ui.widgets import unsaved

    asked: list[object] = []
    monkeypatch.setattr(unsaved, "ask_discard", lambda *a: asked.append(a) or False)
    page = _picture_page(qtbot, sctx)
    shown = page.picture
    page.texts["summary"].setPlainText("Lugnare i industriområdet.")
    _click_row(qtbot, page.table, lambda r: r.id != shown.id)
    assert page.picture.id != shown.id and not asked
    with sctx.database.session() as s:
        assert situation_pictures.get_picture(s, shown.id).summary == "Lugnare i industriområdet."


def _causes_page(qtbot, ctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.causes_page import CausesPage

    page = CausesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("leave_to", ["cause", "problem"])
def test_leaving_a_cause_with_an_unsaveable_description_asks(qtbot, ctx, leave_to: str) -> None:
    from factories_action_plan import make_cause, make_problem

    with ctx.database.session() as s:
        problem = make_problem(s, title="Stölder vid stationen")
        other_problem = make_problem(s, title="Klotter i centrum")
        first = make_cause(s, problem, title="Första")
        second = make_cause(s, problem, title="Andra")
        make_cause(s, other_problem, title="Tredje")
    page = _causes_page(qtbot, ctx)
    page.select_problem(problem)
    page.select_cause(first)
    page.description.setFocus()
    page.description.insertPlainText("Syns" + SENTENCE)
    page.description_autosave.flush()  # the pause in typing: refused, explained, kept
    assert "Beskrivning" in page.description_error.text()
    typed = page.description.toPlainText()

    def leave() -> None:
        if leave_to == "cause":
            index = page.model.index_of(second)
            qtbot.mouseClick(
                page.tree.viewport(),
                Qt.MouseButton.LeftButton,
                pos=page.tree.visualRect(index).center(),
            )
        else:
            index = page.problem_model.index(page.problem_model.row_of(other_problem))
            view = page.problem_list
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
            )

    seen: list[str] = []
    answer_next_question("Gå tillbaka", seen)
    leave()
    assert seen and "Beskrivning" in seen[0]
    assert page.current_cause_id() == first
    assert page.problem_list.currentIndex().row() == page.problem_model.row_of(problem)
    assert page.description.toPlainText() == typed

    answer_next_question("Släng ändringen", seen)
    leave()
    page.flush_pending()
    assert len(seen) == 2
    if leave_to == "cause":
        assert page.current_cause_id() == second
    else:
        assert page.problem_list.currentIndex().row() == page.problem_model.row_of(other_problem)
    assert "VIKTIG" not in page.description.toPlainText()
    assert page.description_error.isHidden()
    with ctx.database.session() as s:
        assert causes.get_cause(s, first).description == ""
