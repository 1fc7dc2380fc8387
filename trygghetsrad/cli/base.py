"""Helpers shared by the headless commands: opening the database and printing records."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trygghetsrad.db.engine import Database, LockMode, open_database
from trygghetsrad.files import write_document
from trygghetsrad.i18n import tr
from trygghetsrad.paths import resolve_db_path


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database for a command: read-only beside a window or another command that has it
    open, or when the file is write-protected (see cli/data.py). Only a command that puts
    data in (`create=True`: demo, imports) makes a new database at a path that has none; a
    mistyped path is a message, not a new empty file."""
    command = " ".join(
        str(part) for part in (getattr(args, "command", None), getattr(args, "what", None)) if part
    )
    return open_database(
        resolve_db_path(getattr(args, "db", None)),
        lock=LockMode.SHARED,
        create=create,
        program=tr("kommandot {name}").format(name=command) if command else None,
    )


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    raise TypeError(type(value).__name__)


def print_records(records: list[Any], *, as_json: bool, line: Any) -> None:
    """Print dataclass records as one line each, or as one JSON array of their fields."""
    if as_json:
        data = [dataclasses.asdict(r) for r in records]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
    else:
        for record in records:
            print(line(record))


def write_output(path: Path, data: bytes, done: str | None = None) -> int:
    """Write an export to `path` all at once, never over the database (see files.py); a
    refusal or a failed write becomes one Swedish line."""
    write_document(Path(path), data)
    print((done or tr("Skrev {path}")).format(path=path))
    return 0
