"""Attachments and extracts on the command line.

`attach meeting|item|agreement|picture ID FILE [--title TEXT]` stores a file in the database;
`list attachments meeting|item|agreement|picture ID [--json]` lists them; `export attachment ID OUT`
writes one back out (never over the database). `export extract MÖTES-ID PUNKT... UT.pdf`
writes a *protokollsutdrag* of a finalised meeting's items, named by their printed numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db, write_output
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.i18n import tr

_OWNERS = ("meeting", "item", "agreement", "picture")


def add_commands(commands: Commands) -> None:
    attach = commands.top.add_parser("attach", help=tr("bifoga en fil till ett möte m.m."))
    attach.add_argument("owner", choices=_OWNERS, metavar="meeting|item|agreement|picture")
    attach.add_argument(
        "owner_id",
        metavar="POST-ID",
        help=tr("mötets, punktens, överenskommelsens eller lägesbildens id"),
    )
    attach.add_argument("file", metavar="INFIL", type=Path, help=tr("filen som bifogas"))
    attach.add_argument("--title", default="", metavar="RUBRIK", help=tr("bilagans rubrik"))
    attach.set_defaults(handler=_attach)

    listing = commands.add_lists(["attachments"], _list)
    listing.add_argument(
        "target",
        nargs="*",
        metavar="meeting|item|agreement|picture POST-ID",
        help=tr("för list attachments: vems bilagor (t.ex. meeting 1)"),
    )

    export = commands.export.add_parser("attachment", help=tr("en bilaga till fil"))
    export.add_argument("attachment_id", metavar="BILAGE-ID", type=int)
    export.add_argument("out", metavar="UTFIL", type=Path, help=tr("filen som skrivs"))
    export.add_argument(
        "--include-internal", action="store_true", help=tr("ta med interna uppgifter")
    )
    export.set_defaults(handler=_export_attachment)

    extract = commands.export.add_parser("extract", help=EXPORTS["extract"].help)
    extract.add_argument(
        "meeting", metavar="MÖTES-ID", help=tr("mötets id (se list meetings) eller datum")
    )
    # The items and the file are separate arguments (argparse leaves the last word for the
    # file), so the usage names each and tools reading the parser see where the file goes.
    extract.add_argument(
        "item",
        nargs="*",
        metavar="PUNKT",
        help=tr("punkternas nummer som de skrivs i protokollet (14 eller §14)"),
    )
    extract.add_argument("out", metavar="UTFIL.pdf", help=tr("filen som skrivs, en .pdf"))
    extract.set_defaults(handler=_export_extract)


def _owner_id(text: str) -> int:
    if not text.isdigit():
        raise UserError(tr("”{text}” är inget id (ett heltal).").format(text=text))
    return int(text)


def _attach(args: argparse.Namespace) -> int:
    from trygghetsrad.domain.attachments import OwnerKind
    from trygghetsrad.services.attachments import add_attachment, read_file

    owner = OwnerKind(args.owner)
    owner_id = _owner_id(args.owner_id)
    data = read_file(args.file)  # refused before the database is opened
    db = open_db(args)
    try:
        if db.read_only:
            db.check_present()
            raise db.write_refusal()
        with db.session() as session:
            created = add_attachment(
                session, owner, owner_id, filename=args.file.name, data=data, title=args.title
            )
    finally:
        db.close()
    print(
        tr("Bifogade {name} till {what} {id} (bilaga {aid}).").format(
            name=args.file.name, what=owner.label, id=owner_id, aid=created.id
        )
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    from trygghetsrad.domain.attachments import OwnerKind, size_text
    from trygghetsrad.services.attachments_read import list_attachments

    target = list(args.target or [])
    if len(target) != 2 or target[0] not in _OWNERS:
        raise UserError(
            tr("Ange vems bilagor: list attachments meeting|item|agreement|picture POST-ID.")
        )
    owner = OwnerKind(target[0])
    db = open_db(args)
    try:
        with db.session() as session:
            found = list_attachments(session, owner, _owner_id(target[1]))
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": a.id,
                "title": a.title,
                "filename": a.filename,
                "mime_type": a.mime_type,
                "size": a.size,
            }
            for a in found
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for a in found:
            print("\t".join([str(a.id), a.name, a.filename, size_text(a.size)]))
    return 0


def _export_attachment(args: argparse.Namespace) -> int:
    from trygghetsrad.services.attachments import get_attachment

    db = open_db(args)
    try:
        with db.session() as session:
            found = get_attachment(
                session, args.attachment_id, include_internal=args.include_internal
            )
    finally:
        db.close()
    return write_output(args.out, found.data)


def _export_extract(args: argparse.Namespace) -> int:
    from trygghetsrad.cli.meetings import resolve_meeting
    from trygghetsrad.domain.meetings.extract import extract_indices
    from trygghetsrad.services.meetings.document import meeting_document

    numbers, out = list(args.item), args.out
    if not out.lower().endswith(".pdf"):
        raise UserError(
            tr("Sist anges filen som skrivs, en .pdf: export extract MÖTES-ID PUNKT... UT.pdf.")
        )
    db = open_db(args)
    try:
        with db.session() as session:
            doc = meeting_document(session, resolve_meeting(session, args.meeting))
    finally:
        db.close()
    indices = extract_indices(doc, numbers)
    return write_output(Path(out), EXPORTS["extract"].render(doc, indices=indices))
