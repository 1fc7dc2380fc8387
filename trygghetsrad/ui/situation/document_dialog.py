"""The dialog where the user titles a report or an agreement: title, date of issue, author,
and chapters of their own before or after the generated sections.

One dialog for the situation report, the action plan, the year's follow-up and the
agreements; the page that opens it says which document it is. Saving is one undoable edit.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.documents import Chapter, DocumentSettings, Placement
from trygghetsrad.errors import ValidationError
from trygghetsrad.services.situation import documents as situation_documents
from trygghetsrad.ui.situation.base import SituationSubPage
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog


class DocumentDialog(FormDialog):
    """Title, date of issue, author and chapters of one document."""

    def __init__(
        self,
        on_save: Any,
        what: str,
        default_title: str,
        settings: DocumentSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Dokumentet: {what}").format(what=what),
            on_save,
            parent,
            intro=self.tr(
                "Det som lämnas tomt tar dokumentet självt fram. Egna kapitel kommer före "
                "eller efter de avsnitt som programmet skriver."
            ),
        )
        self.setMinimumWidth(900)
        self.title = self.add_field(
            "title",
            self.tr("Rubrik"),
            QLineEdit(settings.title),
            hint=self.tr("Tomt: ”{title}”.").format(title=default_title),
        )
        self.title.setPlaceholderText(default_title)
        self.issued_on = self.add_field(
            "issued_on",
            self.tr("Utfärdad"),
            OptionalDateEntry(self.tr("Datum"), settings.issued_on),
        )
        self.author = self.add_field(
            "author",
            self.tr("Upprättad av"),
            QLineEdit(settings.author),
            hint=self.tr("Till exempel Maja Lindqvist, samordnare."),
        )
        self.chapters: list[Chapter] = list(settings.chapters)
        self.add_field("chapters", self.tr("Egna kapitel"), self._chapter_box())
        self.heading = self.add_field("heading", self.tr("Kapitlets rubrik"), QLineEdit())
        self.placement = self.add_field(
            "placement",
            self.tr("Placering"),
            _combo([(p.label, p.value) for p in Placement]),
        )
        self.body = self.add_field("body", self.tr("Kapitlets text"), QPlainTextEdit())
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(150)
        self._loading = False
        self.heading.textEdited.connect(self._on_heading_edited)
        self.body.textChanged.connect(self._on_body_changed)
        self.placement.currentIndexChanged.connect(self._on_placement_changed)
        self._fill_list()
        self._show_chapter(0 if self.chapters else -1)

    # -- the chapter list ---------------------------------------------------------------------

    def _chapter_box(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chapter_list = QListWidget()
        self.chapter_list.setAccessibleName(self.tr("Egna kapitel"))
        self.chapter_list.setFixedHeight(120)
        # The current row comes as an argument (the selection is not updated yet on a click).
        self.chapter_list.currentRowChanged.connect(self._show_chapter)
        layout.addWidget(self.chapter_list, 1)
        buttons = QVBoxLayout()
        self.add_button = self._button(self.tr("Nytt kapitel"), self._on_add)
        self.remove_button = self._button(self.tr("Ta bort"), self._on_remove)
        self.up_button = self._button(self.tr("Flytta upp"), lambda: self._on_move(-1))
        self.down_button = self._button(self.tr("Flytta ned"), lambda: self._on_move(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def _row_text(self, chapter: Chapter) -> str:
        where = self.tr("Före") if chapter.placement == Placement.BEFORE else self.tr("Efter")
        return f"{where}: {chapter.heading or self.tr('(utan rubrik)')}"

    def _ordered(self) -> None:
        """Chapters before the generated sections first, each side in the user's order."""
        self.chapters.sort(key=lambda c: c.placement != Placement.BEFORE)

    def _fill_list(self, current: int | None = None) -> None:
        self._ordered()
        self.chapter_list.blockSignals(True)
        self.chapter_list.clear()
        for chapter in self.chapters:
            self.chapter_list.addItem(QListWidgetItem(self._row_text(chapter)))
        self.chapter_list.blockSignals(False)
        if current is not None:
            self.chapter_list.setCurrentRow(current)
            self._show_chapter(current)

    def current_index(self) -> int:
        return self.chapter_list.currentRow()

    def _show_chapter(self, row: int) -> None:
        has = 0 <= row < len(self.chapters)
        for widget in (self.heading, self.placement, self.body, self.remove_button):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.chapters) - 1)
        self._loading = True
        chapter = self.chapters[row] if has else Chapter(heading="")
        self.heading.setText(chapter.heading)
        self.body.setPlainText(chapter.body)
        index = self.placement.findData(chapter.placement)
        self.placement.setCurrentIndex(max(index, 0))
        self._loading = False

    def _update_current(self, **changes: str) -> None:
        row = self.current_index()
        if self._loading or not 0 <= row < len(self.chapters):
            return
        self.chapters[row] = replace(self.chapters[row], **changes)
        item = self.chapter_list.item(row)
        if item is not None:
            item.setText(self._row_text(self.chapters[row]))

    def _on_heading_edited(self, text: str) -> None:
        self._update_current(heading=text)

    def _on_body_changed(self) -> None:
        self._update_current(body=self.body.toPlainText())

    def _on_placement_changed(self, _index: int) -> None:
        row = self.current_index()
        if self._loading or not 0 <= row < len(self.chapters):
            return
        chapter = replace(self.chapters[row], placement=self.placement.currentData())
        del self.chapters[row]
        # Moved to the other side: it goes last there (before ones first, after ones last).
        if chapter.placement == Placement.BEFORE:
            at = sum(1 for c in self.chapters if c.placement == Placement.BEFORE)
        else:
            at = len(self.chapters)
        self.chapters.insert(at, chapter)
        self._fill_list(at)

    def _on_add(self) -> None:
        self.chapters.append(Chapter(heading=self.tr("Nytt kapitel"), placement=Placement.BEFORE))
        before = sum(1 for c in self.chapters if c.placement == Placement.BEFORE)
        self._fill_list(before - 1)
        self.heading.setFocus()
        self.heading.selectAll()

    def _on_remove(self) -> None:
        row = self.current_index()
        if 0 <= row < len(self.chapters):
            del self.chapters[row]
            self._fill_list(min(row, len(self.chapters) - 1))

    def _on_move(self, offset: int) -> None:
        row = self.current_index()
        target = row + offset
        if not (0 <= row < len(self.chapters) and 0 <= target < len(self.chapters)):
            return
        if self.chapters[row].placement != self.chapters[target].placement:
            return  # a chapter stays on its side; change the placement to move it across
        self.chapters[row], self.chapters[target] = self.chapters[target], self.chapters[row]
        self._fill_list(target)

    # -- saving -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        for row, chapter in enumerate(self.chapters):
            if not chapter.heading.strip():
                self.chapter_list.setCurrentRow(row)
                raise ValidationError(self.tr("Ge kapitlet en rubrik."), "heading")
        issued = self.issued_on
        return {
            "title": self.title.text(),
            "issued_on": issued.edit.checked() if issued.check.isChecked() else None,
            "author": self.author.text(),
            "chapters": tuple(self.chapters),
        }


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    return box


def edit_document(
    page: SituationSubPage, *, kind: str, owner: int, what: str, default_title: str
) -> DocumentDialog:
    """Open the dialog for one document; "Spara" stores it as one undoable edit on the
    page's undo stack."""
    settings = page.read(lambda s: situation_documents.document_settings(s, kind, owner))

    def save(values: dict[str, Any]) -> None:
        page.record_form(
            page.tr("Ändra dokumentet {what}").format(what=what),
            lambda s: situation_documents.save_document(s, kind, owner, **values),
        )

    dialog = DocumentDialog(save, what, default_title, settings, page)
    dialog.open()
    return dialog
