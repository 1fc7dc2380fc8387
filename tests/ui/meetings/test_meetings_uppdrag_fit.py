"""At 1366×768 the meeting's Uppdrag table shows at least four uppdrag, and what is to be
done keeps most of the width."""

from __future__ import annotations

from datetime import date

from factories import make_organisation
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.ui.meetings.page import MeetingsPage


def test_four_uppdrag_visible_at_1366_by_768(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Trygghetsrådet")
        meeting = make_meeting(s, group_ids=[group], day=date(2025, 2, 13))
        item = make_item(s, meeting, title="Summering och utvärdering av 2024", body="x " * 200)
        org = make_organisation(s, name="Socialtjänsten, individ- och familjeomsorgen")
        for n in range(6):
            make_action(
                s,
                item,
                what=f"Ta fram en plan för trygghetsvandringar i område {n}",
                responsible_organisation_id=org,
            )
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768 - 78)  # the window's menu bar, tabs and status bar take the rest
    page.show()
    qtbot.waitExposed(page)
    assert page.open_record(Owner("meetings", "agenda_item", item))
    table = page.agenda.actions
    qtbot.waitUntil(lambda: table.viewport().height() > 0)
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows >= 4, rows
    assert table.columnWidth(0) > table.columnWidth(1)
