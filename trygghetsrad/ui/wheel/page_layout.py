"""How the Årshjul page is laid out and wired: the bar (year, zoom, plan and export menus),
the wheel with its legend on the left, the list of the year with its filters and the
selected item's details on the right, and the shortcuts.

`page` is the `WheelPage` being built: its widgets are set on it, its slots connected.
It is typed `Any` because the page imports this module (no import cycles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.export.kinds import EXPORTS, WHEEL_EXPORTS
from trygghetsrad.ui.wheel.legend import WheelLegend
from trygghetsrad.ui.wheel.models import WheelItemsModel, in_ring
from trygghetsrad.ui.wheel.widget import AnnualWheelWidget
from trygghetsrad.ui.widgets.elided_label import ElidedLabel
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy


def build(page: Any) -> None:
    root = QVBoxLayout(page)
    root.setContentsMargins(12, 10, 12, 8)
    root.addLayout(_bar(page))
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(_wheel_side(page))
    right = _list_side(page)
    splitter.addWidget(right)
    right.setMinimumWidth(280)
    # The list gets room for its titles at 1366×768 (about 230 px after date and week);
    # the wheel is as tall as the window allows either way.
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([860, 500])
    root.addWidget(splitter, 1)
    _connect(page)


def _button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("…", "").replace("&", ""))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def _menu_button(page: Any, text: str) -> tuple[QToolButton, QMenu]:
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


def _bar(page: Any) -> QHBoxLayout:
    tr = page.tr
    bar = QHBoxLayout()
    page.prev_button = _button(
        "◀", lambda: page.show_year(page.shown_year - 1), tr("Föregående år (Alt+Vänster)")
    )
    page.prev_button.setAccessibleName(tr("Föregående år"))
    page.next_button = _button(
        "▶", lambda: page.show_year(page.shown_year + 1), tr("Nästa år (Alt+Höger)")
    )
    page.next_button.setAccessibleName(tr("Nästa år"))
    for b in (page.prev_button, page.next_button):
        b.setFixedWidth(34)
    page.year_label = QLabel()
    page.year_label.setProperty("role", "heading")
    page.year_label.setMinimumWidth(120)
    page.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.today_button = _button(tr("Idag"), page.show_today)
    page.zoom_box = QComboBox()
    page.zoom_box.setAccessibleName(tr("Visa"))
    page.zoom_box.currentIndexChanged.connect(page.on_zoom)
    bar.addWidget(page.prev_button)
    bar.addWidget(page.year_label)
    bar.addWidget(page.next_button)
    bar.addWidget(page.today_button)
    bar.addSpacing(12)
    bar.addWidget(QLabel(tr("Visa:")))
    bar.addWidget(page.zoom_box)
    bar.addSpacing(12)
    page.status_label = ElidedLabel()  # the plan's status, shortened with "…" when narrow
    page.status_label.setProperty("role", "hint")
    bar.addWidget(page.status_label, 1)
    page.new_button = _button(tr("Ny händelse…"), page.new_event, tr("Ny händelse (Ctrl+Shift+N)"))
    page.plan_menu_button = _plan_menu(page)
    page.export_button = _export_menu(page)
    for w in (page.new_button, page.plan_menu_button, page.export_button):
        bar.addWidget(w)
    return bar


def _plan_menu(page: Any) -> QToolButton:
    tr = page.tr
    button, menu = _menu_button(page, tr("Planen"))
    menu.addAction(tr("Planens status och ändringar…"), page.edit_plan)
    menu.addAction(tr("Ringar: namn, färger och ordning…"), page.edit_categories)
    menu.addAction(tr("Datum i protokoll och anteckningar…"), page.show_suggestions)
    menu.addSeparator()
    menu.addAction(tr("Importera kalenderfil (.ics)…"), page.import_ics)
    menu.addAction(tr("Påbörja nästa års plan…"), page.start_next_year)
    return button


def _export_menu(page: Any) -> QToolButton:
    tr = page.tr
    button, menu = _menu_button(page, tr("Exportera"))
    page.export_menu = menu
    for key in WHEEL_EXPORTS:  # the page names its exports by their suffix: "pdf", "png"
        suffix = EXPORTS[key].suffix.removeprefix(".")
        menu.addAction(EXPORTS[key].menu + "…", lambda s=suffix: page.export(s))
    menu.addSeparator()
    page.internal_action = QAction(tr("Ta med interna händelser"), page)
    page.internal_action.setCheckable(True)
    page.internal_action.toggled.connect(lambda on: setattr(page, "include_internal_exports", on))
    menu.addAction(page.internal_action)
    return button


def _wheel_side(page: Any) -> QWidget:
    left = QWidget()
    layout = QVBoxLayout(left)
    layout.setContentsMargins(0, 0, 0, 0)
    page.wheel = AnnualWheelWidget()
    layout.addWidget(page.wheel, 1)
    page.legend = WheelLegend()
    layout.addWidget(page.legend)
    return left


def _list_side(page: Any) -> QWidget:
    tr = page.tr
    right = QWidget()
    layout = QVBoxLayout(right)
    layout.setContentsMargins(8, 0, 0, 0)
    filters = QHBoxLayout()
    page.search = QLineEdit()
    page.search.setPlaceholderText(tr("Sök i årets händelser"))
    page.search.setAccessibleName(tr("Sök i årets händelser"))
    page.search.setProperty("role", "search")
    page.search.setClearButtonEnabled(True)
    page.ring_filter = QComboBox()
    page.ring_filter.setAccessibleName(tr("Visa ring"))
    filters.addWidget(page.search, 1)
    filters.addWidget(page.ring_filter)
    layout.addLayout(filters)
    page.model = WheelItemsModel(page)
    page.proxy = RecordFilterProxy(page)
    page.proxy.setSourceModel(page.model)
    page.table = _table(page)
    layout.addWidget(page.table, 1)
    page.details = QLabel()
    page.details.setWordWrap(True)
    page.details.setTextFormat(Qt.TextFormat.RichText)
    page.details.setMinimumHeight(70)
    page.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    page.details.setAccessibleName(tr("Vald händelse"))
    layout.addWidget(page.details)
    actions = QHBoxLayout()
    page.edit_button = _button(tr("Öppna…"), page.open_selected)
    page.delete_button = _button(tr("Ta bort"), page.delete_selected)
    actions.addWidget(page.edit_button)
    actions.addWidget(page.delete_button)
    actions.addStretch(1)
    layout.addLayout(actions)
    return right


def _table(page: Any) -> QTableView:
    table = QTableView()
    table.setModel(page.proxy)
    table.setAccessibleName(page.tr("Årets händelser"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(60)  # widths from 60 rows, not every item of the year
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


def _connect(page: Any) -> None:
    page.wheel.selection_changed.connect(page.on_wheel_selection)
    page.wheel.item_activated.connect(lambda key: page.open_item(key))
    page.wheel.create_requested.connect(lambda day, cat: page.new_event(day, cat))
    page.wheel.item_moved.connect(page.move_item)
    page.legend.toggled.connect(page.on_legend)
    page.table.selectionModel().currentRowChanged.connect(page.on_table_current)
    page.table.doubleClicked.connect(lambda _i: page.open_selected())
    page.search.textChanged.connect(page.proxy.set_query)
    page.ring_filter.currentIndexChanged.connect(
        lambda _i: page.proxy.set_filter("ring", in_ring(page.ring_filter.currentData()))
    )
    QShortcut(QKeySequence("Ctrl+Shift+N"), page, page.new_event)
    QShortcut(QKeySequence("Alt+Left"), page, lambda: page.show_year(page.shown_year - 1))
    QShortcut(QKeySequence("Alt+Right"), page, lambda: page.show_year(page.shown_year + 1))
    for target in (page.table, page.wheel):
        shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), target, page.delete_selected
        )
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
