"""Wheel exports: the A3 poster, SVG, PNG and the .ics for Outlook."""

from __future__ import annotations

import io
import subprocess
from datetime import date, datetime, time
from pathlib import Path

import pytest

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS
from trygghetsrad.domain.wheel.model import (
    DEFAULT_CATEGORIES,
    Holiday,
    WheelCategory,
    WheelDocument,
    WheelPlan,
)

CATS = tuple(WheelCategory(i, k, n, c, i) for i, (k, n, c) in enumerate(DEFAULT_CATEGORIES))


def _doc() -> WheelDocument:
    items = (
        CalendarItem(
            "wheel:1@2026-03-02",
            "Kampanjvecka ANDT",
            "campaigns",
            date(2026, 3, 2),
            date(2026, 3, 8),
        ),
        CalendarItem(
            "wheel:2",
            "Kulturnatten",
            "events",
            date(2026, 5, 29),
            None,
            time(17),
            time(23),
            place="Centrum",
        ),
        CalendarItem(
            "meeting:4", "Trygghetsrådet", "meetings", date(2026, 3, 26), None, time(13), time(15)
        ),
        CalendarItem(
            "wheel:3", "End of summer meet (18 år)", "events", date(2026, 8, 28), date(2026, 8, 30)
        ),
        CalendarItem("wheel:9", "Hemlig planering", "meetings", date(2026, 10, 1), internal=True),
        CalendarItem(
            "wheel:5", "Vintermöte", "meetings", date(2026, 1, 15), None, time(9), time(10)
        ),
    )
    return WheelDocument(
        year=2026,
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
        categories=CATS,
        items=items,
        holidays=(Holiday(date(2026, 6, 19), "Midsommarafton"),),
        plan=WheelPlan(2026),
        municipality="Storåkers kommun",
        today=date(2026, 11, 26),
        sequences={"wheel:2": 3},
    )


def test_poster_is_a3_with_months_titles_and_embedded_fonts(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from trygghetsrad.export.wheel.poster import wheel_poster_pdf

    data = wheel_poster_pdf(_doc())
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (420, 297)
    wheel_page = reader.pages[0].extract_text()
    for month in MONTHS:
        assert month.upper() in wheel_page
    assert "Kulturnatten" in wheel_page and "2026" in wheel_page
    text = "".join(p.extract_text() for p in reader.pages)
    assert "End of summer meet (18 år)" in text and "Midsommarafton" in text
    assert "Hemlig planering" not in text
    assert reader.metadata is not None and reader.metadata.title == "Årshjul 2026"
    path = tmp_path / "affisch.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row and "Liberation" in row for row in rows)
    included = wheel_poster_pdf(_doc(), include_internal=True)
    assert "Hemlig planering" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(included)).pages
    )


def test_svg_has_months_and_items_and_no_internal() -> None:
    import xml.etree.ElementTree as ET

    from trygghetsrad.export.wheel.svg import wheel_svg

    svg = wheel_svg(_doc())
    root = ET.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "MAJ" in texts and "Kulturnatten" in texts and "Hemlig" not in texts
    assert "Hemlig" in wheel_svg(_doc(), include_internal=True).decode()


def test_png_is_an_image_of_the_requested_size() -> None:
    from PIL import Image

    from trygghetsrad.export.wheel.png import wheel_png

    image = Image.open(io.BytesIO(wheel_png(_doc(), width=900, height=600)))
    assert image.size == (900, 600)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # a drawing, not a blank page


def test_ics_parses_back_with_stockholm_times_stable_uids_and_no_internal() -> None:
    from zoneinfo import ZoneInfo

    import icalendar

    from trygghetsrad.export.wheel.ics import wheel_ics

    stamp = datetime(2026, 11, 26, 12, 0)
    data = wheel_ics(_doc(), stamp=stamp)
    assert data == wheel_ics(_doc(), stamp=stamp)
    text = data.decode()
    assert "METHOD:PUBLISH" in text and "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in text
    assert "RDATE" not in text
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        "wheel-1-2026-03-02@trygghetsrad.local",
        "wheel-2@trygghetsrad.local",
        "meeting-4@trygghetsrad.local",
        "wheel-3@trygghetsrad.local",
        "wheel-5@trygghetsrad.local",
    }
    kultur = events["wheel-2@trygghetsrad.local"]
    start = kultur["DTSTART"].dt
    assert start.tzinfo is not None
    stockholm = ZoneInfo("Europe/Stockholm")
    assert start.astimezone(stockholm).replace(tzinfo=None) == datetime(2026, 5, 29, 17, 0)
    assert start.astimezone(ZoneInfo("UTC")).hour == 15  # summer time, +02:00
    winter = events["wheel-5@trygghetsrad.local"]["DTSTART"].dt
    assert winter.astimezone(ZoneInfo("UTC")).hour == 8  # winter time, +01:00
    assert int(kultur["SEQUENCE"]) == 3
    festival = events["wheel-3@trygghetsrad.local"]
    assert festival["DTSTART"].dt == date(2026, 8, 28) and festival["DTEND"].dt == date(2026, 8, 31)
    assert "Hemlig" not in text
    assert "Hemlig" in wheel_ics(_doc(), include_internal=True).decode()


def test_ics_round_trip_into_an_empty_database(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.wheel.ics import wheel_ics
    from trygghetsrad.services.wheel import events as wheel
    from trygghetsrad.services.wheel import extra as wheel_extra

    data = wheel_ics(_doc())
    result = wheel_extra.import_ics(session, data, category="events")
    assert (result.created, result.updated, result.skipped) == (5, 0, 0)
    got = sorted(
        (i.title, i.start, i.last_day, i.start_time, i.end_time)
        for i in wheel.year_items(session, 2026)
    )
    want = sorted(
        (i.title, i.start, i.last_day, i.start_time, i.end_time)
        for i in _doc().items
        if not i.internal
    )
    assert got == want
    again = wheel_extra.import_ics(session, data, category="events")
    assert (again.created, again.updated) == (0, 0)  # recognised by UID, nothing duplicated
    assert len(wheel.year_items(session, 2026)) == 5


def test_ics_import_updates_by_uid_and_rejects_garbage(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.errors import UserError
    from trygghetsrad.services.wheel import events as wheel
    from trygghetsrad.services.wheel import extra as wheel_extra

    def outlook(summary: str, day: str) -> bytes:
        return (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft//Outlook//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:040000008200E00074C5B7101A82E008\r\nSUMMARY:{summary}\r\n"
            f"DTSTART:{day}T080000Z\r\nDTEND:{day}T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ).encode()

    first = wheel_extra.import_ics(
        session, outlook("Samverkansmöte", "20260204"), category="meetings"
    )
    assert first.created == 1
    second = wheel_extra.import_ics(
        session, outlook("Samverkansmöte (flyttat)", "20260211"), category="meetings"
    )
    assert (second.created, second.updated) == (0, 1)
    (item,) = wheel.year_items(session, 2026)
    assert (item.title, item.start, item.start_time, item.category) == (
        "Samverkansmöte (flyttat)",
        date(2026, 2, 11),
        time(9),
        "meetings",
    )
    with pytest.raises(UserError):
        wheel_extra.import_ics(session, b"inte en kalender", category="events")


def test_demo_poster_elides_no_label_that_fits_on_two_lines(demo_database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.wheel.scene import text_width
    from trygghetsrad.export.wheel.poster import poster_scene
    from trygghetsrad.services.wheel.extra import wheel_document

    with demo_database.session() as session:
        doc = wheel_document(session, 2026)
    # The page left of the legend on A3 landscape with the poster's margins.
    scene = poster_scene(doc, 866, 698)
    lines = scene.label_lines
    assert len(lines) >= 40
    for key, texts in lines.items():
        shown = " ".join(t.text for t in texts)
        if not shown.endswith("…"):
            continue
        t = texts[0]
        room = scene.width - t.x if t.anchor == "start" else t.x
        full = scene.items[key].title
        # Elided only when even two full-width lines could not hold the text.
        assert text_width(full, t.size) > 2 * room * 0.8, shown
    elided = [k for k, texts in lines.items() if texts[-1].text.endswith("…")]
    assert len(elided) <= 1


def test_emoji_the_font_lacks_are_dropped_from_poster_and_svg_without_stray_parts() -> None:
    import xml.etree.ElementTree as ET
    from dataclasses import replace

    from pypdf import PdfReader

    from trygghetsrad.export.wheel.poster import wheel_poster_pdf
    from trygghetsrad.export.wheel.svg import wheel_svg

    title = "Grillkväll med 👩\u200d👧 & unga 🙋\u200d♀\ufe0f"
    doc = _doc()
    doc = replace(doc, items=(*doc.items, CalendarItem("grill", title, "events", date(2026, 8, 7))))
    svg = wheel_svg(doc).decode()
    texts = " ".join(
        t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    )
    assert "Grillkväll med & unga" in texts
    assert "♀" not in svg and "👩" not in svg and "\u200d" not in svg
    page = PdfReader(io.BytesIO(wheel_poster_pdf(doc))).pages[0].extract_text()
    assert "Grillkväll med & unga" in page and "♀" not in page


def test_the_poster_list_names_every_week_of_a_span() -> None:
    """A span lists all its weeks ("24–33"), not only the first one."""
    from dataclasses import replace

    from pypdf import PdfReader

    from trygghetsrad.export.wheel.poster import wheel_poster_pdf

    summer = CalendarItem("wheel:7", "Sommarlov", "events", date(2026, 6, 13), date(2026, 8, 16))
    doc = replace(_doc(), items=(*_doc().items, summer))
    pages = PdfReader(io.BytesIO(wheel_poster_pdf(doc))).pages
    lines = [line.strip() for p in pages[1:] for line in p.extract_text().splitlines()]
    at = lines.index("Sommarlov")
    assert "24–33" in lines[at - 2 : at], lines[at - 3 : at + 1]
