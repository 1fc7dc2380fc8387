"""The list of meetings built from plain rows.

One way for the Möten page's service (`services.meetings.read.list_meetings`) and for the
start-up glance (`db.glance.meetings`, which reads the file with sqlite3 before SQLAlchemy
is loaded), so that the glance shows exactly the rows the page shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time

from trygghetsrad.domain.meetings.model import (
    MeetingKind,
    MeetingStatus,
    MeetingSummary,
    default_title,
)

# id, title, kind, status, day, start_time, end_time, place, online_link, cancelled_on
MeetingRow = tuple[int, str, str, str, date, time | None, time | None, str, str, date | None]


def meeting_summaries(
    rows: Iterable[MeetingRow],
    links: Iterable[tuple[int, int, int]],
    names: Mapping[int, str],
) -> list[MeetingSummary]:
    """Summaries of `rows` (in their order), with their groups from `links` (meeting id,
    group id, position) in position order and the groups' `names`."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for meeting_id, group_id, position in links:
        groups.setdefault(meeting_id, []).append((position, group_id))
    found = []
    for meeting_id, title, kind_value, status, day, start, end, place, link, cancelled in rows:
        group_ids = tuple(g for _position, g in sorted(groups.get(meeting_id, ())))
        group_names = tuple(names.get(g, "") for g in group_ids)
        kind = MeetingKind(kind_value)
        found.append(
            MeetingSummary(
                id=meeting_id,
                title=title or default_title(kind, group_names),
                kind=kind,
                status=MeetingStatus(status),
                day=day,
                start_time=start,
                end_time=end,
                place=place,
                online_link=link,
                group_ids=group_ids,
                group_names=group_names,
                cancelled_on=cancelled,
            )
        )
    return found
