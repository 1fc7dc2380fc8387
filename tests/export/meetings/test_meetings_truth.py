"""Truth in the meeting documents (issue 14): the notice, the minutes and the e-mail state
every fact the data holds, as written, and no status, verdict or date the data doesn't hold."""

from __future__ import annotations

import email
import email.message
import io
import re
from datetime import date
from email import policy
from pathlib import Path

import pytest
from factories import make_membership, make_person
from factories_meetings import (
    fill_meetings_demo,
    make_action,
    make_group_with_members,
    make_item,
    make_meeting,
)
from pypdf import PdfReader

from trygghetsrad.cli import main
from trygghetsrad.domain.meetings.model import MeetingKind, Note
from trygghetsrad.export.meetings.eml import draft_eml
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.services.meetings.lifecycle import list_meetings

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


def _mail(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def test_email_goes_to_every_member_with_an_address_and_names_who_has_none(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 2)
    no_mail = make_person(session, name="Åsa Utan-Adress", email="")
    make_membership(session, group_id=group, person_id=no_mail, role="ledamot")
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 5, 11))
    doc = meeting_document(session, meeting)
    assert doc.without_address == ("Åsa Utan-Adress",)
    msg = _mail(draft_eml(doc, notice_pdf(doc), notice=True))
    assert sorted(a.addr_spec for a in msg["To"].addresses) == sorted(
        r.email for r in doc.recipients
    )
    assert len(doc.recipients) == 2
    assert msg["From"] is None  # the settings name no sender
    body = msg.get_body(("plain",)).get_content()
    assert "måndag 11 maj 2026, kl. 10.00–12.00" in body and "Kommunhuset" in body
    assert "utkast" not in body.lower() and "justerat" not in body


def test_email_from_is_the_sender_the_settings_name(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services import settings

    settings.save(
        session,
        settings.OrganisationSettings(
            municipality="Storåkers kommun", sender_email="trygghet@storaker.se"
        ),
    )
    meeting = make_meeting(session)
    doc = meeting_document(session, meeting)
    msg = _mail(draft_eml(doc, minutes_pdf(doc)))
    assert msg["From"].addresses[0].addr_spec == "trygghet@storaker.se"
    # a draft of the minutes says it is one, a finalised one doesn't
    assert msg["Subject"].startswith("Utkast: ")
    meetings.start_minutes(session, meeting)
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    doc = meeting_document(session, meeting)
    final = _mail(draft_eml(doc, minutes_pdf(doc)))
    assert not final["Subject"].startswith("Utkast")
    assert "inte justerat" not in final.get_body(("plain",)).get_content()
    assert "inte fastställda" not in final.get_body(("plain",)).get_content()


def _notice_meeting(session) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 3)
    meeting = make_meeting(
        session,
        group_ids=[group],
        day=date(2026, 12, 10),
        chair_id=people[0],
        secretary_id=people[1],
    )
    make_item(session, meeting, title="Lägesbild")
    return meeting, people


def test_notice_carries_place_and_date_of_issue_signers_footnote_and_excuses(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings.notice import save_notice

    meeting, _people = _notice_meeting(session)
    save_notice(
        session,
        meeting,
        issued_place="Storåker",
        issued_on=date(2026, 11, 30),
        signed_by="both",
        excuses_to="Maja Lindqvist, 0690-250 101, senast 7 december",
        footnote="Mötet hålls i hörsalen, ingång från parken.",
    )
    doc = meeting_document(session, meeting)
    text = _text(notice_pdf(doc))
    chair, secretary = doc.meeting.chair_name, doc.meeting.secretary_name
    closing = text.split("Välkomna!")[1]
    for expected in (
        "Storåker den 30 november 2026",
        f"{chair} Ordförande",
        secretary,
        "Mötet hålls i hörsalen, ingång från parken.",
    ):
        assert expected in closing, expected
    assert "Anmäl förhinder till Maja Lindqvist, 0690-250 101, senast 7 december." in text
    assert PdfReader(io.BytesIO(notice_pdf(doc))).metadata.title.startswith("Kallelse")


def test_notice_prints_no_date_of_issue_and_only_the_chosen_signer(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings.notice import save_notice

    meeting, _people = _notice_meeting(session)
    doc = meeting_document(session, meeting)
    text = _text(notice_pdf(doc))
    assert not re.search(r"\bden \d{1,2} \w+ \d{4}", text, re.IGNORECASE)  # no date invented
    closing = text.split("Välkomna!")[1]
    assert doc.meeting.secretary_name in closing and doc.meeting.chair_name not in closing
    save_notice(session, meeting, signed_by="chair")
    closing = _text(notice_pdf(meeting_document(session, meeting))).split("Välkomna!")[1]
    assert doc.meeting.chair_name in closing and doc.meeting.secretary_name not in closing
    save_notice(session, meeting, signed_by="none", issued_place="Storåker")
    closing = _text(notice_pdf(meeting_document(session, meeting))).split("Välkomna!")[1]
    assert doc.meeting.chair_name not in closing and doc.meeting.secretary_name not in closing
    assert "Storåker" in closing and " den " not in closing


def _positions(text: str, labels: list[str]) -> list[int]:
    return [text.index(label) for label in labels]


def test_attendance_categories_follow_the_order_of_the_settings(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.meetings.model import Presence
    from trygghetsrad.services import settings

    group, _people = make_group_with_members(session, 3)
    meeting = make_meeting(session, group_ids=[group])
    meetings.start_minutes(session, meeting)
    rows = meetings_attendance.list_attendance(session, meeting)
    meetings_attendance.set_presence(session, rows[0].id, Presence.PRESENT)
    meetings_attendance.set_presence(session, rows[1].id, Presence.EXCUSED)
    meetings_attendance.set_presence(session, rows[2].id, Presence.ABSENT)
    meetings_attendance.add_attendee(session, meeting, name="Gäst Polisén", organisation="Polisen")
    labels = ["Närvarande", "Anmält förhinder", "Frånvarande", "Adjungerade"]
    text = _text(minutes_pdf(meeting_document(session, meeting)))
    assert _positions(text, labels) == sorted(_positions(text, labels))  # the default
    order = (Presence.GUEST, Presence.ABSENT, Presence.PRESENT)  # the rest follows
    settings.save(session, settings.OrganisationSettings(attendance_order=order))
    text = _text(minutes_pdf(meeting_document(session, meeting)))
    labels = ["Adjungerade", "Frånvarande", "Närvarande", "Anmält förhinder"]
    assert _positions(text, labels) == sorted(_positions(text, labels))
    assert "Gäst Polisén" in text


def test_minutes_hold_every_recorded_fact_and_no_date_not_given(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _people = _notice_meeting(session)
    item = make_item(session, meeting, title="Trygghetsvandring i Östra Storåker")
    meetings_agenda.set_notes(session, item, [Note("Belysningen vid skolan är trasig", 0)])
    meetings_agenda.set_decisions(session, item, ["Vandringen genomförs i mars"])
    meetings.start_minutes(session, meeting)
    doc = meeting_document(session, meeting)
    text = _text(minutes_pdf(doc))
    for fact in (
        "torsdag 10 december 2026, kl. 10.00–12.00",
        "Kommunhuset",
        "Trygghetsvandring i Östra Storåker",
        "Belysningen vid skolan är trasig",
        "Vandringen genomförs i mars",
        *(a.name for a in doc.attendance),
    ):
        assert fact in text, fact
    assert "justerat" not in text.replace("ÄR INTE JUSTERAT", "").lower()
    assert "Reviderad" not in text
    assert MeetingKind.NOTES.label in text


def test_cli_email_names_who_has_no_address(
    database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        group, _people = make_group_with_members(s, 2)
        person = make_person(s, name="Åsa Utan-Adress", email="")
        make_membership(s, group_id=group, person_id=person, role="ledamot")
        meeting = make_meeting(s, group_ids=[group])
    database.close()
    out = tmp_path / "kallelse.eml"
    args = ["--db", str(database.path), "export", "email", str(meeting), str(out), "--notice"]
    assert main(args) == 0
    assert "Åsa Utan-Adress" in capsys.readouterr().err
    msg = _mail(out.read_bytes())
    assert len(msg["To"].addresses) == 2 and msg["From"] is None


def test_a_meeting_without_a_time_gets_no_clock_time_in_any_document(session) -> None:  # type: ignore[no-untyped-def]
    """No time given: the notice, the minutes and the e-mail name the day alone (the .ics is
    an all-day event, test_meetings_ics_eml)."""
    group, _people = make_group_with_members(session, 2, name="Klara-gruppen")
    meeting = make_meeting(
        session, group_ids=[group], day=date(2026, 3, 12), start_time=None, end_time=None
    )
    make_item(session, meeting, title="Lägesbild")
    meetings.start_minutes(session, meeting)
    meetings.finalise(session, meeting, on=date(2026, 3, 13))
    doc = meeting_document(session, meeting)
    body = email.message_from_bytes(draft_eml(doc, b"%PDF"), policy=policy.default)
    texts = {
        "kallelse": _text(notice_pdf(doc)),
        "protokoll": _text(minutes_pdf(doc)),
        "e-post": body.get_body(("plain",)).get_content(),
    }
    for name, text in texts.items():
        assert "12 mars 2026" in text, name
        assert not re.search(r"\d\d\.\d\d", text), (name, re.findall(r".{20}\d\d\.\d\d.{10}", text))


def test_an_overdue_action_is_worded_as_on_the_screens(session) -> None:  # type: ignore[no-untyped-def]
    """The follow-up in the minutes (and the action spreadsheet) say "Öppen, försenad" on a
    day past the due date, and only then: the status the user gave, late as a fact of the day
    the document is made."""
    from trygghetsrad.domain.actions.register import ActionFilter
    from trygghetsrad.export.spreadsheet_tables import actions_sheet
    from trygghetsrad.services.actions.register import register_actions

    group, _people = make_group_with_members(session, 2, name="Trygghetsrådet")
    first = make_meeting(session, group_ids=[group], day=date(2026, 3, 9))
    meetings.start_minutes(session, first)
    item = make_item(session, first, title="Kameror")
    make_action(session, item, what="Remiss om kameraövervakning", due_date=date(2026, 4, 1))
    meetings.finalise(session, first, on=date(2026, 3, 9))
    second = make_meeting(session, group_ids=[group], day=date(2026, 5, 11))
    late = _text(minutes_pdf(meeting_document(session, second, today=date(2026, 5, 11))))
    assert "Öppen, försenad" in late
    early = _text(minutes_pdf(meeting_document(session, second, today=date(2026, 3, 20))))
    assert "Öppen" in early and "försenad" not in early
    [action] = register_actions(session, ActionFilter(), today=date(2026, 5, 11))
    sheet = actions_sheet([action], today=date(2026, 5, 11))
    status = [c.header for c in sheet.columns].index("Status")
    assert sheet.rows[0][status] == "Öppen, försenad"


def test_finalised_minutes_keep_the_due_date_they_decided(session) -> None:  # type: ignore[no-untyped-def]
    """Re-dating an action after its minutes were justerade (from Uppdrag, or at a later
    meeting's follow-up) no longer rewrites those minutes: they print the date decided, sent
    minutes the same, and the new date shows in the later meeting's follow-up."""
    from trygghetsrad.services.actions.register import register_actions
    from trygghetsrad.services.meetings import actions

    group, people = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 11, 5))
    meetings.start_minutes(session, meeting)
    action = make_action(
        session,
        make_item(session, meeting, title="Trygghetsvandring"),
        what="Boka lokal för trygghetsvandringen",
        responsible_person_id=people[0],
        due_date=date(2026, 11, 30),
    )
    meetings.finalise(session, meeting, on=date(2026, 11, 6))
    actions.redate_action(session, action, date(2026, 12, 18))

    minutes = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "2026-11-30" in minutes and "2026-12-18" not in minutes
    [row] = [r for r in register_actions(session) if r.id == action]
    assert row.due_date == date(2026, 12, 18)

    meetings.mark_sent(session, meeting, on=date(2026, 11, 9))
    sent = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "2026-11-30" in sent and "2026-12-18" not in sent

    later = make_meeting(session, group_ids=[group], day=date(2027, 1, 14))
    meetings.start_minutes(session, later)
    [followed] = meeting_document(session, later).followup
    assert followed.due_date == date(2026, 12, 18)
