"""The data-source register: validation, obstacles, overdue logic, attachments, the calendar feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import make_organisation, make_person
from factories_situation import make_indicator, make_source

from trygghetsrad.domain.changes import SITUATION
from trygghetsrad.domain.situation.picture import Alert, ObstacleData
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.services import register
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.services.wheel import calendar_feed

TODAY = date(2026, 11, 26)


def test_source_keeps_provider_deliverer_and_obstacles(session) -> None:
    org = make_organisation(session, name="Polisen")
    person = make_person(session, name="Josef Åkesson", title="Kommunpolis", organisation_id=org)
    created = situation_sources.create_source(
        session,
        name="Polisens lokala lägesbild",
        kind="police",
        provider_organisation_id=org,
        delivered_by_id=person,
        frequency="quarterly",
        geographic_level="district",
        obstacles=[("secrecy", "Delar är sekretessbelagda"), ObstacleData("geography")],
    )
    assert created.changes.touches(SITUATION)
    src = situation_sources.get_source(session, created.id)
    assert src.provider == "Polisen"
    assert src.delivered_by == "Josef Åkesson, kommunpolis, Polisen"  # what he is, and where
    assert src.kind_label == "Polisens information"
    assert [o.label for o in src.obstacles] == ["Sekretess", "Olika geografiska indelningar"]
    assert src.obstacles_text.startswith("Sekretess: Delar är sekretessbelagda")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "A", "kind": "okänd"}, "kind"),
        ({"name": "A", "status": "kanske"}, "status"),
        ({"name": "A", "delivered_by_id": 999}, "delivered_by_id"),
        ({"name": "A", "obstacles": [("hemligt", "")]}, "obstacles"),
    ],
)
def test_bad_source_input_is_refused_in_swedish(session, fields, field) -> None:
    with pytest.raises(ValidationError) as info:
        situation_sources.create_source(session, **fields)
    assert info.value.field == field
    assert situation_sources.list_sources(session) == []


def test_duplicate_name_is_refused_case_insensitively(session) -> None:
    make_source(session, name="Skolenkät (CAN)")
    with pytest.raises(ValidationError, match="finns redan"):
        make_source(session, name="skolenkät (can)")


def test_emoji_and_long_text_survive(session) -> None:
    source_id = make_source(session, name="Medborgardialog 🙂", note="å" * 10_000)
    src = situation_sources.get_source(session, source_id)
    assert src.name == "Medborgardialog 🙂" and len(src.note) == 10_000


@pytest.mark.parametrize(
    ("status", "next_expected", "alert"),
    [
        ("missing", None, Alert.MISSING),
        ("missing", date(2027, 1, 1), Alert.MISSING),
        ("available", date(2026, 11, 25), Alert.OVERDUE),
        ("requested", date(2026, 11, 1), Alert.OVERDUE),
        ("requested", None, Alert.REQUESTED),
        ("available", date(2026, 12, 5), Alert.DUE_SOON),
        ("available", date(2026, 11, 26), Alert.DUE_SOON),
        ("available", date(2027, 3, 1), None),
        ("available", None, None),
    ],
)
def test_overdue_and_missing_sources_stand_out(session, status, next_expected, alert) -> None:
    make_source(session, name="Källa", status=status, next_expected=next_expected)
    (src,) = situation_sources.list_sources(session)
    assert src.alert(TODAY) == alert
    attention = situation_sources.sources_needing_attention(session, TODAY)
    assert [s.name for s in attention] == ([] if alert is None else ["Källa"])


def test_attention_list_is_most_serious_first(session) -> None:
    make_source(session, name="A snart", next_expected=date(2026, 12, 1))
    make_source(session, name="B sen", next_expected=date(2026, 10, 1))
    make_source(session, name="C saknas", status="missing")
    names = [s.name for s in situation_sources.sources_needing_attention(session, TODAY)]
    assert names == ["C saknas", "B sen", "A snart"]


def test_marking_received_moves_next_expected_by_frequency(session) -> None:
    source_id = make_source(session, frequency="quarterly", status="requested")
    situation_sources.mark_received(session, source_id, on=date(2026, 11, 30))
    src = situation_sources.get_source(session, source_id)
    assert src.last_received == date(2026, 11, 30)
    assert src.next_expected == date(2027, 2, 28)
    assert src.status == "available"


def test_attachment_bytes_round_trip(session, tmp_path: Path) -> None:
    source_id = make_source(session)
    data = b"%PDF-1.7\n" + bytes(range(256)) * 100
    path = tmp_path / "Lägesbild polisen.pdf"
    path.write_bytes(data)
    created = situation_sources.add_attachment_from_file(
        session, source_id, path, received_on=TODAY
    )
    (info,) = situation_sources.list_attachments(session, source_id)
    assert (info.filename, info.mime_type, info.size) == (
        "Lägesbild polisen.pdf",
        "application/pdf",
        len(data),
    )
    out = situation_sources.save_attachment(session, created.id, tmp_path / "ut.pdf")
    assert out.read_bytes() == data
    assert situation_sources.get_source(session, source_id).attachment_count == 1
    situation_sources.delete_source(session, source_id)
    assert situation_sources.list_sources(session) == []


def test_missing_attachment_file_is_a_user_error(session, tmp_path: Path) -> None:
    source_id = make_source(session)
    with pytest.raises(UserError, match="kan inte läsas"):
        situation_sources.add_attachment_from_file(session, source_id, tmp_path / "finns-ej.pdf")


def test_person_who_delivers_a_source_cannot_be_deleted(session) -> None:
    person = make_person(session, name="Karin Wallin")
    make_source(session, name="Räddningstjänstens insatser", delivered_by_id=person)
    with pytest.raises(ReferencedError, match="underlag"):
        register.delete_person(session, person)


def test_source_used_by_an_indicator_cannot_be_deleted(session) -> None:
    source_id = make_source(session, name="BRÅ")
    make_indicator(session, source_id=source_id)
    with pytest.raises(ReferencedError, match="indikatorer"):
        situation_sources.delete_source(session, source_id)


def test_expected_deliveries_reach_the_calendar_feed(session) -> None:
    person = make_person(session, name="Maja Lindqvist")
    make_source(
        session, name="Avloppsvatten", next_expected=date(2026, 12, 10), delivered_by_id=person
    )
    make_source(session, name="Utanför", next_expected=date(2027, 12, 10))
    make_source(session, name="Utan datum")
    items = calendar_feed.items_between(session, date(2026, 1, 1), date(2026, 12, 31))
    ours = [i for i in items if i.category == "data_deliveries"]
    assert [(i.title, i.start, i.responsible) for i in ours] == [
        ("Underlag väntas: Avloppsvatten", date(2026, 12, 10), "Maja Lindqvist")
    ]
    assert ours[0].owner is not None and ours[0].owner.kind == "data_source"
