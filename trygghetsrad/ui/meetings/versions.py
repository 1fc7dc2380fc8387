"""The versions of the minutes kept as finalised or sent, each exported again as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingDetail
from trygghetsrad.services.meetings import versions as meetings_versions
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.service_calls import read


class VersionsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingDetail | None = None
        self.last_export: Path | None = None
        self._tasks: list[Any] = []
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Varje gång protokollet justeras (anteckningarna fastställs) eller skickas "
                "sparas en version som inte kan ändras. Exportera en version för att få den "
                "precis som den var."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Sparade versioner"))
        self.list.itemDoubleClicked.connect(lambda _item: self.export_selected())
        layout.addWidget(self.list, 1)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Exportera vald version (PDF)…"))
        self.export_button.setAccessibleName(self.tr("Exportera vald version som PDF"))
        self.export_button.clicked.connect(lambda: self.export_selected())
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._update_button)

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        self.meeting = meeting
        self.list.clear()
        if meeting is not None:
            meeting_id = meeting.id
            versions = read(self.ctx, lambda s: meetings_versions.list_versions(s, meeting_id))
            for version in versions:
                item = QListWidgetItem(version.label)
                item.setData(Qt.ItemDataRole.UserRole, version.number)
                self.list.addItem(item)
            if versions:
                self.list.setCurrentRow(len(versions) - 1)  # the latest
        self.empty.setText(self._empty_text(meeting))
        self.empty.setVisible(self.list.count() == 0)
        self._update_button()

    def _empty_text(self, meeting: MeetingDetail | None) -> str:
        if meeting is not None and not meeting.editable:  # finalised or sent before 0008
            return self.tr(
                "Inga sparade versioner: dokumentet justerades eller fastställdes innan "
                "versioner sparades. Öppnas det för ändring sparas den skickade lydelsen först "
                "som en version."
            )
        return self.tr(
            "Inga versioner ännu: en sparas när dokumentet justeras eller fastställs, och när "
            "det skickas."
        )

    def _update_button(self, *_args: object) -> None:
        self.export_button.setEnabled(self.list.currentItem() is not None)

    def export_selected(self, path: Path | None = None) -> Any:
        """Write the chosen version's PDF (asks for a file name unless `path` is given)."""
        from trygghetsrad.ui.meetings import export as exporting

        item = self.list.currentItem()
        if item is None or self.meeting is None:
            return None
        number = int(item.data(Qt.ItemDataRole.UserRole))
        meeting_id = self.meeting.id
        doc = read(self.ctx, lambda s: meetings_versions.version_document(s, meeting_id, number))
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            name = f"{doc.file_stem()} {self.tr('version')} {number}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Spara version {n}").format(n=number),
                str(Path(folder or ".") / name),
                self.tr("PDF-dokument (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)

        def done(written: Path) -> None:
            self.last_export = written
            self.ctx.events.status_message.emit(self.tr("Sparade {path}").format(path=written))

        task = exporting.write_in_background(self, "minutes", doc, path, done)
        self._tasks.append(task)
        return task
