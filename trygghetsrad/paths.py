"""Where files live: the database, backups, logs and the package's own resources.

The database defaults to the user data folder; `--db PATH` or `TRYGGHETSRAD_DB` selects
another. Resources (fonts, icons, licences) live in the top-level `resources/` folder of the
source tree; the wheel and the frozen (PyInstaller onedir) build carry that folder inside the
package as `trygghetsrad/resources/`, so it is looked for there first and beside the package
second (a source checkout or an editable install).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_DIR_NAME = "Trygghetsrad"
DB_ENV = "TRYGGHETSRAD_DB"
DB_FILE_NAME = "trygghetsrad.sqlite"


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / "trygghetsrad.log"


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """The database to use: the command-line value, else the environment, else the default."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return default_db_path()


def backup_dir(db_path: Path) -> Path:
    """Backups live in the user data folder, never next to a database on a shared drive."""
    return data_dir() / "säkerhetskopior"


def package_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "trygghetsrad"
    return _source_package()


@cache
def _source_package() -> Path:
    return Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources folder: inside the package when installed or frozen, else beside it."""
    return _resources_of(package_dir())


@cache
def _resources_of(package: Path) -> Path:
    # Asked for every icon and font: look once per package folder (start-up time).
    inside = package / "resources"
    return inside if inside.is_dir() else package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def looks_like_network_path(path: Path) -> bool:
    """True for paths where SQLite's WAL mode is unsafe: network shares and synced folders."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    lowered = text.replace("\\", "/").lower()
    synced = ("/onedrive", "/dropbox", "/google drive", "/googledrive", "/icloud", "/box sync")
    if any(marker in lowered for marker in synced):
        return True
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        best = ""
        fstype = ""
        resolved = str(path.resolve().parent)
        for line in mounts.splitlines():
            fields = line.split()
            if len(fields) < 3:
                continue
            mount_point = fields[1]
            if resolved.startswith(mount_point) and len(mount_point) > len(best):
                best, fstype = mount_point, fields[2]
        return fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p"}
    return False
