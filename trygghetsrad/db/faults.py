"""SQLite faults a user can meet, translated in one place into clear Swedish messages.

`Database.session()`, the engine's connect hook and `inspect_file` all pass low-level
errors through `translate()`, so every page and command gets the same messages without
code of its own. A `DatabaseFault` says what kind of fault it is, so that the GUI can offer
to restore the newest backup where that helps (a damaged or vanished file).
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from typing import Protocol

from trygghetsrad.errors import UserError, os_error_reason
from trygghetsrad.i18n import tr


class FaultKind(Enum):
    BUSY = "busy"  # another program holds a lock
    READ_ONLY = "read_only"  # file or folder not writable
    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"
    DAMAGED = "damaged"  # malformed, truncated, not a database
    MISSING = "missing"  # deleted or moved while open
    IN_USE = "in_use"  # opened by another Trygghetsråd window
    READ_ONLY_SESSION = "read_only_session"  # opened read-only: the window or a command has it


class DatabaseFault(UserError):
    """A problem with the database file itself (not with what the user typed)."""

    def __init__(self, message: str, kind: FaultKind, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path

    @property
    def restore_may_help(self) -> bool:
        """True when restoring the newest backup is a sensible offer for this fault."""
        return self.kind in (FaultKind.DAMAGED, FaultKind.MISSING)


def _message(kind: FaultKind, path: Path | None) -> str:
    where = str(path) if path is not None else tr("databasen")
    messages = {
        FaultKind.BUSY: tr(
            "Databasen {path} är låst av ett annat program just nu. Vänta en stund och "
            "försök igen, eller stäng programmet som använder filen (till exempel en "
            "synkroniseringstjänst eller ett annat databasverktyg). Inget har ändrats."
        ),
        FaultKind.READ_ONLY: tr(
            "Databasen {path} är skrivskyddad, så ändringen kunde inte sparas. Ta bort "
            "skrivskyddet eller kopiera filen till en mapp där du får skriva."
        ),
        FaultKind.DISK_FULL: tr(
            "Disken där databasen {path} ligger är full, så ändringen kunde inte sparas. "
            "Frigör utrymme och försök igen; det som redan var sparat finns kvar."
        ),
        FaultKind.IO_ERROR: tr(
            "Databasen {path} kunde inte läsas eller skrivas (fel i filsystemet eller på "
            "disken). Ändringen sparades inte. Kontrollera att disken eller nätverksmappen "
            "finns kvar."
        ),
        FaultKind.DAMAGED: tr(
            "Databasen {path} är skadad och kan inte användas. Den har inte ändrats. "
            "Återställ den senaste säkerhetskopian."
        ),
        FaultKind.MISSING: tr(
            "Databasfilen {path} har tagits bort eller flyttats medan programmet var öppet. "
            "Ändringen sparades inte."
        ),
        FaultKind.IN_USE: tr("Databasen {path} används redan."),
        FaultKind.READ_ONLY_SESSION: tr(
            "Databasen {path} är öppen i Trygghetsråd-fönstret och kan bara läsas härifrån. "
            "Stäng programmet först för att ändra den från kommandoraden."
        ),
    }
    return messages[kind].format(path=where)


def fault(kind: FaultKind, path: Path | None) -> DatabaseFault:
    return DatabaseFault(_message(kind, path), kind, path)


WINDOW_PROGRAM = "Trygghetsråd"  # how the window names itself in the lock file


class LockHolder(Protocol):
    """Who holds a database's lock, as a message names them (`db.lock.LockInfo`).

    A protocol rather than an import: `db.lock` builds on this module."""

    @property
    def program(self) -> str: ...

    def describe(self) -> str: ...


def read_only_beside(path: Path, holder: LockHolder | None) -> DatabaseFault:
    """A write refused because someone else has the database: the window, or who it is."""
    if holder is not None and holder.program == WINDOW_PROGRAM:
        return fault(FaultKind.READ_ONLY_SESSION, path)
    who = holder.describe() if holder is not None else tr("ett annat program eller kommando")
    return DatabaseFault(
        tr(
            "Databasen {path} används just nu av {who} och kan bara läsas härifrån. Försök "
            "igen när det är klart."
        ).format(path=path, who=who),
        FaultKind.READ_ONLY_SESSION,
        path,
    )


def classify(exc: BaseException, path: Path | None = None) -> FaultKind | None:
    """The kind of fault an sqlite3/SQLAlchemy error stands for, or None for other errors."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return FaultKind.BUSY
    if "readonly database" in text or "read-only" in text:
        if path is not None and not path.exists():
            return FaultKind.MISSING
        return FaultKind.READ_ONLY
    if "database or disk is full" in text or "no space left" in text:
        return FaultKind.DISK_FULL
    if (
        "malformed" in text
        or "file is not a database" in text
        or "file is encrypted" in text
        or "database corrupt" in text
    ):
        return FaultKind.DAMAGED
    if "unable to open database file" in text:
        return FaultKind.MISSING if path is not None and not path.exists() else FaultKind.IO_ERROR
    if "disk i/o error" in text:
        if path is not None and not path.exists():
            return FaultKind.MISSING
        return FaultKind.IO_ERROR
    if "no such table" in text and path is not None and not path.exists():
        return FaultKind.MISSING
    return None


def is_sqlite_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    orig = getattr(exc, "orig", None)
    return isinstance(orig, sqlite3.Error)


def translate(exc: BaseException, path: Path | None = None) -> DatabaseFault | None:
    """A DatabaseFault for a low-level error the user can act on; None for a bug."""
    if isinstance(exc, DatabaseFault):
        return exc
    if isinstance(exc, OSError) and not is_sqlite_error(exc):
        import errno

        if exc.errno == errno.ENOSPC:
            return fault(FaultKind.DISK_FULL, path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return fault(FaultKind.READ_ONLY, path)
        return None
    if not is_sqlite_error(exc):
        return None
    kind = classify(exc, path)
    return fault(kind, path) if kind is not None else None


def reason(exc: BaseException) -> str:
    """A short Swedish phrase for why a file or SQLite operation failed ("disken är full"),
    for messages that name the file themselves; never the (English) text of the error."""
    if isinstance(exc, OSError) and not is_sqlite_error(exc):
        return os_error_reason(exc)
    kind = classify(exc)
    reasons = {
        FaultKind.DISK_FULL: tr("disken är full"),
        FaultKind.READ_ONLY: tr("mappen eller filen är skrivskyddad"),
        FaultKind.IO_ERROR: tr("fel i filsystemet eller på disken"),
        FaultKind.BUSY: tr("filen är låst av ett annat program"),
        FaultKind.DAMAGED: tr("filen är skadad"),
        FaultKind.MISSING: tr("filen finns inte längre"),
    }
    return (
        reasons.get(kind, tr("ett fel från SQLite"))
        if kind is not None
        else tr("ett fel från SQLite")
    )
