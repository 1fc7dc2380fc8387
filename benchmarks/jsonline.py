"""The one format every benchmark prints: a JSON line per figure.

`{"name", "value", "unit", "baseline", "ratio", "target", "ok", ...}`; `ok` says whether
value/baseline is within the target (None when there is no target). run.py and every
bench_*.py print through here, so a reader of the lines sees one format.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence


def emit(
    name: str,
    value: float,
    unit: str,
    baseline: float,
    target: float | None,
    *,
    digits: int = 3,
    **extra: object,
) -> dict[str, object]:
    """Print one figure as a JSON line and return it."""
    ratio = value / baseline if baseline else None
    line = {
        "name": name,
        "value": round(value, digits),
        "unit": unit,
        "baseline": round(baseline, digits),
        "ratio": round(ratio, 3) if ratio is not None else None,
        "target": target,
        "ok": None if target is None or ratio is None else ratio <= target,
        **extra,
    }
    print(json.dumps(line, ensure_ascii=False), flush=True)
    return line


def emit_wall_and_cpu(
    name: str,
    measured: Sequence[tuple[float, float]],
    baselines: Sequence[tuple[float, float]],
    target: float,
    **extra: object,
) -> None:
    """Two lines from runs of (wall, CPU) seconds: `name` by the median wall time and
    `name_cpu` by the median CPU time, each against its baseline's median. CPU time is
    printed too because the machine may be shared: other processes stretch the wall time of
    the longer measurement more."""
    for suffix, pick in (("", 0), ("_cpu", 1)):
        emit(
            name + suffix,
            statistics.median(t[pick] for t in measured),
            "s",
            statistics.median(t[pick] for t in baselines),
            target,
            **extra,
        )
