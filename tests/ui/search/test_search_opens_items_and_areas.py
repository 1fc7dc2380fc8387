"""Typed into the menu bar's search field and clicked with the mouse: a diarienummer lands on
the meeting with that agenda item selected, an area on the Områden tab with the area
selected, and an area's assessment there too, in the picture it belongs to."""

from __future__ import annotations

from datetime import date

from factories import make_group
from factories_meetings import make_item, make_meeting
from factories_situation import make_picture
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import structure
from trygghetsrad.services.situation import areas
from trygghetsrad.ui.search.dialog import HIT_ROLE


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.main_window import MainWindow

    window = MainWindow(ctx.database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _type_and_click(qtbot, window, text: str, kind: str):  # type: ignore[no-untyped-def]
    """Type `text` into the menu bar's field, then click the first hit of `kind`."""
    field = window.search.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    field.clear()
    QTest.keyClicks(field, text)
    dialog = window.search.dialog
    qtbot.waitUntil(
        lambda: dialog.is_current() and any(h.kind == kind for h in dialog.hits_shown()),
        timeout=5000,
    )
    index = next(
        dialog.model.index(child, 0, dialog.model.index(row, 0))
        for row in range(dialog.model.rowCount())
        for child in range(dialog.model.item(row).rowCount())
        if dialog.model.item(row).child(child).data(HIT_ROLE).kind == kind
    )
    dialog.view.scrollTo(index)
    at = dialog.view.visualRect(index).center()
    QTest.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at)  # one click opens
    QApplication.processEvents()
    assert not dialog.isVisible()


def test_a_diarienummer_typed_and_clicked_lands_on_the_meeting_with_the_item(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        klara = make_group(s, name="Klara-gruppen")
        make_meeting(s, group_ids=[klara], day=date(2026, 3, 5))
        meeting = make_meeting(s, group_ids=[klara], day=date(2025, 2, 13))
        make_item(s, meeting, title="Nattvandring inför helgen")
        item = make_item(s, meeting, title="Åtgärdsplan för centrum")
        structure.update_item_details(s, item, case_number="KS 2025/0417")
    window = _window(qtbot, ctx)
    _type_and_click(qtbot, window, "2025/0417", "agenda_item")
    assert window.tabs.currentWidget().key == "meetings"
    page = window.tabs.currentWidget().ensure_page()
    assert page.meeting is not None and page.meeting.id == meeting
    assert page.tabs.currentWidget() is page.agenda
    assert page.agenda.item_id == item
    # The Dnr the hit was found by is in view, not folded away under "Ärende".
    assert page.agenda.structure.isVisible()
    assert page.agenda.structure.case_number.isVisible()
    assert page.agenda.structure.case_number.text() == "KS 2025/0417"
    window.grab().save("/tmp/search-dnr-hit.png")


def test_an_area_and_an_assessment_typed_and_clicked_land_on_omraden(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        first = make_picture(s, title="Lägesbild 2025")
        make_picture(s, title="Lägesbild 2026")  # the one shown by default
        centrum = areas.create_area(s, name="Centrum", level="Stadsområde").id
        for n in range(25):  # the area sought is far down the list
            areas.create_area(s, name=f"Kvarter {n:02}", level="Plats", parent_id=centrum)
        old_town = areas.create_area(
            s, name="Gamla stan", level="Mellanområde", parent_id=centrum
        ).id
        areas.set_assessment(
            s, first, old_town, risk_level="raised", needs="Fler vuxna ute på kvällarna"
        )
    window = _window(qtbot, ctx)

    _type_and_click(qtbot, window, "gamla stan", "area")
    assert window.tabs.currentWidget().key == "situation"
    situation = window.tabs.currentWidget().ensure_page()
    assert situation.tabs.tabText(situation.tabs.currentIndex()) == "Områden"
    page = situation.tabs.currentWidget().ensure_page()
    assert page.current() is not None and page.current().area.id == old_town
    row = page.model.row_of(old_town)
    assert (
        page.table.viewport()
        .rect()
        .contains(page.table.visualRect(page.model.index(row, 0)).center())
    )

    window.show_tab("meetings")
    _type_and_click(qtbot, window, "kvallarna", "area_assessment")
    assert window.tabs.currentWidget().key == "situation"
    assert situation.tabs.tabText(situation.tabs.currentIndex()) == "Områden"
    assert page.picture_id() == first
    assert page.current() is not None and page.current().area.id == old_town
    assert page.needs.toPlainText() == "Fler vuxna ute på kvällarna"
    window.grab().save("/tmp/search-area-hit.png")


def test_every_kind_of_the_situation_tab_has_a_sub_page_that_opens_it() -> None:
    from trygghetsrad.db.search_sources import SOURCES
    from trygghetsrad.domain.changes import Area
    from trygghetsrad.ui.situation.page import RECORD_SUBPAGES, SUBPAGES

    kinds = {s.kind for s in SOURCES if s.area in (Area.SITUATION, Area.ACTION_PLAN)}
    assert sorted(kinds - set(RECORD_SUBPAGES)) == []
    assert set(RECORD_SUBPAGES.values()) <= {key for key, _title, _spec in SUBPAGES}
