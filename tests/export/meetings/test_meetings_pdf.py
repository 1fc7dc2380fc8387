"""The minutes and notice PDFs: text with å/ä/ö, embedded fonts, pages, metadata, internal items."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from factories_meetings import make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.domain.meetings.model import MeetingKind, Note
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page, and whether its program is embedded."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


@pytest.fixture
def reference_pdf(session) -> tuple[bytes, object]:  # type: ignore[no-untyped-def]
    from factories_meetings import fill_meetings_demo

    ctx = fill_meetings_demo(session)
    doc = meeting_document(session, ctx.extra["reference_meeting"])
    return minutes_pdf(doc), doc


def test_reference_minutes_read_like_the_original(reference_pdf) -> None:  # type: ignore[no-untyped-def]
    pdf, _doc = reference_pdf
    text = " ".join(_text(pdf).split())
    for expected in (
        "Minnesanteckningar",
        "Trygghetsrådet och Klara-gruppen",
        "torsdag 13 februari 2025, kl. 09.00–15.00",
        "1. Summering och utvärdering av 2024",
        "2. Framåtblick 2025, 2026, 2027 och 2028",
        "3. Lägesbildsarbete",
        "4. Årshjul 2025",
        "5. Övriga frågor",
        "6. Nästa möte",
        "Industriområdet i Storåker är lugnare än tidigare",
        "Vilka hinder som finns i lägesbildsarbetet (exempelvis sekretess)",
        "torsdag 8 maj 2025, kl. 10.00–12.00 för Klara-gruppen (digitalt via Teams)",
        "torsdag 8 maj 2025, kl. 13.00–15.00 för Trygghetsrådet (digitalt via Teams)",
        "Vid pennan",
        "Maja Lindqvist, folkhälsostrateg och samordnare för Trygghetsrådet och Klara-gruppen",
        "Anmält förhinder",
        "Sida 1 av",
    ):
        assert expected in text, expected
    assert "ér" not in text and "nésta" not in text


def test_reference_minutes_embed_every_font_and_carry_metadata(reference_pdf) -> None:  # type: ignore[no-untyped-def]
    pdf, _doc = reference_pdf
    fonts = _fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta.title == "Minnesanteckningar Trygghetsrådet och Klara-gruppen 2025-02-13"
    assert meta.author == "Maja Lindqvist"
    assert "torsdag 13 februari 2025" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert 2 <= len(reader.pages) <= 5


def _meeting_with_internal(session) -> int:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    item = make_item(session, meeting, title="Lägesbild")
    meetings_agenda.set_notes(
        session, item, [Note("Öppen punkt om skolgården"), Note("Hemlig uppgift om elev", 1, True)]
    )
    make_item(session, meeting, title="Personalfråga", internal=True)
    from factories_meetings import make_action

    make_action(session, item, what="Internt uppdrag", internal=True)
    make_action(session, item, what="Öppet uppdrag")
    return meeting


def test_internal_content_is_left_out_unless_included(session) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting_with_internal(session)
    public = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "Öppen punkt om skolgården" in public and "Öppet uppdrag" in public
    for secret in ("Hemlig uppgift", "Personalfråga", "Internt uppdrag", "[intern]"):
        assert secret not in public
    notice = _text(notice_pdf(meeting_document(session, meeting)))
    assert "Personalfråga" not in notice and "Lägesbild" in notice
    full = _text(minutes_pdf(meeting_document(session, meeting, include_internal=True)))
    for secret in ("Hemlig uppgift", "Personalfråga", "Internt uppdrag", "ej för spridning"):
        assert secret in full


def test_protocol_has_paragraphs_decisions_signatures_and_revision_date(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session)
    meeting = make_meeting(
        session,
        group_ids=[group],
        kind=MeetingKind.PROTOCOL,
        first_paragraph=14,
        chair_id=people[0],
        secretary_id=people[1],
        adjuster_id=people[2],
    )
    item = make_item(session, meeting, title="Åtgärdsplan")
    meetings_agenda.set_decisions(session, item, ["Åtgärdsplanen antas"])
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    meetings.mark_sent(session, meeting, on=date(2026, 5, 13))
    meetings.reopen_for_change(session, meeting, note="Rättad närvarolista", on=date(2026, 6, 2))
    text = " ".join(_text(minutes_pdf(meeting_document(session, meeting))).split())
    for expected in (
        "Protokoll",
        "§ 14 Åtgärdsplan",
        "Beslut: Åtgärdsplanen antas",
        "Justerare",
        "Vid protokollet",
        "Reviderad 2026-06-02",
        "Rättad närvarolista",
    ):
        assert expected in text, expected


def test_fifty_items_thirty_attendees_and_long_text_break_across_pages(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session, 30)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 5, 11), start_time=time(9))
    long_text = "Lång text om trygghet i Storåker med å, ä och ö. " * 120
    for index in range(50):
        item = make_item(session, meeting, title=f"Punkt nummer {index + 1}")
        meetings_agenda.set_notes(session, item, [Note(f"Anteckning {index + 1}")])
    item = make_item(session, meeting, title="Mycket lång punkt")
    meetings_agenda.set_notes(session, item, [Note(long_text.strip())])
    pdf = minutes_pdf(meeting_document(session, meeting))
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages >= 4
    text = _text(pdf)
    assert f"Sida {pages} av {pages}" in text
    assert "50. Punkt nummer 50" in " ".join(text.split())
    assert text.count("Ledamot ") >= 30
    assert all(_fonts(pdf).values())


def test_an_attendance_line_names_the_workplace_once(session) -> None:  # type: ignore[no-untyped-def]
    """The trial: "Tove Lindberg, ersättare, Barnmorska, ungdomsmottagningen, Region
    Mittland, ungdomsmottagningen" — the title named the unit the organisation names too."""
    from factories import make_group, make_membership, make_organisation, make_person

    group = make_group(session, name="Klara-gruppen")
    region = make_organisation(session, name="Region Mittland, ungdomsmottagningen")
    tove = make_person(
        session,
        name="Tove Lindberg",
        title="Barnmorska, ungdomsmottagningen",
        organisation_id=region,
    )
    make_membership(session, group_id=group, person_id=tove, role="ersättare")
    police = make_organisation(session, name="Polisen")
    josef = make_person(session, name="Josef Åkesson", title="Kommunpolis", organisation_id=police)
    make_membership(session, group_id=group, person_id=josef, role="ledamot")
    meeting = make_meeting(session, group_ids=[group])
    text = " ".join(_text(minutes_pdf(meeting_document(session, meeting))).split())
    assert "Tove Lindberg, ersättare, Barnmorska, Region Mittland, ungdomsmottagningen" in text
    assert text.count("ungdomsmottagningen") == 1
    assert "Josef Åkesson, Kommunpolis, Polisen" in text  # a title of its own is kept whole
