"""Start-up: the first paint shows the data from a sqlite3 glance, SQLAlchemy loads after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from trygghetsrad.ui.glance import MeetingsGlance, RegisterGlance, SummaryGlance
from trygghetsrad.ui.lazy_tab import LazyTab
from trygghetsrad.ui.main_window import MainWindow, qsettings

# The app started exactly as `trygghetsrad --db X --exit-after-startup`; an import hook
# (as in benchmarks/startup_probe.py) reports what is loaded at the first paint and at the end.
PROBE = r"""
import importlib.abc, importlib.util, sys

class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "trygghetsrad.ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def patched(module):
            run(module)
            original = module.MainWindow.__init__

            def init(window, *args, **kwargs):
                original(window, *args, **kwargs)

                def painted():
                    tab = window.tabs.currentWidget()
                    shown = tab.glance or tab.page
                    model = shown.pane.model if tab.glance else shown.model
                    print("PAINT", "sqlalchemy" in sys.modules, type(shown).__name__,
                          model.rowCount(), flush=True)

                def complete():
                    tab = window.tabs.currentWidget()
                    print("COMPLETE", "sqlalchemy" in sys.modules, type(tab.page).__name__,
                          tab.glance is None, flush=True)
                    # Opening the window builds no command's parser (nor imports its module).
                    print("COMMANDS", sorted(m for m in sys.modules
                                             if m.startswith("trygghetsrad.cli.")), flush=True)
                    # Möten opens on the agenda; the parts behind it are built when shown.
                    print("PARTS", [key for key in ("attendance", "details", "notice", "versions")
                                    if tab.page.built_part(key) is not None], flush=True)

                window.first_paint_with_data.connect(painted)
                window.startup_complete.connect(complete)
                # The garbage collector, paused for start-up, runs again once it is over,
                # without walking what start-up built (frozen).
                from PySide6.QtWidgets import QApplication
                import gc
                QApplication.instance().aboutToQuit.connect(
                    lambda: print("GC", gc.isenabled(), gc.get_freeze_count() > 10_000,
                                  flush=True))

            module.MainWindow.__init__ = init

        spec.loader.exec_module = patched
        return spec

sys.meta_path.insert(0, Hook())
from trygghetsrad.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def _start(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"))
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_STATE_HOME"] = str(home / "state")
    return subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(path), "--exit-after-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_first_paint_with_data_needs_no_sqlalchemy(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        from trygghetsrad.services.meetings import lifecycle as meetings

        count = len(meetings.list_meetings(s))
    path = demo_database.path
    demo_database.close()
    result = _start(path, tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(("PAINT", "COMPL"))]
    # The glance painted the meetings without SQLAlchemy; start-up ended with the real page.
    assert lines == [
        f"PAINT False MeetingsGlance {count}",
        "COMPLETE True MeetingsPage True",
    ]
    assert "COMMANDS []" in result.stdout.splitlines()
    assert "PARTS []" in result.stdout.splitlines()
    assert "GC True True" in result.stdout.splitlines()


def test_new_database_takes_the_usual_way(tmp_path: Path) -> None:
    result = _start(tmp_path / "ny.sqlite", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "PAINT True MeetingsPage 0" in result.stdout  # migrated first, then painted
    assert "COMPLETE True MeetingsPage True" in result.stdout


@pytest.fixture
def starting(qtbot, demo_database):  # type: ignore[no-untyped-def]
    """A window on the example data whose database opens only when `finish_start` runs."""
    opened: list[bool] = []

    def opener():  # type: ignore[no-untyped-def]
        opened.append(True)
        return demo_database

    qsettings().setValue("window/tab", "meetings")
    window = MainWindow(None, path=demo_database.path, opener=opener)
    window.finish_start_later = window.finish_start  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.opened = opened  # type: ignore[attr-defined]
    return window


def _glance_texts(view) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_glance_then_page_keeps_the_clicked_meeting(qtbot, starting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = starting
    monkeypatch.setattr(window, "finish_start", lambda: None)  # the test says when
    window.show()
    qtbot.waitUntil(lambda: window._first_paint_sent)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, LazyTab) and isinstance(tab.glance, MeetingsGlance)
    assert window.opened == [] and not window.ctx.is_open
    glance_rows = _glance_texts(tab.glance.pane.table)
    assert not tab.glance.pane.new_button.isEnabled()
    assert window.windowTitle().endswith(window.ctx.path.name)
    tab.glance.pane.table.selectRow(4)
    chosen = tab.glance.pane.selected_id()
    with qtbot.waitSignal(window.startup_complete, timeout=10000):
        window.finish_start_later()
    page = tab.page
    assert window.opened == [True] and tab.glance is None
    assert _glance_texts(page.table) == glance_rows  # same rows, same order, same texts
    assert page.meeting is not None and page.meeting.id == chosen
    assert page.new_button.isEnabled()


def test_search_during_the_glance_opens_the_database(qtbot, starting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = starting
    monkeypatch.setattr(window, "finish_start", lambda: None)
    window.show()
    qtbot.waitUntil(lambda: window._first_paint_sent)
    dialog = window.search.open("Storåker")
    assert window.opened == [True]
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.close()
    window.finish_start_later()  # the database is open already: just the page
    assert window.opened == [True]
    assert window.tabs.currentWidget().page is not None


@pytest.mark.parametrize(
    ("key", "kind", "text"),
    [
        ("register", RegisterGlance, "Personer"),
        ("wheel", SummaryGlance, "händelser i årshjulet"),
        ("situation", SummaryGlance, "datakällor"),
    ],
)
def test_the_other_tabs_glance_with_data(qtbot, demo_database, key, kind, text) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    qsettings().setValue("window/tab", key)
    window = MainWindow(None, path=demo_database.path, opener=lambda: demo_database)
    window.finish_start = lambda: None  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._first_paint_sent)
    tab = window.tabs.currentWidget()
    assert tab.key == key and isinstance(tab.glance, kind)
    labels = " ".join(label.text() for label in tab.glance.findChildren(QLabel))
    assert text in labels and "Läser in" in labels
    if kind is RegisterGlance:
        assert tab.glance.people.model.rowCount() >= 15
    else:
        assert any(n > 0 for _label, n in tab.glance.summary.items)
    page = window.page(key)  # asking for the page opens the database and swaps
    assert tab.glance is None and page.isVisibleTo(window)
    assert tab.findChildren(kind) == [] or not any(g.isVisible() for g in tab.findChildren(kind))
    assert Qt.WidgetAttribute.WA_WState_Created  # the window is still usable
