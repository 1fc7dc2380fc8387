"""Agenda items as councils write them and attendance as it happened, through the services:
kind of matter, presenter, Dnr, time slot, proposal, papers later, unnumbered items,
references, numbering style, standard phrases, partial presence and a role for one meeting."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from factories import make_person
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.db.engine import open_database
from trygghetsrad.domain.meetings.agenda_structure import (
    ItemCategory,
    Numbering,
    default_phrases,
    parse_slot,
)
from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.errors import ValidationError
from trygghetsrad.services import portable, register, settings
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings import structure as meetings_structure
from trygghetsrad.services.meetings.document import meeting_document


def test_item_details_are_stored_and_read_back(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    target = make_item(session, meeting, title="Årshjul 2023")
    item = make_item(session, meeting, title="Lägesbild")
    josef = make_person(session, name="Josef Lind")
    meetings_structure.update_item_details(
        session,
        item,
        category=ItemCategory.DECISION,
        presenter_id=josef,
        case_number="KS 2023/114",
        slot_start=time(14, 0),
        slot_end=time(14, 30),
        proposal="Trygghetsrådet antar lägesbilden.",
        papers_later=True,
        refers_to_id=target,
    )
    got = meetings_agenda.get_item(session, item)
    assert got.category is ItemCategory.DECISION
    assert (got.presenter_id, got.presenter) == (josef, "Josef Lind")
    assert got.case_number == "KS 2023/114"
    assert (got.slot_start, got.slot_end) == (time(14, 0), time(14, 30))
    assert got.proposal == "Trygghetsrådet antar lägesbilden."
    assert got.papers_later and not got.unnumbered
    assert got.refers_to_id == target
    # Only what is passed changes; free text replaces the person and the other way round.
    meetings_structure.update_item_details(session, item, presenter_text="Moa, samordnare")
    got = meetings_agenda.get_item(session, item)
    assert (got.presenter_id, got.presenter) == (None, "Moa, samordnare")
    assert got.case_number == "KS 2023/114" and got.papers_later


def test_bad_item_details_are_refused_with_a_swedish_message(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    other = make_item(session, make_meeting(session), title="I ett annat möte")
    item = make_item(session, meeting, title="Lägesbild")
    with pytest.raises(ValidationError, match="sluta efter"):
        meetings_structure.update_item_details(
            session, item, slot_start=time(14, 30), slot_end=time(14, 0)
        )
    with pytest.raises(ValidationError, match="sig själv"):
        meetings_structure.update_item_details(session, item, refers_to_id=item)
    with pytest.raises(ValidationError, match="samma möte"):
        meetings_structure.update_item_details(session, item, refers_to_id=other)
    with pytest.raises(ValidationError, match="typ av ärende"):
        meetings_structure.update_item_details(session, item, category="beslut")
    with pytest.raises(ValidationError, match="Diarienummer"):
        meetings_structure.update_item_details(session, item, case_number="x" * 101)
    got = meetings_agenda.get_item(session, item)
    assert (got.slot_start, got.refers_to_id, got.case_number) == (None, None, "")


def test_time_slot_is_read_as_councils_write_it() -> None:
    assert parse_slot("14.00–14.30") == (time(14, 0), time(14, 30))
    assert parse_slot("kl. 9-9.45") == (time(9, 0), time(9, 45))
    assert parse_slot("13:15") == (time(13, 15), None)
    assert parse_slot("  ") == (None, None)
    with pytest.raises(ValidationError, match="14.00–14.30"):
        parse_slot("efter lunch")
    with pytest.raises(ValidationError, match="sluta efter"):
        parse_slot("15.00–14.00")


def test_numbering_follows_the_kind_until_chosen_then_the_choice(session) -> None:  # type: ignore[no-untyped-def]
    protocol = make_meeting(session, kind=MeetingKind.PROTOCOL, first_paragraph=12)
    notes = make_meeting(session)
    assert meetings.get_meeting(session, protocol).numbering is Numbering.PARAGRAPH_YEAR
    assert meetings.get_meeting(session, notes).numbering is Numbering.DECIMAL
    for title in ("Öppnande", "Fika", "Lägesbild"):
        make_item(session, protocol, title=title)
    fika = meetings_agenda.get_agenda(session, protocol)[1].id
    meetings_structure.update_item_details(session, fika, unnumbered=True)
    assert meeting_document(session, protocol).numbers() == ["§ 12", "", "§ 13"]
    meetings_structure.set_numbering(session, protocol, numbering=Numbering.PARAGRAPH_MEETING)
    assert meeting_document(session, protocol).numbers() == ["§ 1", "", "§ 2"]
    meetings_structure.set_numbering(session, protocol, numbering=Numbering.DECIMAL)
    assert meeting_document(session, protocol).numbers() == ["1.", "", "2."]
    meetings_structure.set_numbering(session, protocol, numbering=Numbering.NONE)
    assert meeting_document(session, protocol).numbers() == ["", "", ""]
    # Changing the kind of minutes no longer renumbers.
    meetings.update_meeting(session, protocol, kind=MeetingKind.NOTES)
    assert meetings.get_meeting(session, protocol).numbering is Numbering.NONE
    with pytest.raises(ValidationError, match="numrering"):
        meetings_structure.set_numbering(session, protocol, numbering="romersk")


def test_the_first_paragraph_continues_from_the_years_earlier_meeting(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session, 2)
    first = make_meeting(
        session, group_ids=[group], kind=MeetingKind.PROTOCOL, day=date(2026, 2, 5)
    )
    for title in ("Öppnande", "Paus", "Lägesbild", "Avslutning"):
        make_item(session, first, title=title)
    pause = meetings_agenda.get_agenda(session, first)[1].id
    meetings_structure.update_item_details(session, pause, unnumbered=True)
    second = make_meeting(
        session, group_ids=[group], kind=MeetingKind.PROTOCOL, day=date(2026, 4, 9)
    )
    next_year = make_meeting(
        session, group_ids=[group], kind=MeetingKind.PROTOCOL, day=date(2027, 2, 4)
    )
    assert meetings_structure.suggested_first_paragraph(session, first) == 1
    assert meetings_structure.suggested_first_paragraph(session, second) == 4
    assert meetings_structure.suggested_first_paragraph(session, next_year) == 1


def test_references_print_the_targets_current_number(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session, kind=MeetingKind.PROTOCOL, first_paragraph=5)
    first = make_item(session, meeting, title="Lägesbild")
    target = make_item(session, meeting, title="Årshjul 2023")
    meetings_structure.update_item_details(session, first, refers_to_id=target)
    doc = meeting_document(session, meeting)
    assert doc.reference(doc.items[0]) == "Se § 6 Årshjul 2023"
    meetings_agenda.move_item(session, target, 0)
    doc = meeting_document(session, meeting)
    assert doc.reference(doc.items[1]) == "Se § 5 Årshjul 2023"
    # An internal target is left out of a document for distribution: so is the reference.
    meetings_agenda.update_item(session, target, title="Årshjul 2023", internal=True)
    doc = meeting_document(session, meeting)
    assert doc.reference(doc.items[0]) == ""
    # Deleting the target clears the reference.
    meetings_agenda.delete_item(session, target)
    assert meetings_agenda.get_item(session, first).refers_to_id is None


def test_attendance_as_it_happened_leaves_the_register_alone(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 2)
    register.update_person(session, people[1], name="Anna Berg", title="Kommunalråd")
    meeting = make_meeting(session, group_ids=[group])
    rows = meetings_attendance.list_attendance(session, meeting)
    anna = next(r for r in rows if r.person_id == people[1])
    meetings_structure.update_attendance_details(
        session,
        anna.id,
        partial="t.o.m. punkt 5",
        present_from=time(13, 15),
        meeting_role="tjänstgörande ordförande",
        note="deltog digitalt",
    )
    guest = meetings_attendance.add_attendee(session, meeting, name="Per Rektor").id
    meetings_structure.update_attendance_details(session, guest, present_to=time(14, 0))
    rows = {r.id: r for r in meetings_attendance.list_attendance(session, meeting)}
    assert rows[anna.id].span == "t.o.m. punkt 5, från kl. 13.15"
    assert rows[anna.id].meeting_role == "tjänstgörande ordförande"
    assert rows[anna.id].note == "deltog digitalt"
    assert rows[anna.id].title == "Kommunalråd"
    assert rows[guest].span == "till kl. 14.00"
    assert register.get_person(session, people[1]).title == "Kommunalråd"
    with pytest.raises(ValidationError, match="efter tiden personen kom"):
        meetings_structure.update_attendance_details(session, anna.id, present_to=time(13, 0))


def test_standard_phrases_default_then_as_edited(session) -> None:  # type: ignore[no-untyped-def]
    assert "Informationen läggs till handlingarna." in settings.load_phrases(session)
    assert settings.load_phrases(session) == default_phrases()
    settings.save_phrases(session, ["Dagordningen godkänns.", "", "Dagordningen godkänns.", "Ny"])
    assert settings.load_phrases(session) == ("Dagordningen godkänns.", "Ny")
    settings.save_phrases(session, [])
    assert settings.load_phrases(session) == ()
    with pytest.raises(ValidationError):
        settings.save_phrases(session, ["a\x07b"])


def test_export_and_import_round_trip_the_new_fields(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        meeting = make_meeting(s, kind=MeetingKind.PROTOCOL)
        a = make_item(s, meeting, title="Paus")
        b = make_item(s, meeting, title="Lägesbild")
        meetings_structure.update_item_details(
            s,
            b,
            category=ItemCategory.INFORMATION,
            presenter_text="Josef, Polisen",
            case_number="Dnr 2023/7",
            slot_start=time(14, 0),
            slot_end=time(14, 30),
            proposal="Informationen läggs till handlingarna.",
            papers_later=True,
            refers_to_id=a,
        )
        meetings_structure.update_item_details(s, a, unnumbered=True)
        meetings_structure.set_numbering(
            s, meeting, numbering=Numbering.PARAGRAPH_MEETING, group_by_category=True
        )
        row = meetings_attendance.list_attendance(s, meeting)[0]
        meetings_structure.update_attendance_details(
            s, row.id, partial="från punkt 3", present_to=time(15, 0), meeting_role="sekreterare"
        )
        settings.save_phrases(s, ["Mötet öppnas."])
        document = portable.export_data(s)
    item = next(r for r in document["tables"]["agenda_items"] if r["id"] == b)
    assert item["slot_start"] == "14:00:00" and item["refers_to_id"] == a
    assert item["category"] == "information" and item["papers_later"] is True
    out = portable.write_json(document, tmp_path / "export.json")
    other = open_database(tmp_path / "annan.sqlite")
    try:
        with other.session() as s:
            portable.import_file(s, out)
            again = portable.export_data(s)
            assert settings.load_phrases(s) == ("Mötet öppnas.",)
            doc = meeting_document(s, meeting)
            assert doc.numbers() == ["", "§ 1"]
            assert doc.attendance[0].span == "från punkt 3, till kl. 15.00"
    finally:
        other.close()
    assert again["tables"] == document["tables"]


def test_import_refuses_an_unknown_numbering_or_kind_of_matter(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.errors import UserError

    with database.session() as s:
        meeting = make_meeting(s)
        make_item(s, meeting, title="Lägesbild")
        document = portable.export_data(s)
    document["tables"]["agenda_items"][0]["category"] = "beslut"
    other = open_database(tmp_path / "annan.sqlite")
    try:
        with other.session() as s, pytest.raises(UserError, match="category.*beslut"):
            portable.import_data(s, document)
    finally:
        other.close()


def test_erasing_a_presenter_leaves_no_name_on_a_draft_item(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services import privacy

    meeting = make_meeting(session)
    item = make_item(session, meeting, title="Lägesbild")
    josef = make_person(session, name="Josef Lind")
    meetings_structure.update_item_details(session, item, presenter_id=josef)
    privacy.erase_person(session, josef)
    assert meetings_agenda.get_item(session, item).presenter == privacy.ERASED_NAME


def test_copying_the_previous_agenda_keeps_the_standing_structure(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session, 2)
    earlier = make_meeting(session, group_ids=[group], day=date(2026, 2, 5))
    police = make_item(session, earlier, title="Polisens lägesbild")
    pause = make_item(session, earlier, title="Paus")
    josef = make_person(session, name="Josef Lind")
    meetings_structure.update_item_details(
        session,
        police,
        category=ItemCategory.INFORMATION,
        presenter_id=josef,
        case_number="KS 2026/1",
        proposal="Noteras.",
    )
    meetings_structure.update_item_details(session, pause, unnumbered=True)
    later = make_meeting(session, group_ids=[group], day=date(2026, 4, 9))
    assert meetings_agenda.copy_previous_agenda(session, later) == 2
    copied = {i.title: i for i in meetings_agenda.get_agenda(session, later)}
    first = copied["Polisens lägesbild"]
    assert (first.category, first.presenter_id) == (ItemCategory.INFORMATION, josef)
    assert (first.case_number, first.proposal) == ("", "")  # this meeting's own
    assert copied["Paus"].unnumbered
