"""Commands for the action plan: `list plans|measures`, `export plan`, `export followup`,
`export agreement` (with `action-plan` and `follow-up` as aliases)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from trygghetsrad.cli import Commands
from trygghetsrad.cli.base import open_db, print_records, write_output
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.i18n import plural, tr

OWN_LISTS = ("plans", "measures", "agreements")


def add_commands(commands: Commands) -> None:
    _extend_list(commands)
    plan = commands.export.add_parser("plan", aliases=["action-plan"], help=EXPORTS["plan"].help)
    plan.add_argument("id", type=int, metavar="PLAN-ID", help=tr("planens id (se list plans)"))
    plan.add_argument("out", type=Path, metavar="UTFIL.pdf", help=tr("PDF-fil att skriva"))
    plan.add_argument(
        "--include-internal", action="store_true", help=tr("ta med interna uppgifter")
    )
    plan.set_defaults(handler=_export_plan)

    followup = commands.export.add_parser(
        "followup", aliases=["follow-up"], help=EXPORTS["followup"].help
    )
    followup.add_argument("year", type=int, metavar="ÅR", help=tr("år att följa upp"))
    followup.add_argument("out", type=Path, metavar="UTFIL.pdf", help=tr("PDF-fil att skriva"))
    followup.add_argument(
        "--include-internal", action="store_true", help=tr("ta med interna uppgifter")
    )
    followup.set_defaults(handler=_export_followup)

    agreement = commands.export.add_parser("agreement", help=EXPORTS["agreement"].help)
    agreement.add_argument(
        "id",
        type=int,
        metavar="ÖVERENSKOMMELSE-ID",
        help=tr("överenskommelsens id (se list agreements)"),
    )
    agreement.add_argument("out", type=Path, metavar="UTFIL.pdf", help=tr("PDF-fil att skriva"))
    agreement.add_argument(
        "--include-internal", action="store_true", help=tr("ta med interna uppgifter")
    )
    agreement.set_defaults(handler=_export_agreement)


def _extend_list(commands: Commands) -> None:
    commands.add_lists(OWN_LISTS, _list)


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _list(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import action_plan, agreements

    db = open_db(args)
    try:
        with db.session() as session:
            records: list[Any]  # of the kind of record asked for
            if args.what == "plans":
                records = action_plan.list_plans(session)
                line = lambda p: "\t".join(  # noqa: E731
                    [
                        str(p.id),
                        p.title,
                        p.period_label,
                        p.status,
                        p.adoption_label,
                        plural(p.measure_count, tr("åtgärd"), tr("åtgärder")),
                    ]
                )
                print_records(records, as_json=args.json, line=line)
            elif args.what == "agreements":
                records = agreements.list_agreements(session)
                line = lambda a: "\t".join(  # noqa: E731
                    [str(a.id), a.kind_label, a.title, a.period_label]
                )
                print_records(records, as_json=args.json, line=line)
            else:
                today = date.today()
                rows = []
                for plan in action_plan.list_plans(session):
                    rows.extend(
                        action_plan.measure_rows(session, plan.id, today=today, with_mentions=False)
                    )
                if args.json:
                    data = [
                        dataclasses.asdict(r.measure)
                        | {
                            "light": r.light.light.value,
                            "light_reason": r.light.reason,
                            "trend": r.trend.trend.value,
                            "flagged_no_cause": r.flagged_no_cause,
                            "followups": len(r.followups),
                        }
                        for r in rows
                    ]
                    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
                    sys.stdout.write("\n")
                else:
                    for r in rows:
                        m = r.measure
                        print(
                            "\t".join(
                                [
                                    str(m.id),
                                    str(m.plan_id),
                                    m.title,
                                    m.status,
                                    r.light.light.value,
                                    m.responsible,
                                ]
                            )
                        )
    finally:
        db.close()
    return 0


def _export_plan(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import followup

    db = open_db(args)
    try:
        with db.session() as session:
            doc = followup.plan_document(
                session, args.id, today=date.today(), include_internal=args.include_internal
            )
    finally:
        db.close()
    write_output(args.out, EXPORTS["plan"].render(doc))
    return 0


def _export_followup(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import followup

    db = open_db(args)
    try:
        with db.session() as session:
            doc = followup.followup_document(
                session, args.year, today=date.today(), include_internal=args.include_internal
            )
    finally:
        db.close()
    write_output(args.out, EXPORTS["followup"].render(doc))
    return 0


def _export_agreement(args: argparse.Namespace) -> int:
    from trygghetsrad.services.situation import agreements

    db = open_db(args)
    try:
        with db.session() as session:
            doc = agreements.agreement_document(
                session, args.id, today=date.today(), include_internal=args.include_internal
            )
    finally:
        db.close()
    write_output(args.out, EXPORTS["agreement"].render(doc))
    return 0
