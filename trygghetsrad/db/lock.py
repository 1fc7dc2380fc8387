"""One Trygghetsråd at a time per database file: a lock file beside the database.

The lock file `<database>.lås` holds who has the database open (process id, computer,
user, since when) so that a refusal can say so. Ownership itself is an operating-system
lock on that file (`flock` / `msvcrt.locking`), which the system releases when the process
ends in any way, so a lock left behind by a crash is recognised as stale and taken over at
once. Where the file system offers no such lock (some network shares), the pid is checked
on the same computer, and a lock whose heartbeat (the file's mtime, refreshed every minute
by the window) is older than `STALE_AFTER` counts as stale.

Within one process the lock is re-entrant (counted), so reopening the same file after a
restore does not lock the window out of its own database.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trygghetsrad.db.faults import WINDOW_PROGRAM, DatabaseFault, FaultKind
from trygghetsrad.files import LOCK_SUFFIX, pid_alive, private_dirs
from trygghetsrad.i18n import tr

STALE_AFTER = 10 * 60  # seconds without heartbeat
_HELD: dict[str, _Held] = {}


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: str  # ISO local time
    program: str = "Trygghetsråd"

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.since).strftime("%Y-%m-%d kl. %H.%M")
        except ValueError:
            since = self.since
        return tr("{program} på datorn {host} (användare {user}) sedan {since}").format(
            program=self.program, host=self.host, user=self.user, since=since
        )


class DatabaseInUse(DatabaseFault):
    def __init__(self, path: Path, holder: LockInfo | None) -> None:
        if holder is not None and holder.program == WINDOW_PROGRAM:
            message = tr(
                "Databasen {path} är redan öppen i {who}. Samma databas kan bara vara öppen "
                "i ett fönster åt gången, så att inget skrivs över. Stäng det andra fönstret "
                "först."
            )
        else:  # a command (import, restore …), or a holder that could not be read
            message = tr(
                "Databasen {path} används just nu av {who}. Vänta tills det är klart och "
                "försök igen."
            )
        who = holder.describe() if holder else tr("ett annat program eller kommando")
        super().__init__(message.format(path=path, who=who), FaultKind.IN_USE, path)
        self.holder = holder


class _Held:
    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd
        self.count = 1


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def _os_lock(fd: int) -> bool | None:
    """Try to take the OS lock: True taken, False held by someone else, None unsupported."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)  # lock a byte past the text, which stays readable
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as exc:
        import errno

        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        return None


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def read_info(path: Path) -> LockInfo | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data.get("user", "")),
            since=str(data["since"]),
            program=str(data.get("program", "Trygghetsråd")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _looks_stale(path: Path, info: LockInfo | None) -> bool:
    """For file systems without OS locks: a dead pid here, or a heartbeat that stopped."""
    if info is None:
        return True
    if info.host == socket.gethostname() and not pid_alive(info.pid):
        return True
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return True
    return age > STALE_AFTER


def _current_info(program: str) -> LockInfo:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to refuse
        user = "?"
    return LockInfo(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=user,
        since=datetime.now().isoformat(timespec="seconds"),
        program=program,
    )


def acquire(db_path: Path, *, program: str = WINDOW_PROGRAM) -> None:
    """Take the lock for `db_path` or raise DatabaseInUse naming who holds it."""
    key = _key(db_path)
    held = _HELD.get(key)
    if held is not None:
        held.count += 1
        return
    path = lock_path(db_path)
    for _attempt in range(5):
        try:
            private_dirs(path.parent)  # a new database's new folders
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # it names the user
        except OSError:
            # A folder we can't write to: the database itself can't be written either, and
            # the fault surfaces on opening it. Nothing to guard against two writers.
            return
        taken = _os_lock(fd)
        if taken is False:
            os.close(fd)
            raise DatabaseInUse(db_path, read_info(path))
        if taken is None and os.fstat(fd).st_size > 0 and not _looks_stale(path, read_info(path)):
            os.close(fd)
            raise DatabaseInUse(db_path, read_info(path))
        # The file may have been removed by its previous holder between open and lock.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if not same:
            _os_unlock(fd)
            os.close(fd)
            continue
        text = json.dumps(_current_info(program).__dict__, ensure_ascii=False).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text)
        os.fsync(fd)
        _HELD[key] = _Held(path, fd)
        return
    raise DatabaseInUse(db_path, read_info(path))


def release(db_path: Path) -> None:
    key = _key(db_path)
    held = _HELD.get(key)
    if held is None:
        return
    held.count -= 1
    if held.count > 0:
        return
    del _HELD[key]
    with contextlib.suppress(OSError):
        held.path.unlink(missing_ok=True)
    _os_unlock(held.fd)
    os.close(held.fd)


def holds(db_path: Path) -> bool:
    return _key(db_path) in _HELD


def heartbeat(db_path: Path) -> None:
    """Refresh the lock file's mtime so that other computers see the lock is alive."""
    held = _HELD.get(_key(db_path))
    if held is not None:
        with contextlib.suppress(OSError):
            os.utime(held.path)


def is_locked_by_other(db_path: Path) -> LockInfo | None:
    """Who holds the lock, if someone other than this process does (without taking it)."""
    if holds(db_path):
        return None
    path = lock_path(db_path)
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        taken = _os_lock(fd)
        if taken:
            _os_unlock(fd)
            return None
        info = read_info(path)
        if taken is None and _looks_stale(path, info):
            return None
        return info or LockInfo(0, "?", "?", "")
    finally:
        os.close(fd)
