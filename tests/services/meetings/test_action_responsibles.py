"""An action with several responsible (people and/or organisations), printed as one phrase,
on the wheel and found in search; an action without a date prints no "senast –"; a progress
comment at a follow-up meeting reaches the minutes; running text after the bullets."""

from __future__ import annotations

import io
from datetime import date

from factories import make_organisation, make_person
from factories_meetings import make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.domain.meetings.model import Note, Responsible
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.services import search
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def _lines(data: bytes) -> list[str]:
    text = "\n".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    return text.splitlines()


def _layout(data: bytes, tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    """The PDF's text laid out as printed: one table row per line."""
    import subprocess

    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").splitlines()


def _meeting_with_two_responsible(session):  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session)
    moa = make_person(session, name="Moa Magnusson")
    police = make_organisation(session, name="Polisen Ånge")
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 3, 2))
    meetings.start_minutes(session, meeting)
    item = make_item(session, meeting, title="Kulturnatten")
    both = meetings_actions.add_action(
        session,
        item,
        what="Medborgardialog under Kulturnatten",
        responsibles=[Responsible(person_id=moa), Responsible(organisation_id=police)],
        due_date=date(2026, 5, 26),
    ).id
    undated = meetings_actions.add_action(
        session, item, what="Bevaka livesändningarna", responsibles=[Responsible(person_id=moa)]
    ).id
    return group, meeting, item, both, undated


def test_two_responsible_are_one_action_printed_as_such(session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _group, meeting, _item, both, undated = _meeting_with_two_responsible(session)
    action = meetings_actions.get_action(session, both)
    assert [r.name for r in action.responsibles] == ["Moa Magnusson", "Polisen Ånge"]
    assert action.responsible == "Moa Magnusson och Polisen Ånge"
    data = minutes_pdf(meeting_document(session, meeting))
    assert "Moa Magnusson och Polisen Ånge" in " ".join(_lines(data)).replace("\n", " ")
    lines = _layout(data, tmp_path)
    row = next(line for line in lines if "Medborgardialog" in line)
    assert "2026-05-26" in row
    undated_row = next(line for line in lines if "Bevaka livesändningarna" in line)
    assert "–" not in undated_row and "senast" not in undated_row
    assert meetings_actions.get_action(session, undated).due_label == ""


def test_editing_keeps_the_order_and_drops_repeats(session) -> None:  # type: ignore[no-untyped-def]
    _group, _meeting, _item, both, _undated = _meeting_with_two_responsible(session)
    action = meetings_actions.get_action(session, both)
    reordered = [action.responsibles[1], action.responsibles[0], action.responsibles[1]]
    meetings_actions.update_action(session, both, what=action.what, responsibles=reordered)
    again = meetings_actions.get_action(session, both)
    assert again.responsible == "Polisen Ånge och Moa Magnusson"


def test_on_the_wheel_and_in_search(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.wheel import events as wheel

    _meeting_with_two_responsible(session)
    session.commit()
    [item] = [
        i
        for i in wheel.items_in(session, date(2026, 1, 1), date(2026, 12, 31))
        if "Medborgardialog" in i.title
    ]
    assert item.responsible == "Moa Magnusson och Polisen Ånge"
    found = search.search(session, text="Polisen Medborgardialog")
    kinds = {g.kind for g in found.groups}
    assert "action_item" in kinds


def test_a_progress_comment_is_printed_in_the_minutes_of_the_follow_up(session) -> None:  # type: ignore[no-untyped-def]
    group, first, _item, both, _undated = _meeting_with_two_responsible(session)
    meetings.finalise(session, first, on=date(2026, 3, 3))
    second = make_meeting(session, group_ids=[group], day=date(2026, 5, 11))
    meetings_agenda.add_item(session, second, title="Lägesbild")  # typed by hand
    meetings_actions.set_progress_comment(
        session, both, second, "remissen bereds av kommunstyrelsen"
    )
    [followed, _other] = meetings_actions.followup(session, second)
    assert followed.comment == "remissen bereds av kommunstyrelsen"
    text = " ".join(_lines(minutes_pdf(meeting_document(session, second))))
    assert "remissen bereds av kommunstyrelsen" in text
    # Finalised, carried once: the next meeting shows the count and what was said before.
    meetings.start_minutes(session, second)
    meetings.finalise(session, second, on=date(2026, 5, 12))
    third = make_meeting(session, group_ids=[group], day=date(2026, 9, 7))
    [later, _other] = meetings_actions.followup(session, third)
    assert later.carried_count == 1 and later.comment == ""
    assert [c.text for c in later.earlier_comments] == ["remissen bereds av kommunstyrelsen"]
    text = " ".join(_lines(minutes_pdf(meeting_document(session, third))))
    assert "förd vidare 1 gång" in text


def test_running_text_after_the_bullets(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 3, 2))
    item = make_item(session, meeting, title="Lägesbildsarbete")
    meetings_agenda.set_notes(
        session,
        item,
        [
            Note("Trygghetsrådet får en introduktion.", paragraph=True),
            Note("Vilka underlag som finns"),
            Note("Vilka hinder som finns"),
            Note("Dialogmaterialet sammanställs av samordnaren.", paragraph=True),
        ],
    )
    stored = meetings_agenda.get_item(session, item).notes
    assert [n.paragraph for n in stored] == [True, False, False, True]
    lines = _lines(minutes_pdf(meeting_document(session, meeting)))
    last = next(line for line in lines if "Dialogmaterialet" in line)
    bullet = next(line for line in lines if "Vilka hinder" in line)
    assert bullet.lstrip().startswith("•")
    assert not last.lstrip().startswith("•")
    assert lines.index(last) > lines.index(bullet)
