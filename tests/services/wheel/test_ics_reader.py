"""The .ics import's own content-line reader reads every event as `icalendar` does: Outlook's
Windows zone names and VTIMEZONEs, UTC, floating and all-day times, folded lines, escapes and
quoted parameters; broken files are refused in Swedish."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from outlook_ics import OUTLOOK_ZONE

from trygghetsrad.services.wheel.ics_import import IcsEvent, read_events

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _reference(data: bytes) -> list[IcsEvent]:
    """The events as the import read them with icalendar alone (the reader before this one)."""

    def local(value: object) -> tuple[date, time | None]:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(STOCKHOLM)
            return value.date(), value.time().replace(second=0, microsecond=0)
        assert isinstance(value, date)
        return value, None

    out = []
    for component in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        if component.get("DTSTART") is None:
            continue
        start, start_time = local(component["DTSTART"].dt)
        end: date | None = None
        end_time: time | None = None
        if component.get("DTEND") is not None:
            end, end_time = local(component["DTEND"].dt)
            if start_time is None:
                end -= timedelta(days=1)
            if end_time == time(0) and start_time is not None and end > start:
                end, end_time = end - timedelta(days=1), time(23, 59)
        if end is not None and end <= start:
            end = None
        if start_time and end_time and end is None and end_time < start_time:
            end_time = None
        out.append(
            IcsEvent(
                str(component.get("UID", "")),
                str(component.get("SUMMARY", "")),
                start,
                end,
                start_time,
                end_time,
                str(component.get("LOCATION", "")),
                str(component.get("DESCRIPTION", "")),
            )
        )
    return out


CUSTOM_ZONE = """BEGIN:VTIMEZONE
TZID:Kommunens egen zon
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
END:STANDARD
END:VTIMEZONE
"""

EVENTS = [
    # Outlook: a Windows zone name with its own VTIMEZONE, summer and winter time
    "UID:040000008200E00074C5B7101A82E0080000000010\nSUMMARY:Samverkansmöte\n"
    "DTSTART;TZID=W. Europe Standard Time:20260310T100000\n"
    "DTEND;TZID=W. Europe Standard Time:20260310T120000\nLOCATION:Kommunhuset\\, sal 3",
    "UID:sommar\nSUMMARY:Sommarmöte\nDTSTART;TZID=W. Europe Standard Time:20260615T090000\n"
    "DTEND;TZID=W. Europe Standard Time:20260615T093000",
    # UTC, as many calendar programs write
    "UID:utc\nSUMMARY:Vinter\nDTSTART:20260114T080000Z\nDTEND:20260114T093000Z",
    # the app's own export: an IANA zone, quoted; all day over three days
    'UID:wheel-3@trygghetsrad.local\nSUMMARY:Festival\nDTSTART;TZID="Europe/Stockholm":'
    "20260828T180000\nDTEND;TZID=Europe/Stockholm:20260828T230000",
    "UID:heldag\nSUMMARY:Sommarfest\nDTSTART;VALUE=DATE:20260825\nDTEND;VALUE=DATE:20260828",
    # floating local time, lower-case names, folded lines, escapes, a quoted colon
    "uid:flytande\nsummary:Trygghets\n vandring i Norrby\nDTSTART:20260402T170000\n"
    "DTEND:20260402T190000\nDESCRIPTION:Samling vid skolan\\; ta med västar\\nRad två\\\\slut\n"
    'ATTENDEE;CN="Svensson: Eva";ROLE=REQ-PARTICIPANT:mailto:eva@example.org',
    # a zone only its VTIMEZONE defines, and an event that ends at midnight
    "UID:egen\nSUMMARY:Egen zon\nDTSTART;TZID=Kommunens egen zon:20261001T120000\n"
    "DTEND;TZID=Kommunens egen zon:20261002T000000",
    "UID:natt\nSUMMARY:Nattvandring\nDTSTART:20261030T200000\nDTEND:20261031T000000",
    # no DTSTART: not an event on the wheel
    "UID:utan\nSUMMARY:Utan datum",
    "UID:rtl\nSUMMARY:Fest 🎉 שלום e\u0301\nDTSTART:20260501",
]


def _calendar(events: list[str], zones: str = OUTLOOK_ZONE + CUSTOM_ZONE) -> bytes:
    body = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\n"
    body += zones
    body += "".join(f"BEGIN:VEVENT\n{event}\nEND:VEVENT\n" for event in events)
    body += "END:VCALENDAR\n"
    return body.replace("\n", "\r\n").encode()


def test_every_event_reads_as_icalendar_reads_it() -> None:
    data = _calendar(EVENTS)
    ours = read_events(data)
    assert ours == _reference(data)
    assert len(ours) == len(EVENTS) - 1
    by_uid = {e.uid: e for e in ours}
    assert by_uid["sommar"].start_time == time(9)  # W. Europe, summer time: no shift
    assert by_uid["utc"].start_time == time(9)  # 08:00 UTC in January
    assert by_uid["egen"].start_time == time(11)  # 12:00 at +03:00 is 11:00 summer time
    assert by_uid["flytande"].title == "Trygghetsvandring i Norrby"
    assert by_uid["flytande"].description == ("Samling vid skolan; ta med västar\nRad två\\slut")
    assert by_uid["heldag"].end == date(2026, 8, 27)


def test_a_calendar_of_many_events_reads_as_icalendar_reads_it() -> None:
    events = [
        f"UID:e{i}\nSUMMARY:Möte {i}\nDTSTART:2026{1 + i % 12:02d}{1 + i % 28:02d}T{i % 24:02d}"
        f"{i % 60:02d}00Z\nDTEND;TZID=W. Europe Standard Time:2026{1 + i % 12:02d}"
        f"{1 + i % 28:02d}T235900"
        for i in range(500)
    ]
    data = _calendar(events)
    assert read_events(data) == _reference(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"inte en kalender", "rad 1 är ingen kalenderrad"),
        (b"", "ingen kalender"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n", "END:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", "BEGIN:VEVENT avslutas aldrig"),
    ],
)
def test_a_broken_file_is_refused_in_swedish(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_events(data)


def test_a_broken_line_inside_an_event_is_passed_over_as_icalendar_does() -> None:
    data = _calendar(["UID:1\nSUMMARY:Möte\nskräp utan kolon\nDTSTART:20260101"], zones="")
    assert read_events(data) == _reference(data)
