"""Settings stored in the database: municipality name and logo, the coordinator's name and
title, the sender of e-mail drafts, the order of the attendance categories in minutes, and
the standard phrases of the notes and decision editors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Setting
from trygghetsrad.domain.changes import SETTINGS, Changes
from trygghetsrad.domain.meetings.agenda_structure import (
    MAX_PHRASE,
    default_phrases,
    format_phrases,
    parse_phrases,
)
from trygghetsrad.domain.meetings.attendance_order import DEFAULT_ORDER, format_order, parse_order
from trygghetsrad.domain.meetings.model import Presence
from trygghetsrad.domain.register import MAX_NAME, clean_email, clean_text
from trygghetsrad.domain.text import check_characters
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

MAX_LOGO_BYTES = 2_000_000
LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class OrganisationSettings:
    municipality: str = ""
    coordinator_name: str = ""
    coordinator_title: str = ""
    logo: bytes | None = None
    # The From of e-mail drafts: empty lets the mail program fill in its own account.
    sender_email: str = ""
    attendance_order: tuple[Presence, ...] = field(default=DEFAULT_ORDER)


_KEYS = ("municipality", "coordinator_name", "coordinator_title", "sender_email")


def get_value(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def set_value(session: Session, key: str, value: str) -> Changes:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
    return Changes.of(SETTINGS)


def load(session: Session) -> OrganisationSettings:
    rows = {
        s.key: s for s in session.scalars(select(Setting).where(Setting.key.in_((*_KEYS, "logo"))))
    }
    logo = rows["logo"].blob if "logo" in rows else None
    order = parse_order(get_value(session, "attendance_order"))
    texts = {k: rows[k].value if k in rows else "" for k in _KEYS}
    return OrganisationSettings(**texts, logo=logo, attendance_order=order)


def save(session: Session, settings: OrganisationSettings) -> Changes:
    values = {
        "municipality": clean_text(
            settings.municipality,
            field="municipality",
            label=tr("Kommunens namn"),
            max_length=MAX_NAME,
        ),
        "coordinator_name": clean_text(
            settings.coordinator_name,
            field="coordinator_name",
            label=tr("Samordnarens namn"),
            max_length=MAX_NAME,
        ),
        "coordinator_title": clean_text(
            settings.coordinator_title,
            field="coordinator_title",
            label=tr("Samordnarens titel"),
            max_length=MAX_NAME,
        ),
        "sender_email": _clean_sender(settings.sender_email),
        "attendance_order": format_order(settings.attendance_order),
    }
    for key, value in values.items():
        set_value(session, key, value)
    logo = session.get(Setting, "logo")
    if settings.logo is not None:
        check_logo(settings.logo)
        if logo is None:
            session.add(Setting(key="logo", value="", blob=settings.logo))
        else:
            logo.blob = settings.logo
    elif logo is not None:
        session.delete(logo)
    session.flush()
    return Changes.of(SETTINGS)


def check_logo(data: bytes) -> None:
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(tr("Logotypen är för stor (högst 2 MB)."), "logo")
    if not data.startswith(LOGO_SIGNATURES):
        raise ValidationError(tr("Logotypen måste vara en PNG- eller JPEG-bild."), "logo")


def _clean_sender(value: str) -> str:
    try:
        return clean_email(value)
    except ValidationError as exc:
        raise ValidationError(str(exc), "sender_email") from exc


PHRASES_KEY = "standard_phrases"


def load_phrases(session: Session) -> tuple[str, ...]:
    """The standard phrases offered in the notes and decision editors ("Dagordningen
    godkänns."); the program's own until the user edits the list (an emptied list stays empty)."""
    row = session.get(Setting, PHRASES_KEY)
    return default_phrases() if row is None else parse_phrases(row.value)


def save_phrases(session: Session, phrases: Sequence[str]) -> Changes:
    cleaned = [
        check_characters(
            clean_text(p, field="phrases", label=tr("Standardfrasen"), max_length=MAX_PHRASE),
            field="phrases",
            label=tr("Standardfrasen"),
        )
        for p in phrases
    ]
    return set_value(session, PHRASES_KEY, format_phrases(cleaned))
