"""What the search finds beyond titles: an agenda item by its diarienummer, proposal and
presenter (typed, or a person of the register by name), the areas of the situation picture
and their assessments, and the texts of agreements, commitments, gaps, observations and
adopted plans that the index used to name by columns that do not exist."""

from __future__ import annotations

from datetime import date

from factories import make_group, make_person
from factories_meetings import make_item, make_meeting
from factories_situation import make_picture

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.search import kind_label, plain
from trygghetsrad.services import register, search
from trygghetsrad.services.meetings import structure
from trygghetsrad.services.situation import action_plan, agreements, areas, gaps, observations


def _hits(session, text, kind):  # type: ignore[no-untyped-def]
    return [hit for hit in search.search(session, text=text).hits() if hit.kind == kind]


def _item(session):  # type: ignore[no-untyped-def]
    klara = make_group(session, name="Klara-gruppen")
    meeting = make_meeting(session, group_ids=[klara], day=date(2025, 2, 13))
    return meeting, make_item(session, meeting, title="Åtgärdsplan för centrum")


def test_an_agenda_item_is_found_by_its_diarienummer(session) -> None:  # type: ignore[no-untyped-def]
    meeting, item = _item(session)
    structure.update_item_details(session, item, case_number="KS 2025/0417")
    session.flush()
    hits = _hits(session, "2025/0417", "agenda_item")
    assert [h.owner for h in hits] == [Owner("meetings", "agenda_item", item)]
    assert hits[0].context == "Klara-gruppen, 13 februari 2025"
    assert [h.owner.id for h in _hits(session, "KS 2025", "agenda_item")] == [item]
    assert meeting  # the item's meeting is what opens (see test_search_meetings)


def test_an_agenda_item_is_found_by_its_proposal(session) -> None:  # type: ignore[no-untyped-def]
    _meeting, item = _item(session)
    structure.update_item_details(
        session, item, proposal="Rådet föreslås anta planen och återrapportera i juni"
    )
    session.flush()
    assert [h.owner.id for h in _hits(session, "återrapportera", "agenda_item")] == [item]


def test_an_agenda_item_is_found_by_a_typed_presenter(session) -> None:  # type: ignore[no-untyped-def]
    _meeting, item = _item(session)
    structure.update_item_details(session, item, presenter_text="Josef, Lokalpolisen")
    session.flush()
    assert [h.owner.id for h in _hits(session, "Josef", "agenda_item")] == [item]
    assert [h.owner.id for h in _hits(session, "lokalpolis", "agenda_item")] == [item]


def test_an_agenda_item_is_found_by_the_name_of_its_presenter_in_the_register(session) -> None:  # type: ignore[no-untyped-def]
    _meeting, item = _item(session)
    person = make_person(session, name="Karin Wallin", title="Brandmästare")
    structure.update_item_details(session, item, presenter_id=person)
    session.flush()
    assert [h.owner.id for h in _hits(session, "Wallin", "agenda_item")] == [item]
    # The register's name changes: the item is found by the new one, not the old.
    register.update_person(session, person, name="Karin Berg", title="Brandmästare")
    session.flush()
    assert [h.owner.id for h in _hits(session, "Berg", "agenda_item")] == [item]
    assert _hits(session, "Wallin", "agenda_item") == []
    # Another presenter: no longer found by the first one's name.
    structure.update_item_details(session, item, presenter_text="Josef, Lokalpolisen")
    session.flush()
    assert _hits(session, "Berg", "agenda_item") == []


def test_an_area_is_found_by_its_name_and_level_and_shows_where_it_lies(session) -> None:  # type: ignore[no-untyped-def]
    centrum = areas.create_area(session, name="Centrum", level="Stadsområde").id
    old_town = areas.create_area(
        session, name="Gamla stan", level="Mellanområde", parent_id=centrum
    ).id
    session.flush()
    hits = _hits(session, "gamla stan", "area")
    assert [h.owner for h in hits] == [Owner("situation", "area", old_town)]
    assert plain(hits[0].title) == "Gamla stan"
    assert hits[0].context == "Centrum"
    assert {h.owner.id for h in _hits(session, "mellanområde", "area")} == {old_town}
    assert kind_label("area") == "Områden"
    areas.update_area(session, old_town, name="Gamlastaden", level="Mellanområde")
    session.flush()
    assert _hits(session, "gamla stan", "area") == []
    assert [h.owner.id for h in _hits(session, "gamlastaden", "area")] == [old_town]


def test_an_area_assessment_is_found_by_its_needs_and_notes(session) -> None:  # type: ignore[no-untyped-def]
    picture = make_picture(session, title="Lägesbild 2026")
    centrum = areas.create_area(session, name="Centrum", level="Stadsområde").id
    areas.set_assessment(
        session,
        picture,
        centrum,
        risk_level="raised",
        needs="Fler vuxna ute på kvällarna",
        notes="Otrygghet kring busstationen",
    )
    session.flush()
    needs = _hits(session, "kvällarna", "area_assessment")
    notes = _hits(session, "busstationen", "area_assessment")
    assert len(needs) == 1 and needs[0].owner == notes[0].owner
    owner = needs[0].owner
    assert owner.area == "situation" and owner.kind == "area_assessment"
    # Beside the text: which area, in which picture.
    assert needs[0].context == "Centrum – Lägesbild 2026"
    assert areas.assessment_place(session, owner.id) == (picture, centrum)
    assert kind_label("area_assessment", plural=False) == "Bedömning av område"


def test_agreement_commitment_gap_observation_and_plan_texts_are_found(session) -> None:  # type: ignore[no-untyped-def]
    agreement = agreements.create_agreement(
        session,
        kind="samverkansöverenskommelse",
        title="Samverkansöverenskommelse",
        period_start=date(2023, 1, 1),
        period_end=date(2026, 12, 31),
        parties="Lokalpolisområde Norrby",
        background="Ungdomsrånen ökade under hösten",
        focus_areas="Trafiksäkerhet",
        signed_place="Stadshuset",
    ).id
    commitment = agreements.create_commitment(
        session,
        agreement_id=agreement,
        party="gemensamt",
        party_name="Fastighetsbolaget",
        text="Röjer buskage",
        focus_area="Belysning",
    ).id
    gap = gaps.create_gap(session, title="Saknar data", actions_taken="Frågat Brottsofferjouren").id
    observation = observations.create_observation(
        session, title="Stökigt vid torget", reported_by="Fältgruppen"
    ).id
    plan = action_plan.create_plan(
        session, title="Plan", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)
    ).id
    action_plan.adopt_plan(
        session,
        plan,
        adopted_by="Kommunstyrelsen",
        adopted_on=date(2026, 2, 2),
        adoption_ref="KS 2026/55",
    )
    session.flush()
    for text, kind, record in (
        ("ungdomsrånen", "agreement", agreement),
        ("trafiksäkerhet", "agreement", agreement),
        ("Norrby", "agreement", agreement),
        ("Stadshuset", "agreement", agreement),
        ("fastighetsbolaget", "commitment", commitment),
        ("belysning", "commitment", commitment),
        ("brottsofferjouren", "gap", gap),
        ("fältgruppen", "observation", observation),
        ("kommunstyrelsen", "action_plan", plan),
        ("2026/55", "action_plan", plan),
    ):
        assert [h.owner.id for h in _hits(session, text, kind)] == [record], text


def test_undoing_a_change_of_responsible_reindexes_the_action(database) -> None:  # type: ignore[no-untyped-def]
    """Undo replays rows below the ORM: a change that touched only the table of the
    responsible (not the action's own row) must still bring the action's text in step."""
    from factories_meetings import make_action

    from trygghetsrad.services import journal as journal_service
    from trygghetsrad.services.meetings import actions

    with database.session() as s:
        _meeting, item = _item(s)
        anna = make_person(s, name="Anna Nordin")
        bo = make_person(s, name="Bo Ekström")
        action = make_action(s, item, what="Ringa gatuenheten", responsible_person_id=anna)
    recorded = journal_service.run(
        database,
        "Ändra uppdrag",
        lambda s: actions.update_action(
            s, action, what="Ringa gatuenheten", responsible_person_id=bo
        ),
    )
    assert set(recorded.changeset.tables) == {"action_responsibles"}
    with database.session() as s:
        assert [h.owner.id for h in _hits(s, "Ekström", "action_item")] == [action]
    journal_service.undo(database, recorded.changeset)
    with database.session() as s:
        assert _hits(s, "Ekström", "action_item") == []
        assert [h.owner.id for h in _hits(s, "Nordin", "action_item")] == [action]
