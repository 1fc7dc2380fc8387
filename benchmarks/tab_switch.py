"""Child process of `run.py`: time from choosing a tab to its page having painted.

    python benchmarks/tab_switch.py DB START_KEY KEY [KEY ...]

Opens the app's main window on DB with START_KEY as the current tab, waits for the first
paint, then switches to each KEY in turn (its first visit: the page is built then) and
prints one JSON object {"key": ms, ...}.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject


class _Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _wait(app, flag: _Painted, limit: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + limit
    while not flag.painted and time.perf_counter() < end:
        app.processEvents()


def main(argv: list[str]) -> int:
    db_path, start, *targets = argv
    from trygghetsrad.app import make_application
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.ui.lazy_tab import LazyTab
    from trygghetsrad.ui.main_window import MainWindow, qsettings

    app = make_application()
    qsettings().setValue("window/tab", start)
    window = MainWindow(open_database(Path(db_path)))
    first = _Painted()
    window.tabs.installEventFilter(first)
    window.show()
    _wait(app, first)
    for _ in range(20):
        app.processEvents()
    result = {}
    for key in targets:
        index = next(
            i
            for i in range(window.tabs.count())
            if isinstance(window.tabs.widget(i), LazyTab) and window.tabs.widget(i).key == key
        )
        tab = window.tabs.widget(index)
        flag = _Painted()
        t0 = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        page = tab.ensure_page()
        page.installEventFilter(flag)
        _wait(app, flag)
        result[key] = (time.perf_counter() - t0) * 1000
    print(json.dumps(result))
    window.ctx.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
