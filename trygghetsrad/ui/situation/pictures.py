"""The *Lägesbilder* sub-page: versions of the situation picture, the law's three parts as
text (autosaved), presenting (freezing) a version, and the report PDF."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.changes import Changes
from trygghetsrad.domain.situation.picture import THREE_PARTS, PictureData
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import heading, hint
from trygghetsrad.ui.situation.models import PicturesModel
from trygghetsrad.ui.situation.pictures_actions import PictureActions
from trygghetsrad.ui.widgets.attachments import AttachmentsBox
from trygghetsrad.ui.widgets.autosave import DELAY_MS, SetFieldCommand
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.service_calls import store
from trygghetsrad.ui.widgets.unsaved import keep_current, may_leave

TEXT_PARTS = [
    ("summary", "Sammanfattning"),
    *THREE_PARTS,
    ("limitations", "Begränsningar"),
]
AUTOSAVE_MS = DELAY_MS


def _field_error() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def _set_header(session: Any, picture_id: int, header: dict[str, Any]) -> Changes:
    """Change title and period, keeping the texts as they are stored now."""
    current = situation_pictures.get_picture(session, picture_id)
    return situation_pictures.update_picture(
        session, picture_id, **(PicturesPage._fields(current) | header)
    )


class PicturesPage(PictureActions):
    """The versions of the situation picture and the editor of the one chosen; what the
    buttons do is in `PictureActions`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.setAccessibleName(self.tr("Lägesbilder"))
        self.picture: PictureData | None = None
        self._loading = False
        left = self._build_versions()
        scroll = self._build_texts()
        # The title and the period are stored like the texts: once the typing pauses.
        self.title_edit.textEdited.connect(self._on_header_changed)
        for widget in (self.start_edit, self.end_edit):
            widget.dateChanged.connect(self._on_header_changed)
        for widget in (self.title_edit, self.start_edit, self.end_edit):
            widget.editingFinished.connect(self._save_header)

        self._dirty: set[str] = set()
        self._header_dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(splitter)
        self.refresh()

    def _build_versions(self) -> QWidget:
        """The versions and their buttons (left)."""
        self.model = PicturesModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Lägesbilder"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_selected())

        self.new_button = QPushButton(self.tr("Ny lägesbild"))
        self.version_button = QPushButton(self.tr("Ny version"))
        self.present_button = QPushButton(self.tr("Presentera…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.export_button = QPushButton(self.tr("Rapport som PDF…"))
        self.document_button = QPushButton(self.tr("Rapportens rubrik och kapitel…"))
        self.include_internal = QCheckBox(self.tr("Ta med interna uppgifter"))
        self.include_internal.setAccessibleName(self.tr("Ta med interna uppgifter i rapporten"))
        for button in (
            self.new_button,
            self.version_button,
            self.present_button,
            self.delete_button,
            self.export_button,
            self.document_button,
        ):
            button.setAccessibleName(button.text().rstrip("…"))
        self.new_button.clicked.connect(self.new_picture)
        self.version_button.clicked.connect(self.new_version)
        self.present_button.clicked.connect(self.present)
        self.delete_button.clicked.connect(self.delete_picture)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self.document_button.clicked.connect(self.edit_document)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_now)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(heading(self.tr("Versioner")))
        left_box.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.version_button)
        row.addWidget(self.delete_button)
        left_box.addLayout(row)
        left_box.addWidget(self.present_button)
        left_box.addSpacing(8)
        left_box.addWidget(self.export_button)
        left_box.addWidget(self.document_button)
        left_box.addWidget(self.include_internal)
        return left

    def _build_head(self) -> QFormLayout:
        """The status banner, the title and the period, each with its message."""
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #eef3f8; border: 1px solid #c9d7e6; border-radius: 4px; padding: 8px;"
        )
        self.banner.setAccessibleName(self.tr("Status för lägesbilden"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.start_edit = DateEntry(None, "period_start")
        self.end_edit = DateEntry(None, "period_end")
        for edit, name in (
            (self.start_edit, self.tr("Periodens början")),
            (self.end_edit, self.tr("Periodens slut")),
        ):
            edit.setAccessibleName(name)
        # A refused value is explained right under its field; the typed text stays.
        self.field_errors: dict[str, QLabel] = {
            "title": _field_error(),
            "period": _field_error(),
            **{key: _field_error() for key, _title in TEXT_PARTS},
        }
        self.saved_label = hint("")
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title_edit)
        title_box.addWidget(self.field_errors["title"])
        period_box = QVBoxLayout()
        period_box.setSpacing(2)
        period_box.addLayout(period)
        period_box.addWidget(self.field_errors["period"])
        form = QFormLayout()
        form.addRow(self.tr("Rubrik"), title_box)
        form.addRow(self.tr("Period"), period_box)
        return form

    def _build_texts(self) -> QScrollArea:
        """The head above the texts of the three parts, scrolling together."""
        editor = QWidget()
        box = QVBoxLayout(editor)
        box.setContentsMargins(4, 0, 8, 0)
        form = self._build_head()
        box.addWidget(self.banner)
        box.addLayout(form)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, title in TEXT_PARTS:
            box.addWidget(heading(self.tr(title)))
            edit = QPlainTextEdit()
            edit.setAccessibleName(self.tr(title))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90 if key in ("summary", "limitations") else 140)
            edit.setMaximumHeight(130 if key in ("summary", "limitations") else 240)
            edit.textChanged.connect(lambda key=key: self._on_text_changed(key))
            box.addWidget(edit)
            box.addWidget(self.field_errors[key])
            self.texts[key] = edit
        # The picture's files: "Bilaga 1", … at the end of its report.
        box.addWidget(heading(self.tr("Bilagor")))
        self.attachments = AttachmentsBox(self.ctx, lambda: self.undo_stack, OwnerKind.PICTURE)
        box.addWidget(self.attachments)
        box.addWidget(self.error_label)
        box.addWidget(self.saved_label)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        return scroll

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._dirty:
            return  # our own autosave; the editor already shows the text
        current_id = self.picture.id if self.picture else None
        pictures = self.read(situation_pictures.list_pictures)
        self.model.set_rows(pictures)
        if current_id is None or self.model.row_of(current_id) < 0:
            current = self.read(situation_pictures.current_picture)
            current_id = current.id if current else None
        if current_id is not None:
            self.select(current_id)
        else:
            self._show(None)

    def select(self, picture_id: int) -> None:
        row = self.model.row_of(picture_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._load_selected()

    def _load_selected(self) -> None:
        index = self.table.currentIndex()
        record = self.proxy.data(index, Role.RECORD) if index.isValid() else None
        shown = self.picture
        if shown is not None and (record is None or record.id != shown.id):
            # Another version is picked: an edit that cannot be saved is never dropped unasked.
            if not may_leave(self, self.save_now, self.error_texts):
                row = self.model.row_of(shown.id)
                keep_current(
                    self.table,
                    self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else index,
                )
                return
            self._dirty.clear()
            self._header_dirty = False
        elif not self.save_now():
            return  # the same version again: keep what was typed in the fields
        if record is not None:
            record = self.read(lambda s: situation_pictures.get_picture(s, record.id))
        self._show(record)

    def _show(self, picture: PictureData | None) -> None:
        self._loading = True
        self.picture = picture
        frozen = picture is None or picture.is_frozen
        for widget in (self.title_edit, self.start_edit, self.end_edit, *self.texts.values()):
            widget.setEnabled(picture is not None)
        for widget in (self.title_edit, *self.texts.values()):
            widget.setReadOnly(frozen)
        self.start_edit.setReadOnly(frozen)
        self.end_edit.setReadOnly(frozen)
        self.present_button.setEnabled(picture is not None and not frozen)
        self.delete_button.setEnabled(picture is not None and not frozen)
        self.version_button.setEnabled(picture is not None)
        self.export_button.setEnabled(picture is not None)
        self.document_button.setEnabled(picture is not None)
        self._clear_errors()
        # A presented version keeps the files its report listed (open only).
        self.attachments.set_owner(None if picture is None else picture.id, editable=not frozen)
        if picture is None:
            self.banner.setText(
                self.tr("Det finns ingen lägesbild ännu. Börja med ”Ny lägesbild”.")
            )
            self.title_edit.clear()
            for edit in self.texts.values():
                edit.clear()
            self._loading = False
            return
        if frozen:
            self.banner.setText(
                self.tr(
                    "{status}. Versionen är låst som den presenterades; skapa en ny version för att arbeta vidare."
                ).format(status=picture.status_text)
            )
        else:
            self.banner.setText(
                self.tr("Version {n} pågår. Texten sparas automatiskt medan du skriver.").format(
                    n=picture.version
                )
            )
        if self.title_edit.text() != picture.title:  # keeps the cursor after an autosave
            self.title_edit.setText(picture.title)
        self.start_edit.setDate(picture.period_start)
        self.end_edit.setDate(picture.period_end)
        for key, edit in self.texts.items():
            if edit.toPlainText() != getattr(picture, key):
                edit.setPlainText(getattr(picture, key))
        self._loading = False

    # -- autosave ------------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_now()  # leaving the tab or closing the window never loses typed text
        super().hideEvent(event)

    def _on_text_changed(self, key: str) -> None:
        if self._loading or self.picture is None or self.picture.is_frozen:
            return
        self._dirty.add(key)
        self.saved_label.setText(self.tr("Ändrat – sparas strax …"))
        self._timer.start()

    def _on_header_changed(self, *_args: object) -> None:
        if self._loading or self.picture is None or self.picture.is_frozen:
            return
        self._header_dirty = True
        self.saved_label.setText(self.tr("Ändrat – sparas strax …"))
        self._timer.start()

    def _clear_errors(self) -> None:
        self.error_label.clear()
        for label in self.field_errors.values():
            label.clear()
            label.hide()

    def _show_error(self, exc: Exception) -> None:
        """The message under the field it is about (or under the texts), the text kept."""
        self._clear_errors()
        field = getattr(exc, "field", None) or ""
        key = "period" if field.startswith("period") else field
        label = self.field_errors.get(key)
        if label is None:
            self.error_label.setText(str(exc))
            return
        label.setText(str(exc))
        label.show()

    def error_texts(self) -> list[str]:
        """Every message shown about an edit that was not saved."""
        texts = [self.error_text(field) for field in self.field_errors]
        return [t for t in (*texts, self.error_label.text()) if t]

    def error_text(self, field: str) -> str:
        """The message shown under `field` ("title", "period" or a text part), for tests too."""
        label = self.field_errors[field]
        return label.text() if not label.isHidden() else ""

    def save_now(self) -> bool:
        """Write the changed texts, title and period now (the autosave timer calls this too).

        False when something typed could not be saved (its message is shown at the field)."""
        self._save_texts()
        if self._header_dirty:
            self._save_header()
        return not (self._dirty or self._header_dirty)

    def _save_texts(self) -> None:
        self._timer.stop()
        if not self._dirty or self.picture is None or self.picture.is_frozen:
            self._dirty.clear()
            return
        picture_id = self.picture.id
        values = {key: self.texts[key].toPlainText() for key in self._dirty}

        def save_parts(s: Any) -> Changes:
            changes = Changes()
            for key, value in values.items():
                changes = changes | situation_pictures.set_part(s, picture_id, key, value)
            return changes

        try:
            store(self.ctx, save_parts)
        except Exception as exc:  # keep the typed text; say why it was not saved
            self._show_error(exc)
            return
        self._clear_errors()
        self.saved_label.setText(
            self.tr("Sparat kl. {time}").format(time=datetime.now().strftime("%H.%M"))
        )
        self._dirty.clear()

    def _save_header(self) -> None:
        if self._loading or self.picture is None or self.picture.is_frozen:
            return
        self._header_dirty = False
        p = self.picture
        try:
            title, start, end = (
                self.title_edit.text(),
                self.start_edit.checked(),
                self.end_edit.checked(),
            )
        except ValidationError as exc:
            self._header_dirty = True  # the field keeps the text; saved once it is a date
            self._show_error(exc)
            return
        if (title, start, end) == (p.title, p.period_start, p.period_end):
            return
        self._save_texts()
        new = {"title": title, "period_start": start, "period_end": end}
        old = {"title": p.title, "period_start": p.period_start, "period_end": p.period_end}
        try:
            store(self.ctx, lambda s: _set_header(s, p.id, new))
        except Exception as exc:
            self._header_dirty = True  # the field keeps the text; try again on the next save
            self._show_error(exc)
            return
        self._clear_errors()
        self.saved_label.setText(
            self.tr("Sparat kl. {time}").format(time=datetime.now().strftime("%H.%M"))
        )
        self.picture = self.read(lambda s: situation_pictures.get_picture(s, p.id))
        # A typed field's undo (as every autosaved field's): undo and redo set only the
        # title and period, never texts typed since (a replay of the whole row would refuse).
        self.undo_stack.push(
            SetFieldCommand(
                self.tr("Ändra rubrik eller period för {title}").format(title=title),
                lambda header: self._store_header(p.id, header),
                old,
                new,
            )
        )

    def _store_header(self, picture_id: int, header: dict[str, Any]) -> None:
        try:
            store(self.ctx, lambda s: _set_header(s, picture_id, header))
        except UserError as exc:
            self.show_error(str(exc))

    @staticmethod
    def _fields(p: PictureData) -> dict[str, Any]:
        return {
            "title": p.title,
            "period_start": p.period_start,
            "period_end": p.period_end,
            "summary": p.summary,
            "part_mapping": p.part_mapping,
            "part_other": p.part_other,
            "part_analysis": p.part_analysis,
            "limitations": p.limitations,
            "presented_to": p.presented_to,
        }

    def open_record(self, owner: Any) -> bool:
        if self.model.row_of(owner.id) < 0:
            return False
        self.select(owner.id)
        return True
