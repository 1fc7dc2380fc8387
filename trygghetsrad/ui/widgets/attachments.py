"""The attachments (*bilagor*) of one meeting, agenda item, agreement or situation picture: a list with
"Bifoga fil…", "Öppna" and "Ta bort".

Adding and removing go through the one edit path (`push_recorded`), so Ctrl+Z takes a file
back out (or puts it back). Opening writes the file to a private temporary folder and hands it
to the program the system uses for it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.attachments import AttachmentInfo, OwnerKind, safe_filename, size_text
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, SITUATION, Changes
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.journal_command import push_recorded
from trygghetsrad.ui.widgets.service_calls import read

_ID = Qt.ItemDataRole.UserRole


def open_file(path: Path) -> bool:
    """Open `path` in the program the system uses for it; False when none could be started."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class AttachmentsBox(QWidget):
    """The files of one meeting or agenda item: a list and Lägg till…, Öppna, Ta bort."""

    listed = Signal(int)  # after each reload: how many files are shown

    def __init__(
        self,
        ctx: AppContext,
        undo_stack: Callable[[], QUndoStack],
        owner: OwnerKind,
        parent: QWidget | None = None,
        *,
        label: str = "",
    ) -> None:
        """`label`: a heading at the start of the button row, for a box without a frame."""
        super().__init__(parent)
        self.ctx = ctx
        self._stack = undo_stack
        self.owner = owner
        self.owner_id: int | None = None
        self.editable = True
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        if label:
            box.addWidget(QLabel(label))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Bilagor"))
        self.list.setWordWrap(True)  # a long title wraps in a narrow column
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        box.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Bifoga fil…"))
        self.add_button.setAccessibleName(self.tr("Bifoga fil"))
        self.add_button.clicked.connect(lambda: self.add_files())
        self.open_button = QPushButton(self.tr("Öppna"))
        self.open_button.setAccessibleName(self.tr("Öppna bilagan"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAccessibleName(self.tr("Ta bort bilagan"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.open_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()
        # An undo or redo (or another page) may add or remove files of the shown owner.
        ctx.events.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(MEETINGS, ACTION_PLAN, SITUATION) and self.owner_id is not None:
            self.reload()

    def set_owner(self, owner_id: int | None, *, editable: bool = True) -> None:
        """Show the files of `owner_id`; finalised minutes keep theirs (open only)."""
        self.owner_id = owner_id
        self.editable = editable
        self.reload()

    def reload(self) -> None:
        from trygghetsrad.services.attachments_read import list_attachments

        self.list.clear()
        if self.owner_id is not None:
            owner_id = self.owner_id
            try:
                found = read(self.ctx, lambda s: list_attachments(s, self.owner, owner_id))
            except UserError:  # removed meanwhile: the page reloads
                found = []
            for info in found:
                item = QListWidgetItem(f"{info.name} ({size_text(info.size)})")
                item.setToolTip(f"{info.filename}, {size_text(info.size)}")
                item.setData(_ID, info.id)
                self.list.addItem(item)
        self.add_button.setEnabled(self.owner_id is not None and self.editable)
        # No files: only "Bifoga fil…", so an item's Uppdrag keep their room on a small screen.
        has_files = self.list.count() > 0
        for widget in (self.list, self.open_button, self.remove_button):
            widget.setVisible(has_files)
        if has_files:  # as tall as its files, up to four lines
            rows = sum(self.list.sizeHintForRow(r) for r in range(min(4, self.list.count())))
            self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)
        self._update_buttons()
        self.listed.emit(self.list.count())

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.editable)

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(_ID))

    def add_files(self, paths: list[Path] | None = None) -> None:
        """Ask for files (unless given) and attach each as one undoable step."""
        from trygghetsrad.services.attachments import add_attachment, read_file

        if self.owner_id is None:
            return
        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Bifoga fil"))
            paths = [Path(n) for n in names]
        owner_id = self.owner_id
        for path in paths:
            try:
                data = read_file(path)
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Bifoga fil"), str(exc))
                continue
            push_recorded(
                self._stack(),
                self.ctx,
                self.tr("Bifoga {name}").format(name=path.name),
                lambda s, p=path, d=data: add_attachment(
                    s, self.owner, owner_id, filename=p.name, data=d
                ),
                parent_widget=self,
            )
        self.reload()

    def remove_selected(self) -> None:
        from trygghetsrad.services.attachments import delete_attachment

        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        push_recorded(
            self._stack(),
            self.ctx,
            self.tr("Ta bort bilaga"),
            lambda s: delete_attachment(s, attachment_id),
            parent_widget=self,
        )
        self.reload()

    def open_selected(self) -> Path | None:
        """Write the file to a private temporary folder and open it; returns the copy."""
        from trygghetsrad.services.attachments import get_attachment

        attachment_id = self._selected_id()
        if attachment_id is None:
            return None
        info: AttachmentInfo = read(self.ctx, lambda s: get_attachment(s, attachment_id))
        folder = Path(tempfile.mkdtemp(prefix="trygghetsrad-bilaga-"))  # mode 0700
        copy = folder / safe_filename(info.filename)
        copy.write_bytes(info.data)
        copy.chmod(0o600)
        if not open_file(copy):
            QMessageBox.information(
                self,
                self.tr("Öppna bilagan"),
                self.tr("Inget program kunde öppna filen. Den finns här: {path}").format(path=copy),
            )
        return copy
