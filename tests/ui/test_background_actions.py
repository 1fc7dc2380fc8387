"""Exports, the backup copy and imports run behind a progress dialog: the file is written
when the work finishes, and "Avbryt" leaves no file (exports) or nothing imported."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from factories_action_plan import demo_app_fixture, demo_db_fixture, demo_template_fixture
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog, QPushButton, QWidget

from trygghetsrad.services import register
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.wheel import events as wheel_service

__all__ = ["demo_app_fixture", "demo_db_fixture", "demo_template_fixture"]

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Storåkers kommun//test//SV\r\n"
    "BEGIN:VEVENT\r\nUID:vandring-1@storaker.example\r\nDTSTART;VALUE=DATE:20260910\r\n"
    "SUMMARY:Trygghetsvandring i Åby\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


class Gate:
    """Holds the work at one point until the test has pressed "Avbryt" (or let it pass)."""

    def __init__(self, parent: QWidget, cancel: bool) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()
        self.pressed = False
        self._parent, self._cancel = parent, cancel
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def wait(self) -> None:  # called on the worker thread
        self.reached.set()
        assert self.open.wait(10)

    def _poll(self) -> None:
        if not self.reached.is_set():
            return
        dialogs = self._parent.findChildren(QProgressDialog)
        if self._cancel:
            if not dialogs:
                return
            dialogs[-1].findChild(QPushButton).click()  # "Avbryt"
            self.pressed = True
        self._timer.stop()
        self.open.set()


def _save_as(monkeypatch, module: Any, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        module.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


@pytest.mark.parametrize("cancel", [False, True])
def test_plan_pdf_is_written_in_the_background_and_cancel_leaves_no_file(
    qtbot, demo_app, tmp_path, monkeypatch, cancel
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation import action_plan as pdf
    from trygghetsrad.ui.situation import action_plan_export
    from trygghetsrad.ui.situation.plan_page import PlanPage

    page = PlanPage(demo_app)
    qtbot.addWidget(page)
    folder = tmp_path / "pdf"
    folder.mkdir()
    target = folder / "Åtgärdsplan.pdf"
    _save_as(monkeypatch, action_plan_export, target)
    gate = Gate(page, cancel)
    real = pdf.render_plan

    def slow_render(doc: Any) -> bytes:
        gate.wait()
        return real(doc)

    monkeypatch.setattr(pdf, "render_plan", slow_render)
    messages: list[str] = []
    demo_app.events.status_message.connect(messages.append)
    page.export_button.menu().actions()[0].trigger()
    assert gate.pressed is cancel
    assert list(folder.iterdir()) == ([] if cancel else [target])  # no temporary file left
    if cancel:
        assert messages == ["Ingen PDF sparades (avbrutet)."]
    else:
        assert target.read_bytes().startswith(b"%PDF")
        assert messages == [f"Sparade {target}"]
    assert not page.findChildren(QProgressDialog) or not page.findChild(QProgressDialog).isVisible()


@pytest.mark.parametrize("cancel", [False, True])
def test_backup_copy_with_progress_and_cancel(qtbot, ctx, tmp_path, monkeypatch, cancel) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.dialogs import backup as dialog

    with ctx.database.session() as s:
        register.create_person(s, name="Åsa Öberg")
    window = QMainWindow()
    qtbot.addWidget(window)
    folder = tmp_path / "kopior"
    folder.mkdir()
    target = folder / "Trygghetsråd kopia.sqlite"
    _save_as(monkeypatch, dialog, target)
    gate = Gate(window, cancel)
    real = dialog.backup_to

    def held(database: Any, path: Path, progress: Any) -> Path:
        gate.wait()
        return real(database, path, progress)

    monkeypatch.setattr(dialog, "backup_to", held)
    result = dialog.backup_to_file(window, ctx)
    if cancel:
        assert result is None and list(folder.iterdir()) == []
        assert "avbröts" in window.statusBar().currentMessage()
    else:
        assert result == target and list(folder.iterdir()) == [target]
        copy = sqlite3.connect(target)
        assert copy.execute("select name from people").fetchall() == [("Åsa Öberg",)]
        copy.close()


@pytest.mark.parametrize("cancel", [False, True])
def test_csv_import_cancel_imports_nothing(qtbot, ctx, tmp_path, monkeypatch, cancel) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    csv = tmp_path / "värden.csv"
    csv.write_bytes("indikator;område;period;värde\nLarm;Kommun;2024;3\n".encode())
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(csv), ""))
    )
    gate = Gate(page, cancel)
    real = situation_indicators.import_csv_file

    def held(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)  # the rows are in the transaction…
        gate.wait()  # …when "Avbryt" is pressed
        return found

    monkeypatch.setattr(situation_indicators, "import_csv_file", held)
    page.import_button.click()
    with ctx.database.session() as s:
        names = [i.name for i in situation_indicators.list_indicators(s)]
    if cancel:
        assert names == [] and page.message.text() == "Importen avbröts; inget importerades."
    else:
        assert names == ["Larm"] and "1 värde importerades" in page.message.text()


@pytest.mark.parametrize("cancel", [False, True])
def test_ics_import_in_the_background(qtbot, ctx, tmp_path, monkeypatch, cancel) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.wheel import extra as wheel_extra
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(ctx)
    qtbot.addWidget(page)
    page.set_year(2026)
    ics = tmp_path / "händelser.ics"
    ics.write_bytes(ICS)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(ics), ""))
    )
    gate = Gate(page, cancel)
    real = wheel_extra.import_ics

    def held(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        gate.wait()
        return found

    monkeypatch.setattr(wheel_extra, "import_ics", held)
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    page.import_ics()
    with ctx.database.session() as s:
        titles = [i.title for i in wheel_service.year_items(s, 2026)]
    if cancel:
        assert "Trygghetsvandring i Åby" not in titles
        assert messages == ["Importen avbröts; inget importerades."]
    else:
        assert "Trygghetsvandring i Åby" in titles
        assert messages and messages[-1].startswith("1 ny,")
