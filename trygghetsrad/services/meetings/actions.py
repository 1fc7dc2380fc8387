"""Action items (*uppdrag*) and their follow-up at the group's next meetings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from trygghetsrad.db.models import Group, Organisation, Person
from trygghetsrad.db.models.meetings import (
    ActionItem,
    ActionProgress,
    ActionResponsible,
    AgendaItem,
    Meeting,
    MeetingGroup,
)
from trygghetsrad.domain.changes import MEETINGS, Changes, Created
from trygghetsrad.domain.meetings.model import (
    MAX_NOTE,
    ActionData,
    ActionStatus,
    ProgressComment,
    Responsible,
    check_plain_text,
    meeting_name,
)
from trygghetsrad.domain.register import clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.carried import CarryFacts, carried_counts
from trygghetsrad.services.meetings.read import editable_row, get_row

CHANGED = Changes.of(MEETINGS)


@dataclass
class Names:
    """Names looked up once for many actions (one query each instead of one per action)."""

    people: dict[int, str]
    organisations: dict[int, str]

    @classmethod
    def load(cls, session: Session) -> Names:
        return cls(
            dict(session.execute(select(Person.id, Person.name)).all()),
            dict(session.execute(select(Organisation.id, Organisation.name)).all()),
        )


def _responsible_name(names: Names, person_id: int | None, organisation_id: int | None) -> str:
    person = names.people.get(person_id or -1, "")
    org = names.organisations.get(organisation_id or -1, "")
    return f"{person} ({org})" if person and org else person or org


def action_data(session: Session, row: ActionItem, names: Names | None = None) -> ActionData:
    names = names or Names.load(session)
    item = row.item
    meeting = item.meeting
    return ActionData(
        id=row.id,
        what=row.what,
        responsibles=tuple(
            Responsible(
                r.person_id,
                r.organisation_id,
                _responsible_name(names, r.person_id, r.organisation_id),
            )
            for r in row.responsibles
        ),
        due_date=row.due_date,
        status=ActionStatus(row.status),
        internal=row.internal,
        carried_count=row.carried_count,
        since=meeting.day if meeting else None,
        origin_meeting_id=item.meeting_id,
        origin_item_title=item.title,
        closed_on=row.closed_on,
        inherited_internal=item.internal,
    )


def _row(session: Session, action_id: int) -> ActionItem:
    row = session.get(ActionItem, action_id)
    if row is None:
        raise UserError(tr("Uppdraget finns inte längre; det kan ha tagits bort."))
    return row


def _responsibles(
    session: Session,
    responsibles: Sequence[Responsible],
    person_id: int | None,
    organisation_id: int | None,
) -> list[ActionResponsible]:
    """The rows for the responsible given: `responsibles`, or the single person and/or
    organisation of the shorthand arguments. Unknown records are refused, repeats dropped."""
    chosen = list(responsibles)
    if person_id is not None or organisation_id is not None:
        chosen.insert(0, Responsible(person_id, organisation_id))
    rows: list[ActionResponsible] = []
    seen: set[tuple[int | None, int | None]] = set()
    for r in chosen:
        key = (r.person_id, r.organisation_id)
        if key == (None, None) or key in seen:
            continue
        if r.person_id is not None and session.get(Person, r.person_id) is None:
            raise ValidationError(tr("Personen finns inte längre."), "responsible")
        if r.organisation_id is not None and session.get(Organisation, r.organisation_id) is None:
            raise ValidationError(tr("Organisationen finns inte längre."), "responsible")
        seen.add(key)
        rows.append(
            ActionResponsible(
                position=len(rows), person_id=r.person_id, organisation_id=r.organisation_id
            )
        )
    return rows


def _what(what: str) -> str:
    text = clean_text(what, field="what", label=tr("Uppdraget"), required=True, max_length=MAX_NOTE)
    return check_plain_text(text, field="what", label=tr("Uppdraget"))


def add_action(
    session: Session,
    item_id: int,
    *,
    what: str,
    responsibles: Sequence[Responsible] = (),
    responsible_person_id: int | None = None,
    responsible_organisation_id: int | None = None,
    due_date: date | None = None,
    internal: bool = False,
    status: str | ActionStatus = ActionStatus.OPEN,
) -> Created:
    """Add an action; its responsible are `responsibles` (people and/or organisations), or
    the one person and/or organisation given as `responsible_person_id`/`_organisation_id`."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise UserError(tr("Punkten finns inte längre; den kan ha tagits bort."))
    meeting = editable_row(session, item.meeting_id)
    row = ActionItem(
        what=_what(what),
        responsibles=_responsibles(
            session, responsibles, responsible_person_id, responsible_organisation_id
        ),
        due_date=due_date,
        status=ActionStatus.OPEN.value,
        internal=internal,
        carried_count=0,
        position=len(item.actions),
    )
    _set_status(row, status, meeting.day)
    item.actions.append(row)
    session.flush()
    return Created(row.id, CHANGED)


def _set_status(row: ActionItem, status: str | ActionStatus | None, on: date) -> None:
    """Set the status chosen in the action's own dialog (done/cancelled there: closed `on`)."""
    if status is None:
        return
    new = ActionStatus(status)
    if new.value == row.status:
        return
    row.status = new.value
    if new is ActionStatus.OPEN:
        row.closed_on = None
        row.closed_meeting_id = None
    else:
        row.closed_on = on


def update_action(
    session: Session,
    action_id: int,
    *,
    what: str,
    responsibles: Sequence[Responsible] = (),
    responsible_person_id: int | None = None,
    responsible_organisation_id: int | None = None,
    due_date: date | None = None,
    internal: bool = False,
    status: str | ActionStatus | None = None,
) -> Changes:
    row = _row(session, action_id)
    meeting = editable_row(session, row.item.meeting_id)
    row.what = _what(what)
    row.responsibles = _responsibles(
        session, responsibles, responsible_person_id, responsible_organisation_id
    )
    row.due_date, row.internal = due_date, internal
    _set_status(row, status, max(meeting.day, date.today()))
    session.flush()
    return CHANGED


def delete_action(session: Session, action_id: int) -> Changes:
    row = _row(session, action_id)
    editable_row(session, row.item.meeting_id)
    session.delete(row)
    session.flush()
    return CHANGED


def get_action(session: Session, action_id: int) -> ActionData:
    return action_data(session, _row(session, action_id))


def list_actions(
    session: Session, *, open_only: bool = False, group_id: int | None = None
) -> list[ActionData]:
    query = (
        select(ActionItem)
        .join(AgendaItem)
        .join(Meeting)
        # The joined rows fill item and meeting: not one query per action or per item.
        .options(
            contains_eager(ActionItem.item).contains_eager(AgendaItem.meeting),
            selectinload(ActionItem.responsibles),
        )
        .order_by(Meeting.day, ActionItem.id)
    )
    if open_only:
        query = query.where(ActionItem.status == ActionStatus.OPEN.value)
    if group_id is not None:
        query = query.join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id).where(
            MeetingGroup.group_id == group_id
        )
    names = Names.load(session)
    return [action_data(session, row, names) for row in session.scalars(query)]


# -- follow-up ------------------------------------------------------------------------------


def followup(session: Session, meeting_id: int) -> list[ActionData]:
    """Actions of earlier meetings of the same group(s) that come up at this meeting:
    still open, or closed or carried here."""
    meeting = get_row(session, meeting_id)
    groups = [g.group_id for g in meeting.groups]
    query = (
        select(ActionItem)
        .join(AgendaItem)
        .join(Meeting)
        .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        .where(
            MeetingGroup.group_id.in_(groups),
            Meeting.id != meeting_id,
            Meeting.day <= meeting.day,
            (ActionItem.status == ActionStatus.OPEN.value)
            | (ActionItem.closed_meeting_id == meeting_id)
            | (ActionItem.last_carried_meeting_id == meeting_id),
        )
        .order_by(Meeting.day, ActionItem.id)
        .distinct()
        # The joined rows fill the relationships read below (no query per action).
        .options(
            contains_eager(ActionItem.item)
            .contains_eager(AgendaItem.meeting)
            .selectinload(Meeting.groups),
            selectinload(ActionItem.responsibles),
        )
    )
    here = (meeting.day, meeting.start_time or _MIDNIGHT, meeting.id)
    rows = [
        r
        for r in session.scalars(query)
        if (r.item.meeting.day, r.item.meeting.start_time or _MIDNIGHT, r.item.meeting.id) < here
    ]
    names = Names.load(session)
    carried = _carried_before(session, rows, meeting)
    said = _comments(session, [r.id for r in rows], meeting)
    return [
        replace(
            action_data(session, r, names),
            carried_count=carried[r.id],
            comment=found.text if (found := said.get((r.id, meeting.id))) else "",
            earlier_comments=tuple(
                c for (aid, mid), c in said.items() if aid == r.id and mid != meeting.id
            ),
        )
        for r in rows
    ]


def _comments(
    session: Session, action_ids: list[int], meeting: Meeting
) -> dict[tuple[int, int], ProgressComment]:
    """(action, meeting) → what that meeting said, for the meetings up to `meeting`, oldest first."""
    if not action_ids:
        return {}
    found = session.execute(
        select(
            ActionProgress.action_id, ActionProgress.meeting_id, Meeting.day, ActionProgress.text
        )
        .join(Meeting, Meeting.id == ActionProgress.meeting_id)
        .where(ActionProgress.action_id.in_(action_ids), Meeting.day <= meeting.day)
        .order_by(Meeting.day, Meeting.id)
    ).all()
    return {(aid, mid): ProgressComment(mid, day, text) for aid, mid, day, text in found}


def _carried_before(session: Session, rows: list[ActionItem], meeting: Meeting) -> dict[int, int]:
    """For each action, how many times it was carried up to `meeting` (so archived
    minutes keep showing the count as it was at that meeting)."""
    facts = [CarryFacts(r.id, r.item.meeting_id, r.closed_meeting_id, r.closed_on) for r in rows]
    return carried_counts(session, facts, before=meeting)


_MIDNIGHT = time(0, 0)


def _followup_row(session: Session, action_id: int, meeting_id: int) -> ActionItem:
    editable_row(session, meeting_id)
    row = _row(session, action_id)
    if action_id not in {a.id for a in followup(session, meeting_id)}:
        raise UserError(tr("Uppdraget följs inte upp på det här mötet."))
    return row


def close_action(
    session: Session, action_id: int, *, on: date, meeting_id: int | None = None
) -> Changes:
    """Mark an action done, at a follow-up meeting or directly."""
    row = _followup_row(session, action_id, meeting_id) if meeting_id else _row(session, action_id)
    row.status = ActionStatus.DONE.value
    row.closed_on = on
    row.closed_meeting_id = meeting_id
    session.flush()
    return CHANGED


def cancel_action(
    session: Session, action_id: int, *, on: date, meeting_id: int | None = None
) -> Changes:
    row = _followup_row(session, action_id, meeting_id) if meeting_id else _row(session, action_id)
    row.status = ActionStatus.CANCELLED.value
    row.closed_on = on
    row.closed_meeting_id = meeting_id
    session.flush()
    return CHANGED


def reopen_action(session: Session, action_id: int) -> Changes:
    row = _row(session, action_id)
    if row.closed_meeting_id is not None:
        try:
            editable_row(session, row.closed_meeting_id)
        except UserError as exc:
            # Said wherever the action is reopened (the register, the command line): which
            # meeting holds it, and where its "Öppna för ändring" is.
            name = _meeting_name(session, row.closed_meeting_id)
            raise UserError(
                tr(
                    "Uppdraget markerades klart på mötet {meeting}. {why} Det gör du under "
                    "Möten → {meeting}; öppna sedan uppdraget igen."
                ).format(meeting=name, why=exc)
            ) from exc
    row.status = ActionStatus.OPEN.value
    row.closed_on = None
    row.closed_meeting_id = None
    session.flush()
    return CHANGED


def _meeting_name(session: Session, meeting_id: int) -> str:
    """ "Klara-gruppen, 8 maj 2025", as the meeting list names it."""
    meeting = get_row(session, meeting_id)
    names = dict(session.execute(select(Group.id, Group.name)).all())
    groups = tuple(names.get(g.group_id, "") for g in sorted(meeting.groups, key=_position))
    return meeting_name(groups, meeting.day, meeting.title or "")


def _position(link: MeetingGroup) -> tuple[int, int]:
    return (link.position, link.group_id)


def redate_action(session: Session, action_id: int, due_date: date | None) -> Changes:
    row = _row(session, action_id)
    row.due_date = due_date
    session.flush()
    return CHANGED


def carry_action(
    session: Session, action_id: int, meeting_id: int, *, due_date: date | None = None
) -> Changes:
    """Carry an open action past this meeting (again), optionally with a new due date."""
    row = _followup_row(session, action_id, meeting_id)
    if row.status != ActionStatus.OPEN.value:
        raise UserError(tr("Bara pågående uppdrag kan föras vidare."))
    if row.last_carried_meeting_id != meeting_id:
        row.carried_count += 1
        row.last_carried_meeting_id = meeting_id
    if due_date is not None:
        row.due_date = due_date
    session.flush()
    return CHANGED


def carry_open_actions(session: Session, meeting_id: int) -> int:
    """When minutes are finalised, open actions followed up there and not closed are carried."""
    count = 0
    for action in followup(session, meeting_id):
        row = _row(session, action.id)
        if row.status == ActionStatus.OPEN.value and row.last_carried_meeting_id != meeting_id:
            row.carried_count += 1
            row.last_carried_meeting_id = meeting_id
            count += 1
    session.flush()
    return count


def set_progress_comment(session: Session, action_id: int, meeting_id: int, text: str) -> Changes:
    """Store what this meeting said about an action it follows up ("" removes the comment)."""
    row = _followup_row(session, action_id, meeting_id)
    cleaned = clean_text(text, field="comment", label=tr("Kommentaren"), max_length=MAX_NOTE)
    check_plain_text(cleaned, field="comment", label=tr("Kommentaren"))
    existing = session.scalar(
        select(ActionProgress).where(
            ActionProgress.action_id == row.id, ActionProgress.meeting_id == meeting_id
        )
    )
    if not cleaned:
        if existing is not None:
            session.delete(existing)
    elif existing is None:
        session.add(ActionProgress(action_id=row.id, meeting_id=meeting_id, text=cleaned))
    else:
        existing.text = cleaned
    session.flush()
    return CHANGED
