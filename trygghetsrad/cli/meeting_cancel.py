"""`cancel meeting MÖTES-ID`: call off a planned meeting (and `--undo` to hold it after all).

A cancelled meeting's invitation (`export invite`) becomes a cancellation, `METHOD:CANCEL`
with the same UID, so the members' calendars remove it. (Not `restore meeting`: `restore`
is the command that restores the database from a backup.)
"""

from __future__ import annotations

import argparse
from datetime import date

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db
from trygghetsrad.cli.meetings import resolve_meeting
from trygghetsrad.i18n import tr


def add_commands(commands: Commands) -> None:
    cancel = commands.top.add_parser("cancel", help=tr("ställ in ett planerat möte"))
    what = cancel.add_subparsers(dest="what", metavar="VAD", required=True)
    meeting = what.add_parser("meeting", help=tr("ställ in ett planerat möte"))
    meeting.add_argument(
        "meeting", metavar="MÖTES-ID", help=tr("mötets id (se list meetings) eller datum")
    )
    meeting.add_argument(
        "--undo", action="store_true", help=tr("ångra inställningen: mötet blir av ändå")
    )
    meeting.set_defaults(handler=_cancel_meeting)


def _cancel_meeting(args: argparse.Namespace) -> int:
    from trygghetsrad.domain.meetings.model import meeting_name
    from trygghetsrad.services.meetings.invitations import cancel_meeting, restore_meeting
    from trygghetsrad.services.meetings.lifecycle import get_meeting

    db = open_db(args)
    try:
        with db.session() as session:
            meeting_id = resolve_meeting(session, args.meeting)
            if args.undo:
                restore_meeting(session, meeting_id)
            else:
                cancel_meeting(session, meeting_id, on=date.today())
            found = get_meeting(session, meeting_id)
            name = meeting_name(found.group_names, found.day, found.title)
    finally:
        db.close()
    if args.undo:
        print(tr("{meeting} blir av som planerat.").format(meeting=name))
        print(tr("Skicka en ny inbjudan: export invite {id} UTFIL.ics").format(id=meeting_id))
    else:
        print(tr("{meeting} är inställt.").format(meeting=name))
        print(tr("Skicka avbokningen: export invite {id} UTFIL.ics").format(id=meeting_id))
    return 0
