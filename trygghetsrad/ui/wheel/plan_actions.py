"""The edits of the Årshjul page's plan: rings, the plan's status, next year, suggestions.

Like the events' edits (`actions.py`), each one is one undoable step through the journal;
undo puts back every row the edit changed (a removed ring comes back with its id).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetsrad.domain.wheel.dates import DateMention
from trygghetsrad.domain.wheel.model import PlanStatus, WheelCategory
from trygghetsrad.ui.wheel.actions import push, record
from trygghetsrad.ui.wheel.dialogs import CategoryDialog, PlanDialog
from trygghetsrad.ui.wheel.host import WheelHost


class RingActions:
    """What the rings dialog changes; each edit returns the rings as they are now."""

    def __init__(self, page: WheelHost) -> None:
        self.page = page

    def _edit(self, text: str, fn: Any) -> list[WheelCategory]:
        from trygghetsrad.services.wheel import reads as wheel_reads

        record(self.page, text, fn)
        return wheel_reads.categories(self.page.ctx.database)

    def _name(self, ident: int) -> str:
        return next((c.name for c in self.page.categories if c.id == ident), "")

    def update(self, ident: int, name: str, color: str, visible: bool) -> list[WheelCategory]:
        from trygghetsrad.services.wheel import events as service

        return self._edit(
            self.page.tr("Ändra ringen {name}").format(name=name.strip()),
            lambda s: service.update_category(s, ident, name=name, color=color, visible=visible),
        )

    def reorder(self, ids: list[int]) -> list[WheelCategory]:
        from trygghetsrad.services.wheel import events as service

        return self._edit(
            self.page.tr("Ändra ringarnas ordning"),
            lambda s: service.reorder_categories(s, ids),
        )

    def create(self, name: str, color: str) -> list[WheelCategory]:
        from trygghetsrad.services.wheel import events as service

        return self._edit(
            self.page.tr("Ny ring {name}").format(name=name),
            lambda s: service.create_category(s, name=name, color=color),
        )

    def delete(self, ident: int) -> list[WheelCategory]:
        from trygghetsrad.services.wheel import events as service

        return self._edit(
            self.page.tr("Ta bort ringen {name}").format(name=self._name(ident)),
            lambda s: service.delete_category(s, ident),
        )


def edit_categories(page: WheelHost) -> CategoryDialog:
    dialog = CategoryDialog(page.categories, RingActions(page), page)
    dialog.open()
    return dialog


def edit_plan(page: WheelHost) -> PlanDialog:
    """The plan's status, its first month and a note for its list of changes: one edit."""
    year, old = page.year, page.plan

    def save(values: dict[str, Any]) -> None:
        from trygghetsrad.services.wheel import events as service

        def work(s: Any) -> None:
            if values["status"] is PlanStatus.ADOPTED:
                service.adopt_plan(
                    s,
                    year,
                    adopted_on=values["adopted_on"],
                    adopted_by=values["adopted_by"],
                    reservation=values["reservation"],
                )
            elif old.status is PlanStatus.ADOPTED:
                service.reopen_plan(s, year)
            if values["start_month"] != old.start_month:
                service.set_start_month(s, year, values["start_month"])
            if values["note"].strip():
                service.add_plan_change(s, year, values["note"], date.today())

        record(page, page.tr("Ändra planens status {year}").format(year=year), work)

    dialog = PlanDialog(page.plan, save, page)
    dialog.open()
    return dialog


def start_next_year(page: WheelHost) -> None:
    from trygghetsrad.services.wheel import events as service

    answer = QMessageBox.question(
        page,
        page.tr("Nästa års plan"),
        page.tr(
            "Skapa ett utkast för {year}? Återkommande händelser fortsätter, och årets "
            "enstaka händelser kopieras till samma vecka och veckodag nästa år."
        ).format(year=page.year + 1),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    year = page.year
    ok, _changes = push(
        page,
        page.tr("Påbörja planen för {year}").format(year=year + 1),
        lambda s: service.start_next_year(s, year),
        title=page.tr("Nästa års plan"),
    )
    if ok:
        page.set_year(year + 1)


def show_suggestions(page: WheelHost) -> QWidget:
    from trygghetsrad.ui.wheel.suggestions import SuggestionsDialog

    def accept(mention: DateMention) -> None:
        from trygghetsrad.services.wheel.extra import accept_suggestion

        title = mention.title or page.tr("Händelse")
        record(
            page,
            page.tr("Ny händelse: {title}").format(title=title),
            lambda s: accept_suggestion(s, mention),
        )

    dialog = SuggestionsDialog(page.ctx, page.year, page.categories, accept, page)
    dialog.open()
    return dialog
