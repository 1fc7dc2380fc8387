"""Factories for the situation picture, part 1."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.services.situation import gaps as situation_gaps
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import observations as situation_observations
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.services.situation import sources as situation_sources

_counter = itertools.count(1)


def make_source(session: Session, **overrides: Any) -> int:
    fields = {"name": f"Underlag {next(_counter)}", "kind": "statistics"} | overrides
    return situation_sources.create_source(session, **fields).id


def make_indicator(session: Session, **overrides: Any) -> int:
    fields = {"name": f"Indikator {next(_counter)}", "unit": "antal"} | overrides
    return situation_indicators.create_indicator(session, **fields).id


def make_picture(session: Session, **overrides: Any) -> int:
    fields = {
        "title": f"Lägesbild {next(_counter)}",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
    } | overrides
    return situation_pictures.create_picture(session, **fields).id


def make_observation(session: Session, **overrides: Any) -> int:
    fields = {"title": f"Observation {next(_counter)}", "place": "Centrum"} | overrides
    return situation_observations.create_observation(session, **fields).id


def make_gap(session: Session, **overrides: Any) -> int:
    fields = {"title": f"Lucka {next(_counter)}"} | overrides
    return situation_gaps.create_gap(session, **fields).id


def fill_situation_demo(session: Session, today: date = date(2026, 11, 26)) -> dict[str, Any]:
    """Only the register and the situation parts of the example data (independent of others)."""
    from trygghetsrad.demo import DemoContext
    from trygghetsrad.demo import register as demo_register
    from trygghetsrad.demo import situation as demo_situation

    ctx = DemoContext(today)
    demo_register.fill(session, ctx)
    demo_situation.fill(session, ctx)
    session.flush()
    return ctx.extra
