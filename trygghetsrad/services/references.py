"""Finds every row in any table that points at a record, via the foreign keys in the metadata.

Deletion services use it so that nothing referenced elsewhere vanishes silently, including
references added by workspaces that did not exist when the register was written.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.base import Base
from trygghetsrad.db.models import load_all

# Human-readable Swedish names for tables, used in "still referenced by" messages.
TABLE_LABELS: dict[str, str] = {
    "memberships": "medlemskap",
    "people": "personer",
    "meetings": "möten",
    "meeting_groups": "möten",
    "attendance": "närvarolistor",
    "action_items": "uppdrag",
    "agenda_items": "dagordningspunkter",
    "action_responsibles": "uppdrag",
    "agenda_templates": "dagordningsmallar",
    "data_sources": "underlag",
    "gaps": "luckor i lägesbilden",
    "indicators": "indikatorer",
    "observations": "observationer",
    "situation_pictures": "lägesbilder",
    "wheel_events": "händelser i årshjulet",
    "measures": "åtgärder i åtgärdsplanen",
    "problems": "problem i orsaksanalysen",
}


@dataclass(frozen=True)
class Reference:
    table: str
    column: str
    count: int

    @property
    def label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table.replace("_", " "))


def find_references(session: Session, table_name: str, record_id: int) -> list[Reference]:
    found: list[Reference] = []
    load_all()  # every workspace's tables, also those whose pages were never opened
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name != table_name:
                continue
            count = session.scalar(
                select(func.count()).select_from(table).where(fk.parent == record_id)
            )
            if count:
                found.append(Reference(table.name, fk.parent.name, int(count)))
    return found
