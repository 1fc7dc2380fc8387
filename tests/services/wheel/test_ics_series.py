"""Recurring series from Outlook (RRULE, EXDATE, moved occurrences with RECURRENCE-ID, its
own VTIMEZONE) reach the wheel occurrence by occurrence as `recurring-ical-events` expands
them: as one recurring event with exceptions where the wheel's recurrence says the same,
as single events where it can't; the summary says what became what."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from outlook_ics import OUTLOOK_ZONE

from trygghetsrad.domain.wheel.model import Frequency
from trygghetsrad.services.wheel import events as wheel
from trygghetsrad.services.wheel import extra as wheel_extra

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ZONE = OUTLOOK_ZONE
TZ = "TZID=W. Europe Standard Time"

WEEKLY_WITH_EXDATE = f"""BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000A1
SUMMARY:Samverkansmöte polis och skola
DTSTART;{TZ}:20260303T100000
DTEND;{TZ}:20260303T113000
RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU;WKST=MO
EXDATE;{TZ}:20260331T100000
LOCATION:Kommunhuset
END:VEVENT
"""
SECOND_TUESDAY = f"""BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000B2
SUMMARY:Trygghetsrådet
DTSTART;{TZ}:20260113T130000
DTEND;{TZ}:20260113T150000
RRULE:FREQ=MONTHLY;UNTIL=20261208T120000Z;INTERVAL=1;BYDAY=TU;BYSETPOS=2;WKST=SU
END:VEVENT
"""
MOVED = f"""BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000C3
SUMMARY:Nattvandring
DTSTART;{TZ}:20260904T200000
DTEND;{TZ}:20260904T230000
RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=6;BYDAY=FR
END:VEVENT
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000C3
RECURRENCE-ID;{TZ}:20261002T200000
SUMMARY:Nattvandring
DTSTART;{TZ}:20261003T200000
DTEND;{TZ}:20261003T230000
END:VEVENT
"""
MOVED_TIME = f"""BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000D4
SUMMARY:Klara-gruppen
DTSTART;{TZ}:20260210T090000
DTEND;{TZ}:20260210T100000
RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU
END:VEVENT
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000D4
RECURRENCE-ID;{TZ}:20260217T090000
SUMMARY:Klara-gruppen
DTSTART;{TZ}:20260217T140000
DTEND;{TZ}:20260217T150000
END:VEVENT
"""
TWO_DAYS = f"""BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000E5
SUMMARY:Fältarbete
DTSTART;{TZ}:20260406T160000
DTEND;{TZ}:20260406T180000
RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO,WE
END:VEVENT
"""
NO_START = """BEGIN:VEVENT
UID:utan-start
SUMMARY:Inget datum
END:VEVENT
"""


def _calendar(*events: str) -> bytes:
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\n"
    text += ZONE + "".join(events) + "END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode()


def _as_outlook_means_it(data: bytes) -> list[tuple[date, time | None, time | None]]:
    """Every occurrence as recurring-ical-events expands the file, in Swedish local time."""
    calendar = icalendar.Calendar.from_ical(data)
    found = []
    for occurrence in recurring_ical_events.of(calendar).between(
        date(2025, 1, 1), date(2028, 1, 1)
    ):
        start = occurrence["DTSTART"].dt.astimezone(STOCKHOLM)
        end = occurrence["DTEND"].dt.astimezone(STOCKHOLM)
        found.append((start.date(), start.time(), end.time()))
    return sorted(found)


def _on_the_wheel(session, title: str) -> list[tuple[date, time | None, time | None]]:  # type: ignore[no-untyped-def]
    items = wheel.items_in(session, date(2025, 1, 1), date(2027, 12, 31))
    return sorted((i.start, i.start_time, i.end_time) for i in items if i.title == title)


def test_weekly_series_of_ten_with_one_exdate_gives_nine_occurrences(session) -> None:  # type: ignore[no-untyped-def]
    data = _calendar(WEEKLY_WITH_EXDATE)
    result = wheel_extra.import_ics(session, data)
    occurrences = _on_the_wheel(session, "Samverkansmöte polis och skola")
    assert len(occurrences) == 9 and date(2026, 3, 31) not in [o[0] for o in occurrences]
    assert occurrences == _as_outlook_means_it(data)
    assert occurrences[0] == (date(2026, 3, 3), time(10), time(11, 30))
    assert result.created == 1  # one recurring event, not nine copies
    (event,) = [e for e in _events(session) if e.title == "Samverkansmöte polis och skola"]
    assert event.recurrence.frequency is Frequency.WEEKLY and event.recurrence.count == 10
    assert [(x.original, x.cancelled) for x in event.exceptions] == [(date(2026, 3, 31), True)]
    assert result.summary()[1] == (
        "Serien ”Samverkansmöte polis och skola” (9 tillfällen) blev en återkommande händelse"
        " med 1 undantag."
    )


def _events(session):  # type: ignore[no-untyped-def]
    from trygghetsrad.db.models.wheel import WheelEvent

    return [wheel.get_event(session, row.id) for row in session.query(WheelEvent)]


def test_the_second_tuesday_of_every_month_and_a_moved_occurrence(session) -> None:  # type: ignore[no-untyped-def]
    data = _calendar(SECOND_TUESDAY, MOVED)
    result = wheel_extra.import_ics(session, data)
    assert result.created == 2 and [s.recurring for s in result.series] == [True, True]
    monthly = _on_the_wheel(session, "Trygghetsrådet")
    walks = _on_the_wheel(session, "Nattvandring")
    assert monthly + walks == sorted(monthly) + sorted(walks)
    assert sorted(monthly + walks) == _as_outlook_means_it(data)
    assert [d for d, _s, _e in monthly] == [
        date(2026, m, d)
        for m, d in ((1, 13), (2, 10), (3, 10), (4, 14), (5, 12), (6, 9))
        + ((7, 14), (8, 11), (9, 8), (10, 13), (11, 10), (12, 8))
    ]
    assert date(2026, 10, 3) in [d for d, _s, _e in walks]
    assert date(2026, 10, 2) not in [d for d, _s, _e in walks]
    by_title = {e.title: e for e in _events(session)}
    assert by_title["Trygghetsrådet"].recurrence.frequency is Frequency.MONTHLY_NTH
    assert by_title["Trygghetsrådet"].recurrence.nth == 2
    (moved,) = by_title["Nattvandring"].exceptions
    assert (moved.original, moved.new_start) == (date(2026, 10, 2), date(2026, 10, 3))


def test_what_the_wheel_cannot_repeat_becomes_single_events(session) -> None:  # type: ignore[no-untyped-def]
    data = _calendar(MOVED_TIME, TWO_DAYS, NO_START)
    result = wheel_extra.import_ics(session, data)
    assert [(s.title, s.recurring, s.occurrences) for s in result.series] == [
        ("Klara-gruppen", False, 4),
        ("Fältarbete", False, 6),
    ]
    assert result.created == 10 and result.without_start == 1 and result.skipped == 1
    # (recurring-ical-events itself stops at an event without a start: compared without it)
    assert sorted(
        _on_the_wheel(session, "Klara-gruppen") + _on_the_wheel(session, "Fältarbete")
    ) == _as_outlook_means_it(_calendar(MOVED_TIME, TWO_DAYS))
    assert (date(2026, 2, 17), time(14), time(15)) in _on_the_wheel(session, "Klara-gruppen")
    lines = result.summary()
    assert "1 händelse i filen saknar startdatum och hoppades över." in lines
    assert (
        "Serien ”Fältarbete” går inte att återge som en upprepning i årshjulet och blev 6"
        " enskilda händelser." in lines
    )
    again = wheel_extra.import_ics(session, data)  # the same file again: nothing new
    assert (again.created, again.updated) == (0, 0)


def test_a_changed_series_updates_the_event_and_its_exceptions(session) -> None:  # type: ignore[no-untyped-def]
    wheel_extra.import_ics(session, _calendar(WEEKLY_WITH_EXDATE))
    changed = WEEKLY_WITH_EXDATE.replace("EXDATE;", "EXDATE;VALUE=DATE-TIME;").replace(
        "20260331T100000", "20260324T100000"
    )
    result = wheel_extra.import_ics(session, _calendar(changed))
    assert (result.created, result.updated) == (0, 1)
    dates = [d for d, _s, _e in _on_the_wheel(session, "Samverkansmöte polis och skola")]
    assert date(2026, 3, 31) in dates and date(2026, 3, 24) not in dates and len(dates) == 9


def test_the_command_line_puts_nine_of_ten_on_the_wheel(tmp_path: Path) -> None:
    source = tmp_path / "serie.ics"
    source.write_bytes(_calendar(WEEKLY_WITH_EXDATE))
    db = str(tmp_path / "db.sqlite")
    run = [sys.executable, "-m", "trygghetsrad", "--db", db]
    done = subprocess.run([*run, "import", "ics", str(source)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "blev en återkommande händelse med 1 undantag" in done.stdout
    listed = subprocess.run(
        [*run, "list", "events", "--year", "2026", "--json"], capture_output=True, text=True
    )
    events = [e for e in json.loads(listed.stdout) if e["title"].startswith("Samverkansmöte")]
    assert len(events) == 9
    assert datetime.fromisoformat(events[0]["start"]).date() == date(2026, 3, 3)
