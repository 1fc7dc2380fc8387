"""The Möten tab: the list of meetings and, for the selected one, its details, attendance,
agenda and minutes, status lifecycle and exports."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.changes import MEETINGS, REGISTER, Changes
from trygghetsrad.domain.meetings.model import (
    MeetingDetail,
    MeetingStatus,
    MeetingSummary,
)
from trygghetsrad.errors import UserError
from trygghetsrad.services import register
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.agenda import AgendaPanel
from trygghetsrad.ui.meetings.header import MeetingHeader
from trygghetsrad.ui.meetings.list_pane import MeetingListPane
from trygghetsrad.ui.meetings.page_actions import MeetingCommandsMixin
from trygghetsrad.ui.meetings.page_parts import ATTENDANCE, DETAILS, NOTICE, MeetingPartsMixin
from trygghetsrad.ui.widgets.empty_state import EmptyState
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.service_calls import read
from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage


class MeetingsPage(MeetingCommandsMixin, MeetingPartsMixin, UndoScopedPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Möten"))
        self.undo_stack = self.own_undo_stack(ctx.undo_group)
        self._meeting: MeetingDetail | None = None
        # The meeting to open first is chosen (and its agenda read) right after the page's
        # first paint, so that the list shows at once; asking for `meeting` settles it now.
        self._first_choice_pending = True
        self._details_refreshed = False
        # Set while the page itself moves the list's current row: the view must still be
        # told (blocking the selection model's signals left the old row highlighted).
        self._moving_row = False
        self.last_export: Path | None = None
        self._tasks: list[Any] = []
        self._build()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.reload()
        if self._meeting is None:
            self.stack.setCurrentWidget(self.loading)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter()
        layout.addWidget(splitter)

        self.list_pane = pane = MeetingListPane()
        self.new_button = pane.new_button
        self.new_button.clicked.connect(self.new_meeting)
        self.group_filter = pane.group_filter
        self.group_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.model, self.proxy, self.table = pane.model, pane.proxy, pane.table
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        pane.stats_button.clicked.connect(self.show_stats)
        splitter.addWidget(pane)

        self.stack = QStackedWidget()
        self.empty = EmptyState(
            self.tr("Inget möte valt"),
            self.tr(
                "Välj ett möte i listan eller skapa ett nytt. Här skriver du sedan dagordning, "
                "anteckningar, beslut och uppdrag, och skickar kallelse och protokoll."
            ),
        )
        self.stack.addWidget(self.empty)
        editor = QWidget()
        editor_box = QVBoxLayout(editor)
        editor_box.setContentsMargins(8, 0, 0, 0)
        editor_box.addWidget(self._build_header())
        editor_box.addWidget(self._build_tabs(), 1)
        self.stack.addWidget(editor)
        self.loading = QLabel(self.tr("Läser in …"))
        self.loading.setProperty("role", "hint")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        splitter.addWidget(self.stack)
        splitter.setSizes([440, 960])  # the editor keeps room on a narrow laptop screen
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_meeting)

    def _build_header(self) -> MeetingHeader:
        self.header = header = MeetingHeader()
        slots = {
            "start": self.start_minutes,
            "finalise": self.finalise,
            "unfinalise": self.unfinalise,
            "send": self.mark_sent,
            "reopen": self.reopen,
            "cancel": self.cancel_meeting,
            "uncancel": self.restore_meeting,
        }
        header.lifecycle_requested.connect(lambda key: slots[key]())
        header.preview_requested.connect(self.preview)
        header.export_requested.connect(self.export)
        # The header's parts under the names the page has always had.
        self.title, self.status, self.when = header.title, header.status, header.when
        self.revision, self.lifecycle_buttons = header.revision, header.lifecycle_buttons
        self.include_internal = header.include_internal
        self.preview_button, self.export_button = header.preview_button, header.export_button
        return header

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Mötets delar"))
        self.agenda = AgendaPanel(self.ctx, self.undo_stack)
        self.tabs.addTab(self.agenda, self.tr("Dagordning och anteckningar"))
        self._add_parts()  # Närvaro, Uppgifter om mötet, Kallelse, Versioner (page_parts)
        return self.tabs

    @property
    def meeting(self) -> MeetingDetail | None:
        self.settle()
        return self._meeting

    @meeting.setter
    def meeting(self, meeting: MeetingDetail | None) -> None:
        self._first_choice_pending = False  # a meeting was chosen (or cleared) explicitly
        self._meeting = meeting

    def settle(self) -> None:
        """Open the first meeting now if that has not happened yet (normally it happens
        right after the page's first paint)."""
        if self._first_choice_pending:
            self._first_choice_pending = False
            if self._meeting is None:
                self._select_current()
            if self._meeting is None and self.stack.currentWidget() is self.loading:
                self.stack.setCurrentWidget(self.empty)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._first_choice_pending:
            QTimer.singleShot(0, self.settle)  # after this paint
        return super().event(event)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        selected_group = self.group_filter.currentData()
        groups, meetings = read(
            self.ctx,
            lambda s: (
                register.list_groups(s),
                meeting_service.list_meetings(s, group_id=selected_group),
            ),
        )
        if self.group_filter.count() != len(groups) + 1:
            self.group_filter.blockSignals(True)
            self.group_filter.clear()
            self.group_filter.addItem(self.tr("Alla grupper"), None)
            for g in groups:
                self.group_filter.addItem(g.name, g.id)
            self.group_filter.blockSignals(False)
        current = self._meeting.id if self._meeting else None
        was_empty = self.model.rowCount() == 0
        self.model.set_rows(meetings)
        if current is not None and self.model.row_of(current) >= 0:
            self.select_meeting(current)
        elif current is not None:
            self.show_meeting(None)
        elif was_empty and meetings and not self._first_choice_pending:
            # The first meetings (the example data, an import): open one as at start-up.
            self._select_current()

    def _select_current(self) -> None:
        """Open what the coordinator most likely works on: the draft in progress, else the
        next meeting, else the latest one."""
        records = sorted(self.model.rows(), key=lambda m: (m.day, m.start_time or time(0)))
        today = date.today()
        drafts = [m for m in records if m.status is MeetingStatus.DRAFT]
        upcoming = [m for m in records if m.day >= today]
        chosen = (drafts or upcoming or records[-1:] or [None])[-1 if drafts else 0]
        if chosen is not None:
            self.select_meeting(chosen.id)

    def open_owner(self, kind: str, record_id: int) -> bool:
        """Show the record a calendar item belongs to ("meeting" or "action_item"), e.g. when
        the annual wheel asks to edit it, in the agenda. False when it no longer exists."""
        from trygghetsrad.domain.calendar_items import Owner

        if not self.open_record(Owner(MEETINGS, kind, record_id)):
            return False
        self.tabs.setCurrentWidget(self.agenda)
        return True

    def open_record(self, owner: Any) -> bool:
        """Show `owner` (search, wheel): a meeting, or the agenda item of an item, note,
        decision or action selected in its meeting (and the action in the Uppdrag table)."""
        try:
            meeting_id, item_id, action_id = read(
                self.ctx, lambda s: meeting_service.locate(s, owner.kind, owner.id)
            )
        except UserError:
            return False
        if self.model.row_of(meeting_id) < 0 and self.group_filter.currentIndex() != 0:
            self.group_filter.setCurrentIndex(0)  # the meeting may belong to another group
            self.reload()
        if self.model.row_of(meeting_id) < 0:
            return False
        self.select_meeting(meeting_id)
        if item_id is not None:
            self.tabs.setCurrentWidget(self.agenda)
            self.agenda.select_item(item_id)
            if owner.kind == "agenda_item" and self.agenda.structure.holds_facts:
                # A hit may be in the Dnr, the presenter or the proposal: show them.
                self.agenda.structure.set_expanded(True)
            row = self.agenda.action_model.row_of_key(action_id) if action_id else -1
            if row >= 0:
                self.agenda.actions.selectRow(row)
                self.agenda.actions.scrollTo(self.agenda.action_model.index(row, 0))
        return True

    def select_meeting(self, meeting_id: int) -> None:
        row = self.model.row_of(meeting_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._move_row(index)
        self.show_meeting(meeting_id)

    def _move_row(self, index: QModelIndex) -> None:
        """Make `index` the list's current, selected row without opening it again."""
        self._moving_row = True
        try:
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())
        finally:
            self._moving_row = False

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._moving_row:
            return
        refused = (
            self._refusing_part() if self._meeting is not None and previous.isValid() else None
        )
        if refused is not None:
            # Stay on the meeting so that the text that could not be saved is not lost. A
            # click that asked to leave is still being handled by the list once this returns
            # (it selects the row clicked and takes the cursor): settle after it as well.
            kept = QPersistentModelIndex(previous)
            self._move_row(previous)
            QTimer.singleShot(0, lambda: self._stay_on(kept, refused))
            return
        meeting_id = current.data(Role.KEY) if current.isValid() else None
        self.show_meeting(meeting_id)

    def _refusing_part(self) -> QWidget | None:
        """The editor (agenda item or meeting details) holding text that could not be saved
        and that the user chose to go back to, else None (leaving is fine)."""
        if not self.agenda.save_now() and not self.agenda.discard_invalid_text():
            return self.agenda.item_editor
        return None if self._details_may_leave() else self.details

    def _stay_on(self, kept: QPersistentModelIndex, refused: QWidget) -> None:
        from trygghetsrad.ui.widgets.unsaved import reveal  # start-up time: on first use

        if kept.isValid():
            self._move_row(self.proxy.index(kept.row(), kept.column()))
        reveal(refused)  # its tab shown, the cursor where the value is to be corrected

    def _details_may_leave(self) -> bool:
        """Store the details; when they cannot be stored (an end before the start), show them
        and ask: True = leave (dropping the edit), False = stay with what was typed."""
        details = self.built_part(DETAILS)
        if details is None or details.save_now():
            return True
        self.tabs.setCurrentWidget(self.details_tab)  # "Uppgifter om mötet"
        return bool(details.discard_invalid_edits())

    def _flush_edits(self) -> bool:
        """Store every pending edit of the page (agenda and details) before an export, a
        preview or a status change, so that it uses what the user sees."""
        agenda_ok = self.agenda.save_now()
        details, notice = self.built_part(DETAILS), self.built_part(NOTICE)
        details_ok = details is None or details.save_now()
        notice_ok = notice is None or not notice.autosaver.pending or notice.save()
        return bool(agenda_ok and details_ok and notice_ok)

    def _refuse_unsaved(self, title: str) -> None:
        QMessageBox.warning(
            self,
            title,
            self.tr(
                "Alla ändringar kunde inte sparas. Rätta det som är markerat i rött först, "
                "så kommer ändringarna med."
            ),
        )

    def show_meeting(self, meeting_id: int | None) -> None:
        details = self.built_part(DETAILS)
        if details is not None and self._meeting is not None and meeting_id != self._meeting.id:
            details.save_now()
        if meeting_id is None:
            self.agenda.set_meeting(None)
            self.meeting = None
            self.stack.setCurrentWidget(self.empty)
            return
        meeting = read(self.ctx, lambda s: meeting_service.get_meeting(s, meeting_id))
        changed = self._meeting is None or self._meeting.id != meeting_id
        self.meeting = meeting
        self.stack.setCurrentIndex(1)
        self._show_header(meeting)
        if changed:
            self.agenda.set_meeting(meeting)
        else:
            self.agenda.reload()
        self._show_in_parts(meeting)

    def _show_header(self, meeting: MeetingDetail) -> None:
        self.header.show_meeting(meeting)

    def _on_data_changed(self, changes: Changes) -> None:
        if self._details_refreshed:
            return  # this page's own details save: its list row and header are up to date
        attendance = self.built_part(ATTENDANCE)
        if attendance is not None and changes.touches(REGISTER):
            # Memberships may have changed: the attendance of the meeting shown follows them.
            attendance.sync_with_register()
        if changes.touches(MEETINGS, REGISTER):
            self.reload()

    def _on_meeting_deleted(self, _meeting_id: int) -> None:
        self.agenda.set_meeting(None)
        self.meeting = None
        self.stack.setCurrentWidget(self.empty)
        self.ctx.events.changed(Changes.of(MEETINGS))

    def _on_details_saved(self) -> None:
        # An autosave of the details runs on every pause in typing: refresh only what they
        # show elsewhere (the meeting's list row and the header), not the whole page.
        self._details_refreshed = self._refresh_after_details()
        try:
            self.ctx.events.changed(Changes.of(MEETINGS))  # other pages (wheel, search)
        finally:
            self._details_refreshed = False

    def _refresh_after_details(self) -> bool:
        """Update the list row and header of the meeting whose details were stored, and the
        agenda/attendance only where they depend on what changed; False = reload instead."""
        old = self._meeting
        if old is None or self.model.row_of(old.id) < 0:
            return False
        meeting = read(self.ctx, lambda s: meeting_service.get_meeting(s, old.id))
        group = self.group_filter.currentData()
        if group is not None and group not in meeting.group_ids:
            return False  # it leaves the filtered list
        summary = MeetingSummary(
            **{f.name: getattr(meeting, f.name) for f in fields(MeetingSummary)}
        )
        records = list(self.model.rows())
        records[self.model.row_of(meeting.id)] = summary
        self.model.set_rows(records)
        self.meeting = meeting
        self._show_header(meeting)
        self.details.meeting = meeting
        attendance = self.built_part(ATTENDANCE)  # else it shows the meeting when built
        if attendance is not None and (old.day, old.group_ids) != (meeting.day, meeting.group_ids):
            attendance.set_meeting(meeting)  # the members on that day
        elif attendance is not None:
            attendance.meeting = meeting
        self.agenda.meeting = meeting
        if (old.kind, old.first_paragraph) != (meeting.kind, meeting.first_paragraph):
            self.agenda.reload()  # the § numbers
        return True

    # -- commands --------------------------------------------------------------------------
