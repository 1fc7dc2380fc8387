"""A presented situation picture frozen as JSON, and read back exactly as it was presented.

The snapshot keeps internal items (with their flag) so that an export of a frozen version can
still choose to include or leave them out.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from trygghetsrad.domain.situation.area_tree import AreaAssessmentData, AreaData
from trygghetsrad.domain.situation.picture import (
    GapData,
    IndicatorData,
    ObservationData,
    ObstacleData,
    PictureData,
    SituationReport,
    SourceData,
    ValuePoint,
)

FORMAT = 1


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    if "__date__" in obj:
        return date.fromisoformat(obj["__date__"])
    if "__datetime__" in obj:
        return datetime.fromisoformat(obj["__datetime__"])
    return obj


def dumps(report: SituationReport) -> str:
    data = dataclasses.asdict(dataclasses.replace(report, logo=None, document=None, attachments=()))
    return json.dumps({"format": FORMAT, "report": data}, default=_encode, ensure_ascii=False)


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def loads(text: str) -> SituationReport:
    payload = json.loads(text, object_hook=_decode)
    data = payload["report"]
    sources = tuple(
        _build(
            SourceData,
            s | {"obstacles": tuple(_build(ObstacleData, o) for o in s.get("obstacles", ()))},
        )
        for s in data["sources"]
    )
    indicators = tuple(
        _build(
            IndicatorData,
            i | {"values": tuple(_build(ValuePoint, v) for v in i.get("values", ()))},
        )
        for i in data["indicators"]
    )
    observations = tuple(
        _build(
            ObservationData,
            o
            | {
                key: tuple(o.get(key, ()))
                for key in (
                    "peak_months",
                    "source_ids",
                    "source_names",
                    "indicator_ids",
                    "indicator_names",
                )
            },
        )
        for o in data["observations"]
    )
    return SituationReport(
        picture=_build(PictureData, data["picture"]),
        municipality=data["municipality"],
        generated_on=data["generated_on"],
        sources=sources,
        gaps=tuple(_build(GapData, g) for g in data["gaps"]),
        indicators=indicators,
        observations=observations,
        # A snapshot from before areas had levels holds none: the picture said nothing of them.
        areas=tuple(
            _build(
                AreaAssessmentData,
                a | {"area": _build(AreaData, a["area"] | {"path": tuple(a["area"]["path"])})},
            )
            for a in data.get("areas", ())
        ),
        include_internal=data.get("include_internal", True),
        from_snapshot=True,
        coordinator=data.get("coordinator", ""),
    )
