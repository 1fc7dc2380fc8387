"""Use cases for observations: problems seen at a place, with category, trend and peak months."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from trygghetsrad.db.models.situation import DataSource, Indicator, Observation
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.domain.situation.picture import Category, ObservationData, Trend, parse_months
from trygghetsrad.errors import ReferencedError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.references import find_references
from trygghetsrad.services.situation.areas import area_for_place
from trygghetsrad.services.situation.common import CHANGED, get, name, text


def _observation_data(obs: Observation) -> ObservationData:
    sources = sorted(obs.sources, key=lambda s: s.name.lower())
    indicators = sorted(obs.indicators, key=lambda i: i.name.lower())
    return ObservationData(
        id=obs.id,
        title=obs.title,
        description=obs.description,
        place=obs.place,
        category=obs.category,
        trend=obs.trend,
        peak_months=parse_months(obs.peak_months),
        observed_on=obs.observed_on,
        reported_by=obs.reported_by,
        internal=obs.internal,
        source_ids=tuple(s.id for s in sources),
        source_names=tuple(s.name for s in sources),
        indicator_ids=tuple(i.id for i in indicators),
        indicator_names=tuple(i.name for i in indicators),
        area_id=obs.area_id,
    )


def list_observations(session: Session) -> list[ObservationData]:
    query = select(Observation).options(
        selectinload(Observation.sources), selectinload(Observation.indicators)
    )
    found = [_observation_data(o) for o in session.scalars(query)]
    return sorted(
        found,
        key=lambda o: (o.place.lower(), -(o.observed_on.toordinal() if o.observed_on else 0)),
    )


def get_observation(session: Session, observation_id: int) -> ObservationData:
    return _observation_data(get(session, Observation, observation_id))


def _fields(
    session: Session,
    *,
    title: str,
    description: str,
    place: str,
    category: str,
    trend: str,
    peak_months: Iterable[int] | str,
    observed_on: date | None,
    reported_by: str,
    internal: bool,
    source_ids: Iterable[int],
    indicator_ids: Iterable[int],
    area_id: int | None = None,
) -> dict[str, object]:
    sources = [session.get(DataSource, i) for i in dict.fromkeys(source_ids)]
    indicators = [session.get(Indicator, i) for i in dict.fromkeys(indicator_ids)]
    if any(s is None for s in sources):
        raise ValidationError(tr("Ett av underlagen finns inte längre."), "source_ids")
    if any(i is None for i in indicators):
        raise ValidationError(tr("En av indikatorerna finns inte längre."), "indicator_ids")
    months = parse_months(peak_months if isinstance(peak_months, str) else tuple(peak_months))
    place = text(place, field="place", label=tr("Plats eller område"), max_length=200)
    return {
        "title": name(title, field="title", label=tr("Rubrik")),
        "description": text(description, field="description", label=tr("Beskrivning")),
        "place": place,
        # the area of the municipality's tree that the place names (areas with levels)
        "area_id": area_for_place(session, place, area_id),
        "category": Category.clean(category, "category", tr("kategori")),
        "trend": Trend.clean(trend, "trend", tr("utveckling")),
        "peak_months": ",".join(str(m) for m in months),
        "observed_on": observed_on,
        "reported_by": text(reported_by, field="reported_by", label=tr("Källa"), max_length=200),
        "internal": bool(internal),
        "sources": sources,
        "indicators": indicators,
    }


def create_observation(
    session: Session,
    *,
    title: str,
    description: str = "",
    place: str = "",
    category: str = "other",
    trend: str = "unknown",
    peak_months: Iterable[int] | str = (),
    observed_on: date | None = None,
    reported_by: str = "",
    internal: bool = False,
    source_ids: Iterable[int] = (),
    indicator_ids: Iterable[int] = (),
) -> Created:
    obs = Observation(
        **_fields(
            session,
            title=title,
            description=description,
            place=place,
            category=category,
            trend=trend,
            peak_months=peak_months,
            observed_on=observed_on,
            reported_by=reported_by,
            internal=internal,
            source_ids=source_ids,
            indicator_ids=indicator_ids,
        )
    )
    session.add(obs)
    session.flush()
    return Created(obs.id, CHANGED)


def update_observation(
    session: Session,
    observation_id: int,
    *,
    title: str,
    description: str = "",
    place: str = "",
    category: str = "other",
    trend: str = "unknown",
    peak_months: Iterable[int] | str = (),
    observed_on: date | None = None,
    reported_by: str = "",
    internal: bool = False,
    source_ids: Iterable[int] = (),
    indicator_ids: Iterable[int] = (),
) -> Changes:
    obs = get(session, Observation, observation_id)
    for key, value in _fields(
        session,
        title=title,
        description=description,
        place=place,
        category=category,
        trend=trend,
        peak_months=peak_months,
        observed_on=observed_on,
        reported_by=reported_by,
        internal=internal,
        source_ids=source_ids,
        indicator_ids=indicator_ids,
        area_id=obs.area_id,
    ).items():
        setattr(obs, key, value)
    session.flush()
    return CHANGED


def delete_observation(session: Session, observation_id: int) -> Changes:
    obs = get(session, Observation, observation_id)
    refs = [
        r
        for r in find_references(session, "observations", observation_id)
        if r.table not in {"observation_sources", "observation_indicators"}
    ]
    if refs:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom observationen används: {refs}.").format(
                name=obs.title, refs=", ".join(f"{r.count} {r.label}" for r in refs)
            ),
            [r.label for r in refs],
        )
    session.delete(obs)
    session.flush()
    return CHANGED
