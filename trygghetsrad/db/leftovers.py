"""Temporary copies left behind by a killed process: found and removed.

Every copy of the database is first written under a temporary name beside its target and
renamed into place when whole (`db.backups.snapshot`: `.<name>.<pid>.tmp`, with SQLite's
`-journal`/`-wal`/`-shm` beside it while it is written). A restore stages the backup next
to the database as `.<database>.återställs.<pid>.tmp` (earlier versions:
`.<database>.återställs.tmp`), and a rescue writes `.<database>.<pid>.tmp`. A process
killed meanwhile leaves a whole copy of the database behind, personal data included.

`remove_stale()` deletes those whose process no longer runs: in the backup folder of the
database (when it is opened and when backups are pruned), and beside the database itself
(when it is opened with its lock held: no other process is restoring it then). Files of
running processes, other databases' files and the user's own files stay.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from trygghetsrad.files import pid_alive

_SIDES = r"(?:-journal|-wal|-shm)?"
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.tmp" + _SIDES + "$")
_RESTORE_BEFORE_PIDS = ".återställs.tmp"


def _dead_process_file(name: str) -> bool:
    match = _TEMPORARY.match(name)
    if match is not None:
        return not pid_alive(int(match["pid"]))
    return False


def _stale_in(folder: Path, belongs: str | None) -> list[Path]:
    """Stale temporary files in `folder`; with `belongs`, only those of that database name."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not name.startswith(".") or not entry.is_file(follow_symlinks=False):
            continue
        if belongs is not None:
            own = name.startswith((f".{belongs}.", f"..{belongs}."))
            legacy = re.fullmatch(re.escape(f".{belongs}{_RESTORE_BEFORE_PIDS}") + _SIDES, name)
            if not own:
                continue
            if legacy is not None:  # no pid in the name: only a restore holding the lock made it
                found.append(Path(entry.path))
                continue
        if _dead_process_file(name):
            found.append(Path(entry.path))
    return found


def remove_stale(db_path: Path, backup_folder: Path, *, beside_database: bool) -> list[Path]:
    """Remove temporary copies of dead processes for `db_path`; return what was removed.

    Searches `backup_folder` (`db.backups.folder_for(db_path)`, passed in because the
    backups module builds on this one); `beside_database` also searches the database's own
    folder; only do that while holding the database's lock."""
    candidates = _stale_in(backup_folder, None)
    if beside_database:
        candidates += _stale_in(db_path.parent, db_path.name)
    removed = []
    for path in candidates:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
