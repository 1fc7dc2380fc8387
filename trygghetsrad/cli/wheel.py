"""Commands for the annual wheel: `list events`, `export wheel`, `export wheel-ics`, `import ics`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from trygghetsrad.cli import Commands, os_error_message
from trygghetsrad.cli.base import open_db, write_output
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS, WHEEL_IMAGES, by_suffix, suffixes_text
from trygghetsrad.i18n import tr

if TYPE_CHECKING:  # the commands import what they use when they run (start-up time)
    from trygghetsrad.domain.wheel.model import WheelDocument


def add_commands(commands: Commands) -> None:
    _extend_list(commands)
    wheel = commands.export.add_parser(
        "wheel", help=tr("årshjulet som A3-affisch (.pdf) eller bild (.png, .svg)")
    )
    wheel.add_argument("year", type=int, metavar="ÅR", help=tr("året, t.ex. 2026"))
    wheel.add_argument(
        "out",
        type=Path,
        metavar="UTFIL",
        help=tr("fil som slutar på {suffixes}").format(suffixes=suffixes_text(WHEEL_IMAGES)),
    )
    wheel.add_argument(
        "--include-internal", action="store_true", help=tr("ta med interna händelser")
    )
    wheel.set_defaults(handler=_export_wheel)

    ics = commands.export.add_parser("wheel-ics", help=EXPORTS["wheel_ics"].help)
    ics.add_argument("year", type=int, metavar="ÅR")
    ics.add_argument("out", type=Path, metavar="UTFIL.ics")
    ics.add_argument("--include-internal", action="store_true", help=tr("ta med interna händelser"))
    ics.set_defaults(handler=_export_ics)

    imp = commands.import_.add_parser("ics", help=tr("läs in händelser från en kalenderfil (.ics)"))
    imp.add_argument("source", type=Path, metavar="INFIL.ics")
    imp.add_argument(
        "--category", default=None, metavar="RING", help=tr("ringens namn, t.ex. Evenemang")
    )
    imp.set_defaults(handler=_import_ics)


def _extend_list(commands: Commands) -> None:
    """`list events` (with --year)."""
    listing = commands.add_lists(["events"], _list_events)
    if not any(a.dest == "year" for a in listing._actions):
        listing.add_argument(
            "--year", type=int, default=None, metavar="ÅR", help=tr("år (för events)")
        )


def _source(key: str) -> str:
    return "wheel" if key.startswith("wheel:") else key.split(":", 1)[0]


def _list_events(args: argparse.Namespace) -> int:
    from datetime import date

    from trygghetsrad.services.wheel import events as wheel

    year = getattr(args, "year", None) or date.today().year
    db = open_db(args)
    try:
        with db.session() as session:
            items = wheel.year_items(session, year)
            names = {c.key: c.name for c in wheel.list_categories(session)}
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": item.key,
                "title": item.title,
                "category": item.category,
                "category_name": names.get(item.category, item.category),
                "start": item.start.isoformat(),
                "end": item.last_day.isoformat(),
                "start_time": item.start_time.strftime("%H:%M") if item.start_time else None,
                "end_time": item.end_time.strftime("%H:%M") if item.end_time else None,
                "internal": item.internal,
                "source": _source(item.key),
            }
            for item in items
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from trygghetsrad.domain.dates import date_span

        for item in items:
            print(
                "\t".join(
                    [
                        date_span(item.start, item.end),
                        item.title,
                        names.get(item.category, item.category),
                        item.key,
                    ]
                )
            )
    return 0


def _document(args: argparse.Namespace) -> WheelDocument:
    from trygghetsrad.services.wheel.extra import wheel_document

    if not 1900 <= args.year <= 2200:
        raise UserError(tr("Ange ett år mellan 1900 och 2200."))
    db = open_db(args)
    try:
        with db.session() as session:
            return wheel_document(session, args.year, include_internal=args.include_internal)
    finally:
        db.close()


def _export_wheel(args: argparse.Namespace) -> int:
    kind = by_suffix(WHEEL_IMAGES, args.out.suffix)
    if kind is None:
        raise UserError(
            tr("Filen ska sluta på {suffixes}.").format(suffixes=suffixes_text(WHEEL_IMAGES))
        )
    doc = _document(args)
    write_output(args.out, kind.render(doc, include_internal=args.include_internal))
    return 0


def _export_ics(args: argparse.Namespace) -> int:
    doc = _document(args)
    write_output(args.out, EXPORTS["wheel_ics"].render(doc, include_internal=args.include_internal))
    return 0


def _import_ics(args: argparse.Namespace) -> int:
    from trygghetsrad.cli.progress import TerminalProgress
    from trygghetsrad.services.wheel import events as wheel
    from trygghetsrad.services.wheel.extra import import_ics

    try:
        data = args.source.read_bytes()
    except OSError as exc:
        raise UserError(os_error_message(exc, writing=False)) from exc
    db = open_db(args, create=True)
    try:
        with db.session() as session:
            key = "events"
            if args.category:
                match = [
                    c
                    for c in wheel.list_categories(session)
                    if c.name.lower() == args.category.lower() or c.key == args.category
                ]
                if not match:
                    names = ", ".join(c.name for c in wheel.list_categories(session))
                    raise UserError(
                        tr("Det finns ingen ring som heter {name}; välj bland {names}.").format(
                            name=args.category, names=names
                        )
                    )
                key = match[0].key
            with TerminalProgress() as progress:
                result = import_ics(session, data, category=key, progress=progress.report)
    finally:
        db.close()
    for line in result.summary():
        print(line)
    return 0
