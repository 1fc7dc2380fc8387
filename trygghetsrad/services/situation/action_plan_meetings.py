"""Links from the minutes to the action plan: a decision or an action item can concern a
measure or an agreement's commitment; the measure then shows its meeting history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import Commitment, Measure, MeetingLink
from trygghetsrad.db.models.meetings import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingGroup,
)
from trygghetsrad.db.models.register import Group
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, Changes, Created
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.situation.action_plan import MeetingMention
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr

CHANGED = Changes.of(ACTION_PLAN, MEETINGS)


def link(
    session: Session,
    *,
    decision_id: int | None = None,
    action_item_id: int | None = None,
    measure_id: int | None = None,
    commitment_id: int | None = None,
) -> Created:
    """Link one decision or action item to one measure or commitment (once)."""
    if (decision_id is None) == (action_item_id is None):
        raise ValidationError(tr("Välj ett beslut eller ett uppdrag i protokollet."), "item")
    if (measure_id is None) == (commitment_id is None):
        raise ValidationError(tr("Välj en åtgärd eller ett åtagande."), "target")
    for model, record_id, what in (
        (Decision, decision_id, tr("Beslutet")),
        (ActionItem, action_item_id, tr("Uppdraget")),
        (Measure, measure_id, tr("Åtgärden")),
        (Commitment, commitment_id, tr("Åtagandet")),
    ):
        if record_id is not None and session.get(model, record_id) is None:
            raise UserError(tr("{what} finns inte längre.").format(what=what))
    query = select(MeetingLink.id).where(
        MeetingLink.decision_id == decision_id
        if decision_id is not None
        else MeetingLink.action_item_id == action_item_id,
        MeetingLink.measure_id == measure_id
        if measure_id is not None
        else MeetingLink.commitment_id == commitment_id,
    )
    if session.scalar(query) is not None:
        raise ValidationError(tr("Kopplingen finns redan."), "target")
    row = MeetingLink(
        decision_id=decision_id,
        action_item_id=action_item_id,
        measure_id=measure_id,
        commitment_id=commitment_id,
    )
    session.add(row)
    session.flush()
    return Created(row.id, CHANGED)


def unlink(session: Session, link_id: int) -> Changes:
    row = session.get(MeetingLink, link_id)
    if row is not None:
        session.delete(row)
        session.flush()
    return CHANGED


def mentions(
    session: Session,
    *,
    measure_id: int | None = None,
    commitment_id: int | None = None,
    measure_ids: list[int] | None = None,
    include_internal: bool = True,
) -> list[MeetingMention]:
    """The meeting history of a measure or commitment, oldest meeting first."""
    out: list[MeetingMention] = []
    target = (
        MeetingLink.measure_id == measure_id
        if measure_id is not None
        else MeetingLink.measure_id.in_(measure_ids)
        if measure_ids is not None
        else MeetingLink.commitment_id == commitment_id
    )
    decisions = session.execute(
        select(MeetingLink.id, Decision, AgendaItem, Meeting)
        .join(Decision, Decision.id == MeetingLink.decision_id)
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(target)
    ).all()
    for link_id, decision, item, meeting in decisions:
        out.append(
            MeetingMention(
                link_id=link_id,
                meeting_id=meeting.id,
                meeting_title=meeting.title,
                meeting_date=meeting.day,
                kind="decision",
                item_id=decision.id,
                text=decision.text,
                internal=decision.internal,
                inherited_internal=item.internal,
            )
        )
    actions = session.execute(
        select(MeetingLink.id, ActionItem, AgendaItem, Meeting)
        .join(ActionItem, ActionItem.id == MeetingLink.action_item_id)
        .join(AgendaItem, AgendaItem.id == ActionItem.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(target)
    ).all()
    for link_id, action, item, meeting in actions:
        out.append(
            MeetingMention(
                link_id=link_id,
                meeting_id=meeting.id,
                meeting_title=meeting.title,
                meeting_date=meeting.day,
                kind="action_item",
                item_id=action.id,
                text=action.what,
                status=action.status,
                internal=action.internal,
                inherited_internal=item.internal,
            )
        )
    return sorted(
        _titled(session, visible(out, include_internal)),
        key=lambda m: (m.meeting_date or date.min, m.kind, m.item_id),
    )


def _titled(session: Session, mentions: list[MeetingMention]) -> list[MeetingMention]:
    """Meetings without a title of their own are named after their groups."""
    untitled = {m.meeting_id for m in mentions if not m.meeting_title}
    if not untitled:
        return mentions
    names: dict[int, list[str]] = {}
    for meeting_id, name in session.execute(
        select(MeetingGroup.meeting_id, Group.name)
        .join(Group, Group.id == MeetingGroup.group_id)
        .where(MeetingGroup.meeting_id.in_(untitled))
        .order_by(MeetingGroup.position)
    ):
        names.setdefault(meeting_id, []).append(name)
    return [
        replace(m, meeting_title=" och ".join(names.get(m.meeting_id, [])) or tr("Möte"))
        if not m.meeting_title
        else m
        for m in mentions
    ]


def linkable_items(session: Session) -> list[MeetingMention]:
    """Every decision and action item in the minutes, newest meeting first, for a picker."""
    out: list[MeetingMention] = []
    for decision, meeting in session.execute(
        select(Decision, Meeting)
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
    ).all():
        out.append(
            MeetingMention(
                0, meeting.id, meeting.title, meeting.day, "decision", decision.id, decision.text
            )
        )
    for action, meeting in session.execute(
        select(ActionItem, Meeting)
        .join(AgendaItem, AgendaItem.id == ActionItem.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
    ).all():
        out.append(
            MeetingMention(
                0,
                meeting.id,
                meeting.title,
                meeting.day,
                "action_item",
                action.id,
                action.what,
                action.status,
            )
        )
    return sorted(
        _titled(session, out), key=lambda m: (m.meeting_date or date.min, m.item_id), reverse=True
    )


def decisions_between(
    session: Session, start: date, end: date, *, include_internal: bool = True
) -> dict[int, list[MeetingMention]]:
    """Per measure, what meetings in [start, end] decided or assigned about it."""
    out: dict[int, list[MeetingMention]] = {}
    query = select(MeetingLink.measure_id).where(MeetingLink.measure_id.is_not(None))
    ids = cast(list[int], list(session.scalars(query)))  # the NULLs are filtered out
    for mention in mentions(session, measure_ids=ids, include_internal=include_internal):
        if mention.meeting_date and start <= mention.meeting_date <= end:
            link = session.get(MeetingLink, mention.link_id)
            if link is not None and link.measure_id is not None:
                out.setdefault(link.measure_id, []).append(mention)
    return out
