"""Commands for the data as a whole: backup, restore, portable export/import, personal data.

While the window has the database open, commands may read it (exports, listings) but not
change it: `open_db` then opens it read-only and a writing command gets a clear message.
`restore` needs the database to itself and refuses while the window has it open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trygghetsrad.cli import Commands, check_readable
from trygghetsrad.cli.base import open_db
from trygghetsrad.db.backups import KEEP_RECENT
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural, tr


def add_commands(commands: Commands) -> None:
    backup = commands.top.add_parser(
        "backup",
        help=tr("säkerhetskopiera databasen (SQLites onlinekopiering)"),
        description=tr(
            "Utan MÅL sparas kopian bland de automatiska säkerhetskopiorna i användarens datamapp."
        ),
    )
    backup.add_argument("target", nargs="?", metavar="MÅL", help=tr("fil att skriva kopian till"))
    backup.add_argument("--to", dest="to", metavar="MÅL", help=tr("samma som MÅL"))
    backup.add_argument("--list", action="store_true", help=tr("lista de automatiska kopiorna"))
    backup.add_argument(
        "--keep-days",
        type=int,
        metavar="DAGAR",
        help=tr(
            "hur många dagar automatiska kopior sparas (standard 30); av de senaste två "
            "dygnen sparas de {recent} senaste"
        ).format(recent=KEEP_RECENT),
    )
    backup.set_defaults(handler=_backup)

    restore = commands.top.add_parser(
        "restore", help=tr("återställ databasen från en säkerhetskopia")
    )
    restore.add_argument(
        "source", nargs="?", metavar="KÄLLA", help=tr("säkerhetskopian (utan: den senaste)")
    )
    restore.add_argument(
        "--latest", action="store_true", help=tr("använd den senaste automatiska kopian")
    )
    restore.set_defaults(handler=_restore)

    export = commands.export.add_parser(
        "data", help=tr("exportera alla poster som JSON (se docs/data-format.md)")
    )
    export.add_argument("out", metavar="UTFIL.json")
    export.set_defaults(handler=_export_data)

    import_ = commands.import_.add_parser("data", help=tr("importera alla poster från JSON"))
    import_.add_argument("source", metavar="INFIL.json")
    import_.add_argument(
        "--replace",
        action="store_true",
        help=tr("ersätt allt innehåll i databasen (en säkerhetskopia görs först)"),
    )
    import_.set_defaults(handler=_import_data)

    person = commands.export.add_parser(
        "person", help=tr("exportera alla uppgifter om en person som JSON")
    )
    person.add_argument("person_id", type=int, metavar="PERSON-ID")
    person.add_argument("out", metavar="UTFIL.json")
    person.set_defaults(handler=_export_person)

    erase = commands.top.add_parser("erase", help=tr("radera personuppgifter"))
    erase_what = erase.add_subparsers(dest="what", metavar="VAD", required=True)
    erase_person = erase_what.add_parser(
        "person", help=tr("radera en persons personuppgifter (kan inte ångras)")
    )
    erase_person.add_argument("person_id", type=int, metavar="PERSON-ID")
    erase_person.set_defaults(handler=_erase_person)


def _backup(args: argparse.Namespace) -> int:
    from trygghetsrad.db import backups
    from trygghetsrad.services import backup

    target = args.target or args.to
    db = open_db(args)
    try:
        if args.keep_days is not None:
            with db.session() as session:
                backup.set_retention_days(session, args.keep_days)
            print(
                tr("Automatiska säkerhetskopior sparas i {days}.").format(
                    days=plural(args.keep_days, tr("dag"), tr("dagar"))
                )
            )
            print(backup.retention_rule(args.keep_days))
            if not target and not args.list:
                return 0
        if args.list:
            for item in backups.list_backups(db.path):
                print(f"{item.made_at:%Y-%m-%d %H:%M:%S}\t{item.reason}\t{item.path}")
            return 0
        rule = None
        if target:
            made = backup.backup_to(db, Path(target).expanduser().absolute())
        else:
            made = backup.backup_now(db, backups.AUTOMATIC)
            with db.session() as session:
                rule = backup.retention_rule(backup.retention_days(session))
    finally:
        db.close()
    print(tr("Säkerhetskopia sparad: {path}").format(path=made))
    if rule:
        print(rule)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from trygghetsrad.db import lock
    from trygghetsrad.db.engine import LockMode, open_database
    from trygghetsrad.paths import resolve_db_path
    from trygghetsrad.services import backup

    path = resolve_db_path(getattr(args, "db", None))
    if args.source:
        source = Path(args.source).expanduser().absolute()
    else:
        newest = backup.newest_backup(path)
        if newest is None:
            raise UserError(tr("Det finns ingen säkerhetskopia av {path}.").format(path=path))
        source = newest.path
    lock.acquire(path, program=tr("kommandot restore"))
    try:
        summary = backup.describe(source)
        kept = backup.restore(path, source)
        open_database(path, lock=LockMode.EXCLUSIVE).close()
    finally:
        lock.release(path)
    # "möten: 1" (the label is the table's plural name, so never "1 möten").
    counts = ", ".join(f"{label}: {rows}" for label, rows in summary.counts)
    print(
        tr("Databasen {path} är återställd från {source} ({when}): {counts}.").format(
            path=path, source=source, when=f"{summary.made_at:%Y-%m-%d %H:%M}", counts=counts
        )
    )
    if kept is not None:
        print(tr("Den tidigare databasen finns kvar som {kept}").format(kept=kept))
    return 0


def _export_data(args: argparse.Namespace) -> int:
    from trygghetsrad.services import portable

    db = open_db(args)
    try:
        with db.session() as session:
            document = portable.export_data(session)
    finally:
        db.close()
    out = portable.write_json(document, Path(args.out))
    total = sum(len(rows) for rows in document["tables"].values())
    print(
        tr("{records} till {path}").format(
            records=plural(total, tr("post exporterad"), tr("poster exporterade")), path=out
        )
    )
    internal = sum(
        1 for rows in document["tables"].values() for r in rows if r.get("internal") is True
    )
    if internal:
        print(
            tr(
                "Filen är en fullständig kopia och innehåller även {records} som "
                "interna; hantera den som själva databasen."
            ).format(records=plural(internal, tr("post markerad"), tr("poster markerade")))
        )
    return 0


def _import_data(args: argparse.Namespace) -> int:
    from trygghetsrad.cli.progress import TerminalProgress
    from trygghetsrad.db import backups
    from trygghetsrad.services import backup, portable

    check_readable(args.source)
    source = Path(args.source)
    with TerminalProgress() as progress:
        # Read twice, never whole: checked before the database is opened and the backup
        # made, so a bad file costs nothing; then checked again while it is written.
        total = portable.validate_file(
            source, progress.step(tr("Kontrollerar {name}").format(name=source.name))
        )
        progress.close()
        db = open_db(args, create=True)
        try:
            if db.read_only:
                db.check_present()
                raise db.write_refusal()
            made = backup.backup_now(db, backups.BEFORE_IMPORT)
            with db.session() as session:
                portable.import_file(
                    session,
                    source,
                    replace=args.replace,
                    progress=progress.step(tr("Importerar {name}").format(name=source.name)),
                )
        finally:
            db.close()
    print(
        tr("{records} till {path}").format(
            records=plural(total, tr("post importerad"), tr("poster importerade")), path=db.path
        )
    )
    print(tr("Säkerhetskopia från före importen: {path}").format(path=made))
    return 0


def _export_person(args: argparse.Namespace) -> int:
    from trygghetsrad.services import portable, privacy

    db = open_db(args)
    try:
        with db.session() as session:
            document = privacy.export_person(session, args.person_id)
    finally:
        db.close()
    out = portable.write_json(document, Path(args.out))
    print(
        tr("Uppgifterna om {name} exporterade till {path}").format(
            name=document["person"].get("name", args.person_id), path=out
        )
    )
    return 0


def _erase_person(args: argparse.Namespace) -> int:
    from trygghetsrad.db import backups
    from trygghetsrad.services import backup, privacy

    db = open_db(args)
    try:
        with db.session() as session:
            summary = privacy.preview(session, args.person_id)
        if not db.read_only:
            backup.backup_now(db, backups.BEFORE_ERASE)
        with db.session() as session:
            privacy.erase_person(session, args.person_id)
    finally:
        db.close()
    print(summary.confirmation())
    return 0
