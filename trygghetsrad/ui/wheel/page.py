"""The *Årshjul* tab: the wheel with its legend, the list of the year beside it, and the editors.

This module holds the page's state: which year and zoom it shows, reading a year (in the
background when ◀ ▶ are clicked), and keeping the wheel, the list and the details in step.
The layout is built in `page_layout.py`; the edits are in `actions.py` (events) and
`plan_actions.py` (rings, plan, next year, suggestions), each one an undoable step through
the journal; the files (export, print, .ics import) in `transfer.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, SITUATION, WHEEL, Changes
from trygghetsrad.domain.dates import MONTHS
from trygghetsrad.domain.wheel.geometry import Span
from trygghetsrad.domain.wheel.model import (
    Holiday,
    PlanStatus,
    WheelCategory,
    WheelPlan,
    parse_key,
    swedish_holidays,
)
from trygghetsrad.domain.wheel.scene import Scene, build_scene
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.wheel import page_layout, plan_actions, transfer
from trygghetsrad.ui.wheel.actions import EventActions
from trygghetsrad.ui.wheel.dialogs import CategoryDialog, PlanDialog, swatch
from trygghetsrad.ui.wheel.event_dialog import EventDialog
from trygghetsrad.ui.wheel.models import outside_rings
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.selection import select_row
from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage

log = logging.getLogger("trygghetsrad")


class WheelPage(UndoScopedPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Årshjul"))
        self.stack = self.undo_stack = self.own_undo_stack(ctx.undo_group)
        self.today = date.today()
        self.year = self.today.year
        self.zoom = "year"  # "year", "q1".."q4", "m0".."m11"
        self.include_internal_exports = False
        self._hidden: set[str] = set()
        self._categories: list[WheelCategory] = []
        self._items: list[CalendarItem] = []
        self._holidays: list[Holiday] = []
        self._plan = WheelPlan(self.year)
        self._syncing = False
        self._stale = False
        self._load_seq = 0  # a year read in the background is applied only if still the newest
        self._loading_year: int | None = None
        self._reading = False
        self._prebuilt: tuple[tuple[Any, ...], Scene] | None = None
        self.events = EventActions(self)
        page_layout.build(self)
        self.reload()
        ctx.events.data_changed.connect(self._on_data_changed)

    @property
    def categories(self) -> list[WheelCategory]:
        return self._categories

    @property
    def plan(self) -> WheelPlan:
        return self._plan

    @property
    def legend_checks(self) -> dict[str, QCheckBox]:
        return self.legend.checks

    # -- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading_year is not None:  # data changed while a year is on its way: read again
            self.show_year(self._loading_year)
            return
        self._load_seq += 1
        self._show_loaded(_read_year(self.ctx, self.year))

    @property
    def loading(self) -> bool:
        """True while a year asked for with `show_year` is read in the background."""
        return self._loading_year is not None

    @property
    def shown_year(self) -> int:
        """The year on its way (◀ ▶ clicked quickly step from it) or else the one shown."""
        return self._loading_year if self._loading_year is not None else self.year

    def show_year(self, year: int) -> None:
        """Switch year without blocking: read the year's items in a worker thread; the
        current wheel stays until they arrive. One read at a time: clicks meanwhile only
        change which year is read next, and only the newest year asked for is applied."""
        self._load_seq += 1
        self._loading_year = year
        self.status_label.setText(self.tr("Läser in {year}…").format(year=year))
        if not self._reading:
            self._start_read()

    def _start_read(self) -> None:
        from trygghetsrad.ui.background import run_in_background

        assert self._loading_year is not None
        seq, year, ctx = self._load_seq, self._loading_year, self.ctx
        self._reading = True
        # The wheel is laid out in the worker as well when it will show the whole year.
        layout = (self.wheel.options(), set(self._hidden), self.today, self._short_status)
        if self.zoom != "year":
            layout = None

        def done(loaded: _LoadedYear) -> None:
            self._reading = False
            if self._loading_year is None:
                return  # set_year() switched at once meanwhile
            if seq != self._load_seq:
                self._start_read()  # another year (or changed data) was asked for meanwhile
                return
            self._loading_year = None
            self.year = loaded.year
            self.wheel.select(None, notify=False)
            self._prebuilt = loaded.scene
            self._show_loaded(loaded)

        def failed(exc: object) -> None:
            self._reading = False
            if self._loading_year is None:
                return
            trace = exc if isinstance(exc, BaseException) else None
            log.error("Reading the wheel's year failed: %s", exc, exc_info=trace)
            self.set_year(self._loading_year)  # read it here (errors show as usual)

        run_in_background(
            lambda _progress: _read_year(ctx, year, layout),
            parent=self,
            on_done=done,
            on_error=failed,
        )

    def _show_loaded(self, loaded: _LoadedYear) -> None:
        self._categories = loaded.categories
        self._plan = loaded.plan
        self._items = loaded.items
        self._holidays = loaded.holidays
        self.legend.show_rings(self._categories, self._items, self._hidden)
        self._rebuild_zoom_box()
        self._apply()

    def year_span(self) -> Span:
        return Span.year(self.year, self._plan.start_month)

    def view_span(self) -> Span:
        start_month = self._plan.start_month
        if self.zoom.startswith("q"):
            return Span.quarter(self.year, int(self.zoom[1]), start_month)
        if self.zoom.startswith("m"):
            return Span.month(self.year, int(self.zoom[1:]), start_month)
        return self.year_span()

    def year_text(self) -> str:
        return _year_text(self.year, self._plan)

    def _apply(self) -> None:
        span = self.view_span()
        self.year_label.setText(self.tr("Årshjul {year}").format(year=self.year_text()))
        self.status_label.setText(self._plan.status_text())
        title = self.year_text()
        lines: tuple[str, ...] = (self._short_status(),)
        if self.zoom != "year":
            title = self.zoom_box.currentText()
            lines = (self.year_text(),)
        shown = _shown(self._categories, self._hidden)
        prebuilt, self._prebuilt = self._prebuilt, None  # laid out with the year's read
        if prebuilt is not None and prebuilt[0] != (span, shown, self.today, title, lines):
            prebuilt = None
        self.wheel.set_data(
            span,
            shown,
            self._items,
            holidays=self._holidays,
            today=self.today,
            title=title,
            lines=lines,
            scene=prebuilt[1] if prebuilt else None,
        )
        selected = self.wheel.selected
        # Rows taken away (an undone "Ny händelse", a delete) move the list's current row to
        # a neighbour: that must not choose the neighbour on the wheel behind the user's back.
        was_syncing, self._syncing = self._syncing, True
        try:
            self.model.set_items(self._items, self._categories)
            hidden = self._hidden | {c.key for c in self._categories if not c.visible}
            self.proxy.set_filter("shown rings", outside_rings(hidden))
            self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
            self._rebuild_ring_filter()
            # The list highlights the wheel's choice, or nothing.
            if not (selected and self._select_in_table(selected)):
                self.table.selectionModel().clear()
        finally:
            self._syncing = was_syncing
        self._show_details(selected)

    def _short_status(self, plan: WheelPlan | None = None) -> str:
        plan = plan or self._plan
        if plan.status is PlanStatus.ADOPTED and plan.adopted_on:
            return self.tr("Fastställd {day}").format(day=plan.adopted_on.isoformat())
        return self.tr("Utkast")

    def _rebuild_zoom_box(self) -> None:
        with QSignalBlocker(self.zoom_box):
            self.zoom_box.clear()
            self.zoom_box.addItem(self.tr("Hela året"), "year")
            for q in range(1, 5):
                self.zoom_box.addItem(self.tr("Kvartal {n}").format(n=q), f"q{q}")
            start = self._plan.start_month
            for index in range(12):
                self.zoom_box.addItem(MONTHS[(start - 1 + index) % 12].capitalize(), f"m{index}")
            self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(self.zoom)))

    def _rebuild_ring_filter(self) -> None:
        current = self.ring_filter.currentData()
        with QSignalBlocker(self.ring_filter):
            self.ring_filter.clear()
            self.ring_filter.addItem(self.tr("Alla ringar"), None)
            for cat in self._categories:
                self.ring_filter.addItem(swatch(cat.color), cat.name, cat.key)
            self.ring_filter.setCurrentIndex(max(0, self.ring_filter.findData(current)))

    # -- navigation --------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        """Switch year at once (reads on the GUI thread); ◀ ▶ use `show_year`."""
        self._load_seq += 1  # a year still being read in the background is no longer wanted
        self._loading_year = None
        self.year = year
        self.wheel.select(None, notify=False)
        self.reload()

    def set_zoom(self, zoom: str) -> None:
        self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(zoom)))

    def on_zoom(self, _index: int) -> None:
        self.zoom = self.zoom_box.currentData() or "year"
        self._apply()

    def show_today(self) -> None:
        self.zoom = "year"
        self.show_year(self.today.year)

    def on_legend(self, key: str, shown: bool) -> None:
        if shown:
            self._hidden.discard(key)
        else:
            self._hidden.add(key)
        self._apply()

    # -- selection ---------------------------------------------------------------------------

    def selected_key(self) -> str | None:
        return self.wheel.selected

    def select(self, key: str | None) -> None:
        self.wheel.select(key)

    def on_wheel_selection(self, key: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if key is None or not self._select_in_table(str(key)):
                self.table.selectionModel().clear()  # no row left highlighted for another
            self._show_details(key if isinstance(key, str) else None)
        finally:
            self._syncing = False

    def _select_in_table(self, key: str) -> bool:
        """Highlight `key`'s row; False when the list does not show it."""
        row = self.model.row_of(key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        select_row(self.table, index)
        return True

    def on_table_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        key = current.data(Role.KEY)
        self._syncing = True
        try:
            item = self.wheel.item(key)
            if (
                item is not None
                and not self.view_span().contains(item.start)
                and self.zoom != "year"
            ):
                self.set_zoom("year")
            self.wheel.select(key)
            self._show_details(key)
        finally:
            self._syncing = False

    def _show_details(self, key: str | None) -> None:
        self.edit_button.setEnabled(bool(key))
        item = self.wheel.item(key) if key else None
        self.delete_button.setEnabled(bool(item and parse_key(item.key)))
        if item is None:
            self.details.setText(
                self.tr(
                    "<span style='color:#5d6873'>Välj en händelse i hjulet eller listan. "
                    "Dubbelklicka på en tom plats i en ring för att lägga till.</span>"
                )
            )
            return
        self.details.setText(self.wheel.describe(item.key))

    def select_event(self, event_id: int, near: date) -> None:
        """Select the occurrence of event `event_id` nearest to `near`."""
        keys = [i.key for i in self._items if (p := parse_key(i.key)) and p[0] == event_id]
        if keys:
            chosen = min(keys, key=lambda k: abs(((parse_key(k) or (0, near))[1] or near) - near))
            self.wheel.select(chosen)

    def open_record(self, owner: Owner) -> None:
        """Show an event of the wheel (called by the main window, e.g. from search)."""
        from trygghetsrad.services.wheel import reads as wheel_reads

        if owner.area != WHEEL:
            return
        try:
            event = wheel_reads.event(self.ctx.database, owner.id)
        except UserError:
            return
        if not self.year_span().contains(event.start) and not any(
            (p := parse_key(i.key)) and p[0] == owner.id for i in self._items
        ):
            self.set_year(event.start.year)
        self.select_event(owner.id, self.today)

    # -- the page's actions (each in its own module) -----------------------------------------

    def new_record(self) -> None:
        """Ctrl+N on this page."""
        self.new_event()

    def new_event(self, day: date | None = None, category: str | None = None) -> EventDialog:
        return self.events.new_event(day, category)

    def open_selected(self) -> None:
        if self.wheel.selected:
            self.open_item(self.wheel.selected)

    def open_item(self, key: str) -> QWidget | None:
        return self.events.open_item(key)

    def delete_selected(self) -> None:
        self.events.delete_selected()

    def move_item(self, key: str, days: int) -> None:
        self.events.move_item(key, days)

    def edit_categories(self) -> CategoryDialog:
        return plan_actions.edit_categories(self)

    def edit_plan(self) -> PlanDialog:
        return plan_actions.edit_plan(self)

    def start_next_year(self) -> None:
        plan_actions.start_next_year(self)

    def show_suggestions(self) -> QWidget:
        return plan_actions.show_suggestions(self)

    def printable(self) -> tuple[str, Callable[[], bytes]]:
        return transfer.printable(self)

    def export(self, kind: str, path: Path | None = None) -> None:
        transfer.export(self, kind, path)

    def exported(self, path: Path) -> None:
        self.last_export = path
        self.ctx.events.status_message.emit(self.tr("Sparade {name}").format(name=path.name))

    def import_ics(self, path: Path | None = None) -> None:
        transfer.import_ics(self, path)

    # -- events ------------------------------------------------------------------------------

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(WHEEL, MEETINGS, SITUATION, ACTION_PLAN):
            if self.isVisible():
                self.reload()
            else:  # another tab is editing: catch up when the wheel is shown again
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)


@dataclass(frozen=True)
class _LoadedYear:
    year: int
    categories: list[WheelCategory]
    plan: WheelPlan
    items: list[CalendarItem]
    holidays: list[Holiday]
    scene: tuple[tuple[Any, ...], Scene] | None = None  # (what it was built from, the layout)


def _year_text(year: int, plan: WheelPlan) -> str:
    if plan.start_month == 1:
        return str(year)
    return f"{year}/{str(year + 1)[-2:]}"


def _shown(categories: list[WheelCategory], hidden: set[str]) -> list[WheelCategory]:
    return [
        WheelCategory(c.id, c.key, c.name, c.color, c.position, c.visible and c.key not in hidden)
        for c in categories
    ]


def _read_year(ctx: AppContext, year: int, layout: tuple[Any, ...] | None = None) -> _LoadedYear:
    """Everything the page shows for a year; safe in a worker thread (its own session).

    `layout` = (wheel options, hidden categories, today, status text of a plan): also lay
    out the whole year's wheel, so that the GUI thread only paints it."""
    from trygghetsrad.services.wheel import reads as wheel_reads

    contents = wheel_reads.year_contents(ctx.database, year)
    categories, plan, items = contents.categories, contents.plan, contents.items
    span = Span.year(year, plan.start_month)
    holidays = swedish_holidays(span.start, span.last)
    scene = None
    if layout is not None:
        options, hidden, today, status_of = layout
        shown, title, lines = _shown(categories, hidden), _year_text(year, plan), (status_of(plan),)
        built = build_scene(
            span,
            shown,
            items,
            replace(options, center_title=title, center_lines=lines),
            holidays=holidays,
            today=today,
        )
        scene = ((span, shown, today, title, lines), built)
    return _LoadedYear(year, categories, plan, items, holidays, scene)
