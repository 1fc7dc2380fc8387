"""A member's role reads the same in the register's member list and on a meeting's attendance
list (Närvaro): "Ordförande" in both, where Närvaro said "ordförande"."""

from __future__ import annotations

from datetime import date

from factories import make_group, make_membership, make_person
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.register.page import GROUPS, RegisterPage


def _click(view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _cells(view, column: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return {
        model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())
    }


def test_roles_read_the_same_in_the_register_and_in_narvaro(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        for name, role in (("Göran Sjöberg", "ordförande"), ("Åsa Öberg", "vice ordförande")):
            person = make_person(s, name=name)
            make_membership(s, group_id=group, person_id=person, role=role)
        meeting = meetings.create_meeting(s, group_ids=[group], day=date(2026, 5, 11)).id

    register_page = RegisterPage(ctx)
    qtbot.addWidget(register_page)
    register_page.resize(1366, 768)
    register_page.show()
    register_page.show_part(GROUPS)
    groups = register_page.groups
    _click(groups.groups.table, groups.groups.table.model().index(0, 0))
    members = groups.members.table
    in_register = _cells(members, 1)

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(meeting), 0)).row()
    _click(page.table, page.proxy.index(row, 0))
    page.tabs.setCurrentWidget(page.attendance)
    in_narvaro = _cells(page.attendance.view, 2)

    assert in_register == {"Göran Sjöberg": "Ordförande", "Åsa Öberg": "Vice ordförande"}
    assert in_narvaro == in_register
