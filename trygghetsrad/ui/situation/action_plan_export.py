"""Saving the action-plan, follow-up and agreement PDFs from the pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from trygghetsrad.domain.situation.action_plan import PlanData
from trygghetsrad.domain.situation.agreements import AgreementData
from trygghetsrad.errors import UserError
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.ui.background import Cancelled, Progress, run_modal, write_file
from trygghetsrad.ui.context import AppContext


def _ask(parent: QWidget, kind: str, title: str, default_name: str) -> tuple[Path | None, bool]:
    """The file to write and whether internal content goes in (asked only when it exists)."""
    export = EXPORTS[kind]
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / default_name), export.file_filter
    )
    if not path:
        return None, False
    target = Path(path)
    if target.suffix.lower() != export.suffix:
        target = target.with_suffix(export.suffix)
    return target, False


def _write(parent: QWidget, ctx: AppContext, target: Path, build: Callable[[Any], bytes]) -> bool:
    """Build and save the PDF off the GUI thread behind a progress dialog with "Avbryt".

    The file is written beside the target and moved into place, so a cancel or an error
    leaves no half-written PDF (and an older file of the same name as it was)."""
    database = ctx.database
    reading = parent.tr("Hämtar uppgifterna…")
    rendering = parent.tr("Skapar PDF-dokumentet…")
    saving = parent.tr("Sparar {name}…").format(name=target.name)

    def work(progress: Progress) -> Path:
        progress.report(0, 0, reading)
        # In a worker thread: a session of its own (SQLite connections are per thread), the one
        # exception to `service_calls.read`/`store`, which run on the GUI thread (ui/background.py).
        with database.session() as session:
            progress.check()
            progress.report(0, 0, rendering)
            data = build(session)
        progress.check()
        progress.report(0, 0, saving)
        return write_file(target, data, progress)

    try:
        run_modal(parent, parent.tr("Sparar PDF"), work)
    except Cancelled:
        ctx.events.status_message.emit(parent.tr("Ingen PDF sparades (avbrutet)."))
        return False
    except UserError as exc:  # also a refused target or a failed write (files.py)
        QMessageBox.warning(parent, parent.tr("PDF kunde inte skapas"), str(exc))
        return False
    ctx.events.status_message.emit(parent.tr("Sparade {path}").format(path=target))
    return True


def export_plan_pdf(
    parent: QWidget, ctx: AppContext, plan: PlanData, include_internal: bool = False
) -> Path | None:
    target, _ = _ask(parent, "plan", parent.tr("Spara åtgärdsplanen som PDF"), f"{plan.title}.pdf")
    if target is None:
        return None

    def build(session: Any) -> bytes:
        from trygghetsrad.services.situation import followup

        doc = followup.plan_document(
            session, plan.id, today=date.today(), include_internal=include_internal
        )
        return EXPORTS["plan"].render(doc)

    return target if _write(parent, ctx, target, build) else None


def export_followup_pdf(
    parent: QWidget, ctx: AppContext, year: int, include_internal: bool = False
) -> Path | None:
    target, _ = _ask(
        parent,
        "followup",
        parent.tr("Spara uppföljningen som PDF"),
        parent.tr("Uppföljning av åtgärdsplanen {year}.pdf").format(year=year),
    )
    if target is None:
        return None

    def build(session: Any) -> bytes:
        from trygghetsrad.services.situation import followup

        doc = followup.followup_document(
            session, year, today=date.today(), include_internal=include_internal
        )
        return EXPORTS["followup"].render(doc)

    return target if _write(parent, ctx, target, build) else None


def export_agreement_pdf(
    parent: QWidget, ctx: AppContext, agreement: AgreementData, include_internal: bool = False
) -> Path | None:
    target, _ = _ask(
        parent, "agreement", parent.tr("Spara överenskommelsen som PDF"), f"{agreement.title}.pdf"
    )
    if target is None:
        return None

    def build(session: Any) -> bytes:
        from trygghetsrad.services.situation import agreements

        doc = agreements.agreement_document(
            session, agreement.id, today=date.today(), include_internal=include_internal
        )
        return EXPORTS["agreement"].render(doc)

    return target if _write(parent, ctx, target, build) else None
