"""The extract (*protokollsutdrag*) dialog of a finalised meeting's export menu: tick the
items, save their PDF. (The attachments box is `ui/widgets/attachments.py`.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.ui.widgets.check_list import CheckList

_ID = Qt.ItemDataRole.UserRole


class ExtractDialog(QDialog):
    """Tick the items of a finalised meeting that go into a *protokollsutdrag*."""

    def __init__(self, doc: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("Protokollsutdrag"))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Välj punkterna som ska med i utdraget:")))
        self.items = CheckList()  # a click on an item's text ticks it
        self.items.setAccessibleName(self.tr("Punkter i utdraget"))
        for index, item in enumerate(doc.items):
            printed = doc.number(index)  # "§ 14", "3." or nothing
            entry = QListWidgetItem(f"{printed}  {item.title}".strip())
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setData(_ID, index)
            self.items.addItem(entry)
        self.items.itemChanged.connect(lambda _item: self._update())
        box.addWidget(self.items)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara PDF…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def chosen(self) -> list[int]:
        """The indices in `doc.items` of the ticked items, in agenda order."""
        return [
            int(self.items.item(row).data(_ID))
            for row in range(self.items.count())
            if self.items.item(row).checkState() == Qt.CheckState.Checked
        ]


def extract_name(doc: MeetingDocument, indices: list[int]) -> str:
    numbers = " ".join(doc.number(i).replace(" ", "") for i in indices if doc.number(i))
    return f"{doc.file_stem('Protokollsutdrag')} {numbers}".strip() + ".pdf"


def write_extract(
    parent: QWidget, doc: MeetingDocument, indices: list[int], path: Path, on_done: Any
) -> Any:
    from trygghetsrad.ui.background import run_in_background, write_file

    def work(_progress: Any) -> Path:
        from trygghetsrad.export.kinds import EXPORTS

        return write_file(path, EXPORTS["extract"].render(doc, indices=indices))

    return run_in_background(work, parent=parent, on_done=on_done)
