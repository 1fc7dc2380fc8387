"""The title under "Vid pennan": the meeting's own, else the coordinator's from the settings
when the coordinator holds the pen, else the person's title in the register."""

from __future__ import annotations

from datetime import date

from trygghetsrad.services import register, settings
from trygghetsrad.services.meetings import lifecycle as meetings


def _meeting(session, person_id: int) -> int:  # type: ignore[no-untyped-def]
    group = register.create_group(session, name="Rådet").id
    return meetings.create_meeting(
        session, group_ids=[group], day=date(2026, 3, 4), secretary_id=person_id
    ).id


def test_the_coordinator_signs_with_the_title_from_the_settings(session) -> None:  # type: ignore[no-untyped-def]
    person = register.create_person(session, name="Eva Lind", title="Handläggare").id
    settings.save(
        session,
        settings.OrganisationSettings(
            municipality="Storåker", coordinator_name="Eva Lind", coordinator_title="Samordnare"
        ),
    )
    meeting_id = _meeting(session, person)
    assert meetings.get_meeting(session, meeting_id).secretary_title == "Samordnare"


def test_someone_else_signs_with_their_title_from_the_register(session) -> None:  # type: ignore[no-untyped-def]
    person = register.create_person(session, name="Per Ek", title="Kommunpolis").id
    settings.save(
        session,
        settings.OrganisationSettings(coordinator_name="Eva Lind", coordinator_title="Samordnare"),
    )
    meeting_id = _meeting(session, person)
    assert meetings.get_meeting(session, meeting_id).secretary_title == "Kommunpolis"
