"""The `search` command: find anything in every workspace from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db
from trygghetsrad.i18n import tr


def add_commands(commands: Commands) -> None:
    parser = commands.top.add_parser("search", help=tr("sök i alla arbetsytor"))
    parser.add_argument("text", nargs="+", metavar="ORD", help=tr("ord att söka efter"))
    parser.add_argument("--json", action="store_true", help=tr("skriv resultatet som JSON"))
    parser.add_argument(
        "--limit",
        type=int,
        default=10,
        metavar="ANTAL",
        help=tr("högst så många träffar per slag (10)"),
    )
    parser.set_defaults(handler=_search)


def _search(args: argparse.Namespace) -> int:
    from trygghetsrad.domain.search import marked, matched_words, plain, query_words
    from trygghetsrad.errors import UserError
    from trygghetsrad.services import search

    text = " ".join(args.text)
    if not query_words(text):
        raise UserError(tr("Skriv minst ett ord att söka efter."))
    db = open_db(args)
    try:
        with db.session() as session:
            result = search.search(session, text=text, per_kind=max(1, args.limit))
    finally:
        db.close()
    if args.json:
        data = {
            "query": text,
            "total": result.total,
            "groups": [
                {
                    "kind": group.kind,
                    "label": group.label,
                    "total": group.total,
                    "hits": [
                        {
                            "kind": hit.kind,
                            "ref_table": hit.ref_table,
                            "ref_id": hit.ref_id,
                            "title": plain(hit.title),
                            "snippet": plain(hit.snippet),
                            "context": hit.context,
                            "matched": sorted(
                                set(matched_words(hit.title) + matched_words(hit.snippet))
                            ),
                            "owner": {
                                "area": hit.owner.area,
                                "kind": hit.owner.kind,
                                "id": hit.owner.id,
                            },
                        }
                        for hit in group.hits
                    ],
                }
                for group in result.groups
            ],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not result.groups:
        print(tr("Inga träffar för ”{text}”.").format(text=text))
        return 0
    for group in result.groups:
        shown = len(group.hits)
        more = tr(" (visar {n})").format(n=shown) if shown < group.total else ""
        print(f"{group.label}: {group.total}{more}")
        for hit in group.hits:
            line = "  " + marked(hit.title).replace("\n", " – ")
            if hit.context:
                line += f"  [{hit.context}]"
            print(line)
            if hit.snippet:
                print("      " + marked(hit.snippet).replace("\n", " "))
    return 0
