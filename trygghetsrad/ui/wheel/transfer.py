"""The Årshjul page's files: the poster, pictures and calendar file it exports, the poster
it prints, and the calendar file (.ics) it imports as one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from trygghetsrad.domain.changes import WHEEL, Changes
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS, WHEEL_EXPORTS, ExportKind, by_suffix
from trygghetsrad.i18n import plural
from trygghetsrad.ui.wheel.host import WheelHost
from trygghetsrad.ui.widgets.journal_command import push_done

if TYPE_CHECKING:
    from trygghetsrad.domain.wheel.model import WheelDocument


def default_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home())


def printable(page: WheelHost) -> tuple[str, Callable[[], bytes]]:
    """Ctrl+P: the year's poster, the PDF the export writes (made off the GUI thread)."""
    from trygghetsrad.services.wheel import reads as wheel_reads

    internal = page.include_internal_exports
    doc = wheel_reads.document(page.ctx.database, page.year, include_internal=internal)
    name = f"Årshjul {page.year_text().replace('/', '-')}"
    poster = EXPORTS["wheel_pdf"].render
    return name, lambda: poster(doc, include_internal=internal)


def _kind(kind: str) -> ExportKind:
    """The export `kind` names on this page: "pdf" (the poster), "png", "svg" or "ics"."""
    found = by_suffix(WHEEL_EXPORTS, f".{kind}")
    if found is None:
        raise KeyError(kind)
    return found


def _render(kind: str, doc: WheelDocument, internal: bool) -> bytes:
    if kind == "png":  # painted with Qt here (the command line has Pillow's)
        from trygghetsrad.ui.wheel.render import wheel_png_qt

        return wheel_png_qt(doc, include_internal=internal)
    return _kind(kind).render(doc, include_internal=internal)


def _ask_target(page: WheelHost, kind: str) -> Path | None:
    export = _kind(kind)
    name = f"Årshjul {page.year_text().replace('/', '-')}{export.suffix}"
    chosen, _ = QFileDialog.getSaveFileName(
        page, page.tr("Exportera årshjulet"), str(default_dir() / name), export.file_filter
    )
    return Path(chosen) if chosen else None


def export(page: WheelHost, kind: str, path: Path | None = None) -> None:
    if path is None:
        path = _ask_target(page, kind)
        if path is None:
            return
    target, year, internal = path, page.year, page.include_internal_exports
    database = page.ctx.database

    def work(_progress: Any = None) -> Path:
        from trygghetsrad.services.wheel import reads as wheel_reads
        from trygghetsrad.ui.background import write_file

        doc = wheel_reads.document(database, year, include_internal=internal)
        # All at once, never over the database; a failure is a UserError naming the file.
        return write_file(target, _render(kind, doc, internal))

    if kind == "png":  # QImage painting stays on the GUI thread
        try:
            page.exported(work())
        except UserError as exc:
            QMessageBox.warning(page, page.tr("Export"), str(exc))
        return
    from trygghetsrad.ui.background import run_in_background

    page.export_task = run_in_background(work, parent=page, on_done=page.exported)


def import_ics(page: WheelHost, path: Path | None = None) -> None:
    """Import a calendar file into the ring filtered on (or Evenemang), all or nothing."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            page,
            page.tr("Importera kalenderfil"),
            str(default_dir()),
            page.tr("Kalenderfil (*.ics)"),
        )
        if not chosen:
            return
        path = Path(chosen)
    recorded = _read_in_background(page, path)
    if recorded is None:
        return
    from trygghetsrad.services import journal as journal_service

    result = recorded.result
    count = result.created + result.updated
    text = page.tr("Importera {events} från {name}").format(
        events=plural(count, page.tr("händelse"), page.tr("händelser")), name=path.name
    )
    push_done(page.stack, page.ctx, journal_service.relabel(recorded, text), parent_widget=page)
    page.ctx.events.changed(result.changes or Changes.of(WHEEL))
    counts = page.tr("{new}, {updated}, {s} fanns redan").format(
        new=plural(result.created, page.tr("ny"), page.tr("nya")),
        updated=plural(result.updated, page.tr("uppdaterad"), page.tr("uppdaterade")),
        s=result.skipped,
    )
    # What each recurring series became, as the command line says it.
    page.ctx.events.status_message.emit(" ".join([counts, *result.summary(limit=3)[1:]]))


def _read_in_background(page: WheelHost, path: Path) -> Any:
    """The import recorded under the journal (so that Ctrl+Z takes it all back out), or None
    when it was cancelled or refused (the user has been told)."""
    from trygghetsrad.services import journal as journal_service
    from trygghetsrad.services.wheel.extra import import_ics as import_calendar
    from trygghetsrad.ui.background import Cancelled, run_modal

    category = page.ring_filter.currentData() or "events"
    database, source = page.ctx.database, path
    label = page.tr("Importerar {name}…").format(name=path.name)

    def work(progress: Any) -> Any:
        # All or nothing: one transaction; "Avbryt" rolls it back.
        progress.report(0, 0, label)
        data = source.read_bytes()

        def load(s: Any) -> Any:
            found = import_calendar(s, data, category=category, progress=progress.report)
            progress.check()
            return found

        return journal_service.run(database, label, load)

    try:
        return run_modal(page, page.tr("Importerar kalenderfil"), work)
    except Cancelled:
        page.ctx.events.status_message.emit(page.tr("Importen avbröts; inget importerades."))
    except OSError as exc:
        QMessageBox.warning(
            page,
            page.tr("Import"),
            page.tr("Filen kunde inte läsas: {e}").format(e=exc.strerror),
        )
    except UserError as exc:
        QMessageBox.warning(page, page.tr("Import"), str(exc))
    return None
