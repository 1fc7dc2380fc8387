"""Truth in the meeting documents (issue 14): the notice, the minutes and the e-mail state
every fact the data holds, as written, and no status, verdict or date the data doesn't hold."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from factories import make_membership, make_person
from factories_meetings import fill_meetings_demo, make_group_with_members, make_meeting
from pypdf import PdfReader

from trygghetsrad.cli import main
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services import meetings
from trygghetsrad.services.meetings import list_meetings
from trygghetsrad.services.meetings_document import meeting_document

# What minutes say of their own state; none of it belongs on a notice.
MINUTES_STATE = re.compile(
    r"är inte justerat|är inte fastställda|UTKAST|Utkast –|Reviderad|Protokollet justerat|"
    r"Minnesanteckningar(?! och)|Protokoll\b",
)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    return " ".join(text.split())


def _meta(pdf: bytes) -> str:
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    return " ".join(str(v) for v in meta.values())


def test_no_notice_of_the_example_data_speaks_of_minutes(session) -> None:  # type: ignore[no-untyped-def]
    fill_meetings_demo(session)
    checked = 0
    for m in list_meetings(session):
        pdf = notice_pdf(meeting_document(session, m.id))
        for where, text in (("text", _text(pdf)), ("metadata", _meta(pdf))):
            found = MINUTES_STATE.search(text)
            assert not found, (
                m.id,
                m.status,
                where,
                text[max(0, found.start() - 80) : found.end() + 80],
            )
        checked += 1
    assert checked >= 10


def test_cli_notices_of_the_example_data_never_say_minutes_are_unadjusted(
    database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        fill_meetings_demo(s)
        ids = [m.id for m in list_meetings(s)]
    database.close()
    for meeting_id in ids:
        out = tmp_path / f"kallelse-{meeting_id}.pdf"
        assert (
            main(["--db", str(database.path), "export", "notice", str(meeting_id), str(out)]) == 0
        )
        text = _text(out.read_bytes()).lower()
        assert "är inte justerat" not in text and "är inte fastställda" not in text, meeting_id


def _titled_meeting(session) -> tuple[int, dict[str, int]]:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session, 1)
    people = {
        "ifo": make_person(session, name="Sara Öberg", title="Områdeschef IFO och BRÅ-samordnare"),
        "chair": make_person(session, name="Anders Holm", title="Ordförande i nämnden"),
        "coordinator": make_person(
            session, name="Maja Lindqvist", title="Folkhälsostrateg och samordnare"
        ),
        "sdn": make_person(session, name="Per Nyström", title="Chef SDN Norr"),
    }
    make_membership(session, group_id=group, person_id=people["ifo"], role="samordnare")
    make_membership(session, group_id=group, person_id=people["chair"], role="ordförande")
    make_membership(session, group_id=group, person_id=people["coordinator"], role="samordnare")
    make_membership(session, group_id=group, person_id=people["sdn"], role="ledamot")
    meeting = make_meeting(
        session,
        group_ids=[group],
        day=date(2026, 5, 11),
        secretary_id=people["coordinator"],
        secretary_title="Områdeschef IFO och BRÅ-samordnare",
    )
    meetings.start_minutes(session, meeting)
    return meeting, people


def test_names_and_titles_are_printed_as_written(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _titled_meeting(session)
    doc = meeting_document(session, meeting)
    text = _text(minutes_pdf(doc))
    assert "Sara Öberg, samordnare, Områdeschef IFO och BRÅ-samordnare" in text
    assert "Chef SDN Norr" in text
    assert "ifo" not in text and "bRÅ" not in text.replace("BRÅ", "")
    # the signature ("Vid pennan") keeps the capitals of the title too
    assert "Maja Lindqvist, Områdeschef IFO och BRÅ-samordnare" in text
    notice = _text(notice_pdf(doc))
    assert "Områdeschef IFO och BRÅ-samordnare" in notice


def test_the_attendance_line_does_not_repeat_the_role_inside_the_title(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _titled_meeting(session)
    text = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "Anders Holm, Ordförande i nämnden" in text
    assert "ordförande, Ordförande i nämnden" not in text
    assert "Maja Lindqvist, Folkhälsostrateg och samordnare" in text
    assert "samordnare, Folkhälsostrateg och samordnare" not in text


def test_cli_prints_the_title_exactly_in_the_attendance(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        meeting, _people = _titled_meeting(s)
    database.close()
    out = tmp_path / "protokoll.pdf"
    assert main(["--db", str(database.path), "export", "minutes", str(meeting), str(out)]) == 0
    assert "Sara Öberg, samordnare, Områdeschef IFO och BRÅ-samordnare" in _text(out.read_bytes())
