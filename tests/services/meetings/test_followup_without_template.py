"""Open actions come back at every later meeting of the group, whatever its agenda looks like
(no "Uppföljning" item from a template needed), in the notice and in the minutes; actions
under an internal agenda item stay internal everywhere they come back."""

from __future__ import annotations

import io
from datetime import date

from factories_meetings import make_action, make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.cli import main
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def _text(data: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)


def _past_meeting_with_actions(session):  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session)
    first = make_meeting(session, group_ids=[group], day=date(2026, 2, 5))
    meetings.start_minutes(session, first)
    open_item = make_item(session, first, title="Kulturnatten")
    make_action(
        session,
        open_item,
        what="Planera medborgardialogen",
        responsible_person_id=people[0],
        due_date=date(2026, 5, 26),
    )
    secret_item = make_item(session, first, title="Enskilda ärenden", internal=True)
    make_action(session, secret_item, what="Ringa vårdnadshavaren XYZ", due_date=date(2026, 3, 1))
    meetings.finalise(session, first, on=date(2026, 2, 6))
    return group, first


def test_a_hand_made_agenda_gets_the_open_actions_in_notice_and_minutes(session) -> None:  # type: ignore[no-untyped-def]
    group, _first = _past_meeting_with_actions(session)
    planned = make_meeting(session, group_ids=[group], day=date(2026, 5, 7))
    meetings_agenda.add_item(session, planned, title="Lägesbild")
    meetings_agenda.add_item(session, planned, title="Övriga frågor")
    doc = meeting_document(session, planned)
    notice = _text(notice_pdf(doc))
    minutes = _text(minutes_pdf(doc))
    for text in (notice, minutes):
        assert "Uppföljning av uppdrag från tidigare möten" in text
        assert "Planera medborgardialogen" in text
        assert "XYZ" not in text  # under an internal item: internal too


def test_the_command_line_prints_them_for_a_planned_meeting(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        group, _first = _past_meeting_with_actions(s)
        planned = make_meeting(s, group_ids=[group], day=date(2026, 5, 7))
        meetings_agenda.add_item(s, planned, title="Lägesbild")
    path = str(database.path)
    database.close()
    for command in ("notice", "minutes"):
        out = tmp_path / f"{command}.pdf"
        assert main(["--db", path, "export", command, str(planned), str(out)]) == 0
        text = _text(out.read_bytes())
        assert "Planera medborgardialogen" in text, command
        assert "XYZ" not in text, command
        with_internal = tmp_path / f"{command}-intern.pdf"
        argv = ["--db", path, "export", command, str(planned), str(with_internal)]
        assert main([*argv, "--include-internal"]) == 0
        assert "XYZ" in _text(with_internal.read_bytes()), command


def test_actions_under_an_internal_item_stay_off_the_wheel(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.wheel import events as wheel

    _past_meeting_with_actions(session)
    items = wheel.items_in(session, date(2026, 1, 1), date(2026, 12, 31), include_internal=False)
    titles = " ".join(i.title for i in items)
    assert "Planera medborgardialogen" in titles
    assert "XYZ" not in titles
