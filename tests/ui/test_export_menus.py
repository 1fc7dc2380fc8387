"""The window's export menus list the exports of the shared table (export/kinds.py), and a
choice in them saves that kind, with the table's file filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from trygghetsrad.export.kinds import EXPORTS, MEETING_EXPORTS, WHEEL_EXPORTS


def _texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in menu.actions() if not a.isSeparator() and not a.isCheckable()]


def test_the_meetings_export_menu_is_the_table(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.page import MeetingsPage

    page = MeetingsPage(demo_ctx)
    qtbot.addWidget(page)
    assert _texts(page.export_button.menu()) == [EXPORTS[k].menu + "…" for k in MEETING_EXPORTS]
    assert _texts(page.export_button.menu())[0] == "Protokoll / anteckningar (PDF)…"


def test_the_wheel_export_menu_saves_the_kind_chosen(
    qtbot, demo_ctx, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(demo_ctx)
    qtbot.addWidget(page)
    assert _texts(page.export_menu) == [EXPORTS[k].menu + "…" for k in WHEEL_EXPORTS]
    target = tmp_path / "hjulet.svg"
    asked: list[str] = []

    def save_as(_parent, _title, suggested, file_filter):  # type: ignore[no-untyped-def]
        asked.append(file_filter)
        assert Path(suggested).suffix == ".svg"
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    svg = next(a for a in page.export_menu.actions() if a.text() == "Bild (SVG)…")
    svg.trigger()
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) == target, timeout=20_000)
    assert asked == [EXPORTS["wheel_svg"].file_filter] == ["SVG-bild (*.svg)"]
    assert b"<svg" in target.read_bytes()[:500]
