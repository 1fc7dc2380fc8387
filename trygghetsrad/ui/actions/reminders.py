"""Reminders from the action register: a folder of e-mail drafts (.eml), then a summary.

The drafts are the command line's (`export reminders`): `services.actions.reminders` says who to
remind of what, `export.meetings.reminders.reminder_files` writes each draft. "Till alla"
also reminds the providers of late data; for one person, that person's actions and late
deliveries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.i18n import plural, tr
from trygghetsrad.ui.background import Progress
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.service_calls import read


@dataclass(frozen=True)
class Written:
    """What one run wrote, for the summary."""

    folder: Path
    recipients: tuple[str, ...] = ()  # "Anna Berg <anna@…> – 2 uppdrag", one per draft
    files: tuple[Path, ...] = ()
    without_address: tuple[str, ...] = field(default_factory=tuple)


def write_reminders(
    ctx: AppContext,
    folder: Path,
    *,
    today: date,
    person_id: int | None = None,
    overdue_only: bool = False,
    action_ids: frozenset[int] | None = None,
    progress: Progress | None = None,
) -> Written:
    """Write the drafts into `folder` (created private if missing). Runs in a worker."""
    from trygghetsrad.export.meetings.reminders import reminder_files
    from trygghetsrad.files import private_dirs, write_document
    from trygghetsrad.services import settings
    from trygghetsrad.services.actions.reminders import reminders

    found, config = read(
        ctx,
        lambda s: (
            reminders(
                s,
                today=today,
                overdue_only=overdue_only,
                person_id=person_id,
                action_ids=action_ids,
            ),
            settings.load(s),
        ),
    )
    files = reminder_files(
        found, today=today, sender_email=config.sender_email, signature=config.coordinator_name
    )
    recipients = [
        tr("{name} <{email}> – {count}").format(
            name=r.name, email=r.email, count=plural(len(r.actions), tr("uppdrag"), tr("uppdrag"))
        )
        for r in found.actions
    ] + [
        tr("{name} <{email}> – försenat underlag: {sources}").format(
            name=d.name, email=d.email, sources=", ".join(s.name for s in d.sources)
        )
        for d in found.deliveries
    ]
    written = []
    if files:
        private_dirs(folder)
    for n, (name, data) in enumerate(files):
        if progress is not None:
            progress.report(n, len(files), name)
        written.append(
            write_document(
                folder / name,
                data,
                private=True,
                before_replace=progress.check if progress else None,
            )
        )
    return Written(folder, tuple(recipients), tuple(written), found.without_address)


class ReminderSummaryDialog(QDialog):
    """How many drafts were written where, to whom, who has no address; "Öppna mappen"."""

    def __init__(self, written: Written, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.written = written
        self.setWindowTitle(self.tr("Påminnelser"))
        self.setAccessibleName(self.tr("Påminnelser"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        count = len(written.files)
        if count:
            text = self.tr("{drafts} skrevs i mappen").format(
                drafts=plural(count, self.tr("e-postutkast"), self.tr("e-postutkast"))
            )
        else:
            text = self.tr("Ingen att påminna: inga öppna uppdrag eller försenade leveranser.")
        self.heading = QLabel(text)
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        if count:
            where = QLabel(str(written.folder))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            layout.addWidget(where)
            hint = QLabel(
                self.tr(
                    "Öppna utkasten i e-postprogrammet, läs igenom dem och skicka. Inget har "
                    "skickats än."
                )
            )
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.recipients = self._list(layout, self.tr("Utkast till"), written.recipients)
        self.missing = self._list(
            layout,
            self.tr("Saknar e-postadress (påminn på annat sätt)"),
            written.without_address,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.open_button = QPushButton(self.tr("Öppna mappen"))
        self.open_button.setEnabled(count > 0)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def _list(self, layout: QVBoxLayout, title: str, lines: tuple[str, ...]) -> QListWidget | None:
        if not lines:
            return None
        label = QLabel(f"{title} ({len(lines)}):")
        label.setStyleSheet("font-weight: 600;")
        layout.addWidget(label)
        view = QListWidget()
        view.setAccessibleName(title)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Long lines ("… försenat underlag: Nattvandrarnas rapporter") wrap, not scroll.
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.addItems(list(lines))
        view.setMaximumHeight(min(24 * len(lines) + 8, 220))
        layout.addWidget(view)
        return view

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.folder)))
