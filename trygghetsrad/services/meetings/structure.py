"""Agenda items as councils write them and attendance as it happened: an item's kind of
matter, presenter, Dnr, time slot, proposed decision, "handlingar kommer senare", numbering
and reference; a meeting's numbering style; a person's part of the meeting, their role for
that meeting and a note. Every update changes only the fields it is given."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Person
from trygghetsrad.db.models.meetings import AgendaItem, Meeting, MeetingGroup
from trygghetsrad.domain.changes import MEETINGS, Changes
from trygghetsrad.domain.meetings.agenda_structure import (
    MAX_ATTENDANCE_NOTE,
    MAX_CASE_NUMBER,
    MAX_MEETING_ROLE,
    MAX_PARTIAL,
    MAX_PRESENTER,
    ItemCategory,
    Numbering,
    check_numbering,
    check_presence_times,
    check_slot,
)
from trygghetsrad.domain.meetings.model import MAX_NOTE, check_plain_text
from trygghetsrad.domain.register import clean_text
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.agenda import editable_item as _item
from trygghetsrad.services.meetings.attendance import attendance_row
from trygghetsrad.services.meetings.read import KEEP, _Keep, editable_row, get_row

CHANGED = Changes.of(MEETINGS)


def _text(value: str, *, field: str, label: str, max_length: int) -> str:
    text = clean_text(value, field=field, label=label, max_length=max_length)
    return check_plain_text(text, field=field, label=label)


def _pick(value: Any, current: Any) -> Any:
    return current if value is KEEP else value


# -- the meeting ----------------------------------------------------------------------------


def set_numbering(
    session: Session,
    meeting_id: int,
    *,
    numbering: str | Numbering | _Keep = KEEP,
    group_by_category: bool | _Keep = KEEP,
    first_paragraph: int | _Keep = KEEP,
) -> Changes:
    """How the meeting's items are numbered and whether they stand under kind headings."""
    meeting = editable_row(session, meeting_id)
    meeting.numbering = check_numbering(_pick(numbering, meeting.numbering))
    meeting.group_by_category = bool(_pick(group_by_category, meeting.group_by_category))
    meeting.first_paragraph = max(1, int(_pick(first_paragraph, meeting.first_paragraph)))
    session.flush()
    return CHANGED


def suggested_first_paragraph(session: Session, meeting_id: int) -> int:
    """The § a meeting with § numbering continuing through the year starts from: one past
    the last § of the latest earlier meeting of the same groups that year (1 for the first)."""
    meeting = get_row(session, meeting_id)
    groups = {g.group_id for g in meeting.groups}
    earlier = session.scalars(
        select(Meeting)
        .join(MeetingGroup)
        .where(
            MeetingGroup.group_id.in_(groups),
            Meeting.id != meeting_id,
            Meeting.numbering == Numbering.PARAGRAPH_YEAR.value,
            func.strftime("%Y", Meeting.day) == f"{meeting.day.year:04d}",
            (Meeting.day < meeting.day)
            | ((Meeting.day == meeting.day) & (Meeting.id < meeting.id)),
        )
        .order_by(Meeting.day.desc(), Meeting.id.desc())
        .limit(1)
    ).first()
    if earlier is None:
        return 1
    numbered = sum(1 for i in earlier.items if not i.internal and not i.unnumbered)
    return earlier.first_paragraph + numbered


# -- an agenda item -------------------------------------------------------------------------


def update_item_details(
    session: Session,
    item_id: int,
    *,
    category: str | ItemCategory | _Keep = KEEP,
    presenter_id: int | None | _Keep = KEEP,
    presenter_text: str | _Keep = KEEP,
    case_number: str | _Keep = KEEP,
    slot_start: time | None | _Keep = KEEP,
    slot_end: time | None | _Keep = KEEP,
    proposal: str | _Keep = KEEP,
    papers_later: bool | _Keep = KEEP,
    unnumbered: bool | _Keep = KEEP,
    refers_to_id: int | None | _Keep = KEEP,
) -> Changes:
    """Change the item's structure fields that are passed. A presenter is a person of the
    register or a free text ("Josef, Polisen"): naming a person clears the text."""
    item = _item(session, item_id)
    if category is not KEEP:
        try:
            item.category = ItemCategory(category).value
        except ValueError:
            raise ValidationError(
                tr("Okänd typ av ärende: {value}.").format(value=category), "category"
            ) from None
    if presenter_id is not KEEP:
        if presenter_id is not None and session.get(Person, presenter_id) is None:
            raise ValidationError(tr("Personen finns inte längre."), "presenter")
        item.presenter_id = presenter_id
        if presenter_id is not None:
            item.presenter_text = ""
    if presenter_text is not KEEP:
        text = _text(
            presenter_text, field="presenter", label=tr("Föredragande"), max_length=MAX_PRESENTER
        )
        if text:
            item.presenter_id = None
        item.presenter_text = text
    if case_number is not KEEP:
        item.case_number = _text(
            case_number, field="case_number", label=tr("Diarienummer"), max_length=MAX_CASE_NUMBER
        )
    start, end = _pick(slot_start, item.slot_start), _pick(slot_end, item.slot_end)
    check_slot(start, end)
    item.slot_start, item.slot_end = start, end
    if proposal is not KEEP:
        item.proposal = _text(
            proposal, field="proposal", label=tr("Förslag till beslut"), max_length=MAX_NOTE
        )
    if papers_later is not KEEP:
        item.papers_later = bool(papers_later)
    if unnumbered is not KEEP:
        item.unnumbered = bool(unnumbered)
    if refers_to_id is not KEEP:
        item.refers_to_id = _check_reference(session, item, refers_to_id)
    session.flush()
    return CHANGED


def _check_reference(session: Session, item: AgendaItem, target_id: int | None) -> int | None:
    if target_id is None:
        return None
    if target_id == item.id:
        raise ValidationError(tr("En punkt kan inte hänvisa till sig själv."), "refers_to_id")
    target = session.get(AgendaItem, target_id)
    if target is None or target.meeting_id != item.meeting_id:
        raise ValidationError(
            tr("Punkten som hänvisningen gäller finns inte i samma möte."), "refers_to_id"
        )
    return target_id


# -- attendance -----------------------------------------------------------------------------


def update_attendance_details(
    session: Session,
    attendance_id: int,
    *,
    partial: str | _Keep = KEEP,
    present_from: time | None | _Keep = KEEP,
    present_to: time | None | _Keep = KEEP,
    meeting_role: str | _Keep = KEEP,
    note: str | _Keep = KEEP,
) -> Changes:
    """Attendance as it happened, for this meeting only: what part of it the person was
    there for ("t.o.m. punkt 5", arrival and leaving times), a role for this meeting
    ("tjänstgörande ordförande") and a note. The register's title and role stay as they are."""
    row = attendance_row(session, attendance_id)
    if partial is not KEEP:
        row.partial = _text(
            partial, field="partial", label=tr("Del av mötet"), max_length=MAX_PARTIAL
        )
    arrived, left = _pick(present_from, row.present_from), _pick(present_to, row.present_to)
    check_presence_times(arrived, left)
    row.present_from, row.present_to = arrived, left
    if meeting_role is not KEEP:
        row.meeting_role = _text(
            meeting_role,
            field="meeting_role",
            label=tr("Roll vid mötet"),
            max_length=MAX_MEETING_ROLE,
        )
    if note is not KEEP:
        row.note = _text(note, field="note", label=tr("Notering"), max_length=MAX_ATTENDANCE_NOTE)
    session.flush()
    return CHANGED
