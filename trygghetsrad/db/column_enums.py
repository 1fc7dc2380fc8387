"""Which text columns hold the value of an enum from `domain/`.

The schema stores statuses, kinds and the like as plain text (`String(20)`), so the column
type alone doesn't say which values the program can read back. This registry does: the JSON
import refuses other values, the detailed JSON Schema lists them, and a test fails when a
column filled with an enum's values is missing here.
"""

from __future__ import annotations

from enum import StrEnum

from trygghetsrad.domain import register
from trygghetsrad.domain.meetings import agenda_structure, minutes_versions
from trygghetsrad.domain.meetings import model as meetings
from trygghetsrad.domain.meetings import notice as meeting_notice
from trygghetsrad.domain.situation import action_plan, agreements, area_tree, causes
from trygghetsrad.domain.situation import documents as situation_documents
from trygghetsrad.domain.situation import picture as situation
from trygghetsrad.domain.wheel import model as wheel_domain

ENUM_COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    # register
    ("organisations", "kind"): register.OrganisationKind,
    ("memberships", "role"): register.Role,
    # meetings
    ("meetings", "kind"): meetings.MeetingKind,
    ("meetings", "status"): meetings.MeetingStatus,
    ("meetings", "numbering"): agenda_structure.Numbering,
    ("agenda_items", "category"): agenda_structure.ItemCategory,  # "" (none) is a member
    ("attendance", "presence"): meetings.Presence,
    ("agenda_items", "kind"): meetings.ItemKind,
    ("action_items", "status"): meetings.ActionStatus,
    ("meeting_notices", "signed_by"): meeting_notice.NoticeSigners,
    ("minutes_versions", "event"): minutes_versions.VersionEvent,
    # wheel
    ("wheel_events", "frequency"): wheel_domain.Frequency,
    ("wheel_plans", "status"): wheel_domain.PlanStatus,
    # situation picture
    ("situation_pictures", "status"): situation.PictureStatus,
    ("situation_pictures", "presented_precision"): situation_documents.DatePrecision,
    ("data_sources", "kind"): situation.SourceKind,
    ("data_sources", "frequency"): situation.Frequency,
    ("data_sources", "geographic_level"): situation.GeoLevel,
    ("data_sources", "status"): situation.SourceStatus,
    ("source_obstacles", "kind"): situation.ObstacleKind,
    ("gaps", "kind"): situation.GapKind,
    ("gaps", "status"): situation.GapStatus,
    ("indicators", "chart_kind"): situation.ChartKind,
    ("observations", "category"): situation.Category,
    ("observations", "trend"): situation.Trend,
    ("area_assessments", "risk_level"): area_tree.RiskLevel,
    # analysis and action plan
    ("causes", "kind"): causes.CauseKind,
    ("action_plans", "status"): action_plan.PlanStatus,
    ("measures", "kind"): action_plan.MeasureKind,
    ("measures", "effect"): action_plan.Effect,
    ("measures", "target_direction"): action_plan.TargetDirection,
    ("measures", "status"): action_plan.MeasureStatus,
    ("measure_followups", "status"): action_plan.MeasureStatus,
    ("agreements", "kind"): agreements.AgreementKind,
    ("commitments", "party"): agreements.Party,
    ("commitments", "status"): action_plan.MeasureStatus,
    # documents the user titles
    ("report_documents", "kind"): situation_documents.DocumentKind,
    ("report_chapters", "placement"): situation_documents.Placement,
}

EMPTY_ALLOWED: frozenset[tuple[str, str]] = frozenset({("measures", "target_direction")})
"""Enum columns where an empty text means "not set"."""


NOT_ENUMS: frozenset[tuple[str, str]] = frozenset({("attendance", "role")})
"""Text columns that usually hold an enum's values but are read back as any text: an
attendee's role is copied from the membership for display only."""


def enum_for(table: str, column: str) -> type[StrEnum] | None:
    return ENUM_COLUMNS.get((table, column))


def allowed_values(table: str, column: str) -> tuple[str, ...]:
    """The stored values the program reads back for this column (empty: any text)."""
    enum = enum_for(table, column)
    if enum is None:
        return ()
    values = tuple(member.value for member in enum)
    return ("", *values) if (table, column) in EMPTY_ALLOWED else values
