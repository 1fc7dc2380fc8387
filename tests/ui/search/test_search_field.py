"""The menu bar's search field: typing stays in the field while the results show below it;
the kinds and the status bar use the workspaces' own words."""

from __future__ import annotations

from datetime import date

from factories import make_group
from factories_meetings import make_action, make_item, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import MEETINGS
from trygghetsrad.domain.search import kind_label


def _fill(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Klara-gruppen")
        meeting = make_meeting(s, group_ids=[group], day=date(2025, 2, 13))
        item = make_item(s, meeting, title="Nattvandring inför helgen")
        return make_action(s, item, what="Samordna nattvandringen i mars")


def _shown(qtbot, ctx):  # type: ignore[no-untyped-def]
    """The main window on the test's database shown at 1366x768, its search field, and the
    records it was asked to open."""
    from trygghetsrad.ui.main_window import MainWindow

    window = MainWindow(ctx.database)
    qtbot.addWidget(window)
    opened: list[Owner] = []
    window.ctx.events.open_record.connect(opened.append)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, window.search.field, opened


def test_typing_in_the_menu_field_keeps_every_letter_there(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    action = _fill(ctx)
    window, field, opened = _shown(qtbot, ctx)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    for ch in "nattv":  # typed where the keyboard focus is, as a user types
        QTest.keyClick(QApplication.focusWidget(), ch)
        qtbot.wait(60)  # the popup shows and may be activated between two letters
    assert field.text() == "nattv"
    assert QApplication.focusWidget() is field
    dialog = window.search.dialog
    assert dialog.isVisible() and dialog.following is field
    assert not dialog.field.isVisible()  # the menu field is the query field
    qtbot.waitUntil(lambda: dialog.is_current() and bool(dialog.hits_shown()), timeout=5000)
    assert dialog.result.text == "nattv"
    # Below the field.
    below = field.mapToGlobal(field.rect().bottomLeft()).y()
    assert dialog.geometry().top() >= below
    # The kinds are named with the workspace's words.
    headers = [dialog.model.item(r).text() for r in range(dialog.model.rowCount())]
    assert any(h.startswith("Uppdrag (") for h in headers), headers
    assert not any("Åtgärder från möten" in h for h in headers)
    # Down moves into the hits; Enter in the field opens the best hit.
    QTest.keyClick(field, Qt.Key.Key_Down)
    assert dialog.view.currentIndex() == dialog.first_hit_index()
    field.setFocus()
    messages: list[str] = []
    window.ctx.events.status_message.connect(messages.append)
    field.setText("samordna nattvandringen")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert opened[-1] == Owner(MEETINGS, "action_item", action)
    assert messages and messages[-1].startswith("Öppnade uppdrag: ")
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_kind_labels_are_the_workspaces_own_words() -> None:
    from trygghetsrad.ui.situation.page import SUBPAGES

    tabs = {key: title for key, title, _spec in SUBPAGES}
    assert kind_label("action_item") == "Uppdrag"  # the box in Möten
    assert kind_label("observation") == tabs["observations"]
    assert kind_label("gap") == tabs["gaps"]
    assert kind_label("data_source") == tabs["sources"]
    assert kind_label("indicator") == tabs["indicators"]
    assert kind_label("situation_picture") == tabs["pictures"]
    assert kind_label("agreement") == tabs["agreements"]
    assert kind_label("commitment", plural=False) == "Åtagande"


def test_the_search_field_is_whole_inside_the_menu_bar_at_1366(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window, field, _opened = _shown(qtbot, ctx)
    QApplication.processEvents()
    bar = window.menuBar()
    corner = field.mapTo(bar, field.rect().topLeft()), field.mapTo(bar, field.rect().bottomRight())
    assert corner[0].x() >= 0 and corner[0].y() >= 0
    assert corner[1].x() < bar.width() and corner[1].y() < bar.height(), (corner, bar.size())
    assert field.visibleRegion().boundingRect() == field.rect()  # nothing of it cut off
    placeholder = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() > placeholder + 16  # "Sök i allt (Ctrl+F)" whole


def test_a_letter_reaching_the_activated_popup_goes_on_into_the_field(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    # A platform or window manager may activate the popup as it shows (whatever the popup
    # asks for) before the field gets the keyboard back: a fast typist's next letter lands
    # in the list of hits.
    _fill(ctx)
    window, field, _opened = _shown(qtbot, ctx)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    QTest.keyClick(field, "n")
    dialog = window.search.dialog
    assert dialog.isVisible() and dialog.following is field
    dialog.view.setFocus()  # as if the popup had been activated
    QTest.keyClick(dialog.view, "a")
    QTest.keyClick(dialog, "t")
    assert field.text() == "nat"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3000)
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
