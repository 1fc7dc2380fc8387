"""The Möten page's parts behind its first tab: Närvaro, Uppgifter om mötet, Kallelse and
Versioner.

Each is a `LazyTab` built the first time it is shown or asked for (`page.attendance`, …), and
then shows the meeting the page shows. Until then it does not exist, so nothing reads or
stores for it: start-up builds and fills only the agenda, which is what the window opens on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QGroupBox, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.meetings.model import MeetingDetail
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.lazy_tab import LazyTab

if TYPE_CHECKING:
    from trygghetsrad.ui.meetings.attendance import AttendancePanel
    from trygghetsrad.ui.meetings.details import DetailsPanel
    from trygghetsrad.ui.meetings.notice_panel import NoticePanel
    from trygghetsrad.ui.meetings.versions import VersionsPanel
    from trygghetsrad.ui.widgets.attachments import AttachmentsBox

ATTENDANCE, DETAILS, NOTICE, VERSIONS = "attendance", "details", "notice", "versions"


class MeetingPartsMixin:
    """The parts of `MeetingsPage` (which sets `ctx`, `undo_stack`, `tabs` and `_meeting`)."""

    ctx: AppContext
    undo_stack: Any
    tabs: QTabWidget
    _meeting: MeetingDetail | None
    tr: Callable[[str], str]  # QObject.tr, from the page
    _on_details_saved: Callable[[], None]
    _on_meeting_deleted: Callable[[int], None]

    def _add_parts(self) -> None:
        self._parts: dict[str, LazyTab] = {}
        self._panels: dict[str, Any] = {}
        for key, title in (
            (ATTENDANCE, self.tr("Närvaro")),
            (DETAILS, self.tr("Uppgifter om mötet")),
            (NOTICE, self.tr("Kallelse")),
            (VERSIONS, self.tr("Versioner")),
        ):
            part = LazyTab(key, lambda _ctx, key=key: self._build_part(key), self.ctx, scroll=False)
            self._parts[key] = part
            self.tabs.addTab(part, title)
        self.attendance_tab = self._parts[ATTENDANCE]
        self.details_tab = self._parts[DETAILS]
        self.notice_tab = self._parts[NOTICE]
        self.versions_tab = self._parts[VERSIONS]

    # -- the parts, built when first asked for -----------------------------------------------

    @property
    def attendance(self) -> AttendancePanel:
        return cast("AttendancePanel", self._part(ATTENDANCE))

    @property
    def details(self) -> DetailsPanel:
        return cast("DetailsPanel", self._part(DETAILS))

    @property
    def attachments(self) -> AttachmentsBox:
        """The meeting's own files, under its details."""
        self._part(DETAILS)
        return cast("AttachmentsBox", self._panels["attachments"])

    @property
    def notice(self) -> NoticePanel:
        return cast("NoticePanel", self._part(NOTICE))

    @property
    def versions(self) -> VersionsPanel:
        return cast("VersionsPanel", self._part(VERSIONS))

    def _part(self, key: str) -> Any:
        self._parts[key].ensure_page()
        return self._panels[key]

    def built_part(self, key: str) -> Any:
        """The panel of part `key` if it has been built, else None (nothing to store)."""
        return self._panels.get(key)

    def _build_part(self, key: str) -> QWidget:
        builders = {
            ATTENDANCE: self._build_attendance,
            DETAILS: self._build_details,
            NOTICE: self._build_notice,
            VERSIONS: self._build_versions,
        }
        widget = builders[key]()
        if self._meeting is not None:
            self._show_in_part(key, self._meeting)
        return widget

    def _build_attendance(self) -> QWidget:
        from trygghetsrad.ui.meetings.attendance import AttendancePanel

        panel = self._panels[ATTENDANCE] = AttendancePanel(self.ctx, self.undo_stack)
        return panel

    def _build_details(self) -> QWidget:
        from trygghetsrad.ui.meetings.details import DetailsPanel
        from trygghetsrad.ui.widgets.attachments import AttachmentsBox

        details = self._panels[DETAILS] = DetailsPanel(self.ctx, undo_stack=self.undo_stack)
        details.saved.connect(self._on_details_saved)
        details.deleted.connect(self._on_meeting_deleted)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(details)
        # The meeting's own files ("Bilaga 1", … in its notice and minutes, beside the PDF in
        # their e-mail drafts): outside the details form, so they open when it is locked.
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll, 1)
        files = QGroupBox(self.tr("Bilagor till mötet"))
        files_box = AttachmentsBox(self.ctx, lambda: self.undo_stack, OwnerKind.MEETING)
        self._panels["attachments"] = files_box
        QVBoxLayout(files).addWidget(files_box)
        box.addWidget(files)
        return tab

    def _build_notice(self) -> QWidget:
        from trygghetsrad.ui.meetings.notice_panel import NoticePanel

        panel = self._panels[NOTICE] = NoticePanel(self.ctx, undo_stack=self.undo_stack)
        return panel

    def _build_versions(self) -> QWidget:
        from trygghetsrad.ui.meetings.versions import VersionsPanel

        panel = self._panels[VERSIONS] = VersionsPanel(self.ctx)
        return panel

    # -- showing a meeting ---------------------------------------------------------------------

    def _show_in_parts(self, meeting: MeetingDetail) -> None:
        """Show `meeting` in every part built so far (the others show it when built)."""
        for key in (ATTENDANCE, DETAILS, NOTICE, VERSIONS):
            if key in self._panels:
                self._show_in_part(key, meeting)

    def _show_in_part(self, key: str, meeting: MeetingDetail) -> None:
        self._panels[key].set_meeting(meeting)
        if key == DETAILS:
            self._panels["attachments"].set_owner(meeting.id, editable=meeting.editable)
