"""Switching the wheel's year reads the year in the background: the old wheel stays until the
new one arrives, quick clicks end on the right year, and the scene is laid out once."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from trygghetsrad.services.wheel import events as service
from trygghetsrad.ui import background
from trygghetsrad.ui.wheel import page as page_module


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    page = page_module.WheelPage(demo_ctx)
    qtbot.addWidget(page)
    page.today = date(2026, 11, 26)
    page.set_year(2026)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    yield page
    qtbot.waitUntil(lambda: not background._running)  # no worker outlives the page


def _keys(ctx, year: int) -> set[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return {i.key for i in service.year_items(s, year)}


def _hold(monkeypatch, years: set[int], read: list[int] | None = None) -> threading.Event:  # type: ignore[no-untyped-def]
    """A read of any of `years` is handed back only when the returned event is set; `read` lists the reads."""
    gate = threading.Event()
    real = page_module._read_year

    def held(ctx, year, *layout):  # type: ignore[no-untyped-def]
        if read is not None:
            read.append(year)
        loaded = real(
            ctx, year, *layout
        )  # read first, then wait: the result may be outdated by then
        if year in years:
            gate.wait(10)
        return loaded

    monkeypatch.setattr(page_module, "_read_year", held)
    return gate


def test_old_wheel_stays_until_the_new_year_arrives(page, qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gate = _hold(monkeypatch, {2025})
    before = {i.key for i in page.wheel.items()}
    page.prev_button.click()
    qtbot.wait(50)
    assert page.loading and page.year == 2026
    assert {i.key for i in page.wheel.items()} == before
    assert page.status_label.text() == "Läser in 2025…"
    gate.set()
    qtbot.waitUntil(lambda: not page.loading)
    assert page.year == 2025 and page.year_label.text() == "Årshjul 2025"
    assert page.wheel.span.start == date(2025, 1, 1)
    assert {i.key for i in page.wheel.items()} == _keys(demo_ctx, 2025) != before


def test_quick_clicks_end_on_the_last_year_asked_for(page, qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The first read is slow; the clicks meanwhile must end on 2024, not on a year in between.
    read: list[int] = []
    gate = _hold(monkeypatch, {2025}, read)
    for button in (page.prev_button, page.prev_button, page.prev_button, page.next_button):
        button.click()
    assert page.shown_year == 2024
    qtbot.wait(50)
    assert page.year == 2026 and page.loading
    gate.set()
    qtbot.waitUntil(lambda: not page.loading)
    qtbot.waitUntil(lambda: not background._running)
    assert read == [2025, 2024]  # the years clicked past are not read
    assert page.year == 2024 and page.year_label.text() == "Årshjul 2024"
    expected = _keys(demo_ctx, 2024)
    assert {i.key for i in page.wheel.items()} == expected
    assert {page.model.item(r).key for r in range(page.model.rowCount())} == expected


def test_editing_while_a_year_is_read_shows_the_new_data(
    page, qtbot, demo_ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.changes import WHEEL, Changes

    gate = _hold(monkeypatch, {2025})
    page.prev_button.click()
    with demo_ctx.database.session() as s:
        service.create_event(s, title="Extramöte", category="meetings", start=date(2025, 3, 4))
    page._on_data_changed(Changes.of(WHEEL))
    gate.set()
    qtbot.waitUntil(lambda: not page.loading)
    qtbot.waitUntil(lambda: not background._running)
    assert page.year == 2025
    assert "Extramöte" in {i.title for i in page.wheel.items()}


def test_a_year_switch_lays_out_the_wheel_once(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(50)
    builds = page.wheel.scene_builds
    page.next_button.click()
    qtbot.waitUntil(lambda: not page.loading)
    qtbot.waitUntil(lambda: page.wheel.scene_builds > builds)
    qtbot.wait(100)
    assert page.wheel.scene_builds == builds + 1
    assert page.wheel.scene().span.start == date(2027, 1, 1)
