"""The meetings workspace's items on the annual wheel and in the calendar feed: each meeting
(category "meetings") and each open action's due date (category "deadlines")."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.domain import calendar_items as cal
from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import MEETINGS
from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.model import MeetingSummary
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.actions import list_actions
from trygghetsrad.services.meetings.read import list_meetings


def calendar_items(session: Session, start: date, end: date) -> list[CalendarItem]:
    """Meetings (category "meetings") and open action due dates (category "deadlines")."""
    items = [
        CalendarItem(
            key=f"meeting:{m.id}",
            title=_cancelled(m, m.groups_label or m.title),
            category=cal.MEETINGS,
            start=m.day,
            start_time=m.start_time,
            end_time=m.end_time,
            place=m.place or m.online_link,
            description=m.title,
            owner=Owner(MEETINGS, "meeting", m.id),
        )
        for m in list_meetings(session, start=start, end=end)
    ]
    for action in list_actions(session, open_only=True):
        if action.due_date is None or not start <= action.due_date <= end:
            continue
        items.append(
            CalendarItem(
                key=f"action_item:{action.id}",
                title=tr("Uppdrag: {what}").format(what=action.what),
                category=cal.DEADLINES,
                start=action.due_date,
                description=action.what,
                responsible=action.responsible,
                internal=is_internal(action),
                owner=Owner(MEETINGS, "action_item", action.id),
            )
        )
    return items


def _cancelled(meeting: MeetingSummary, title: str) -> str:
    """A cancelled meeting stays on the wheel, saying so."""
    return tr("Inställt: {title}").format(title=title) if meeting.cancelled_on else title
