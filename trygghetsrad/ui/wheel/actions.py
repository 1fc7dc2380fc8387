"""The edits of the Årshjul page's events: one small method per user action.

Every edit is one undoable step through the journal (`push_recorded`): the service call runs
now, Ctrl+Z / Ctrl+Y replay what the database recorded (cascades and ids included), and the
pages hear what changed. No edit has a hand-written inverse. An edit asked for in a dialog
raises the service's refusal (`record`), so the dialog shows it under its field; an edit
made on the page itself (a drag, Delete) shows it in a message box (`push`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.wheel.model import WheelEvent, parse_key
from trygghetsrad.errors import UserError
from trygghetsrad.ui.wheel.dialogs import OwnedItemDialog
from trygghetsrad.ui.wheel.event_dialog import EventDialog
from trygghetsrad.ui.wheel.host import WheelHost
from trygghetsrad.ui.wheel.widget import OWNER_NAMES
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded

Step = Callable[[Any], Any]  # takes a session


def record(page: WheelHost, text: str, fn: Step) -> Any:
    """Run `fn(session)` as one undoable edit titled `text` and return what it returned; a
    refusal is raised (a `ValidationError` keeps its field) for the asking dialog to show."""
    return push_raising(page.stack, page.ctx, text, fn, parent_widget=page)


def push(page: WheelHost, text: str, fn: Step, *, title: str = "") -> tuple[bool, Any]:
    """Run `fn(session)` as one undoable edit; a refusal is shown in a message box (with
    `title`, or the house's "Det gick inte")."""

    def refused(message: str) -> None:
        QMessageBox.warning(page, title, message)

    return push_recorded(
        page.stack, page.ctx, text, fn, parent_widget=page, on_error=refused if title else None
    )


def values_of(event: WheelEvent) -> dict[str, Any]:
    """The fields of `event` as the event dialog gives them."""
    return {
        "title": event.title,
        "category": event.category,
        "start": event.start,
        "end": event.end,
        "start_time": event.start_time,
        "end_time": event.end_time,
        "place": event.place,
        "description": event.description,
        "responsible": event.responsible,
        "internal": event.internal,
        "recurrence": event.recurrence,
    }


class EventActions:
    """Create, open, change, move and remove the events shown on the page's wheel."""

    def __init__(self, page: WheelHost) -> None:
        self.page = page

    def tr(self, text: str) -> str:
        return self.page.tr(text)

    # -- dialogs -------------------------------------------------------------------------------

    def new_event(self, day: date | None = None, category: str | None = None) -> EventDialog:
        page = self.page
        span = page.view_span()
        start = day or (page.today if span.contains(page.today) else span.start)
        dialog = EventDialog(
            page.categories, self.create, page, start=start, category=category or "events"
        )
        dialog.open()
        return dialog

    def open_item(self, key: str) -> QWidget | None:
        from trygghetsrad.services.wheel import reads as wheel_reads

        parsed = parse_key(key)
        item = self.page.wheel.item(key)
        if parsed is None:
            return self._open_owned(item) if item else None
        event_id, occurrence = parsed
        try:
            event = wheel_reads.event(self.page.ctx.database, event_id)
        except UserError as exc:
            QMessageBox.warning(self.page, self.tr("Årshjul"), str(exc))
            return None
        dialog = EventDialog(
            self.page.categories,
            lambda values: self.update(event, values),
            self.page,
            event=event,
            occurrence=occurrence,
            on_move_occurrence=lambda original, new: self.move_occurrence(event, original, new),
            on_cancel_occurrence=lambda original: self.cancel_occurrence(event, original),
        )
        dialog.open()
        return dialog

    def _open_owned(self, item: CalendarItem) -> QWidget:
        from trygghetsrad.services.wheel import extra as wheel_extra

        owner = item.owner or Owner("", "", 0)
        on_move = None
        if item.owner is not None and wheel_extra.owner_can_move(item.owner):

            def on_move(day: date) -> None:
                self.move_owned(item, day, raising=True)

        dialog = OwnedItemDialog(
            item,
            OWNER_NAMES.get(owner.area, owner.area),
            lambda: self.page.ctx.events.open_record.emit(owner),
            on_move,
            self.page,
        )
        dialog.open()
        return dialog

    # -- edits ---------------------------------------------------------------------------------

    def create(self, values: dict[str, Any]) -> None:
        from trygghetsrad.services.wheel import events as service

        text = self.tr("Ny händelse: {title}").format(title=values["title"].strip())
        created = record(self.page, text, lambda s: service.create_event(s, **values))
        self.page.select_event(created.id, values["start"])

    def update(self, event: WheelEvent, values: dict[str, Any]) -> None:
        from trygghetsrad.services.wheel import events as service

        if values_of(event) == values:
            return
        text = self.tr("Ändra {title}").format(title=values["title"].strip())
        record(self.page, text, lambda s: service.update_event(s, event.id, **values))

    def move_occurrence(self, event: WheelEvent, original: date, new: date) -> None:
        from trygghetsrad.services.wheel import events as service

        end = new + event.duration if event.end else None
        record(
            self.page,
            self.tr("Flytta {title}").format(title=event.title),
            lambda s: service.move_occurrence(s, event.id, original, new, end),
        )

    def cancel_occurrence(self, event: WheelEvent, original: date) -> None:
        from trygghetsrad.services.wheel import events as service

        record(
            self.page,
            self.tr("Ställ in {title}").format(title=event.title),
            lambda s: service.cancel_occurrence(s, event.id, original),
        )

    def delete_selected(self) -> None:
        from trygghetsrad.services.wheel import reads as wheel_reads

        key = self.page.wheel.selected
        parsed = parse_key(key) if key else None
        if parsed is None:
            return
        try:
            event = wheel_reads.event(self.page.ctx.database, parsed[0])
        except UserError as exc:
            QMessageBox.warning(self.page, self.tr("Ta bort"), str(exc))
            return
        if event.recurrence.repeats and parsed[1] is not None:
            choice = self._ask_occurrence_or_series(event)
            if choice == "one":
                self._refused_in_box(self.tr("Ta bort"), self.cancel_occurrence, event, parsed[1])
            if choice != "all":
                return
        self.delete_event(event)

    def _ask_occurrence_or_series(self, event: WheelEvent) -> str:
        """What to remove of a series: "one" occurrence, "all" of it, or "" (Avbryt)."""
        box = QMessageBox(self.page)
        box.setWindowTitle(self.tr("Ta bort"))
        box.setText(self.tr("{title} upprepas. Vad vill du ta bort?").format(title=event.title))
        one = box.addButton(self.tr("Bara detta tillfälle"), QMessageBox.ButtonRole.AcceptRole)
        everything = box.addButton(self.tr("Hela serien"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "one" if clicked is one else "all" if clicked is everything else ""

    def delete_event(self, event: WheelEvent) -> None:
        from trygghetsrad.services.wheel import events as service

        ok, _changes = push(
            self.page,
            self.tr("Ta bort {title}").format(title=event.title),
            lambda s: service.delete_event(s, event.id),
            title=self.tr("Ta bort"),
        )
        if ok:
            self.page.wheel.select(None)

    def move_item(self, key: str, days: int) -> None:
        """Move an item `days` days (dragged on the wheel, or Ctrl+arrow): a single event, one
        occurrence of a series, or — through its owner — a meeting or an action's due date."""
        from trygghetsrad.services.wheel import reads as wheel_reads

        item = self.page.wheel.item(key)
        if item is None or not days:
            return
        shift = timedelta(days=days)
        parsed = parse_key(key)
        if parsed is None:
            self.move_owned(item, item.start + shift)
            return
        try:
            event = wheel_reads.event(self.page.ctx.database, parsed[0])
            if parsed[1] is not None:
                self.move_occurrence(event, parsed[1], item.start + shift)
            else:
                values = values_of(event)
                values["start"] = event.start + shift
                values["end"] = event.end + shift if event.end else None
                self.update(event, values)
        except UserError as exc:
            QMessageBox.warning(self.page, self.tr("Flytta"), str(exc))
            return
        self.page.wheel.select(key)

    def move_owned(self, item: CalendarItem, day: date, *, raising: bool = False) -> None:
        """Move a meeting or an action's due date shown on the wheel, through its owner."""
        from trygghetsrad.services.wheel import extra as wheel_extra

        owner = item.owner
        if owner is None or not wheel_extra.owner_can_move(owner):
            name = OWNER_NAMES.get(owner.area, "") if owner else ""
            self.page.ctx.events.status_message.emit(
                self.tr("{title} ändras i {owner}.").format(title=item.title, owner=name)
            )
            return
        text = self.tr("Flytta {title}").format(title=item.title)
        if raising:  # asked in the item's dialog: it shows the refusal
            record(self.page, text, lambda s: wheel_extra.move_owned(s, owner, day))
            return
        ok, _changes = push(
            self.page,
            text,
            lambda s: wheel_extra.move_owned(s, owner, day),
            title=self.tr("Flytta"),
        )
        if ok:
            self.page.wheel.select(item.key)

    def _refused_in_box(self, title: str, edit: Callable[..., object], *args: Any) -> None:
        try:
            edit(*args)
        except UserError as exc:
            QMessageBox.warning(self.page, title, str(exc))
