"""Register services: create, edit, delete, validation, uniqueness, references, periods."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_group, make_membership, make_organisation, make_person

from trygghetsrad.domain.changes import REGISTER
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.services import register


def test_person_crud_round_trip(session) -> None:  # type: ignore[no-untyped-def]
    org = make_organisation(session, name="Polisen")
    created = register.create_person(
        session,
        name="  Åsa Öberg ",
        title="Kommunpolis",
        organisation_id=org,
        email="asa.oberg@example.org",
        phone="070-123 45 67",
    )
    assert created.changes.touches(REGISTER)
    person = register.get_person(session, created.id)
    assert (person.name, person.organisation_name) == ("Åsa Öberg", "Polisen")

    register.update_person(session, created.id, name="Åsa Öberg-Lind", organisation_id=None)
    person = register.get_person(session, created.id)
    assert person.name == "Åsa Öberg-Lind"
    assert person.organisation_name == "" and person.email == ""

    register.delete_person(session, created.id)
    assert register.list_people(session) == []
    with pytest.raises(UserError, match="finns inte längre"):
        register.get_person(session, created.id)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "   "}, "name", "Namn måste fyllas i"),
        ({"name": "x" * 10_000}, "name", "högst 200 tecken"),
        ({"name": "Åsa", "title": "t" * 10_000}, "title", "högst 200 tecken"),
        ({"name": "Åsa", "note": "n" * 10_001}, "note", "högst 10000 tecken"),
        ({"name": "Åsa", "email": "asa@"}, "email", "ingen giltig e-postadress"),
        ({"name": "Åsa", "email": "åsa öberg@kommun.se"}, "email", "ingen giltig"),
        ({"name": "Åsa", "phone": "ring mig"}, "phone", "inget giltigt telefonnummer"),
    ],
)
def test_person_validation_names_the_field_in_swedish(session, fields, field, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message) as info:
        register.create_person(session, **fields)
    assert info.value.field == field
    assert register.list_people(session) == []


def test_ten_thousand_character_note_and_emoji_are_kept(session) -> None:  # type: ignore[no-untyped-def]
    note = "å" * 9_990 + "🙂🚓👮‍♀️"
    person_id = register.create_person(session, name="Ör 🙂 Åkesson", note=note).id
    person = register.get_person(session, person_id)
    assert person.name == "Ör 🙂 Åkesson"
    assert person.note == note


def test_organisation_and_group_names_are_unique_ignoring_case(session) -> None:  # type: ignore[no-untyped-def]
    make_organisation(session, name="Storåkers kommun")
    with pytest.raises(ValidationError, match="redan en organisation") as info:
        register.create_organisation(session, name="STORÅKERS KOMMUN")
    assert info.value.field == "name"
    make_group(session, name="Trygghetsrådet")
    with pytest.raises(ValidationError, match="redan en grupp"):
        register.create_group(session, name="trygghetsrådet")
    other = make_group(session, name="Klara-gruppen")
    with pytest.raises(ValidationError, match="redan en grupp"):
        register.update_group(session, other, name="TRYGGHETSRÅDET")
    # Renaming a record to itself in another case is fine.
    register.update_group(session, other, name="KLARA-gruppen")
    assert {g.name for g in register.list_groups(session)} == {"Trygghetsrådet", "KLARA-gruppen"}


def test_unknown_organisation_kind_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Okänd typ"):
        register.create_organisation(session, name="X", kind="hemlig")


def test_organisation_with_people_cannot_be_deleted(session) -> None:  # type: ignore[no-untyped-def]
    org = make_organisation(session, name="Storåkershem AB")
    make_person(session, name="Mikael Strand", organisation_id=org)
    with pytest.raises(ReferencedError, match="1 personer"):
        register.delete_organisation(session, org)
    assert [o.people_count for o in register.list_organisations(session)] == [1]


def test_person_with_memberships_is_deleted_only_when_asked(session) -> None:  # type: ignore[no-untyped-def]
    group = make_group(session, name="Klara-gruppen")
    person = make_person(session, name="Jonas Öberg")
    make_membership(session, group_id=group, person_id=person)
    assert register.person_blockers(session, person) == []
    with pytest.raises(ReferencedError, match="medlemskap"):
        register.delete_person(session, person)
    register.delete_person(session, person, with_memberships=True)
    assert register.list_memberships(session, group_id=group) == []


def test_person_referenced_by_another_table_is_never_silently_deleted(session) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import Column, ForeignKey, Integer, Table, text

    from trygghetsrad.db.models import Base

    # A workspace table added later that points at people (like action items do).
    table = Table(
        "test_assignments",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("person_id", ForeignKey("people.id", ondelete="RESTRICT")),
    )
    try:
        table.create(session.connection())
        person = make_person(session, name="Lena Holmström")
        session.execute(text("INSERT INTO test_assignments (person_id) VALUES (:p)"), {"p": person})
        assert register.person_blockers(session, person) == ["1 test assignments"]
        with pytest.raises(ReferencedError) as info:
            register.delete_person(session, person, with_memberships=True)
        assert "Lena Holmström" in str(info.value)
        assert [p.name for p in register.list_people(session)] == ["Lena Holmström"]
    finally:
        Base.metadata.remove(table)


def test_group_delete_takes_its_memberships(session) -> None:  # type: ignore[no-untyped-def]
    group = make_group(session)
    person = make_person(session)
    make_membership(session, group_id=group, person_id=person)
    register.delete_group(session, group)
    assert register.list_memberships(session) == []
    assert len(register.list_people(session)) == 1


def test_membership_periods_and_members_on_a_day(session) -> None:  # type: ignore[no-untyped-def]
    group = make_group(session, name="Trygghetsrådet")
    chair = make_person(session, name="Göran Sjöberg")
    member = make_person(session, name="Åsa Ek")
    deputy = make_person(session, name="Ärla Berg")
    make_membership(session, group_id=group, person_id=deputy, role="ledamot")
    former = make_person(session, name="Rasmus Eklund")
    make_membership(
        session, group_id=group, person_id=member, role="ledamot", from_date=date(2025, 1, 1)
    )
    make_membership(session, group_id=group, person_id=chair, role="ordförande")
    make_membership(
        session,
        group_id=group,
        person_id=former,
        from_date=date(2025, 1, 1),
        to_date=date(2025, 6, 30),
    )
    on_day = register.members_on(session, group, date(2025, 3, 1))
    assert [m.person_name for m in on_day] == [
        "Göran Sjöberg",
        "Rasmus Eklund",
        "Åsa Ek",
        "Ärla Berg",
    ]
    later = register.members_on(session, group, date(2025, 7, 1))
    assert [m.person_name for m in later] == ["Göran Sjöberg", "Åsa Ek", "Ärla Berg"]
    before = register.members_on(session, group, date(2024, 12, 31))
    assert [m.person_name for m in before] == ["Göran Sjöberg", "Ärla Berg"]
    (listed,) = register.list_groups(session, on=date(2025, 7, 1))
    assert listed.member_count == 3


def test_membership_period_rules(session) -> None:  # type: ignore[no-untyped-def]
    group = make_group(session, name="Klara-gruppen")
    person = make_person(session, name="Amira Haddad")
    with pytest.raises(ValidationError, match="Slutdatum kan inte vara före startdatum"):
        register.add_membership(
            session,
            group_id=group,
            person_id=person,
            from_date=date(2025, 5, 1),
            to_date=date(2025, 4, 30),
        )
    with pytest.raises(ValidationError, match="Okänd roll"):
        register.add_membership(session, group_id=group, person_id=person, role="kung")
    first = register.add_membership(
        session, group_id=group, person_id=person, from_date=date(2025, 1, 1)
    ).id
    with pytest.raises(ValidationError, match="redan medlem i Klara-gruppen"):
        register.add_membership(
            session, group_id=group, person_id=person, from_date=date(2025, 6, 1)
        )
    # End the first membership, then a new period after it is fine.
    register.update_membership(
        session, first, role="ledamot", from_date=date(2025, 1, 1), to_date=date(2025, 5, 31)
    )
    register.add_membership(
        session, group_id=group, person_id=person, role="ordförande", from_date=date(2025, 6, 1)
    )
    roles = sorted(m.role for m in register.list_memberships(session, person_id=person))
    assert roles == ["ledamot", "ordförande"]


def test_is_empty_only_for_a_fresh_register(session) -> None:  # type: ignore[no-untyped-def]
    assert register.is_empty(session)
    make_group(session)
    assert not register.is_empty(session)


def test_example_register_has_enough_people_and_organisations(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        people = register.list_people(s)
        orgs = register.list_organisations(s)
        groups = {g.name for g in register.list_groups(s)}
    assert len(people) >= 15
    assert len({p.organisation_id for p in people}) >= 6
    assert len(orgs) >= 6
    assert {"Trygghetsrådet", "Klara-gruppen"} <= groups
    assert all(p.email.endswith("@example.org") for p in people)
