"""Factories for meetings: a group with members, a meeting of it, an agenda item, an action."""

from __future__ import annotations

import itertools
from datetime import date, time
from typing import Any

from factories import make_group, make_membership, make_person
from sqlalchemy.orm import Session

from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings

_counter = itertools.count(1)


def make_group_with_members(session: Session, n: int = 3, **group: Any) -> tuple[int, list[int]]:
    group_id = make_group(session, **group)
    people = []
    for index in range(n):
        person = make_person(
            session, name=f"Ledamot {next(_counter)} Åström", email=f"p{next(_counter)}@example.org"
        )
        make_membership(
            session,
            group_id=group_id,
            person_id=person,
            role="ordförande" if index == 0 else "ledamot",
        )
        people.append(person)
    return group_id, people


def make_meeting(session: Session, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "day": date(2026, 5, 11),
        "start_time": time(10, 0),
        "end_time": time(12, 0),
        "place": "Kommunhuset",
    } | overrides
    if "group_ids" not in fields:
        fields["group_ids"] = [make_group_with_members(session)[0]]
    return meetings.create_meeting(session, **fields).id


def make_item(session: Session, meeting_id: int, **overrides: Any) -> int:
    fields: dict[str, Any] = {"title": f"Punkt {next(_counter)}"} | overrides
    return meetings_agenda.add_item(session, meeting_id, **fields).id


def make_action(session: Session, item_id: int, **overrides: Any) -> int:
    fields: dict[str, Any] = {"what": f"Uppdrag {next(_counter)}"} | overrides
    return meetings_actions.add_action(session, item_id, **fields).id


def fill_meetings_demo(session: Session, today: date = date(2026, 11, 26)) -> Any:
    """The register and meetings parts of the example data (independent of later parts)."""
    from trygghetsrad.demo import DemoContext
    from trygghetsrad.demo import meetings as demo_meetings
    from trygghetsrad.demo import register as demo_register

    ctx = DemoContext(today)
    demo_register.fill(session, ctx)
    demo_meetings.fill(session, ctx)
    session.flush()
    return ctx


def pdf_text(pdf: bytes) -> str:
    """The text of a meeting PDF as a reader sees it: one line, single spaces."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    return " ".join(text.split())


def open_meetings_page(
    qtbot: Any, ctx: Any, meeting: int, size: tuple[int, int] = (1366, 768)
) -> Any:
    """The Möten page shown on screen (sized like a laptop's) with `meeting` selected."""
    from trygghetsrad.ui.meetings.page import MeetingsPage

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.select_meeting(meeting)
    return page
