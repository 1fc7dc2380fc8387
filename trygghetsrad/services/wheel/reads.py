"""What the Årshjul window reads: each function opens its own short session.

The window never opens a session itself; it asks here (reads) or edits through the
journal (`services/journal.py`). Every function is safe in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.wheel import model as dw

if TYPE_CHECKING:
    from trygghetsrad.db.engine import Database
    from trygghetsrad.services.wheel.extra import Suggestion


@dataclass(frozen=True)
class YearContents:
    """Everything the page shows for a year, read in one session."""

    categories: list[dw.WheelCategory]
    plan: dw.WheelPlan
    items: list[CalendarItem]


def year_contents(database: Database, year: int) -> YearContents:
    from trygghetsrad.services.wheel import events as wheel

    with database.session() as s:
        return YearContents(
            wheel.list_categories(s), wheel.get_plan(s, year), wheel.year_items(s, year)
        )


def event(database: Database, event_id: int) -> dw.WheelEvent:
    """An event of the wheel; a `UserError` if it is gone."""
    from trygghetsrad.services.wheel import events as wheel

    with database.session() as s:
        return wheel.get_event(s, event_id)


def document(database: Database, year: int, *, include_internal: bool) -> dw.WheelDocument:
    """The year as the poster, the pictures and the calendar file print it."""
    from trygghetsrad.services.wheel.extra import wheel_document

    with database.session() as s:
        return wheel_document(s, year, include_internal=include_internal)


def minutes_suggestions(database: Database, year: int) -> list[Suggestion]:
    """Dates mentioned in the minutes and notes of the year's meetings."""
    from trygghetsrad.services.wheel.extra import suggestions_from_minutes

    with database.session() as s:
        return suggestions_from_minutes(s, year)


def text_suggestions(database: Database, year: int, text: str, source: str) -> list[Suggestion]:
    """Dates found in pasted text, each marked when the wheel has it already."""
    from trygghetsrad.services.wheel import events as wheel
    from trygghetsrad.services.wheel.extra import suggest_from_text

    with database.session() as s:
        existing = wheel.items_in(s, date(year - 1, 1, 1), date(year + 1, 12, 31))
    return suggest_from_text(text, year, existing, source)


def categories(database: Database) -> list[dw.WheelCategory]:
    """The rings, outermost first."""
    from trygghetsrad.services.wheel import events as wheel

    with database.session() as s:
        return wheel.list_categories(s)
