"""Example annual wheel for the previous and the current year, modelled on the reference minutes:
Kulturnatten in late May, End of summer meet (18+) at the end of August, a drug-prevention
campaign in week 10, wastewater sampling four times a year, laws entering into force 1 July,
night walks on summer Fridays and the school year. The previous year's plan is adopted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any  # the example records are keyword arguments of the services

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.domain import calendar_items as ci
from trygghetsrad.domain.wheel.model import Frequency, Recurrence
from trygghetsrad.services.wheel import events as wheel


def _last_weekday(year: int, month: int, weekday: int) -> date:
    day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _first_weekday(year: int, month: int, weekday: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def fill(session: Session, ctx: DemoContext) -> None:
    y1 = ctx.year
    y0 = y1 - 1
    school_key = _school_ring(session)
    add = _adder(session)
    wastewater = _series(add, y0, school_key)
    for year in (y0, y1):
        _year(add, year, y0, school_key)
    add(
        "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete träder i kraft",
        ci.LAW_CHANGES,
        date(2023, 7, 1),
    )
    _plans(session, y0, y1, wastewater)
    ctx.extra["wheel_wastewater_event"] = wastewater


Add = Callable[..., int]  # title, category, start, end=None, **the event's other fields


def _adder(session: Session) -> Add:
    def add(title: str, category: str, start: date, end: date | None = None, **kw: Any) -> int:
        return wheel.create_event(
            session, title=title, category=category, start=start, end=end, **kw
        ).id

    return add


def _school_ring(session: Session) -> str:
    """A ring for the school year, just inside the events ring; its key."""
    school = wheel.create_category(session, name="Skolåret", color="#3f8f4f").id
    ids = [c.id for c in wheel.list_categories(session)]
    ids.remove(school)
    ids.insert(2, school)
    wheel.reorder_categories(session, ids)
    return next(c.key for c in wheel.list_categories(session) if c.id == school)


def _series(add: Add, y0: int, school_key: str) -> int:
    """Series that run through both years; the wastewater measurement's id."""
    add(
        "Kampanjvecka ANDT – Drogfri",
        ci.CAMPAIGNS,
        date.fromisocalendar(y0, 10, 1),
        date.fromisocalendar(y0, 10, 7),
        description="Gemensamt innehåll i skolor, fritidsgårdar och sociala medier.",
        responsible="Samordnare för Trygghetsrådet",
        recurrence=Recurrence(Frequency.YEARLY_WEEK, week=10),
    )
    wastewater = add(
        "Avloppsvattenmätning narkotika",
        ci.MEASUREMENTS,
        date(y0, 2, 9),
        date(y0, 2, 15),
        place="Reningsverket",
        description="Provtagning en vecka; analys av narkotikarester i avloppsvatten.",
        responsible="Miljöenheten",
        recurrence=Recurrence(Frequency.MONTHLY, interval=3),
    )
    add(
        "Lagändringar träder i kraft",
        ci.LAW_CHANGES,
        date(y0, 7, 1),
        description="Se över lägesbild och åtgärdsplan mot nya regler som gäller från 1 juli.",
        recurrence=Recurrence(Frequency.YEARLY),
    )
    add(
        "Höstlov",
        school_key,
        date.fromisocalendar(y0, 44, 1),
        date.fromisocalendar(y0, 44, 5),
        recurrence=Recurrence(Frequency.YEARLY_WEEK, week=44),
    )
    add(
        "Sportlov",
        school_key,
        date.fromisocalendar(y0, 9, 1),
        date.fromisocalendar(y0, 9, 5),
        recurrence=Recurrence(Frequency.YEARLY_WEEK, week=9),
    )
    return wastewater


# size-exception: one year's events of the example wheel, one literal call each.
def _year(add: Add, year: int, y0: int, school_key: str) -> None:
    """The events of one year (the previous year has the dates the reference minutes name)."""
    add(
        "Livesändning för vårdnadshavare",
        ci.EVENTS,
        _first_weekday(year, 9, 1) + timedelta(days=7),
        start_time=time(18, 30),
        end_time=time(19, 30),
        place="Polisens Facebooksida",
        description="Polisen sänder live med tema; samordnaren sprider till vårdnadshavare.",
        responsible="Lokalpolisområdet",
        recurrence=Recurrence(Frequency.MONTHLY_NTH, nth=2, count=3),
    )
    # The previous year has the dates the reference minutes name (26 May, 25–27 Aug).
    friday = date(year, 5, 26) if year == y0 else _last_weekday(year, 5, 4)
    add(
        "Kulturnatten",
        ci.EVENTS,
        friday,
        start_time=time(17),
        end_time=time(23),
        place="Centrum",
        description="Medborgardialog under evenemanget; kommunpolis och samordnare ansvarar.",
        responsible="Kultur och fritid",
    )
    add(
        "Medborgardialog på Kulturnatten",
        ci.EVENTS,
        friday,
        start_time=time(18),
        end_time=time(20),
        responsible="Samordnare och kommunpolis",
    )
    meet = date(year, 8, 25) if year == y0 else _last_weekday(year, 8, 4)
    add(
        "End of summer meet (18 år)",
        ci.EVENTS,
        meet,
        meet + timedelta(days=2),
        place="Folkets park",
        description="Åldersgräns 18 år. Polisens närvaro efterfrågad; samverkan planeras i god tid.",
        responsible="Fritidsförvaltningen",
    )
    add(
        "Nattvandring",
        ci.EVENTS,
        _first_weekday(year, 6, 4),
        start_time=time(20),
        end_time=time(23, 30),
        place="Centrum och stationsområdet",
        description="Föräldrar och civilsamhälle vandrar fredagskvällar under sommaren.",
        responsible="Föreningen Vuxna på stan",
        recurrence=Recurrence(Frequency.WEEKLY, until=_last_weekday(year, 8, 4)),
    )
    add(
        "Sommarlov",
        school_key,
        _first_weekday(year, 6, 4) + timedelta(days=8),
        date(year, 8, 16),
    )
    add("Skolstart", school_key, _first_weekday(year, 8, 0) + timedelta(days=14))
    add("Jullov börjar", school_key, date(year, 12, 19))
    add(
        "Trygghetsvandring i centrum",
        ci.EVENTS,
        _first_weekday(year, 10, 1),
        start_time=time(18),
        end_time=time(20),
        responsible="Bostadsbolaget och polisen",
    )
    add(
        "Trygghetsmätning (medborgarenkät)",
        ci.MEASUREMENTS,
        date(year, 9, 15),
        date(year, 10, 15),
        responsible="Samordnare för Trygghetsrådet",
    )
    add(
        "Elevenkät (CAN)",
        ci.MEASUREMENTS,
        _first_weekday(year, 3, 0) + timedelta(days=14),
        _first_weekday(year, 3, 0) + timedelta(days=18),
        responsible="Elevhälsan",
    )
    add(
        "Planeringsdag Trygghetsrådet",
        ci.MEETINGS,
        _first_weekday(year, 1, 2) + timedelta(days=14),
        internal=True,
        description="Intern förberedelse av årshjul och lägesbild.",
    )
    add(
        "Lägesbild och åtgärdsplan till kommunstyrelsen",
        ci.DEADLINES,
        date(year, 11, 30),
        responsible="Samordnare för Trygghetsrådet",
    )


def _plans(session: Session, y0: int, y1: int, wastewater: int) -> None:
    """Last year's wheel adopted in February, with corrections during the year."""
    wheel.adopt_plan(
        session,
        y0,
        adopted_on=date(y0, 2, 12),
        adopted_by="Trygghetsrådet",
        reservation=True,
    )
    original = date(y0, 8, 9)
    wheel.move_occurrence(session, wastewater, original, date(y0, 8, 16), date(y0, 8, 22))
    plan_rows = wheel._plan_row(session, y0)
    assert plan_rows is not None
    for change in plan_rows.changes:
        change.changed_on = date(y0, 6, 3)
    wheel.add_plan_change(
        session,
        y0,
        "Kulturnatten bekräftad till sista fredagen i maj; medborgardialog läggs till.",
        date(y0, 4, 20),
    )
    wheel.set_start_month(session, y1, 1)
