"""Årshjul: an Outlook series imported from the page lands as a recurring event, the status
line says what the series became, and the import is undone as one step."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetsrad.services.wheel import events as service

TZ = "TZID=W. Europe Standard Time"
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n"
    "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E00800000000F6\r\n"
    "SUMMARY:Samverkansmöte polis och skola\r\n"
    f"DTSTART;{TZ}:20260901T100000\r\nDTEND;{TZ}:20260901T113000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU\r\n"
    f"EXDATE;{TZ}:20260929T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(demo_ctx)
    qtbot.addWidget(page)
    page.today = date(2026, 11, 26)
    page.set_year(2026)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _dates(ctx) -> list[date]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [i.start for i in service.year_items(s, 2026) if i.title.startswith("Samverkan")]


def test_a_series_from_outlook_becomes_nine_occurrences_and_says_so(
    page, demo_ctx, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    demo_ctx.events.status_message.connect(messages.append)
    source = tmp_path / "samverkan.ics"
    source.write_bytes(ICS)
    page.import_ics(source)
    dates = _dates(demo_ctx)
    assert len(dates) == 9 and date(2026, 9, 29) not in dates
    assert any(
        "Serien ”Samverkansmöte polis och skola” (9 tillfällen) blev en återkommande händelse"
        " med 1 undantag." in m
        for m in messages
    )
    assert page.stack.undoText() == "Importera 1 händelse från samverkan.ics"
    page.stack.undo()
    assert _dates(demo_ctx) == []
