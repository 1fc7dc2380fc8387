"""Attachments (*bilagor*): what a file attached to a meeting, an agenda item, an agreement
or a situation picture is, how big one may be, and how the documents number and name them ("Bilaga 1: Rapport")."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from trygghetsrad.i18n import tr

# One file stays the whole truth, so every attachment is in the database, its backups and
# its JSON export: a limit keeps one forgotten video from making all of those unwieldy, and
# keeps an .eml draft within what mail servers accept (25 MB is the common limit).
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


class OwnerKind(StrEnum):
    """What an attachment belongs to; the values are the command line's words."""

    MEETING = "meeting"
    ITEM = "item"
    AGREEMENT = "agreement"
    PICTURE = "picture"

    @property
    def label(self) -> str:
        return {
            OwnerKind.MEETING: tr("mötet"),
            OwnerKind.ITEM: tr("dagordningspunkten"),
            OwnerKind.AGREEMENT: tr("överenskommelsen"),
            OwnerKind.PICTURE: tr("lägesbilden"),
        }[self]


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment. `number` is its place in a meeting's documents (0: not numbered);
    `data` is only filled where the bytes are needed (an e-mail draft, opening, export), and is
    never kept in a saved version of the minutes (`transient`)."""

    id: int
    owner: OwnerKind
    owner_id: int
    title: str
    filename: str
    mime_type: str = "application/octet-stream"
    size: int = 0
    number: int = 0
    data: bytes = field(default=b"", repr=False, compare=False, metadata={"transient": True})

    @property
    def name(self) -> str:
        """What the documents call it: its title, or the file's name when it has none."""
        return self.title.strip() or self.filename

    @property
    def line(self) -> str:
        """ "Bilaga 1: Polisens lägesbild" as the notice, the minutes and the extract print it."""
        return tr("Bilaga {n}: {name}").format(n=self.number, name=self.name)


def size_text(size: int) -> str:
    """ "2,4 MB", "340 kB", "12 byte", with a Swedish decimal comma."""
    if size >= 1024 * 1024:
        text = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
        return f"{text} MB".replace(".", ",")
    if size >= 1024:
        return f"{round(size / 1024)} kB"
    return f"{size} byte"


def too_big_message(filename: str, size: int) -> str:
    return tr(
        "{name} är {size}; en bilaga får vara högst {limit}. Dela upp filen, komprimera den "
        "eller lägg en länk i texten i stället."
    ).format(name=filename, size=size_text(size), limit=size_text(MAX_ATTACHMENT_BYTES))


def safe_filename(name: str) -> str:
    """The file's own name without folders or characters Windows refuses, for temp copies and
    e-mail attachments (the stored name is never trusted as a path)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(c for c in base if c not in '<>:"|?*' and ord(c) >= 32).strip(" .")
    return cleaned or "bilaga"
