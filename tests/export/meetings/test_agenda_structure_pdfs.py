"""The notice and the minutes print agenda items as councils write them — kind headings,
föredragande, Dnr, time slot, "Förslag till beslut" before "Beslut", "Handlingar kommer
senare", unnumbered items, references by current number, the chosen numbering — and
attendance as it happened (part of the meeting, role for the meeting, note). Checked in the
text pdftotext reads from the pages."""

from __future__ import annotations

import re
import subprocess
from datetime import date, time
from pathlib import Path

from factories import make_person
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.meetings.agenda_structure import ItemCategory, Numbering
from trygghetsrad.domain.meetings.document import GROUP_END
from trygghetsrad.domain.meetings.model import MeetingKind, Presence
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services import register
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings import structure as meetings_structure
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.ui.meetings.export import preview_html


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True, text=True
    ).stdout
    return re.sub(r"[ \xa0]+", " ", text)


def _council_meeting(session):  # type: ignore[no-untyped-def]
    """A protocol as a council writes it: items of each kind, a pause, a reference."""
    group, people = make_group_with_members(session, 3, name="Trygghetsrådet")
    meeting = make_meeting(
        session,
        group_ids=[group],
        kind=MeetingKind.PROTOCOL,
        first_paragraph=14,
        day=date(2026, 3, 12),
    )
    josef = make_person(session, name="Josef Lind")
    opening = make_item(session, meeting, title="Mötets öppnande")
    police = make_item(session, meeting, title="Polisens lägesbild")
    pause = make_item(session, meeting, title="Fika")
    wheel = make_item(session, meeting, title="Årshjul 2027")
    meetings_structure.update_item_details(
        session,
        police,
        category=ItemCategory.INFORMATION,
        presenter_id=josef,
        slot_start=time(13, 15),
        slot_end=time(13, 45),
        refers_to_id=wheel,
    )
    meetings_structure.update_item_details(session, pause, unnumbered=True)
    meetings_structure.update_item_details(
        session,
        wheel,
        category=ItemCategory.DECISION,
        presenter_text="Moa, samordnare",
        case_number="KS 2026/114",
        proposal="Trygghetsrådet fastställer årshjulet.",
        papers_later=True,
    )
    meetings.start_minutes(session, meeting)
    meetings_agenda.set_decisions(session, wheel, ["Årshjulet fastställs med reservation."])
    return meeting, people, (opening, police, pause, wheel)


def test_notice_and_minutes_print_the_items_as_written(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting, _people, _items = _council_meeting(session)
    doc = meeting_document(session, meeting)
    for pdf in (notice_pdf(doc), minutes_pdf(doc)):
        text = pdftotext(pdf, tmp_path)
        assert "§ 14 Mötets öppnande" in text
        assert "§ 15 Polisens lägesbild" in text
        assert "Informationsärende · Föredragande: Josef Lind · Tid 13.15–13.45" in text
        # The pause has no number and the next item keeps its own.
        assert re.search(r"^\s*Fika\s*$", text, re.MULTILINE), text
        assert "§ 16 Årshjul 2027" in text and "§ 17" not in text
        assert "Beslutsärende · Föredragande: Moa, samordnare · Dnr KS 2026/114" in text
        assert "Handlingar kommer senare." in text
        assert "Förslag till beslut: Trygghetsrådet fastställer årshjulet." in text
        assert "Se § 16 Årshjul 2027" in text
    minutes = pdftotext(minutes_pdf(doc), tmp_path)
    # The proposal comes before the decision, and stays apart from it.
    assert minutes.index("Förslag till beslut:") < minutes.index(
        "Beslut: Årshjulet fastställs med reservation."
    )


def test_references_follow_the_targets_number_when_items_move(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting, _people, (opening, _police, _pause, wheel) = _council_meeting(session)
    meetings_agenda.move_item(session, wheel, 0)
    text = pdftotext(minutes_pdf(meeting_document(session, meeting)), tmp_path)
    assert "§ 14 Årshjul 2027" in text and "Se § 14 Årshjul 2027" in text
    assert "§ 15 Mötets öppnande" in text


def test_grouped_items_stand_under_kind_headings(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting, _people, _items = _council_meeting(session)
    meetings_structure.set_numbering(
        session, meeting, numbering=Numbering.DECIMAL, group_by_category=True
    )
    doc = meeting_document(session, meeting)
    # The pause has no kind: the information group ends before it (a rule), not under it.
    assert doc.headings() == ["", "Informationsärenden", GROUP_END, "Beslutsärenden"]
    for pdf in (notice_pdf(doc), minutes_pdf(doc)):
        text = pdftotext(pdf, tmp_path)
        info = text.index("Informationsärenden")
        decisions = text.index("Beslutsärenden")
        assert info < text.index("2. Polisens lägesbild") < decisions
        assert decisions < text.index("3. Årshjul 2027")
        # Under its heading an item does not repeat its kind.
        assert "Informationsärende ·" not in text and "Beslutsärende ·" not in text
        assert "Föredragande: Josef Lind · Tid 13.15–13.45" in text
        assert "Se punkt 3 Årshjul 2027" in text
        assert "§" not in text


def test_a_pause_inside_a_group_does_not_split_it(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A pause between two decisions stays in the group: one "Beslutsärenden", the pause
    printed in its place, no rule; a pause between two kinds still ends the first group."""
    group, _people = make_group_with_members(session, 2, name="Trygghetsrådet")
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.PROTOCOL)
    first = make_item(session, meeting, title="Polisens lägesbild")
    pause = make_item(session, meeting, title="Paus")
    second = make_item(session, meeting, title="Åtgärdsplanen")
    last = make_item(session, meeting, title="Övriga frågor")
    for item in (first, second):
        meetings_structure.update_item_details(session, item, category=ItemCategory.DECISION)
    meetings_structure.update_item_details(session, pause, unnumbered=True)
    meetings_structure.update_item_details(session, last, category=ItemCategory.OTHER)
    meetings_structure.set_numbering(
        session, meeting, numbering=Numbering.PARAGRAPH_MEETING, group_by_category=True
    )
    doc = meeting_document(session, meeting)
    assert doc.headings() == ["Beslutsärenden", "", "", "Övrigt"]
    for pdf in (notice_pdf(doc), minutes_pdf(doc)):
        text = pdftotext(pdf, tmp_path)
        assert text.count("Beslutsärenden") == 1, text
        assert text.index("Beslutsärenden") < text.index("Paus") < text.index("§ 2 Åtgärdsplanen")
    assert preview_html(doc).count("Beslutsärenden") == 1
    assert "<hr>" not in preview_html(doc)


def test_the_notice_keeps_headings_with_their_items_and_no_item_alone_at_the_end(
    session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Whatever the length of the agenda, a page never ends with a kind heading whose item
    went over, the last item never stands alone on a page of its own and the greeting never
    goes over without it."""
    group, _people = make_group_with_members(session, 2, name="Trygghetsrådet")
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.PROTOCOL)
    meetings_structure.set_numbering(
        session, meeting, numbering=Numbering.PARAGRAPH_MEETING, group_by_category=True
    )
    checked_breaks = 0
    titles: list[str] = []
    for count in range(1, 31):
        title = f"Beslutspunkt nummer {count}"
        item = make_item(session, meeting, title=title, body="Underlag bifogas.\n" * 2)
        meetings_structure.update_item_details(
            session, item, category=ItemCategory.DECISION, proposal="Rådet beslutar."
        )
        titles.append(title)
        other = make_item(session, meeting, title="Övriga frågor")
        meetings_structure.update_item_details(session, other, category=ItemCategory.OTHER)
        following = make_item(session, meeting, title="Nästa möte")
        pages = pdftotext(notice_pdf(meeting_document(session, meeting)), tmp_path).split("\f")
        pages = [p for p in pages if p.strip()]
        if len(pages) > 1:
            checked_breaks += 1
            last = next(p for p in pages if "Nästa möte" in p)
            assert "Övriga frågor" in last, f"{count}: Nästa möte alone on its page"
            assert "Välkomna!" in last, f"{count}: the greeting went over alone"
            for page in pages:
                if "Övrigt" in page:
                    assert "Övriga frågor" in page, f"{count}: heading left behind"
                if "Beslutsärenden" in page:
                    assert titles[0] in page
        meetings_agenda.delete_item(session, other)
        meetings_agenda.delete_item(session, following)
    assert checked_breaks > 3


def test_without_numbering_items_print_their_titles_alone(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting, _people, _items = _council_meeting(session)
    meetings_structure.set_numbering(session, meeting, numbering=Numbering.NONE)
    text = pdftotext(minutes_pdf(meeting_document(session, meeting)), tmp_path)
    assert re.search(r"^\s*Mötets öppnande\s*$", text, re.MULTILINE)
    assert "Se punkten ”Årshjul 2027”" in text
    assert not re.search(r"§ \d", text) and not re.search(r"^\s*\d+\. ", text, re.MULTILINE)


def test_attendance_prints_what_happened_at_the_meeting(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting, people, _items = _council_meeting(session)
    register.update_person(session, people[1], name="Anna Berg", title="Kommunalråd")
    rows = {r.person_id: r for r in meetings_attendance.list_attendance(session, meeting)}
    anna = rows[people[1]].id
    meetings_attendance.set_presence(session, anna, Presence.PRESENT)
    meetings_structure.update_attendance_details(
        session,
        anna,
        partial="t.o.m. § 15",
        present_from=time(13, 10),
        meeting_role="tjänstgörande ordförande",
        note="deltog digitalt",
    )
    guest = meetings_attendance.add_attendee(
        session, meeting, name="Per Rektor", organisation="Norrbyskolan"
    ).id
    meetings_structure.update_attendance_details(session, guest, present_to=time(14, 0))
    text = " ".join(pdftotext(minutes_pdf(meeting_document(session, meeting)), tmp_path).split())
    assert (
        "Anna Berg, tjänstgörande ordförande, Kommunalråd (t.o.m. § 15, från kl. 13.10)"
        " – deltog digitalt"
    ) in text
    assert "Per Rektor, Norrbyskolan (till kl. 14.00)" in text
    assert register.get_person(session, people[1]).title == "Kommunalråd"


def test_minutes_made_before_the_choice_print_as_they_did(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A stored version from before numbering styles has none: it numbers by its kind."""
    from dataclasses import replace

    group, _people = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.PROTOCOL, first_paragraph=7)
    make_item(session, meeting, title="Lägesbild")
    doc = meeting_document(session, meeting)
    old = replace(doc, meeting=replace(doc.meeting, numbering=None))
    assert "§ 7 Lägesbild" in pdftotext(minutes_pdf(old), tmp_path)


def test_the_preview_shows_what_the_minutes_print(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.export import preview_html

    meeting, people, _items = _council_meeting(session)
    meetings_structure.set_numbering(session, meeting, group_by_category=True)
    row = next(
        r for r in meetings_attendance.list_attendance(session, meeting) if r.person_id == people[0]
    )
    meetings_structure.update_attendance_details(
        session, row.id, partial="t.o.m. § 15", meeting_role="tjänstgörande ordförande"
    )
    html = preview_html(meeting_document(session, meeting))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for expected in (
        "§ 14 Mötets öppnande",
        "Informationsärenden",
        "Föredragande: Josef Lind · Tid 13.15–13.45",
        "Fika",
        "Beslutsärenden",
        "Dnr KS 2026/114",
        "Handlingar kommer senare.",
        "Förslag till beslut: Trygghetsrådet fastställer årshjulet.",
        "Se § 16 Årshjul 2027",
        # The attendance line as the PDF prints it: the meeting's role first, the part after.
        ", tjänstgörande ordförande",
        "(t.o.m. § 15)",
    ):
        assert expected in text, expected
    assert text.index("Förslag till beslut:") < text.index("Beslut: Årshjulet")
    assert "<hr>" in html  # the pause ends the information group
