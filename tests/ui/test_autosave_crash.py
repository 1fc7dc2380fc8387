"""The real app, killed while the user types: what was typed a second ago is in the file.

`autosave_driver.py` starts the app as `python -m trygghetsrad --db FILE` does and types into
the agenda notes of Möten. The test kills the process, then reopens the file itself.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("autosave_driver.py")
STARTUP_TIMEOUT_S = 120
KILL_AFTER_S = 1.5  # after the last keystroke; the debounce is 0.7 s


def _type_and_kill(db: Path, marker: str, sig: signal.Signals, after_s: float) -> int:
    """Run the driver, wait `after_s` after its last keystroke, send `sig`; the exit status."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(db), marker],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert process.stdout is not None
        # The driver prints one line when done; never wait forever for it (a hang fails).
        ready, _, _ = select.select([process.stdout], [], [], STARTUP_TIMEOUT_S)
        line = process.stdout.readline() if ready else ""
        assert line.startswith("TYPED"), "the driver did not get to type"
        time.sleep(after_s)
        process.send_signal(sig)
        return process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _notes_with(db: Path, marker: str) -> list[str]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [
            text
            for (text,) in con.execute(
                "SELECT text FROM agenda_notes WHERE text LIKE ?", (f"%{marker}%",)
            )
        ]
    finally:
        con.close()


def test_sigkill_a_second_after_typing_loses_nothing(demo_database) -> None:  # type: ignore[no-untyped-def]
    path = Path(demo_database.path)
    demo_database.close()
    for run in range(3):
        marker = f"kill{run}mark"
        code = _type_and_kill(path, marker, signal.SIGKILL, KILL_AFTER_S)
        assert code == -signal.SIGKILL
        notes = _notes_with(path, marker)
        assert len(notes) == 1 and notes[0].endswith(marker), (run, notes)
    # Every run typed at the end of the same note: all three are there, in order.
    assert _notes_with(path, "kill0mark")[0].endswith("kill0mark kill1mark kill2mark")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_session_end_stores_typing_that_has_not_paused_yet(demo_database, sig) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM (the session manager at log-out) or SIGHUP (the terminal closed) right after
    the last key, well before the 0.7 s pause would have stored it."""
    path = Path(demo_database.path)
    demo_database.close()
    code = _type_and_kill(path, "termmark", sig, 0.0)
    assert code == -sig  # it still ends as the signal asks
    assert _notes_with(path, "termmark")
