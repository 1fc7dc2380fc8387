"""PDFs never garble: characters the embedded font cannot draw are dropped, everywhere."""

from __future__ import annotations

import io
from datetime import date

from factories_meetings import make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.export.pdf.base import drawable, escape


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_drawable_drops_emoji_with_their_whole_sequence() -> None:
    assert drawable("Fest 🎉 idag") == "Fest idag"
    assert drawable("Anna 🙋\u200d♀️") == "Anna"  # no stray "♀" from the joined sequence
    assert drawable("👨\u200d👩\u200d👧 familj") == "familj"
    assert drawable("👍🏽 bra") == "bra"
    assert drawable("Flagga 🇸🇪!") == "Flagga !"
    assert drawable("Åsa – § 3 € ½ ♀") == "Åsa – § 3 € ½ ♀"  # what the font has stays
    assert drawable("rad 1\nrad 2") == "rad 1\nrad 2"
    assert escape("<b>🎉 & co") == "&lt;b&gt; &amp; co"


def test_minutes_pdf_with_emoji_has_no_missing_glyphs(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
    from trygghetsrad.services.meetings import agenda as meetings_agenda
    from trygghetsrad.services.meetings.document import meeting_document

    meeting = make_meeting(session, title="Trygghetsråd 🎉", place="Sal 🙋\u200d♀️ Älven")
    item = make_item(session, meeting, title="Lägesbild 🚓 centrum")
    meetings_agenda.set_notes(session, item, [Note("Nattvandrare 🙋\u200d♀️ på plats 👍🏽")])
    text = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "\x00" not in text and "♀" not in text
    assert "Lägesbild centrum" in text
    assert "Nattvandrare på plats" in text


def test_wheel_poster_drops_emoji_too() -> None:
    from trygghetsrad.domain.calendar_items import CalendarItem
    from trygghetsrad.domain.wheel.model import (
        DEFAULT_CATEGORIES,
        WheelCategory,
        WheelDocument,
        WheelPlan,
    )
    from trygghetsrad.export.wheel.poster import wheel_poster_pdf

    cats = tuple(WheelCategory(i, k, n, c, i) for i, (k, n, c) in enumerate(DEFAULT_CATEGORIES))
    doc = WheelDocument(
        year=2026,
        start=date(2026, 1, 1),
        end=date(2027, 1, 1),
        categories=cats,
        items=(CalendarItem("wheel:1", "Kulturnatten 🎉", "events", date(2026, 5, 29)),),
        holidays=(),
        plan=WheelPlan(2026),
        municipality="Storåkers kommun",
        today=date(2026, 11, 26),
    )
    text = _text(wheel_poster_pdf(doc))
    assert "\x00" not in text
    assert "Kulturnatten" in text
