"""Writing the app's files: documents all at once and never over the database, and private
folders and files for the personal data.

Every document the app writes (each `export ...` command, each save dialog of the window)
goes through `write_document`: it refuses a target that is a database this process opened,
one of its companion files (`-wal`, `-shm`, `-journal`, the lock), anything in the backup
folder, any other SQLite database and anything that is not a regular file (a folder, a
device node, a pipe); it then writes a temporary file beside the target, flushes it to disk
and renames it over the target (PITFALLS 23), so a full disk or a killed program leaves the
previous file as it was. No Qt here: the window and the command line share it.

A killed program leaves its temporary file behind (`.<name>-<random>.<pid>.tmp`). The next
document written into that folder removes such files: only names of exactly that pattern,
regular files of this user, whose process no longer runs and which nobody has written to for
`STALE_AFTER` seconds (on a shared folder the pid may be another computer's, writing now).

The database, its backups, the lock and the log hold personal data: every folder the app
creates for them is 0700 (`private_dirs`, each missing level, PITFALLS 22) and every file
0600 (`create_private_file` before SQLite opens a new file, so its `-wal`/`-shm` inherit
the mode). On Windows the modes mean nothing; the per-user folders restrict access there.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from trygghetsrad.errors import UserError, os_error_message
from trygghetsrad.i18n import tr

_POSIX = os.name == "posix"
_WINDOWS = sys.platform == "win32"
LOCK_SUFFIX = ".lås"  # the lock file beside a database (db/lock.py)
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", LOCK_SUFFIX)
SQLITE_HEADER = b"SQLite format 3\x00"

# Databases opened by this process (the engine adds each one): a document never replaces one.
_DATABASES: set[str] = set()

# The temporary file of `write_document`, and how long one must lie untouched to be stale.
_TEMPORARY = re.compile(r"^\..+-[0-9a-f]{6}\.(?P<pid>\d+)\.tmp$")
STALE_AFTER = 600.0


def protect(db_path: Path) -> None:
    """Remember `db_path` as a database of this process; `check_target` refuses it for good."""
    _DATABASES.add(_real(Path(db_path)))


def _real(path: Path) -> str:
    """The path with links and `..` resolved, also for a file that does not exist yet."""
    return os.path.normcase(os.path.realpath(Path(path).expanduser().absolute()))


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _protected(real: str) -> str | None:
    """The database `real` belongs to, when it is a database of this process or a companion."""
    for db in _DATABASES:
        if real == db or any(real == db + suffix for suffix in COMPANION_SUFFIXES):
            return db
    return None


def check_target(target: Path, *, database_copy: bool = False) -> Path:
    """The absolute `target` if a document may be written there; else a UserError saying why.

    `database_copy` allows replacing another database file (a backup copy over an older one)."""
    from trygghetsrad.paths import backup_dir

    target = Path(target).expanduser().absolute()
    real = _real(target)
    database = _protected(real)
    if database == real:
        raise UserError(
            tr(
                "{path} är databasen som används och skrivs aldrig över; välj ett annat filnamn."
            ).format(path=target)
        )
    if database is not None:
        raise UserError(
            tr(
                "{path} hör till databasen {db} och skrivs aldrig över; välj ett annat filnamn."
            ).format(path=target, db=database)
        )
    backups = _real(backup_dir(target))
    if _within(real, backups):
        raise UserError(
            tr(
                "{path} ligger i mappen för säkerhetskopior ({folder}), som bara programmet "
                "skriver i; välj en annan mapp."
            ).format(path=target, folder=backups)
        )
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise UserError(os_error_message(_named(exc, target), writing=True)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserError(tr("{path} är en mapp; ange ett filnamn.").format(path=target))
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            tr("{path} är ingen vanlig fil (en enhet eller ett rör); ange ett filnamn.").format(
                path=target
            )
        )
    if not database_copy and _is_database(target):
        raise UserError(
            tr(
                "{path} är en databas och skrivs inte över med ett dokument; välj ett annat "
                "filnamn."
            ).format(path=target)
        )
    return target


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _named(exc: OSError, target: Path) -> OSError:
    """`exc` about `target` (not the temporary file), so that a message names the right file."""
    return type(exc)(exc.errno or 0, exc.strerror or "", str(target))


def write_document(
    target: Path,
    data: bytes,
    *,
    private: bool = False,
    before_replace: Callable[[], object] | None = None,
) -> Path:
    """Write `data` to `target` all at once and return the absolute target.

    The file gets the user's usual permissions (umask), or 0600 when `private` (exports of
    personal data). `before_replace` runs just before the rename (a cancel check): raising in
    it leaves no file. Any failure leaves an existing target untouched, removes the
    temporary file and raises a UserError naming the target."""
    target = check_target(target)
    remove_stale_temporaries(target.parent)
    # `.<name>-<random>.<pid>.tmp`: unique per call (two threads may save the same name),
    # and named like every other temporary copy (db/leftovers.py knows the pattern).
    tmp = target.with_name(f".{target.name}-{os.urandom(3).hex()}.{os.getpid()}.tmp")
    existed = target.exists()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    replacing = False
    try:
        fd = os.open(tmp, flags, 0o600 if private else 0o666)
        try:
            if private and _POSIX:
                os.fchmod(fd, 0o600)
            with open(fd, "wb", closefd=False) as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        replacing = True
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise UserError(_write_failed(exc, target, existed, replacing)) from exc
        raise
    _sync_folder(target.parent)
    return target


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove what killed writers left in `folder` (see the module text); return what went.
    Never fails: a file that can't be read or removed is left."""
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER:
                continue
            if _POSIX and info.st_uid != os.getuid():
                continue
            if pid_alive(int(match["pid"])):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def pid_alive(pid: int) -> bool:
    """Whether process `pid` runs on this computer (a permission error means it does)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_failed(exc: OSError, target: Path, existed: bool, replacing: bool) -> str:
    if replacing and isinstance(exc, PermissionError) and _WINDOWS:
        message = tr(
            "{name} kan inte skrivas: filen är öppen i ett annat program (till exempel en "
            "PDF-läsare). Stäng den där och försök igen."
        ).format(name=target)
    else:
        message = os_error_message(_named(exc, target), writing=True)
    if existed:
        message += " " + tr("Den tidigare filen är oförändrad.")
    return message


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a failure here loses nothing already written."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- private folders and files --------------------------------------------------------------


def _app_folders() -> list[Path]:
    from trygghetsrad.paths import data_dir, log_dir

    return [data_dir(), log_dir()]


def _make_private(path: Path, mode: int) -> None:
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        if os.stat(path).st_uid == os.getuid():
            os.chmod(path, mode)


def private_dirs(folder: Path) -> Path:
    """Create `folder` and every missing parent, each 0700; return `folder`.

    (`os.makedirs(mode=0o700)` gives the mode to the last level only.) The app's own folders
    (user data, backups, logs) are made 0700 also when an older version created them."""
    folder = Path(folder).expanduser().absolute()
    missing: list[Path] = []
    level = folder
    while not level.exists() and level.parent != level:
        missing.append(level)
        level = level.parent
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(level, 0o700)
        _make_private(level, 0o700)
    for own in _app_folders():
        if folder == own or own in folder.parents:
            for level in [folder, *folder.parents]:
                _make_private(level, 0o700)
                if level == own:
                    break
    return folder


def create_private_file(path: Path) -> Path:
    """Create `path` empty with mode 0600 unless it exists (then it is left as it is)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return path
    os.close(fd)
    return path
