"""The one export table: every kind renders a file of its own suffix from the document the
services build, and the window's menus and the command line list their exports from it."""

from __future__ import annotations

import argparse
import email
import io
import zipfile
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from trygghetsrad.export.kinds import EXPORTS, MEETING_EXPORTS, WHEEL_EXPORTS, by_suffix

TODAY = date(2026, 11, 26)


def _documents(session: Any) -> dict[str, Any]:
    """The document each kind is rendered from, as the window and the commands build it."""
    from trygghetsrad.export import spreadsheet_tables
    from trygghetsrad.services import settings
    from trygghetsrad.services.meetings import document as meetings_document
    from trygghetsrad.services.meetings import invitations as meeting_invitations
    from trygghetsrad.services.meetings import lifecycle as meetings
    from trygghetsrad.services.situation import action_plan, agreements, followup
    from trygghetsrad.services.situation import indicators as situation_indicators
    from trygghetsrad.services.situation import pictures as situation_pictures
    from trygghetsrad.services.wheel import extra as wheel_extra

    settings.save(session, replace(settings.load(session), sender_email="samordnare@storaker.se"))
    held = next(m for m in meetings.list_meetings(session) if m.status.value != "planned")
    meeting = meetings_document.meeting_document(session, held.id, include_internal=False)
    sheet = spreadsheet_tables.indicators_sheet(situation_indicators.list_indicators(session))
    plan = action_plan.list_plans(session)[0].id
    agreement = agreements.list_agreements(session)[0].id
    picture = situation_pictures.list_pictures(session)[0].id
    documents: dict[str, Any] = dict.fromkeys(MEETING_EXPORTS, meeting)
    documents["invite"] = meeting_invitations.invitation(session, held.id, record=False)
    documents.update(
        dict.fromkeys(WHEEL_EXPORTS, wheel_extra.wheel_document(session, 2026)),
        plan=followup.plan_document(session, plan, today=TODAY),
        followup=followup.followup_document(session, 2026, today=TODAY),
        agreement=agreements.agreement_document(session, agreement, today=TODAY),
        situation=situation_pictures.build_report(session, picture, include_internal=False),
        xlsx=sheet,
        csv=sheet,
    )
    return documents


def _is_suffix(suffix: str, data: bytes) -> bool:
    if suffix == ".pdf":
        return data.startswith(b"%PDF-")
    if suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix == ".svg":
        return b"<svg" in data[:500]
    if suffix == ".ics":
        return data.startswith(b"BEGIN:VCALENDAR")
    if suffix == ".eml":
        return email.message_from_bytes(data).get("Subject") is not None
    if suffix == ".xlsx":
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    if suffix == ".csv":
        return data.decode("utf-8-sig").count(";") > 0
    raise AssertionError(suffix)


def test_every_kind_renders_a_file_of_its_suffix(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        documents = _documents(s)
    assert sorted(documents) == sorted(EXPORTS)  # every kind is tried
    for key, kind in EXPORTS.items():
        data = kind.render(documents[key])
        assert _is_suffix(kind.suffix, data), key
    # The two e-mail drafts carry the minutes and the notice.
    minutes = email.message_from_bytes(EXPORTS["email"].render(documents["email"]))
    notice = email.message_from_bytes(EXPORTS["email_notice"].render(documents["email"]))
    assert "Kallelse" in str(notice["Subject"]) and "Kallelse" not in str(minutes["Subject"])


def test_a_file_is_matched_to_its_kind_by_suffix_whatever_its_case() -> None:
    assert by_suffix(WHEEL_EXPORTS, ".PNG") is EXPORTS["wheel_png"]
    assert by_suffix(WHEEL_EXPORTS, ".docx") is None


def _export_help() -> dict[str, str]:
    from trygghetsrad.cli import build_parser

    parser = build_parser()
    top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = top.choices["export"]
    sub = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    return {choice.dest: choice.help or "" for choice in sub._choices_actions}


@pytest.mark.parametrize("key", [k for k, kind in EXPORTS.items() if kind.help])
def test_the_command_line_describes_each_export_as_the_table_does(key: str) -> None:
    command = {"wheel_ics": "wheel-ics"}.get(key, key)
    assert _export_help()[command] == EXPORTS[key].help
