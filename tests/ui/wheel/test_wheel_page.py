"""The Årshjul page on the example database: list ↔ wheel sync, editing, undo, owned items."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories_wheel import open_wheel_page
from PySide6.QtCore import Qt

from trygghetsrad.services.wheel import events as service
from trygghetsrad.ui.widgets.roles import Role


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    return open_wheel_page(qtbot, demo_ctx, (1366, 740))


def _key(page, title: str) -> str:  # type: ignore[no-untyped-def]
    return next(i.key for i in page._items if i.title == title)


def test_selection_is_synced_both_ways(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    key = _key(page, "Kulturnatten")
    qtbot.mouseClick(
        page.wheel, Qt.MouseButton.LeftButton, pos=page.wheel.shape_center(key).toPoint()
    )
    assert page.table.currentIndex().data(Role.KEY) == key
    assert "Kulturnatten" in page.details.text()
    other = _key(page, "Skolstart")
    row = next(
        r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data(Role.KEY) == other
    )
    page.table.setCurrentIndex(page.proxy.index(row, 2))
    assert page.wheel.selected == other


def test_list_is_searchable_and_filterable_and_legend_hides_rings(page) -> None:  # type: ignore[no-untyped-def]
    page.search.setText("nattvandring")
    titles = [page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())]
    assert titles.count("Nattvandring") == 13
    assert "Skolstart" not in titles
    page.search.setText("")
    page.ring_filter.setCurrentIndex(page.ring_filter.findData("campaigns"))
    assert page.proxy.rowCount() == 1
    page.ring_filter.setCurrentIndex(0)
    page.legend_checks["events"].setChecked(False)
    assert all(
        page.proxy.index(r, 0).data(Role.KEY)
        and page.model.item(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).category
        != "events"
        for r in range(page.proxy.rowCount())
    )
    assert "events" not in {r.category for r in page.wheel.scene().rings}


def test_create_from_the_wheel_then_undo(page, qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = page.new_event(date(2026, 7, 1), "law_changes")
    dialog.title_edit.setText("Ny lag om trygghetsåtgärder träder i kraft")
    dialog.save_button.click()
    key = page.wheel.selected
    assert key is not None and page.wheel.item(key).category == "law_changes"
    assert page.wheel.item(key).start == date(2026, 7, 1)
    page.stack.undo()
    assert not any(i.title.startswith("Ny lag om") for i in page._items)
    page.stack.redo()
    assert any(i.title.startswith("Ny lag om") for i in page._items)


def test_bad_input_keeps_the_dialog_open_with_a_swedish_message(page) -> None:  # type: ignore[no-untyped-def]
    dialog = page.new_event()
    dialog.title_edit.setText("   ")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Rubriken" in dialog.error_text("title")


def test_edit_a_series_occurrence_alone(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    key = next(
        i.key for i in page._items if i.title == "Nattvandring" and i.start == date(2026, 6, 12)
    )
    dialog = page.open_item(key)
    dialog.move_edit.setDate(dialog.move_edit.date().addDays(1))
    dialog.findChildren(type(dialog.save_button))  # buttons exist
    move = next(
        b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == "Flytta tillfället"
    )
    move.click()
    moved = page.wheel.item(key)
    assert moved is not None and moved.start == date(2026, 6, 13)
    page.stack.undo()
    assert page.wheel.item(key).start == date(2026, 6, 12)


def test_owned_meeting_opens_read_only_and_routes_to_its_owner(page, qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    key = next(i.key for i in page._items if i.key.startswith("meeting:"))
    dialog = page.open_item(key)
    with qtbot.waitSignal(demo_ctx.events.open_record) as blocker:
        dialog.open_button.click()
    owner = blocker.args[0]
    assert owner.area == "meetings" and owner.kind == "meeting"


def test_plan_adoption_from_the_page(page) -> None:  # type: ignore[no-untyped-def]
    dialog = page.edit_plan()
    assert dialog.adopted_edit.text() == ""  # no date is claimed before the user gives one
    dialog.status_box.setCurrentIndex(1)
    dialog.by_edit.setText("Trygghetsrådet")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_text("adopted_on")
    assert page.status_label.text() == "Utkast"
    dialog.adopted_edit.setText("2026-01-20")
    assert dialog.error_text("adopted_on") == ""
    dialog.save_button.click()
    assert page.status_label.text().startswith("Fastställd")
    assert "med reservation" in page.status_label.text()
    page.stack.undo()
    assert page.status_label.text() == "Utkast"


def test_exports_from_the_page(page, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    png = tmp_path / "hjul.png"
    page.export("png", png)
    image = QImage(str(png))
    assert image.width() == 3600 and image.height() == 2400
    pdf = tmp_path / "Årshjul 2026.pdf"
    page.export("pdf", pdf)
    qtbot.waitUntil(lambda: pdf.exists() and pdf.stat().st_size > 0, timeout=20000)
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) == pdf, timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_zoom_and_year_navigation(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.set_zoom("q2")
    assert page.wheel.span.start == date(2026, 4, 1) and page.wheel.span.end == date(2026, 7, 1)
    page.set_zoom("m4")
    assert page.wheel.span.start == date(2026, 5, 1)
    page.set_zoom("year")
    page.next_button.click()
    qtbot.waitUntil(lambda: not page.loading)
    assert page.year == 2027 and page.wheel.span.start == date(2027, 1, 1)
    page.set_year(2025)
    assert page.status_label.text().startswith("Fastställd 12 februari 2025")


def test_categories_editor_renames_and_reorders(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = page.edit_categories()
    dialog.list.setCurrentRow(1)
    dialog.name_edit.setText("Evenemang och fester")
    dialog.name_edit.editingFinished.emit()
    dialog.down_button.click()
    with demo_ctx.database.session() as s:
        cats = service.list_categories(s)
    assert cats[2].name == "Evenemang och fester"
    assert page.wheel.scene().rings[2].category == "events"
    page.stack.undo()  # the order
    page.stack.undo()  # the name
    with demo_ctx.database.session() as s:
        cats = service.list_categories(s)
    assert (cats[1].key, cats[1].name) == ("events", "Evenemang")


def test_changes_elsewhere_show_up_when_the_wheel_is_shown_again(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.changes import MEETINGS, Changes

    page.hide()
    with demo_ctx.database.session() as s:
        service.create_event(
            s, title="Extrainsatt möte", category="meetings", start=date(2026, 12, 2)
        )
    demo_ctx.events.changed(Changes.of(MEETINGS))
    assert not any(i.title == "Extrainsatt möte" for i in page._items)  # no work while hidden
    page.show()
    assert any(i.title == "Extrainsatt möte" for i in page._items)


def test_moving_on_the_wheel_edits_the_event_and_can_be_undone(page) -> None:  # type: ignore[no-untyped-def]
    key = _key(page, "Kulturnatten")
    page.move_item(key, 7)
    assert page.wheel.item(key).start == date(2026, 6, 5)
    page.stack.undo()
    assert page.wheel.item(key).start == date(2026, 5, 29)
    occurrence = next(i.key for i in page._items if i.title == "Nattvandring")
    page.move_item(occurrence, 1)
    assert page.wheel.item(occurrence).start == date(2026, 6, 6)
    meeting = next(
        i for i in page._items if i.key.startswith("meeting:") and i.start > date(2026, 11, 26)
    )
    page.move_item(meeting.key, 1)
    assert page.wheel.item(meeting.key).start == meeting.start + (
        date(2026, 1, 2) - date(2026, 1, 1)
    )
    page.stack.undo()
    assert page.wheel.item(meeting.key).start == meeting.start


def test_an_impossible_typed_date_is_refused_not_saved_as_another_day(page) -> None:  # type: ignore[no-untyped-def]
    count = len(page._items)
    dialog = page.new_event()
    dialog.title_edit.setText("Trygghetsvandring")
    dialog.start_edit.setText("2026-02-30")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "2026-02-30 finns inte i kalendern" in dialog.error_text("start")
    dialog.start_edit.setText("2026-02")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "ÅÅÅÅ-MM-DD" in dialog.error_text("start")
    assert len(page._items) == count
    dialog.start_edit.setText("2026-02-27")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert any(i.title == "Trygghetsvandring" and i.start == date(2026, 2, 27) for i in page._items)


def test_an_impossible_end_date_is_refused(page) -> None:  # type: ignore[no-untyped-def]
    dialog = page.new_event()
    dialog.title_edit.setText("Sportlov")
    dialog.end_edit.check.setChecked(True)
    dialog.end_edit.edit.setText("2026-13-01")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "finns inte" in dialog.error_text("end")


def test_the_date_field_calendar_opens_from_the_keyboard_and_fills_the_date(  # type: ignore[no-untyped-def]
    page, qtbot, monkeypatch
) -> None:
    from PySide6.QtCore import QDate, Qt

    from trygghetsrad.ui.wheel.date_entry import DateEntry

    opened: list[DateEntry] = []
    # The popup itself cannot grab the keyboard offscreen; its opening is checked here.
    monkeypatch.setattr(DateEntry, "show_calendar", lambda self: opened.append(self))
    dialog = page.new_event()
    dialog.start_edit.setText("2026-02-27")
    qtbot.keyPress(dialog.start_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: opened == [dialog.start_edit])
    calendar = dialog.start_edit.make_calendar()
    assert calendar.selectedDate() == QDate(2026, 2, 27)
    calendar.clicked.emit(QDate(2026, 3, 14))
    assert dialog.start_edit.text() == "2026-03-14"
