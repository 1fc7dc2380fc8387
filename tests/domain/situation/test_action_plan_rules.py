"""Action-plan rules: traffic light, indicator trend against target, unconnected flags."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetsrad.domain.situation.action_plan import (
    CauseLink,
    Light,
    MeasureInput,
    Trend,
    TrendPoint,
    format_number,
    indicator_trend,
    plan_flags,
    traffic_light,
)
from trygghetsrad.errors import ValidationError

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("status", "start", "end", "trend", "light"),
    [
        ("genomförd", date(2025, 1, 1), date(2025, 6, 1), None, Light.GREEN),
        ("avbruten", None, None, None, Light.GREY),
        ("pågår", date(2026, 1, 1), date(2026, 10, 1), None, Light.RED),  # past its end
        ("pågår", date(2026, 1, 1), date(2027, 1, 1), Trend.AWAY, Light.YELLOW),
        ("pågår", date(2026, 1, 1), date(2027, 1, 1), Trend.TOWARDS, Light.GREEN),
        ("ej påbörjad", date(2026, 3, 1), date(2027, 1, 1), None, Light.YELLOW),  # late start
        ("ej påbörjad", date(2026, 12, 12), date(2026, 12, 13), None, Light.GREY),
        ("ej påbörjad", date(2026, 1, 1), date(2026, 2, 1), None, Light.RED),
        # Not judged: no verdict, whatever the dates say.
        ("ej bedömd", date(2026, 1, 1), date(2026, 2, 1), None, Light.NONE),
        ("ej bedömd", date(2026, 3, 1), date(2027, 1, 1), Trend.AWAY, Light.NONE),
        ("ej bedömd", None, None, None, Light.NONE),
    ],
)
def test_traffic_light(status, start, end, trend, light) -> None:  # type: ignore[no-untyped-def]
    result = traffic_light(status, start=start, end=end, today=TODAY, trend=trend)
    assert result.light is light
    assert result.reason


def test_traffic_light_refuses_unknown_status() -> None:
    with pytest.raises(ValueError):
        traffic_light("kanske", start=None, end=None, today=TODAY)


def _points(*values: float) -> list[TrendPoint]:
    return [TrendPoint(str(2020 + i), v) for i, v in enumerate(values)]


def test_trend_towards_and_away_depend_on_direction() -> None:
    assert indicator_trend(_points(30, 25), 20, "minska").trend is Trend.TOWARDS
    assert indicator_trend(_points(30, 35), 20, "minska").trend is Trend.AWAY
    assert indicator_trend(_points(30, 35), 40, "öka").trend is Trend.TOWARDS
    assert indicator_trend(_points(30, 25), 40, "öka").trend is Trend.AWAY


def test_trend_reached_unchanged_and_unknown() -> None:
    assert indicator_trend(_points(30, 19), 20, "minska").trend is Trend.REACHED
    assert indicator_trend(_points(30, 30.3), 20, "minska").trend is Trend.UNCHANGED
    assert indicator_trend(_points(30), 20, "minska").trend is Trend.UNKNOWN
    assert indicator_trend([], 20, "minska").trend is Trend.UNKNOWN
    assert indicator_trend(_points(30, 20), None, None).trend is Trend.UNKNOWN


def test_trend_text_names_baseline_and_latest_with_decimal_comma() -> None:
    result = indicator_trend(_points(25.4, 27.2), 20, "minska")
    assert result.text == "Åt fel håll: 25,4 (2020) → 27,2 (2021)"


def test_format_number() -> None:
    assert format_number(12.0) == "12"
    assert format_number(3.5) == "3,5"
    assert format_number(None) == ""


def test_flags_measure_without_cause_and_uncovered_causes() -> None:
    causes = [
        CauseLink(1, 10, None),  # covered through child 2
        CauseLink(2, 10, 1),  # addressed
        CauseLink(3, 10, 1),  # sibling of an addressed cause, parent not addressed: flagged
        CauseLink(4, 10, None),  # nothing: flagged
        CauseLink(5, 20, None),  # addressed by a measure on its ancestor? no: it is a root
        CauseLink(6, 20, 5),  # covered through ancestor 5
    ]
    flags = plan_flags({100: {2}, 101: set(), 102: {5}}, causes, [10, 20, 30])
    assert flags.measures_without_cause == (101,)
    assert flags.causes_without_measure == (3, 4)
    assert flags.problems_without_measure == (30,)
    assert bool(flags)


def test_no_flags_when_everything_is_connected() -> None:
    flags = plan_flags({1: {1}}, [CauseLink(1, 5, None)], [5])
    assert not flags


def test_measure_input_validation() -> None:
    with pytest.raises(ValidationError) as exc:
        MeasureInput(title="  ").cleaned()
    assert exc.value.field == "title"
    with pytest.raises(ValidationError) as exc:
        MeasureInput(title="x", start=date(2026, 5, 1), end=date(2026, 4, 1)).cleaned()
    assert exc.value.field == "end"
    with pytest.raises(ValidationError) as exc:
        MeasureInput(title="x", target_value=10).cleaned()
    assert exc.value.field == "target_direction"
    with pytest.raises(ValidationError) as exc:
        MeasureInput(title="x", description="å" * 10_001).cleaned()
    assert "10000" in str(exc.value)
    with pytest.raises(ValidationError):
        MeasureInput(title="x", status="klar").cleaned()
    ok = MeasureInput(title=" Belysning 💡 ", cause_ids=(3, 3, 2)).cleaned()
    assert ok.title == "Belysning 💡"
    assert ok.cause_ids == (3, 2)


def test_a_commitment_light_claims_only_what_was_recorded() -> None:
    from trygghetsrad.domain.situation.action_plan import FollowUp, Light, TrafficLight
    from trygghetsrad.domain.situation.agreements import commitment_light

    day = date(2026, 12, 7)
    period = {"start": date(2025, 1, 1), "end": date(2026, 12, 31), "today": day}
    note = FollowUp(1, date(2026, 9, 3), "pågår", "Gjort", "", None)
    amber = TrafficLight(Light.YELLOW, "Skulle ha startat 2026-03-01")
    green = TrafficLight(Light.GREEN, "Pågår enligt plan")
    unjudged = TrafficLight(Light.NONE, "Ej bedömd")
    # A status set by hand with no follow-up and no measure: no light.
    alone = commitment_light("pågår", followups=[], measures=[], **period)
    assert alone.light is Light.NONE and "Pågår enligt plan" not in alone.reason
    assert commitment_light("ej bedömd", followups=[], measures=[], **period).reason == (
        "Ej bedömd"
    )
    # Its own dated follow-up is a judgement.
    assert commitment_light("pågår", followups=[note], measures=[], **period).light is (Light.GREEN)
    # The measures' lights: the most urgent wins, named with the measure and its own date.
    light = commitment_light(
        "pågår", followups=[note], measures=[("Belysning", green), ("Kamera", amber)], **period
    )
    assert light.light is Light.YELLOW
    assert light.reason == "Enligt åtgärden ”Kamera”: Skulle ha startat 2026-03-01"
    # Unjudged measures and no follow-up: still no light.
    assert commitment_light("pågår", followups=[], measures=[("X", unjudged)], **period).light is (
        Light.NONE
    )
