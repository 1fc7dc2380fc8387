"""The forms of the agreements page: an agreement (cooperation agreement or citizen
promise) and one party's commitment in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from trygghetsrad.domain.situation.action_plan import MeasureStatus
from trygghetsrad.domain.situation.agreements import (
    AgreementData,
    AgreementKind,
    CommitmentData,
    Party,
)
from trygghetsrad.ui.situation.action_plan_common import fill_combo, qtr
from trygghetsrad.ui.situation.plan_dialogs import Save
from trygghetsrad.ui.widgets.check_list import CheckList
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry as OptionalDateEdit
from trygghetsrad.ui.widgets.form_dialog import FormDialog


def _date_edit(value: date) -> DateEntry:
    """A typed date; the form names its field (refuses 2026-02-30 instead of correcting)."""
    return DateEntry(value)


def _value(edit: DateEntry) -> date:
    """The typed date; ValidationError at its field when it is no possible date."""
    return edit.checked()


def _text(value: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class AgreementDialog(FormDialog):
    def __init__(
        self,
        on_save: Save,
        agreement: AgreementData | None,
        parent: QWidget | None = None,
        cooperations: Sequence[AgreementData] = (),
    ) -> None:
        """`cooperations`: the samverkansöverenskommelser a medborgarlöfte can belong to."""
        super().__init__(
            qtr("Överenskommelse") if agreement is None else qtr("Ändra överenskommelse"),
            on_save,
            parent,
        )
        a = agreement
        year = date.today().year
        self.kind = QComboBox()
        fill_combo(self.kind, [(k.value, k.label) for k in AgreementKind], a.kind if a else None)
        self.title = QLineEdit(a.title if a else "")
        self.start = _date_edit(a.period_start if a else date(year, 1, 1))
        self.end = _date_edit(a.period_end if a else date(year + 1, 12, 31))
        self.parties = _text(a.parties if a else "", 44)
        self.signatories = _text(a.signatories if a else "", 44)
        self.signed = OptionalDateEdit(self.tr("Undertecknad"), a.signed_on if a else None)
        self.place = QLineEdit(a.signed_place if a else "")
        self.place.setPlaceholderText(self.tr("Ort, t.ex. Storåker"))
        self.belongs_to = QComboBox()
        self.belongs_to.addItem(self.tr("(ingen)"), None)
        for other in cooperations:
            if a is None or other.id != a.id:
                self.belongs_to.addItem(other.title, other.id)
        if a is not None and a.belongs_to_id is not None:
            self.belongs_to.setCurrentIndex(max(0, self.belongs_to.findData(a.belongs_to_id)))
        self.focus = _text(a.focus_areas if a else "", 44)
        self.background = _text(a.background if a else "", 50)
        self.internal = QCheckBox(self.tr("Intern"))
        self.internal.setChecked(a.internal if a else False)
        self.add_field("kind", self.tr("Typ:"), self.kind)
        self.add_field("title", self.tr("Namn:"), self.title)
        self.add_field("period_start", self.tr("Från:"), self.start)
        self.add_field("period_end", self.tr("Till:"), self.end)
        self.add_field("parties", self.tr("Parter:"), self.parties, self.tr("En per rad."))
        self.add_field(
            "signatories",
            self.tr("Undertecknare:"),
            self.signatories,
            self.tr("En per rad: namn, titel."),
        )
        self.add_field("signed_on", self.tr("Datum:"), self.signed)
        self.add_field(
            "signed_place", self.tr("Ort:"), self.place, self.tr("Där den undertecknades.")
        )
        self.add_field(
            "belongs_to_id",
            self.tr("Hör till:"),
            self.belongs_to,
            self.tr("För ett medborgarlöfte: samverkansöverenskommelsen det hör till."),
        )
        self.add_field("focus_areas", self.tr("Fokusområden:"), self.focus, self.tr("Ett per rad."))
        self.add_field("background", self.tr("Bakgrund:"), self.background)
        self.add_field("internal", "", self.internal)

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "period_start": _value(self.start),
            "period_end": _value(self.end),
            "parties": self.parties.toPlainText(),
            "signatories": self.signatories.toPlainText(),
            "signed_on": self.signed.value(),
            "signed_place": self.place.text(),
            "belongs_to_id": self.belongs_to.currentData(),
            "focus_areas": self.focus.toPlainText(),
            "background": self.background.toPlainText(),
            "internal": self.internal.isChecked(),
        }


class CommitmentDialog(FormDialog):
    def __init__(
        self,
        on_save: Save,
        commitment: CommitmentData | None,
        measures: list[tuple[int, str]],
        focus_areas: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            qtr("Åtagande") if commitment is None else qtr("Ändra åtagande"), on_save, parent
        )
        c = commitment
        self.party = QComboBox()
        fill_combo(self.party, [(p.value, p.label + " …") for p in Party], c.party if c else None)
        self.party_name = QLineEdit(c.party_name if c else "")
        self.party_name.setPlaceholderText(self.tr("t.ex. Storåkers kommun eller Kommunerna"))
        self.number = QLineEdit(c.number if c else "")
        self.number.setPlaceholderText(self.tr("som i den undertecknade texten, t.ex. 3"))
        self.text = _text(c.text if c else "", 80)
        self.focus = QComboBox()
        self.focus.setEditable(True)
        self.focus.addItems(["", *focus_areas])
        self.focus.setCurrentText(c.focus_area if c else "")
        self.status = QComboBox()
        fill_combo(
            self.status, [(s.value, s.label) for s in MeasureStatus], c.status if c else None
        )
        self.internal = QCheckBox(self.tr("Intern"))
        self.internal.setChecked(c.internal if c else False)
        self.measures = CheckList()
        chosen = set(c.measure_ids) if c else set()
        for mid, title in measures:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, mid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if mid in chosen else Qt.CheckState.Unchecked)
            self.measures.addItem(item)
        self.add_field("party", self.tr("Part:"), self.party)
        self.add_field(
            "party_name",
            self.tr("Partens namn:"),
            self.party_name,
            self.tr("Tomt: Polisen, Kommunen eller Tillsammans. Ifyllt: ”Kommunerna lovar”."),
        )
        self.add_field("number", self.tr("Nummer:"), self.number)
        self.add_field("text", self.tr("Åtagande:"), self.text)
        self.add_field("focus_area", self.tr("Fokusområde:"), self.focus)
        self.add_field("status", self.tr("Status:"), self.status)
        self.add_field("measure_ids", self.tr("Kopplade åtgärder:"), self.measures)
        self.add_field("internal", "", self.internal)

    def values(self) -> dict[str, Any]:
        return {
            "party": self.party.currentData(),
            "party_name": self.party_name.text(),
            "number": self.number.text(),
            "text": self.text.toPlainText(),
            "focus_area": self.focus.currentText(),
            "status": self.status.currentData(),
            "internal": self.internal.isChecked(),
            "measure_ids": tuple(
                self.measures.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.measures.count())
                if self.measures.item(i).checkState() == Qt.CheckState.Checked
            ),
        }
