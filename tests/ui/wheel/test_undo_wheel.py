"""Årshjul: an .ics import and "Påbörja nästa års plan…" can be undone and redone."""

from __future__ import annotations

import pytest
from factories_wheel import open_wheel_page
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.services.wheel import events as service

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Storåkers kommun//test//SV\r\n"
    + "".join(
        f"BEGIN:VEVENT\r\nUID:vandring-{n}@storaker.example\r\n"
        f"DTSTART;VALUE=DATE:202609{10 + n}\r\nSUMMARY:Trygghetsvandring {n} i Åby\r\n"
        "END:VEVENT\r\n"
        for n in range(3)
    )
    + "END:VCALENDAR\r\n"
).encode()


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    return open_wheel_page(qtbot, demo_ctx)


def _titles(ctx, year: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return sorted(i.title for i in service.year_items(s, year))


def _plan_rows(ctx) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    import sqlite3

    conn = sqlite3.connect(ctx.database.path)
    try:
        return conn.execute("SELECT * FROM wheel_plans ORDER BY id").fetchall()
    finally:
        conn.close()


def test_ics_import_is_undone_as_a_whole(page, demo_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _titles(demo_ctx, 2026)
    ics = tmp_path / "vandringar.ics"
    ics.write_bytes(ICS)
    page.import_ics(ics)
    imported = _titles(demo_ctx, 2026)
    assert len(imported) == len(before) + 3
    assert page.stack.undoText() == "Importera 3 händelser från vandringar.ics"
    page.stack.undo()
    assert _titles(demo_ctx, 2026) == before
    assert not any("Trygghetsvandring 1" in i.title for i in page._items)  # the page refreshed
    page.stack.redo()
    assert _titles(demo_ctx, 2026) == imported


def test_next_years_plan_is_undone(page, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = _titles(demo_ctx, 2027)
    plans_before = _plan_rows(demo_ctx)
    page.start_next_year()
    assert _plan_rows(demo_ctx) != plans_before
    assert page.year == 2027
    started = _titles(demo_ctx, 2027)
    assert len(started) > len(before)
    assert page.stack.undoText() == "Påbörja planen för 2027"
    page.stack.undo()
    assert _titles(demo_ctx, 2027) == before
    assert _plan_rows(demo_ctx) == plans_before  # the draft plan row is gone again
    page.stack.redo()
    assert _titles(demo_ctx, 2027) == started


def test_an_event_deleted_with_the_mouse_comes_back_as_itself(page, qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    """Undo puts back the very row the delete removed (same id, so the same key on the wheel
    and the same UID in the calendar file), and redo removes it again."""
    from PySide6.QtCore import Qt

    key = next(i.key for i in page._items if i.title == "Kulturnatten")
    qtbot.mouseClick(
        page.wheel, Qt.MouseButton.LeftButton, pos=page.wheel.shape_center(key).toPoint()
    )
    assert page.wheel.selected == key
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Kulturnatten" not in _titles(demo_ctx, 2026)
    assert page.wheel.item(key) is None
    assert page.stack.undoText() == "Ta bort Kulturnatten"
    page.stack.undo()
    assert page.wheel.item(key) is not None and page.wheel.item(key).title == "Kulturnatten"
    page.stack.redo()
    assert page.wheel.item(key) is None
    assert "Kulturnatten" not in _titles(demo_ctx, 2026)


def test_a_move_dragged_on_the_wheel_and_a_removed_ring_are_undone_through_the_journal(
    page, qtbot, demo_ctx
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtCore import Qt

    key = next(i.key for i in page._items if i.title == "Kulturnatten")
    page.wheel.setFocus()
    qtbot.mouseClick(
        page.wheel, Qt.MouseButton.LeftButton, pos=page.wheel.shape_center(key).toPoint()
    )
    qtbot.keyClick(page.wheel, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    moved = page.wheel.item(key).start
    assert moved != date(2026, 5, 29)
    page.stack.undo()
    assert page.wheel.item(key).start == date(2026, 5, 29)
    page.stack.redo()
    assert page.wheel.item(key).start == moved

    dialog = page.edit_categories()
    dialog.add_button.click()
    with demo_ctx.database.session() as s:
        rings = service.list_categories(s)
    added = rings[-1]
    dialog.list.setCurrentRow(len(rings) - 1)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    with demo_ctx.database.session() as s:
        assert added.id not in {c.id for c in service.list_categories(s)}
    page.stack.undo()
    with demo_ctx.database.session() as s:
        assert (added.id, added.name) in {(c.id, c.name) for c in service.list_categories(s)}
    dialog.close()


def test_a_date_added_from_pasted_text_can_be_undone(page, qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    dialog = page.show_suggestions()
    dialog.text.setPlainText("Trygghetsvandring i Åby den 14 oktober 2026.")
    find = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Sök datum")
    qtbot.mouseClick(find, Qt.MouseButton.LeftButton)
    add = next(b for b in dialog.buttons if b.isEnabled())
    before = _titles(demo_ctx, 2026)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    added = _titles(demo_ctx, 2026)
    assert len(added) == len(before) + 1 and add.text() == "Tillagd"
    assert page.stack.undoText().startswith("Ny händelse: ")
    page.stack.undo()
    assert _titles(demo_ctx, 2026) == before
    page.stack.redo()
    assert _titles(demo_ctx, 2026) == added
    dialog.close()


def test_a_meeting_moved_from_its_card_on_the_wheel_can_be_undone(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from PySide6.QtCore import Qt

    meeting = next(i for i in page._items if i.key.startswith("meeting:") and i.start.month == 12)
    dialog = page.open_item(meeting.key)
    dialog.date_edit.setText((meeting.start + timedelta(days=2)).isoformat())
    move = next(
        b
        for b in dialog.findChildren(type(dialog.open_button))
        if b.text() == "Flytta till datumet"
    )
    qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
    assert page.wheel.item(meeting.key).start == meeting.start + timedelta(days=2)
    assert page.stack.undoText() == f"Flytta {meeting.title}"
    page.stack.undo()
    assert page.wheel.item(meeting.key).start == meeting.start
