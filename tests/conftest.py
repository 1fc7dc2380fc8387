"""Shared test set-up: offscreen Qt, isolated user folders, a fresh database per test."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user data, log or config folders."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("TRYGGHETSRAD_DB", raising=False)


MODAL_LIMIT_S = 20.0


@pytest.fixture(autouse=True)
def _modal_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """A modal dialog nobody answers fails its test instead of hanging the whole run.

    A dialog's exec() runs its own event loop in C++, where Python's timeout signal never
    gets a turn; a Qt timer does. After MODAL_LIMIT_S seconds the dialog is closed and the
    test fails naming it.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    request.getfixturevalue("qapp")
    seen: dict[int, float] = {}
    left_open: list[str] = []

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            seen.clear()
            return
        since = seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - since > MODAL_LIMIT_S:
            text = widget.text() if hasattr(widget, "text") else ""
            left_open.append(f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}")
            seen.pop(id(widget), None)
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(1000)
    yield
    timer.stop()
    if left_open:
        pytest.fail(
            "A modal dialog was left open (closed by the watchdog): " + "; ".join(left_open)
        )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


def _clone(source: Path, target: Path) -> None:
    """Copy a closed template database with SQLite's backup API (cheaper than migrating again)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_database(path).close()
    return path


@pytest.fixture(scope="session")
def _demo_template(_empty_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    _clone(_empty_template, path)
    db = open_database(path)
    with db.session() as s:
        demo.fill(s, date(2026, 11, 26))
    db.close()
    return path


@pytest.fixture
def database(db_path: Path, _empty_template: Path) -> Iterator[object]:
    """A fresh, fully migrated, empty database (cloned from a template migrated once)."""
    from trygghetsrad.db.engine import open_database

    _clone(_empty_template, db_path)
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def session(database):  # type: ignore[no-untyped-def]
    with database.session() as s:
        yield s


@pytest.fixture
def demo_database(db_path: Path, _demo_template: Path) -> Iterator[object]:
    """A database filled with the example data as of 2026-11-26 (cloned from a template)."""
    from trygghetsrad.db.engine import open_database

    _clone(_demo_template, db_path)
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def ctx(qtbot, database):  # type: ignore[no-untyped-def]
    """An AppContext for page tests, with a fresh undo group."""
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.ui.context import AppContext, AppEvents

    events = AppEvents()
    group = QUndoGroup()
    context = AppContext(database, events, group)
    yield context
    group.deleteLater()
    events.deleteLater()


@pytest.fixture
def demo_ctx(qtbot, demo_database):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.ui.context import AppContext, AppEvents

    return AppContext(demo_database, AppEvents(), QUndoGroup())


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, so that permission tests see what a default install writes."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
