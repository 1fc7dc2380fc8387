"""`list agenda --meeting MÖTES-ID` and `list attendance --meeting MÖTES-ID`: a meeting's
items with their numbers as printed, kind, föredragande, Dnr, time slot and proposal, and
its attendance as it happened (part of the meeting, role for the meeting, note).

An item whose slot lies outside the meeting's time gets the editor's warning on stderr (the
slot is kept and the exit code stays 0: a meeting may run late)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from trygghetsrad.cli.base import open_db
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

NAMES = ("agenda", "attendance")


def list_handler(args: argparse.Namespace, resolve_meeting: Callable[[Any, str], int]) -> int:
    """`resolve_meeting(session, text)` names the meeting as every meeting command does."""
    from trygghetsrad.services.meetings.document import meeting_document

    if not args.meeting:
        raise UserError(tr("Ange mötet: list {what} --meeting MÖTES-ID.").format(what=args.what))
    db = open_db(args)
    try:
        with db.session() as session:
            # A listing for the coordinator, not a document to send: internal items too.
            doc = meeting_document(
                session, resolve_meeting(session, args.meeting), include_internal=True
            )
    finally:
        db.close()
    rows = _agenda(doc) if args.what == "agenda" else _attendance(doc)
    if args.json:
        data = [{k: v for k, v in row.items() if k != "text"} for row in rows]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:  # one line per row, tab-separated, as every list prints
        for row in rows:
            print("\t".join(row["text"]).rstrip("\t"))
    for row in rows:
        if row.get("slot_warning"):
            item = f"{row['number']} {row['title']}".strip()
            print(f"{item}: {row['slot_warning']}", file=sys.stderr)
    return 0


def _agenda(doc: Any) -> list[dict[str, Any]]:
    from trygghetsrad.domain.meetings.agenda_structure import format_slot, slot_warning
    from trygghetsrad.domain.meetings.document import item_facts

    numbers = doc.numbers()
    window = (doc.meeting.start_time, doc.meeting.end_time)
    rows = []
    for item, number in zip(doc.items, numbers, strict=True):
        facts = item_facts(item, grouped=False)
        if item.papers_later:
            facts.append(tr("Handlingar kommer senare"))
        reference = doc.reference(item)
        rows.append(
            {
                "id": item.id,
                "number": number,
                "title": item.title,
                "category": item.category.value,
                "presenter": item.presenter,
                "case_number": item.case_number,
                "slot": format_slot(item.slot_start, item.slot_end),
                # The editor's warning (ui/meetings/item_structure.py), word for word.
                "slot_warning": slot_warning(item.slot_start, item.slot_end, *window),
                "proposal": item.proposal,
                "papers_later": item.papers_later,
                "unnumbered": item.unnumbered,
                "internal": item.internal,
                "reference": reference,
                "text": [number or "–", item.title, " · ".join(facts), reference],
            }
        )
    return rows


def _attendance(doc: Any) -> list[dict[str, Any]]:
    from trygghetsrad.domain.meetings.document import attendee_detail

    return [
        {
            "id": a.id,
            "name": a.name,
            "presence": a.presence.value,
            "detail": attendee_detail(a),
            "meeting_role": a.meeting_role,
            "partial": a.span,
            "note": a.note,
            "text": [a.name, a.label, attendee_detail(a), a.span, a.note],
        }
        for a in doc.attendance
    ]
