"""The notice, the minutes and the preview follow one rule for where the follow-up of earlier
actions goes, how a place or a link is labelled, and which group a person's role is in."""

from __future__ import annotations

import re
from datetime import date

from factories import make_membership, make_person
from factories_meetings import (
    make_action,
    make_group_with_members,
    make_item,
    make_meeting,
    pdf_text,
)

from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.export.meetings.notice_pdf import notice_pdf
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.ui.meetings.export import preview_html


def _texts(session, meeting: int, *, include_internal: bool = False) -> dict[str, str]:  # type: ignore[no-untyped-def]
    doc = meeting_document(session, meeting, include_internal=include_internal)
    html = re.sub(r" ([,.])", r"\1", re.sub(r"<[^>]+>", " ", preview_html(doc)))
    return {
        "kallelse": pdf_text(notice_pdf(doc)),
        "protokoll": pdf_text(minutes_pdf(doc)),
        "förhandsgranskning": " ".join(html.split()),
    }


def test_the_follow_up_comes_before_the_first_item_in_every_document(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session)
    first = make_meeting(session, group_ids=[group], day=date(2026, 2, 5))
    meetings.start_minutes(session, first)
    make_action(session, make_item(session, first, title="Kulturnatten"), what="Planera dialogen")
    meetings.finalise(session, first, on=date(2026, 2, 6))
    planned = make_meeting(session, group_ids=[group], day=date(2026, 5, 7))
    make_item(session, planned, title="Lägesbildsarbete")
    make_item(session, planned, title="Övriga frågor")
    for name, text in _texts(session, planned).items():
        followup = text.index("Uppföljning av uppdrag")
        assert followup < text.index("Lägesbildsarbete"), name


def test_an_online_meeting_described_in_words_is_its_place(session) -> None:  # type: ignore[no-untyped-def]
    group, _people = make_group_with_members(session)
    teams = make_meeting(session, group_ids=[group], place="", online_link="digitalt via Teams")
    for name, text in _texts(session, teams).items():
        assert "Plats: digitalt via Teams" in text.replace("Plats digitalt", "Plats: digitalt"), (
            name
        )
        assert "Länk" not in text, name
    url = "https://teams.example.org/m/123"
    linked = make_meeting(session, group_ids=[group], place="Kommunhuset", online_link=url)
    for name, text in _texts(session, linked).items():
        assert re.search(r"Plats:? Kommunhuset", text), name
        assert re.search(rf"Länk:? {re.escape(url)}", text), name


def test_a_joint_meeting_says_which_group_a_role_is_in(session) -> None:  # type: ignore[no-untyped-def]
    council, _council_people = make_group_with_members(session, 1, name="Trygghetsrådet")
    klara, _klara_people = make_group_with_members(session, 1, name="Klara-gruppen")
    maria = make_person(session, name="Maria Öberg")
    make_membership(session, group_id=klara, person_id=maria, role="ordförande")
    make_membership(session, group_id=council, person_id=maria, role="ledamot")
    joint = make_meeting(session, group_ids=[council, klara])
    meetings.start_minutes(session, joint)
    from trygghetsrad.services.meetings import attendance as meetings_attendance

    meetings_attendance.mark_unrecorded_present(session, joint)
    text = _texts(session, joint)["protokoll"]
    assert "Maria Öberg, ordförande i Klara-gruppen" in text
    # In a meeting of one group the group goes without saying.
    alone = make_meeting(session, group_ids=[klara])
    meetings.start_minutes(session, alone)
    meetings_attendance.mark_unrecorded_present(session, alone)
    text = _texts(session, alone)["protokoll"]
    assert "Maria Öberg, ordförande" in text and "ordförande i" not in text


def test_a_joint_meeting_names_the_group_of_a_role_held_in_one_group_only(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings import attendance as meetings_attendance

    council, council_people = make_group_with_members(session, 1, name="Trygghetsrådet")
    klara, _klara_people = make_group_with_members(session, 1, name="Klara-gruppen")
    both = make_person(session, name="Per Ekström")
    for group in (council, klara):
        make_membership(session, group_id=group, person_id=both, role="vice ordförande")
    joint = make_meeting(session, group_ids=[council, klara])
    rows = {r.person_id: r for r in meetings_attendance.list_attendance(session, joint)}
    # The council's chair (ordförande in one group only) and the same role in both groups.
    assert rows[council_people[0]].role_label == "ordförande i Trygghetsrådet"
    assert rows[both].role_label == "vice ordförande"


def _held_protocol(session, *, chair: int = 0):  # type: ignore[no-untyped-def]
    """A justerat protocol without a time of day; `chair` is which member chairs it (the
    first member is the group's ordförande in the register)."""
    from trygghetsrad.services.meetings import attendance as meetings_attendance
    from trygghetsrad.services.register import get_person

    group, people = make_group_with_members(session, 4)
    meeting = make_meeting(
        session, group_ids=[group], kind="protocol", start_time=None, end_time=None
    )
    meetings.update_meeting(
        session,
        meeting,
        chair_id=people[chair],
        secretary_id=people[2],
        adjuster_id=people[3],
    )
    meetings.start_minutes(session, meeting)
    meetings_attendance.mark_unrecorded_present(session, meeting)
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    return meeting, [get_person(session, p).name for p in people]


def test_the_preview_prints_the_head_and_the_signatures_as_the_pdf(session) -> None:  # type: ignore[no-untyped-def]
    meeting, names = _held_protocol(session)
    texts = _texts(session, meeting)
    for name in ("protokoll", "förhandsgranskning"):
        text = texts[name].replace(":", "")
        # No time given: the label says only what is there.
        assert "Datum och tid" not in text and "Datum måndag 11 maj 2026" in text, name
        assert f"Ordförande {names[0]}" in text, name
        assert f"Sekreterare {names[2]}" in text, name
        assert f"Justerare {names[3]}" in text, name
        assert f"{names[0]}, ordförande" in text, name  # the attendance line
        # Each signer named under the signatures, as the register spells them.
        signatures = text[text.index("Underskrifter") :]
        assert "Vid protokollet" in signatures and "Ordförande" in signatures, name
        for person in (names[0], names[2], names[3]):
            assert person in signatures, name
        assert "Protokollet justerat 12 maj 2026." in signatures, name


def test_a_stand_in_chair_and_the_groups_chair_are_told_apart(session) -> None:  # type: ignore[no-untyped-def]
    """Someone else than the group's ordförande chairs the meeting: the minutes do not call
    both 'ordförande' — the one chairing is tjänstgörande, the other the ordinarie."""
    meeting, names = _held_protocol(session, chair=1)
    for name, text in _texts(session, meeting).items():
        if name == "kallelse":
            continue
        assert f"Ordförande {names[1]}".replace(" ", "") in text.replace(":", "").replace(
            " ", ""
        ), name
        assert f"{names[1]}, tjänstgörande ordförande" in text, name
        assert f"{names[0]}, ordinarie ordförande" in text, name
        assert f"{names[0]}, ordförande" not in text, name


def test_the_preview_of_minnesanteckningar_prints_what_the_pdf_prints(session) -> None:  # type: ignore[no-untyped-def]
    """Decisions worded as the kind says, an empty follow-up said, the files listed, every
    paragraph of an item's text, and an internal action marked: in the PDF and the preview
    alike."""
    from trygghetsrad.domain.attachments import OwnerKind
    from trygghetsrad.domain.meetings.model import ItemKind
    from trygghetsrad.services.attachments import add_attachment
    from trygghetsrad.services.meetings import agenda as meetings_agenda

    group, _people = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group])  # minnesanteckningar
    make_item(session, meeting, title="Uppföljning av uppdrag", kind=ItemKind.FOLLOWUP)
    item = make_item(session, meeting, title="Belysning", body="Första stycket.\n\nAndra stycket.")
    meetings_agenda.set_decisions(session, item, ["Att ta fram en karta"])
    make_action(session, item, what="Kartlägga belysningen", internal=True)
    add_attachment(session, OwnerKind.ITEM, item, filename="karta.pdf", data=b"%PDF", title="Karta")
    texts = _texts(session, meeting, include_internal=True)
    for name in ("protokoll", "förhandsgranskning"):
        text = texts[name]
        assert "Beslutades: Att ta fram en karta" in text, name
        assert "Inga öppna uppdrag att följa upp." in text, name
        assert "Bilaga 1: Karta" in text, name
        assert "Första stycket. Andra stycket." in text, name
        assert "Kartlägga belysningen [intern]" in text, name


def test_the_preview_ends_with_the_same_list_of_actions_as_the_pdf(session) -> None:  # type: ignore[no-untyped-def]
    """Six actions or more: both end with "Uppdragslista", every action in it with who and
    when; five: neither has the list."""
    group, _people = make_group_with_members(session)
    many = make_meeting(session, group_ids=[group])
    first = make_item(session, many, title="Belysning")
    second = make_item(session, many, title="Skolvägar")
    for n in range(1, 7):
        make_action(
            session,
            first if n % 2 else second,
            what=f"Åtgärd nummer {n}",
            due_date=date(2027, 1, n),
        )
    for name, text in _texts(session, many).items():
        if name == "kallelse":
            continue
        listed = text[text.index("Uppdragslista") :]
        for n in range(1, 7):
            assert re.search(rf"Åtgärd nummer {n}\s.*2027-01-0{n}", listed), (name, n)
        assert listed.index("Åtgärd nummer 1") < listed.index("Åtgärd nummer 6"), name
        assert text.index("Uppdragslista") > text.index("Skolvägar"), name

    few = make_meeting(session, group_ids=[group])
    item = make_item(session, few, title="Belysning")
    for n in range(1, 6):
        make_action(session, item, what=f"Åtgärd {n}")
    for name, text in _texts(session, few).items():
        assert "Uppdragslista" not in text, name
