"""What the situation-picture page's buttons do: a new picture or version, delete, present
(which freezes the version), the report's head and chapters, and the report as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QPushButton

from trygghetsrad.domain.situation.picture import PictureData
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.ui.situation.base import SituationSubPage
from trygghetsrad.ui.situation.forms import PresentDialog
from trygghetsrad.ui.situation.models import PicturesModel


class PictureActions(SituationSubPage):
    """The page's edits and exports; `PicturesPage` builds the widgets they read."""

    exported = Signal(str)  # the path of a report written
    picture: PictureData | None
    model: PicturesModel
    title_edit: QLineEdit
    saved_label: QLabel
    export_button: QPushButton
    include_internal: QCheckBox
    _dirty: set[str]
    _timer: QTimer

    def select(self, picture_id: int) -> None:
        raise NotImplementedError

    def save_now(self) -> bool:
        raise NotImplementedError

    # -- actions -------------------------------------------------------------------------------

    def new_picture(self) -> None:
        self.save_now()
        year = date.today().year
        title = self.tr("Lägesbild {year}").format(year=year)
        existing = {p.title for p in self.model.rows()}
        n = 2
        while title in existing:
            title = self.tr("Lägesbild {year} ({n})").format(year=year, n=n)
            n += 1
        values = {
            "title": title,
            "period_start": date(year, 1, 1),
            "period_end": date(year, 12, 31),
        }
        ok, created = self.record(
            self.tr("Ny lägesbild {title}").format(title=title),
            lambda s: situation_pictures.create_picture(s, **values),
        )
        if ok:
            self.select(created.id)
            self.title_edit.setFocus()

    def new_version(self) -> None:
        if self.picture is None:
            return
        self.save_now()
        picture = self.picture
        ok, created = self.record(
            self.tr("Ny version av {title}").format(title=picture.title),
            lambda s: situation_pictures.new_version(s, picture.id),
        )
        if ok:
            self.select(created.id)

    def delete_picture(self) -> None:
        p = self.picture
        if p is None or p.is_frozen:
            return
        self._dirty.clear()
        self._timer.stop()
        ok, _result = self.record(
            self.tr("Ta bort {title}").format(title=p.title),
            lambda s: situation_pictures.delete_picture(s, p.id),
        )
        if not ok:
            return
        self.picture = None
        self.refresh()

    def present(self) -> None:
        p = self.picture
        if p is None or p.is_frozen:
            return
        self.save_now()

        def save(values: dict[str, Any]) -> None:
            created = self.record_form(
                self.tr("Presentera {title}").format(title=p.title),
                lambda s: situation_pictures.present_picture(s, p.id, **values),
            )
            self.select(created.id)

        self.dialog = PresentDialog(save, p.title, parent=self)
        self.dialog.open()

    def edit_document(self) -> None:
        """The report's title, date of issue, author and the user's own chapters."""
        p = self.picture
        if p is None:
            return
        from trygghetsrad.domain.situation.documents import DocumentKind
        from trygghetsrad.ui.situation.document_dialog import edit_document

        self.dialog = edit_document(
            self, kind=DocumentKind.SITUATION_REPORT,
            owner=p.id, what=p.title, default_title=p.title,
        )  # fmt: skip

    def export_pdf(self, target: str | None = None) -> None:
        """Save the report of the shown version as PDF (built off the GUI thread)."""
        p = self.picture
        if p is None:
            return
        self.save_now()
        report_kind = EXPORTS["situation"]
        if not target:
            suggested = Path.home() / f"{p.title} version {p.version}{report_kind.suffix}"
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Spara lägesbilden som PDF"), str(suggested), report_kind.file_filter
            )
        if not target:
            return
        include = self.include_internal.isChecked()
        database = self.ctx.database
        picture_id = p.id
        path = Path(target)

        def work(_progress: Any) -> str:
            from trygghetsrad.ui.background import write_file

            # In a worker thread: a session of its own (SQLite connections are per thread), the one
            # exception to `service_calls.read`/`store`, which run on the GUI thread (ui/background.py).
            with database.session() as s:
                report = situation_pictures.build_report(s, picture_id, include_internal=include)
            data = report_kind.render(report)
            return str(write_file(path, data))  # all at once, never over the database

        from trygghetsrad.ui.background import run_in_background

        self.export_button.setEnabled(False)
        self.saved_label.setText(self.tr("Skapar PDF …"))

        def done(result: str) -> None:
            self.export_button.setEnabled(True)
            self.saved_label.setText(self.tr("Rapporten sparades i {path}").format(path=result))
            self.ctx.events.status_message.emit(
                self.tr("Rapporten sparades i {path}").format(path=result)
            )
            self.exported.emit(result)

        def failed(error: object) -> None:
            self.export_button.setEnabled(True)
            self.saved_label.setText("")
            self.show_error(str(error))

        self._task = run_in_background(work, parent=self, on_done=done, on_error=failed)
