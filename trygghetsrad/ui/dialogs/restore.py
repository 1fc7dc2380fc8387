"""Arkiv → Återställ från säkerhetskopia…: choose a backup, see what it holds, restore it.

The dialog lists the automatic backups (newest first) and accepts any other backup file.
For the chosen one it shows when it was made, why, the schema version and how many records
of each main kind it holds. Restoring keeps the current database first (as a backup, or
moved aside if it is damaged), then reopens the window on the restored file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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

from trygghetsrad.domain.dates import long_timestamp
from trygghetsrad.errors import UserError
from trygghetsrad.services import backup
from trygghetsrad.services.database import lock
from trygghetsrad.ui.background import Progress, run_modal
from trygghetsrad.ui.widgets.autosave import flush_all
from trygghetsrad.ui.widgets.screen import fit_to_screen

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Återställ från säkerhetskopia"))
        self.setAccessibleName(self.tr("Återställ från säkerhetskopia"))
        self.resize(760, 440)
        fit_to_screen(self)
        self._db_path = db_path
        self.chosen: Path | None = None

        intro = QLabel(
            self.tr(
                "Välj en säkerhetskopia. Den nuvarande databasen sparas först som en egen "
                "säkerhetskopia, så att inget går förlorat om du ångrar dig."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Säkerhetskopior"))
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName(self.tr("Innehåll i säkerhetskopian"))
        self.details.setMinimumWidth(320)
        other = QPushButton(self.tr("Välj en annan fil…"))
        other.setAccessibleName(self.tr("Välj en annan säkerhetskopia"))
        other.clicked.connect(self._on_other_file)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Återställ"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(other)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for item in backup.list_backups(self._db_path):
            label = self.tr("{when} – {reason}").format(
                when=long_timestamp(item.made_at),
                reason=self.tr(backup.REASON_LABELS.get(item.reason, item.reason)),
            )
            entry = QListWidgetItem(label)
            entry.setData(PATH_ROLE, str(item.path))
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.details.setText(
                self.tr("Det finns inga automatiska säkerhetskopior ännu. Välj en fil.")
            )

    def _on_other_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj säkerhetskopia"),
            str(self._db_path.parent),
            self.tr("Trygghetsråd-databas (*.sqlite *.sqlite3 *.db);;Alla filer (*)"),
        )
        if path:
            entry = QListWidgetItem(Path(path).name)
            entry.setData(PATH_ROLE, path)
            self.list.insertItem(0, entry)
            self.list.setCurrentItem(entry)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        self.chosen = None
        self.restore_button.setEnabled(False)
        if current is None:
            return
        path = Path(current.data(PATH_ROLE))
        try:
            summary = backup.describe(path)
        except UserError as exc:
            self.details.setText(
                '<p style="color:#a33">{}</p>'.format(str(exc).replace("<", "&lt;"))
            )
            return
        self.chosen = path
        self.restore_button.setEnabled(True)
        self.details.setText(describe_html(summary, self.tr))


def describe_html(summary: backup.BackupSummary, tr: Any) -> str:
    rows = "".join(
        f"<tr><td>{label.capitalize()}</td><td align='right'>{count}</td></tr>"
        for label, count in summary.counts
    )
    reason = f" ({summary.reason})" if summary.reason else ""
    size = f"{summary.size_bytes / 1_048_576:.1f} MB".replace(".", ",")
    return (
        "<p><b>{made}</b> {when}{reason}</p>"
        "<p>{schema}: {versions}<br>{size_label}: {size}</p>"
        "<table cellspacing='4'>{rows}</table>"
    ).format(
        made=tr("Gjord"),
        when=long_timestamp(summary.made_at),
        reason=reason,
        schema=tr("Schemaversion"),
        versions=", ".join(summary.schema_versions),
        size_label=tr("Storlek"),
        size=size,
        rows=rows or "<tr><td>{}</td></tr>".format(tr("Inga poster")),
    )


def perform_restore(window: Any, source: Path) -> bool:
    """Restore `source` over the window's database and reopen it; report what was kept."""
    may_leave = getattr(window, "may_leave_edits", None)
    if callable(may_leave):  # an edit that cannot be stored is not dropped without asking
        if not may_leave(window.tr("Återställ ändå"), window.tr("återställer databasen")):
            return False
    else:
        flush_all()
    database = window.ctx.database
    path = database.path
    try:
        lock.acquire(path)  # keeps the file ours while the database is closed
    except UserError as exc:
        QMessageBox.warning(window, window.tr("Återställningen avbröts"), str(exc))
        return False
    try:
        database.close()
        try:
            # Off the GUI thread (a ten-year database takes a while to copy and check);
            # no "Avbryt": the current file has been kept aside once this starts.
            kept = run_modal(
                window,
                window.tr("Återställer"),
                lambda progress: _restore(progress, path, source, window.tr("Återställer {name}…")),
                cancellable=False,
            )
        except UserError as exc:
            QMessageBox.critical(window, window.tr("Återställningen misslyckades"), str(exc))
            window.switch_database(path)
            return False
        if not window.switch_database(path):
            return False
    finally:
        lock.release(path)
    message = window.tr("Databasen är återställd från {source}.").format(source=source.name)
    if kept is not None:
        message += " " + window.tr("Den tidigare databasen finns kvar som {kept}.").format(
            kept=kept
        )
    QMessageBox.information(window, window.tr("Återställd"), message)
    return True


def _restore(progress: Progress, path: Path, source: Path, label: str) -> Path | None:
    progress.report(0, 0, label.format(name=source.name))
    return backup.restore(path, source)


def restore_from_backup(window: Any) -> bool:
    dialog = RestoreDialog(window.ctx.database.path, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    return perform_restore(window, dialog.chosen)


def restore_newest_in_window(window: Any, reason: str) -> bool:
    newest = backup.newest_backup(window.ctx.database.path)
    if newest is None:
        QMessageBox.critical(
            window,
            window.tr("Databasen är skadad"),
            reason + "\n\n" + window.tr("Det finns ingen automatisk säkerhetskopia."),
        )
        return False
    answer = QMessageBox.question(
        window,
        window.tr("Databasen är skadad"),
        reason
        + "\n\n"
        + window.tr(
            "Vill du återställa den senaste säkerhetskopian från {when}? Den nuvarande "
            "filen sparas undan först."
        ).format(when=long_timestamp(newest.made_at)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return perform_restore(window, newest.path)
