"""An agenda item as councils write it, in the item editor: the kind of matter, föredragande
(a person of the register or free text), Dnr, time slot, "förslag till beslut", "handlingar
kommer senare", no number (a pause, a heading) and a reference to another item.

Choices (kind, the two ticks, the reference, a person picked from the list) are stored at
once as one undoable edit each (`record`, the panel's push_recorded); typed fields (Dnr,
time, proposal, a föredragande written as text) are autosaved as you type with one undo step
per field (FieldAutosave), and a refused value is shown at the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.agenda_structure import (
    ItemCategory,
    format_slot,
    next_slot,
    parse_slot,
    slot_warning,
)
from trygghetsrad.domain.meetings.document import item_facts
from trygghetsrad.domain.meetings.model import AgendaItemData, MeetingDetail
from trygghetsrad.domain.register import PersonData
from trygghetsrad.errors import ValidationError
from trygghetsrad.services.meetings import structure
from trygghetsrad.ui.widgets.autosave import FieldAutosave
from trygghetsrad.ui.widgets.field_policy import set_placeholder, show_locked
from trygghetsrad.ui.widgets.screen import grow_with_text

Record = Callable[..., tuple[bool, Any]]  # the panel's record(text, fn, select=…)
Store = Callable[[Callable[[Any], Any]], Any]  # a typed field's store(fn(session))


class ItemStructureFields(QWidget):
    def __init__(
        self,
        record: Record,
        store: Store,
        undo_stack: Any,
        people: Callable[[], Sequence[PersonData]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._store = store
        self._people = people
        self.item: AgendaItemData | None = None
        self._window: tuple[Any, Any] = (None, None)  # the meeting's start and end
        self._loading = False
        self._build_toggle()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        box.addLayout(grid)
        self._build_fields(grid)
        self._build_checks(grid)
        self._build_proposal(box)
        self._build_autosaves(undo_stack)

    def _build_toggle(self) -> None:
        # Shown on demand: while the minutes are taken the notes keep the height.
        self.toggle = QToolButton()
        self.holds_facts = False  # whether the item has any of these facts (the toggle is bold)
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Ärende"))
        self.toggle.setAccessibleName(self.tr("Visa ärendets uppgifter"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_expanded)
        self.hide()

    def _build_fields(self, grid: QGridLayout) -> None:
        """Kind, föredragande, Dnr and time, each under its caption."""
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Typ av ärende"))
        for category in ItemCategory:
            label = self.tr("(ingen typ)") if category is ItemCategory.NONE else category.label
            self.category.addItem(label, category.value)
        self.category.activated.connect(self._on_category_chosen)
        self.presenter = QComboBox()
        self.presenter.setEditable(True)
        self.presenter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.presenter.setAccessibleName(self.tr("Föredragande"))
        self.presenter.lineEdit().setPlaceholderText(self.tr("Person eller fritext"))
        self.presenter.activated.connect(self._on_presenter_chosen)
        self.case_number = QLineEdit()
        self.case_number.setAccessibleName(self.tr("Diarienummer"))
        self.case_number.setPlaceholderText(self.tr("t.ex. KS 2026/114"))
        self.case_number.setMinimumWidth(
            self.case_number.fontMetrics().horizontalAdvance("KS 2026/114") + 16
        )
        self.slot = QLineEdit()
        self.slot.setAccessibleName(self.tr("Tid för punkten"))
        self.slot.setPlaceholderText(self.tr("t.ex. 14.00–14.30"))
        self.slot.setMaximumWidth(self.slot.fontMetrics().horizontalAdvance("00.00–00.00") + 30)
        # Two fields a row, each with its caption before it: the section fits the editor's
        # width on a laptop (four in a row made the pane scroll sideways at 1366x768). The
        # combos ask for a few characters' width, not their longest entry's.
        for combo in (self.category, self.presenter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        for index, (label, widget) in enumerate(
            (
                (self.tr("Typ"), self.category),
                (self.tr("Föredragande"), self.presenter),
                (self.tr("Dnr"), self.case_number),
                (self.tr("Tid"), self.slot),
            )
        ):
            column, row = divmod(index, 2)  # Typ over Föredragande, Dnr over Tid
            caption = QLabel(label)
            caption.setProperty("role", "hint")
            caption.setBuddy(widget)
            grid.addWidget(caption, row, 2 * column)
            grid.addWidget(widget, row, 2 * column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _build_checks(self, grid: QGridLayout) -> None:
        """The ticks "Handlingar kommer senare" and "Utan nummer", and the reference."""
        self.papers_later = QCheckBox(self.tr("Handlingar kommer senare"))
        self.papers_later.setAccessibleName(self.tr("Handlingar kommer senare"))
        self.papers_later.clicked.connect(self._on_papers_clicked)
        self.unnumbered = QCheckBox(self.tr("Utan nummer (paus, rubrik)"))
        self.unnumbered.setAccessibleName(self.tr("Punkten har inget nummer"))
        self.unnumbered.setToolTip(
            self.tr("Punkten får inget nummer och numren på punkterna efter den ändras inte")
        )
        self.unnumbered.clicked.connect(self._on_unnumbered_clicked)
        self.reference = QComboBox()
        self.reference.setAccessibleName(self.tr("Hänvisning till en annan punkt"))
        self.reference.activated.connect(self._on_reference_chosen)
        # Item titles are long: the reference asks for a few characters' width, not the
        # longest title's, and shows the whole title in its list.
        self.reference.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reference.setMinimumContentsLength(8)
        # One tick a row: side by side they are wider than the pane at 125 % scaling.
        # As wide as their text: a click beside it does nothing, so the box ends there.
        left = Qt.AlignmentFlag.AlignLeft
        grid.addWidget(self.papers_later, 2, 0, 1, 4, left)
        grid.addWidget(self.unnumbered, 3, 0, 1, 4, left)
        reference_caption = QLabel(self.tr("Se punkt"))
        reference_caption.setProperty("role", "hint")
        reference_caption.setBuddy(self.reference)
        grid.addWidget(reference_caption, 4, 0)
        grid.addWidget(self.reference, 4, 1, 1, 3)

    def _build_proposal(self, box: QVBoxLayout) -> None:
        self.proposal = QPlainTextEdit()
        self.proposal.setAccessibleName(self.tr("Förslag till beslut"))
        self.proposal.setPlaceholderText(self.tr("Förslag till beslut (skrivs före beslutet)"))
        self.proposal.setTabChangesFocus(True)
        grow_with_text(self.proposal, 1, 4)
        box.addWidget(self.proposal)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Fel i ärendets uppgifter"))
        self.error.hide()
        box.addWidget(self.error)
        self.slot_warning = QLabel()
        self.slot_warning.setProperty("role", "warning")  # one short line, unwrapped
        self.slot_warning.setAccessibleName(self.tr("Varning om punktens tid"))
        self.slot_warning.hide()
        box.addWidget(self.slot_warning)
        self.slot.textChanged.connect(self._check_slot)

    def _build_autosaves(self, undo_stack: Any) -> None:
        """The typed fields store themselves as they are typed, one undo step per field."""
        self.typed = {
            "case_number": FieldAutosave(
                self.case_number,
                store=lambda text: self._save_text(case_number=text),
                stack=undo_stack,
                label=self.tr("diarienummer"),
            ),
            "slot": FieldAutosave(
                self.slot,
                store=self._save_slot,
                stack=undo_stack,
                label=self.tr("tid för punkten"),
            ),
            "proposal": FieldAutosave(
                self.proposal,
                store=lambda text: self._save_text(proposal=text),
                stack=undo_stack,
                label=self.tr("förslag till beslut"),
            ),
            "presenter": FieldAutosave(
                self.presenter.lineEdit(),
                store=self._save_presenter_text,
                stack=undo_stack,
                label=self.tr("föredragande"),
            ),
        }
        for autosave in self.typed.values():
            autosave.failed.connect(self._show_error)
            # Saved, or back at the stored value: the message has had its say.
            autosave.autosaver.saved.connect(
                lambda a=autosave: None if a.autosaver.refused else self._show_error("")
            )

    # -- showing an item -------------------------------------------------------------------

    def show_item(
        self,
        item: AgendaItemData | None,
        items: Sequence[tuple[int, str]],
        *,
        keep_text: bool = False,
        meeting: MeetingDetail | None = None,
        agenda: Sequence[AgendaItemData] = (),
    ) -> None:
        """Show `item`; `items` are (id, "§ 16 Årshjul 2027") of the meeting's items, the
        choices of the reference. `keep_text` (a reload of the same item) leaves the typed
        fields as they are: what is being typed there is theirs to store. The time is
        checked against the `meeting`'s and the slot after the item before it in `agenda`
        is offered."""
        self._loading = True
        try:
            self._show_timing(item, meeting, agenda)
            same = self.item is not None and item is not None and self.item.id == item.id
            if not same:
                self.flush()  # what was typed in the previous item is kept
            self.item = item
            if keep_text and same and item is not None:
                self._refresh_typed(item)
            else:
                self._load_typed(item)
            self._show_error("")
            self.category.setCurrentIndex(
                max(0, self.category.findData(item.category.value if item else ""))
            )
            self.papers_later.setChecked(bool(item and item.papers_later))
            self.unnumbered.setChecked(bool(item and item.unnumbered))
            self.reference.clear()
            self.reference.addItem(self.tr("(ingen hänvisning)"), None)
            for item_id, label in items:
                if item is None or item_id != item.id:
                    self.reference.addItem(label, item_id)
            target = item.refers_to_id if item else None
            self.reference.setCurrentIndex(max(0, self.reference.findData(target)))
            self._show_summary(item)
            self._check_slot(self.slot.text())  # the stored time, against the meeting's
        finally:
            self._loading = False

    def _show_timing(
        self,
        item: AgendaItemData | None,
        meeting: MeetingDetail | None,
        agenda: Sequence[AgendaItemData],
    ) -> None:
        """The meeting's time to warn against, and the offered slot in the empty field."""
        self._window = (meeting.start_time, meeting.end_time) if meeting else (None, None)
        ids = [i.id for i in agenda]
        earlier = agenda[: ids.index(item.id)] if item is not None and item.id in ids else ()
        offer = next_slot([(i.slot_start, i.slot_end) for i in earlier], *self._window)
        example = format_slot(*offer) if offer else self.tr("t.ex. 14.00–14.30")
        set_placeholder(self.slot, example)  # none while the field is locked

    def _check_slot(self, text: str) -> None:
        """Warn, without refusing, when the typed slot lies outside the meeting's time."""
        try:
            start, end = parse_slot(text)
        except ValidationError:  # refused at the field by its own message
            start, end = None, None
        warning = slot_warning(start, end, *self._window)
        self.slot_warning.setText(warning)
        self.slot_warning.setVisible(bool(warning))

    def _load_typed(self, item: AgendaItemData | None) -> None:
        self._show_error("")
        self.presenter.blockSignals(True)
        self.presenter.clear()
        for person in self._people():
            self.presenter.addItem(person.name, person.id)
        self.presenter.setCurrentIndex(-1)
        self.presenter.blockSignals(False)
        for key, text in _typed_texts(item).items():
            self.typed[key].load(text)

    def _refresh_typed(self, item: AgendaItemData) -> None:
        """The same item reloaded (undo, redo, another field stored): each typed field shows
        what is stored, unless it holds typing of its own not yet stored."""
        for key, text in _typed_texts(item).items():
            self.typed[key].refresh(text)

    def set_expanded(self, expanded: bool) -> None:
        """Show or hide the fields (the toggle in the title row says which)."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through `toggled`
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.setVisible(expanded)

    def _show_summary(self, item: AgendaItemData | None) -> None:
        """What the item holds, on the toggle: its tooltip, and bold when there is any."""
        facts = item_facts(item, grouped=False) if item else []
        if item and item.papers_later:
            facts.append(self.tr("Handlingar kommer senare"))
        if item and item.unnumbered:
            facts.append(self.tr("utan nummer"))
        summary = " · ".join(facts)
        self.toggle.setToolTip(
            summary or self.tr("Typ, föredragande, Dnr, tid, förslag till beslut")
        )
        self.holds_facts = bool(summary) or bool(item and (item.proposal or item.refers_to_id))
        font = self.toggle.font()
        font.setBold(self.holds_facts)
        self.toggle.setFont(font)

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.category,
            self.presenter,
            self.papers_later,
            self.unnumbered,
            self.reference,
        ):
            widget.setEnabled(editable)
        for edit in (self.case_number, self.slot, self.proposal):
            show_locked(edit, not editable)

    def flush(self) -> None:
        for autosave in self.typed.values():
            autosave.flush()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- storing ---------------------------------------------------------------------------

    def _change(self, label: str, **fields: Any) -> None:
        if self._loading or self.item is None:
            return
        item_id = self.item.id
        self._record(
            label,
            lambda s: structure.update_item_details(s, item_id, **fields),
            select=item_id,
        )

    def _save_text(self, **fields: Any) -> None:
        if self.item is None:
            return
        item_id = self.item.id
        self._store(lambda s: structure.update_item_details(s, item_id, **fields))

    def _save_slot(self, text: str) -> None:
        start, end = parse_slot(text)
        self._save_text(slot_start=start, slot_end=end)

    def _save_presenter_text(self, text: str) -> None:
        """Typed: a name of the register picks that person, anything else is free text."""
        person = next((p for p in self._people() if p.name == text.strip()), None)
        if person is not None:
            self._save_text(presenter_id=person.id)
        else:
            self._save_text(presenter_text=text, presenter_id=None)

    def _on_category_chosen(self, _index: int) -> None:
        self._change(self.tr("Ändra typ av ärende"), category=self.category.currentData())

    def _on_presenter_chosen(self, index: int) -> None:
        person_id = self.presenter.itemData(index)
        if person_id is None:
            return
        autosave = self.typed["presenter"]
        autosave.autosaver.cancel()
        self._change(self.tr("Ändra föredragande"), presenter_id=person_id)
        autosave.load(self.presenter.itemText(index))

    def _on_papers_clicked(self, checked: bool) -> None:
        self._change(self.tr("Ändra ”Handlingar kommer senare”"), papers_later=checked)

    def _on_unnumbered_clicked(self, checked: bool) -> None:
        label = self.tr("Punkt utan nummer") if checked else self.tr("Punkt med nummer")
        self._change(label, unnumbered=checked)

    def _on_reference_chosen(self, _index: int) -> None:
        self._change(self.tr("Ändra hänvisning"), refers_to_id=self.reference.currentData())


def _typed_texts(item: AgendaItemData | None) -> dict[str, str]:
    """What each typed field shows of `item` (empty without an item)."""
    if item is None:
        return dict.fromkeys(("presenter", "case_number", "slot", "proposal"), "")
    return {
        "presenter": item.presenter,
        "case_number": item.case_number,
        "slot": format_slot(item.slot_start, item.slot_end),
        "proposal": item.proposal,
    }


def reference_choices(
    numbers: Sequence[str], items: Sequence[AgendaItemData]
) -> list[tuple[int, str]]:
    """(id, "§ 16 Årshjul 2027") for the reference list, numbered as the documents print."""
    return [
        (item.id, f"{mark} {item.title}".strip()) for mark, item in zip(numbers, items, strict=True)
    ]
