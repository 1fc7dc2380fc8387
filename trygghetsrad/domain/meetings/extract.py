"""Extracts (*protokollsutdrag*): which items of a finalised meeting an extract holds, named by
the numbers the minutes print ("§ 14", "14", "3.")."""

from __future__ import annotations

from collections.abc import Sequence

from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr


def _plain(number: str) -> str:
    """ "§ 14", "§14", "14." and "14" alike."""
    return number.replace("§", "").strip().rstrip(".").strip()


def extract_indices(doc: MeetingDocument, wanted: Sequence[str]) -> list[int]:
    """The indices in `doc.items` of the items printed with the numbers `wanted`, in agenda
    order and each once; refused with a Swedish message when the minutes are not finalised or
    a number is not printed in them."""
    if doc.is_draft:
        raise UserError(
            tr(
                "Ett protokollsutdrag kan bara göras ur ett justerat eller fastställt protokoll; "
                "mötet {day} är {status}."
            ).format(day=doc.meeting.day.isoformat(), status=doc.meeting.status.label.lower())
        )
    if not wanted:
        raise UserError(tr("Ange minst en punkt att ta med i utdraget."))
    numbers = [_plain(n) for n in doc.numbers()]
    found: set[int] = set()
    for text in wanted:
        key = _plain(text)
        hits = [i for i, n in enumerate(numbers) if key and n == key]
        if not hits:
            printed = ", ".join(n for n in doc.numbers() if n) or tr("inga")
            raise UserError(
                tr(
                    "Punkt ”{number}” finns inte i protokollet (eller är intern); "
                    "punkterna är {printed}."
                ).format(number=text, printed=printed)
            )
        found.update(hits)
    return sorted(found)
