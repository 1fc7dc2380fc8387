"""What the action-plan and follow-up documents show, assembled by the services for export.

Internal content has already been dropped by the service unless the user asked for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.situation.action_plan import MeasureRow, PlanData, PlanFlags, TrendPoint
from trygghetsrad.domain.situation.agreements import AgreementData, AgreementStep, CommitmentRow
from trygghetsrad.domain.situation.causes import CauseData, ProblemData
from trygghetsrad.domain.situation.documents import DocumentSettings
from trygghetsrad.i18n import tr


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
    document: DocumentSettings | None = None
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


class StepState(StrEnum):
    DONE = "klart"
    MISSING = "saknas"
    UNKNOWN = "ej bedömt"  # the data recorded doesn't allow a judgement either way

    @property
    def label(self) -> str:
        return {
            StepState.DONE: tr("Klart"),
            StepState.MISSING: tr("Saknas"),
            StepState.UNKNOWN: tr("Ej bedömt"),
        }[self]

    @property
    def colour(self) -> str:
        """Green and red are verdicts; a step that can't be judged is printed in grey ink."""
        return {
            StepState.DONE: "#2e8540",
            StepState.MISSING: "#a4262c",
            StepState.UNKNOWN: "#5b6670",
        }[self]


@dataclass(frozen=True)
class ChecklistItem:
    """One step the law and Brå ask for, derived from the data, with what is missing.

    `unknown` says why the step can't be judged (nothing is recorded to judge it by);
    such a step is neither done nor missing.
    """

    key: str
    label: str
    done: bool
    detail: str = ""
    missing: str = ""
    unknown: str = ""

    @property
    def state(self) -> StepState:
        if self.done:
            return StepState.DONE
        return StepState.UNKNOWN if self.unknown else StepState.MISSING

    @property
    def note(self) -> str:
        """What the step lacks, or why it can't be judged."""
        return self.unknown or self.missing


@dataclass(frozen=True)
class AgreementSection:
    agreement: AgreementData
    commitments: tuple[CommitmentRow, ...]
    steps: tuple[AgreementStep, ...] = ()  # the working model, step by step


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
    document: DocumentSettings | None = None
