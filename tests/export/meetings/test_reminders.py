"""Reminder drafts parsed back with the stdlib email package: one per responsible person with
exactly their open actions, one per provider of late data, and who has no address."""

from __future__ import annotations

import email
from datetime import date
from email import policy

from factories import make_organisation, make_person
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.meetings.model import ActionStatus, Responsible
from trygghetsrad.export.meetings.reminders import action_reminder_eml, delivery_reminder_eml
from trygghetsrad.services.actions.reminders import reminders
from trygghetsrad.services.situation.sources import create_source

TODAY = date(2026, 6, 1)


def _parse(raw: bytes):  # type: ignore[no-untyped-def]
    return email.message_from_bytes(raw, policy=policy.default)


def _bullets(msg) -> list[str]:  # type: ignore[no-untyped-def]
    body = msg.get_body(("plain",)).get_content()
    return [line[2:] for line in body.splitlines() if line.startswith("• ")]


def _world(session):  # type: ignore[no-untyped-def]
    police = make_organisation(session, name="Polisen")
    anna = make_person(session, name="Anna Berg", email="anna@example.org")
    bo = make_person(session, name="Bo Ek", email="bo@example.org")
    cia = make_person(session, name="Cia Utan", email="")
    group, _ = make_group_with_members(session, 1)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 2, 10))
    item = make_item(session, meeting)
    make_action(
        session,
        item,
        what="Schema för helgpass",
        responsibles=[Responsible(person_id=anna), Responsible(person_id=bo)],
        due_date=date(2026, 5, 1),
    )
    make_action(session, item, what="Boka lokal", responsible_person_id=anna)
    make_action(
        session, item, what="Redan klart", responsible_person_id=anna, status=ActionStatus.DONE
    )
    make_action(session, item, what="Hemligt", responsible_person_id=anna, internal=True)
    make_action(session, item, what="Ring skolan", responsible_person_id=cia)
    make_action(session, item, what="Polisens del", responsible_organisation_id=police)
    create_source(
        session,
        name="Nattvandrarnas rapporter",
        delivered_by_id=bo,
        next_expected=date(2026, 5, 15),
    )
    create_source(session, name="Enkäten", delivered_by_id=anna, next_expected=date(2026, 9, 1))
    create_source(
        session, name="Brås statistik", provider_name="Brå", next_expected=date(2026, 4, 1)
    )
    return locals()


def test_one_draft_per_person_with_exactly_their_open_actions(session) -> None:  # type: ignore[no-untyped-def]
    _world(session)
    found = reminders(session, today=TODAY)
    by_name = {r.name: r for r in found.actions}
    assert sorted(by_name) == ["Anna Berg", "Bo Ek"]
    anna = _parse(
        action_reminder_eml(
            by_name["Anna Berg"],
            today=TODAY,
            sender_email="trygghet@storaker.se",
            signature="Maja Lindqvist",
        )
    )
    assert anna["X-Unsent"] == "1"
    assert [a.addr_spec for a in anna["To"].addresses] == ["anna@example.org"]
    assert anna["From"].addresses[0].addr_spec == "trygghet@storaker.se"
    assert anna["Subject"] == "Påminnelse: försenade uppdrag"
    bullets = _bullets(anna)
    assert [b.split(" (")[0] for b in bullets] == ["Schema för helgpass", "Boka lokal"]
    assert "senast 2026-05-01 – försenat" in bullets[0]
    assert "tillsammans med Bo Ek" in bullets[0]
    body = anna.get_body(("plain",)).get_content()
    assert "Redan klart" not in body and "Hemligt" not in body and "Maja Lindqvist" in body
    bo = _parse(action_reminder_eml(by_name["Bo Ek"], today=TODAY))
    assert bo["From"] is None  # no sender named: the mail program fills in its own account
    assert [b.split(" (")[0] for b in _bullets(bo)] == ["Schema för helgpass"]
    assert any(line == "Cia Utan (1 uppdrag)" for line in found.without_address)
    assert any(line.startswith("Polisen (1 uppdrag") for line in found.without_address)


def test_late_deliveries_and_filters(session) -> None:  # type: ignore[no-untyped-def]
    w = _world(session)
    found = reminders(session, today=TODAY)
    [late] = found.deliveries
    assert late.name == "Bo Ek" and [s.name for s in late.sources] == ["Nattvandrarnas rapporter"]
    msg = _parse(delivery_reminder_eml(late, today=TODAY))
    assert msg["Subject"] == "Påminnelse: Nattvandrarnas rapporter – försenad"
    assert [a.addr_spec for a in msg["To"].addresses] == ["bo@example.org"]
    assert _bullets(msg) == ["Nattvandrarnas rapporter – väntades fredag 15 maj 2026"]
    assert any(line.startswith("Brås statistik – försenad (Brå") for line in found.without_address)
    overdue = reminders(session, today=TODAY, overdue_only=True)
    assert [(r.name, [a.what for a in r.actions]) for r in overdue.actions] == [
        ("Anna Berg", ["Schema för helgpass"]),
        ("Bo Ek", ["Schema för helgpass"]),
    ]
    only_bo = reminders(session, today=TODAY, person_id=w["bo"])
    assert [r.name for r in only_bo.actions] == ["Bo Ek"]
    assert [d.name for d in only_bo.deliveries] == ["Bo Ek"]
    assert only_bo.without_address == ()
