"""Who to remind of what: responsible people of open actions, providers of late data.

An action's responsible organisation (without a person) and a late source without a
person who delivers it have nobody to write to: they are named in `without_address`, like
people without an e-mail address, so the coordinator can call them instead. Internal
actions and sources stay out, as in every export.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.domain.actions.register import ActionFilter, RegisterAction
from trygghetsrad.domain.actions.reminders import ActionReminder, DeliveryReminder, Reminders
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.domain.register import PersonData
from trygghetsrad.domain.situation.picture import Alert, SourceData
from trygghetsrad.i18n import plural, tr
from trygghetsrad.services import register
from trygghetsrad.services.actions.register import register_actions
from trygghetsrad.services.situation.sources import list_sources


def reminders(
    session: Session,
    *,
    today: date,
    overdue_only: bool = False,
    person_id: int | None = None,
    action_ids: frozenset[int] | None = None,
) -> Reminders:
    """`action_ids`: only these actions (the ones a filtered list shows) and no late
    deliveries, which such a list does not show."""
    people = {p.id: p for p in register.list_people(session)}
    actions, without_actions = _action_reminders(
        session,
        people,
        today=today,
        overdue_only=overdue_only,
        person_id=person_id,
        action_ids=action_ids,
    )
    if action_ids is not None:
        return Reminders(actions, (), tuple(without_actions))
    deliveries, without_deliveries = _delivery_reminders(
        session, people, today=today, person_id=person_id
    )
    return Reminders(actions, deliveries, (*without_actions, *without_deliveries))


def _action_reminders(
    session: Session,
    people: dict[int, PersonData],
    *,
    today: date,
    overdue_only: bool,
    person_id: int | None,
    action_ids: frozenset[int] | None = None,
) -> tuple[tuple[ActionReminder, ...], list[str]]:
    """A reminder per responsible person with an address; the others by name, with the
    organisations responsible without a person."""
    criteria = ActionFilter(status=ActionStatus.OPEN, overdue=overdue_only, person_id=person_id)
    by_person: dict[int, list[RegisterAction]] = defaultdict(list)
    orphans: dict[str, int] = defaultdict(int)
    for action in register_actions(session, criteria, today=today):
        if action_ids is not None and action.id not in action_ids:
            continue
        persons = [r.person_id for r in action.responsibles if r.person_id is not None]
        for pid in dict.fromkeys(persons):
            if person_id is None or pid == person_id:
                by_person[pid].append(action)
        if person_id is None:
            for r in action.responsibles:
                if r.person_id is None and r.name:
                    orphans[r.name] += 1
    action_reminders: list[ActionReminder] = []
    without: list[str] = []
    for pid, actions in sorted(by_person.items(), key=lambda kv: people[kv[0]].name.lower()):
        person = people[pid]
        count = plural(len(actions), tr("uppdrag"), tr("uppdrag"))
        if person.email:
            action_reminders.append(ActionReminder(pid, person.name, person.email, tuple(actions)))
        else:
            without.append(tr("{name} ({count})").format(name=person.name, count=count))
    for name, n in sorted(orphans.items(), key=lambda kv: kv[0].lower()):
        without.append(
            tr(
                "{name} ({count}, ingen person angiven – ange en kontaktperson på uppdraget)"
            ).format(name=name, count=plural(n, tr("uppdrag"), tr("uppdrag")))
        )
    return tuple(action_reminders), without


def _delivery_reminders(
    session: Session, people: dict[int, PersonData], *, today: date, person_id: int | None
) -> tuple[tuple[DeliveryReminder, ...], list[str]]:
    """A reminder per person who delivers an overdue source, if they have an address; the
    others, and overdue sources without a contact person, by name."""
    without: list[str] = []
    late: dict[int, list[SourceData]] = defaultdict(list)
    for source in list_sources(session):
        if source.internal or source.alert(today) is not Alert.OVERDUE:
            continue
        if source.delivered_by_id is None or source.delivered_by_id not in people:
            if person_id is None:
                without.append(
                    tr("{source} – försenad ({provider}, ingen kontaktperson angiven)").format(
                        source=source.name, provider=source.provider or tr("okänd leverantör")
                    )
                )
            continue
        if person_id is None or source.delivered_by_id == person_id:
            late[source.delivered_by_id].append(source)
    deliveries: list[DeliveryReminder] = []
    for pid, sources in sorted(late.items(), key=lambda kv: people[kv[0]].name.lower()):
        person = people[pid]
        if person.email:
            deliveries.append(DeliveryReminder(pid, person.name, person.email, tuple(sources)))
        else:
            names = ", ".join(s.name for s in sources)
            without.append(
                tr("{name} (försenad leverans: {sources})").format(name=person.name, sources=names)
            )
    return tuple(deliveries), without
