"""`python -m trygghetsrad` pauses the cyclic garbage collector for start-up (start-up time);
a command does its work with the collector running again."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from trygghetsrad import __main__ as entry
from trygghetsrad import cli


def test_a_command_runs_with_the_collector_running(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli, "run_command", lambda _args: seen.append(gc.isenabled()) or 0)
    try:
        assert entry.main(["--db", str(tmp_path / "x.sqlite"), "list", "meetings"]) == 0
    finally:
        gc.enable()
    assert seen == [True]


def test_the_window_starts_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import trygghetsrad.app

    seen: list[bool] = []
    monkeypatch.setattr(trygghetsrad.app, "run_gui", lambda _args: seen.append(gc.isenabled()) or 0)
    try:
        assert entry.main(["--db", str(tmp_path / "x.sqlite")]) == 0
    finally:
        gc.enable()
    assert seen == [False]
