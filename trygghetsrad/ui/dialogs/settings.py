"""Arkiv → Inställningar: the municipality's name and logo, the coordinator's name and title,
the e-mail sender, the attendance order and the standard phrases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.changes import SETTINGS, Changes
from trygghetsrad.errors import ValidationError
from trygghetsrad.services import settings as settings_service
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.dialogs.attendance_order import AttendanceOrderField
from trygghetsrad.ui.dialogs.backup_retention import add_retention_field
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.service_calls import read, store

PREVIEW_WIDTH, PREVIEW_HEIGHT = 220, 90


class LogoField(QWidget):
    """Preview of the logo with buttons to choose a PNG/JPEG file or remove it."""

    def __init__(self, logo: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo = logo
        self.error = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_WIDTH + 12, PREVIEW_HEIGHT + 12)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("logoPreview")
        self.preview.setStyleSheet(
            "#logoPreview { background: #ffffff; border: 1px dashed #c4ccd4; border-radius: 4px;"
            " color: #7a838c; }"
        )
        self.preview.setAccessibleName(self.tr("Förhandsvisning av logotypen"))
        layout.addWidget(self.preview)
        buttons = QVBoxLayout()
        self.choose_button = QPushButton(self.tr("Välj bild…"))
        self.choose_button.setAccessibleName(self.tr("Välj logotyp"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAccessibleName(self.tr("Ta bort logotypen"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.set_logo(logo)

    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        self.error = ""
        if data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Ingen logotyp"))
        else:
            image = QImage.fromData(QByteArray(data))
            pixmap = QPixmap.fromImage(image).scaled(
                PREVIEW_WIDTH,
                PREVIEW_HEIGHT,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.preview.setPixmap(pixmap)
        self.remove_button.setEnabled(data is not None)

    def load_file(self, path: Path) -> None:
        """Read a logo file; a file that isn't a usable PNG/JPEG raises a Swedish ValidationError."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                self.tr("Filen {name} kunde inte läsas: {reason}").format(
                    name=path.name, reason=exc.strerror or exc
                ),
                "logo",
            ) from exc
        settings_service.check_logo(data)
        if QImage.fromData(QByteArray(data)).isNull():
            raise ValidationError(
                self.tr(
                    "{name} ser ut som en bild men kan inte läsas; den kan vara skadad."
                ).format(name=path.name),
                "logo",
            )
        self.set_logo(data)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj logotyp"),
            str(Path.home()),
            self.tr("Bilder (*.png *.jpg *.jpeg)"),
        )
        if path:
            dialog = self.window()
            try:
                self.load_file(Path(path))
            except ValidationError as exc:
                if isinstance(dialog, FormDialog):
                    dialog.show_error(exc)
                return
            if isinstance(dialog, FormDialog):
                dialog.clear_errors()


class SettingsDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(
            self.tr("Inställningar"),
            self._save,
            parent,
            self.tr(
                "Uppgifterna används i sidhuvudet på protokoll, kallelser och rapporter som PDF."
            ),
            scrollable=True,  # a laptop at 125 % has less height than the whole form
        )
        current, phrases = read(
            ctx, lambda s: (settings_service.load(s), settings_service.load_phrases(s))
        )
        self.municipality = self._line(current.municipality, self.tr("t.ex. Storåkers kommun"))
        self.add_field("municipality", self.tr("&Kommunens namn"), self.municipality)
        self.logo = LogoField(current.logo)
        self.add_field(
            "logo",
            self.tr("&Logotyp"),
            self.logo,
            self.tr("PNG eller JPEG, högst 2 MB. Visas i sidhuvudet på utskrifter."),
        )
        self.coordinator_name = self._line(current.coordinator_name, self.tr("För- och efternamn"))
        self.add_field("coordinator_name", self.tr("Samordnarens &namn"), self.coordinator_name)
        self.coordinator_title = self._line(
            current.coordinator_title, self.tr("t.ex. folkhälsostrateg och samordnare")
        )
        self.add_field(
            "coordinator_title",
            self.tr("Samordnarens &titel"),
            self.coordinator_title,
            self.tr("Skrivs som du skriver den, t.ex. efter namnet under ”Vid pennan”."),
        )
        self._add_meeting_fields(current, phrases)
        add_retention_field(self)  # issue 7: how long automatic backups are kept
        self.setMinimumWidth(640)

    def _add_meeting_fields(
        self, current: settings_service.OrganisationSettings, phrases: tuple[str, ...]
    ) -> None:
        """The sender of e-mail drafts, the order of attendance in the minutes and the
        standard phrases of the notes and decision editors."""
        self.sender_email = self._line(current.sender_email, self.tr("t.ex. trygghet@kommun.se"))
        self.add_field(
            "sender_email",
            self.tr("&Avsändare för e-post"),
            self.sender_email,
            self.tr(
                "Lämna tomt så fyller e-postprogrammet i ditt eget konto. En annan adress gör "
                "att Outlook skickar ”för någons räkning”."
            ),
        )
        self.attendance_order = AttendanceOrderField(current.attendance_order)
        self.add_field(
            "attendance_order",
            self.tr("&Närvarons ordning i protokollet"),
            self.attendance_order,
            self.tr("Standard: närvarande, ersättare, anmält förhinder, frånvarande, adjungerade."),
        )
        self.phrases = QPlainTextEdit("\n".join(phrases))
        self.phrases.setAccessibleName(self.tr("Standardfraser, en per rad"))
        self.phrases.setTabChangesFocus(True)
        self.phrases.setMinimumHeight(110)
        self.add_field(
            "phrases",
            self.tr("&Standardfraser"),
            self.phrases,
            self.tr(
                "En per rad. Ctrl+Mellanslag i anteckningar och beslut infogar en av dem, "
                "t.ex. ”Informationen läggs till handlingarna.”"
            ),
        )

    @staticmethod
    def _line(text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setCursorPosition(0)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def values(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality.text(),
            "coordinator_name": self.coordinator_name.text(),
            "coordinator_title": self.coordinator_title.text(),
            "logo": self.logo.logo,
            "sender_email": self.sender_email.text(),
            "attendance_order": self.attendance_order.order(),
            "phrases": self.phrases.toPlainText().splitlines(),
        }

    def _save(self, values: dict[str, Any]) -> None:
        phrases = values.pop("phrases")

        def save(s: Any) -> Any:  # one transaction: all of it or nothing
            changes = settings_service.save(s, settings_service.OrganisationSettings(**values))
            settings_service.save_phrases(s, phrases)
            return changes

        changes = store(self.ctx, save, announce=False)  # announced below, settings at least
        self.ctx.events.changed(changes or Changes.of(SETTINGS))
        self.ctx.events.status_message.emit(self.tr("Inställningarna är sparade."))
