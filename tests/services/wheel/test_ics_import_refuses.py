"""An .ics file with an impossible date or text is refused whole, with a Swedish line."""

from __future__ import annotations

import pytest

from trygghetsrad.errors import UserError
from trygghetsrad.services.wheel import events as wheel
from trygghetsrad.services.wheel import extra as wheel_extra


def _ics(dtstart: str, summary: str = "Fest", extra: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//\r\n"
        "BEGIN:VEVENT\r\nUID:ok-1\r\nSUMMARY:Vårmöte\r\nDTSTART;VALUE=DATE:20260401\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:bad-2\r\nSUMMARY:{summary}\r\nDTSTART:{dtstart}\r\n{extra}"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("dtstart", "message"),
    [
        ("300000101", "startdatumet 300000101 är inget giltigt datum"),
        ("20260230", "startdatumet 20260230 är inget giltigt datum"),
        ("hej", "startdatumet hej är inget giltigt datum"),
        ("99990101", "Året 9999 är inte rimligt"),
    ],
)
def test_impossible_dates_refuse_the_file_naming_the_event(
    session, dtstart: str, message: str
) -> None:
    with pytest.raises(UserError, match=message) as info:
        wheel_extra.import_ics(session, _ics(dtstart))
    assert "Händelse 2 (”Fest”)" in str(info.value)
    assert not [i for i in wheel.items_in(session, *_year(2026)) if i.title == "Vårmöte"]


def test_control_characters_and_overlong_text_refuse_the_file(session) -> None:
    with pytest.raises(UserError, match="”Fe\x07st” i filen kan inte importeras.*styrtecken"):
        wheel_extra.import_ics(session, _ics("20260501", "Fe\x07st"))
    long = "DESCRIPTION:" + "x" * 6000 + "\r\n"
    with pytest.raises(UserError, match="högst 5000 tecken"):
        wheel_extra.import_ics(session, _ics("20260501", extra=long))


def test_emoji_and_right_to_left_titles_are_imported_exactly(session) -> None:
    title = "Fest 🎉 שלום e\u0301"
    result = wheel_extra.import_ics(session, _ics("20260501", title))
    assert result.created == 2
    assert title in [i.title for i in wheel.items_in(session, *_year(2026))]


def _year(year: int):  # type: ignore[no-untyped-def]
    from datetime import date

    return date(year, 1, 1), date(year, 12, 31)
