"""The *Underlag* sub-page: the data-source register with deliveries, obstacles and attachments."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.changes import REGISTER, SITUATION
from trygghetsrad.domain.situation.picture import SourceData
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.services import register
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import SituationSubPage, heading, hint, open_on_return
from trygghetsrad.ui.situation.models import SourcesModel
from trygghetsrad.ui.situation.source_form import SourceDialog
from trygghetsrad.ui.widgets.columns import ColumnFitter
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.roles import Role


class SourcesPage(SituationSubPage):
    WATCH = (SITUATION, REGISTER)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Underlag"))
        self.model = SourcesModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        top = self._build_top()
        self._build_table()
        detail = self._build_detail()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _build_top(self) -> QHBoxLayout:
        """The search field and the buttons above the table."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök underlag, person, hinder …"))
        self.search.setAccessibleName(self.tr("Sök underlag"))
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.new_button = QPushButton(self.tr("Nytt underlag…"))
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.received_button = QPushButton(self.tr("Markera mottaget i dag"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        for button in (self.new_button, self.edit_button, self.received_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.new_button.clicked.connect(self.new_source)
        self.edit_button.clicked.connect(self.edit_source)
        self.received_button.clicked.connect(self.mark_received)
        self.delete_button.clicked.connect(self.delete_source)

        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Sammanfattning av underlagen"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.received_button)
        top.addWidget(self.delete_button)
        return top

    def _build_table(self) -> None:
        """The sources; running-text columns share the width."""
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Underlag"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        # Name, "lämnas av" and "från" are running text; dates and short labels fit exactly.
        self.columns = ColumnFitter(
            self.table, stretch=(0, 3, 4, 9), max_width=150, primary=0, rows_to_contents=True
        )
        self.table.doubleClicked.connect(lambda _i: self.edit_source())
        open_on_return(self.table, self.edit_source)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

    def _build_detail(self) -> QWidget:
        """The chosen source in words, with its attachments and their buttons."""
        self.detail_title = heading("")
        self.detail_text = hint("")
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(self.tr("Bilagor"))
        self.attachments.setMaximumHeight(90)
        self.attachments.itemActivated.connect(lambda _item: self.save_attachment())
        self.add_attachment_button = QPushButton(self.tr("Lägg till bilaga…"))
        self.save_attachment_button = QPushButton(self.tr("Spara bilaga som…"))
        self.remove_attachment_button = QPushButton(self.tr("Ta bort bilaga"))
        for button in (
            self.add_attachment_button,
            self.save_attachment_button,
            self.remove_attachment_button,
        ):
            button.setAccessibleName(button.text().rstrip("…"))
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.save_attachment_button.clicked.connect(self.save_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        detail = QWidget()
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.detail_title)
        box.addWidget(self.detail_text)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachments, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_attachment_button)
        buttons.addWidget(self.save_attachment_button)
        buttons.addWidget(self.remove_attachment_button)
        buttons.addStretch(1)
        attach_row.addLayout(buttons)
        box.addLayout(attach_row)
        return detail

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.current()
        self.model.today = date.today()
        sources = self.read(situation_sources.list_sources)
        self.model.set_rows(sources)
        self.columns.measure_later()
        alerts = [s.alert(self.model.today) for s in sources]
        late = sum(1 for a in alerts if a is not None and a.value == "overdue")
        missing = sum(1 for a in alerts if a is not None and a.value == "missing")
        text = plural(len(sources), self.tr("underlag"), self.tr("underlag"))
        if late:
            text += " · " + plural(late, self.tr("försenat"), self.tr("försenade"))
        if missing:
            text += self.tr(" · {n} saknas").format(n=missing)
        self.summary.setText(text)
        if selected is not None:
            self.select(selected.id)
        self._show_detail()

    def current(self) -> SourceData | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return cast(SourceData, self.proxy.data(index, Role.RECORD))

    def select(self, source_id: int) -> None:
        row = self.model.row_of(source_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_detail(self) -> None:
        s = self.current()
        for button in (
            self.edit_button,
            self.delete_button,
            self.received_button,
            self.add_attachment_button,
        ):
            button.setEnabled(s is not None)
        self.attachments.clear()
        if s is None:
            self.detail_title.setText(self.tr("Välj ett underlag"))
            self.detail_text.setText(self.tr("Hinder, beskrivning och bilagor visas här."))
            self.save_attachment_button.setEnabled(False)
            self.remove_attachment_button.setEnabled(False)
            return
        self.detail_title.setText(s.name)
        lines = []
        if s.description:
            lines.append(s.description)
        who = s.delivered_by or self.tr("ingen utsedd")
        lines.append(
            self.tr("Lämnas av: {who} · {provider}").format(who=who, provider=s.provider or "–")
        )
        for obstacle in s.obstacles:
            lines.append(self.tr("Hinder – {text}").format(text=obstacle.text))
        self.detail_text.setText("\n".join(lines))
        for info in self.read(lambda session: situation_sources.list_attachments(session, s.id)):
            kb = max(1, round(info.size / 1024))
            item = QListWidgetItem(f"{info.filename}  ({kb} kB)")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.attachments.addItem(item)
        has = self.attachments.count() > 0
        if has:
            self.attachments.setCurrentRow(0)
        self.save_attachment_button.setEnabled(has)
        self.remove_attachment_button.setEnabled(has)

    def _choices(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        orgs = self.read(register.list_organisations)
        people = self.read(register.list_people)
        return (
            [(o.name, o.id) for o in orgs],
            [
                (f"{p.name} ({p.organisation_name})" if p.organisation_name else p.name, p.id)
                for p in people
            ],
        )

    # -- actions -------------------------------------------------------------------------------

    def new_source(self) -> None:
        orgs, people = self._choices()
        self.dialog = SourceDialog(self._create, orgs, people, parent=self)
        self.dialog.open()

    def _create(self, values: dict[str, Any]) -> None:
        created = self.record_form(
            self.tr("Nytt underlag {name}").format(name=values["name"].strip()),
            lambda s: situation_sources.create_source(s, **values),
        )
        self.select(created.id)

    def edit_source(self) -> None:
        source = self.current()
        if source is None:
            return
        orgs, people = self._choices()

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra underlag {name}").format(name=values["name"].strip()),
                lambda s: situation_sources.update_source(s, source.id, **values),
            )

        self.dialog = SourceDialog(save, orgs, people, source, parent=self)
        self.dialog.open()

    def mark_received(self) -> None:
        source = self.current()
        if source is None:
            return
        self.record(
            self.tr("Markera {name} som mottaget").format(name=source.name),
            lambda s: situation_sources.mark_received(s, source.id, on=date.today()),
        )

    def delete_source(self) -> None:
        source = self.current()
        if source is None:
            return
        # Undo brings back the source with its attachments, obstacles and every link to it
        # (indicators' evidence, observations), with the same ids.
        self.record(
            self.tr("Ta bort underlag {name}").format(name=source.name),
            lambda s: situation_sources.delete_source(s, source.id),
        )

    def add_attachment(self, path: str | None = None) -> None:
        source = self.current()
        if source is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Lägg till bilaga"),
                str(Path.home()),
                self.tr("Dokument (*.pdf *.xlsx *.xls *.csv *.docx *.odt *.ods);;Alla filer (*)"),
            )
        if not path:
            return
        chosen = Path(path)
        self.record(
            self.tr("Lägg till bilagan {name}").format(name=chosen.name),
            lambda s: situation_sources.add_attachment_from_file(
                s, source.id, chosen, received_on=date.today()
            ),
        )

    def _attachment_id(self) -> int | None:
        item = self.attachments.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def save_attachment(self, target: str | None = None) -> None:
        attachment_id = self._attachment_id()
        if attachment_id is None:
            return
        name, _data = self.read(lambda s: situation_sources.attachment_bytes(s, attachment_id))
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Spara bilaga som"), str(Path.home() / name)
            )
        if not target:
            return
        try:  # a copy in a file of the user's: nothing in the database changes
            self.read(lambda s: situation_sources.save_attachment(s, attachment_id, Path(target)))
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.ctx.events.status_message.emit(
            self.tr("Bilagan sparades i {path}").format(path=target)
        )

    def remove_attachment(self) -> None:
        attachment_id = self._attachment_id()
        item = self.attachments.currentItem()
        if attachment_id is not None and item is not None:
            self.record(
                self.tr("Ta bort bilagan {name}").format(name=item.text().rsplit("  (", 1)[0]),
                lambda s: situation_sources.delete_attachment(s, attachment_id),
            )

    def open_record(self, owner: Any) -> bool:
        """Select the source of `owner` (search hits, the annual wheel's delivery ring)."""
        self.search.clear()
        if self.model.row_of(owner.id) < 0:
            return False
        self.select(owner.id)
        self.table.setFocus()
        return True
