"""Commands for meetings: `list meetings` and the exports of minutes, notices, e-mails, invitations.

A meeting is named by the id that `list meetings` shows, or by its date (ÅÅÅÅ-MM-DD) when
only one meeting was held that day.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db, write_output
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.i18n import tr

if TYPE_CHECKING:  # the commands import what they use when they run (start-up time)
    from sqlalchemy.orm import Session

    from trygghetsrad.domain.meetings.document import MeetingDocument


def add_commands(commands: Commands) -> None:
    _extend_list(commands)
    specs = [
        ("minutes", [], _export_minutes),
        ("notice", [], _export_notice),
        ("email", ["eml"], _export_email),  # --notice: the kind "email_notice"
        ("invite", ["ics"], _export_invite),
    ]
    for name, aliases, handler in specs:
        kind = EXPORTS[name]
        parser = commands.export.add_parser(name, aliases=aliases, help=kind.help)
        parser.add_argument(
            "meeting", metavar="MÖTES-ID", help=tr("mötets id (se list meetings) eller datum")
        )
        parser.add_argument(
            "out", metavar=f"UTFIL{kind.suffix}", type=Path, help=tr("filen som skrivs")
        )
        if kind.suffix != ".ics":
            parser.add_argument(
                "--include-internal",
                action="store_true",
                help=tr("ta med interna punkter"),
            )
        if name == "minutes":
            parser.add_argument(
                "--version",
                dest="minutes_version",  # the top-level --version shows the program's
                type=int,
                metavar="N",
                help=tr("en sparad version (se list versions --meeting MÖTES-ID)"),
            )
        if kind.suffix == ".eml":
            parser.add_argument(
                "--notice",
                action="store_true",
                help=tr("bifoga kallelsen i stället för protokollet"),
            )
        parser.set_defaults(handler=handler)


def _extend_list(commands: Commands) -> None:
    """`list meetings` and `list versions --meeting MÖTES-ID`."""

    from trygghetsrad.cli import meetings_agenda

    def handler(args: argparse.Namespace) -> int:
        if args.what in meetings_agenda.NAMES:
            return meetings_agenda.list_handler(args, resolve_meeting)
        return _list_meetings(args) if args.what == "meetings" else _list_versions(args)

    listing = commands.add_lists(["meetings", "versions", *meetings_agenda.NAMES], handler)
    if not any("--meeting" in a.option_strings for a in listing._actions):
        listing.add_argument(
            "--meeting",
            metavar="MÖTES-ID",
            help=tr("för list versions, agenda och attendance: mötets id eller datum"),
        )


def _list_meetings(args: argparse.Namespace) -> int:
    from trygghetsrad.services.meetings.lifecycle import list_meetings

    db = open_db(args)
    try:
        with db.session() as session:
            meetings = list_meetings(session)
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": m.id,
                "starts_at": datetime.combine(m.day, m.start_time).isoformat()
                if m.start_time
                else m.day.isoformat(),
                "ends_at": datetime.combine(m.day, m.end_time).isoformat() if m.end_time else None,
                "status": m.status.value,
                "kind": m.kind.value,
                "groups": list(m.group_names),
                "title": m.title,
                "place": m.place,
                "online_link": m.online_link,
                "cancelled_on": m.cancelled_on.isoformat() if m.cancelled_on else None,
            }
            for m in meetings
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for m in meetings:
            print("\t".join([str(m.id), m.when, m.status_label, m.groups_label, m.title]))
    return 0


def _list_versions(args: argparse.Namespace) -> int:
    """The kept versions of a meeting's minutes: number, event, date."""
    from trygghetsrad.services.meetings.versions import list_versions

    if not args.meeting:
        raise UserError(tr("Ange mötet: list versions --meeting MÖTES-ID."))
    db = open_db(args)
    try:
        with db.session() as session:
            versions = list_versions(session, resolve_meeting(session, args.meeting))
    finally:
        db.close()
    if args.json:
        data = [
            {"number": v.number, "event": v.event.value, "recorded_on": v.recorded_on.isoformat()}
            for v in versions
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for v in versions:
            print("\t".join([str(v.number), v.event.label(v.protocol), v.recorded_on.isoformat()]))
    return 0


def resolve_meeting(session: Session, text: str) -> int:
    """The meeting named by an id or a date on the command line."""
    from trygghetsrad.services.meetings.lifecycle import get_row, list_meetings

    if text.isdigit():
        return get_row(session, int(text)).id
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(
            tr("”{text}” är varken ett mötes-id eller ett datum (ÅÅÅÅ-MM-DD).").format(text=text)
        ) from None
    found = [m for m in list_meetings(session) if m.day == day]
    if not found:
        raise UserError(tr("Inget möte hölls {day}.").format(day=day.isoformat()))
    if len(found) > 1:
        ids = ", ".join(f"{m.id} ({m.groups_label})" for m in found)
        raise UserError(
            tr("Flera möten {day}: {ids}; ange id.").format(day=day.isoformat(), ids=ids)
        )
    return found[0].id


def _document(args: argparse.Namespace, *, with_files: bool = False) -> MeetingDocument:
    from trygghetsrad.services.meetings.document import meeting_document

    db = open_db(args)
    try:
        with db.session() as session:
            meeting_id = resolve_meeting(session, args.meeting)
            return meeting_document(
                session,
                meeting_id,
                include_internal=getattr(args, "include_internal", False),
                with_files=with_files,
            )
    finally:
        db.close()


def _export_minutes(args: argparse.Namespace) -> int:
    minutes = EXPORTS["minutes"]
    if args.minutes_version is not None:
        return write_output(args.out, minutes.render(_version_document(args)))
    return write_output(args.out, minutes.render(_document(args)))


def _version_document(args: argparse.Namespace) -> MeetingDocument:
    """A kept version, exactly as it was finalised or sent."""
    from trygghetsrad.services.meetings.versions import version_document

    if args.include_internal:
        raise UserError(tr("En sparad version innehåller aldrig interna punkter."))
    db = open_db(args)
    try:
        with db.session() as session:
            return version_document(
                session, resolve_meeting(session, args.meeting), args.minutes_version
            )
    finally:
        db.close()


def _export_notice(args: argparse.Namespace) -> int:
    return write_output(args.out, EXPORTS["notice"].render(_document(args)))


def _export_email(args: argparse.Namespace) -> int:
    doc = _document(args, with_files=True)  # the attachments travel beside the PDF
    draft = EXPORTS["email_notice" if args.notice else "email"].render(doc)
    # Warned once the draft is written: a refused export says one thing only (its error).
    code = write_output(args.out, draft)
    if doc.without_address:  # written all the same: the user adds them in the mail program
        names = ", ".join(doc.without_address)
        print(
            tr("Obs: utan e-postadress, inte med som mottagare: {names}").format(names=names),
            file=sys.stderr,
        )
    return code


def _export_invite(args: argparse.Namespace) -> int:
    """A meeting request (or a cancellation) with the SEQUENCE recorded as issued; beside an
    open window the database is read-only and the number is only computed."""
    from trygghetsrad.services.meetings.invitations import invitation

    db = open_db(args)
    try:
        with db.session() as session:
            meeting_id = resolve_meeting(session, args.meeting)
            invite = invitation(session, meeting_id, record=not db.read_only)
            data = EXPORTS["invite"].render(invite)
    finally:
        db.close()
    code = write_output(args.out, data)
    if invite.without_address:
        print(
            tr("Utan e-postadress (får ingen inbjudan): {names}").format(
                names=", ".join(invite.without_address)
            )
        )
    return code
