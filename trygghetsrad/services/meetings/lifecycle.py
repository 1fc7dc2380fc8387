"""Use cases of meetings: create, edit, list, the status lifecycle, next meetings, calendar items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Group, Person
from trygghetsrad.db.models.meetings import AgendaItem, Meeting, MeetingGroup
from trygghetsrad.domain.changes import MEETINGS, Changes, Created
from trygghetsrad.domain.meetings.agenda_structure import Numbering, check_numbering
from trygghetsrad.domain.meetings.model import (
    MAX_TITLE,
    MeetingKind,
    MeetingStatus,
    NextMeetingPlan,
    by_kind,
    check_plain_text,
    check_times,
)
from trygghetsrad.domain.register import clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.actions import carry_open_actions
from trygghetsrad.services.meetings.agenda import apply_template
from trygghetsrad.services.meetings.attendance import sync_members

# Reading lives in meetings_read (the base every meetings_* module builds on); callers
# keep reading through this module.
from trygghetsrad.services.meetings.read import KEEP, _Keep
from trygghetsrad.services.meetings.read import editable_row as editable_row
from trygghetsrad.services.meetings.read import get_meeting as get_meeting
from trygghetsrad.services.meetings.read import get_row as get_row
from trygghetsrad.services.meetings.read import list_meetings as list_meetings
from trygghetsrad.services.meetings.read import next_meetings as next_meetings
from trygghetsrad.services.meetings.read import (
    previous_meeting_of_group as previous_meeting_of_group,
)

# Start-up time: the kept versions of the minutes (and the document model they are built
# from) are imported by the functions that need them, not when the Möten page loads this.

CHANGED = Changes.of(MEETINGS)


# -- writing --------------------------------------------------------------------------------


def _check_person(session: Session, person_id: int | None, field: str) -> int | None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise ValidationError(tr("Personen finns inte längre."), field)
    return person_id


def _check_groups(session: Session, group_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(group_ids))
    if not ids:
        raise ValidationError(tr("Välj minst en grupp för mötet."), "group_ids")
    for gid in ids:
        if session.get(Group, gid) is None:
            raise ValidationError(tr("Gruppen finns inte längre."), "group_ids")
    return ids


def _clean_texts(title: str, place: str, online_link: str, secretary_title: str) -> dict[str, str]:
    labels = {
        "title": tr("Rubrik"),
        "place": tr("Plats"),
        "online_link": tr("Länk"),
        "secretary_title": tr("Titel"),
    }
    values = {
        "title": clean_text(title, field="title", label=tr("Rubrik"), max_length=MAX_TITLE),
        "place": clean_text(place, field="place", label=tr("Plats"), max_length=300),
        "online_link": clean_text(
            online_link, field="online_link", label=tr("Länk"), max_length=1000
        ),
        "secretary_title": clean_text(
            secretary_title, field="secretary_title", label=tr("Titel"), max_length=300
        ),
    }
    for key, value in values.items():
        check_plain_text(value, field=key, label=labels[key])
    return values


def _kind(kind: str | MeetingKind) -> str:
    try:
        return MeetingKind(kind).value
    except ValueError:
        raise ValidationError(tr("Okänd mötestyp: {kind}.").format(kind=kind), "kind") from None


def create_meeting(
    session: Session,
    *,
    group_ids: Sequence[int],
    day: date,
    start_time: time | None = None,
    end_time: time | None = None,
    kind: str | MeetingKind = MeetingKind.NOTES,
    title: str = "",
    place: str = "",
    online_link: str = "",
    chair_id: int | None = None,
    secretary_id: int | None = None,
    secretary_title: str = "",
    adjuster_id: int | None = None,
    previous_meeting_id: int | None = None,
    first_paragraph: int = 1,
    numbering: str | Numbering | None = None,  # by default as the kind: § in a protocol
    with_attendance: bool = True,
) -> Created:
    """Plan a meeting of one or more groups; the members on that day are listed as attendees."""
    ids = _check_groups(session, group_ids)
    check_times(start_time, end_time)
    meeting = Meeting(
        day=day,
        start_time=start_time,
        end_time=end_time,
        kind=_kind(kind),
        status=MeetingStatus.PLANNED.value,
        chair_id=_check_person(session, chair_id, "chair_id"),
        secretary_id=_check_person(session, secretary_id, "secretary_id"),
        adjuster_id=_check_person(session, adjuster_id, "adjuster_id"),
        previous_meeting_id=previous_meeting_id,
        first_paragraph=max(1, first_paragraph),
        numbering=check_numbering(numbering or Numbering.for_kind(_kind(kind) == "protocol")),
        revision_note="",
        sequence=0,
        **_clean_texts(title, place, online_link, secretary_title),
    )
    meeting.groups = [MeetingGroup(group_id=gid, position=i) for i, gid in enumerate(ids)]
    session.add(meeting)
    session.flush()
    if with_attendance:
        sync_members(session, meeting.id)
    return Created(meeting.id, CHANGED)


def update_meeting(
    session: Session,
    meeting_id: int,
    *,
    group_ids: Sequence[int] | _Keep = KEEP,
    day: date | _Keep = KEEP,
    start_time: time | None | _Keep = KEEP,
    end_time: time | None | _Keep = KEEP,
    kind: str | MeetingKind | _Keep = KEEP,
    title: str | _Keep = KEEP,
    place: str | _Keep = KEEP,
    online_link: str | _Keep = KEEP,
    chair_id: int | None | _Keep = KEEP,
    secretary_id: int | None | _Keep = KEEP,
    secretary_title: str | _Keep = KEEP,
    adjuster_id: int | None | _Keep = KEEP,
    first_paragraph: int | _Keep = KEEP,
) -> Changes:
    """Change the fields that are passed; every field left out keeps its stored value (an
    editor that has no title field must not blank a title that came from an import)."""
    meeting = editable_row(session, meeting_id)

    def pick(value: Any, current: Any) -> Any:
        return current if value is KEEP else value

    stored_groups = [g.group_id for g in sorted(meeting.groups, key=lambda g: g.position)]
    ids = _check_groups(session, pick(group_ids, stored_groups))
    new_day: date = pick(day, meeting.day)
    new_start: time | None = pick(start_time, meeting.start_time)
    new_end: time | None = pick(end_time, meeting.end_time)
    check_times(new_start, new_end)
    texts = _clean_texts(
        pick(title, meeting.title),
        pick(place, meeting.place),
        pick(online_link, meeting.online_link),
        pick(secretary_title, meeting.secretary_title),
    )
    moved = (meeting.day, meeting.start_time, meeting.end_time, meeting.place) != (
        new_day,
        new_start,
        new_end,
        texts["place"],
    )
    for key, value in texts.items():
        setattr(meeting, key, value)
    meeting.day, meeting.start_time, meeting.end_time = new_day, new_start, new_end
    meeting.kind = _kind(pick(kind, meeting.kind))
    for key, person in (
        ("chair_id", chair_id),
        ("secretary_id", secretary_id),
        ("adjuster_id", adjuster_id),
    ):
        if person is not KEEP:
            setattr(meeting, key, _check_person(session, person, key))
    meeting.first_paragraph = max(1, pick(first_paragraph, meeting.first_paragraph))
    if stored_groups != ids:
        meeting.groups = [MeetingGroup(group_id=gid, position=i) for i, gid in enumerate(ids)]
        moved = True
    if moved:
        meeting.sequence += 1  # a changed invitation replaces the old one in calendars
    session.flush()
    sync_members(session, meeting.id)
    return CHANGED


def delete_meeting(session: Session, meeting_id: int) -> Changes:
    from trygghetsrad.services.meetings.versions import has_sent_version

    meeting = get_row(session, meeting_id)
    if meeting.status == MeetingStatus.SENT.value or has_sent_version(session, meeting_id):
        raise UserError(
            by_kind(
                meeting.kind,
                tr("Mötet kan inte tas bort: protokollet är skickat och är en allmän handling."),
                tr(
                    "Mötet kan inte tas bort: minnesanteckningarna är skickade och är en "
                    "allmän handling."
                ),
            )
        )
    session.delete(meeting)
    session.flush()
    return CHANGED


# -- lifecycle ------------------------------------------------------------------------------


def start_minutes(session: Session, meeting_id: int) -> Changes:
    """planned → draft: the meeting is held and the minutes are being written."""
    meeting = get_row(session, meeting_id)
    if meeting.status != MeetingStatus.PLANNED.value:
        raise UserError(tr("Anteckningarna är redan påbörjade."))
    meeting.status = MeetingStatus.DRAFT.value
    session.flush()
    sync_members(session, meeting_id)  # membership may have changed since it was planned
    return CHANGED


def finalise(
    session: Session, meeting_id: int, *, on: date, adjuster_id: int | None = None
) -> Changes:
    """draft → finalised (*justerat*/*fastställt*); open actions followed up here are carried."""
    meeting = get_row(session, meeting_id)
    if meeting.status not in (MeetingStatus.PLANNED.value, MeetingStatus.DRAFT.value):
        raise UserError(
            by_kind(
                meeting.kind,
                tr("Protokollet är redan justerat."),
                tr("Minnesanteckningarna är redan fastställda."),
            )
        )
    if on < meeting.day:
        raise ValidationError(
            by_kind(
                meeting.kind,
                tr("Protokollet kan inte justeras före mötet."),
                tr("Minnesanteckningarna kan inte fastställas före mötet."),
            ),
            "finalised_on",
        )
    if adjuster_id is not None:
        meeting.adjuster_id = _check_person(session, adjuster_id, "adjuster_id")
    if meeting.kind == MeetingKind.PROTOCOL.value and meeting.adjuster_id is None:
        raise ValidationError(tr("Ett protokoll behöver en justerare."), "adjuster_id")
    meeting.status = MeetingStatus.FINALISED.value
    meeting.finalised_on = on
    session.flush()
    carry_open_actions(session, meeting_id)
    _keep_version(session, meeting_id, "finalised", on)
    return CHANGED


def _keep_version(session: Session, meeting_id: int, event: str, on: date) -> None:
    """Store the minutes as finalised or sent (issue 14.8: what was sent is kept)."""
    from trygghetsrad.domain.meetings.minutes_versions import VersionEvent
    from trygghetsrad.services.meetings.versions import record_version

    record_version(session, meeting_id, VersionEvent(event), on=on)


def unfinalise(session: Session, meeting_id: int) -> Changes:
    """finalised → draft, before the minutes have been sent."""
    meeting = get_row(session, meeting_id)
    if meeting.status != MeetingStatus.FINALISED.value:
        raise UserError(
            by_kind(
                meeting.kind,
                tr("Bara ett justerat protokoll som inte är skickat kan återöppnas så."),
                tr("Bara fastställda minnesanteckningar som inte är skickade kan återöppnas så."),
            )
        )
    meeting.status = MeetingStatus.DRAFT.value
    meeting.finalised_on = None
    session.flush()
    return CHANGED


def mark_sent(session: Session, meeting_id: int, *, on: date) -> Changes:
    meeting = get_row(session, meeting_id)
    if meeting.status != MeetingStatus.FINALISED.value:
        raise UserError(
            by_kind(
                meeting.kind,
                tr("Protokollet måste justeras innan det skickas."),
                tr("Minnesanteckningarna måste fastställas innan de skickas."),
            )
        )
    if meeting.finalised_on and on < meeting.finalised_on:
        raise ValidationError(
            by_kind(
                meeting.kind,
                tr("Protokollet kan inte skickas före justeringen."),
                tr("Minnesanteckningarna kan inte skickas före fastställandet."),
            ),
            "sent_on",
        )
    meeting.status = MeetingStatus.SENT.value
    meeting.sent_on = on
    session.flush()
    _keep_version(session, meeting_id, "sent", on)
    return CHANGED


def reopen_for_change(session: Session, meeting_id: int, *, note: str, on: date) -> Changes:
    """sent → draft with a recorded revision note; the PDF then shows the revision date."""
    meeting = get_row(session, meeting_id)
    if meeting.status != MeetingStatus.SENT.value:
        raise UserError(
            by_kind(
                meeting.kind,
                tr("Bara ett skickat protokoll öppnas för ändring."),
                tr("Bara skickade minnesanteckningar öppnas för ändring."),
            )
        )
    text = clean_text(note, field="note", label=tr("Vad som ändras"), required=True)
    check_plain_text(text, field="note", label=tr("Vad som ändras"))
    from trygghetsrad.services.meetings.versions import has_sent_version

    if not has_sent_version(session, meeting_id):  # sent before versions were kept
        _keep_version(session, meeting_id, "sent", meeting.sent_on or on)
    meeting.status = MeetingStatus.DRAFT.value
    meeting.revised_on = on
    history = meeting.revision_note
    entry = f"{on.isoformat()}: {text}"
    meeting.revision_note = f"{history}\n{entry}" if history else entry
    meeting.sequence += 1
    session.flush()
    return CHANGED


# -- next meetings --------------------------------------------------------------------------


def plan_next_meetings(
    session: Session, meeting_id: int, plans: Sequence[NextMeetingPlan]
) -> list[int]:
    """Create the planned meeting(s) named under "Nästa möte" (e.g. one per group)."""
    source = get_meeting(session, meeting_id)
    created = []
    for plan in plans:
        if plan.day <= source.day:
            raise ValidationError(tr("Nästa möte måste ligga efter detta möte."), "day")
        template = _template_for(session, plan.group_ids)
        # The meeting's own checks first, so that a field's error is named before the
        # duplicate; a refusal takes back this meeting only.
        with session.begin_nested():
            new = create_meeting(
                session,
                group_ids=plan.group_ids,
                day=plan.day,
                start_time=plan.start_time,
                end_time=plan.end_time,
                kind=plan.kind,
                place=plan.place,
                online_link=plan.online_link,
                secretary_id=source.secretary_id,
                secretary_title=source.secretary_title,
                previous_meeting_id=meeting_id,
            ).id
            _refuse_same_meeting_twice(session, plan, new)
        if template is not None:
            apply_template(session, new, template)
        created.append(new)
    return created


def _refuse_same_meeting_twice(session: Session, plan: NextMeetingPlan, new: int) -> None:
    """ "Nästa möte" twice must not plan the same meeting twice: the same groups on the same
    day (a meeting called off doesn't count)."""
    wanted = set(plan.group_ids)
    for other in list_meetings(session, start=plan.day, end=plan.day):
        if other.id != new and other.cancelled_on is None and set(other.group_ids) == wanted:
            raise ValidationError(
                tr("{groups} har redan ett möte {when}; ändra det i listan i stället.").format(
                    groups=other.groups_label, when=other.when
                ),
                "day",
            )


def _template_for(session: Session, group_ids: Sequence[int]) -> int | None:
    from trygghetsrad.db.models.meetings import AgendaTemplate

    if len(group_ids) != 1:
        return None
    return session.scalar(
        select(AgendaTemplate.id)
        .where(AgendaTemplate.group_id == group_ids[0])
        .order_by(AgendaTemplate.id)
    )


def count_meetings(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Meeting)) or 0)


def item_count(session: Session, meeting_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        )
        or 0
    )


def locate(session: Session, kind: str, record_id: int) -> tuple[int, int | None, int | None]:
    """Where a record of the meetings workspace is shown: (meeting id, agenda item id, action
    id). `kind` is a meeting, an agenda item, a note, a decision or an action (search hits,
    calendar items). A record that no longer exists is a UserError."""
    from trygghetsrad.db.models.meetings import ActionItem, AgendaNote, Decision

    if kind == "meeting":
        return get_row(session, record_id).id, None, None
    action_id = None
    item_id: int | None = None
    if kind == "agenda_item":
        item_id = record_id
    elif kind in ("agenda_note", "decision", "action_item"):
        models: dict[str, type[AgendaNote | Decision | ActionItem]] = {
            "agenda_note": AgendaNote,
            "decision": Decision,
            "action_item": ActionItem,
        }
        model = models[kind]
        item_id = session.scalar(select(model.item_id).where(model.id == record_id))
        action_id = record_id if kind == "action_item" else None
    meeting_id = (
        session.scalar(select(AgendaItem.meeting_id).where(AgendaItem.id == item_id))
        if item_id is not None
        else None
    )
    if meeting_id is None:
        raise UserError(tr("Posten finns inte längre; den kan ha tagits bort."))
    return meeting_id, item_id, action_id
