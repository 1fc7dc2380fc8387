"""The *Årshjul* tab: the wheel with its legend, the list of the year beside it, and the editors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, SITUATION, WHEEL, Changes
from trygghetsrad.domain.dates import MONTHS
from trygghetsrad.domain.wheel import (
    Holiday,
    PlanStatus,
    WheelCategory,
    WheelEvent,
    WheelPlan,
    parse_key,
    swedish_holidays,
)
from trygghetsrad.domain.wheel_geometry import Span
from trygghetsrad.domain.wheel_scene import Scene, build_scene
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.wheel.dialogs import (
    CategoryDialog,
    EventDialog,
    OwnedItemDialog,
    PlanDialog,
    swatch,
)
from trygghetsrad.ui.wheel.models import KEY_ROLE, WheelFilterProxy, WheelItemsModel
from trygghetsrad.ui.wheel.widget import OWNER_NAMES, AnnualWheelWidget
from trygghetsrad.ui.widgets.elided_label import ElidedLabel
from trygghetsrad.ui.widgets.journal_command import push_done, push_recorded

log = logging.getLogger("trygghetsrad")


class _Command(QUndoCommand):
    """An edit already done once by the page; redo/undo call the services again."""

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._redo, self._undo = redo, undo
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


class WheelPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Årshjul"))
        self.stack = QUndoStack(self)
        ctx.undo_group.addStack(self.stack)
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
        self._load_seq = 0  # a year read in the background is applied only if still the newest
        self._loading_year: int | None = None
        self._reading = False
        self._prebuilt: tuple[tuple[Any, ...], Scene] | None = None
        self._build()
        self.reload()
        ctx.events.data_changed.connect(self._on_data_changed)

    # -- construction ------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("…", "").replace("&", ""))
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 8)
        bar = QHBoxLayout()
        self.prev_button = self._button(
            "◀", lambda: self.show_year(self.shown_year - 1), self.tr("Föregående år (Alt+Vänster)")
        )
        self.prev_button.setAccessibleName(self.tr("Föregående år"))
        self.next_button = self._button(
            "▶", lambda: self.show_year(self.shown_year + 1), self.tr("Nästa år (Alt+Höger)")
        )
        self.next_button.setAccessibleName(self.tr("Nästa år"))
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(34)
        self.year_label = QLabel()
        self.year_label.setProperty("role", "heading")
        self.year_label.setMinimumWidth(120)
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_button = self._button(self.tr("Idag"), self._on_today)
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName(self.tr("Visa"))
        self.zoom_box.currentIndexChanged.connect(self._on_zoom)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.year_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Visa:")))
        bar.addWidget(self.zoom_box)
        bar.addSpacing(12)
        self.status_label = ElidedLabel()  # the plan's status, shortened with "…" when narrow
        self.status_label.setProperty("role", "hint")
        bar.addWidget(self.status_label, 1)
        self.new_button = self._button(
            self.tr("Ny händelse…"), self.new_event, self.tr("Ny händelse (Ctrl+Shift+N)")
        )
        self.plan_menu_button = QToolButton()
        self.plan_menu_button.setText(self.tr("Planen"))
        self.plan_menu_button.setAccessibleName(self.tr("Planen"))
        self.plan_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        plan_menu = QMenu(self.plan_menu_button)
        plan_menu.addAction(self.tr("Planens status och ändringar…"), self.edit_plan)
        plan_menu.addAction(self.tr("Ringar: namn, färger och ordning…"), self.edit_categories)
        plan_menu.addAction(self.tr("Datum i protokoll och anteckningar…"), self.show_suggestions)
        plan_menu.addSeparator()
        plan_menu.addAction(self.tr("Importera kalenderfil (.ics)…"), self.import_ics)
        plan_menu.addAction(self.tr("Påbörja nästa års plan…"), self.start_next_year)
        self.plan_menu_button.setMenu(plan_menu)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Exportera"))
        self.export_button.setAccessibleName(self.tr("Exportera"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_menu.addAction(self.tr("Affisch A3 (PDF)…"), lambda: self.export("pdf"))
        self.export_menu.addAction(self.tr("Bild (PNG)…"), lambda: self.export("png"))
        self.export_menu.addAction(self.tr("Bild (SVG)…"), lambda: self.export("svg"))
        self.export_menu.addAction(
            self.tr("Kalenderfil för Outlook (.ics)…"), lambda: self.export("ics")
        )
        self.export_menu.addSeparator()
        self.internal_action = QAction(self.tr("Ta med interna händelser"), self)
        self.internal_action.setCheckable(True)
        self.internal_action.toggled.connect(
            lambda on: setattr(self, "include_internal_exports", on)
        )
        self.export_menu.addAction(self.internal_action)
        self.export_button.setMenu(self.export_menu)
        for w in (self.new_button, self.plan_menu_button, self.export_button):
            bar.addWidget(w)
        root.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.wheel = AnnualWheelWidget()
        left_layout.addWidget(self.wheel, 1)
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(16)
        self.legend.setVerticalSpacing(2)
        self.legend.setContentsMargins(8, 0, 8, 0)
        legend_box = QWidget()
        legend_box.setLayout(self.legend)
        # The legend reflows into as many columns as fit; it never forces the window wider.
        legend_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend_box = legend_box
        legend_box.installEventFilter(self)
        legend_box.setAccessibleName(self.tr("Teckenförklaring"))
        left_layout.addWidget(legend_box)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i årets händelser"))
        self.search.setAccessibleName(self.tr("Sök i årets händelser"))
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.ring_filter = QComboBox()
        self.ring_filter.setAccessibleName(self.tr("Visa ring"))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.ring_filter)
        right_layout.addLayout(filters)
        self.model = WheelItemsModel(self)
        self.proxy = WheelFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Årets händelser"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(60)  # widths from 60 rows, not every item of the year
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        right_layout.addWidget(self.table, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setMinimumHeight(70)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName(self.tr("Vald händelse"))
        right_layout.addWidget(self.details)
        actions = QHBoxLayout()
        self.edit_button = self._button(self.tr("Öppna…"), self.open_selected)
        self.delete_button = self._button(self.tr("Ta bort"), self.delete_selected)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        splitter.addWidget(right)
        right.setMinimumWidth(280)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 400])
        root.addWidget(splitter, 1)

        self.wheel.selection_changed.connect(self._on_wheel_selection)
        self.wheel.item_activated.connect(lambda key: self.open_item(key))
        self.wheel.create_requested.connect(lambda day, cat: self.new_event(day, cat))
        self.wheel.item_moved.connect(self.move_item)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.search.textChanged.connect(self.proxy.set_search)
        self.ring_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_only_category(self.ring_filter.currentData())
        )
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_event)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.show_year(self.shown_year - 1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.show_year(self.shown_year + 1))
        for target in (self.table, self.wheel):
            shortcut = QShortcut(
                QKeySequence(QKeySequence.StandardKey.Delete), target, self.delete_selected
            )
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

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
            log.error("Reading the wheel's year failed", exc_info=exc)  # type: ignore[arg-type]
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
        self._rebuild_legend()
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

    def _shown_categories(self) -> list[WheelCategory]:
        return _shown(self._categories, self._hidden)

    def _apply(self) -> None:
        span = self.view_span()
        self.year_label.setText(self.tr("Årshjul {year}").format(year=self.year_text()))
        self.status_label.setText(self._plan.status_text())
        title = self.year_text()
        lines: tuple[str, ...] = (self._short_status(),)
        if self.zoom != "year":
            title = self.zoom_box.currentText()
            lines = (self.year_text(),)
        shown = self._shown_categories()
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
        self.model.set_items(self._items, self._categories)
        self.proxy.set_hidden_categories(
            self._hidden | {c.key for c in self._categories if not c.visible}
        )
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self._rebuild_ring_filter()
        if selected:
            self._select_in_table(selected)
        self._show_details(selected)

    def _short_status(self, plan: WheelPlan | None = None) -> str:
        plan = plan or self._plan
        if plan.status is PlanStatus.ADOPTED and plan.adopted_on:
            return self.tr("Fastställd {day}").format(day=plan.adopted_on.isoformat())
        return self.tr("Utkast")

    def _rebuild_legend(self) -> None:
        counts: dict[str, int] = {}
        for item in self._items:
            counts[item.category] = counts.get(item.category, 0) + 1
        shown = [c for c in self._categories if c.visible]
        columns = self._legend_columns(len(shown))
        layout_key = (tuple((c.key, c.name, c.color) for c in shown), columns)
        if layout_key == getattr(self, "_legend_key", None):
            # Same rings (another year): update the counts in place. Taking the boxes out and
            # adding new ones let the wheel grow and shrink again, laying it out twice.
            for cat in shown:
                check = self.legend_checks[cat.key]
                check.setText(f"{cat.name} ({counts.get(cat.key, 0)})")
                with QSignalBlocker(check):
                    check.setChecked(cat.key not in self._hidden)
            return
        self._legend_key = layout_key
        while self.legend.count():
            item = self.legend.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.legend_checks: dict[str, QCheckBox] = {}
        self._legend_layout_columns = columns
        for index, cat in enumerate(shown):
            check = QCheckBox(f"{cat.name} ({counts.get(cat.key, 0)})")
            check.setIcon(swatch(cat.color, 12))
            check.setChecked(cat.key not in self._hidden)
            check.setAccessibleName(self.tr("Visa {name}").format(name=cat.name))
            check.toggled.connect(lambda on, key=cat.key: self._on_legend(key, on))
            self.legend.addWidget(check, index // columns, index % columns)
            self.legend_checks[cat.key] = check

    def _legend_columns(self, count: int) -> int:
        width = self.legend_box.width() if self.legend_box.width() > 50 else 900
        return max(1, min(4, count, width // 210))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._reflow_legend()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The legend's own width decides its columns (the page's resize comes before the
        # legend's, so the first layout after show would otherwise keep the guessed columns).
        if watched is self.legend_box and event.type() == QEvent.Type.Resize:
            self._reflow_legend()
        return super().eventFilter(watched, event)

    def _reflow_legend(self) -> None:
        shown = sum(1 for c in self._categories if c.visible)
        if shown and self._legend_columns(shown) != getattr(self, "_legend_layout_columns", 0):
            self._rebuild_legend()

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

    def _on_zoom(self, _index: int) -> None:
        self.zoom = self.zoom_box.currentData() or "year"
        self._apply()

    def _on_today(self) -> None:
        self.zoom = "year"
        self.show_year(self.today.year)

    def _on_legend(self, key: str, shown: bool) -> None:
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

    def _on_wheel_selection(self, key: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            if key is None:
                self.table.clearSelection()
            else:
                self._select_in_table(str(key))
            self._show_details(key if isinstance(key, str) else None)
        finally:
            self._syncing = False

    def _select_in_table(self, key: str) -> None:
        row = self.model.row_of(key)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def _on_table_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        key = current.data(KEY_ROLE)
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
        enabled = bool(key)
        self.edit_button.setEnabled(enabled)
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

    # -- editing -----------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        self.ctx.events.changed(changes or Changes.of(WHEEL))

    def _run(self, fn: Callable[[Any], Any]) -> Any:
        with self.ctx.database.session() as s:
            return fn(s)

    def new_record(self) -> None:
        """Ctrl+N on this page."""
        self.new_event()

    def printable(self) -> tuple[str, Callable[[], bytes]]:
        """Ctrl+P: the year's poster, the PDF the export writes (made off the GUI thread)."""
        from trygghetsrad.export.wheel_poster import wheel_poster_pdf
        from trygghetsrad.services.wheel_extra import wheel_document

        internal = self.include_internal_exports
        with self.ctx.database.session() as s:
            doc = wheel_document(s, self.year, include_internal=internal)
        name = f"Årshjul {self.year_text().replace('/', '-')}"
        return name, lambda: wheel_poster_pdf(doc, include_internal=internal)

    def new_event(self, day: date | None = None, category: str | None = None) -> EventDialog:
        span = self.view_span()
        start = day or (self.today if span.contains(self.today) else span.start)
        dialog = EventDialog(
            self._categories, self._create_from, self, start=start, category=category or "events"
        )
        dialog.open()
        return dialog

    def _create_from(self, values: dict[str, Any]) -> None:
        from trygghetsrad.services import wheel as service

        created = self._run(lambda s: service.create_event(s, **values))
        state = {"id": created.id}

        def redo() -> None:
            state["id"] = self._run(lambda s: service.create_event(s, **values)).id
            self._changed(Changes.of(WHEEL))

        def undo() -> None:
            self._run(lambda s: service.delete_event(s, state["id"]))
            self._changed(Changes.of(WHEEL))

        self.stack.push(
            _Command(
                self.tr("Ny händelse: {title}").format(title=values["title"].strip()), redo, undo
            )
        )
        self._changed(created.changes)
        self._select_event(created.id, values["start"])

    def _select_event(self, event_id: int, near: date) -> None:
        keys = [i.key for i in self._items if (p := parse_key(i.key)) and p[0] == event_id]
        if keys:
            chosen = min(keys, key=lambda k: abs(((parse_key(k) or (0, near))[1] or near) - near))
            self.wheel.select(chosen)

    def open_selected(self) -> None:
        if self.wheel.selected:
            self.open_item(self.wheel.selected)

    def open_item(self, key: str) -> QWidget | None:
        from trygghetsrad.services import wheel as service

        parsed = parse_key(key)
        item = self.wheel.item(key)
        if parsed is None:
            return self._open_owned(item) if item else None
        event_id, occurrence = parsed
        try:
            event = self._run(lambda s: service.get_event(s, event_id))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Årshjul"), str(exc))
            return None
        dialog = EventDialog(
            self._categories,
            lambda values: self._update_from(event, values),
            self,
            event=event,
            occurrence=occurrence,
            on_move_occurrence=lambda original, new: self._move_occurrence(event, original, new),
            on_cancel_occurrence=lambda original: self._cancel_occurrence(event, original),
        )
        dialog.open()
        return dialog

    def _values_of(self, event: WheelEvent) -> dict[str, Any]:
        return {
            "title": event.title,
            "category": event.category,
            "start": event.start,
            "end": event.end,
            "start_time": event.start_time,
            "end_time": event.end_time,
            "place": event.place,
            "description": event.description,
            "responsible": event.responsible,
            "internal": event.internal,
            "recurrence": event.recurrence,
        }

    def _update_from(self, event: WheelEvent, values: dict[str, Any]) -> None:
        from trygghetsrad.services import wheel as service

        old = self._values_of(event)
        if old == values:
            return
        changes = self._run(lambda s: service.update_event(s, event.id, **values))

        def apply(v: dict[str, Any]) -> Callable[[], None]:
            def run() -> None:
                self._run(lambda s: service.update_event(s, event.id, **v))
                self._changed(Changes.of(WHEEL))

            return run

        self.stack.push(
            _Command(
                self.tr("Ändra {title}").format(title=values["title"].strip()),
                apply(values),
                apply(old),
            )
        )
        self._changed(changes)

    def _move_occurrence(self, event: WheelEvent, original: date, new: date) -> None:
        from trygghetsrad.services import wheel as service

        end = new + event.duration if event.end else None
        changes = self._run(lambda s: service.move_occurrence(s, event.id, original, new, end))

        def redo() -> None:
            self._run(lambda s: service.move_occurrence(s, event.id, original, new, end))
            self._changed(Changes.of(WHEEL))

        def undo() -> None:
            self._run(lambda s: service.restore_occurrence(s, event.id, original))
            self._changed(Changes.of(WHEEL))

        self.stack.push(_Command(self.tr("Flytta {title}").format(title=event.title), redo, undo))
        self._changed(changes)

    def _cancel_occurrence(self, event: WheelEvent, original: date) -> None:
        from trygghetsrad.services import wheel as service

        changes = self._run(lambda s: service.cancel_occurrence(s, event.id, original))

        def redo() -> None:
            self._run(lambda s: service.cancel_occurrence(s, event.id, original))
            self._changed(Changes.of(WHEEL))

        def undo() -> None:
            self._run(lambda s: service.restore_occurrence(s, event.id, original))
            self._changed(Changes.of(WHEEL))

        self.stack.push(_Command(self.tr("Ställ in {title}").format(title=event.title), redo, undo))
        self._changed(changes)

    def delete_selected(self) -> None:
        from trygghetsrad.services import wheel as service

        key = self.wheel.selected
        parsed = parse_key(key) if key else None
        if parsed is None:
            return
        event = self._run(lambda s: service.get_event(s, parsed[0]))
        if event.recurrence.repeats and parsed[1] is not None:
            box = QMessageBox(self)
            box.setWindowTitle(self.tr("Ta bort"))
            box.setText(self.tr("{title} upprepas. Vad vill du ta bort?").format(title=event.title))
            one = box.addButton(self.tr("Bara detta tillfälle"), QMessageBox.ButtonRole.AcceptRole)
            everything = box.addButton(
                self.tr("Hela serien"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is one:
                self._cancel_occurrence(event, parsed[1])
                return
            if box.clickedButton() is not everything:
                return
        self.delete_event(event)

    def delete_event(self, event: WheelEvent) -> None:
        from trygghetsrad.services import wheel as service

        changes = self._run(lambda s: service.delete_event(s, event.id))
        state = {"id": event.id}

        def redo() -> None:
            self._run(lambda s: service.delete_event(s, state["id"]))
            self._changed(Changes.of(WHEEL))

        def undo() -> None:
            state["id"] = self._run(lambda s: service.restore_event(s, event)).id
            self._changed(Changes.of(WHEEL))

        self.stack.push(_Command(self.tr("Ta bort {title}").format(title=event.title), redo, undo))
        self.wheel.select(None)
        self._changed(changes)

    def move_item(self, key: str, days: int) -> None:
        """Move an item `days` days (dragged on the wheel, or Ctrl+arrow): a single event, one
        occurrence of a series, or — through its owner — a meeting or an action's due date."""
        from datetime import timedelta

        from trygghetsrad.services import wheel as service
        from trygghetsrad.services import wheel_extra

        item = self.wheel.item(key)
        if item is None or not days:
            return
        shift = timedelta(days=days)
        parsed = parse_key(key)
        try:
            if parsed is None:
                owner = item.owner
                if owner is None or not wheel_extra.owner_can_move(owner):
                    name = OWNER_NAMES.get(owner.area, "") if owner else ""
                    self.ctx.events.status_message.emit(
                        self.tr("{title} ändras i {owner}.").format(title=item.title, owner=name)
                    )
                    return
                old, new = item.start, item.start + shift
                changes = self._run(lambda s: wheel_extra.move_owned(s, owner, new))

                def apply(day: date) -> Callable[[], None]:
                    def run() -> None:
                        self._run(lambda s: wheel_extra.move_owned(s, owner, day))
                        self._changed(Changes.of(WHEEL, MEETINGS))

                    return run

                self.stack.push(
                    _Command(
                        self.tr("Flytta {title}").format(title=item.title), apply(new), apply(old)
                    )
                )
                self._changed(changes)
            else:
                event = self._run(lambda s: service.get_event(s, parsed[0]))
                if parsed[1] is not None:
                    self._move_occurrence(event, parsed[1], item.start + shift)
                else:
                    values = self._values_of(event)
                    values["start"] = event.start + shift
                    values["end"] = event.end + shift if event.end else None
                    self._update_from(event, values)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Flytta"), str(exc))
            return
        self.wheel.select(key)

    def _open_owned(self, item: CalendarItem) -> QWidget:
        from trygghetsrad.services import wheel_extra

        owner = item.owner or Owner("", "", 0)
        name = OWNER_NAMES.get(owner.area, owner.area)
        on_move = None
        if item.owner is not None and wheel_extra.owner_can_move(item.owner):

            def on_move(day: date) -> None:
                changes = self._run(lambda s: wheel_extra.move_owned(s, owner, day))
                self._changed(changes)

        dialog = OwnedItemDialog(
            item, name, lambda: self.ctx.events.open_record.emit(owner), on_move, self
        )
        dialog.open()
        return dialog

    def open_record(self, owner: Owner) -> None:
        """Show an event of the wheel (called by the main window, e.g. from search)."""
        from trygghetsrad.services import wheel as service

        if owner.area != WHEEL:
            return
        try:
            event = self._run(lambda s: service.get_event(s, owner.id))
        except UserError:
            return
        if not self.year_span().contains(event.start) and not any(
            (p := parse_key(i.key)) and p[0] == owner.id for i in self._items
        ):
            self.set_year(event.start.year)
        self._select_event(owner.id, self.today)

    # -- rings and plan ----------------------------------------------------------------------

    def _undoable(self, text: str, do: Callable[[Any], Any], undo: Callable[[Any], Any]) -> None:
        """Run `do` now (a UserError reaches the caller) and push an undo step for it."""

        def step(fn: Callable[[Any], Any]) -> Callable[[], None]:
            def run() -> None:
                self._run(fn)
                self._changed(Changes.of(WHEEL))

            return run

        self._run(do)
        self.stack.push(_Command(text, step(do), step(undo)))
        self._changed(Changes.of(WHEEL))

    def edit_categories(self) -> CategoryDialog:
        from trygghetsrad.services import wheel as service

        def find(ident: int) -> WheelCategory:
            return next(c for c in self._categories if c.id == ident)

        def update(ident: int, name: str, color: str, visible: bool) -> list[WheelCategory]:
            old = find(ident)
            self._undoable(
                self.tr("Ändra ringen {name}").format(name=name.strip()),
                lambda s: service.update_category(
                    s, ident, name=name, color=color, visible=visible
                ),
                lambda s: service.update_category(
                    s, ident, name=old.name, color=old.color, visible=old.visible
                ),
            )
            return self._categories

        def reorder(ids: list[int]) -> list[WheelCategory]:
            old = [c.id for c in self._categories]
            self._undoable(
                self.tr("Ändra ringarnas ordning"),
                lambda s: service.reorder_categories(s, ids),
                lambda s: service.reorder_categories(s, old),
            )
            return self._categories

        def create(name: str, color: str) -> list[WheelCategory]:
            state: dict[str, int] = {}

            def do(s: Any) -> None:
                state["id"] = service.create_category(s, name=name, color=color).id

            self._undoable(
                self.tr("Ny ring {name}").format(name=name),
                do,
                lambda s: service.delete_category(s, state["id"]),
            )
            return self._categories

        def delete(ident: int) -> list[WheelCategory]:
            old = find(ident)
            order = [c.id for c in self._categories]
            state = {"id": ident}

            def undo(s: Any) -> None:
                new_id = service.create_category(s, name=old.name, color=old.color).id
                ids = [new_id if i == state["id"] else i for i in order]
                service.reorder_categories(s, ids)
                order[:] = ids
                state["id"] = new_id

            self._undoable(
                self.tr("Ta bort ringen {name}").format(name=old.name),
                lambda s: service.delete_category(s, state["id"]),
                undo,
            )
            return self._categories

        actions: dict[str, Callable[..., object]] = {
            "update": update,
            "reorder": reorder,
            "create": create,
            "delete": delete,
        }
        dialog = CategoryDialog(self._categories, actions, self)
        dialog.open()
        return dialog

    def edit_plan(self) -> PlanDialog:
        from trygghetsrad.services import wheel as service

        year = self.year
        old = self._plan

        def restore(s: Any) -> None:
            if old.status is PlanStatus.ADOPTED and old.adopted_on is not None:
                service.adopt_plan(
                    s,
                    year,
                    adopted_on=old.adopted_on,
                    adopted_by=old.adopted_by,
                    reservation=old.reservation,
                )
            else:
                service.reopen_plan(s, year)
            service.set_start_month(s, year, old.start_month)

        def save(values: dict[str, Any]) -> None:
            def work(s: Any) -> None:
                if values["status"] is PlanStatus.ADOPTED:
                    service.adopt_plan(
                        s,
                        year,
                        adopted_on=values["adopted_on"],
                        adopted_by=values["adopted_by"],
                        reservation=values["reservation"],
                    )
                elif old.status is PlanStatus.ADOPTED:
                    service.reopen_plan(s, year)
                if values["start_month"] != old.start_month:
                    service.set_start_month(s, year, values["start_month"])

            if values["note"].strip():
                push_recorded(
                    self.stack,
                    self.ctx,
                    self.tr("Anteckning i planens ändringar {year}").format(year=year),
                    lambda s: service.add_plan_change(s, year, values["note"], date.today()),
                    parent_widget=self,
                )
            self._undoable(self.tr("Ändra planens status {year}").format(year=year), work, restore)

        dialog = PlanDialog(self._plan, save, self)
        dialog.open()
        return dialog

    def start_next_year(self) -> None:
        from trygghetsrad.services import wheel as service

        answer = QMessageBox.question(
            self,
            self.tr("Nästa års plan"),
            self.tr(
                "Skapa ett utkast för {year}? Återkommande händelser fortsätter, och årets "
                "enstaka händelser kopieras till samma vecka och veckodag nästa år."
            ).format(year=self.year + 1),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        year = self.year
        ok, _changes = push_recorded(
            self.stack,
            self.ctx,
            self.tr("Påbörja planen för {year}").format(year=year + 1),
            lambda s: service.start_next_year(s, year),
            parent_widget=self,
            on_error=lambda text: QMessageBox.warning(self, self.tr("Nästa års plan"), text),
        )
        if ok:
            self.set_year(year + 1)

    # -- suggestions, import and export ------------------------------------------------------

    def show_suggestions(self) -> QWidget:
        from trygghetsrad.ui.wheel.suggestions import SuggestionsDialog

        dialog = SuggestionsDialog(self.ctx, self.year, self._categories, self)
        dialog.accepted_one.connect(lambda: self._changed(Changes.of(WHEEL)))
        dialog.open()
        return dialog

    def _default_dir(self) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home())

    def export(self, kind: str, path: Path | None = None) -> None:
        filters = {
            "pdf": self.tr("PDF (*.pdf)"),
            "png": self.tr("PNG-bild (*.png)"),
            "svg": self.tr("SVG-bild (*.svg)"),
            "ics": self.tr("Kalenderfil (*.ics)"),
        }
        if path is None:
            name = f"Årshjul {self.year_text().replace('/', '-')}.{kind}"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Exportera årshjulet"), str(self._default_dir() / name), filters[kind]
            )
            if not chosen:
                return
            path = Path(chosen)
        year, internal = self.year, self.include_internal_exports
        database = self.ctx.database

        def work(_progress: Any = None) -> Path:
            from trygghetsrad.services.wheel_extra import wheel_document
            from trygghetsrad.ui.background import write_file

            with database.session() as s:
                doc = wheel_document(s, year, include_internal=internal)
            if kind == "pdf":
                from trygghetsrad.export.wheel_poster import wheel_poster_pdf

                data = wheel_poster_pdf(doc, include_internal=internal)
            elif kind == "svg":
                from trygghetsrad.export.wheel_svg import wheel_svg

                data = wheel_svg(doc, include_internal=internal)
            elif kind == "ics":
                from trygghetsrad.export.wheel_ics import wheel_ics

                data = wheel_ics(doc, include_internal=internal)
            else:
                from trygghetsrad.ui.wheel.render import wheel_png_qt

                data = wheel_png_qt(doc, include_internal=internal)
            # All at once, never over the database; a failure is a UserError naming the file.
            return write_file(path, data)

        if kind == "png":  # QImage painting stays on the GUI thread
            try:
                self._exported(work())
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Export"), str(exc))
            return
        from trygghetsrad.ui.background import run_in_background

        self.export_task = run_in_background(work, parent=self, on_done=self._exported)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.ctx.events.status_message.emit(self.tr("Sparade {name}").format(name=path.name))

    def import_ics(self, path: Path | None = None) -> None:
        from trygghetsrad.services.wheel_extra import import_ics

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Importera kalenderfil"),
                str(self._default_dir()),
                self.tr("Kalenderfil (*.ics)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        from trygghetsrad.services import journal as journal_service

        category = self.ring_filter.currentData() or "events"
        database, source = self.ctx.database, path
        label = self.tr("Importerar {name}…").format(name=path.name)

        def work(progress: Any) -> Any:
            # All or nothing: one transaction; "Avbryt" rolls it back. Recorded, so that
            # Ctrl+Z takes the whole import back out.
            progress.report(0, 0, label)
            data = source.read_bytes()

            def load(s: Any) -> Any:
                found = import_ics(s, data, category=category, progress=progress.report)
                progress.check()
                return found

            return journal_service.run(database, label, load)

        from trygghetsrad.ui.background import Cancelled, run_modal

        try:
            recorded = run_modal(self, self.tr("Importerar kalenderfil"), work)
        except Cancelled:
            self.ctx.events.status_message.emit(self.tr("Importen avbröts; inget importerades."))
            return
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Import"),
                self.tr("Filen kunde inte läsas: {e}").format(e=exc.strerror),
            )
            return
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Import"), str(exc))
            return
        result = recorded.result
        count = result.created + result.updated
        text = self.tr("Importera {events} från {name}").format(
            events=plural(count, self.tr("händelse"), self.tr("händelser")), name=path.name
        )
        push_done(self.stack, self.ctx, journal_service.relabel(recorded, text), parent_widget=self)
        self._changed(result.changes)
        counts = self.tr("{new}, {updated}, {s} fanns redan").format(
            new=plural(result.created, self.tr("ny"), self.tr("nya")),
            updated=plural(result.updated, self.tr("uppdaterad"), self.tr("uppdaterade")),
            s=result.skipped,
        )
        # What each recurring series became, as the command line says it.
        self.ctx.events.status_message.emit(" ".join([counts, *result.summary(limit=3)[1:]]))

    # -- events ------------------------------------------------------------------------------

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(WHEEL, MEETINGS, SITUATION, ACTION_PLAN):
            if self.isVisible():
                self.reload()
            else:  # another tab is editing: catch up when the wheel is shown again
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ctx.undo_group.setActiveStack(self.stack)
        if getattr(self, "_stale", False):
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
    from trygghetsrad.services import wheel as service

    with ctx.database.session() as s:
        categories = service.list_categories(s)
        plan = service.get_plan(s, year)
        items = service.year_items(s, year)
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
