"""The action register: every action of every meeting, read in a handful of queries.

A few flat selects (actions with their item and meeting, responsibles, groups, measure
links, names) rather than ORM objects per action: the register of ten years of meetings
(about 9,000 actions) loads at once, and filtering is then pure Python
(`domain.actions.register.ActionFilter`), so a filter change never goes back to the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Group, Organisation, Person
from trygghetsrad.db.models.action_plan import Commitment, Measure, MeetingLink
from trygghetsrad.db.models.meetings import (
    ActionItem,
    ActionProgress,
    ActionResponsible,
    AgendaItem,
    Decision,
    Meeting,
    MeetingGroup,
)
from trygghetsrad.domain.actions.register import (
    ActionFilter,
    RegisterAction,
    RegisterDecision,
    filter_actions,
)
from trygghetsrad.domain.changes import Changes
from trygghetsrad.domain.meetings.model import (
    ActionStatus,
    MeetingStatus,
    Responsible,
    meeting_name,
)
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.actions import set_progress_comment
from trygghetsrad.services.meetings.carried import CarryFacts, carried_counts


def _responsibles(session: Session) -> tuple[dict[int, list[Responsible]], dict[int, int]]:
    people = {
        pid: (name, org)
        for pid, name, org in session.execute(
            select(Person.id, Person.name, Person.organisation_id)
        )
    }
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    found: dict[int, list[Responsible]] = defaultdict(list)
    rows = session.execute(
        select(
            ActionResponsible.action_id,
            ActionResponsible.person_id,
            ActionResponsible.organisation_id,
        ).order_by(ActionResponsible.action_id, ActionResponsible.position)
    )
    for action_id, person_id, org_id in rows:
        person = people.get(person_id, ("", None))[0] if person_id is not None else ""
        org = orgs.get(org_id, "") if org_id is not None else ""
        name = f"{person} ({org})" if person and org else person or org
        found[action_id].append(Responsible(person_id, org_id, name))
    person_orgs = {pid: org for pid, (_name, org) in people.items() if org is not None}
    return found, person_orgs


def _groups(session: Session) -> dict[int, list[tuple[int, str]]]:
    names = dict(session.execute(select(Group.id, Group.name)).all())
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = session.execute(
        select(MeetingGroup.meeting_id, MeetingGroup.group_id).order_by(
            MeetingGroup.meeting_id, MeetingGroup.position, MeetingGroup.group_id
        )
    )
    for meeting_id, group_id in rows:
        found[meeting_id].append((group_id, names.get(group_id, "")))
    return found


def _measures(session: Session, include_internal: bool) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    measures = session.execute(
        select(MeetingLink.action_item_id, Measure.title, Measure.internal)
        .join(Measure, Measure.id == MeetingLink.measure_id)
        .where(MeetingLink.action_item_id.is_not(None))
        .order_by(MeetingLink.id)
    )
    commitments = session.execute(
        select(MeetingLink.action_item_id, Commitment.text, Commitment.internal)
        .join(Commitment, Commitment.id == MeetingLink.commitment_id)
        .where(MeetingLink.action_item_id.is_not(None))
        .order_by(MeetingLink.id)
    )
    for action_id, title, internal in [*measures, *commitments]:
        if include_internal or not internal:
            found[action_id].append(title)
    return found


def _in_meeting_order(model: type[ActionItem] | type[Decision], *columns: Any) -> Select[Any]:
    """`columns` of `model` (an action or a decision) and then its item's internal flag and
    title, its meeting's id, day and title; by meeting, item and place in the item."""
    return (
        select(
            *columns, AgendaItem.internal, AgendaItem.title, Meeting.id, Meeting.day, Meeting.title
        )
        .join(AgendaItem, AgendaItem.id == model.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .order_by(Meeting.day, Meeting.start_time, Meeting.id, AgendaItem.position)
        .order_by(model.position, model.id)
    )


def register_actions(
    session: Session,
    criteria: ActionFilter | None = None,
    *,
    today: date | None = None,
) -> list[RegisterAction]:
    """Every action of every meeting (internal ones only when the filter includes them),
    oldest meeting first, filtered by `criteria`."""
    criteria = criteria or ActionFilter()
    responsibles, person_orgs = _responsibles(session)
    groups = _groups(session)
    measures = _measures(session, criteria.include_internal)
    rows = session.connection().execute(  # plain rows: no ORM bookkeeping for 9,000 actions
        _in_meeting_order(
            ActionItem,
            ActionItem.id,
            ActionItem.what,
            ActionItem.due_date,
            ActionItem.status,
            ActionItem.closed_meeting_id,
            ActionItem.closed_on,
            ActionItem.internal,
        )
    )
    meeting_names: dict[int, str] = {}  # many actions per meeting: name each meeting once
    records = []
    closing: dict[int, int | None] = {}
    for (
        action_id,
        what,
        due,
        status,
        closed_meeting_id,
        closed_on,
        own_internal,
        item_internal,
        item_title,
        meeting_id,
        day,
        title,
    ) in rows:
        meeting_groups = groups.get(meeting_id, [])
        names = tuple(name for _gid, name in meeting_groups)
        if meeting_id not in meeting_names:
            meeting_names[meeting_id] = meeting_name(names, day, title or "")
        people = responsibles.get(action_id, [])
        closing[action_id] = closed_meeting_id
        records.append(
            RegisterAction(
                id=action_id,
                what=what,
                responsibles=tuple(people),
                due_date=due,
                status=ActionStatus(status),
                carried_count=0,  # counted from the meetings below
                meeting_id=meeting_id,
                meeting_day=day,
                meeting_name=meeting_names[meeting_id],
                item_title=item_title,
                group_ids=tuple(gid for gid, _name in meeting_groups),
                group_names=names,
                measures=tuple(measures.get(action_id, ())),
                closed_on=closed_on,
                internal=bool(own_internal),
                inherited_internal=bool(item_internal),
                organisation_ids=tuple(
                    dict.fromkeys(
                        person_orgs[r.person_id]
                        for r in people
                        if r.person_id is not None and r.person_id in person_orgs
                    )
                ),
            )
        )
    carried = carried_counts(
        session,
        [CarryFacts(r.id, r.meeting_id, closing.get(r.id), r.closed_on) for r in records],
    )
    records = [replace(r, carried_count=carried[r.id]) for r in records]
    return filter_actions(records, criteria, today or date.today())


def register_decisions(
    session: Session, criteria: ActionFilter | None = None
) -> list[RegisterDecision]:
    """Every decision of every meeting (internal ones only when the filter includes them),
    oldest meeting first, filtered by `criteria` (a criterion about responsibles, status or
    due dates leaves decisions out)."""
    criteria = criteria or ActionFilter()
    groups = _groups(session)
    rows = session.connection().execute(
        _in_meeting_order(Decision, Decision.id, Decision.text, Decision.internal)
    )
    meeting_names: dict[int, str] = {}
    found = []
    for decision_id, text, own, inherited, item_title, meeting_id, day, title in rows:
        meeting_groups = groups.get(meeting_id, [])
        names = tuple(name for _gid, name in meeting_groups)
        if meeting_id not in meeting_names:
            meeting_names[meeting_id] = meeting_name(names, day, title or "")
        decision = RegisterDecision(
            id=decision_id,
            text=text,
            meeting_id=meeting_id,
            meeting_day=day,
            meeting_name=meeting_names[meeting_id],
            item_title=item_title,
            group_ids=tuple(gid for gid, _name in meeting_groups),
            group_names=names,
            internal=bool(own),
            inherited_internal=bool(inherited),
        )
        if criteria.matches_decision(decision):
            found.append(decision)
    return found


# -- commenting from the register ------------------------------------------------------------


def comment_meeting(session: Session, action_id: int) -> tuple[int, str] | None:
    """The meeting where a comment on an open action belongs: the next planned or draft
    meeting of its group(s) after the meeting that gave it (where it is followed up next),
    as (id, name); None when there is none yet."""
    origin = session.execute(
        select(Meeting.id, Meeting.day, Meeting.start_time)
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .join(ActionItem, ActionItem.item_id == AgendaItem.id)
        .where(ActionItem.id == action_id)
    ).first()
    if origin is None:
        raise UserError(tr("Uppdraget finns inte längre; det kan ha tagits bort."))
    origin_id, origin_day, origin_start = origin
    origin_groups = select(MeetingGroup.group_id).where(MeetingGroup.meeting_id == origin_id)
    candidates = session.execute(
        select(Meeting.id, Meeting.day, Meeting.start_time, Meeting.title)
        .join(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
        .where(
            MeetingGroup.group_id.in_(origin_groups),
            Meeting.id != origin_id,
            Meeting.day >= origin_day,
            Meeting.status.in_((MeetingStatus.PLANNED.value, MeetingStatus.DRAFT.value)),
            Meeting.cancelled_on.is_(None),
        )
        .order_by(Meeting.day, Meeting.start_time, Meeting.id)
        .distinct()
    )
    start = (origin_day, origin_start is not None, origin_start, origin_id)
    groups = _groups(session)
    for meeting_id, day, start_time, title in candidates:
        if (day, start_time is not None, start_time, meeting_id) > start:
            names = tuple(name for _gid, name in groups.get(meeting_id, []))
            return meeting_id, meeting_name(names, day, title or "")
    return None


def comment_action(session: Session, action_id: int, text: str) -> Changes:
    """Store a comment on an open action at the meeting that follows it up next (what that
    meeting's minutes will say about it); "" removes it."""
    status = session.scalar(select(ActionItem.status).where(ActionItem.id == action_id))
    if status is None:
        raise UserError(tr("Uppdraget finns inte längre; det kan ha tagits bort."))
    if status != ActionStatus.OPEN.value:
        raise UserError(tr("Bara pågående uppdrag kan kommenteras här."))
    found = comment_meeting(session, action_id)
    if found is None:
        raise UserError(
            tr(
                "Det finns inget kommande möte som följer upp uppdraget. Planera gruppens "
                "nästa möte först; kommentaren hör till det mötets uppföljning."
            )
        )
    return set_progress_comment(session, action_id, found[0], text)


def current_comment(session: Session, action_id: int, meeting_id: int) -> str:
    """What the meeting `meeting_id` already says about the action ("" when nothing)."""
    text = session.scalar(
        select(ActionProgress.text).where(
            ActionProgress.action_id == action_id, ActionProgress.meeting_id == meeting_id
        )
    )
    return text or ""
