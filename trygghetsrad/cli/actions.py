"""Commands for the action register: `list actions`, the Excel exports
(`export actions|attendance|measures|indicators UT.xlsx|UT.csv`) and `export reminders`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db, write_output
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import SPREADSHEET_FORMATS, ExportKind, by_suffix
from trygghetsrad.i18n import plural, tr

STATUSES = ("open", "done", "cancelled")
SPREADSHEETS = {
    "actions": tr("uppdragen i alla möten som Excel (.xlsx) eller CSV"),
    "attendance": tr("närvarostatistik för ett år som Excel (.xlsx) eller CSV"),
    "measures": tr("åtgärder med uppföljning som Excel (.xlsx) eller CSV"),
    "indicators": tr("indikatorer med värden som Excel (.xlsx) eller CSV"),
}


def add_commands(commands: Commands) -> None:
    _extend_list(commands)
    for name, help_text in SPREADSHEETS.items():
        parser = commands.export.add_parser(name, help=help_text)
        parser.add_argument(
            "out", metavar="UTFIL.xlsx|UTFIL.csv", type=Path, help=tr("filen som skrivs")
        )
        parser.add_argument("--year", type=int, metavar="ÅR", help=tr("bara ett år"))
        if name in ("actions", "measures"):
            parser.add_argument(
                "--include-internal", action="store_true", help=tr("ta med interna poster")
            )
        parser.set_defaults(handler=_export_spreadsheet, sheet=name)
    reminders = commands.export.add_parser(
        "reminders", help=tr("påminnelser som e-postutkast (.eml), ett per mottagare")
    )
    reminders.add_argument("outdir", metavar="UTMAPP", type=Path, help=tr("mappen som skrivs"))
    reminders.add_argument(
        "--overdue", action="store_true", help=tr("bara försenade uppdrag och leveranser")
    )
    reminders.add_argument(
        "--person", type=int, metavar="PERSON-ID", help=tr("bara till en person")
    )
    reminders.set_defaults(handler=_export_reminders)


def _extend_list(commands: Commands) -> None:
    """`list actions` and its filters."""
    listing = commands.add_lists(["actions"], _list_actions)
    own = listing.add_argument_group(tr("för list actions"))
    own.add_argument("--person", type=int, metavar="PERSON-ID", help=tr("en ansvarig person"))
    own.add_argument(
        "--organisation", type=int, metavar="ORG-ID", help=tr("en ansvarig organisation")
    )
    own.add_argument("--group", type=int, metavar="GRUPP-ID", help=tr("en grupp"))
    own.add_argument("--status", choices=STATUSES, help=tr("open, done eller cancelled"))
    own.add_argument(
        "--overdue", action="store_true", help=tr("bara öppna uppdrag vars datum har passerat")
    )
    own.add_argument(
        "--due-within", type=int, metavar="DAGAR", help=tr("öppna uppdrag som ska vara klara inom")
    )
    own.add_argument(
        "--from", dest="start", type=_day, metavar="DATUM", help=tr("möten från och med")
    )
    own.add_argument("--to", dest="end", type=_day, metavar="DATUM", help=tr("möten till och med"))
    own.add_argument("--include-internal", action="store_true", help=tr("ta med interna uppdrag"))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("”{text}” är inget datum (ÅÅÅÅ-MM-DD)").format(text=text)
        ) from None


def _criteria(session: Any, args: argparse.Namespace) -> Any:
    from trygghetsrad.db.models import Group, Organisation, Person
    from trygghetsrad.domain.actions.register import ActionFilter
    from trygghetsrad.domain.meetings.model import ActionStatus

    for value, model, message in (
        (args.person, Person, tr("Det finns ingen person med id {id} (se list people --json).")),
        (
            args.organisation,
            Organisation,
            tr("Det finns ingen organisation med id {id} (se list organisations --json)."),
        ),
        (args.group, Group, tr("Det finns ingen grupp med id {id} (se list groups --json).")),
    ):
        if value is not None and session.get(model, value) is None:
            raise UserError(message.format(id=value))
    if args.due_within is not None and args.due_within < 0:
        raise UserError(tr("--due-within måste vara 0 eller fler dagar."))
    return ActionFilter(
        person_id=args.person,
        organisation_id=args.organisation,
        group_id=args.group,
        status=ActionStatus(args.status) if args.status else None,
        overdue=args.overdue,
        due_within=args.due_within,
        start=args.start,
        end=args.end,
        include_internal=args.include_internal,
    )


def _list_actions(args: argparse.Namespace) -> int:
    from trygghetsrad.services.actions.register import register_actions

    today = date.today()
    db = open_db(args)
    try:
        with db.session() as session:
            actions = register_actions(session, _criteria(session, args), today=today)
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": a.id,
                "what": a.what,
                "responsibles": [
                    {"name": r.name, "person_id": r.person_id, "organisation_id": r.organisation_id}
                    for r in a.responsibles
                ],
                "due_date": a.due_date.isoformat() if a.due_date else None,
                "status": a.status.value,
                "overdue": a.overdue(today),
                "carried_count": a.carried_count,
                "meeting_id": a.meeting_id,
                "meeting_date": a.meeting_day.isoformat(),
                "meeting": a.meeting_name,
                "item": a.item_title,
                "groups": list(a.group_names),
                "measures": list(a.measures),
                "closed_on": a.closed_on.isoformat() if a.closed_on else None,
                "internal": a.internal,
            }
            for a in actions
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for a in actions:
            due = a.due_date.isoformat() if a.due_date else ""
            state = a.status_text(today)
            print("\t".join([str(a.id), due, state, a.responsible, a.what, a.meeting_name]))
    return 0


# -- spreadsheets ---------------------------------------------------------------------------


def _format(out: Path) -> ExportKind:
    kind = by_suffix(SPREADSHEET_FORMATS, out.suffix)
    if kind is None:
        raise UserError(
            tr("Filen måste sluta på .xlsx (Excel) eller .csv, inte ”{name}”.").format(
                name=out.name
            )
        )
    return kind


def _export_spreadsheet(args: argparse.Namespace) -> int:
    kind = _format(args.out)
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise UserError(tr("Året {year} är orimligt.").format(year=args.year))
    db = open_db(args)
    try:
        with db.session() as session:
            sheet = _sheet(session, args)
    finally:
        db.close()
    code = write_output(args.out, kind.render(sheet))
    print(plural(len(sheet.rows), tr("rad"), tr("rader")))
    return code


def _sheet(session: Any, args: argparse.Namespace) -> Any:
    from trygghetsrad.export import spreadsheet_tables as tables

    internal = getattr(args, "include_internal", False)
    today = date.today()
    if args.sheet == "actions":
        from trygghetsrad.domain.actions.register import ActionFilter
        from trygghetsrad.services.actions.register import register_actions

        criteria = ActionFilter(include_internal=internal)
        if args.year is not None:
            criteria = ActionFilter(
                start=date(args.year, 1, 1), end=date(args.year, 12, 31), include_internal=internal
            )
        return tables.actions_sheet(register_actions(session, criteria, today=today), today=today)
    if args.sheet == "attendance":
        from trygghetsrad.services.meetings.attendance import attendance_by_person

        year = args.year or today.year
        return tables.attendance_sheet(attendance_by_person(session, year), year)
    if args.sheet == "measures":
        from trygghetsrad.services.situation import action_plan
        from trygghetsrad.services.situation.followup import plans_for_year

        plans = plans_for_year(session, args.year) if args.year else action_plan.list_plans(session)
        rows = []
        for plan in plans:
            for measure in action_plan.list_measures(session, plan.id):
                if measure.internal and not internal:
                    continue
                notes = [
                    n
                    for n in action_plan.list_followups(session, measure_id=measure.id)
                    if (internal or not n.internal)
                    and (args.year is None or n.noted_on.year == args.year)
                ]
                rows.append((measure, notes))
        return tables.measures_sheet(plans, rows)
    from dataclasses import replace

    from trygghetsrad.domain.internal import visible
    from trygghetsrad.services.situation.indicators import list_indicators
    from trygghetsrad.services.situation.sources import list_sources

    # An internal data source is not named (as in the situation report); its figures stay.
    named = {s.id for s in visible(list_sources(session), internal)}
    indicators = [
        i if i.source_id is None or i.source_id in named else replace(i, source_name="")
        for i in list_indicators(session)
    ]
    return tables.indicators_sheet(indicators, args.year)


def _export_reminders(args: argparse.Namespace) -> int:
    """One draft per person to remind, in OUTDIR; who has no address is printed."""
    from trygghetsrad.db.models import Person
    from trygghetsrad.export.meetings import reminders as drafts
    from trygghetsrad.files import write_document
    from trygghetsrad.services import settings
    from trygghetsrad.services.actions.reminders import reminders

    today = date.today()
    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise UserError(tr("{path} är en fil, inte en mapp.").format(path=outdir))
    db = open_db(args)
    try:
        with db.session() as session:
            if args.person is not None and session.get(Person, args.person) is None:
                raise UserError(
                    tr("Det finns ingen person med id {id} (se list people --json).").format(
                        id=args.person
                    )
                )
            found = reminders(
                session, today=today, overdue_only=args.overdue, person_id=args.person
            )
            config = settings.load(session)
    finally:
        db.close()
    files = drafts.reminder_files(
        found, today=today, sender_email=config.sender_email, signature=config.coordinator_name
    )
    if files:
        outdir.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        write_document(outdir / name, data)
    if files:
        print(
            tr("Skrev {drafts} i {path}").format(
                drafts=plural(len(files), tr("e-postutkast"), tr("e-postutkast")), path=outdir
            )
        )
    else:
        print(tr("Ingen att påminna: inga öppna uppdrag eller försenade leveranser."))
    if found.without_address:
        print(tr("Saknar e-postadress (påminn på annat sätt):"))
        for line in found.without_address:
            print(f"  {line}")
    return 0
