"""What a meeting notice (*kallelse*) carries besides the meeting itself: the place and date
it is issued ("Storåker den 30 november 2026"), who signs it, where to report absence, and a
footnote. Nothing of it belongs to the minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.dates import long_date
from trygghetsrad.i18n import tr

MAX_PLACE = 200
MAX_EXCUSES_TO = 300
MAX_FOOTNOTE = 2_000


class NoticeSigners(StrEnum):
    SECRETARY = "secretary"
    CHAIR = "chair"
    BOTH = "both"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            NoticeSigners.SECRETARY: tr("Sekreteraren/antecknaren"),
            NoticeSigners.CHAIR: tr("Ordföranden"),
            NoticeSigners.BOTH: tr("Ordföranden och sekreteraren/antecknaren"),
            NoticeSigners.NONE: tr("Ingen"),
        }[self]


@dataclass(frozen=True)
class NoticeData:
    issued_place: str = ""
    issued_on: date | None = None
    signed_by: NoticeSigners = NoticeSigners.SECRETARY
    excuses_to: str = ""  # "Anmäl förhinder till …"; empty: the secretary and their e-mail
    footnote: str = ""


def issue_line(notice: NoticeData) -> str:
    """'Storåker den 30 november 2026', 'Storåker', 'Den 30 november 2026' or '' — only what
    the user gave."""
    place = notice.issued_place.strip()
    if notice.issued_on is None:
        return place
    day = long_date(notice.issued_on, weekday=False)
    if place:
        return tr("{place} den {date}").format(place=place, date=day)
    return tr("Den {date}").format(date=day)
