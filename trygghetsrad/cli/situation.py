"""Commands for the situation picture: `list situations|sources|indicators`,
`import indicators FILE.csv` and `export situation ID OUT.pdf`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygghetsrad.cli import Commands, check_readable
from trygghetsrad.cli.base import open_db, print_records, write_output
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.i18n import plural, tr

if TYPE_CHECKING:  # the commands import what they use when they run (start-up time)
    from sqlalchemy.orm import Session

    from trygghetsrad.domain.situation.picture import PictureData

LISTS = ("situations", "sources", "indicators")


def add_commands(commands: Commands) -> None:
    _extend_list(commands)
    imp = commands.import_.add_parser(
        "indicators", help=tr("importera indikatorvärden från en CSV-fil")
    )
    imp.add_argument("file", metavar="FIL.csv", type=Path, help=tr("CSV-fil att importera"))
    imp.add_argument(
        "--indicator",
        metavar="NAMN",
        help=tr("indikatorn som värdena gäller (när filen saknar kolumnen indikator)"),
    )
    imp.add_argument(
        "--situation",
        metavar="LÄGESBILD-ID",
        type=int,
        help=tr("lägesbilden som värdena ska ingå i (måste vara under arbete)"),
    )
    imp.set_defaults(handler=_import_indicators)

    exp = commands.export.add_parser("situation", help=EXPORTS["situation"].help)
    exp.add_argument(
        "situation",
        metavar="LÄGESBILD-ID",
        type=int,
        help=tr("lägesbildens id (se list situations)"),
    )
    exp.add_argument("out", metavar="UTFIL.pdf", type=Path, help=tr("PDF-fil att skriva"))
    exp.add_argument(
        "--include-internal", action="store_true", help=tr("ta med poster markerade som interna")
    )
    exp.set_defaults(handler=_export_situation)


def _extend_list(commands: Commands) -> None:
    commands.add_lists(LISTS, _list)


def _list(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import indicators as situation_indicators
    from trygghetsrad.services.situation import pictures as situation_pictures
    from trygghetsrad.services.situation import sources as situation_sources

    today = date.today()
    db = open_db(args)
    try:
        with db.session() as session:
            records: list[Any]  # of the kind of record asked for
            if args.what == "situations":
                records = situation_pictures.list_pictures(session)
                line = lambda p: "\t".join(  # noqa: E731
                    [
                        str(p.id),
                        p.title,
                        tr("version {n}").format(n=p.version),
                        p.status_text,
                        f"{p.period_start.isoformat()}–{p.period_end.isoformat()}",
                    ]
                )
            elif args.what == "sources":
                records = situation_sources.list_sources(session)
                if args.json:
                    data = [
                        {
                            "id": s.id,
                            "name": s.name,
                            "kind": s.kind,
                            "provider": s.provider,
                            "delivered_by": s.delivered_by,
                            "frequency": s.frequency,
                            "last_received": s.last_received.isoformat()
                            if s.last_received
                            else None,
                            "next_expected": s.next_expected.isoformat()
                            if s.next_expected
                            else None,
                            "geographic_level": s.geographic_level,
                            "status": s.status,
                            "alert": (a.value if (a := s.alert(today)) else None),
                            "internal": s.internal,
                            "obstacles": [{"kind": o.kind, "note": o.note} for o in s.obstacles],
                            "attachments": s.attachment_count,
                        }
                        for s in records
                    ]
                    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
                    sys.stdout.write("\n")
                    return 0
                line = lambda s: "\t".join(  # noqa: E731
                    [
                        str(s.id),
                        s.name,
                        s.provider,
                        s.delivered_by,
                        s.status_label,
                        (a.label if (a := s.alert(today)) else ""),
                        s.obstacles_text,
                    ]
                )
            else:
                records = situation_indicators.list_indicators(session)
                line = lambda i: "\t".join(  # noqa: E731
                    [
                        str(i.id),
                        i.name,
                        i.unit,
                        i.source_name,
                        plural(len(i.values), tr("värde"), tr("värden")),
                    ]
                )
    finally:
        db.close()
    print_records(records, as_json=args.json, line=line)
    return 0


def _import_indicators(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import indicators as situation_indicators

    check_readable(args.file)
    db = open_db(args, create=True)
    try:
        with db.session() as session:
            if args.situation is not None:
                picture = _check_picture(session, args.situation)
                if picture.is_frozen:
                    raise UserError(
                        tr(
                            "Lägesbilden {id} är presenterad och låst; välj den version som pågår."
                        ).format(id=args.situation)
                    )
            result = situation_indicators.import_csv_file(
                session, args.file, indicator=args.indicator
            )
    finally:
        db.close()
    print(result.summary)
    return 0


def _export_situation(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import pictures as situation_pictures

    db = open_db(args)
    try:
        with db.session() as session:
            _check_picture(session, args.situation)
            report = situation_pictures.build_report(
                session, args.situation, include_internal=args.include_internal
            )
    finally:
        db.close()
    return write_output(
        args.out, EXPORTS["situation"].render(report), tr("Lägesbilden har sparats i {path}")
    )


def _check_picture(session: Session, picture_id: int) -> PictureData:
    from trygghetsrad.services.situation import pictures as situation_pictures

    try:
        return situation_pictures.get_picture(session, picture_id)
    except UserError:
        raise UserError(
            tr("Det finns ingen lägesbild med id {id}; se trygghetsrad list situations.").format(
                id=picture_id
            )
        ) from None
