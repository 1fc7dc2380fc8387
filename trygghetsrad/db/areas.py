"""Which `domain.changes.Area` owns each database table.

Undo and redo announce the areas of the tables a change set touched (`journal.areas`), and
the pages refresh from that. The map is written out here, table by table, rather than read
from where a model happens to live: a new table needs a line here, and
tests/db/test_table_areas.py fails until it has one.
"""

from __future__ import annotations

from trygghetsrad.domain.changes import Area

TABLE_AREAS: dict[str, Area] = {
    # register
    "people": Area.REGISTER,
    "organisations": Area.REGISTER,
    "groups": Area.REGISTER,
    "memberships": Area.REGISTER,
    # settings
    "settings": Area.SETTINGS,
    # meetings
    "meetings": Area.MEETINGS,
    "meeting_groups": Area.MEETINGS,
    "attendance": Area.MEETINGS,
    "agenda_items": Area.MEETINGS,
    "agenda_notes": Area.MEETINGS,
    "agenda_templates": Area.MEETINGS,
    "decisions": Area.MEETINGS,
    "action_items": Area.MEETINGS,
    "action_responsibles": Area.MEETINGS,
    "action_progress": Area.MEETINGS,
    "meeting_notices": Area.MEETINGS,
    "minutes_versions": Area.MEETINGS,
    "meeting_invitations": Area.MEETINGS,
    # files of meetings, items and agreements: the meetings page lists most of them
    "attachments": Area.MEETINGS,
    # annual wheel
    "wheel_categories": Area.WHEEL,
    "wheel_events": Area.WHEEL,
    "wheel_event_exceptions": Area.WHEEL,
    "wheel_plans": Area.WHEEL,
    "wheel_plan_changes": Area.WHEEL,
    # situation picture
    "situation_pictures": Area.SITUATION,
    "data_sources": Area.SITUATION,
    "source_obstacles": Area.SITUATION,
    "source_attachments": Area.SITUATION,
    "gaps": Area.SITUATION,
    "indicators": Area.SITUATION,
    "indicator_values": Area.SITUATION,
    "observations": Area.SITUATION,
    "observation_sources": Area.SITUATION,
    "observation_indicators": Area.SITUATION,
    "areas": Area.SITUATION,
    "area_assessments": Area.SITUATION,
    # action plan
    "problems": Area.ACTION_PLAN,
    "causes": Area.ACTION_PLAN,
    "cause_evidence": Area.ACTION_PLAN,
    "action_plans": Area.ACTION_PLAN,
    "measures": Area.ACTION_PLAN,
    "measure_causes": Area.ACTION_PLAN,
    "measure_followups": Area.ACTION_PLAN,
    "agreements": Area.ACTION_PLAN,
    "commitments": Area.ACTION_PLAN,
    "agreement_steps": Area.ACTION_PLAN,
    "commitment_measures": Area.ACTION_PLAN,
    "meeting_links": Area.ACTION_PLAN,
    "report_documents": Area.ACTION_PLAN,
    "report_chapters": Area.ACTION_PLAN,
}


def area_of(table: str) -> Area | None:
    """The area owning `table`; None for a table of no area (the search index)."""
    return TABLE_AREAS.get(table)
