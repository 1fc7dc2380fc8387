"""What the action-plan and follow-up documents show, assembled by the services for export.

Internal content has already been dropped by the service unless the user asked for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from trygghetsrad.domain.action_plan import MeasureRow, PlanData, PlanFlags, TrendPoint
from trygghetsrad.domain.agreements import AgreementData, CommitmentRow
from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.causes import CauseData, ProblemData


@dataclass(frozen=True)
class ProblemSection:
    problem: ProblemData
    causes: tuple[CauseData, ...]
    flagged_causes: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PlanDocument:
    municipality: str
    plan: PlanData
    problems: tuple[ProblemSection, ...]
    measures: tuple[MeasureRow, ...]
    flags: PlanFlags
    today: date
    logo: bytes | None = None
    coordinator: str = ""
    include_internal: bool = False
    cause_titles: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator's values for a chart in the follow-up report, with the measure's target."""

    indicator_id: int
    name: str
    unit: str
    points: tuple[TrendPoint, ...]
    target: float | None = None
    measure_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChecklistItem:
    """One step the law and Brå ask for, derived from the data, with what is missing."""

    key: str
    label: str
    done: bool
    detail: str = ""
    missing: str = ""


@dataclass(frozen=True)
class AgreementSection:
    agreement: AgreementData
    commitments: tuple[CommitmentRow, ...]


@dataclass(frozen=True)
class FollowUpDocument:
    municipality: str
    year: int
    plans: tuple[PlanData, ...]
    measures: tuple[MeasureRow, ...]
    series: tuple[IndicatorSeries, ...]
    agreements: tuple[AgreementSection, ...]
    checklist: tuple[ChecklistItem, ...]
    next_year: tuple[CalendarItem, ...]
    today: date
    category_names: dict[str, str] = field(default_factory=dict)
    logo: bytes | None = None
    coordinator: str = ""
    include_internal: bool = False
