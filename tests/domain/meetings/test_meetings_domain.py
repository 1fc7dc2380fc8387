"""Rules of meetings that need no database: notes text, names, times, numbering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from trygghetsrad.domain.meetings.document import MeetingDocument, next_meeting_line
from trygghetsrad.domain.meetings.model import (
    MeetingDetail,
    MeetingKind,
    MeetingStatus,
    Note,
    check_plain_text,
    check_times,
    default_title,
    format_notes,
    join_names,
    parse_notes,
)
from trygghetsrad.errors import ValidationError


def test_notes_text_round_trips_levels_and_internal_marks() -> None:
    text = "Första punkten\n    Underpunkt med åäö\n\n(intern) Hemlig notering\n\t\tNivå två"
    notes = parse_notes(text)
    assert notes == [
        Note("Första punkten", 0),
        Note("Underpunkt med åäö", 1),
        Note("Hemlig notering", 0, True),
        Note("Nivå två", 2),
    ]
    assert parse_notes(format_notes(notes)) == notes


def test_typed_bullet_characters_are_not_kept_as_text() -> None:
    assert parse_notes("• Punkt\n- Annan") == [Note("Punkt"), Note("Annan")]


def test_names_are_joined_the_swedish_way() -> None:
    assert join_names(["Trygghetsrådet"]) == "Trygghetsrådet"
    assert join_names(["A", "B", "C"]) == "A, B och C"
    assert default_title(MeetingKind.NOTES, ["Trygghetsrådet", "Klara-gruppen"]) == (
        "Minnesanteckningar Trygghetsrådet och Klara-gruppen"
    )


def test_end_must_follow_start() -> None:
    check_times(time(10), time(12))
    with pytest.raises(ValidationError, match="sluta efter"):
        check_times(time(12), time(10))
    with pytest.raises(ValidationError):
        check_times(None, time(10))


def test_emoji_is_accepted_but_control_characters_are_refused() -> None:
    assert (
        check_plain_text("Bra möte 🎉 🙋\u200d♀️", field="t", label="x") == "Bra möte 🎉 🙋\u200d♀️"
    )
    assert check_plain_text("Åsa – § 3", field="t", label="x") == "Åsa – § 3"
    with pytest.raises(ValidationError, match="Rubriken innehåller ett osynligt styrtecken"):
        check_plain_text("Bra\x07möte", field="title", label="Rubriken")


def test_meeting_validation_names_fields_in_swedish(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings.lifecycle import _clean_texts

    with pytest.raises(ValidationError, match="^Plats ") as info:
        _clean_texts("Möte", "Sal\x01 3", "", "")
    assert info.value.field == "place"
    assert _clean_texts("Möte 🎉", "Sal 3", "", "")["title"] == "Möte 🎉"


def _detail(kind: MeetingKind, **kw: object) -> MeetingDetail:
    return MeetingDetail(
        id=1,
        title="",
        kind=kind,
        status=MeetingStatus.DRAFT,
        day=date(2023, 5, 11),
        start_time=time(10),
        end_time=time(12),
        place="",
        online_link="digitalt via Teams",
        group_ids=(1,),
        group_names=("Klara-gruppen",),
        **kw,  # type: ignore[arg-type]
    )


def test_protocol_numbers_items_with_paragraph_signs_from_the_first_paragraph() -> None:
    doc = MeetingDocument(_detail(MeetingKind.PROTOCOL, first_paragraph=12))
    assert [doc.number(i) for i in range(2)] == ["§ 12", "§ 13"]
    assert MeetingDocument(_detail(MeetingKind.NOTES)).number(0) == "1."


def test_date_line_and_next_meeting_line_read_as_in_the_reference() -> None:
    detail = _detail(MeetingKind.NOTES)
    assert MeetingDocument(detail).when == "torsdag 11 maj 2023, kl. 10.00–12.00"
    assert next_meeting_line(detail) == (
        "torsdag 11 maj 2023, kl. 10.00–12.00 för Klara-gruppen (digitalt via Teams)"
    )


def test_short_group_names_keep_joint_meetings_recognisable() -> None:
    from trygghetsrad.domain.meetings.model import short_group_name

    assert short_group_name("Trygghetsrådet") == "TR"
    assert short_group_name("Klara-gruppen") == "Klara"
    assert short_group_name("Brottsförebyggande rådet") == "BR"
    assert short_group_name("Styrgrupp") == "Styrgrupp"
    joint = _detail(MeetingKind.NOTES)
    joint = replace(joint, group_names=("Trygghetsrådet", "Klara-gruppen"))
    assert joint.groups_short == "TR + Klara"
