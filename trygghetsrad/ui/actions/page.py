"""Uppdrag: every action and decision of every meeting in one list (issue 17).

The coordinator's question the other way round from a meeting: what is everyone supposed
to do, what is late, and who must be reminded. Filters (responsible person or
organisation, group, status, due date, meeting period, text; `filter_bar.py`) work on the
rows already loaded; the rows are read in a worker thread (ten years are about 9,000
actions) and filtered before the model (`ShownRows`), which updates in place. Closing,
re-dating and commenting an action are undoable edits, "Visa i mötet" opens the meeting at
the action, "Påminnelser" writes e-mail drafts (`edits.py`, `reminders.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.actions.register import ActionFilter, RegisterAction
from trygghetsrad.domain.changes import Area, Changes
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.ui.actions.edits import ActionCommandsMixin
from trygghetsrad.ui.actions.filter_bar import FilterBar
from trygghetsrad.ui.actions.models import (
    MEASURE,
    MEETING,
    RESPONSIBLE,
    WHAT,
    ActionRegisterModel,
    Row,
    accepts,
    row_key,
    search_of,
)
from trygghetsrad.ui.background import BackgroundTask, Progress, run_in_background
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.empty_state import EmptyState
from trygghetsrad.ui.widgets.filter_proxy import ShownRows
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.selection import follow_selection, selected_index
from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage


@dataclass(frozen=True)
class Loaded:
    """One read of the register (in a worker thread)."""

    rows: list[Row]
    texts: dict[Any, str]  # each row's search text, made in the worker too
    people: dict[int, str]
    organisations: dict[int, str]
    groups: dict[int, str]


def _number(n: int) -> str:
    """9 686: thousands apart with a (non-breaking) space, the Swedish way."""
    return f"{n:,}".replace(",", "\u00a0")


class ActionsPage(ActionCommandsMixin, UndoScopedPage):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.setAccessibleName(self.tr("Uppdrag och beslut"))
        self.undo_stack = self.own_undo_stack(ctx.undo_group)
        self.dialog: QWidget | None = None  # the dialog last opened (tests drive it)
        self.loading = False
        self._task: BackgroundTask | None = None
        self._again = False
        self.people_names: dict[int, str] = {}

        self.model = ActionRegisterModel(self, self.today)
        # Thousands of rows: filtered in Python, the model gets the rows shown (see ShownRows).
        self.rows = ShownRows(self.model)
        self._build()
        self._connect()
        self.apply_filters()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.reload()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 16, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Uppdrag och beslut"))
        heading.setProperty("role", "heading")
        top.addWidget(heading)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        top.addWidget(self.count)
        top.addStretch(1)
        self.reminders_button = QPushButton(self.tr("Påminnelser"))
        self.reminders_button.setToolTip(
            self.tr("E-postutkast till de ansvariga om deras öppna uppdrag")
        )
        self.reminders_menu = QMenu(self.reminders_button)
        self.reminders_button.setMenu(self.reminders_menu)
        top.addWidget(self.reminders_button)
        layout.addLayout(top)
        self.filters = bar = FilterBar()
        layout.addWidget(bar)
        # The filters under the names tests and the benchmark use.
        self.search, self.responsible, self.group = bar.search, bar.responsible, bar.group
        self.status, self.due, self.kinds = bar.status, bar.due, bar.kinds
        self.start, self.end, self.clear_button = bar.start, bar.end, bar.clear_button
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Uppdrag och beslut"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.sortByColumn(MEETING, Qt.SortOrder.DescendingOrder)
        # When the filters leave nothing, say so in place of an empty table.
        self.no_match = EmptyState(
            self.tr("Inga uppdrag matchar filtren"),
            self.tr("Ändra filtren eller sökningen, eller visa allt."),
        )
        self.no_match_button = QPushButton(self.tr("Visa allt"))
        self.no_match_button.clicked.connect(self.clear_filters)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.no_match_button)
        centred.addStretch(1)
        column = self.no_match.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertLayout(column.count() - 1, centred)  # above the bottom stretch
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.no_match)
        layout.addWidget(self.table_stack, 1)
        self.fitter = fit_columns(
            self.table,
            stretch=[WHAT, RESPONSIBLE, MEASURE],
            primary=WHAT,
            primary_share=0.5,  # what is to be done is what the list is read for
            follow_rows=False,  # measured when data arrives, not at each filter change
            sample_rows=300,
            # Filtered before the model: a subset is shown when fewer rows than loaded.
            partial=lambda: self.model.rowCount() < self.rows.total(),
        )
        layout.addLayout(self._button_row())

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Visa i mötet"))
        self.open_button.setToolTip(self.tr("Enter eller dubbelklick"))
        self.close_button = QPushButton(self.tr("Markera klart"))
        self.reopen_button = QPushButton(self.tr("Öppna igen"))
        self.redate_button = QPushButton(self.tr("Nytt datum…"))
        self.comment_button = QPushButton(self.tr("Kommentar…"))
        for button in (
            self.open_button,
            self.close_button,
            self.reopen_button,
            self.redate_button,
            self.comment_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.state = QLabel()
        self.state.setProperty("role", "hint")
        row.addWidget(self.state)
        return row

    def _connect(self) -> None:
        self.search.textChanged.connect(self.rows.set_query)
        self.search.textChanged.connect(self._show_count)
        self.filters.changed.connect(self.apply_filters)
        follow_selection(self.table, lambda _index: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_meeting())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_meeting)
        self.open_button.clicked.connect(self.open_meeting)
        self.close_button.clicked.connect(self.close_action)
        self.reopen_button.clicked.connect(self.reopen_action)
        self.redate_button.clicked.connect(self.redate_action)
        self.comment_button.clicked.connect(self.comment_action)
        self.reminders_menu.aboutToShow.connect(self.fill_reminders_menu)

    # -- showing -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_record(self, owner: Any) -> bool:
        """Select an action (say from the search); False when it is not in the register."""
        if owner.kind not in ("action_item", "decision"):
            return False
        key = ("action" if owner.kind == "action_item" else "decision", owner.id)
        return self.select_key(key, clear_filters=True)

    # -- loading -----------------------------------------------------------------------------

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(Area.MEETINGS, Area.REGISTER, Area.ACTION_PLAN):
            self.reload()

    def reload(self) -> None:
        """Read the register again in a worker thread; one read at a time, the newest wins."""
        if self._task is not None and self._task.running:
            self._again = True
            return
        self.loading = True
        self._again = False
        self.state.setText(self.tr("Läser in uppdragen…") if not self.model.rowCount() else "")
        # The worker gets plain values only: no widget, model or page is touched off the
        # GUI thread, and nothing it holds goes away with the page.
        database, today = self.ctx.database, self.today

        def work(_progress: Progress) -> Loaded:
            from trygghetsrad.services import register
            from trygghetsrad.services.actions.register import (
                register_actions,
                register_decisions,
            )

            everything = ActionFilter(include_internal=True)
            # In a worker thread: a session of its own (SQLite connections are per thread), the one
            # exception to `service_calls.read`/`store`, which run on the GUI thread (ui/background.py).
            with database.session() as s:
                rows: list[Row] = [*register_actions(s, everything, today=today)]
                rows += register_decisions(s, everything)
                people = {p.id: p.name for p in register.list_people(s)}
                organisations = {o.id: o.name for o in register.list_organisations(s)}
                groups = {g.id: g.name for g in register.list_groups(s)}
            texts = {row_key(r): search_of(r) for r in rows}  # pure functions
            return Loaded(rows, texts, people, organisations, groups)

        self._task = run_in_background(
            work, parent=self, on_done=self._loaded, on_error=self._load_failed
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """No read goes on after the page: its window may close the database next."""
        if self._task is not None and self._task.running:
            self._task.stop()
        self.loading = False
        super().closeEvent(event)

    def _loaded(self, loaded: Loaded) -> None:
        if self._again:
            self._task = None
            self.reload()
            return
        self.loading = False
        self.state.setText("")
        self.people_names = loaded.people
        self.filters.fill_choices(loaded.rows, loaded.people, loaded.organisations, loaded.groups)
        self.rows.set_rows(loaded.rows, texts=loaded.texts)
        self.fitter.measure_later()
        self._show_count()
        self._update_buttons()

    def _load_failed(self, exc: object) -> None:
        self.loading = False
        self.state.setText(str(exc) if isinstance(exc, UserError) else self.tr("Kunde inte läsa"))

    def wait_loaded(self) -> None:
        """Block until the current read has arrived (tests, the benchmark, printing)."""
        from PySide6.QtWidgets import QApplication

        while self.loading:
            QApplication.processEvents()

    # -- filters -----------------------------------------------------------------------------

    def apply_filters(self) -> None:
        criteria = self.filters.criteria()
        self.rows.set_filter("criteria", accepts(criteria, self.today, self.filters.kinds_shown()))
        self._show_count()
        self._update_buttons()

    def clear_filters(self) -> None:
        self.filters.clear()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.rows.total()
        late = sum(
            1
            for r in self.rows.all
            if isinstance(r, RegisterAction) and r.overdue(self.today) and not r.internal
        )
        text = self.tr("{shown} av {total} visas").format(
            shown=_number(shown), total=_number(total)
        )
        if late:
            text += " · " + plural(late, self.tr("försenat uppdrag"), self.tr("försenade uppdrag"))
        self.count.setText(text)
        nothing = shown == 0 and total > 0
        self.table_stack.setCurrentWidget(self.no_match if nothing else self.table)

    # -- the selected row ----------------------------------------------------------------------

    def current(self) -> Row | None:
        index = selected_index(self.table)
        return index.data(Role.RECORD) if index is not None and index.isValid() else None

    def select_key(self, key: tuple[str, int], *, clear_filters: bool = False) -> bool:
        if self.model.row_of_key(key) < 0 and clear_filters:
            self.clear_filters()
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        row = self.current()
        action = row if isinstance(row, RegisterAction) else None
        is_open = action is not None and action.status is ActionStatus.OPEN
        self.open_button.setEnabled(row is not None)
        self.close_button.setEnabled(is_open)
        self.reopen_button.setEnabled(action is not None and not is_open)
        self.redate_button.setEnabled(is_open)
        self.comment_button.setEnabled(is_open)
