"""The head of the selected meeting: title, status, when and where, the lifecycle buttons
(Börja anteckna, Justera/Fastställ, …), "Ta med interna punkter", preview and export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingDetail, MeetingKind, MeetingStatus
from trygghetsrad.export.kinds import EXPORTS, MEETING_EXPORTS
from trygghetsrad.ui.meetings.models import STATUS_COLOURS

LIFECYCLE = ("start", "finalise", "unfinalise", "send", "reopen", "cancel", "uncancel")


class MeetingHeader(QWidget):
    """Shows a meeting's head; its buttons only say what was asked for (the page acts)."""

    lifecycle_requested = Signal(str)  # one of LIFECYCLE
    preview_requested = Signal()
    export_requested = Signal(str)  # minutes, notice, email, email_notice, invite

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(self.tr("Mötets rubrik"))
        head.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(head)
        self.when = QLabel()
        self.when.setProperty("role", "hint")
        self.when.setWordWrap(True)  # a long place must not widen the page past a laptop
        box.addWidget(self.when)
        bar = QHBoxLayout()
        self.lifecycle_buttons: dict[str, QPushButton] = {}
        for key, text in zip(
            LIFECYCLE,
            (
                self.tr("Börja anteckna"),
                self.tr("Justera…"),
                self.tr("Ångra justering"),
                self.tr("Markera som skickat"),
                self.tr("Öppna för ändring…"),
                self.tr("Ställ in mötet…"),
                self.tr("Ångra inställt möte"),
            ),
            strict=True,
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _c=False, k=key: self.lifecycle_requested.emit(k))
            bar.addWidget(button)
            self.lifecycle_buttons[key] = button
        bar.addStretch(1)
        self._build_document_buttons(head)
        box.addLayout(bar)
        self.revision = QLabel()
        self.revision.setProperty("role", "hint")
        self.revision.setWordWrap(True)
        box.addWidget(self.revision)

    def _build_document_buttons(self, head: QHBoxLayout) -> None:
        self.include_internal = QCheckBox(self.tr("Ta med interna punkter"))
        self.include_internal.setAccessibleName(self.tr("Ta med interna punkter i exporten"))
        # Beside the title, so that the row of lifecycle buttons fits a laptop at 125 %.
        head.addWidget(self.include_internal)
        self.preview_button = QPushButton(self.tr("Förhandsgranska"))
        self.preview_button.setAccessibleName(self.tr("Förhandsgranska protokollet"))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit())
        head.addWidget(self.preview_button)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Exportera"))
        self.export_button.setAccessibleName(self.tr("Exportera"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        actions = {
            kind: menu.addAction(
                EXPORTS[kind].menu + "…", lambda k=kind: self.export_requested.emit(k)
            )
            for kind in MEETING_EXPORTS
        }
        # Chosen items of finalised minutes, for the office a decision concerns.
        self.extract_action = actions["extract"]
        self.export_button.setMenu(menu)
        head.addWidget(self.export_button)

    def show_meeting(self, meeting: MeetingDetail) -> None:
        self.title.setText(meeting.title)
        self.when.setText(
            ", ".join(p for p in (meeting.when, meeting.place, meeting.online_link) if p)
        )
        colour = STATUS_COLOURS[meeting.status]
        self.status.setText(meeting.status_label)
        self.status.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 9px; padding: 2px 10px;"
            "font-weight: 600;"
        )
        self._update_lifecycle(meeting)

    def _update_lifecycle(self, meeting: MeetingDetail) -> None:
        status = meeting.status
        called_off = meeting.cancelled_on is not None
        visible = {
            "start": status is MeetingStatus.PLANNED and not called_off,
            # Finalising needs minutes: a planned meeting first gets "Börja anteckna".
            "finalise": status is MeetingStatus.DRAFT,
            "unfinalise": status is MeetingStatus.FINALISED,
            "send": status is MeetingStatus.FINALISED,
            "reopen": status is MeetingStatus.SENT,
            # A planned meeting can be called off (its invitation becomes a cancellation).
            "cancel": status is MeetingStatus.PLANNED and not called_off,
            "uncancel": called_off,
        }
        for key, button in self.lifecycle_buttons.items():
            button.setVisible(visible[key])
        self.extract_action.setEnabled(status in (MeetingStatus.FINALISED, MeetingStatus.SENT))
        protocol = meeting.kind is MeetingKind.PROTOCOL
        texts = {
            "finalise": (self.tr("Justera…"), self.tr("Fastställ…")),
            "unfinalise": (self.tr("Ångra justering"), self.tr("Ångra fastställande")),
        }
        for key, (for_protocol, for_notes) in texts.items():
            text = for_protocol if protocol else for_notes
            self.lifecycle_buttons[key].setText(text)
            self.lifecycle_buttons[key].setAccessibleName(text.rstrip("…"))
        self.preview_button.setAccessibleName(
            self.tr("Förhandsgranska protokollet")
            if protocol
            else self.tr("Förhandsgranska minnesanteckningarna")
        )
        notes = []
        if meeting.finalised_on:
            done = self.tr("Justerat {d}") if protocol else self.tr("Fastställt {d}")
            notes.append(done.format(d=meeting.finalised_on.isoformat()))
        if meeting.sent_on:
            notes.append(self.tr("skickat {d}").format(d=meeting.sent_on.isoformat()))
        if meeting.revision_note:
            notes.append(
                self.tr("Revideringar: {n}").format(n=meeting.revision_note.replace("\n", "; "))
            )
        self.revision.setText(" · ".join(notes))
        self.revision.setVisible(bool(notes))
