"""The database file as the window sees it: opening it, its one-instance lock, its faults.

The window layer (`ui/`) does not import `db/` (a contract in pyproject.toml holds it);
this module is its door to the file. It adds nothing of its own: the names below are the
database layer's, chosen for what the window needs. Importing it loads no SQLAlchemy, so
the window may use it before its first paint.
"""

from __future__ import annotations

from trygghetsrad.db import lock
from trygghetsrad.db.engine import Database, LockMode, open_database
from trygghetsrad.db.faults import DatabaseFault, FaultKind

__all__ = ["Database", "DatabaseFault", "FaultKind", "LockMode", "lock", "open_database"]
