"""Big imports show their progress on a terminal, and only there: pipes and logs stay clean."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from trygghetsrad.cli.progress import TerminalProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_one_line_rewritten_at_most_five_times_a_second_and_cleared() -> None:
    stream, now = _Terminal(), [0.0]
    progress = TerminalProgress(stream, clock=lambda: now[0])
    progress.report(1, 10, "Importerar data.json")
    now[0] = 0.1
    progress.report(2, 10, "Importerar data.json")  # too soon: not drawn
    now[0] = 0.35
    progress.report(5, 10, "Importerar data.json")
    now[0] = 0.4
    progress.report(10, 10, "Importerar data.json")  # the end is always drawn
    progress.close()
    text = stream.getvalue()
    assert text.split("\r")[1:4] == [
        "Importerar data.json: 10 %",
        "Importerar data.json: 50 %",
        "Importerar data.json: 100 %",
    ]
    assert "20 %" not in text
    assert text.endswith("\r" + " " * len("Importerar data.json: 100 %") + "\r")


def test_nothing_is_written_when_stderr_is_no_terminal() -> None:
    stream = io.StringIO()
    with TerminalProgress(stream) as progress:
        progress.report(5, 10, "Importerar")
        progress.report(0, 0, "Sparar")
    assert stream.getvalue() == ""


def _ics(path: Path, events: int) -> Path:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//"]
    for i in range(events):
        day = f"2026{1 + i % 12:02d}{1 + i % 28:02d}"
        lines += ["BEGIN:VEVENT", f"UID:e{i}", f"SUMMARY:Möte {i}", f"DTSTART:{day}T090000Z"]
        lines += ["END:VEVENT"]
    path.write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")
    return path


def _run(args: list[str], *, terminal: bool) -> tuple[int, str, str]:
    """Run the command line with stderr on a pseudo-terminal (or a pipe); exit code, stdout,
    and what reached stderr."""
    command = [sys.executable, "-m", "trygghetsrad", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(leader)
    return proc.returncode, out.decode(), seen.decode(errors="replace")


def _progress_on_terminal_only(tmp_path: Path, command: list[str], done: str) -> str:
    """Run `command` into a new database once on a terminal and once into a pipe; both
    succeed and print `done`, the pipe gets no progress at all. The terminal's stderr."""
    shown = _run(["--db", str(tmp_path / "terminal.sqlite"), *command], terminal=True)
    piped = _run(["--db", str(tmp_path / "pipe.sqlite"), *command], terminal=False)
    for code, out, err in (shown, piped):
        assert code == 0 and done in out, err
    assert piped[2] == ""
    return shown[2]


def test_import_ics_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    source = _ics(tmp_path / "kalender.ics", 4500)
    err = _progress_on_terminal_only(tmp_path, ["import", "ics", str(source)], "4500 nya")
    assert "Läser kalenderfilen: 44 %" in err and "Läser kalenderfilen: 100 %" in err


def test_import_data_shows_progress_on_a_terminal_only(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "allt.json"
    demo_database.close()
    code, _out, err = _run(
        ["--db", str(demo_database.path), "export", "data", str(export)], terminal=False
    )
    assert code == 0, err
    err = _progress_on_terminal_only(
        tmp_path, ["import", "data", str(export)], "poster importerade"
    )
    assert "Kontrollerar allt.json: 100 %" in err and "Importerar allt.json: 100 %" in err
