"""The Möten tab as a first-time user meets it on a 1366×768 laptop (demo data as of 2026-11-26)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from trygghetsrad.domain.changes import REGISTER
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.ui.meetings.page import MeetingsPage


def _row_of(page: MeetingsPage, day: str) -> int:
    proxy = page.table.model()
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith(day))


def test_joint_meetings_are_recognisable_in_the_list(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    proxy = demo_page.table.model()
    row = _row_of(demo_page, "2025-02-13")
    group = proxy.index(row, 1)
    assert group.data() == "TR + Klara"
    assert "Trygghetsrådet och Klara-gruppen" in group.data(Qt.ItemDataRole.ToolTipRole)
    # the short label fits: Qt does not elide it
    view = demo_page.table
    width = view.fontMetrics().horizontalAdvance(group.data()) + 12
    assert view.columnWidth(1) >= width
    assert proxy.index(row, 2).data() == "Anteckningar"


def test_title_field_is_not_squeezed_by_the_internal_checkbox(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    agenda = demo_page.agenda
    demo_page.settle()  # the first meeting opens right after the first paint
    qtbot.waitUntil(lambda: agenda.title.isVisible())  # measured as laid out on screen
    assert agenda.internal.text() == "Intern"
    assert "tas inte med" in agenda.internal.toolTip()
    assert agenda.title.width() > 5 * agenda.internal.width()


def test_attendance_statistics_sort_swedish_fit_and_close(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from trygghetsrad.domain.text import sort_key

    demo_page.show_stats()
    dialog = demo_page.stats_dialog
    qtbot.waitExposed(dialog)
    people, orgs = dialog.views
    names = [orgs.model().index(r, 0).data() for r in range(orgs.model().rowCount())]
    assert names == sorted(names, key=sort_key)
    assert names[-1] == "Älvdalsgymnasiet"  # Ä after Z, not among the A:s
    assert people.horizontalHeader().sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
    from trygghetsrad.ui.widgets.sort_arrows import points_along

    # ▲ for A → Ö (Fusion's own arrow points down for ascending order)
    assert points_along(people.horizontalHeader()) and points_along(
        demo_page.table.horizontalHeader()
    )
    header = people.horizontalHeader()
    last = people.model().columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= people.viewport().width()  # Närvaro is shown in full
    assert header.sectionSize(last) >= header.sectionSizeHint(last)
    close = dialog.findChild(QDialogButtonBox).buttons()[0]
    assert close.text() == "Stäng"
    close.click()
    assert not dialog.isVisible()


def _select(page: MeetingsPage, day: str) -> None:
    page.table.selectRow(_row_of(page, day))
    assert page.meeting is not None and page.meeting.day.isoformat() == day[:10]


def test_planned_protocol_offers_no_finalising_before_minutes(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    _select(demo_page, "2026-12-10")  # the council's planned protokoll
    buttons = demo_page.lifecycle_buttons
    assert buttons["start"].isVisible()
    assert not buttons["finalise"].isVisible()


def test_minnesanteckningar_are_fastställda_without_a_justerare(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.meetings.model import MeetingStatus

    _select(demo_page, "2026-11-19")  # Klara-gruppen, minnesanteckningar, draft
    buttons = demo_page.lifecycle_buttons
    assert buttons["finalise"].text() == "Fastställ…"
    buttons["finalise"].click()
    dialog = demo_page.finalise_dialog
    assert dialog.windowTitle() == "Fastställ minnesanteckningarna"
    assert dialog.adjuster is None
    dialog.save_button.click()
    assert demo_page.meeting.status is MeetingStatus.FINALISED
    assert demo_page.status.text() == "Fastställt"
    assert buttons["unfinalise"].text() == "Ångra fastställande"
    assert "Fastställt" in demo_page.revision.text()
    meeting_id = demo_page.meeting.id
    demo_page.agenda.record(
        "Ny punkt", lambda s: meetings_agenda.add_item(s, meeting_id, title="Ny")
    )
    message = demo_page.agenda.error.text()
    assert "Minnesanteckningarna är fastställda" in message and "protokoll" not in message.lower()


def test_marking_as_sent_asks_first(qtbot, demo_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from trygghetsrad.domain.meetings.model import MeetingStatus

    _select(demo_page, "2026-09-17  10.00")  # Klara-gruppen, fastställda, not yet sent
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert demo_page.lifecycle_buttons["send"].isVisible()
    demo_page.lifecycle_buttons["send"].click()
    assert asked and "allmän handling" in asked[0] and "minnesanteckningarna" in asked[0]
    assert demo_page.meeting.status is MeetingStatus.FINALISED  # cancelled: nothing changed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    demo_page.lifecycle_buttons["send"].click()
    assert demo_page.meeting.status is MeetingStatus.SENT


def test_copy_previous_says_when_there_is_nothing_to_copy(qtbot, demo_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    _select(demo_page, "2026-11-19")  # its agenda already has the previous meeting's items
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    before = demo_page.agenda.model.rowCount()
    demo_page.agenda.copy_button.click()
    assert told and "inget kopierades" in told[0]
    assert demo_page.agenda.model.rowCount() == before


def test_new_action_dialog_has_one_due_label_and_a_status(qtbot, demo_page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from trygghetsrad.domain.meetings.model import ActionStatus

    _select(demo_page, "2026-11-19")
    agenda = demo_page.agenda
    agenda.select_relative(+3)
    item_id = agenda.item_id
    agenda.new_action()
    dialog = agenda.action_dialog
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [dialog.due.check.text()]
    assert sum(t.startswith("Klart senast") for t in texts) == 1
    dialog.what.setText("Boka lokal för föräldramötet")
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.save_button.click()
    with demo_ctx.database.session() as s:
        action = next(
            a
            for a in meetings_agenda.get_item(s, item_id).actions
            if a.what == "Boka lokal för föräldramötet"
        )
    assert action.status is ActionStatus.DONE and action.closed_on is not None
    # editing shows the stored status and can open it again
    agenda.actions.selectRow(
        next(
            r
            for r in range(agenda.action_model.rowCount())
            if agenda.action_model.record(r).id == action.id
        )
    )
    agenda.edit_action()
    dialog = agenda.action_dialog
    assert dialog.status.currentData() == "done"
    dialog.status.setCurrentIndex(dialog.status.findData("open"))
    dialog.save_button.click()
    with demo_ctx.database.session() as s:
        again = next(a for a in meetings_agenda.get_item(s, item_id).actions if a.id == action.id)
    assert again.status is ActionStatus.OPEN and again.closed_on is None


def test_new_meeting_with_no_groups_offers_a_new_group(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services import register

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.new_meeting()
    dialog = page.group_dialog
    assert dialog.isVisible()
    assert any("inga grupper" in label.text() for label in dialog.findChildren(QLabel))
    dialog.save_button.click()  # an empty name is refused, the dialog stays
    assert dialog.isVisible() and dialog.error_text("name")
    dialog.name.setText("Trygghetsrådet")
    dialog.save_button.click()
    with ctx.database.session() as s:
        assert [g.name for g in register.list_groups(s)] == ["Trygghetsrådet"]
    meeting_dialog = page.meeting_dialog  # and the new meeting continues with the group
    assert meeting_dialog.isVisible()
    assert meeting_dialog.groups.checked_ids()


def test_no_groups_dialog_leads_to_the_register(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    shown: list[object] = []
    ctx.events.show_area.connect(shown.append)  # the main window shows the tab
    page.new_meeting()
    page.group_dialog.register_button.click()
    assert shown == [REGISTER] and not page.group_dialog.isVisible()


def test_saving_minnesanteckningar_does_not_say_protokoll(qtbot, demo_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from trygghetsrad.ui.meetings.export import ask_path, build_document

    _select(demo_page, "2026-11-19")
    asked: list[str] = []

    def fake(_parent, title, default, _filter, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(title)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    doc = build_document(demo_page.ctx, demo_page.meeting.id, False)
    assert ask_path(demo_page, "minutes", doc) is None
    assert asked == ["Spara minnesanteckningar"]


def test_a_long_role_in_a_joint_meeting_can_be_read_whole(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    """ "Ledamot i Trygghetsrådet, ordförande i Klara-gruppen" is wider than the Roll column:
    the row wraps it and the cell's tooltip gives the whole text."""
    from PySide6.QtTest import QTest

    view = demo_page.table
    index = view.model().index(_row_of(demo_page, "2025-02-13"), 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    demo_page.tabs.setCurrentWidget(demo_page.attendance)
    table = demo_page.attendance.view
    model = table.model()
    role_column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Roll"
    )
    roles = [model.index(r, role_column) for r in range(model.rowCount())]
    long = next(
        i for i in roles if "Ledamot i Trygghetsrådet, ordförande i Klara-gruppen" in i.data()
    )
    assert long.data(Qt.ItemDataRole.ToolTipRole) == long.data()
    lines = table.rowHeight(long.row()) // table.fontMetrics().lineSpacing()
    needed = table.fontMetrics().horizontalAdvance(long.data()) / max(
        1, table.columnWidth(role_column) - 8
    )
    assert lines >= min(2, int(needed) + 1)  # wrapped onto as many lines as it needs
