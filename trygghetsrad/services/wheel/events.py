"""The annual wheel's use cases: events with recurrence and exceptions, the year's items (own
events plus everything the calendar feed collects) and starting next year's plan. The rings
(`wheel_categories`) and the plans (`wheel_plan`) have their own modules, named here too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from trygghetsrad.db.models.wheel import WheelCategory as CategoryRow
from trygghetsrad.db.models.wheel import WheelEvent as EventRow
from trygghetsrad.db.models.wheel import WheelEventException as ExceptionRow
from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.changes import WHEEL, Changes, Created
from trygghetsrad.domain.dates import date_span
from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.domain.wheel.geometry import Span
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr

# The rings' and the plans' use cases, named here too: `services.wheel.events` stays the one door.
from trygghetsrad.services.wheel.categories import _category_row as _category_row
from trygghetsrad.services.wheel.categories import create_category as create_category
from trygghetsrad.services.wheel.categories import delete_category as delete_category
from trygghetsrad.services.wheel.categories import list_categories as list_categories
from trygghetsrad.services.wheel.categories import reorder_categories as reorder_categories
from trygghetsrad.services.wheel.categories import set_category_visible as set_category_visible
from trygghetsrad.services.wheel.categories import update_category as update_category
from trygghetsrad.services.wheel.plan import _log_change as _log_change
from trygghetsrad.services.wheel.plan import _plan_row as _plan_row
from trygghetsrad.services.wheel.plan import add_plan_change as add_plan_change
from trygghetsrad.services.wheel.plan import adopt_plan as adopt_plan
from trygghetsrad.services.wheel.plan import get_plan as get_plan
from trygghetsrad.services.wheel.plan import log_added as log_added
from trygghetsrad.services.wheel.plan import reopen_plan as reopen_plan
from trygghetsrad.services.wheel.plan import set_start_month as set_start_month
from trygghetsrad.services.wheel.plan import years_with_content as years_with_content

CHANGED = Changes.of(WHEEL)


# -- events --------------------------------------------------------------------------------------


def _event(row: EventRow, keys: dict[int, str]) -> dw.WheelEvent:
    return dw.WheelEvent(
        id=row.id,
        title=row.title,
        category=keys[row.category_id],
        start=row.start_date,
        end=row.end_date,
        start_time=row.start_time,
        end_time=row.end_time,
        place=row.place,
        description=row.description,
        responsible=row.responsible,
        internal=row.internal,
        recurrence=dw.Recurrence(
            dw.Frequency(row.frequency), row.interval, row.until, row.count, row.nth, row.week
        ),
        exceptions=tuple(
            dw.OccurrenceException(e.original_date, e.cancelled, e.new_start, e.new_end)
            for e in sorted(row.exceptions, key=lambda e: e.original_date)
        ),
    )


def _keys(session: Session) -> dict[int, str]:
    return {ident: key for ident, key in session.execute(select(CategoryRow.id, CategoryRow.key))}


def list_events(
    session: Session, *, between: tuple[date, date] | None = None
) -> list[dw.WheelEvent]:
    """Every event; with `between`, only those that can have an occurrence in that span
    (recurring ones, ones overlapping it, and ones with exceptions that may move them)."""
    keys = _keys(session)
    query = select(EventRow).options(selectinload(EventRow.exceptions))  # not one per event
    if between is not None:
        first, last = between
        query = query.where(
            or_(
                EventRow.frequency != "none",
                and_(
                    EventRow.start_date <= last,
                    func.coalesce(EventRow.end_date, EventRow.start_date) >= first,
                ),
                EventRow.exceptions.any(),
            )
        )
    rows = session.scalars(query.order_by(EventRow.start_date, EventRow.id))
    return [_event(r, keys) for r in rows]


def get_event(session: Session, event_id: int) -> dw.WheelEvent:
    row = session.get(EventRow, event_id)
    if row is None:
        raise UserError(tr("Händelsen finns inte längre."))
    return _event(row, _keys(session))


def _apply(
    session: Session,
    row: EventRow,
    *,
    title: str,
    category: str,
    start: date,
    end: date | None,
    start_time: time | None,
    end_time: time | None,
    place: str,
    description: str,
    responsible: str,
    internal: bool,
    recurrence: dw.Recurrence,
) -> None:
    if end == start:
        end = None
    dw.validate_span(start, end, start_time, end_time)
    dw.validate_recurrence(recurrence, start)
    row.title = dw.clean_text(title, "title", tr("Rubriken"), required=True, limit=dw.TITLE_MAX)
    row.category_id = _category_row(session, category).id
    row.start_date, row.end_date = start, end
    row.start_time, row.end_time = start_time, end_time
    row.place = dw.clean_text(place, "place", tr("Platsen"), required=False, limit=200)
    row.description = dw.clean_text(
        description, "description", tr("Beskrivningen"), required=False, limit=dw.TEXT_MAX
    )
    row.responsible = dw.clean_text(
        responsible, "responsible", tr("Ansvarig"), required=False, limit=200
    )
    row.internal = bool(internal)
    row.frequency = recurrence.frequency.value
    row.interval = recurrence.interval
    row.until, row.count = recurrence.until, recurrence.count
    row.nth = recurrence.nth if recurrence.frequency is dw.Frequency.MONTHLY_NTH else None
    row.week = recurrence.week if recurrence.frequency is dw.Frequency.YEARLY_WEEK else None


def create_event(
    session: Session,
    *,
    title: str,
    category: str,
    start: date,
    end: date | None = None,
    start_time: time | None = None,
    end_time: time | None = None,
    place: str = "",
    description: str = "",
    responsible: str = "",
    internal: bool = False,
    recurrence: dw.Recurrence | None = None,
    uid: str | None = None,
) -> Created:
    row = EventRow(uid=uid, sequence=0)
    _apply(
        session,
        row,
        title=title,
        category=category,
        start=start,
        end=end,
        start_time=start_time,
        end_time=end_time,
        place=place,
        description=description,
        responsible=responsible,
        internal=internal,
        recurrence=recurrence or dw.Recurrence(),
    )
    session.add(row)
    session.flush()
    _log_change(
        session,
        start,
        tr("Tillagt: {title} ({when})").format(title=row.title, when=date_span(start, end)),
    )
    return Created(row.id, CHANGED)


def update_event(session: Session, event_id: int, **fields: object) -> Changes:
    """Change any of create_event's fields; fields not given keep their value."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise UserError(tr("Händelsen finns inte längre."))
    before = _event(row, _keys(session))
    current: dict[str, Any] = {
        "title": before.title,
        "category": before.category,
        "start": before.start,
        "end": before.end,
        "start_time": before.start_time,
        "end_time": before.end_time,
        "place": before.place,
        "description": before.description,
        "responsible": before.responsible,
        "internal": before.internal,
        "recurrence": before.recurrence,
    }
    unknown = set(fields) - set(current)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    current.update(fields)
    _apply(session, row, **current)
    after = _event(row, _keys(session))
    if replace(after, exceptions=()) != replace(before, exceptions=()):
        row.sequence += 1
        if (after.start, after.end) != (before.start, before.end):
            text = tr("Flyttat: {title} från {old} till {new}").format(
                title=after.title,
                old=date_span(before.start, before.end),
                new=date_span(after.start, after.end),
            )
        else:
            text = tr("Ändrat: {title} ({when})").format(
                title=after.title, when=date_span(after.start, after.end)
            )
        _log_change(session, after.start, text)
    session.flush()
    return CHANGED


def delete_event(session: Session, event_id: int) -> Changes:
    row = session.get(EventRow, event_id)
    if row is None:
        return Changes()
    _log_change(
        session,
        row.start_date,
        tr("Borttaget: {title} ({when})").format(
            title=row.title, when=date_span(row.start_date, row.end_date)
        ),
    )
    session.delete(row)
    session.flush()
    return CHANGED


def restore_event(session: Session, event: dw.WheelEvent, uid: str | None = None) -> Created:
    """Re-create a deleted event with its exceptions (undo of a delete)."""
    created = create_event(
        session,
        title=event.title,
        category=event.category,
        start=event.start,
        end=event.end,
        start_time=event.start_time,
        end_time=event.end_time,
        place=event.place,
        description=event.description,
        responsible=event.responsible,
        internal=event.internal,
        recurrence=event.recurrence,
        uid=uid,
    )
    set_exceptions(session, created.id, event.exceptions)
    return created


def set_exceptions(
    session: Session, event_id: int, exceptions: tuple[dw.OccurrenceException, ...]
) -> None:
    """Replace the series' cancelled and moved occurrences with `exceptions` (undo of a
    delete; a series read again from a calendar file)."""
    row = session.get(EventRow, event_id)
    assert row is not None
    row.exceptions.clear()
    session.flush()
    for exc in exceptions:
        row.exceptions.append(
            ExceptionRow(
                original_date=exc.original,
                cancelled=exc.cancelled,
                new_start=exc.new_start,
                new_end=exc.new_end,
            )
        )
    session.flush()


def _exception_row(
    session: Session, event_id: int, original: date
) -> tuple[EventRow, ExceptionRow]:
    row = session.get(EventRow, event_id)
    if row is None:
        raise UserError(tr("Händelsen finns inte längre."))
    if row.frequency == dw.Frequency.NONE.value:
        raise UserError(tr("Händelsen upprepas inte; ändra den direkt i stället."))
    event = _event(row, _keys(session))
    if original not in dw.occurrence_dates(event, original, original):
        raise ValidationError(tr("Det finns inget tillfälle det datumet."), "original")
    exc = next((e for e in row.exceptions if e.original_date == original), None)
    if exc is None:
        exc = ExceptionRow(original_date=original, cancelled=False)
        row.exceptions.append(exc)
    return row, exc


def move_occurrence(
    session: Session, event_id: int, original: date, new_start: date, new_end: date | None = None
) -> Changes:
    """Move one occurrence of a series; the others stay."""
    if new_end is not None and new_end < new_start:
        raise ValidationError(tr("Slutdatum kan inte ligga före startdatum."), "end")
    row, exc = _exception_row(session, event_id, original)
    exc.cancelled = False
    exc.new_start, exc.new_end = new_start, new_end
    row.sequence += 1
    _log_change(
        session,
        new_start,
        tr("Flyttat: {title} från {old} till {new}").format(
            title=row.title, old=date_span(original, None), new=date_span(new_start, new_end)
        ),
    )
    session.flush()
    return CHANGED


def cancel_occurrence(session: Session, event_id: int, original: date) -> Changes:
    row, exc = _exception_row(session, event_id, original)
    exc.cancelled = True
    exc.new_start = exc.new_end = None
    row.sequence += 1
    _log_change(
        session,
        original,
        tr("Inställt: {title} {when}").format(title=row.title, when=date_span(original, None)),
    )
    session.flush()
    return CHANGED


def restore_occurrence(session: Session, event_id: int, original: date) -> Changes:
    row = session.get(EventRow, event_id)
    if row is None:
        raise UserError(tr("Händelsen finns inte längre."))
    for exc in list(row.exceptions):
        if exc.original_date == original:
            row.exceptions.remove(exc)
    row.sequence += 1
    session.flush()
    return CHANGED


def sequences(session: Session) -> dict[int, int]:
    return {ident: seq for ident, seq in session.execute(select(EventRow.id, EventRow.sequence))}


# -- the year's items ----------------------------------------------------------------------------


def own_items(session: Session, start: date, end: date) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    for event in list_events(session, between=(start, end)):
        items.extend(dw.expand(event, start, end))
    return items


def items_in(
    session: Session, start: date, end: date, *, include_internal: bool = True
) -> list[CalendarItem]:
    """The wheel's own occurrences and every owned item from the calendar feed, by date."""
    from trygghetsrad.domain.internal import visible
    from trygghetsrad.services.wheel import calendar_feed

    items = own_items(session, start, end) + calendar_feed.items_between(session, start, end)
    return dw.sort_items(visible(items, include_internal))


def year_span(session: Session, year: int) -> Span:
    return Span.year(year, get_plan(session, year).start_month)


def year_items(session: Session, year: int, *, include_internal: bool = True) -> list[CalendarItem]:
    span = year_span(session, year)
    return items_in(session, span.start, span.last, include_internal=include_internal)


# -- the next year ---------------------------------------------------------------------------


def start_next_year(session: Session, year: int) -> Changes:
    """Open a draft for year + 1: series keep running (an end date inside `year` is lifted),
    and one-off events of `year` are copied to the same ISO week and weekday next year."""
    target = year + 1
    if _plan_row(session, target) is not None and session.scalar(
        select(func.count())
        .select_from(EventRow)
        .where(EventRow.start_date >= Span.year(target, year_span(session, year).start.month).start)
    ):
        raise UserError(tr("Planen för {year} är redan påbörjad.").format(year=target))
    span = year_span(session, year)
    _plan_row(session, target, create=True)
    next_span = Span.year(target, span.start.month)
    keys = _keys(session)
    for row in list(session.scalars(select(EventRow))):
        if row.frequency != dw.Frequency.NONE.value:
            if row.until is not None and span.contains(row.until):
                row.until = next_span.last
            continue
        if not span.contains(row.start_date):
            continue
        event = _event(row, keys)
        new_start = _same_week_next_year(event.start)
        new_end = new_start + event.duration if event.end else None
        create_event(
            session,
            title=event.title,
            category=event.category,
            start=new_start,
            end=new_end,
            start_time=event.start_time,
            end_time=event.end_time,
            place=event.place,
            description=event.description,
            responsible=event.responsible,
            internal=event.internal,
        )
    session.flush()
    return CHANGED


def _same_week_next_year(day: date) -> date:
    iso_year, week, weekday = day.isocalendar()
    try:
        return date.fromisocalendar(iso_year + 1, week, weekday)
    except ValueError:  # week 53 does not exist next year
        return date.fromisocalendar(iso_year + 1, 52, weekday)
