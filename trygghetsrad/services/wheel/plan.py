"""The annual wheel's plan of each year: draft or adopted (when, by whom, with reservation),
the month its year begins, and the list of changes made after it was adopted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.wheel import WheelEvent as EventRow
from trygghetsrad.db.models.wheel import WheelPlan as PlanRow
from trygghetsrad.db.models.wheel import WheelPlanChange as PlanChangeRow
from trygghetsrad.domain.changes import WHEEL, Changes
from trygghetsrad.domain.dates import date_span
from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.domain.wheel.geometry import Span
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

CHANGED = Changes.of(WHEEL)


def _plan_row(session: Session, year: int, create: bool = False) -> PlanRow | None:
    row = session.scalar(select(PlanRow).where(PlanRow.year == year))
    if row is None and create:
        start_month = 1
        previous = session.scalar(select(PlanRow).where(PlanRow.year == year - 1))
        if previous is not None:
            start_month = previous.start_month
        row = PlanRow(
            year=year,
            status=dw.PlanStatus.DRAFT.value,
            adopted_by="",
            reservation=True,
            start_month=start_month,
        )
        session.add(row)
        session.flush()
    return row


def get_plan(session: Session, year: int) -> dw.WheelPlan:
    row = _plan_row(session, year)
    if row is None:
        previous = _plan_row(session, year - 1)
        return dw.WheelPlan(year, start_month=previous.start_month if previous else 1)
    return dw.WheelPlan(
        year=row.year,
        status=dw.PlanStatus(row.status),
        adopted_on=row.adopted_on,
        adopted_by=row.adopted_by,
        reservation=row.reservation,
        start_month=row.start_month,
        changes=tuple(dw.PlanChange(c.id, c.changed_on, c.text) for c in row.changes),
    )


def adopt_plan(
    session: Session, year: int, *, adopted_on: date, adopted_by: str, reservation: bool = True
) -> Changes:
    row = _plan_row(session, year, create=True)
    assert row is not None
    row.status = dw.PlanStatus.ADOPTED.value
    row.adopted_on = adopted_on
    row.adopted_by = dw.clean_text(
        adopted_by, "adopted_by", tr("Fastställt av"), required=False, limit=200
    )
    row.reservation = reservation
    session.flush()
    return CHANGED


def reopen_plan(session: Session, year: int) -> Changes:
    row = _plan_row(session, year, create=True)
    assert row is not None
    row.status = dw.PlanStatus.DRAFT.value
    row.adopted_on = None
    session.flush()
    return CHANGED


def set_start_month(session: Session, year: int, month: int) -> Changes:
    if not 1 <= month <= 12:
        raise ValidationError(tr("Välj en månad mellan januari och december."), "start_month")
    row = _plan_row(session, year, create=True)
    assert row is not None
    row.start_month = month
    session.flush()
    return CHANGED


def add_plan_change(
    session: Session, year: int, text: str, changed_on: date | None = None
) -> Changes:
    row = _plan_row(session, year, create=True)
    assert row is not None
    text = dw.clean_text(text, "text", tr("Ändringen"), required=True, limit=1000)
    row.changes.append(PlanChangeRow(changed_on=changed_on or date.today(), text=text))
    session.flush()
    return CHANGED


def log_added(session: Session, added: list[tuple[str, date, date | None]]) -> None:
    """The change log line of `create_event` for many new events at once (title, start, end)."""
    from sqlalchemy import insert

    plans = [
        (row, Span.year(row.year, row.start_month))
        for row in session.scalars(
            select(PlanRow).where(PlanRow.status == dw.PlanStatus.ADOPTED.value)
        )
    ]
    if not plans:
        return
    today = date.today()
    lines = [
        {
            "plan_id": row.id,
            "changed_on": today,
            "text": tr("Tillagt: {title} ({when})").format(title=title, when=date_span(start, end)),
        }
        for title, start, end in added
        for row, span in plans
        if span.contains(start)
    ]
    if lines:
        session.execute(insert(PlanChangeRow), lines)
        for row, _span in plans:
            session.expire(row, ["changes"])


def _log_change(session: Session, day: date, text: str) -> None:
    """Changes to an adopted year's plan are listed with the plan."""
    for row in session.scalars(
        select(PlanRow).where(PlanRow.status == dw.PlanStatus.ADOPTED.value)
    ):
        span = Span.year(row.year, row.start_month)
        if span.contains(day):
            row.changes.append(PlanChangeRow(changed_on=date.today(), text=text))


def years_with_content(session: Session) -> list[int]:
    years = {r for r in session.scalars(select(PlanRow.year))}
    first = session.scalar(select(func.min(EventRow.start_date)))
    last = session.scalar(select(func.max(EventRow.start_date)))
    if first and last:
        years.update(range(first.year, last.year + 1))
    return sorted(years)
