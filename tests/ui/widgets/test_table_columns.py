"""Table columns at 1366x768: no text column is cut ("Anna Lindqv…") while another column
stands half empty, and a table that wraps its text gives every row the height of its text
(the trial: the follow-up table wrapped its first uppdrag onto four lines and cut the next).
"""

from __future__ import annotations

from factories import make_group, make_membership, make_organisation, make_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import lifecycle as meetings

SPARE = 40  # what counts as room to give away


def _needed(view: QTableView, column: int) -> int:
    """The width Qt's own cell painting needs for the widest text of the column."""
    model = view.model()
    return max(
        (view.sizeHintForIndex(model.index(r, column)).width() for r in range(model.rowCount())),
        default=0,
    )


def cut_beside_room(view: QTableView) -> tuple[list[str], list[str]]:
    """(columns whose text is cut, columns with room to spare) of a one-line table."""
    model = view.model()
    cut, spare = [], []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width, needed = view.columnWidth(column), _needed(view, column)
        if needed > width + 1:
            cut.append(f"{title} ({width} < {needed})")
        elif width - needed > SPARE:
            spare.append(f"{title} ({width} > {needed})")
    return cut, spare


def rows_too_low(view: QTableView) -> list[str]:
    """Rows of a wrapping table lower than their wrapped text at the present column widths."""
    return [
        f"row {row}: needs {view.sizeHintForRow(row)} > {view.rowHeight(row)}"
        for row in range(view.model().rowCount())
        if view.sizeHintForRow(row) > view.rowHeight(row)
    ]


def test_the_members_table_shows_whole_names_beside_a_short_organisation(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.register.page import RegisterPage

    with ctx.database.session() as s:
        kommun = make_organisation(s, name="Storåkers kommun")
        polisen = make_organisation(s, name="Polisen Lokalpolisområde Storå")
        group = make_group(s, name="Trygghetsrådet")
        first = make_person(s, name="Bo Ek", organisation_id=kommun)
        make_membership(s, group_id=group, person_id=first, role="ledamot")
    page = RegisterPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768 - 78)
    page.show()
    qtbot.waitExposed(page)
    page.show_part(2)
    QApplication.processEvents()
    # As in the trial: the register is open while the people and their memberships are added.
    with ctx.database.session() as s:
        for name, org, role in (
            ("Anna Lindqvist", kommun, "samordnare"),
            ("Erik Johansson", polisen, "ordförande"),
            ("Maria Öberg", kommun, "ledamot"),
        ):
            person = make_person(s, name=name, organisation_id=org)
            make_membership(s, group_id=group, person_id=person, role=role)
    page.refresh()
    for part in range(3):
        page.show_part(part)
        QApplication.processEvents()
        view = page.stack.currentWidget()
        panels = [view.groups, view.members] if hasattr(view, "members") else [view.panel]
        for panel in panels:
            qtbot.waitUntil(lambda p=panel: p.table.model().rowCount() > 0)
            QApplication.processEvents()
            cut, spare = cut_beside_room(panel.table)
            assert not (cut and spare), f"{panel.table.accessibleName()}: cut {cut}, room {spare}"


def test_the_follow_up_table_gives_each_uppdrag_the_height_of_its_text(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.page import MeetingsPage

    with demo_ctx.database.session() as s:
        planned = next(
            m.id
            for m in meetings.list_meetings(s)
            if m.status.value == "planned" and meetings_actions.followup(s, m.id)
        )
    page = MeetingsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768 - 78)
    page.show()
    qtbot.waitExposed(page)
    page.select_meeting(planned)
    page.agenda.show_followup()
    table = page.agenda.followup
    qtbot.waitUntil(lambda: table.model().rowCount() > 2)
    for _ in range(3):
        QApplication.processEvents()
    assert not rows_too_low(table), rows_too_low(table)
    # What is to be done has the most room, and no row wraps onto more than three lines.
    assert table.columnWidth(0) >= max(table.columnWidth(c) for c in range(1, 4))
    line = table.fontMetrics().lineSpacing()
    assert max(table.rowHeight(r) for r in range(table.model().rowCount())) <= 3 * line + 12
