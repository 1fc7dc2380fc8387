"""The start-up glance: a first look at the data with plain sqlite3, before SQLAlchemy loads.

The window paints its first tab from these reads (see `ui/glance.py`). They live in the
database layer (`db/glance.py`, which tests compare with the services they stand in for);
the window reaches them here, as it reaches all data through `services/`. Importing this
module loads no SQLAlchemy.
"""

from __future__ import annotations

from trygghetsrad.db.glance import Counts, count_rows, meetings, people, reading

__all__ = ["Counts", "count_rows", "meetings", "people", "reading"]
