"""A searchable, sortable table with its buttons, context menu, keys and empty state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.empty_state import EmptyState
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.record_model import RecordTableModel
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.selection import follow_selection, select_row, selected_index


class RecordPanel(QWidget):
    """Heading, search field, New/Edit/Delete buttons and the table (or an empty state)."""

    current_changed = Signal(object)  # the selected record, or None
    new_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(
        self,
        model: RecordTableModel[Any],
        *,
        heading: str,
        noun: str,
        new_text: str,
        search_hint: str,
        empty_title: str,
        empty_text: str,
        delete_text: str = "",
        proxy: RecordFilterProxy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy or RecordFilterProxy(self)
        self.proxy.setSourceModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._top_row(heading, noun, search_hint))
        layout.addLayout(self._button_row(new_text, delete_text))
        self._build_table(heading)
        self._add_table_actions(new_text, delete_text)
        layout.addWidget(self._build_states(empty_title, empty_text), 1)
        self.model.modelReset.connect(self._update_state)
        self.current_changed.connect(lambda _record: self._update_state())
        self._update_state()

    def _top_row(self, heading: str, noun: str, search_hint: str) -> QHBoxLayout:
        """The heading and the search field (room for a filter beside it: `top_row`)."""
        top = QHBoxLayout()
        self.heading = QLabel(heading)
        self.heading.setProperty("role", "heading")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setPlaceholderText(search_hint)
        self.search.setAccessibleName(self.tr("Sök: {noun}").format(noun=noun))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        top.addWidget(self.search)
        self.top_row = top  # heading, stretch, search: room for a filter beside the search
        return top

    def _button_row(self, new_text: str, delete_text: str) -> QHBoxLayout:
        """New, Edit, Delete (room for more: `extra_buttons`) and the count."""
        buttons = QHBoxLayout()
        self.new_button = self._button(new_text, self.new_requested.emit)
        self.new_button.setProperty("role", "primary")
        self.edit_button = self._button(self.tr("Ändra…"), self._on_edit)
        self.delete_button = self._button(delete_text or self.tr("Ta bort"), self._on_delete)
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        self.extra_buttons = buttons
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        buttons.addWidget(self.count_label)
        return buttons

    def _build_table(self, heading: str) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(heading)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self._on_edit())
        follow_selection(
            self.table, lambda index: self.current_changed.emit(index.data(Role.RECORD))
        )

    def _add_table_actions(self, new_text: str, delete_text: str) -> None:
        """The table's context menu and keys: Insert for new, Delete in the table only."""
        self.new_action = self._action(
            new_text, self.new_requested.emit, QKeySequence(Qt.Key.Key_Insert)
        )
        self.edit_action = self._action(self.tr("Ändra…"), self._on_edit)
        self.delete_action = self._action(delete_text or self.tr("Ta bort"), self._on_delete)
        # Delete only from the table: in the search field the key deletes text.
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.new_action, self.edit_action, self.delete_action):
            self.table.addAction(action)

    def _build_states(self, empty_title: str, empty_text: str) -> QStackedWidget:
        """The table, the empty state and the "no hits" text, one shown at a time."""
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.empty = EmptyState(empty_title, empty_text)
        self.stack.addWidget(self.empty)
        self.no_hits = QLabel()
        self.no_hits.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_hits.setProperty("role", "hint")
        self.no_hits.setContentsMargins(0, 40, 0, 0)
        self.no_hits.setWordWrap(True)
        self.stack.addWidget(self.no_hits)
        return self.stack

    def fit_columns(self, *stretch: int) -> None:
        """Short columns get their contents' width, the `stretch` columns share what is left
        (the app's one column fitter: refitted as rows come and go, cut text as a tooltip)."""
        self.columns = fit_columns(self.table, stretch, primary=stretch[0] if stretch else None)

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(slot)
        return action

    # -- state -----------------------------------------------------------------------------

    def current(self) -> Any:
        """The selected record (a click, a key or `select_id`), or None."""
        index = selected_index(self.table)
        return index.data(Role.RECORD) if index.isValid() else None

    def select_id(self, record_id: int | None) -> bool:
        """Select the record with `record_id` (if it is shown); otherwise the first row."""
        row = self.model.row_of(record_id) if record_id is not None else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            index = self.proxy.index(0, 0)
        if not index.isValid():
            self.table.selectionModel().clearSelection()
            self.current_changed.emit(None)
            return False
        select_row(self.table, index)
        return True

    def _update_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.proxy.count_without_query()
        has_current = self.current() is not None
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)
        self.edit_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)
        if shown == 0 and not self.proxy.query().strip():
            self.stack.setCurrentWidget(self.empty)
            self.count_label.clear()
        elif shown == 0:
            self.no_hits.setText(
                self.tr("Inget matchar ”{query}”.").format(query=self.proxy.query().strip())
            )
            self.stack.setCurrentWidget(self.no_hits)
            self.count_label.setText(self.tr("0 av {total}").format(total=total))
        else:
            self.stack.setCurrentWidget(self.table)
            self.count_label.setText(
                str(total)
                if shown == total
                else self.tr("{shown} av {total}").format(shown=shown, total=total)
            )

    def _on_search_text_changed(self, text: str) -> None:
        previous = self.current()
        self.proxy.set_query(text)
        self.select_id(getattr(previous, "id", None))
        self._update_state()

    def _on_search_return_pressed(self) -> None:
        """Enter in the search field goes to the hits, with the first one selected."""
        if self.proxy.rowCount():
            if self.current() is None:
                self.select_id(None)
            self.table.setFocus()

    def refresh_buttons(self) -> None:
        self._update_state()

    def _on_edit(self) -> None:
        record = self.current()
        if record is not None:
            self.edit_requested.emit(record)

    def _on_delete(self) -> None:
        record = self.current()
        if record is not None:
            self.delete_requested.emit(record)
