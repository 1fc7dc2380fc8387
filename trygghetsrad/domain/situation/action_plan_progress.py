"""How a measure of the action plan is doing: the status the user recorded, where its
indicator is heading relative to the target (`indicator_trend`), and the traffic light both
give (`traffic_light`), as the plan, Uppföljning and the PDFs show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.situation.periods import period_label
from trygghetsrad.i18n import plural, tr


class MeasureStatus(StrEnum):
    """What the user has recorded about a measure's (or commitment's) progress.

    UNKNOWN is the state of a record nobody has judged yet: it is the default, and
    documents print it as such, never as "not started" and never with a traffic light.
    """

    UNKNOWN = "ej bedömd"
    NOT_STARTED = "ej påbörjad"
    ONGOING = "pågår"
    DONE = "genomförd"
    CANCELLED = "avbruten"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class TargetDirection(StrEnum):
    DECREASE = "minska"
    INCREASE = "öka"

    @property
    def label(self) -> str:
        return tr("Lägre är bättre") if self is TargetDirection.DECREASE else tr("Högre är bättre")


class Light(StrEnum):
    GREEN = "grön"
    YELLOW = "gul"
    RED = "röd"
    GREY = "grå"
    NONE = "ingen"  # no verdict: the status has not been judged


LIGHT_ORDER = (Light.RED, Light.YELLOW, Light.GREEN, Light.GREY, Light.NONE)
"""Most urgent first (sorting by light)."""


def has_light(light: Light | str) -> bool:
    """Whether a traffic light is drawn at all (an unjudged status has none)."""
    return Light(light) is not Light.NONE


def light_count(light: Light | str, n: int) -> str:
    """How many measures have a light, as the Uppföljning summary and the follow-up PDF say
    it: "1 försenad", "2 försenade"."""
    one, many = {
        Light.GREEN: (tr("enligt plan eller klar"), tr("enligt plan eller klara")),
        Light.YELLOW: (tr("behöver uppmärksamhet"), tr("behöver uppmärksamhet")),
        Light.RED: (tr("försenad"), tr("försenade")),
        Light.GREY: (tr("ej startad eller avbruten"), tr("ej startade eller avbrutna")),
        Light.NONE: (tr("ej bedömd"), tr("ej bedömda")),
    }[Light(light)]
    return plural(n, one, many)


LIGHT_COLOURS = {
    Light.GREEN: "#2e8540",
    Light.YELLOW: "#e0a800",
    Light.RED: "#c0392b",
    Light.GREY: "#9aa5b1",
}


@dataclass(frozen=True)
class TrafficLight:
    light: Light
    reason: str

    @property
    def colour(self) -> str:
        """The light's colour; empty when there is no light to draw."""
        return LIGHT_COLOURS.get(self.light, "")


class Trend(StrEnum):
    REACHED = "målet nått"
    TOWARDS = "på väg mot målet"
    UNCHANGED = "oförändrat"
    AWAY = "åt fel håll"
    UNKNOWN = "för lite data"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class TrendPoint:
    period: str
    value: float


@dataclass(frozen=True)
class TrendResult:
    trend: Trend
    baseline: TrendPoint | None
    latest: TrendPoint | None
    target: float | None

    @property
    def text(self) -> str:
        if self.baseline is None or self.latest is None:
            return self.trend.label
        return tr("{trend}: {a} ({pa}) → {b} ({pb})").format(
            trend=self.trend.label,
            a=format_number(self.baseline.value),
            pa=_period_text(self.baseline.period),
            b=format_number(self.latest.value),
            pb=_period_text(self.latest.period),
        )


def _period_text(period: str) -> str:
    """An indicator period as the charts' captions write it ("kv. 3 2026"); a follow-up's
    date ("2026-03-15") as it is."""
    return period_label(period) if len(period) in (4, 7) else period


def format_number(value: float | None) -> str:
    """Swedish decimal comma, no needless decimals: 12 → '12', 3.5 → '3,5'."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


# A change smaller than this share of the baseline counts as unchanged.
UNCHANGED_TOLERANCE = 0.02


def indicator_trend(
    points: list[TrendPoint],
    target: float | None,
    direction: TargetDirection | str | None,
) -> TrendResult:
    """Where an indicator is heading relative to its target.

    `points` are in period order; the first is the baseline (the value when the measure
    started), the last the latest value. Without a direction nothing can be said.
    """
    if len(points) < 2 or direction is None or direction == "":
        baseline = points[0] if points else None
        latest = points[-1] if points else None
        reached = (
            latest is not None
            and target is not None
            and direction
            and _reached(latest.value, target, TargetDirection(direction))
        )
        return TrendResult(Trend.REACHED if reached else Trend.UNKNOWN, baseline, latest, target)
    direction = TargetDirection(direction)
    baseline, latest = points[0], points[-1]
    if target is not None and _reached(latest.value, target, direction):
        return TrendResult(Trend.REACHED, baseline, latest, target)
    delta = latest.value - baseline.value
    scale = max(abs(baseline.value), 1e-9)
    if abs(delta) / scale < UNCHANGED_TOLERANCE:
        trend = Trend.UNCHANGED
    elif (delta < 0) == (direction is TargetDirection.DECREASE):
        trend = Trend.TOWARDS
    else:
        trend = Trend.AWAY
    return TrendResult(trend, baseline, latest, target)


def _reached(value: float, target: float, direction: TargetDirection) -> bool:
    return value <= target if direction is TargetDirection.DECREASE else value >= target


def traffic_light(
    status: str,
    *,
    start: date | None,
    end: date | None,
    today: date,
    trend: Trend | None = None,
) -> TrafficLight:
    """The measure's traffic light, derived from its status, its dates and its indicator.

    Green: done, or ongoing on time with the indicator not going the wrong way.
    Yellow: ongoing but the indicator goes the wrong way, or not started though due to start.
    Red: past its end date without being done. Grey: cancelled, or not due to start yet.
    None: nobody has judged the status, so nothing is claimed (the passed end date is a fact
    and is said as such).
    """
    status = MeasureStatus(status)
    if status is MeasureStatus.UNKNOWN:
        return unknown_light(end=end, today=today)
    if status is MeasureStatus.DONE:
        return TrafficLight(Light.GREEN, tr("Genomförd"))
    if status is MeasureStatus.CANCELLED:
        return TrafficLight(Light.GREY, tr("Avbruten"))
    if end is not None and end < today:
        return TrafficLight(
            Light.RED, tr("Slutdatum {day} har passerat").format(day=end.isoformat())
        )
    if status is MeasureStatus.NOT_STARTED:
        if start is not None and start <= today:
            return TrafficLight(
                Light.YELLOW,
                tr("Skulle ha startat {day}").format(day=start.isoformat()),
            )
        return TrafficLight(Light.GREY, tr("Inte påbörjad än"))
    if trend is Trend.AWAY:
        return TrafficLight(Light.YELLOW, tr("Pågår, men indikatorn går åt fel håll"))
    return TrafficLight(Light.GREEN, tr("Pågår enligt plan"))


def unknown_light(*, end: date | None, today: date) -> TrafficLight:
    reason = tr("Ej bedömd")
    if end is not None and end < today:
        reason = tr("Ej bedömd; slutdatum {day} har passerat").format(day=end.isoformat())
    return TrafficLight(Light.NONE, reason)
