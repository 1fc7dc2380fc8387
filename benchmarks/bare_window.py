"""Baseline for start-up: a bare PySide6 window with four tabs, exiting after its first paint.

Run as a child process by `run.py`; its wall time and peak memory are what the app's
`--exit-after-startup` is compared with. With `--orm` it also imports SQLAlchemy's ORM,
first (before PySide6, whose import hook would read every SQLAlchemy module's source): the
floor for an app that must open its database through the ORM before it is usable (the
"start-up to interactive" line).
"""

from __future__ import annotations

import sys
import time

if "--orm" in sys.argv[1:]:
    import sqlalchemy.orm  # noqa: F401

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.resize(1280, 820)
    tabs = QTabWidget()
    for title in ("Möten", "Årshjul", "Lägesbild", "Register"):
        tabs.addTab(QLabel(title), title)
    window.setCentralWidget(tabs)
    watcher = _FirstPaint(app)
    tabs.widget(0).installEventFilter(watcher)
    window.show()
    QTimer.singleShot(60_000, lambda: app.exit(1))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
