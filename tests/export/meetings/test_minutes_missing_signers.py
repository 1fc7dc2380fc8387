"""Minutes whose chair, minute-taker or justerare is not named say so where the name belongs:
never a bare "Vid pennan" or a signature line with nothing under it."""

from __future__ import annotations

from factories_meetings import make_group_with_members, make_meeting, pdf_text

from trygghetsrad.domain.meetings.model import MeetingKind, missing_officers
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def test_notes_without_a_minute_taker_say_so_under_vid_pennan(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.NOTES)
    detail = meetings.get_meeting(session, meeting)
    assert missing_officers(detail) == ["ordförande", "antecknare"]
    text = pdf_text(minutes_pdf(meeting_document(session, meeting)))
    after = text.split("Vid pennan", 1)[1]
    assert after.strip().startswith("Antecknare ej angiven")


def test_a_protocol_names_the_missing_signers_under_their_lines(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 2)
    meeting = make_meeting(
        session, group_ids=[group], kind=MeetingKind.PROTOCOL, secretary_id=people[1]
    )
    detail = meetings.get_meeting(session, meeting)
    assert missing_officers(detail) == ["ordförande", "justerare"]
    text = pdf_text(minutes_pdf(meeting_document(session, meeting)))
    signatures = text.split("Underskrifter", 1)[1]
    assert detail.secretary_name in signatures
    assert signatures.count("ej angiven") == 2


def test_the_preview_says_so_too(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.export import preview_html

    group, _people = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.NOTES)
    html = preview_html(meeting_document(session, meeting))
    assert "Antecknare ej angiven" in html.split("Vid pennan", 1)[1]
