"""Offline by construction: starting the real program opens no network connection at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import sys
events = []

def audit(event, args):
    if event.startswith(("socket.", "http.", "urllib.", "ftplib.", "smtplib.", "imaplib.",
                         "poplib.", "nntplib.", "telnetlib.", "webbrowser.")):
        if event == "socket.__new__" and args and args[1:2] == (1,):  # AF_UNIX is local
            return
        if event == "socket.gethostname":  # uname(): names the computer in the lock file
            return
        events.append(event)

sys.addaudithook(audit)
from trygghetsrad.__main__ import main
code = main(sys.argv[1:])
print("EVENTS", sorted(set(events)))
print("QTNETWORK", "PySide6.QtNetwork" in sys.modules)
sys.exit(code)
"""


def test_start_up_with_data_opens_no_socket(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(demo_database.path)
    demo_database.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", path, "--exit-after-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "EVENTS []" in result.stdout
    assert "QTNETWORK False" in result.stdout
