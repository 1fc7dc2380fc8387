"""Test helper, never shipped: start the real app on a database and type into Möten.

    python tests/ui/autosave_driver.py DB MARKER

Opens the app as `python -m trygghetsrad --db DB` does, selects the newest draft meeting,
puts the cursor at the end of the first agenda item's notes and types " MARKER" one key
every 30 ms. After the last key it prints `TYPED <item id>` and keeps running until the
test kills it (SIGKILL: a crash; SIGTERM: the desktop session ending).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

KEY_INTERVAL_MS = 30


def _window():  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def _start_typing(marker: str) -> None:
    window = _window()
    if window is None or not window.isVisible():
        QTimer.singleShot(100, lambda: _start_typing(marker))
        return
    from trygghetsrad.domain.meetings.model import MeetingStatus

    page = window.show_tab("meetings")
    drafts = [m for m in page.model.rows() if m.status is MeetingStatus.DRAFT]
    page.select_meeting(max(drafts, key=lambda m: m.day).id)
    page.tabs.setCurrentIndex(0)
    agenda = page.agenda
    row = next(r for r, item in enumerate(agenda.model.items) if item.kind.value == "normal")
    agenda.list.setCurrentIndex(agenda.model.index(row))
    notes = agenda.notes
    window.activateWindow()
    notes.setFocus()
    cursor = notes.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    notes.setTextCursor(cursor)
    keys = list(" " + marker)

    def next_key() -> None:
        if not keys:
            print(f"TYPED {agenda.item_id}", flush=True)
            return
        QTest.keyClick(notes, keys.pop(0), Qt.KeyboardModifier.NoModifier)
        QTimer.singleShot(KEY_INTERVAL_MS, next_key)

    next_key()


def main() -> int:
    db, marker = sys.argv[1], sys.argv[2]
    from trygghetsrad import cli
    from trygghetsrad.app import make_application, run_gui

    make_application()
    QTimer.singleShot(0, lambda: _start_typing(marker))
    return run_gui(cli.build_parser().parse_args(["--db", db]))


if __name__ == "__main__":
    sys.exit(main())
