"""Åtgärdsplan on many years of problems: one compact warning line with a button that opens
the whole list, the measures keep the page; every table header is readable at 1366×768."""

from __future__ import annotations

from datetime import date

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
    make_cause,
    make_measure,
    make_plan,
    make_problem,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from trygghetsrad.services.situation import action_plan


def test_many_uncovered_causes_give_one_line_and_a_list_behind_a_button(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.plan_page import PlanPage

    this_year = date.today().year
    with ctx.database.session() as s:
        plan = make_plan(
            s, title="Plan", period_start=date(this_year, 1, 1), period_end=date(this_year, 12, 31)
        )
        first = None
        for n in range(30):
            problem = make_problem(s, title=f"Problem nummer {n}")
            for k in range(4):
                cause = make_cause(s, problem, title=f"Orsak {n}.{k} med ett långt namn")
                first = first or cause
        for n in range(12):
            make_measure(s, plan, title=f"Åtgärd {n}", cause_ids=(first,) if n == 0 else ())
        flags = action_plan.flags(s, plan)
    uncovered = len(flags.causes_without_measure)
    assert uncovered == 119

    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.select_plan(plan)
    QApplication.processEvents()

    text = page.flag_label.text()
    assert "119 orsaker" in text and "29 prioriterade problem" in text
    assert "Orsak 3.1" not in text  # no titles in the warning itself
    line = page.flag_label.fontMetrics().lineSpacing()
    assert page.flag_label.height() <= 2 * line + 8
    assert page.flags_button.isVisible()
    assert page.flags_button.text() == "Visa 119 orsaker utan åtgärd…"
    # The measures table keeps most of the page: all twelve rows are visible.
    rows = page.table.verticalHeader().length()
    assert page.table.viewport().height() >= min(rows, 8 * page.table.rowHeight(0))
    assert page.table.height() > page.height() // 2

    qtbot.mouseClick(page.flags_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    listed = page.uncovered_text()
    assert "Problem nummer 29 (ingen åtgärd alls)" in listed
    assert "Orsak 3.1 med ett långt namn" in listed
    assert "Orsak 0.0 med ett långt namn" not in listed  # the measure covers it
    dialog.close()


def _header_cut(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    model = view.model()
    return [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(header.count())
        if not header.isSectionHidden(c) and header.sectionSize(c) < header.sectionSizeHint(c)
    ]


def test_situation_table_headers_are_readable_at_1366(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.page import SituationPage

    tab = SituationPage(demo_app)
    qtbot.addWidget(tab)
    tab.resize(1366, 650)  # a 1366×768 window less the menu, main tabs and status bar
    tab.show()
    qtbot.waitExposed(tab)
    checked = 0
    for key in ("sources", "observations", "gaps", "plan", "followup", "agreements"):
        page = tab.subpage(key)
        QApplication.processEvents()
        for view in page.findChildren(QTableView):
            if not view.isVisible() or view.model() is None or view.model().rowCount() == 0:
                continue
            columns = getattr(page, "columns", None)
            if columns is not None:
                columns.refit()
            QApplication.processEvents()
            assert _header_cut(view) == [], (key, view.accessibleName())
            assert view.horizontalScrollBar().maximum() == 0, key
            checked += 1
    assert checked >= 5


def test_a_cause_of_an_earlier_years_problem_is_not_said_to_be_covered(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from trygghetsrad.db.models.action_plan import Problem
    from trygghetsrad.ui.situation.causes_page import CausesPage

    this_year = date.today().year
    with ctx.database.session() as s:
        plan = make_plan(
            s, title="Plan", period_start=date(this_year, 1, 1), period_end=date(this_year, 12, 31)
        )
        old = make_problem(s, title="Klotter 2017")
        s.execute(update(Problem).where(Problem.id == old).values(created_at=date(2017, 2, 1)))
        old_cause = make_cause(s, old, title="Gammal orsak")
        current = make_problem(s, title="Mopeder")
        parent = make_cause(s, current, title="Överorsak")
        child = make_cause(s, current, title="Underorsak", parent_id=parent)
        make_measure(s, plan, title="Kontroller", cause_ids=(child,))
    page = CausesPage(ctx)
    qtbot.addWidget(page)
    page.select_problem(old)
    page.select_cause(old_cause)
    assert page.measures_label.text() == "Ingen åtgärd i den gällande åtgärdsplanen."
    page.select_problem(current)
    page.select_cause(parent)
    assert page.measures_label.text() == "Täcks av en åtgärd på en över- eller underorsak."
