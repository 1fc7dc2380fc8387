"""A file chosen in a save dialog of the window can't replace the open database (issue 15,
point 1): the page says why in Swedish, and the database file is byte for byte the same."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: seen.append(a[2]) or QMessageBox.StandardButton.Ok
    )
    return seen


def test_the_wheel_page_refuses_to_save_over_the_database(
    qtbot, demo_ctx, tmp_path: Path, warnings: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(demo_ctx)
    qtbot.addWidget(page)
    page.today = date(2026, 11, 26)
    page.set_year(2026)
    db = demo_ctx.database.path
    before = _hash(db)
    link = tmp_path / "Årshjul 2026.png"  # what the dialog returns when the name is a link
    link.symlink_to(db)
    page.export("png", link)
    assert len(warnings) == 1 and "är databasen som används" in warnings[0]
    page.export("ics", db.with_name(db.name + "-wal"))  # written in the background
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=20000)
    assert "hör till databasen" in warnings[1] and "-wal" in warnings[1]
    assert _hash(db) == before
    assert link.is_symlink() and not db.with_name(db.name + "-wal.tmp").exists()


def test_the_action_plan_pdf_refuses_a_link_to_the_database(
    qtbot, demo_ctx, tmp_path: Path, warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QWidget

    from trygghetsrad.services.situation import action_plan
    from trygghetsrad.ui.situation import action_plan_export

    db = demo_ctx.database.path
    before = _hash(db)
    link = tmp_path / "Åtgärdsplan.pdf"
    link.symlink_to(db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(link), ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    with demo_ctx.database.session() as s:
        plan = action_plan.list_plans(s)[0]
    assert action_plan_export.export_plan_pdf(parent, demo_ctx, plan) is None
    assert len(warnings) == 1 and "är databasen som används" in warnings[0]
    assert _hash(db) == before and link.is_symlink()
