"""The form for one data source: what it is, who owns and delivers it, when it comes (with
its delivery state computed as the dates are typed), what stands in the way, and notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from trygghetsrad.domain.situation.picture import (
    Alert,
    Frequency,
    GeoLevel,
    ObstacleKind,
    SourceData,
    SourceKind,
    SourceStatus,
    source_alert,
)
from trygghetsrad.errors import ValidationError
from trygghetsrad.ui.situation.forms import combo, enum_combo, text_edit
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry as OptionalDateEdit
from trygghetsrad.ui.widgets.form_dialog import FormDialog


class SourceDialog(FormDialog):
    def __init__(
        self,
        on_save: Any,
        organisations: list[tuple[str, int]],
        people: list[tuple[str, int]],
        source: SourceData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Ändra underlag") if source else self.tr("Nytt underlag")
        super().__init__(title, on_save, parent, scrollable=True)
        self.setMinimumWidth(940)
        s = source
        # Two columns: what the source is and when it comes on the left, obstacles and notes
        # on the right, so that the dialog fits a 1366×768 screen.
        self._add_what_and_whom(s, organisations, people)
        self._add_when(s)
        self._add_obstacles_and_notes(s)

    def _add_what_and_whom(
        self,
        s: SourceData | None,
        organisations: list[tuple[str, int]],
        people: list[tuple[str, int]],
    ) -> None:
        """Name, kind, who owns the source and who delivers it (left column)."""
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit(s.name if s else ""))
        self.kind = self.add_field(
            "kind", self.tr("Typ"), enum_combo(SourceKind, s.kind if s else None)
        )
        none = [(self.tr("(ingen vald)"), None)]
        self.provider = self.add_field(
            "provider_organisation_id",
            self.tr("Ägs av"),
            combo(none + organisations, s.provider_organisation_id if s else None),
        )
        self.provider_name = self.add_field(
            "provider_name",
            self.tr("Annan källa"),
            QLineEdit(s.provider_name if s else ""),
            hint=self.tr("Om underlaget kommer utifrån, till exempel Brå eller SCB."),
        )
        self.delivered_by = self.add_field(
            "delivered_by_id",
            self.tr("Lämnas av"),
            combo(none + people, s.delivered_by_id if s else None),
        )
        for box in (self.provider, self.delivered_by):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(18)

    def _add_when(self, s: SourceData | None) -> None:
        """How often it comes, when it came and is expected, its level and whether it can be
        had, with the delivery state computed from them (left column)."""
        self.frequency = self.add_field(
            "frequency", self.tr("Hur ofta"), enum_combo(Frequency, s.frequency if s else None)
        )
        self.last_received = self.add_field(
            "last_received",
            self.tr("Senast mottaget"),
            OptionalDateEdit(self.tr("Mottaget"), s.last_received if s else None),
        )
        self.next_expected = self.add_field(
            "next_expected",
            self.tr("Nästa väntas"),
            OptionalDateEdit(self.tr("Väntas"), s.next_expected if s else None),
        )
        self.level = self.add_field(
            "geographic_level",
            self.tr("Geografisk nivå"),
            enum_combo(GeoLevel, s.geographic_level if s else None),
        )
        self.status = self.add_field(
            "status",
            self.tr("Tillgång"),
            # A new source claims nothing about whether it can be had until the user says.
            enum_combo(SourceStatus, s.status if s else SourceStatus.UNKNOWN.value),
            hint=self.tr(
                "Om underlaget går att få alls. Om leveranserna kommer i tid räknas ut "
                "från datumen ovan."
            ),
        )
        self.delivery = QLabel()
        self.delivery.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_field("delivery", self.tr("Leverans"), self.delivery)
        self.status.currentIndexChanged.connect(self._update_delivery)
        self.next_expected.check.toggled.connect(self._update_delivery)
        self.next_expected.edit.dateChanged.connect(self._update_delivery)
        self._update_delivery()

    def _add_obstacles_and_notes(self, s: SourceData | None) -> None:
        """What stands in the way, description, note and whether it is internal (right)."""
        right = self.add_column()
        obstacles = QWidget()
        grid = QGridLayout(obstacles)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        current = {o.kind: o.note for o in (s.obstacles if s else ())}
        self.obstacle_checks: dict[str, QCheckBox] = {}
        self.obstacle_notes: dict[str, QLineEdit] = {}
        for row, kind in enumerate(ObstacleKind):
            check = QCheckBox(kind.label)
            check.setAccessibleName(self.tr("Hinder: {kind}").format(kind=kind.label))
            check.setChecked(kind.value in current)
            note = QLineEdit(current.get(kind.value, ""))
            note.setPlaceholderText(self.tr("Anteckning"))
            note.setAccessibleName(self.tr("Anteckning om {kind}").format(kind=kind.label))
            note.setMinimumWidth(220)
            note.setToolTip(note.text())
            note.textChanged.connect(note.setToolTip)
            note.setCursorPosition(0)
            grid.addWidget(check, row, 0)
            grid.addWidget(note, row, 1)
            self.obstacle_checks[kind.value] = check
            self.obstacle_notes[kind.value] = note
        self.add_field("obstacles", self.tr("Hinder"), obstacles, form=right)
        obstacles.setAccessibleName(self.tr("Hinder"))
        self.description = self.add_field(
            "description",
            self.tr("Beskrivning"),
            text_edit(s.description if s else "", 90),
            form=right,
        )
        self.note = self.add_field(
            "note", self.tr("Anteckning"), text_edit(s.note if s else "", 60), form=right
        )
        self.internal = self.add_field(
            "internal",
            self.tr("Intern"),
            QCheckBox(self.tr("Intern – tas inte med i exporter")),
            form=right,
        )
        self.internal.setChecked(bool(s and s.internal))

    def delivery_text(self) -> str:
        """The delivery state the list shows as "Leverans", from the form's current values."""
        today = date.today()
        try:
            expected = self.next_expected.value()
        except ValidationError:
            # Half-typed or impossible: saving shows why at the field; nothing to compute yet.
            return self.tr("Nästa väntas: inget giltigt datum ännu")
        alert = source_alert(self.status.currentData(), expected, today)
        when = expected.isoformat() if expected else ""
        if alert is Alert.OVERDUE:
            return self.tr("Försenad – väntades {day}").format(day=when)
        if alert is Alert.DUE_SOON:
            return self.tr("Väntas snart – {day}").format(day=when)
        if alert is not None:
            return alert.label
        if expected is not None:
            return self.tr("I tid – nästa väntas {day}").format(day=when)
        return self.tr("Inget datum för nästa leverans")

    def _update_delivery(self, *_: object) -> None:
        self.delivery.setText(self.delivery_text())

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "provider_organisation_id": self.provider.currentData(),
            "provider_name": self.provider_name.text(),
            "delivered_by_id": self.delivered_by.currentData(),
            "frequency": self.frequency.currentData(),
            "last_received": self.last_received.value(),
            "next_expected": self.next_expected.value(),
            "geographic_level": self.level.currentData(),
            "status": self.status.currentData(),
            "obstacles": [
                (kind, self.obstacle_notes[kind].text())
                for kind, check in self.obstacle_checks.items()
                if check.isChecked()
            ],
            "description": self.description.toPlainText(),
            "note": self.note.toPlainText(),
            "internal": self.internal.isChecked(),
        }
