"""First start on an empty database: begin empty, or explore with example data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad import APP_NAME
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.service_calls import store


class WelcomeDialog(QDialog):
    """Two clear choices; the example-data button fills the database itself."""

    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self._ctx = ctx
        self.filled = False
        self.setWindowTitle(self.tr("Välkommen"))
        self.setAccessibleName(self.tr("Välkommen till {app}").format(app=APP_NAME))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Välkommen till {app}").format(app=APP_NAME))
        heading.setStyleSheet("font-size: 17pt; font-weight: 600; color: #1f5a8c;")
        layout.addWidget(heading)
        about = QLabel(
            self.tr(
                "Trygghetsråd samlar arbetet i kommunens brottsförebyggande råd på ett ställe: "
                "möten och protokoll, årshjulet, lägesbilden och åtgärdsplanen. Allt sparas i en "
                "enda fil på den här datorn, och programmet använder aldrig nätverket."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet("font-size: 10.5pt; color: #33404d;")
        layout.addWidget(about)
        layout.addSpacing(6)
        question = QLabel(self.tr("Databasen är tom. Hur vill du börja?"))
        question.setStyleSheet("font-weight: 600; color: #22313f;")
        layout.addWidget(question)

        self.example_button = QCommandLinkButton(
            self.tr("Utforska med exempeldata"),
            self.tr(
                "Fyller databasen med en påhittad kommun, Storåkers kommun: rådets personer, "
                "grupper och arbete under i år och i fjol. Bra för att prova programmet."
            ),
        )
        self.example_button.setAccessibleName(self.tr("Utforska med exempeldata"))
        self.empty_button = QCommandLinkButton(
            self.tr("Börja med en tom databas"),
            self.tr("Lägg själv in rådets organisationer, personer och grupper under Register."),
        )
        self.empty_button.setAccessibleName(self.tr("Börja med en tom databas"))
        self.example_button.clicked.connect(self._on_example_clicked)
        self.empty_button.clicked.connect(self.reject)
        layout.addWidget(self.example_button)
        layout.addWidget(self.empty_button)

        database = ctx.database
        footnote = QLabel(
            self.tr(
                "Databas: {path}\nVill du senare börja på riktigt: välj Arkiv → Ny databas."
            ).format(path=database.path)
        )
        footnote.setProperty("role", "hint")
        footnote.setWordWrap(True)
        footnote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addSpacing(6)
        layout.addWidget(footnote)
        self.example_button.setDefault(True)
        self.example_button.setFocus()

    def _on_example_clicked(self) -> None:
        from trygghetsrad import demo

        ctx = self._ctx
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = store(ctx, demo.fill, announce=False)  # announced below, after the cursor
        except UserError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Exempeldata"), str(exc))
            self.reject()
            return
        QGuiApplication.restoreOverrideCursor()
        self.filled = True
        ctx.events.changed(changes)
        ctx.events.status_message.emit(self.tr("Exempeldata för Storåkers kommun har lagts in."))
        self.accept()


def offer_example_data(window: QWidget, ctx: AppContext) -> bool:
    """Ask how to begin with a new, empty database; True when example data was filled in."""
    dialog = WelcomeDialog(window, ctx)
    dialog.exec()
    filled = dialog.filled
    dialog.deleteLater()
    return filled
