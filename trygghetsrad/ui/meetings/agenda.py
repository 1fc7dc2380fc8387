"""The agenda and minute-taking panel: numbered items, bullets, decisions, actions, follow-up.

Layout and loading live here; the item editor form is agenda_editor.py, the edits
agenda_actions.py, the follow-up of earlier actions followup.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.domain.meetings.model import AgendaItemData, ItemKind, MeetingDetail
from trygghetsrad.services import register, settings
from trygghetsrad.services.meetings import actions as action_service
from trygghetsrad.services.meetings import agenda as agenda_service
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.services.meetings.read import locked_reason
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.agenda_actions import AgendaActionsMixin
from trygghetsrad.ui.meetings.agenda_editor import ItemEditor
from trygghetsrad.ui.meetings.followup import FollowupMixin
from trygghetsrad.ui.meetings.item_structure import ItemStructureFields, reference_choices
from trygghetsrad.ui.meetings.models import ActionModel, AgendaModel
from trygghetsrad.ui.widgets import phrases
from trygghetsrad.ui.widgets.attachments import AttachmentsBox
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.service_calls import read, store

SHORTCUTS = (
    "Enter ny punkt · Tab / Shift+Tab nivå · Enter på tom punkt: löptext · "
    "Ctrl+I intern anteckning · "
    "Ctrl+Enter ny dagordningspunkt · Ctrl+Shift+A nytt uppdrag · "
    "Ctrl+Upp / Ctrl+Ned flytta punkten · Ctrl+PgUp / Ctrl+PgDn föregående / nästa punkt · "
    "Ctrl+Tab lämna anteckningarna"
)


class AgendaPanel(AgendaActionsMixin, FollowupMixin, QWidget):
    def __init__(self, ctx: AppContext, undo_stack: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.undo_stack = undo_stack
        self.meeting: MeetingDetail | None = None
        self.item_id: int | None = None
        self._loading = False
        self._followup_view = False  # the follow-up is shown in place of an item
        self._moving_item = False  # the panel itself moves the list's current item
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
        splitter.addWidget(self._build_list_side())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._build_editor_side())
        splitter.addWidget(scroll)
        self.editor_scroll = scroll
        splitter.setSizes([240, 920])  # the editor keeps room on a narrow laptop screen
        self._add_shortcuts()

    def _build_list_side(self) -> QWidget:
        """The numbered agenda, the buttons under it and the keyboard help."""
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
        left_box.addLayout(self._build_item_buttons())
        left_box.addLayout(self._build_agenda_buttons())
        # Open actions of the group's earlier meetings, when no agenda item follows them up.
        self.followup_apart_button = self._button(
            self.tr("Uppföljning av uppdrag"),
            self.show_followup,
            self.tr("Visa uppföljningen av uppdrag från tidigare möten"),
        )
        self.followup_apart_button.hide()
        left_box.addWidget(self.followup_apart_button)
        # Under the agenda list, where there is height to spare: the editor keeps its room.
        self.shortcuts_hint = help_label = QLabel(self.tr(SHORTCUTS))
        help_label.setProperty("role", "hint")
        help_label.setWordWrap(True)
        help_label.setAccessibleName(self.tr("Kortkommandon"))
        left_box.addWidget(help_label)
        return left

    def _build_item_buttons(self) -> QHBoxLayout:
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
        return row

    def _build_agenda_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
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
            row.addWidget(b)
        return row

    def _build_editor_side(self) -> QWidget:
        """The item editor, the item's actions, the follow-up and the error line."""
        right = QWidget()
        form_box = QVBoxLayout(right)
        form_box.setContentsMargins(8, 0, 0, 0)
        self._editor_box = form_box
        # Finalised or sent minutes: why nothing can be typed, and what opens them again.
        self.locked_line = QLabel()
        self.locked_line.setProperty("role", "warning")
        self.locked_line.setWordWrap(True)
        self.locked_line.setAccessibleName(self.tr("Varför punkterna inte kan ändras"))
        self.locked_line.hide()
        form_box.addWidget(self.locked_line)
        self.item_editor = editor = ItemEditor()
        editor.edited.connect(self._schedule_save)
        editor.notes.new_item_requested.connect(self.new_item)
        # The editor's fields under the names the panel has always had.
        self.title, self.internal, self.body = editor.title, editor.internal, editor.body
        self.notes, self.decisions = editor.notes, editor.decisions
        self.field_errors = editor.field_errors
        # The item as councils write it (kind, föredragande, Dnr, time, proposal, …).
        self.structure = ItemStructureFields(
            self.record,
            lambda fn: store(self.ctx, fn),
            self.undo_stack,
            lambda: read(self.ctx, register.list_people),
        )
        editor.title_row.addWidget(self.structure.toggle)
        editor.layout().insertWidget(1, self.structure)  # below the text, above the notes
        # The item's files. Without files only a "Bifoga fil…" button in the title row, so
        # the Uppdrag buttons stay in view on a small screen; with files, their list and
        # Öppna/Ta bort under the text.
        self.item_attachments = AttachmentsBox(
            self.ctx,
            lambda: self.undo_stack,
            OwnerKind.ITEM,
            label=self.tr("Bilagor till punkten:"),
        )
        self.item_attachments.hide()
        editor.layout().insertWidget(2, self.item_attachments)
        self.attach_button = QToolButton()  # short: the title keeps its width beside it
        self.attach_button.setText(self.tr("Bifoga…"))
        self.attach_button.setToolTip(self.tr("Bifoga en fil till punkten (en bilaga)"))
        self.attach_button.setAccessibleName(self.tr("Bifoga fil till punkten"))
        self.attach_button.clicked.connect(lambda: self.item_attachments.add_files())
        editor.title_row.addWidget(self.attach_button)

        def listed(count: int) -> None:
            self.item_attachments.setVisible(count > 0)
            self.attach_button.setVisible(count == 0)
            self.attach_button.setEnabled(self.item_attachments.add_button.isEnabled())

        self.item_attachments.listed.connect(listed)
        # Ctrl+Space: the standard phrases of the settings, where the minutes are written.
        self._phrase_menus = phrases.attach(
            (editor.body, editor.notes, editor.decisions, self.structure.proposal),
            lambda: read(self.ctx, settings.load_phrases),
        )
        form_box.addWidget(editor, 3)
        form_box.addWidget(self._build_actions_box(), 1)
        form_box.addWidget(self._build_followup(), 2)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form_box.addWidget(self.error)
        self.editor = right
        return right

    def _build_actions_box(self) -> QGroupBox:
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
        self.actions_box = actions_box
        return actions_box

    def _add_shortcuts(self) -> None:
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

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ctx.events.status_message.emit(text)

    def show_field_errors(self, errors: dict[str, str]) -> None:
        """Show each message right below its field (visible at 768 px) and in the status bar."""
        self.item_editor.show_field_errors(errors)
        if errors:
            self.ctx.events.status_message.emit(
                self.tr("Punkten sparades utom: {errors}").format(errors=" ".join(errors.values()))
            )

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        """Show `meeting` (as just read by the caller) with its first item selected."""
        self.save_now()
        self.meeting = meeting
        # A follow-up row chosen in one meeting is not a choice made in the next.
        self.followup.selectionModel().clear()
        self.item_id = None
        self._followup_view = False
        self.reload(meeting_is_fresh=True)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))  # shows that item
        elif self.followup_apart_button.isVisibleTo(self):
            self.show_followup()  # nothing on the agenda yet: what is to be followed up

    def reload(self, *, meeting_is_fresh: bool = False) -> None:
        """Read the meeting's agenda and follow-up again (and the meeting, unless the caller
        has just read it)."""
        if self.meeting is None:
            self.model.set_items([], lambda i: "")
            self._show_item(None)
            return
        given = self.meeting if meeting_is_fresh else None
        meeting_id = self.meeting.id
        self.meeting, items, followup = read(
            self.ctx,
            lambda s: (
                given or meeting_service.get_meeting(s, meeting_id),
                agenda_service.get_agenda(s, meeting_id),
                action_service.followup(s, meeting_id),
            ),
        )
        meeting = self.meeting

        def numbering(row: int) -> str:  # as the export numbers them (internal items: none)
            return MeetingDocument(meeting, items=tuple(self.model.items)).number(row) or "–"

        current = self.item_id
        self.model.set_items(items, numbering)
        self.followup_model.set_rows(followup)
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
        self.item_editor.set_editable(editable)
        self.structure.set_editable(editable)
        locked = locked_reason(self.meeting.kind.value, self.meeting.status.value)
        self.locked_line.setText(locked or "")
        self.locked_line.setVisible(locked is not None)
        self.shortcuts_hint.setVisible(editable)  # keys that would do nothing
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            self.move_current(self.model.index(row))
            self._show_item(self.model.items[row], keep_text=True)
        elif self._followup_view:
            self.item_id = None
            self._show_followup_only()
        else:
            self.item_id = None  # the item is gone (deleted, or its creation undone)
            if not (meeting_is_fresh and self.model.rowCount()):
                self._show_item(None)  # else set_meeting selects the first item right away

    def _item_fields_visible(self, visible: bool) -> None:
        self.item_editor.set_fields_visible(visible)
        self.item_editor.setVisible(visible)
        self.actions_box.setVisible(visible)

    def move_current(self, index: QModelIndex) -> None:
        """Make `index` (invalid: none) the list's current item without showing it anew.

        The view is told, so its highlight follows; only this panel's handler keeps still."""
        self._moving_item = True
        try:
            self.list.setCurrentIndex(index)
            if not index.isValid():
                self.list.clearSelection()
        finally:
            self._moving_item = False

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._moving_item:
            return
        if not self.save_now() and previous.isValid() and not self._discard_invalid_text():
            # Stay on the item so that the text that could not be saved is not lost.
            self.move_current(previous)
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
            self.item_editor.error_texts(),
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
            self.item_attachments.set_owner(
                None if item is None else item.id,
                editable=self.meeting is not None and self.meeting.editable,
            )
            if item is None:
                self.item_editor.clear()
                self.structure.show_item(None, [])
                self.action_model.set_rows([])
                self.followup_box.hide()
                return
            shown = self.structure.item
            if shown is None or shown.id != item.id:
                # Another item starts at its top (title, Ärende, Dnr), wherever the last
                # one was scrolled to.
                self.editor_scroll.verticalScrollBar().setValue(0)
            self.item_editor.show_item(item, keep_text=keep_text)
            items = tuple(self.model.items)
            numbers = MeetingDocument(self.meeting, items=items).numbers() if self.meeting else []
            choices = reference_choices(numbers, items) if self.meeting else []
            self.structure.show_item(
                item, choices, keep_text=keep_text, meeting=self.meeting, agenda=items
            )
            self.action_model.set_rows(item.actions)
            followup = item.kind is ItemKind.FOLLOWUP
            self.followup_box.setVisible(followup)
            self.actions_box.setVisible(not followup)
            # The follow-up table takes the height a follow-up item's short notes leave.
            self._editor_box.setStretchFactor(self.item_editor, 0 if followup else 3)
            if not keep_text:
                self._saved = self._snapshot()
        finally:
            self._loading = False

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def select_relative(self, delta: int) -> None:
        row = self.list.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def _selected(self, view: QTableView, model: Any) -> Any:
        index = view.currentIndex()
        return model.record(index.row()) if index.isValid() else None
