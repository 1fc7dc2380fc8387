"""A field that cannot be edited shows no example text.

On a finalised meeting the grey "t.ex. digitalt via Teams" in an empty, locked "Länk"
looked like a value a new user had given. Placeholders go while a field is disabled or
read-only and come back when it can be edited again; checked over every field of the
meeting page, the agenda item's included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from factories_meetings import make_group_with_members, open_meetings_page
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.widgets.field_policy import (
    FieldPolicy,
    install_field_policy,
    remove_field_policy,
)


@pytest.fixture
def policy(qapp) -> Iterator[FieldPolicy]:  # type: ignore[no-untyped-def]
    """The policy the application installs at start (`make_application`)."""
    installed = install_field_policy(qapp)
    yield installed
    remove_field_policy(qapp)


def _shown_examples(page: QWidget) -> list[str]:
    """(name: placeholder) of each visible field that cannot be edited but shows one."""
    found = []
    for edit in (
        page.findChildren(QLineEdit)
        + page.findChildren(QPlainTextEdit)
        + page.findChildren(QTextEdit)
    ):
        if (
            edit.isVisible()
            and (not edit.isEnabled() or edit.isReadOnly())
            and edit.placeholderText()
        ):
            found.append(f"{edit.accessibleName()}: {edit.placeholderText()}")
    return found


def test_a_finalised_meeting_shows_no_example_texts(qtbot, ctx, policy) -> None:  # type: ignore[no-untyped-def]
    last_year = date(date.today().year - 1, 3, 2)
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Trygghetsrådet")
        planned = meetings.create_meeting(s, group_ids=[group], day=date.today()).id
        meetings_agenda.add_item(s, planned, title="Lägesbild")
        done = meetings.create_meeting(s, group_ids=[group], day=last_year).id
        meetings_agenda.add_item(s, done, title="Lägesbild")
        meetings.start_minutes(s, done)
        meetings.finalise(s, done, on=last_year)
    page = open_meetings_page(qtbot, ctx, planned)
    link = page.details.link
    assert link.placeholderText() == "t.ex. digitalt via Teams"  # editable: the example helps
    page.select_meeting(done)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        page.agenda.structure.set_expanded(True)
        assert _shown_examples(page) == []
    assert link.placeholderText() == ""
    page.select_meeting(planned)  # editable again: the example is back
    assert link.isEnabled() and link.placeholderText() == "t.ex. digitalt via Teams"
