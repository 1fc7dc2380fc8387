"""A reader that stops early (`trygghetsrad list meetings | head -1`) ends the command quietly
with exit 0, like other command-line tools, instead of an error message about error 32."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("TRYGGHETSRAD_DB", None)
    return env


def test_list_piped_into_head_exits_0_without_a_message(demo_database) -> None:  # type: ignore[no-untyped-def]
    script = '"$1" -m trygghetsrad --db "$2" list meetings | head -1; exit "${PIPESTATUS[0]}"'
    done = subprocess.run(
        ["bash", "-c", script, "sh", sys.executable, str(demo_database.path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [["list", "meetings"], ["list", "people", "--json"], ["search", "möte"], ["--help"]],
)
def test_a_pipe_closed_before_any_output_ends_the_command_quietly(demo_database, args) -> None:  # type: ignore[no-untyped-def]
    """The reader is gone before the command writes its first byte: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "trygghetsrad", "--db", str(demo_database.path), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=_env(),
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "fel 32" not in done.stderr


def test_other_errors_still_reach_stderr_with_exit_2(demo_database) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, "-m", "trygghetsrad", "--db", str(demo_database.path), "list", "nothing"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "felaktigt kommando" in done.stderr
