"""The search popup and the search field: grouped, highlighted hits that open their record."""

from __future__ import annotations

from factories import make_group, make_person
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.ui.search.dialog import HTML_ROLE, SearchDialog


def test_hits_grouped_by_kind_with_bold_matches(qtbot, ctx, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.field.setText("Trygghetsrådet")
    dialog.search_now()
    headers = [dialog.model.item(r).text() for r in range(dialog.model.rowCount())]
    assert any(h.startswith("Grupper (") for h in headers)
    group_row = next(r for r, h in enumerate(headers) if h.startswith("Grupper"))
    first = dialog.model.item(group_row).child(0)
    assert "<b>Trygghetsrådet</b>" in first.data(HTML_ROLE)
    assert first.text().startswith("Trygghetsrådet")
    assert "träff" in dialog.summary.text()
    qtmodeltester.check(dialog.model)


def test_typing_searches_after_a_pause_and_nothing_found_is_said(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("zzqx")
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=3000)
    assert dialog.model.rowCount() == 0
    assert "Inga träffar" in dialog.summary.text()


def test_enter_opens_the_first_hit_through_open_record(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("Lindqvist")
    dialog.search_now()
    with qtbot.waitSignal(ctx.events.open_record) as blocker:
        QApplication.sendEvent(
            dialog.field,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        )
    owner = blocker.args[0]
    assert owner.area == "register" and owner.kind == "person"
    assert dialog.hits_shown()[0].owner == owner


def _fill(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        make_group(s, name="Trygghetsrådet", description="Kommunens brottsförebyggande råd")
        make_group(s, name="Klara-gruppen")
        make_person(s, name="Maja Lindqvist", title="Samordnare för Trygghetsrådet")


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    """The main window on the test's database, and the records it was asked to open."""
    from trygghetsrad.ui.main_window import MainWindow

    window = MainWindow(ctx.database)
    qtbot.addWidget(window)
    opened: list[Owner] = []
    window.ctx.events.open_record.connect(opened.append)
    return window, opened


def test_ctrl_f_field_and_opening_records(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    window, _opened = _window(qtbot, ctx)
    search = window.search
    assert search.action.shortcut().toString() == "Ctrl+F"
    assert search.action in window.edit_menu.actions()
    assert window.menuBar().cornerWidget(Qt.Corner.TopRightCorner) is search.field
    window.show()
    assert search.dialog is None  # built on first use
    search.action.trigger()
    dialog = search.dialog
    assert dialog is not None and dialog.isVisible()
    search.field.setText("Klara")
    search.field.textEdited.emit("Klara")
    assert dialog.field.text() == "Klara"
    qtbot.waitUntil(lambda: any(hit.kind == "group" for hit in dialog.hits_shown()), timeout=5000)
    assert search.open() is dialog


def test_background_search_shows_only_the_newest_query(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.field.setText("Trygghetsrådet")
    dialog.run_search()  # in a worker thread
    first = dialog.pending
    assert first is not None
    dialog.field.setText("Klara")
    dialog.search_now()
    with qtbot.waitSignal(first.finished, timeout=5000):
        pass
    assert dialog.result is not None and dialog.result.text == "Klara"
    assert [hit.kind for hit in dialog.hits_shown()] == ["group"]
    assert dialog.is_current()


def test_a_hit_opened_by_a_single_click_leaves_the_record_in_view(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The trial: the search window stayed on top of the record it had just opened, and a
    click on a hit only highlighted it (as a search popup's hits do, one click opens)."""
    from PySide6.QtTest import QTest

    _fill(ctx)
    window, opened = _window(qtbot, ctx)
    window.resize(1366, 768)
    window.show()
    dialog = window.search.open("Klara")
    qtbot.waitUntil(lambda: bool(dialog.hits_shown()), timeout=5000)
    first = dialog.first_hit_index()
    dialog.view.scrollTo(first)
    at = dialog.view.visualRect(first).center()
    QTest.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    QApplication.processEvents()
    assert len(opened) == 1 and opened[-1].kind == "group"
    assert window.tabs.currentWidget().key == "register"  # the window showed it
    assert not dialog.isVisible()
    # Ctrl+F brings the same search back.
    window.search.action.trigger()
    assert dialog.isVisible() and dialog.field.text() == "Klara"
    assert dialog.hits_shown()


def test_arrow_keys_move_through_the_hits_without_opening_them(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    _fill(ctx)
    window, opened = _window(qtbot, ctx)
    window.resize(1366, 768)
    window.show()
    dialog = window.search.open("Trygghetsrådet")
    qtbot.waitUntil(lambda: len(dialog.hits_shown()) >= 2, timeout=5000)
    QTest.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.view.currentIndex() == dialog.first_hit_index()
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    moved = dialog.view.currentIndex()
    assert moved.isValid() and moved != dialog.first_hit_index()
    QTest.keyClick(dialog.view, Qt.Key.Key_Up)
    assert not opened and dialog.isVisible()
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0] == dialog.hits_shown()[0].owner


def test_every_part_of_a_selected_hit_is_in_the_highlighted_text_colour(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The trial: the grey context and excerpt of the selected hit were dark grey on dark
    blue, hardly readable."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    _fill(ctx)
    dialog = SearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(700, 560)
    dialog.show()
    dialog.field.setText("Samordnare")  # the person hit has a grey context and excerpt
    dialog.search_now()
    index = dialog.first_hit_index()
    assert "<span" in index.data(HTML_ROLE)
    delegate = dialog.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(dialog.view.viewport())
    option.rect = dialog.view.visualRect(index)
    option.state |= QStyle.StateFlag.State_Selected
    wanted = option.palette.highlightedText().color()
    doc = delegate.document_for(option, index)
    colours = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.text().strip():
                brush = fragment.charFormat().foreground()
                colours.add(
                    brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else None
                )
            it += 1
        block = block.next()
    assert colours and colours <= {None, wanted.name()}, colours
    # Not selected: the excerpt stays grey.
    option.state &= ~QStyle.StateFlag.State_Selected
    assert "color:#3d4853" in delegate.document_for(option, index).toHtml()
