"""The search popup and the search field: grouped, highlighted hits that open their record."""

from __future__ import annotations

from factories import make_group, make_person
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.ui.search import install, open_owner, open_search
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


class _Window(QMainWindow):
    """The parts of the main window search relies on: ctx, show_tab, a menu."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx = ctx
        self.shown: list[str] = []
        self.opened: list[Owner] = []
        self.edit_menu = QMenu("Redigera", self)
        self.menuBar().addMenu(self.edit_menu)
        window = self

        class Page(QLabel):
            def open_record(self, owner: Owner) -> bool:
                window.opened.append(owner)
                return True

        self._page = Page("sida")

    def show_tab(self, key: str):  # type: ignore[no-untyped-def]
        if key not in {"register", "meetings", "wheel", "situation"}:
            raise KeyError(key)
        self.shown.append(key)
        return self._page


def test_ctrl_f_field_and_opening_records(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(ctx)
    window = _Window(ctx)
    qtbot.addWidget(window)
    field = install(window, window.edit_menu)
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    assert window.search_action in window.edit_menu.actions()
    window.show()
    window.search_action.trigger()
    dialog = window._search_dialog
    assert dialog.isVisible()
    field.setText("Klara")
    field.textEdited.emit("Klara")
    assert dialog.field.text() == "Klara"
    qtbot.waitUntil(lambda: any(hit.kind == "group" for hit in dialog.hits_shown()), timeout=5000)
    owner = Owner("action_plan", "measure", 7)
    ctx.events.open_record.emit(owner)
    assert window.shown == ["situation"] and window.opened == [owner]
    assert open_owner(window, Owner("nowhere", "x", 1)) is False
    assert open_search(window) is dialog


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


def test_a_hit_opened_by_double_click_leaves_the_record_in_view(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The trial: the search window stayed on top of the record it had just opened."""
    from PySide6.QtTest import QTest

    _fill(ctx)
    window = _Window(ctx)
    qtbot.addWidget(window)
    install(window, window.edit_menu)
    window.resize(1366, 768)
    window.show()
    dialog = open_search(window, "Klara")
    qtbot.waitUntil(lambda: bool(dialog.hits_shown()), timeout=5000)
    first = dialog.first_hit_index()
    dialog.view.scrollTo(first)
    at = dialog.view.visualRect(first).center()
    QTest.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    QTest.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    QApplication.processEvents()
    assert window.opened and window.opened[-1].kind == "group"
    assert not dialog.isVisible()
    # Ctrl+F brings the same search back.
    window.search_action.trigger()
    assert dialog.isVisible() and dialog.field.text() == "Klara"
    assert dialog.hits_shown()
