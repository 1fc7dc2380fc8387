"""'Förd vidare': how many held meetings carried each action, counted from the meetings."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.meetings import Meeting, MeetingGroup

_HELD = ("finalised", "sent")
_MIDNIGHT = time(0, 0)


@dataclass(frozen=True)
class CarryFacts:
    """What `carried_counts` needs of one action."""

    action_id: int
    origin_meeting_id: int
    closed_meeting_id: int | None
    closed_on: date | None


def carried_counts(
    session: Session, actions: Sequence[CarryFacts], *, before: Meeting | None = None
) -> dict[int, int]:
    """'Förd vidare': for each action, how many held meetings (minutes fastställda or
    skickade) followed it up and left it open, up to `before` (None: up to now). `before`
    itself counts once it is held: its minutes record that it carried the action, and say
    the same number as the register does right after them.

    Every meeting of a group of the meeting the action came from follows it up (as
    `followup` lists it), so an action from a joint meeting is carried past both groups'
    meetings. The one definition the register, the follow-up list, the minutes and the
    exports share: counted from the meetings, not kept as a tally that can drift.
    One query for all actions; a sorted list per origin meeting, then a bisection."""
    if not actions:
        return {}
    meetings: dict[int, tuple[tuple[date, time, int], set[int], bool]] = {}
    for meeting_id, day, start_time, status, group_id in session.execute(
        select(
            Meeting.id, Meeting.day, Meeting.start_time, Meeting.status, MeetingGroup.group_id
        ).outerjoin(MeetingGroup, MeetingGroup.meeting_id == Meeting.id)
    ):
        key = (day, start_time or _MIDNIGHT, meeting_id)
        entry = meetings.setdefault(meeting_id, (key, set(), status in _HELD))
        if group_id is not None:
            entry[1].add(group_id)
    end = meetings[before.id][0] if before is not None and before.id in meetings else None
    end_held = end is not None and before is not None and meetings[before.id][2]
    after_origin: dict[int, list[tuple[date, time, int]]] = {}
    counts: dict[int, int] = {}
    for a in actions:
        if a.origin_meeting_id not in meetings:
            counts[a.action_id] = 0
            continue
        keys = after_origin.get(a.origin_meeting_id)
        if keys is None:
            origin_key, origin_groups, _held = meetings[a.origin_meeting_id]
            keys = after_origin[a.origin_meeting_id] = sorted(
                key
                for key, groups, held in meetings.values()
                if held and key > origin_key and groups & origin_groups
            )
        bound, inclusive = end, end_held
        closed: tuple[date, time, int] | None = None
        if a.closed_meeting_id is not None and a.closed_meeting_id in meetings:
            closed = meetings[a.closed_meeting_id][0]  # closed there: not carried at it
        elif a.closed_on is not None:  # closed between meetings: done before that day's
            closed = (a.closed_on, time.min, -1)
        if closed is not None and (bound is None or closed <= bound):
            bound, inclusive = closed, False
        if bound is None:
            counts[a.action_id] = len(keys)
        else:
            counts[a.action_id] = (bisect_right if inclusive else bisect_left)(keys, bound)
    return counts
