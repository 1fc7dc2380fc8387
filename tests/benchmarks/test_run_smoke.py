"""The benchmark runner works (figures are not checked here: benchmarks are not tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_prints_json_lines_with_baselines(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--only",
            "search",
            "--data",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=110,
        check=True,
    ).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert lines, "no benchmark lines printed"
    for line in lines:
        assert {"name", "value", "unit", "baseline", "ratio"} <= set(line)
        assert line["value"] > 0 and line["baseline"] > 0
        assert abs(line["ratio"] - line["value"] / line["baseline"]) < 0.01
    assert any(line["name"].startswith("search_") for line in lines)
    assert {p.name for p in tmp_path.glob("*.sqlite")} >= {"tom.sqlite", "exempel.sqlite"}
