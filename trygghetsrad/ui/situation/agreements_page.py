"""Överenskommelser: the cooperation agreement and the citizen promises with the police, their
commitments per party linked to measures and followed up like them."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.situation.agreements import AgreementData
from trygghetsrad.services.situation import agreements
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.action_plan_common import attach_export_menu, iso
from trygghetsrad.ui.situation.agreements_actions import AgreementActions
from trygghetsrad.ui.situation.agreements_model import CommitmentTableModel
from trygghetsrad.ui.widgets.attachments import AttachmentsBox
from trygghetsrad.ui.widgets.columns import ColumnFitter
from trygghetsrad.ui.widgets.empty_state import EmptyState
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.service_calls import read


class AgreementsPage(AgreementActions):
    """The agreements on the left; the chosen one's head and commitments on the right. What
    the buttons do is in `AgreementActions`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Överenskommelser"))
        self._agreements: list[AgreementData] = []
        left = self._build_agreements()
        self._build_commitments()
        right = self._build_commitment_pane()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 1100])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def _build_agreements(self) -> QWidget:
        """The agreements and their buttons (left)."""
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Överenskommelser med Polisen"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.currentRowChanged.connect(lambda _r: self._show_agreement())
        new = QPushButton(self.tr("Ny…"))
        new.setAccessibleName(self.tr("Ny överenskommelse"))
        new.clicked.connect(self._on_new)
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.edit_button.setAccessibleName(self.tr("Ändra överenskommelse"))
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.delete_button.setAccessibleName(self.tr("Ta bort överenskommelse"))
        self.delete_button.clicked.connect(self._on_delete)
        self.export_button = QPushButton(self.tr("PDF…"))
        self.export_button.setAccessibleName(self.tr("Överenskommelsen som PDF"))
        attach_export_menu(self.export_button, self._on_export)
        self.document_button = QPushButton(self.tr("Rubrik och kapitel…"))
        self.document_button.setAccessibleName(self.tr("Överenskommelsens rubrik och kapitel"))
        self.document_button.clicked.connect(self._on_document)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        heading = QLabel(self.tr("Överenskommelser"))
        heading.setProperty("role", "heading")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        for b in (new, self.edit_button, self.delete_button, self.export_button):
            row.addWidget(b)
        left_layout.addLayout(row)
        left_layout.addWidget(self.document_button)
        self.steps_button = QPushButton(self.tr("Arbetsmodell…"))
        self.steps_button.setAccessibleName(self.tr("Arbetsmodellens steg och uppföljning"))
        self.steps_button.clicked.connect(self._on_steps)
        left_layout.addWidget(self.steps_button)
        # The files kept with the agreement (the signed copy): "Bilaga 1" in its PDF.
        files = QGroupBox(self.tr("Bilagor"))
        self.attachments = AttachmentsBox(self.ctx, lambda: self.undo_stack, OwnerKind.AGREEMENT)
        QVBoxLayout(files).addWidget(self.attachments)
        left_layout.addWidget(files)
        return left

    def _build_commitments(self) -> None:
        """The agreement's head and its commitments, their columns sharing the width."""
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.head.setAccessibleName(self.tr("Överenskommelsens uppgifter"))
        self.head.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.model = CommitmentTableModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Åtaganden"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _i: self._on_edit_commitment())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.columns = ColumnFitter(
            # The status cell says why the light is what it is: running text too.
            self.table,
            stretch=(2, 3, 4, 5, 6),
            max_width=110,
            rows_to_contents=True,
        )

    def _build_commitment_pane(self) -> QWidget:
        """The head, the commitment buttons and the table, or a hint when there is nothing."""
        buttons = QHBoxLayout()
        self.new_commitment = QPushButton(self.tr("Nytt åtagande…"))
        self.new_commitment.clicked.connect(self._on_new_commitment)
        self.edit_commitment = QPushButton(self.tr("Ändra…"))
        self.edit_commitment.clicked.connect(self._on_edit_commitment)
        self.delete_commitment = QPushButton(self.tr("Ta bort"))
        self.delete_commitment.clicked.connect(self._on_delete_commitment)
        self.followup_button = QPushButton(self.tr("Ny uppföljning…"))
        self.followup_button.clicked.connect(self._on_followup)
        self.link_button = QPushButton(self.tr("Koppla till protokoll…"))
        self.link_button.clicked.connect(self._on_link)
        for b in (
            self.new_commitment,
            self.edit_commitment,
            self.delete_commitment,
            self.followup_button,
            self.link_button,
        ):
            b.setAccessibleName(b.text().rstrip("…"))
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.head)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            self.tr("Inga överenskommelser"),
            self.tr(
                "Lägg in samverkansöverenskommelsen med Polisen och medborgarlöftena med "
                "”Ny…”. Varje åtagande kopplas till åtgärder och följs upp."
            ),
        )
        right_layout.addWidget(self.empty, 1)
        return right

    def refresh(self) -> None:
        keep = self.current().id if self.current() else None
        self._agreements = read(self.ctx, agreements.list_agreements)
        self.list.blockSignals(True)
        self.list.clear()
        today = date.today()
        for a in self._agreements:
            state = (
                self.tr("gäller")
                if a.in_force(today)
                else self.tr("avslutad")
                if a.period_end < today
                else self.tr("kommande")
            )
            item = QListWidgetItem(f"{a.title}\n{a.kind_label} · {state}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        index = next((i for i, a in enumerate(self._agreements) if a.id == keep), 0)
        if self._agreements:
            self.list.setCurrentRow(index)
        self._show_agreement()

    def select_agreement(self, agreement_id: int) -> None:
        for i, a in enumerate(self._agreements):
            if a.id == agreement_id:
                self.list.setCurrentRow(i)

    def open_record(self, owner: Any) -> bool:
        """Show an agreement or one of its commitments (from search)."""
        if owner.kind == "agreement":
            agreement_id, commitment_id = owner.id, None
        elif owner.kind == "commitment":
            found = read(
                self.ctx, lambda s: [c for c in agreements.list_commitments(s) if c.id == owner.id]
            )
            if not found:
                return False
            agreement_id, commitment_id = found[0].agreement_id, owner.id
        else:
            return False
        if all(a.id != agreement_id for a in self._agreements):
            return False
        self.select_agreement(agreement_id)
        if commitment_id is not None:
            row = self.model.row_of(commitment_id)
            if row >= 0:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.table.setFocus()
        return True

    def _on_steps(self) -> Any:
        """The agreement's working model, step by step with its follow-up."""
        from trygghetsrad.ui.situation.agreement_steps import StepsDialog

        a = self.current()
        if a is None:
            return None
        self.steps_dialog = StepsDialog(a, self.read, self.record_form, self.record, self)
        self.steps_dialog.open()
        return self.steps_dialog

    def _show_agreement(self) -> None:
        a = self.current()
        has = a is not None
        self.empty.setVisible(not has)
        for w in (
            self.head,
            self.table,
            self.new_commitment,
            self.edit_commitment,
            self.delete_commitment,
            self.followup_button,
            self.link_button,
        ):
            w.setVisible(has)
        self.edit_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.document_button.setEnabled(has)
        self.steps_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.attachments.set_owner(None if a is None else a.id)
        if a is None:
            self.model.set_rows([])
            return
        parts = [f"<h3>{escape(a.title)}</h3>", f"<p>{escape(a.kind_label)} · {a.period_label}"]
        if a.signed_on:
            parts.append(escape(self.tr(" · undertecknad {d}").format(d=iso(a.signed_on))))
        if a.signed_place:
            parts.append(escape(self.tr(" i {place}").format(place=a.signed_place)))
        parts.append("</p>")
        for line in a.link_lines:  # each of the two agreements names the other
            parts.append(f"<p>{escape(line)}</p>")
        if a.signatory_list:
            parts.append(
                f"<p><b>{escape(self.tr('Undertecknare'))}:</b> "
                f"{escape('; '.join(a.signatory_list))}</p>"
            )
        if a.focus_list:
            parts.append(
                f"<p><b>{escape(self.tr('Fokusområden'))}:</b> "
                f"{escape('; '.join(a.focus_list))}</p>"
            )
        self.head.setText("".join(parts))
        rows = read(self.ctx, lambda s: agreements.commitment_rows(s, a.id, today=date.today()))
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()


def make_page(ctx: AppContext) -> QWidget:
    return AgreementsPage(ctx)
