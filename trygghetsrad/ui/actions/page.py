"""Uppdrag: every action and decision of every meeting in one list (issue 17).

The coordinator's question the other way round from a meeting: what is everyone supposed
to do, what is late, and who must be reminded. Filters (responsible person or
organisation, group, status, due date, meeting period, text) work on the rows already
loaded; the rows are read in a worker thread (ten years are about 9,000 actions) and
updated in place after every change. Closing, re-dating and commenting an action are
undoable edits (`push_recorded`); "Visa i mötet" opens the meeting at the action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.action_register import ActionFilter, RegisterAction
from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import Area, Changes
from trygghetsrad.domain.meetings import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.ui.actions.dialogs import CommentDialog, RedateDialog
from trygghetsrad.ui.actions.models import (
    MEASURE,
    MEETING,
    RESPONSIBLE,
    WHAT,
    ActionRegisterModel,
    Row,
    accepts,
    sort_names,
)
from trygghetsrad.ui.actions.reminders import ReminderSummaryDialog, Written, write_reminders
from trygghetsrad.ui.background import (
    BackgroundTask,
    Cancelled,
    Progress,
    run_in_background,
    run_modal,
)
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.filter_proxy import ShownRows
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.selection import follow_selection, selected_index
from trygghetsrad.ui.widgets.undo_scope import page_undo_stack

FOLDER_KEY = "actions/reminder_folder"
DUE_CHOICES = (7, 14, 30, 90)


@dataclass(frozen=True)
class Loaded:
    """One read of the register (in a worker thread)."""

    rows: list[Row]
    texts: dict[Any, str]  # each row's search text, made in the worker too
    people: dict[int, str]
    organisations: dict[int, str]
    groups: dict[int, str]


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _number(n: int) -> str:
    """9 686: thousands apart with a (non-breaking) space, the Swedish way."""
    return f"{n:,}".replace(",", "\u00a0")


def _settings() -> QSettings:
    return QSettings("Trygghetsrad", "Trygghetsrad")  # the main window's settings file


class ActionsPage(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.setAccessibleName(self.tr("Uppdrag och beslut"))
        self.undo_stack = page_undo_stack(self, ctx.undo_group)
        self.dialog: QWidget | None = None  # the dialog last opened (tests drive it)
        self.loading = False
        self._task: BackgroundTask | None = None
        self._again = False
        self._names: Loaded = Loaded([], {}, {}, {}, {})

        self.model = ActionRegisterModel(self, self.today)
        # Thousands of rows: filtered in Python, the model gets the rows shown (see ShownRows).
        self.rows = ShownRows(self.model)
        self._build()
        self._refilter_timer = QTimer(self)
        self._refilter_timer.setSingleShot(True)
        self._refilter_timer.setInterval(150)  # typing a date or a word: one pass at the end
        self._refilter_timer.timeout.connect(self.apply_filters)
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
        layout.addLayout(self._filter_row())
        layout.addLayout(self._period_row())
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
        layout.addWidget(self.table, 1)
        self.fitter = fit_columns(
            self.table,
            stretch=[WHAT, RESPONSIBLE, MEASURE],
            primary=WHAT,
            primary_share=0.5,  # what is to be done is what the list is read for
            follow_rows=False,  # measured when data arrives, not at each filter change
            sample_rows=300,
        )
        layout.addLayout(self._button_row())

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setPlaceholderText(self.tr("Sök bland uppdrag och beslut"))
        self.search.setAccessibleName(self.tr("Sök bland uppdrag och beslut"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 2)
        self.responsible = self._combo(self.tr("Ansvarig"), [(self.tr("Alla ansvariga"), None)])
        self.group = self._combo(self.tr("Grupp"), [(self.tr("Alla grupper"), None)])
        self.status = self._combo(
            self.tr("Status"),
            [
                (self.tr("Alla statusar"), None),
                (self.tr("Öppna"), ActionStatus.OPEN.value),
                (self.tr("Klara"), ActionStatus.DONE.value),
                (self.tr("Strukna"), ActionStatus.CANCELLED.value),
            ],
        )
        due = [(self.tr("Alla datum"), None), (self.tr("Försenade"), "overdue")]
        due += [
            (self.tr("Klart inom {days} dagar").format(days=days), days) for days in DUE_CHOICES
        ]
        self.due = self._combo(self.tr("Klart senast"), due)
        self.kinds = self._combo(
            self.tr("Visa"),
            [
                (self.tr("Uppdrag och beslut"), "both"),
                (self.tr("Bara uppdrag"), "actions"),
                (self.tr("Bara beslut"), "decisions"),
            ],
        )
        for combo in (self.responsible, self.group, self.status, self.due, self.kinds):
            row.addWidget(combo, 1)
        return row

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Möten från")))
        self.start = DateEntry(None, "start")
        self.start.setAccessibleName(self.tr("Möten från"))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("till")))
        self.end = DateEntry(None, "end")
        self.end.setAccessibleName(self.tr("Möten till och med"))
        row.addWidget(self.end)
        self.period_error = QLabel()
        self.period_error.setProperty("role", "error")
        row.addWidget(self.period_error)
        row.addStretch(1)
        self.clear_button = QPushButton(self.tr("Visa allt"))
        self.clear_button.setToolTip(self.tr("Ta bort alla filter"))
        row.addWidget(self.clear_button)
        return row

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
        for combo in (self.responsible, self.group, self.status, self.due, self.kinds):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.start.textChanged.connect(self._refilter_timer.start)
        self.end.textChanged.connect(self._refilter_timer.start)
        self.clear_button.clicked.connect(self.clear_filters)
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
        self.reminders_menu.aboutToShow.connect(self._fill_reminders_menu)

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
        database, model = self.ctx.database, self.model

        def work(_progress: Progress) -> Loaded:
            from trygghetsrad.services import register
            from trygghetsrad.services.action_register import (
                register_actions,
                register_decisions,
            )

            everything = ActionFilter(include_internal=True)
            with database.session() as s:
                rows: list[Row] = [*register_actions(s, everything, today=self.today)]
                rows += register_decisions(s, everything)
                people = {p.id: p.name for p in register.list_people(s)}
                organisations = {o.id: o.name for o in register.list_organisations(s)}
                groups = {g.id: g.name for g in register.list_groups(s)}
            texts = {model.row_key(r): model.search_of(r) for r in rows}  # pure Python
            return Loaded(rows, texts, people, organisations, groups)

        self._task = run_in_background(
            work, parent=self, on_done=self._loaded, on_error=self._load_failed
        )

    def _loaded(self, loaded: Loaded) -> None:
        if self._again:
            self._task = None
            self.reload()
            return
        self.loading = False
        self.state.setText("")
        self._names = loaded
        self._fill_choices(loaded)
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

    def _fill_choices(self, loaded: Loaded) -> None:
        """The people and organisations that are responsible for something, the groups."""
        actions = [r for r in loaded.rows if isinstance(r, RegisterAction)]
        people = {pid for a in actions for pid in a.person_ids}
        orgs = {r.organisation_id for a in actions for r in a.responsibles if r.organisation_id}
        choices: list[tuple[str, Any]] = [
            (name, ("person", pid))
            for pid, name in sort_names({p: loaded.people.get(p, "") for p in people})
        ]
        choices += [
            (name, ("organisation", oid))
            for oid, name in sort_names({o: loaded.organisations.get(o, "") for o in orgs})
        ]
        self._refill(self.responsible, choices)
        self._refill(self.group, [(n, gid) for gid, n in sort_names(loaded.groups)])

    @staticmethod
    def _refill(combo: QComboBox, choices: list[tuple[str, Any]]) -> None:
        """Replace all but the first ("Alla …") item, keeping the choice when it is left."""
        chosen = combo.currentData()
        if [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())] == choices:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in choices:
            combo.addItem(text, data)
        at = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(False)
        if chosen is not None and at < 0:
            combo.currentIndexChanged.emit(0)  # the person chosen is gone: show everyone

    # -- filters -----------------------------------------------------------------------------

    def _date(self, entry: DateEntry) -> date | None:
        if not entry.text().strip():
            return None
        try:
            return entry.checked()
        except UserError as exc:
            self.period_error.setText(str(exc))
            return None

    def criteria(self) -> ActionFilter:
        """The filter the controls describe."""
        who = self.responsible.currentData()
        due = self.due.currentData()
        status = self.status.currentData()
        self.period_error.setText("")
        return ActionFilter(
            person_id=who[1] if who and who[0] == "person" else None,
            organisation_id=who[1] if who and who[0] == "organisation" else None,
            group_id=self.group.currentData(),
            status=ActionStatus(status) if status else None,
            overdue=due == "overdue",
            due_within=due if isinstance(due, int) else None,
            start=self._date(self.start),
            end=self._date(self.end),
            include_internal=True,  # internal only keeps things out of documents
        )

    def apply_filters(self) -> None:
        self.rows.set_filter(
            "criteria", accepts(self.criteria(), self.today, self.kinds.currentData())
        )
        self._show_count()
        self._update_buttons()

    def clear_filters(self) -> None:
        for combo in (self.responsible, self.group, self.status, self.due, self.kinds):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for entry in (self.start, self.end):
            entry.blockSignals(True)
            entry.clear()
            entry.blockSignals(False)
        self.search.clear()
        self.apply_filters()

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

    # -- edits ---------------------------------------------------------------------------------

    def open_meeting(self) -> None:
        """Show the meeting in Möten with the action (or the decision's item) selected."""
        row = self.current()
        if row is None:
            return
        kind = "action_item" if isinstance(row, RegisterAction) else "decision"
        self.ctx.events.open_record.emit(Owner(Area.MEETINGS, kind, row.id))

    def _action(self) -> RegisterAction | None:
        row = self.current()
        return row if isinstance(row, RegisterAction) else None

    def _push(self, text: str, fn: Any) -> bool:
        ok, _result = push_recorded(self.undo_stack, self.ctx, text, fn, parent_widget=self)
        return bool(ok)

    def close_action(self) -> bool:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None or action.status is not ActionStatus.OPEN:
            return False
        text = self.tr("Markera ”{what}” som klart").format(what=_short(action.what))
        today = self.today
        return self._push(text, lambda s: meetings_actions.close_action(s, action.id, on=today))

    def reopen_action(self) -> bool:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None or action.status is ActionStatus.OPEN:
            return False
        text = self.tr("Öppna ”{what}” igen").format(what=_short(action.what))
        return self._push(text, lambda s: meetings_actions.reopen_action(s, action.id))

    def redate_action(self) -> QWidget | None:
        from trygghetsrad.services import meetings_actions

        action = self._action()
        if action is None:
            return None

        def save(values: dict[str, Any]) -> None:
            due = values["due_date"]
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Nytt datum för ”{what}”").format(what=_short(action.what)),
                lambda s: meetings_actions.redate_action(s, action.id, due),
                parent_widget=self,
            )

        return self._open(RedateDialog(action.what, action.due_date, save, self))

    def comment_action(self) -> QWidget | None:
        from trygghetsrad.services import action_register

        action = self._action()
        if action is None:
            return None
        with self.ctx.database.session() as s:
            found = action_register.comment_meeting(s, action.id)
            said = action_register.current_comment(s, action.id, found[0]) if found else ""
        if found is None:
            QMessageBox.information(
                self,
                self.tr("Kommentar till uppdraget"),
                self.tr(
                    "Det finns inget kommande möte som följer upp uppdraget. Planera gruppens "
                    "nästa möte först; kommentaren hör till det mötets uppföljning."
                ),
            )
            return None

        def save(values: dict[str, Any]) -> None:
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Kommentar till ”{what}”").format(what=_short(action.what)),
                lambda s: action_register.comment_action(s, action.id, values["text"]),
                parent_widget=self,
            )

        return self._open(CommentDialog(action.what, found[1], said, save, self))

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    # -- reminders -----------------------------------------------------------------------------

    def _fill_reminders_menu(self) -> None:
        menu = self.reminders_menu
        menu.clear()
        action = self._action()
        people = [r for r in (action.responsibles if action else ()) if r.person_id is not None]
        for r in people:
            name = self._names.people.get(r.person_id or 0, r.name)
            menu.addAction(
                self.tr("Till {name}…").format(name=name),
                lambda pid=r.person_id: self.remind(person_id=pid),
            )
        if not people:
            hint = menu.addAction(self.tr("Till den markerade radens ansvariga…"))
            hint.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Till alla…"), self.remind)
        menu.addAction(
            self.tr("Till alla, bara försenade uppdrag…"),
            lambda: self.remind(overdue_only=True),
        )

    def _choose_folder(self) -> Path | None:
        start = str(_settings().value(FOLDER_KEY, str(Path.home())))
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Välj mapp för påminnelserna"), start
        )
        if not chosen:
            return None
        _settings().setValue(FOLDER_KEY, chosen)
        return Path(chosen)

    def remind(
        self, person_id: int | None = None, *, overdue_only: bool = False
    ) -> ReminderSummaryDialog | None:
        """Ask for a folder, write the drafts there, show what was written."""
        folder = self._choose_folder()
        return None if folder is None else self.write_reminders(folder, person_id, overdue_only)

    def write_reminders(
        self, folder: Path, person_id: int | None = None, overdue_only: bool = False
    ) -> ReminderSummaryDialog | None:
        ctx, today = self.ctx, self.today
        try:
            written: Written = run_modal(
                self,
                self.tr("Skriver påminnelser…"),
                lambda progress: write_reminders(
                    ctx,
                    folder,
                    today=today,
                    person_id=person_id,
                    overdue_only=overdue_only,
                    progress=progress,
                ),
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Det gick inte"), str(exc))
            return None
        except Cancelled:  # the drafts written before "Avbryt" stay; nothing more to say
            return None
        dialog = ReminderSummaryDialog(written, self)
        self._open(dialog)
        return dialog
