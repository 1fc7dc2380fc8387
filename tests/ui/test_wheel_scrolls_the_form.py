"""The mouse wheel scrolls a form; it never changes a drop-down, number or date under the pointer.

A new user scrolled "Uppgifter om mötet" with the pointer over "Antecknare": the secretary
changed silently and was stored. A field changes by the wheel only after the user has
clicked into it (or reached it with Tab). The sweep covers every drop-down, number, date
and time field of every page on the example data, so a new field is covered without a line
here."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time

import pytest
from factories_meetings import make_group_with_members
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)
from test_click_selects_everywhere import PAGES, _reveal, _shown_page

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.widgets.field_policy import (
    FieldPolicy,
    install_field_policy,
    remove_field_policy,
)


@pytest.fixture
def guard(qapp) -> Iterator[FieldPolicy]:  # type: ignore[no-untyped-def]
    """The guard the application installs at start (`make_application`)."""
    installed = install_field_policy(qapp)
    yield installed
    remove_field_policy(qapp)


def turn_wheel(widget: QWidget, notches: int = -3) -> None:
    """The wheel turned `notches` (negative: towards the user) with the pointer on `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def test_the_wheel_over_antecknare_scrolls_and_stores_nothing(qtbot, ctx, guard) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 3, name="Trygghetsrådet")
        meeting = meetings.create_meeting(
            s,
            group_ids=[group],
            day=date(2026, 12, 10),
            start_time=time(13),
            end_time=time(15),
            place="Kommunhuset",
            secretary_id=people[1],
        ).id
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 420)  # short enough that the details form scrolls
    page.show()
    qtbot.waitExposed(page)
    page.select_meeting(meeting)
    details = page.details
    _reveal(details.secretary, page)
    QApplication.processEvents()
    combo = details.secretary
    assert combo.currentData() == people[1]
    area = _scroll_area(combo)
    assert area is not None and area.verticalScrollBar().maximum() > 0
    before = area.verticalScrollBar().value()
    turn_wheel(combo)
    details.autosaver.flush()
    assert combo.currentData() == people[1]
    assert not combo.hasFocus()
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting).secretary_id == people[1]
    assert area.verticalScrollBar().value() > before  # the form scrolled instead
    # Clicked into, the field takes the wheel as before.
    combo.setFocus()
    turn_wheel(combo, notches=1)
    assert combo.currentData() != people[1]


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


@pytest.mark.parametrize("spec", PAGES)
def test_the_wheel_changes_no_field_of_any_page(qtbot, demo_ctx, guard, spec: str) -> None:  # type: ignore[no-untyped-def]
    page = _shown_page(qtbot, demo_ctx, spec)
    fields = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, QComboBox | QAbstractSpinBox)
        and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
    ]
    changed: list[str] = []
    for field in fields:
        _reveal(field, page)
        QApplication.processEvents()
        if not (field.isVisible() and field.isEnabled()) or field.hasFocus():
            continue
        before = _value(field)
        for notches in (-1, 1, 1):
            turn_wheel(field, notches)
            if _value(field) != before:
                changed.append(
                    f"{field.accessibleName() or type(field).__name__}: {before} -> {_value(field)}"
                )
                break
    assert changed == []


def test_the_application_installs_the_guard() -> None:
    code = (
        "from trygghetsrad.app import make_application\n"
        "from trygghetsrad.ui.widgets.field_policy import FieldPolicy\n"
        "print(make_application().findChild(FieldPolicy) is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
