"""Hjälp → Om Trygghetsråd: version, the files in use, and the licences of what it is built on."""

from __future__ import annotations

import platform
from html import escape
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad import APP_NAME, __version__
from trygghetsrad.licenses import DISTRIBUTIONS, app_licence, third_party_licences
from trygghetsrad.paths import backup_dir, log_file
from trygghetsrad.ui.widgets.screen import fit_to_screen


def _components() -> list[tuple[str, str, str, Path]]:
    """(component, version, licence, licence text) from the one list the build ships."""
    name, licence, path = app_licence()
    rows = [(name, __version__, licence, path)]
    distribution = {name: dist for dist, name in DISTRIBUTIONS.items()}
    for component, lic, text in third_party_licences():
        if component.startswith("Qt"):
            version = qVersion()
        elif component == "Python":
            version = platform.python_version()
        else:
            version = _installed_version(distribution.get(component, ""))
        rows.append((component, version, lic, text))
    return rows


def _installed_version(distribution: str) -> str:
    try:
        return metadata.version(distribution) if distribution else ""
    except metadata.PackageNotFoundError:
        return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return str(path)


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om {app}").format(app=APP_NAME))
        self.setAccessibleName(self.windowTitle())
        self.resize(660, 720)
        fit_to_screen(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        heading = QLabel(APP_NAME)
        heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #1f5a8c;")
        version = QLabel(self.tr("Version {version}").format(version=__version__))
        version.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(version, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        layout.addLayout(top)
        blurb = QLabel(
            self.tr(
                "Ett program för samordnaren av kommunens trygghetsråd: möten och protokoll, "
                "årshjul, lägesbild och åtgärdsplan. Det fungerar helt utan nätverk och "
                "sparar allt i en fil på datorn."
            )
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)

        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Om programmet"))
        layout.addWidget(tabs, 1)
        files = QScrollArea()  # a small screen: the list of files scrolls, the dialog fits
        files.setWidgetResizable(True)
        files.setFrameShape(QFrame.Shape.NoFrame)
        files.setWidget(self._files_tab(db_path))
        tabs.addTab(files, self.tr("Filer"))
        tabs.addTab(self._licences_tab(), self.tr("Licenser"))
        self.tabs = tabs

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Stäng"))
        close.setAccessibleName(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _selectable(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setAccessibleName(name)
        return label

    def _files_tab(self, db_path: Path) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(14, 14, 14, 14)
        form.setVerticalSpacing(10)
        self.db_label = self._selectable(str(db_path), self.tr("Databas"))
        self.log_label = self._selectable(str(log_file()), self.tr("Loggfil"))
        form.addRow(self.tr("Databas:"), self.db_label)
        form.addRow(self.tr("Loggfil:"), self.log_label)
        self.backup_label = self._selectable(
            str(backup_dir(db_path)), self.tr("Mapp för säkerhetskopior")
        )
        form.addRow(self.tr("Säkerhetskopior:"), self.backup_label)
        hint = QLabel(
            self.tr(
                "Loggfilen skrivs när något oväntat händer; bifoga den gärna om du rapporterar "
                "ett fel. Säkerhetskopiorna görs automatiskt och kan återställas."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    def _licences_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(10, 10, 10, 10)
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("Komponenter och licenser"))
        self.summary.setOpenLinks(False)
        components = _components()
        rows = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(version)}</td><td>{escape(lic)}</td></tr>"
            for name, version, lic, _path in components
        )
        self.summary.setHtml(
            "<p>"
            + escape(
                self.tr(
                    "Trygghetsråd är fri programvara under GNU General Public License, version 3 "
                    "eller senare. Det bygger på följande komponenter:"
                )
            )
            + "</p><table cellpadding='3' width='100%'><tr><th align='left'>"
            + escape(self.tr("Komponent"))
            + "</th><th align='left'>"
            + escape(self.tr("Version"))
            + "</th><th align='left'>"
            + escape(self.tr("Licens"))
            + f"</th></tr>{rows}</table><p>"
            + escape(
                self.tr(
                    "Qt och PySide6 används som utbytbara delade bibliotek enligt LGPL. "
                    "Typsnittet Liberation Sans bäddas in i PDF-filerna enligt SIL Open Font "
                    "License."
                )
            )
            + "</p>"
        )
        self.summary.setMinimumHeight(200)  # it scrolls; the dialog must fit a laptop at 125 %
        box.addWidget(self.summary)
        row = QHBoxLayout()
        label = QLabel(self.tr("Visa &licenstext:"))
        self.licence_choice = QComboBox()
        self.licence_choice.setAccessibleName(self.tr("Licenstext"))
        label.setBuddy(self.licence_choice)
        for name, _version, lic, path in components:
            self.licence_choice.addItem(f"{name} ({lic})", str(path))
        row.addWidget(label)
        row.addWidget(self.licence_choice, 1)
        box.addLayout(row)
        self.licence_view = QPlainTextEdit()
        self.licence_view.setReadOnly(True)
        self.licence_view.setAccessibleName(self.tr("Licenstext"))
        self.licence_view.setStyleSheet("font-family: monospace; font-size: 9pt;")
        box.addWidget(self.licence_view, 1)
        self.licence_choice.currentIndexChanged.connect(self._on_licence_changed)
        self._on_licence_changed()
        return page

    def _on_licence_changed(self) -> None:
        self.licence_view.setPlainText(_read(Path(self.licence_choice.currentData())))
