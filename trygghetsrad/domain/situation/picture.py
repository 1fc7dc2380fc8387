"""The situation picture, part 1, as plain data: pictures, data sources, gaps, indicators,
observations, and the rules that say when a source needs attention.

The stored values and their Swedish labels live in `situation_terms` and are re-exported
here, so that callers keep one name for the situation picture's vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from trygghetsrad.domain import attachments as bilagor
from trygghetsrad.domain.situation.area_tree import AreaAssessmentData
from trygghetsrad.domain.situation.documents import DocumentSettings, PartialDate
from trygghetsrad.domain.situation.terms import Category as Category
from trygghetsrad.domain.situation.terms import ChartKind as ChartKind
from trygghetsrad.domain.situation.terms import Frequency as Frequency
from trygghetsrad.domain.situation.terms import GapKind as GapKind
from trygghetsrad.domain.situation.terms import GapStatus as GapStatus
from trygghetsrad.domain.situation.terms import GeoLevel as GeoLevel
from trygghetsrad.domain.situation.terms import ObstacleKind as ObstacleKind
from trygghetsrad.domain.situation.terms import PictureStatus as PictureStatus
from trygghetsrad.domain.situation.terms import SourceKind as SourceKind
from trygghetsrad.domain.situation.terms import SourceStatus as SourceStatus
from trygghetsrad.domain.situation.terms import Trend as Trend
from trygghetsrad.domain.situation.terms import label as label
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

# -- situation pictures ------------------------------------------------------------------------

THREE_PARTS = (
    ("part_mapping", tr("1. Kartläggning av brottsligheten, dess omfattning och konsekvenser")),
    ("part_other", tr("2. Annan relevant information")),
    ("part_analysis", tr("3. Analys")),
)


@dataclass(frozen=True)
class PictureData:
    id: int
    title: str
    period_start: date
    period_end: date
    status: str
    version: int
    previous_id: int | None
    presented_on: date | None
    presented_to: str
    summary: str
    part_mapping: str
    part_other: str
    part_analysis: str
    limitations: str
    frozen_at: datetime | None = None
    presented_precision: str = "day"

    @property
    def presented(self) -> PartialDate | None:
        """The presentation date as exact as it was given ("juni 2023")."""
        return PartialDate.of(self.presented_on, self.presented_precision)

    @property
    def is_frozen(self) -> bool:
        """A presented (or superseded) version is a record: it is read from its snapshot."""
        return self.frozen_at is not None

    @property
    def status_label(self) -> str:
        return label(PictureStatus, self.status)

    @property
    def status_text(self) -> str:
        """'Pågår' or 'Presenterad 12 mars 2026 för Kommunstyrelsen'."""

        text = self.status_label
        presented = self.presented
        if presented is not None:
            text += " " + presented.text
            if self.presented_to:
                text += tr(" för {body}").format(body=self.presented_to)
        return text


# -- data sources ------------------------------------------------------------------------------

DUE_SOON_DAYS = 14


class Alert(StrEnum):
    """Why a source needs the coordinator's attention (most serious first)."""

    MISSING = "missing"
    OVERDUE = "overdue"
    REQUESTED = "requested"
    DUE_SOON = "due_soon"

    @property
    def label(self) -> str:
        return {
            "missing": tr("Saknas"),
            "overdue": tr("Försenad"),
            "requested": tr("Begärd, inte mottagen"),
            "due_soon": tr("Väntas snart"),
        }[self.value]


@dataclass(frozen=True)
class ObstacleData:
    kind: str
    note: str = ""
    id: int | None = None

    @property
    def label(self) -> str:
        return label(ObstacleKind, self.kind)

    @property
    def text(self) -> str:
        return f"{self.label}: {self.note}" if self.note else self.label


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    source_id: int
    filename: str
    mime_type: str
    size: int
    received_on: date | None


@dataclass(frozen=True)
class SourceData:
    id: int
    name: str
    kind: str
    description: str
    provider_organisation_id: int | None
    provider: str  # the organisation's name, or the free-text provider (e.g. "Brå")
    delivered_by_id: int | None
    delivered_by: str  # "Josef Åkesson, kommunpolis, Polisen, lokalpolisområde Storåker"
    frequency: str
    last_received: date | None
    next_expected: date | None
    geographic_level: str
    status: str
    internal: bool
    note: str
    obstacles: tuple[ObstacleData, ...] = ()
    attachment_count: int = 0
    provider_name: str = ""

    @property
    def kind_label(self) -> str:
        return label(SourceKind, self.kind)

    @property
    def status_label(self) -> str:
        return label(SourceStatus, self.status)

    @property
    def frequency_label(self) -> str:
        return label(Frequency, self.frequency)

    @property
    def level_label(self) -> str:
        return label(GeoLevel, self.geographic_level)

    @property
    def obstacles_text(self) -> str:
        return "; ".join(o.text for o in self.obstacles)

    def alert(self, today: date) -> Alert | None:
        return source_alert(self.status, self.next_expected, today)


def source_alert(status: str, next_expected: date | None, today: date) -> Alert | None:
    """Missing beats overdue beats requested beats due soon; a source on time has no alert."""
    if status == SourceStatus.MISSING:
        return Alert.MISSING
    if next_expected is not None and next_expected < today:
        return Alert.OVERDUE
    if status == SourceStatus.REQUESTED:
        return Alert.REQUESTED
    if next_expected is not None and next_expected <= today + timedelta(days=DUE_SOON_DAYS):
        return Alert.DUE_SOON
    return None


def next_after(last: date, frequency: str) -> date | None:
    """When a source that came on `last` is next due, from its frequency (None if irregular)."""
    try:
        months = Frequency(frequency).months
    except ValueError:
        return None
    if months is None:
        return None
    total = last.month - 1 + months
    year, month = last.year + total // 12, total % 12 + 1
    day = min(last.day, _days_in_month(year, month))
    return date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


# -- gaps --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GapData:
    id: int
    kind: str
    title: str
    description: str
    who_could_fill: str
    organisation_id: int | None
    organisation_name: str
    actions_taken: str
    status: str
    identified_on: date | None
    internal: bool

    @property
    def kind_label(self) -> str:
        return label(GapKind, self.kind)

    @property
    def status_label(self) -> str:
        return label(GapStatus, self.status)

    @property
    def filler(self) -> str:
        """Who could fill the gap: the organisation and/or the free text."""
        parts = [p for p in (self.organisation_name, self.who_could_fill) if p]
        return " – ".join(parts)


# -- indicators --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValuePoint:
    area: str
    period: str  # canonical: "2024", "2024-Q3", "2024-05"
    value: float


@dataclass(frozen=True)
class IndicatorData:
    id: int
    name: str
    unit: str
    description: str
    source_id: int | None
    source_name: str
    chart_kind: str
    main_area: str
    comparison_area: str
    higher_is_worse: bool = True
    values: tuple[ValuePoint, ...] = ()

    @property
    def areas(self) -> list[str]:
        """Areas with values, the main area first, then the comparison, then the rest."""
        seen = sorted({v.area for v in self.values}, key=str.lower)
        first = [a for a in (self.main_area, self.comparison_area) if a in seen]
        return first + [a for a in seen if a not in first]

    def series(self, area: str) -> list[ValuePoint]:
        from trygghetsrad.domain.situation.periods import period_sort_key

        return sorted(
            (v for v in self.values if v.area == area), key=lambda v: period_sort_key(v.period)
        )

    @property
    def periods(self) -> list[str]:
        from trygghetsrad.domain.situation.periods import period_sort_key

        return sorted({v.period for v in self.values}, key=period_sort_key)

    def latest(self, area: str | None = None) -> ValuePoint | None:
        points = self.series(area or self.main_area)
        return points[-1] if points else None


# -- observations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObservationData:
    id: int
    title: str
    description: str
    place: str
    category: str
    trend: str
    peak_months: tuple[int, ...]
    observed_on: date | None
    reported_by: str
    internal: bool
    source_ids: tuple[int, ...] = ()
    source_names: tuple[str, ...] = ()
    indicator_ids: tuple[int, ...] = ()
    indicator_names: tuple[str, ...] = ()
    area_id: int | None = None  # the area of the municipality's tree, any level

    @property
    def category_label(self) -> str:
        return label(Category, self.category)

    @property
    def trend_label(self) -> str:
        return label(Trend, self.trend)

    @property
    def trend_arrow(self) -> str:
        try:
            return Trend(self.trend).arrow
        except ValueError:
            return "?"

    @property
    def peak_text(self) -> str:
        """'jun–aug' for consecutive months, 'jan, jul' otherwise."""
        return months_text(self.peak_months)


def months_text(months: tuple[int, ...] | list[int]) -> str:
    from trygghetsrad.domain.dates import MONTHS_SHORT

    ms = sorted(set(months))
    if not ms:
        return ""
    runs: list[list[int]] = [[ms[0]]]
    for m in ms[1:]:
        if m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{MONTHS_SHORT[run[0] - 1]}–{MONTHS_SHORT[run[-1] - 1]}")
        else:
            parts.extend(MONTHS_SHORT[m - 1] for m in run)
    return ", ".join(parts)


def parse_months(value: str | list[int] | tuple[int, ...] | None) -> tuple[int, ...]:
    """Peak months stored as '6,7,8'; accepts numbers 1–12."""
    if value is None or value == "":
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    months = set()
    for item in items:
        try:
            month = int(str(item).strip())
        except ValueError:
            raise ValidationError(tr("Månader anges som tal 1–12."), "peak_months") from None
        if not 1 <= month <= 12:
            raise ValidationError(tr("Månader anges som tal 1–12."), "peak_months")
        months.add(month)
    return tuple(sorted(months))


# -- the report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SituationReport:
    """Everything the *lägesbild* report shows, already filtered for internal content."""

    picture: PictureData
    municipality: str
    generated_on: date
    sources: tuple[SourceData, ...] = ()
    gaps: tuple[GapData, ...] = ()
    indicators: tuple[IndicatorData, ...] = ()
    observations: tuple[ObservationData, ...] = ()
    # Every area of the municipality's tree in the user's order, with the picture's assessment.
    areas: tuple[AreaAssessmentData, ...] = ()
    include_internal: bool = False
    from_snapshot: bool = False
    coordinator: str = ""
    logo: bytes | None = field(default=None, repr=False)
    document: DocumentSettings | None = None
    # The picture's files, numbered "Bilaga 1", …; names only. Read live like the logo and
    # the document settings, so never part of a frozen snapshot.
    attachments: tuple[bilagor.AttachmentInfo, ...] = ()

    @property
    def used_sources(self) -> list[SourceData]:
        return [s for s in self.sources if s.status == SourceStatus.AVAILABLE]

    @property
    def unused_sources(self) -> list[SourceData]:
        """Sources that could not be used: asked for and not received, or missing."""
        return [
            s
            for s in self.sources
            if s.status != SourceStatus.AVAILABLE and s.status != SourceStatus.UNKNOWN
        ]

    @property
    def unjudged_sources(self) -> list[SourceData]:
        """Sources nobody has said can or cannot be had: neither used nor unusable."""
        return [s for s in self.sources if s.status == SourceStatus.UNKNOWN]
