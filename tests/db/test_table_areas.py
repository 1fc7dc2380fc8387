"""Every table belongs to an area, written out: undo and redo refresh the pages from it."""

from __future__ import annotations

from typing import Any

from factories_meetings import make_meeting

from trygghetsrad.db import journal
from trygghetsrad.db.areas import TABLE_AREAS
from trygghetsrad.db.models import Base
from trygghetsrad.domain.changes import EVERYTHING, MEETINGS, Area
from trygghetsrad.services import journal as journal_service
from trygghetsrad.services.meetings import lifecycle as meetings


def test_every_table_of_the_models_has_an_area() -> None:
    """A new table without a line in db/areas.py would change data no page refreshes for."""
    missing = sorted(set(Base.metadata.tables) - set(TABLE_AREAS))
    assert missing == [], f"add these tables to db/areas.py TABLE_AREAS: {missing}"


def test_the_map_names_only_tables_that_exist_and_real_areas() -> None:
    assert sorted(set(TABLE_AREAS) - set(Base.metadata.tables)) == []
    assert all(isinstance(area, Area) and area is not EVERYTHING for area in TABLE_AREAS.values())


def test_undoing_a_deleted_meeting_announces_the_meetings_area(database: Any) -> None:
    with database.session() as s:
        meeting_id = make_meeting(s)
    recorded = journal_service.run(
        database, "Ta bort möte", lambda s: meetings.delete_meeting(s, meeting_id)
    )
    assert "meetings" in recorded.changeset.tables
    assert journal.areas(recorded.changeset) >= {MEETINGS}
    assert journal_service.changes_of(recorded.changeset).touches(MEETINGS)
