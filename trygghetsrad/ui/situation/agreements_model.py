"""The commitments of one agreement: party, text, status with the reason for its light,
linked measures, the latest follow-up and the minutes that mention it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from trygghetsrad.domain.situation.action_plan import light_note, status_label
from trygghetsrad.domain.situation.agreements import CommitmentRow
from trygghetsrad.domain.text import search_text
from trygghetsrad.ui.situation.action_plan_common import iso
from trygghetsrad.ui.situation.plan_model import LIGHT_ROLES, last_followup, light_data
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommitmentTableModel", text)


def _status(row: CommitmentRow) -> str:
    """The status and why the light is what it is, as the agreement PDF prints it."""
    status = status_label(row.commitment.status)
    note = light_note(status, row.light.reason)
    return f"{status}\n{note}" if note else status


class CommitmentTableModel(RecordTableModel[CommitmentRow]):
    """Short headers fit 1366 px; the full wording is the header's tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("", lambda r: "", tooltip=lambda r: r.light.reason),
                Column(_tr("Part"), lambda r: r.commitment.party_short),
                Column(_tr("Åtagande"),
                       lambda r: r.commitment.numbered_text
                       + (_tr(" (intern)") if r.commitment.internal else "")),
                Column(_tr("Status"), _status),
                Column(_tr("Åtgärder"), lambda r: "; ".join(r.commitment.measure_titles),
                       header_tip=_tr("Kopplade åtgärder")),
                Column(_tr("Uppföljning"), lambda r: last_followup(r.followups),
                       header_tip=_tr("Senaste uppföljning")),
                Column(_tr("I protokollen"),
                       lambda r: " · ".join(f"{iso(m.meeting_date)} {m.text}" for m in r.mentions)),
            ],
            search=lambda r: search_text(r.commitment.text, *r.commitment.measure_titles),
            parent=parent,
        )  # fmt: skip

    def row_key(self, record: CommitmentRow) -> int:
        return record.commitment.id

    def row_data(self, record: CommitmentRow, row: int, column: int, role: int) -> Any:
        if column == 0 and role in LIGHT_ROLES:
            return light_data(record.light, role)
        return super().row_data(record, row, column, role)
