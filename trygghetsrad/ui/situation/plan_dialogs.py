"""Dialogs of the action plan: plan head, adoption, measure, follow-up note, meeting link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from trygghetsrad.domain.situation.action_plan import (
    Effect,
    MeasureData,
    MeasureInput,
    MeasureKind,
    MeasureStatus,
    MeetingMention,
    PlanData,
    TargetDirection,
    format_number,
)
from trygghetsrad.domain.situation.area_tree import AreaData
from trygghetsrad.errors import ValidationError
from trygghetsrad.ui.situation.action_plan_common import fill_combo, parse_number, qtr
from trygghetsrad.ui.widgets.area_picker import AreaPicker
from trygghetsrad.ui.widgets.check_list import CheckList
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry as OptionalDateEdit
from trygghetsrad.ui.widgets.form_dialog import FormDialog

Save = Callable[[dict[str, Any]], object]


def _date_edit(value: date) -> DateEntry:
    """A typed date; the form names its field (refuses 2026-02-30 instead of correcting)."""
    return DateEntry(value)


def _value(edit: DateEntry) -> date:
    """The typed date; ValidationError at its field when it is no possible date."""
    return edit.checked()


def _text(value: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class PlanDialog(FormDialog):
    def __init__(self, on_save: Save, plan: PlanData | None, parent: QWidget | None = None) -> None:
        super().__init__(
            qtr("Åtgärdsplan") if plan is None else qtr("Ändra åtgärdsplan"),
            on_save,
            parent,
            intro=qtr(
                "Planperioden och datumet för den årliga uppföljningen. Uppföljningsdatumet "
                "visas i årshjulet."
            ),
        )
        year = date.today().year
        self.title = QLineEdit(
            plan.title if plan else qtr("Åtgärdsplan {a}–{b}").format(a=year, b=year + 1)
        )
        self.start = _date_edit(plan.period_start if plan else date(year, 1, 1))
        self.end = _date_edit(plan.period_end if plan else date(year + 1, 12, 31))
        self.follow_up = OptionalDateEdit(
            self.tr("Uppföljning"), plan.follow_up_on if plan else None
        )
        self.note = _text(plan.note if plan else "", 90)
        self.add_field("title", self.tr("Namn:"), self.title)
        self.add_field("period_start", self.tr("Från:"), self.start)
        self.add_field("period_end", self.tr("Till:"), self.end)
        self.add_field("follow_up_on", self.tr("Uppföljning:"), self.follow_up)
        self.add_field("note", self.tr("Inledning:"), self.note)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "period_start": _value(self.start),
            "period_end": _value(self.end),
            "follow_up_on": self.follow_up.value(),
            "note": self.note.toPlainText(),
        }


class AdoptDialog(FormDialog):
    def __init__(self, on_save: Save, plan: PlanData, parent: QWidget | None = None) -> None:
        super().__init__(
            qtr("Anta åtgärdsplan"),
            on_save,
            parent,
            intro=qtr(
                "Beslutet fryser planen som den antogs. Status och uppföljning förs vidare; "
                "ändringar av åtgärderna görs i en ny version."
            ),
        )
        self.body = QComboBox()
        self.body.setEditable(True)
        self.body.addItems(
            [qtr("Kommunfullmäktige"), qtr("Kommunstyrelsen"), qtr("Trygghetsrådet")]
        )
        self.day = _date_edit(date.today())
        self.ref = QLineEdit()
        self.ref.setPlaceholderText("§ 47")
        self.add_field("adopted_by", self.tr("Beslutande organ:"), self.body)
        self.add_field("adopted_on", self.tr("Datum:"), self.day)
        self.add_field("adoption_ref", self.tr("Paragraf:"), self.ref)

    def values(self) -> dict[str, Any]:
        return {
            "adopted_by": self.body.currentText(),
            "adopted_on": _value(self.day),
            "adoption_ref": self.ref.text(),
        }


class MeasureDialog(FormDialog):
    """All fields of a measure, with the causes it addresses as a checklist."""

    def __init__(
        self,
        on_save: Save,
        measure: MeasureData | None,
        *,
        organisations: list[tuple[int, str]],
        people: list[tuple[int, str]],
        indicators: list[tuple[int, str]],
        causes: list[tuple[int | None, str]],
        content_locked: bool = False,
        parent: QWidget | None = None,
        areas: list[AreaData] | None = None,
        area_id: int | None = None,
    ) -> None:
        super().__init__(
            qtr("Ny åtgärd") if measure is None else qtr("Ändra åtgärd"),
            on_save,
            parent,
            intro=(
                qtr(
                    "Planen är antagen: bara status kan ändras här. Skapa en ny version av "
                    "planen för att ändra åtgärdens innehåll."
                )
                if content_locked
                else ""
            ),
            scrollable=True,
        )
        m = measure
        self.setMinimumWidth(960)
        self._build_what(m)
        self.area = AreaPicker(areas or [], area_id)
        self._build_who_and_when(m, organisations, people)
        self._build_measured_by(m, indicators)
        self._build_causes(m, causes)
        self._lay_out(content_locked)

    def _build_what(self, m: MeasureData | None) -> None:
        """Title, description, kind, expected effect, status and whether it is internal."""
        self.title = QLineEdit(m.title if m else "")
        self.description = _text(m.description if m else "")
        self.kind = QComboBox()
        fill_combo(self.kind, [(k.value, k.label) for k in MeasureKind], m.kind if m else None)
        self.effect = QComboBox()
        fill_combo(self.effect, [(e.value, e.label) for e in Effect], m.effect if m else None)
        self.status = QComboBox()
        fill_combo(
            self.status, [(s.value, s.label) for s in MeasureStatus], m.status if m else None
        )
        self.internal = QCheckBox(self.tr("Intern (lämnas utanför exporter)"))
        self.internal.setChecked(m.internal if m else False)

    def _build_who_and_when(
        self,
        m: MeasureData | None,
        organisations: list[tuple[int, str]],
        people: list[tuple[int, str]],
    ) -> None:
        """Who is responsible, with whom, from when to when and with what resources."""
        self.org = QComboBox()
        fill_combo(self.org, organisations, m.responsible_organisation_id if m else None, "–")
        self.person = QComboBox()
        fill_combo(self.person, people, m.responsible_person_id if m else None, "–")
        self.partners = QLineEdit(m.partners if m else "")
        self.start = OptionalDateEdit(self.tr("Start"), m.start if m else None)
        self.end = OptionalDateEdit(self.tr("Slut"), m.end if m else None)
        self.resources = QLineEdit(m.resources if m else "")

    def _build_measured_by(self, m: MeasureData | None, indicators: list[tuple[int, str]]) -> None:
        """The indicator followed and the target, as a number with a direction or in words."""
        self.indicator = QComboBox()
        fill_combo(self.indicator, indicators, m.indicator_id if m else None, "–")
        self.target = QLineEdit(format_number(m.target_value) if m else "")
        self.target.setPlaceholderText(qtr("t.ex. 20 eller 12,5"))
        self.direction = QComboBox()
        fill_combo(
            self.direction,
            [(d.value, d.label) for d in TargetDirection],
            m.target_direction if m and m.target_direction else None,
            "–",
        )
        self.target_text = QLineEdit(m.target_text if m else "")
        for box in (self.org, self.person, self.indicator):
            # Long names must not widen the dialog past the screen; the list shows them whole.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(18)
            box.setToolTip(box.currentText())
            box.currentTextChanged.connect(box.setToolTip)

    def _build_causes(self, m: MeasureData | None, causes: list[tuple[int | None, str]]) -> None:
        """The causes the measure answers, as a checklist under bold problem headings."""
        self.causes = CheckList()
        self.causes.setMinimumHeight(190)
        # Long cause texts wrap inside the list instead of running under its right edge.
        self.causes.setWordWrap(True)
        self.causes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.causes.setResizeMode(QListWidget.ResizeMode.Adjust)
        chosen = set(m.cause_ids) if m else set()
        for cid, label in causes:
            item = QListWidgetItem(label)
            item.setToolTip(label.strip())
            item.setData(Qt.ItemDataRole.UserRole, cid)
            if cid is None:  # a problem heading
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.causes.addItem(item)
                continue
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cid in chosen else Qt.CheckState.Unchecked)
            self.causes.addItem(item)

    def _lay_out(self, content_locked: bool) -> None:
        """Two columns so that the whole measure fits a 1366×768 screen: what and why on the
        left, who/when/how it is measured on the right. An adopted plan's measure keeps
        only its status open."""
        self.add_field("title", self.tr("Åtgärd:"), self.title)
        self.add_field("description", self.tr("Beskrivning:"), self.description)
        self.add_field(
            "cause_ids",
            self.tr("Svarar mot orsaker:"),
            self.causes,
            self.tr("En åtgärd utan orsak markeras i planen."),
        )
        self.add_field("kind", self.tr("Typ:"), self.kind)
        self.add_field("effect", self.tr("Förväntad effekt:"), self.effect)
        self.add_field("status", self.tr("Status:"), self.status)
        self.add_field("internal", "", self.internal)
        right = self.add_column()
        self.add_field(
            "responsible_organisation_id", self.tr("Ansvarig organisation:"), self.org, form=right
        )
        self.add_field(
            "responsible_person_id", self.tr("Ansvarig person:"), self.person, form=right
        )
        self.add_field("partners", self.tr("Samverkansparter:"), self.partners, form=right)
        self.add_field("area_id", self.tr("Område:"), self.area, form=right)
        self.add_field("start", self.tr("Start:"), self.start, form=right)
        self.add_field("end", self.tr("Slut:"), self.end, form=right)
        self.add_field("resources", self.tr("Resurser:"), self.resources, form=right)
        self.add_field("indicator_id", self.tr("Indikator att följa:"), self.indicator, form=right)
        self.add_field("target_value", self.tr("Målvärde:"), self.target, form=right)
        self.add_field("target_direction", self.tr("Riktning:"), self.direction, form=right)
        self.add_field("target_text", self.tr("Mål i ord:"), self.target_text, form=right)
        self.internal.setAccessibleName(self.tr("Intern"))
        if content_locked:
            for key in self._fields:
                if key != "status":
                    self._fields[key].setEnabled(False)

    def values(self) -> dict[str, Any]:
        try:
            target = parse_number(self.target.text())
        except ValueError:
            raise ValidationError(
                self.tr("Målvärdet ska vara ett tal, till exempel 20 eller 12,5."), "target_value"
            ) from None
        cause_ids = tuple(
            self.causes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.causes.count())
            if self.causes.item(i).data(Qt.ItemDataRole.UserRole) is not None
            and self.causes.item(i).checkState() == Qt.CheckState.Checked
        )
        return {
            "data": MeasureInput(
                title=self.title.text(),
                description=self.description.toPlainText(),
                kind=self.kind.currentData(),
                effect=self.effect.currentData(),
                responsible_organisation_id=self.org.currentData(),
                responsible_person_id=self.person.currentData(),
                partners=self.partners.text(),
                start=self.start.value(),
                end=self.end.value(),
                resources=self.resources.text(),
                indicator_id=self.indicator.currentData(),
                target_value=target,
                target_direction=self.direction.currentData() or "",
                target_text=self.target_text.text(),
                status=self.status.currentData(),
                internal=self.internal.isChecked(),
                cause_ids=cause_ids,
            ),
            "area_id": self.area.area_id(),
        }


class FollowUpDialog(FormDialog):
    def __init__(
        self, on_save: Save, what: str, status: str, unit: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(
            qtr("Ny uppföljning"),
            on_save,
            parent,
            intro=qtr("Uppföljning av ”{what}”. Status följer med till åtgärden.").format(
                what=what
            ),
        )
        self.day = _date_edit(date.today())
        self.status = QComboBox()
        fill_combo(self.status, [(s.value, s.label) for s in MeasureStatus], status)
        self.done_edit = _text("", 80)
        self.effect = _text("", 60)
        self.value = QLineEdit()
        self.value.setPlaceholderText(unit or qtr("t.ex. 23,5"))
        self.internal = QCheckBox(self.tr("Intern"))
        self.add_field("noted_on", self.tr("Datum:"), self.day)
        self.add_field("status", self.tr("Status:"), self.status)
        self.add_field("done", self.tr("Vad har gjorts:"), self.done_edit)
        self.add_field("effect", self.tr("Effekt som setts:"), self.effect)
        self.add_field("indicator_value", self.tr("Indikatorns värde nu:"), self.value)
        self.add_field("internal", "", self.internal)

    def values(self) -> dict[str, Any]:
        try:
            value = parse_number(self.value.text())
        except ValueError:
            raise ValidationError(
                self.tr("Värdet ska vara ett tal, till exempel 23,5."), "indicator_value"
            ) from None
        return {
            "noted_on": _value(self.day),
            "status": self.status.currentData(),
            "done": self.done_edit.toPlainText(),
            "effect": self.effect.toPlainText(),
            "indicator_value": value,
            "internal": self.internal.isChecked(),
        }


KIND_LABELS = {"decision": qtr("Beslut"), "action_item": qtr("Uppdrag")}


class MeetingLinkDialog(FormDialog):
    """Pick a decision or an action item from the minutes."""

    def __init__(
        self, on_save: Save, items: list[MeetingMention], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            qtr("Koppla till protokoll"),
            on_save,
            parent,
            intro=qtr("Välj ett beslut eller uppdrag i ett protokoll som gäller detta."),
        )
        self.setMinimumWidth(640)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök…"))
        self.search.setProperty("role", "search")
        self.list = QListWidget()
        self.list.setMinimumHeight(260)
        self.list.setWordWrap(True)
        for mention in items:
            when = mention.meeting_date.isoformat() if mention.meeting_date else ""
            text = f"{when} {mention.meeting_title} – {KIND_LABELS[mention.kind]}: {mention.text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (mention.kind, mention.item_id))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.search.textChanged.connect(self._on_search)
        self.add_field("search", self.tr("Sök:"), self.search)
        self.add_field("item", self.tr("Beslut eller uppdrag:"), self.list)

    def _on_search(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = bool(needle) and needle not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = i
        if first is not None:
            self.list.setCurrentRow(first)

    def values(self) -> dict[str, Any]:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            raise ValidationError(self.tr("Välj ett beslut eller ett uppdrag."), "item")
        kind, item_id = item.data(Qt.ItemDataRole.UserRole)
        return {"decision_id": item_id} if kind == "decision" else {"action_item_id": item_id}
