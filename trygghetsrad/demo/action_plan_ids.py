"""The ids the example action plan's parts hand each other: part 1's records it builds on,
the causes of its problems, and the plan with its measures."""

from __future__ import annotations

from typing import NamedTuple


class Part1(NamedTuple):
    """Part 1's records the plan builds on (None when the example is run without them)."""

    unsafe: int | None
    drugs: int | None
    cocaine: int | None
    vandalism: int | None
    survey: int | None
    dialogue: int | None
    police_picture: int | None
    wastewater_source: int | None
    school_survey: int | None
    field_workers: int | None
    night_walkers: int | None
    obs_station: int | None
    obs_drugs: int | None
    current_picture: object
    presented_picture: object


class Causes(NamedTuple):
    c_dark: int
    c_light: int
    c_bush: int
    c_youth: int
    c_leisure: int
    c_adults: int
    c_supply: int
    c_norms: int
    c_parents: int
    c_recruit: int


class Measures(NamedTuple):
    plan: int
    m_light: int
    m_leisure: int
    m_walks: int
    m_camera: int
    m_parents: int
    m_field: int
    m_tips: int
