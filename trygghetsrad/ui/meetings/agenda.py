"""The agenda and minute-taking panel: numbered items, bullets, decisions, actions, follow-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings import (
    AgendaItemData,
    ItemKind,
    MeetingDetail,
    Note,
)
from trygghetsrad.domain.meetings_document import MeetingDocument
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.i18n import tr as text_tr
from trygghetsrad.services import meetings as meeting_service
from trygghetsrad.services import meetings_actions as action_service
from trygghetsrad.services import meetings_agenda as agenda_service
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.dialogs import ActionDialog
from trygghetsrad.ui.meetings.followup import FollowupMixin
from trygghetsrad.ui.meetings.models import (
    ActionModel,
    AgendaModel,
)
from trygghetsrad.ui.meetings.next_meeting import NextMeetingDialog
from trygghetsrad.ui.meetings.notes_edit import NotesEdit
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.journal_command import push_recorded
from trygghetsrad.ui.widgets.screen import grow_with_text, lines_height

SHORTCUTS = (
    "Enter ny punkt · Tab / Shift+Tab nivå · Enter på tom punkt: löptext · "
    "Ctrl+I intern anteckning · "
    "Ctrl+Enter ny dagordningspunkt · Ctrl+Shift+A nytt uppdrag · "
    "Ctrl+Upp / Ctrl+Ned flytta punkten · Ctrl+PgUp / Ctrl+PgDn föregående / nästa punkt · "
    "Ctrl+Tab lämna anteckningarna"
)


class _ServiceCommand(QUndoCommand):
    """An undoable edit: `do` and `undo` each run a service in their own session."""

    def __init__(
        self,
        panel: AgendaPanel,
        text: str,
        do: Callable[[Any], Any],
        undo: Callable[[Any], Any],
        *,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self._panel, self._do, self._undo = panel, do, undo
        self._skip = done  # already done (e.g. by a dialog that showed its own errors)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            self._panel.run(lambda s: None)
            return
        self._panel.run(self._do)

    def undo(self) -> None:
        self._panel.run(self._undo)


class TemplateDialog(FormDialog):
    def __init__(
        self,
        group_name: str,
        name: str,
        items: tuple[str, ...] | list[str],
        on_save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            text_tr("Dagordningsmall för {group}").format(group=group_name),
            on_save,
            parent,
            intro=text_tr("En punkt per rad. Nya möten för gruppen får de här punkterna."),
        )
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit(name))
        edit = QPlainTextEdit("\n".join(items))
        edit.setTabChangesFocus(True)
        self.items = self.add_field("items", self.tr("Punkter"), edit)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),  # type: ignore[attr-defined]
            "items": self.items.toPlainText().splitlines(),  # type: ignore[attr-defined]
        }


class AgendaPanel(FollowupMixin, QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, undo_stack: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.undo_stack = undo_stack
        self.meeting: MeetingDetail | None = None
        self.item_id: int | None = None
        self._loading = False
        self._followup_view = False  # the follow-up is shown in place of an item
        self._saved: tuple[object, ...] | None = None
        self._autosaver = Autosaver(self.save_now, parent=self)  # the shared pause
        self._build()

    # -- construction ----------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None], name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name or text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        splitter = QSplitter()
        layout.addWidget(splitter, 1)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Dagordning"))
        heading.setProperty("role", "heading")
        left_box.addWidget(heading)
        self.model = AgendaModel(self)
        self.model.move_requested.connect(self.move_item)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Dagordningens punkter"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        left_box.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = self._button(self.tr("Ny punkt"), self.new_item)
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.up_button = self._button("↑", lambda: self.shift_item(-1), self.tr("Flytta upp"))
        self.up_button.setToolTip(self.tr("Flytta upp (Ctrl+Upp)"))
        self.down_button = self._button("↓", lambda: self.shift_item(+1), self.tr("Flytta ned"))
        self.down_button.setToolTip(self.tr("Flytta ned (Ctrl+Ned)"))
        self.delete_button = self._button(
            self.tr("Ta bort"), self.delete_item, self.tr("Ta bort punkten")
        )
        for b in (self.add_button, self.up_button, self.down_button, self.delete_button):
            row.addWidget(b)
        left_box.addLayout(row)
        row2 = QHBoxLayout()
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("Från mall"))
        self.template_button.setAccessibleName(self.tr("Fyll från mall"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        self.copy_button = self._button(
            self.tr("Kopiera förra"),
            self.copy_previous,
            self.tr("Kopiera föregående mötes dagordning"),
        )
        self.next_button = self._button(self.tr("Nästa möte…"), self.plan_next)
        for b in (self.template_button, self.copy_button, self.next_button):
            row2.addWidget(b)
        left_box.addLayout(row2)
        # Open actions of the group's earlier meetings, when no agenda item follows them up.
        self.followup_apart_button = self._button(
            self.tr("Uppföljning av uppdrag"),
            self.show_followup,
            self.tr("Visa uppföljningen av uppdrag från tidigare möten"),
        )
        self.followup_apart_button.hide()
        left_box.addWidget(self.followup_apart_button)
        splitter.addWidget(left)

        right = QWidget()
        form_box = QVBoxLayout(right)
        form_box.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Punktens rubrik"))
        self.title.textEdited.connect(self._schedule_save)
        self.title.returnPressed.connect(lambda: self.notes.setFocus())
        self.internal = QCheckBox(self.tr("Intern"))
        self.internal.setAccessibleName(self.tr("Intern punkt"))
        self.internal.setToolTip(
            self.tr("Intern punkt: tas inte med i kallelse, protokoll eller andra utskick")
        )
        self.internal.toggled.connect(self._schedule_save)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.internal)
        self.field_errors = {
            key: self._field_error(name)
            for key, name in (
                ("title", self.tr("Fel i rubriken")),
                ("body", self.tr("Fel i texten")),
                ("notes", self.tr("Fel i anteckningarna")),
                ("decisions", self.tr("Fel i besluten")),
            )
        }
        title_col = QVBoxLayout()
        title_col.setSpacing(2)
        title_col.addLayout(title_row)
        title_col.addWidget(self.field_errors["title"])
        form.addRow(self.tr("Rubrik"), title_col)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Inledande text"))
        self.body.setPlaceholderText(self.tr("Löpande text före punkterna (valfritt)"))
        grow_with_text(self.body, 2, 4)
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._schedule_save)
        body_col = QVBoxLayout()
        body_col.setSpacing(2)
        body_col.addWidget(self.body)
        body_col.addWidget(self.field_errors["body"])
        form.addRow(self.tr("Text"), body_col)
        form_box.addLayout(form)
        self.form = form
        notes_label = QLabel(self.tr("Anteckningar"))
        self.notes_label = notes_label
        notes_label.setProperty("role", "heading")
        form_box.addWidget(notes_label)
        form_box.addWidget(self.field_errors["notes"])
        self.notes = NotesEdit()
        self.notes.setAccessibleName(self.tr("Anteckningar i punktform"))
        self.notes.textChanged.connect(self._schedule_save)
        self.notes.new_item_requested.connect(self.new_item)
        form_box.addWidget(self.notes, 3)
        # At least eight lines of notes in view; on a smaller screen the editor scrolls.
        self.notes.setMinimumHeight(lines_height(self.notes, 8))
        self.decisions = QPlainTextEdit()
        self.decisions.setAccessibleName(self.tr("Beslut, ett per rad"))
        self.decisions.setPlaceholderText(self.tr("Beslut – ett per rad"))
        grow_with_text(self.decisions, 2, 4)
        self.decisions.setTabChangesFocus(True)
        self.decisions.textChanged.connect(self._schedule_save)
        form_box.addWidget(self.decisions)
        form_box.addWidget(self.field_errors["decisions"])

        actions_box = QGroupBox(self.tr("Uppdrag"))
        a_layout = QVBoxLayout(actions_box)
        self.action_model = ActionModel(self)
        self.actions = self._table(self.action_model, self.tr("Uppdrag under punkten"))
        # At least four uppdrag in view, also at 1366×768 (the notes give way first).
        self.actions.setMinimumHeight(
            self.actions.horizontalHeader().sizeHint().height()
            + 4 * self.actions.verticalHeader().defaultSectionSize()
            + 2 * self.actions.frameWidth()
        )
        self.actions.doubleClicked.connect(lambda _i: self.edit_action())
        a_layout.addWidget(self.actions)
        a_row = QHBoxLayout()
        self.new_action_button = self._button(self.tr("Nytt uppdrag"), self.new_action)
        self.new_action_button.setToolTip(self.tr("Ctrl+Shift+A"))
        a_row.addWidget(self.new_action_button)
        self.edit_action_button = self._button(
            self.tr("Ändra…"), self.edit_action, self.tr("Ändra uppdraget")
        )
        self.delete_action_button = self._button(
            self.tr("Ta bort"), self.delete_action, self.tr("Ta bort uppdraget")
        )
        a_row.addWidget(self.edit_action_button)
        a_row.addWidget(self.delete_action_button)
        a_row.addStretch(1)
        a_layout.addLayout(a_row)
        form_box.addWidget(actions_box, 1)
        self.actions_box = actions_box

        form_box.addWidget(self._build_followup(), 2)

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form_box.addWidget(self.error)
        # Under the agenda list, where there is height to spare: the editor keeps its room.
        help_label = QLabel(self.tr(SHORTCUTS))
        help_label.setProperty("role", "hint")
        help_label.setWordWrap(True)
        help_label.setAccessibleName(self.tr("Kortkommandon"))
        left_box.addWidget(help_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(right)
        splitter.addWidget(scroll)
        splitter.setSizes([240, 920])  # the editor keeps room on a narrow laptop screen
        self.editor = right

        for keys, slot in (
            ("Ctrl+Return", self.new_item),
            ("Ctrl+Enter", self.new_item),
            ("Ctrl+Shift+A", self.new_action),
            ("Ctrl+Up", lambda: self.shift_item(-1)),
            ("Ctrl+Down", lambda: self.shift_item(+1)),
            ("Ctrl+PgUp", lambda: self.select_relative(-1)),
            ("Ctrl+PgDown", lambda: self.select_relative(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _field_error(self, name: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.hide()
        return label

    def _table(self, model: Any, name: str, *, rows_to_contents: bool = False) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(True)  # two lines of a row's height show more of a long uppdrag
        # What is to be done gets the width; the other columns their contents' width, a long
        # organisation at most 130 px (cut with its full text as a tooltip, or wrapped).
        fit_columns(view, (0,), max_width=130, rows_to_contents=rows_to_contents)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it fits
        view.setMinimumHeight(80)
        return view

    # -- loading ---------------------------------------------------------------------------

    def run(self, fn: Callable[[Any], Any]) -> Any:
        """Run a service call in a session; show a user error inline and reload."""
        try:
            with self.ctx.database.session() as s:
                result = fn(s)
        except UserError as exc:
            self.show_error(str(exc))
            return None
        self.error.hide()
        from trygghetsrad.domain.changes import MEETINGS, Changes

        self.reload()
        self.ctx.events.changed(Changes.of(MEETINGS))
        self.changed.emit()
        return result

    def record(self, text: str, fn: Callable[[Any], Any], *, select: int | None = None) -> bool:
        """Run a service call as an undoable edit (undo puts back every row it changed)."""

        def replayed() -> None:
            self.error.hide()
            self.reload()
            if select is not None:
                self.select_item(select)
            self.changed.emit()

        ok, _result = push_recorded(
            self.undo_stack,
            self.ctx,
            text,
            fn,
            parent_widget=self,
            on_error=self.show_error,
            on_undone=replayed,
            on_redone=replayed,
        )
        if ok:
            self.error.hide()
            self.reload()
            self.changed.emit()
        return ok

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ctx.events.status_message.emit(text)

    def show_field_errors(self, errors: dict[str, str]) -> None:
        """Show each message right below its field (visible at 768 px) and in the status bar."""
        for key, label in self.field_errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        if errors:
            self.ctx.events.status_message.emit(
                self.tr("Punkten sparades utom: {errors}").format(errors=" ".join(errors.values()))
            )

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        self.save_now()
        self.meeting = meeting
        self.item_id = None
        self._followup_view = False
        self.reload()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        elif self.followup_apart_button.isVisibleTo(self):
            self.show_followup()  # nothing on the agenda yet: what is to be followed up

    def reload(self) -> None:
        if self.meeting is None:
            self.model.set_items([], lambda i: "")
            self._show_item(None)
            return
        with self.ctx.database.session() as s:
            self.meeting = meeting_service.get_meeting(s, self.meeting.id)
            items = agenda_service.get_agenda(s, self.meeting.id)
            followup = action_service.followup(s, self.meeting.id)
        meeting = self.meeting

        def numbering(row: int) -> str:  # as the export numbers them (internal items: none)
            return MeetingDocument(meeting, items=tuple(self.model.items)).number(row)

        current = self.item_id
        self.model.set_items(items, numbering)
        self.followup_model.set_records(followup)
        self._on_followup_row_changed(self.followup.currentIndex(), QModelIndex())
        apart = bool(followup) and not any(i.kind is ItemKind.FOLLOWUP for i in items)
        self.followup_apart_button.setText(
            self.tr("Uppföljning av uppdrag ({n})").format(n=len(followup))
        )
        self.followup_apart_button.setVisible(apart)
        if self._followup_view and not apart:
            self._followup_view = False
        editable = self.meeting.editable
        for widget in (
            self.add_button,
            self.up_button,
            self.down_button,
            self.delete_button,
            self.template_button,
            self.copy_button,
            self.new_action_button,
            self.edit_action_button,
            self.delete_action_button,
            self.close_followup_button,
            self.redate_followup_button,
            self.carry_followup_button,
            self.comment_button,
        ):
            widget.setEnabled(editable)
        for edit in (self.title, self.body, self.notes, self.decisions):
            edit.setReadOnly(not editable)
        self.internal.setEnabled(editable)
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row))
            self.list.selectionModel().blockSignals(False)
            self._show_item(self.model.items[row], keep_text=True)
        elif self._followup_view:
            self.item_id = None
            self._show_followup_only()
        else:
            self.item_id = None  # the item is gone (deleted, or its creation undone)
            self._show_item(None)

    def _item_fields_visible(self, visible: bool) -> None:
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)
        for widget in (self.notes_label, self.notes, self.decisions, self.actions_box):
            widget.setVisible(visible)
        # setRowVisible shows every widget of a row: an empty error label would take a line.
        for label in self.field_errors.values():
            label.setVisible(visible and bool(label.text()))

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self.save_now() and previous.isValid() and not self._discard_invalid_text():
            # Stay on the item so that the text that could not be saved is not lost.
            selection = self.list.selectionModel()
            selection.blockSignals(True)
            self.list.setCurrentIndex(previous)
            selection.blockSignals(False)
            return
        item = self.model.items[current.row()] if current.isValid() else None
        self.item_id = item.id if item else None
        if item is not None:
            self._followup_view = False
        self._show_item(item)

    def discard_invalid_text(self) -> bool:
        return self._discard_invalid_text()

    def _discard_invalid_text(self) -> bool:
        """Ask before leaving an item whose text could not be saved; True = leave anyway.

        The same question as every other page (ui/widgets/unsaved.py)."""
        from trygghetsrad.ui.widgets.unsaved import ask_discard

        return ask_discard(
            self,
            [lab.text() for lab in self.field_errors.values() if lab.text()],
            go_on_hint=self.tr(
                "Allt annat i punkten är sparat. Gå tillbaka för att rätta texten, "
                "eller släng den ändringen och fortsätt."
            ),
        )

    def _show_item(self, item: AgendaItemData | None, keep_text: bool = False) -> None:
        self._item_fields_visible(True)
        self.editor.setEnabled(item is not None)
        if not keep_text:
            self.show_field_errors({})
        self._loading = True
        try:
            if item is None:
                for edit in (self.title,):
                    edit.clear()
                self.body.clear()
                self.notes.clear()
                self.decisions.clear()
                self.action_model.set_records([])
                self.followup_box.hide()
                return
            if not (keep_text and (self.title.hasFocus() or self.field_errors["title"].text())):
                self.title.setText(item.title)
            self.internal.setChecked(item.internal)
            if not keep_text:
                self.body.setPlainText(item.body)
                self.notes.set_notes(list(item.notes))  # type: ignore[arg-type]
                self.decisions.setPlainText(
                    "\n".join(("(intern) " if d.internal else "") + d.text for d in item.decisions)
                )
            self.action_model.set_records(item.actions)
            followup = item.kind is ItemKind.FOLLOWUP
            self.followup_box.setVisible(followup)
            self.actions_box.setVisible(not followup)
            self.decisions.setVisible(not followup)
            self.notes.setMaximumHeight(90 if followup else 16_777_215)
            if not keep_text:
                self._saved = self._snapshot()
        finally:
            self._loading = False

    # -- saving ----------------------------------------------------------------------------

    def _schedule_save(self, *_args: object) -> None:
        if (
            not self._loading
            and self.item_id is not None
            and self.meeting
            and self.meeting.editable
        ):
            self._autosaver.changed()

    def save_now(self) -> bool:
        """Write the current item's text fields (autosave); keeps the text on an error."""
        self._autosaver.cancel()
        if self.item_id is None or self.meeting is None or not self.meeting.editable:
            return True
        item_id = self.item_id
        snapshot = self._snapshot()
        if snapshot == self._saved:
            return True  # nothing typed since the item was loaded or last saved
        title, body, internal = (
            self.title.text(),
            self.body.toPlainText(),
            self.internal.isChecked(),
        )
        notes = self.notes.notes()
        decisions = [
            Note(line.strip()[len("(intern)") :].strip(), 0, True)
            if line.strip().lower().startswith("(intern)")
            else Note(line.strip())
            for line in self.decisions.toPlainText().splitlines()
            if line.strip()
        ]
        try:
            with self.ctx.database.session() as s:
                errors = agenda_service.save_item_fields(
                    s,
                    item_id,
                    title=title,
                    body=body,
                    internal=internal,
                    notes=notes,
                    decisions=decisions,
                )
        except UserError as exc:
            self.show_error(str(exc))
            return False
        self.error.hide()
        self.show_field_errors(errors)
        self._refresh_row(item_id)
        if not errors:
            self._saved = snapshot
        return not errors

    def _snapshot(self) -> tuple[object, ...]:
        """What the editor holds, to tell whether there is anything to save."""
        return (
            self.item_id,
            self.title.text(),
            self.body.toPlainText(),
            self.internal.isChecked(),
            tuple(self.notes.notes()),
            self.decisions.toPlainText(),
        )

    def _refresh_row(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            with self.ctx.database.session() as s:
                fresh = agenda_service.get_item(s, item_id)
            internal_changed = self.model.items[row].internal != fresh.internal
            self.model.items[row] = fresh
            index = self.model.index(row)
            # An item made internal gives up its number: the ones after it move up.
            last = self.model.index(self.model.rowCount() - 1) if internal_changed else index
            self.model.dataChanged.emit(index, last)

    # -- agenda editing --------------------------------------------------------------------

    def new_item(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        self.save_now()
        meeting_id = self.meeting.id
        position = self.model.row_of(self.item_id) + 1 if self.item_id is not None else None
        created: dict[str, int] = {}

        def do(s: Any) -> None:
            created["id"] = agenda_service.add_item(
                s, meeting_id, title=self.tr("Ny punkt"), position=position
            ).id

        def undo(s: Any) -> None:
            if "id" in created:
                agenda_service.delete_item(s, created["id"])

        self.undo_stack.push(_ServiceCommand(self, self.tr("Ny dagordningspunkt"), do, undo))
        if "id" in created:
            self.select_item(created["id"])
            self.title.setFocus()
            self.title.selectAll()

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def select_relative(self, delta: int) -> None:
        row = self.list.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def shift_item(self, delta: int) -> None:
        if self.item_id is None:
            return
        row = self.model.row_of(self.item_id)
        target = row + delta
        if 0 <= target < self.model.rowCount():
            self.move_item(self.item_id, target)

    def move_item(self, item_id: int, position: int) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        self.save_now()
        old = self.model.row_of(item_id)
        title = self.model.items[old].title if old >= 0 else ""
        self.item_id = item_id
        self.undo_stack.push(
            _ServiceCommand(
                self,
                self.tr("Flytta ”{title}”").format(title=title),
                lambda s: agenda_service.move_item(s, item_id, position),
                lambda s: agenda_service.move_item(s, item_id, old),
            )
        )
        self.select_item(item_id)

    def delete_item(self) -> None:
        if self.item_id is None or self.meeting is None:
            return
        item = self.model.items[self.model.row_of(self.item_id)]
        if item.notes or item.actions:
            answer = QMessageBox.question(
                self,
                self.tr("Ta bort punkten"),
                self.tr("Ta bort ”{title}” med dess anteckningar och uppdrag?").format(
                    title=item.title
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        item_id = self.item_id
        self.save_now()  # what was typed is part of what undo brings back
        self.item_id = None
        self.record(
            self.tr("Ta bort punkten ”{title}”").format(title=item.title),
            lambda s: agenda_service.delete_item(s, item_id),
            select=item_id,
        )

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        if self.meeting is None:
            return
        with self.ctx.database.session() as s:
            templates = [
                t
                for gid in self.meeting.group_ids
                for t in agenda_service.list_templates(s, group_id=gid)
            ]
        if not templates:
            action = self.template_menu.addAction(self.tr("Gruppen har ingen mall"))
            action.setEnabled(False)
        meeting_id = self.meeting.id
        with self.ctx.database.session() as s:
            groups = [g for g in register.list_groups(s) if g.id in self.meeting.group_ids]
        for template in templates:
            self.template_menu.addAction(
                template.name,
                lambda t=template.id, name=template.name: self.record(
                    self.tr("Fyll dagordningen från mallen ”{name}”").format(name=name),
                    lambda s: agenda_service.apply_template(s, meeting_id, t),
                ),
            )
        self.template_menu.addSeparator()
        for group in groups:
            self.template_menu.addAction(
                self.tr("Spara dagordningen som mall för {group}").format(group=group.name),
                lambda g=group.id, name=group.name: self.record(
                    self.tr("Spara dagordningen som mall för {group}").format(group=name),
                    lambda s: agenda_service.save_as_template(s, meeting_id, g),
                ),
            )
        for group in groups:
            self.template_menu.addAction(
                self.tr("Redigera mallen för {group}…").format(group=group.name),
                lambda g=group: self.edit_template(g.id, g.name),
            )

    def edit_template(self, group_id: int, group_name: str) -> None:
        """Edit a group's standard agenda: one item title per line."""
        with self.ctx.database.session() as s:
            existing = next(iter(agenda_service.list_templates(s, group_id=group_id)), None)

        def save(values: dict[str, Any]) -> None:
            fields = {"group_id": group_id, "name": values["name"], "items": values["items"]}

            def write(s: Any) -> Any:
                if existing is None:
                    return agenda_service.create_template(s, **fields)
                return agenda_service.update_template(s, existing.id, **fields)

            with self.ctx.database.session() as s:  # checked first: errors show at the field
                write(s)
                s.rollback()
            self.record(self.tr("Ändra mallen för {group}").format(group=group_name), write)

        dialog = TemplateDialog(
            group_name,
            existing.name if existing else self.tr("Standarddagordning"),
            existing.items if existing else (),
            save,
            self,
        )
        dialog.open()
        self.template_dialog = dialog

    def copy_previous(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        self.save_now()
        failed: list[str] = []
        ok, count = push_recorded(
            self.undo_stack,
            self.ctx,
            self.tr("Kopiera förra mötets dagordning"),
            lambda s: agenda_service.copy_previous_agenda(s, meeting_id),
            parent_widget=self,
            on_error=failed.append,
            on_undone=self.reload,
            on_redone=self.reload,
        )
        if not ok:
            self._tell(failed[0] if failed else "")
            return
        if not count:
            self._tell(
                self.tr(
                    "Dagordningen har redan alla punkter från gruppens förra möte; "
                    "inget kopierades."
                )
            )
            return
        self.reload()
        self.changed.emit()
        self.ctx.events.status_message.emit(
            self.tr("Kopierade {items} från förra mötet.").format(
                items=plural(count, self.tr("punkt"), self.tr("punkter"))
            )
        )

    def _tell(self, text: str) -> None:
        """Feedback the user must not miss (the inline error may be scrolled out of view)."""
        self.ctx.events.status_message.emit(text)
        QMessageBox.information(self, self.tr("Kopiera förra"), text)

    def plan_next(self) -> None:
        if self.meeting is None:
            return
        with self.ctx.database.session() as s:
            groups = [g for g in register.list_groups(s) if g.id in self.meeting.group_ids]
        meeting_id = self.meeting.id
        day = self.meeting.day

        def save(values: dict[str, Any]) -> None:
            with self.ctx.database.session() as s:  # checked first: errors show in the dialog
                meeting_service.plan_next_meetings(s, meeting_id, values["plans"])
                s.rollback()
            self.record(
                self.tr("Planera nästa möte"),
                lambda s: meeting_service.plan_next_meetings(s, meeting_id, values["plans"]),
            )

        from datetime import timedelta

        dialog = NextMeetingDialog(groups, day + timedelta(weeks=12), save, self)
        dialog.open()
        self.next_dialog = dialog

    # -- actions ---------------------------------------------------------------------------

    def _people_and_orgs(self) -> tuple[list[Any], list[Any]]:
        with self.ctx.database.session() as s:
            return register.list_people(s), register.list_organisations(s)

    def new_action(self) -> None:
        if self.item_id is None or self.meeting is None or not self.meeting.editable:
            return
        item_id = self.item_id
        people, orgs = self._people_and_orgs()

        created: dict[str, int] = {}

        def add(s: Any, values: dict[str, Any]) -> None:
            created["id"] = action_service.add_action(s, item_id, **values).id

        def save(values: dict[str, Any]) -> None:
            with self.ctx.database.session() as s:
                add(s, values)
            self.undo_stack.push(
                _ServiceCommand(
                    self,
                    self.tr("Nytt uppdrag: {what}").format(what=values["what"].strip()),
                    lambda s: add(s, values),
                    lambda s: action_service.delete_action(s, created["id"]),
                    done=True,
                )
            )

        dialog = ActionDialog(people, orgs, save, self)
        dialog.open()
        self.action_dialog = dialog

    def _selected(self, view: QTableView, model: Any) -> Any:
        index = view.currentIndex()
        return model.record(index.row()) if index.isValid() else None

    def edit_action(self) -> None:
        action = self._selected(self.actions, self.action_model)
        if action is None:
            return
        people, orgs = self._people_and_orgs()

        item_id = self.item_id

        def save(values: dict[str, Any]) -> None:
            with self.ctx.database.session() as s:  # checked first: errors show at the field
                action_service.update_action(s, action.id, **values)
                s.rollback()
            self.record(
                self.tr("Ändra uppdraget ”{what}”").format(what=action.what),
                lambda s: action_service.update_action(s, action.id, **values),
                select=item_id,
            )

        dialog = ActionDialog(
            people,
            orgs,
            save,
            self,
            values={
                "what": action.what,
                "responsibles": action.responsibles,
                "due_date": action.due_date,
                "internal": action.internal,
                "status": action.status,
            },
        )
        dialog.open()
        self.action_dialog = dialog

    def delete_action(self) -> None:
        action = self._selected(self.actions, self.action_model)
        if action is not None:
            self.record(
                self.tr("Ta bort uppdraget ”{what}”").format(what=action.what),
                lambda s: action_service.delete_action(s, action.id),
                select=self.item_id,
            )
