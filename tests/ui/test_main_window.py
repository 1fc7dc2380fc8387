"""The one test that boots the whole MainWindow: tabs, menus, status bar, remembered state."""

from __future__ import annotations

from trygghetsrad.ui.lazy_tab import LazyTab
from trygghetsrad.ui.main_window import TABS, MainWindow, qsettings
from trygghetsrad.ui.register.page import RegisterPage


def _menu_texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_main_window_boots_shows_every_tab_and_remembers_state(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    settings = qsettings()
    settings.setValue("window/tab", "register")
    settings.sync()

    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_paint_with_data, timeout=30_000):
        window.show()

    # It starts on the remembered tab, the register, and shows its data.
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Register"
    register_page = window.tabs.currentWidget().page
    assert isinstance(register_page, RegisterPage)
    assert register_page.people.panel.proxy.rowCount() >= 15
    assert window.undo_group.activeStack() is register_page.undo_stack

    # The status bar names the database in use.
    assert str(demo_database.path) in window._db_label.text()
    assert demo_database.path.name in window.windowTitle()

    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Möten",
        "Uppdrag",
        "Årshjul",
        "Lägesbild",
        "Register",
    ]
    for index, (key, _title, _spec) in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        assert isinstance(tab, LazyTab) and tab.key == key
        qtbot.waitUntil(lambda t=tab: t.page is not None and t.page.isVisible())

    archive = _menu_texts(window.archive_menu)
    for wanted in (
        "Ny databas…",
        "Öppna databas…",
        "Säkerhetskopiera till…",
        "Inställningar…",
        "Avsluta",
    ):
        assert wanted in archive
    assert _menu_texts(window.edit_menu)[:2] == ["Ångra", "Gör om"]
    assert _menu_texts(window.help_menu) == ["Om Trygghetsråd…"]

    # Undo from the Redigera menu reaches the register page's stack.
    window.show_tab("register")
    dialog = register_page.new_group()
    dialog.name.setText("Grannsamverkan Östra")
    dialog.save_button.click()
    undo = window.edit_menu.actions()[0]
    assert undo.isEnabled() and "Lägg till grupp Grannsamverkan Östra" in undo.text()
    undo.trigger()
    assert "Grannsamverkan Östra" not in [g.name for g in register_page.data.groups]

    # Geometry and the last tab are remembered for the next start. (The offscreen screen is
    # small, so the restored width is clamped to it; a height that fits is kept exactly.)
    height = min(max(window.minimumSizeHint().height(), 600) + 20, 760)
    window.resize(window.width(), height)
    assert window.height() == height
    window.show_tab("wheel")
    window.close()
    assert qsettings().value("window/tab") == "wheel"
    again = MainWindow(demo_database)
    qtbot.addWidget(again)
    assert again.tabs.tabText(again.tabs.currentIndex()) == "Årshjul"
    assert again.height() == height
    again.close()


def test_the_window_opens_what_a_page_asks_for_in_its_workspace(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    """Navigation is the window's: pages and search only ask through ctx.events."""
    from trygghetsrad.domain.calendar_items import Owner
    from trygghetsrad.domain.changes import ACTION_PLAN, REGISTER
    from trygghetsrad.services import register

    with demo_database.session() as s:
        group = register.list_groups(s)[-1]
    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    window.show_tab("meetings")
    window.show()
    window.ctx.events.open_record.emit(Owner(REGISTER, "group", group.id))
    assert window.tabs.currentWidget().key == "register"
    panel = window.tabs.currentWidget().page.groups.groups
    assert panel.current() is not None and panel.current().id == group.id
    window.ctx.events.show_area.emit(ACTION_PLAN)
    assert window.tabs.currentWidget().key == "situation"
    assert window.open_record(Owner("nowhere", "x", 1)) is False  # no tab shows it
    assert window.tabs.currentWidget().key == "situation"
