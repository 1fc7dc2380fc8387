"""Commands for the register and the database itself: `demo` and `list`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db, print_records
from trygghetsrad.i18n import plural, tr


def add_commands(commands: Commands) -> None:
    demo = commands.top.add_parser("demo", help=tr("fyll en tom databas med exempeldata"))
    demo.add_argument(
        "--date",
        type=date.fromisoformat,
        default=None,
        metavar="DATUM",
        help=tr("dagens datum för exempeldata (ÅÅÅÅ-MM-DD)"),
    )
    demo.add_argument(
        "--years",
        type=int,
        default=0,
        metavar="N",
        help=tr("lägg dessutom till N års historik (t.ex. 10 för en stor databas)"),
    )
    demo.set_defaults(handler=_demo)

    listing = commands.top.add_parser("list", help=tr("lista poster"))
    listing.add_argument(
        "what",
        choices=["people", "organisations", "groups"],
        metavar="VAD",
        help=tr("vad som listas"),  # the full list is written once all lists are added
    )
    listing.add_argument("--json", action="store_true", help=tr("skriv en JSON-lista"))
    listing.set_defaults(handler=_list)


def _demo(args: argparse.Namespace) -> int:
    from trygghetsrad import demo
    from trygghetsrad.errors import UserError

    if not 0 <= args.years <= 50:
        raise UserError(tr("Antalet år måste vara mellan 0 och 50."))
    db = open_db(args, create=True)
    counts: dict[str, int] = {}
    try:
        with db.session() as session:
            demo.fill(session, args.date)
            if args.years:
                from trygghetsrad.demo.scale import fill_history

                counts = fill_history(session, years=args.years, today=args.date or date.today())
    finally:
        db.close()
    print(tr("Exempeldata har lagts in i {path}").format(path=db.path))
    for table, n in counts.items():
        print(f"  {table}: {n}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from trygghetsrad.services import register

    db = open_db(args)
    try:
        with db.session() as session:
            records: list[Any]  # of the kind of record asked for
            if args.what == "people":
                records = register.list_people(session)
                line = lambda p: "\t".join([p.name, p.title, p.organisation_name, p.email, p.phone])  # noqa: E731
            elif args.what == "organisations":
                records = register.list_organisations(session)
                line = lambda o: "\t".join([o.name, o.kind])  # noqa: E731
            else:
                records = register.list_groups(session)
                line = lambda g: "\t".join(  # noqa: E731
                    [g.name, plural(g.member_count, tr("medlem"), tr("medlemmar"))]
                )
    finally:
        db.close()
    print_records(records, as_json=args.json, line=line)
    return 0
