"""The action plan (*åtgärdsplan*): measures, their status and traffic light, follow-up notes,
and the rules that tie measures to causes and indicators to targets.

A measure's status, indicator trend and traffic light are worked out in
`action_plan_progress` and re-exported here, so that callers keep one name for the plan's
vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.register import MAX_NAME, clean_text
from trygghetsrad.domain.situation.action_plan_progress import LIGHT_COLOURS as LIGHT_COLOURS
from trygghetsrad.domain.situation.action_plan_progress import LIGHT_ORDER as LIGHT_ORDER
from trygghetsrad.domain.situation.action_plan_progress import (
    UNCHANGED_TOLERANCE as UNCHANGED_TOLERANCE,
)
from trygghetsrad.domain.situation.action_plan_progress import Light as Light
from trygghetsrad.domain.situation.action_plan_progress import MeasureStatus as MeasureStatus
from trygghetsrad.domain.situation.action_plan_progress import TargetDirection as TargetDirection
from trygghetsrad.domain.situation.action_plan_progress import TrafficLight as TrafficLight
from trygghetsrad.domain.situation.action_plan_progress import Trend as Trend
from trygghetsrad.domain.situation.action_plan_progress import TrendPoint as TrendPoint
from trygghetsrad.domain.situation.action_plan_progress import TrendResult as TrendResult
from trygghetsrad.domain.situation.action_plan_progress import format_number as format_number
from trygghetsrad.domain.situation.action_plan_progress import has_light as has_light
from trygghetsrad.domain.situation.action_plan_progress import indicator_trend as indicator_trend
from trygghetsrad.domain.situation.action_plan_progress import light_count as light_count
from trygghetsrad.domain.situation.action_plan_progress import traffic_light as traffic_light
from trygghetsrad.domain.situation.action_plan_progress import unknown_light as unknown_light
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr


class MeasureKind(StrEnum):
    SITUATIONAL = "situationell"
    SOCIAL = "social"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Effect(StrEnum):
    SHORT = "kort sikt"
    LONG = "lång sikt"
    BOTH = "kort och lång sikt"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PlanStatus(StrEnum):
    DRAFT = "utkast"
    ADOPTED = "antagen"
    SUPERSEDED = "ersatt"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# -- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUp:
    id: int
    noted_on: date
    status: str
    done: str
    effect: str
    indicator_value: float | None
    internal: bool = False
    measure_id: int | None = None
    commitment_id: int | None = None


@dataclass(frozen=True)
class MeetingMention:
    """A decision or action item in the minutes that concerns a measure or commitment."""

    link_id: int
    meeting_id: int
    meeting_title: str
    meeting_date: date | None
    kind: str  # "decision" or "action_item"
    item_id: int
    text: str
    status: str = ""
    internal: bool = False
    inherited_internal: bool = False  # under an internal agenda item (see domain.internal)


@dataclass(frozen=True)
class MeasureData:
    id: int
    plan_id: int
    position: int
    title: str
    description: str = ""
    kind: str = MeasureKind.SITUATIONAL.value
    effect: str = Effect.SHORT.value
    responsible_organisation_id: int | None = None
    responsible_organisation: str = ""
    responsible_person_id: int | None = None
    responsible_person: str = ""
    partners: str = ""
    start: date | None = None
    end: date | None = None
    resources: str = ""
    indicator_id: int | None = None
    indicator_name: str = ""
    indicator_unit: str = ""
    target_value: float | None = None
    target_direction: str = ""
    target_text: str = ""
    status: str = MeasureStatus.UNKNOWN.value
    internal: bool = False
    cause_ids: tuple[int, ...] = ()
    cause_titles: tuple[str, ...] = ()
    commitment_ids: tuple[int, ...] = ()

    @property
    def responsible(self) -> str:
        parts = [p for p in (self.responsible_organisation, self.responsible_person) if p]
        return ", ".join(parts)

    @property
    def has_cause(self) -> bool:
        return bool(self.cause_ids)

    @property
    def target_label(self) -> str:
        if self.target_text:
            return self.target_text
        if self.target_value is None:
            return ""
        verb = tr("högst") if self.target_direction == TargetDirection.DECREASE else tr("minst")
        unit = f" {self.indicator_unit}" if self.indicator_unit else ""
        return f"{verb} {format_number(self.target_value)}{unit}"


@dataclass(frozen=True)
class PlanData:
    id: int
    title: str
    period_start: date
    period_end: date
    status: str = PlanStatus.DRAFT.value
    adopted_by: str = ""
    adopted_on: date | None = None
    adoption_ref: str = ""
    follow_up_on: date | None = None
    previous_id: int | None = None
    version: int = 1
    situation_picture_id: int | None = None
    note: str = ""
    measure_count: int = 0

    @property
    def is_adopted(self) -> bool:
        return self.status != PlanStatus.DRAFT

    @property
    def period_label(self) -> str:
        if self.period_start.year == self.period_end.year:
            return str(self.period_start.year)
        return f"{self.period_start.year}–{self.period_end.year}"

    @property
    def adoption_label(self) -> str:
        if not self.adopted_on:
            return tr("Inte antagen")
        parts = [tr("Antagen {day}").format(day=self.adopted_on.isoformat())]
        if self.adopted_by:
            parts.append(tr("av {body}").format(body=self.adopted_by))
        if self.adoption_ref:
            parts.append(self.adoption_ref)
        return " ".join(parts[:2]) + (f", {parts[2]}" if len(parts) > 2 else "")


@dataclass(frozen=True)
class MeasureRow:
    """A measure with everything the plan and follow-up views show about it."""

    measure: MeasureData
    light: TrafficLight
    trend: TrendResult
    followups: tuple[FollowUp, ...] = ()
    mentions: tuple[MeetingMention, ...] = ()
    flagged_no_cause: bool = False


def status_label(status: str) -> str:
    """A measure's or commitment's status as every page and document writes it."""
    try:
        return MeasureStatus(status).label
    except ValueError:
        return status


def light_note(status_text: str, reason: str) -> str:
    """Why the light is what it is, said beside the status without repeating it: the page and
    the documents print the same note ("Pågår" + "Slutdatum … har passerat")."""
    if reason.startswith(status_text):
        return reason[len(status_text) :].lstrip(";, ")
    return reason


def is_measured(row: MeasureRow) -> bool:
    """Whether anything can be said about the measure's effect: it follows an indicator, or
    its follow-ups noted values."""
    return row.measure.indicator_id is not None or row.trend.latest is not None


def trend_text(row: MeasureRow) -> str:
    """ "Does it work?" for a measure — the one wording the Uppföljning page, the plan page and
    every PDF print: the trend of its indicator (or of the values noted at its follow-ups)
    against the target, or that it has no indicator."""
    return row.trend.text if is_measured(row) else tr("Ingen indikator")


@dataclass(frozen=True)
class PlanFlags:
    measures_without_cause: tuple[int, ...] = ()
    causes_without_measure: tuple[int, ...] = ()
    problems_without_measure: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.measures_without_cause
            or self.causes_without_measure
            or self.problems_without_measure
        )


@dataclass(frozen=True)
class CauseLink:
    """What the flag rule needs to know about one cause."""

    id: int
    problem_id: int
    parent_id: int | None


def plan_flags(
    measure_causes: dict[int, set[int]],
    causes: list[CauseLink],
    problem_ids: list[int],
) -> PlanFlags:
    """Measures that address no cause, causes no measure addresses, problems with no measure.

    A cause counts as addressed when a measure addresses it, an ancestor (the measure covers
    the whole branch) or a descendant (part of it is addressed and the rest is flagged there).
    """
    addressed = {c for ids in measure_causes.values() for c in ids}
    by_id = {c.id: c for c in causes}
    children: dict[int | None, list[int]] = {}
    for c in causes:
        children.setdefault(c.parent_id, []).append(c.id)

    def ancestors(cid: int) -> list[int]:
        out, seen = [], set()
        parent = by_id[cid].parent_id
        while parent is not None and parent in by_id and parent not in seen:
            seen.add(parent)
            out.append(parent)
            parent = by_id[parent].parent_id
        return out

    def descendants(cid: int) -> list[int]:
        out, stack = [], list(children.get(cid, []))
        while stack:
            nxt = stack.pop()
            out.append(nxt)
            stack.extend(children.get(nxt, []))
        return out

    uncovered = tuple(
        c.id
        for c in causes
        if c.id not in addressed
        and not any(a in addressed for a in ancestors(c.id))
        and not any(d in addressed for d in descendants(c.id))
    )
    problems_hit = {by_id[c].problem_id for c in addressed if c in by_id}
    return PlanFlags(
        measures_without_cause=tuple(m for m, ids in measure_causes.items() if not ids),
        causes_without_measure=uncovered,
        problems_without_measure=tuple(p for p in problem_ids if p not in problems_hit),
    )


# -- validation --------------------------------------------------------------------------------


def clean_enum(value: str, enum: type[StrEnum], *, field: str, label: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(
            tr("Okänt värde för {label}: {value}.").format(label=label, value=value), field
        ) from None


def clean_title(value: str | None, *, label: str | None = None) -> str:
    return clean_text(
        value, field="title", label=label or tr("Rubrik"), required=True, max_length=MAX_NAME
    )


def check_dates(start: date | None, end: date | None, *, field: str = "end") -> None:
    if start and end and end < start:
        raise ValidationError(tr("Slutdatum kan inte vara före startdatum."), field)
    for day in (start, end):
        if day is not None and not (1900 <= day.year <= 2200):
            raise ValidationError(tr("Datumet {day} är orimligt.").format(day=day), field)


@dataclass(frozen=True)
class MeasureInput:
    """The editable fields of a measure, as a form hands them to the service."""

    title: str
    description: str = ""
    kind: str = MeasureKind.SITUATIONAL.value
    effect: str = Effect.SHORT.value
    responsible_organisation_id: int | None = None
    responsible_person_id: int | None = None
    partners: str = ""
    start: date | None = None
    end: date | None = None
    resources: str = ""
    indicator_id: int | None = None
    target_value: float | None = None
    target_direction: str = ""
    target_text: str = ""
    status: str = MeasureStatus.UNKNOWN.value
    internal: bool = False
    cause_ids: tuple[int, ...] = field(default_factory=tuple)

    def cleaned(self) -> MeasureInput:
        check_dates(self.start, self.end)
        direction = self.target_direction or ""
        if direction:
            direction = clean_enum(
                direction, TargetDirection, field="target_direction", label=tr("målets riktning")
            )
        if self.target_value is not None and not direction:
            raise ValidationError(
                tr("Ange om indikatorn ska öka eller minska för att nå målet."),
                "target_direction",
            )
        return MeasureInput(
            title=clean_title(self.title, label=tr("Åtgärdens namn")),
            description=clean_text(self.description, field="description", label=tr("Beskrivning")),
            kind=clean_enum(self.kind, MeasureKind, field="kind", label=tr("typ")),
            effect=clean_enum(self.effect, Effect, field="effect", label=tr("förväntad effekt")),
            responsible_organisation_id=self.responsible_organisation_id,
            responsible_person_id=self.responsible_person_id,
            partners=clean_text(self.partners, field="partners", label=tr("Samverkansparter")),
            start=self.start,
            end=self.end,
            resources=clean_text(self.resources, field="resources", label=tr("Resurser")),
            indicator_id=self.indicator_id,
            target_value=self.target_value,
            target_direction=direction,
            target_text=clean_text(
                self.target_text, field="target_text", label=tr("Mål"), max_length=MAX_NAME
            ),
            status=clean_enum(self.status, MeasureStatus, field="status", label=tr("status")),
            internal=bool(self.internal),
            cause_ids=tuple(dict.fromkeys(self.cause_ids)),
        )
