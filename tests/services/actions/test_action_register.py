"""The action register: every action of every meeting, with the filters the register page,
`list actions` and the spreadsheets share."""

from __future__ import annotations

from datetime import date

from factories import make_group, make_organisation, make_person
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.actions.register import ActionFilter
from trygghetsrad.domain.meetings.model import ActionStatus, Responsible
from trygghetsrad.services.actions.register import register_actions
from trygghetsrad.services.meetings import actions as meetings_actions

TODAY = date(2026, 6, 1)


def _world(session):  # type: ignore[no-untyped-def]
    police = make_organisation(session, name="Polisen")
    anna = make_person(session, name="Anna Berg", organisation_id=police)
    bo = make_person(session, name="Bo Ek")
    klara, _ = make_group_with_members(session, 1, name="Klara-gruppen")
    council = make_group(session, name="Trygghetsrådet")
    spring = make_meeting(session, group_ids=[klara], day=date(2026, 2, 10))
    autumn = make_meeting(session, group_ids=[council, klara], day=date(2026, 9, 10))
    item = make_item(session, spring, title="Sommaren")
    late = make_action(
        session,
        item,
        what="Schema för helgpass",
        responsibles=[Responsible(person_id=anna), Responsible(person_id=bo)],
        due_date=date(2026, 5, 1),
    )
    soon = make_action(
        session, item, what="Boka lokal", responsible_person_id=bo, due_date=date(2026, 6, 10)
    )
    done = make_action(
        session,
        item,
        what="Skicka enkäten",
        responsible_organisation_id=police,
        due_date=date(2026, 4, 1),
        status=ActionStatus.DONE,
    )
    secret = make_action(session, item, what="Personalfråga", internal=True)
    later = make_action(
        session, make_item(session, autumn), what="Utvärdera", responsible_person_id=anna
    )
    return locals()


def _ids(session, **criteria):  # type: ignore[no-untyped-def]
    return [a.id for a in register_actions(session, ActionFilter(**criteria), today=TODAY)]


def test_every_action_with_meeting_groups_and_responsibles(session) -> None:  # type: ignore[no-untyped-def]
    w = _world(session)
    actions = register_actions(session, today=TODAY)
    assert [a.id for a in actions] == [w["late"], w["soon"], w["done"], w["later"]]
    first = actions[0]
    assert first.responsible == "Anna Berg och Bo Ek"
    assert first.meeting_name == "Klara-gruppen, 10 februari 2026"
    assert first.item_title == "Sommaren"
    assert actions[-1].group_names == ("Trygghetsrådet", "Klara-gruppen")
    assert first.overdue(TODAY) and not actions[1].overdue(TODAY)
    assert not actions[2].overdue(TODAY)  # done, though its date has passed
    with_internal = _ids(session, include_internal=True)
    assert w["secret"] in with_internal and len(with_internal) == 5


def test_filters(session) -> None:  # type: ignore[no-untyped-def]
    w = _world(session)
    assert _ids(session, person_id=w["bo"]) == [w["late"], w["soon"]]
    # An organisation: its own actions and those of its people.
    assert _ids(session, organisation_id=w["police"]) == [w["late"], w["done"], w["later"]]
    assert _ids(session, group_id=w["council"]) == [w["later"]]
    assert _ids(session, group_id=w["klara"]) == [w["late"], w["soon"], w["done"], w["later"]]
    assert _ids(session, status=ActionStatus.DONE) == [w["done"]]
    assert _ids(session, overdue=True) == [w["late"]]
    assert _ids(session, due_within=14) == [w["soon"]]
    assert _ids(session, start=date(2026, 9, 1)) == [w["later"]]
    assert _ids(session, end=date(2026, 3, 1)) == [w["late"], w["soon"], w["done"]]
    assert _ids(session, person_id=w["anna"], overdue=True) == [w["late"]]


def test_a_closed_action_leaves_the_overdue_list(session) -> None:  # type: ignore[no-untyped-def]
    w = _world(session)
    meetings_actions.close_action(session, w["late"], on=TODAY)
    assert _ids(session, overdue=True) == []
