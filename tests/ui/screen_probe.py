"""Opens every window and dialog of the app on a 1366x768 screen and prints their geometry
as JSON (run in a process of its own by test_fits_the_screen.py, one per display scaling).

    python screen_probe.py SCALE
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(HERE)]

import screenshots  # noqa: E402  (scripts/screenshots.py: the 1366x768 offscreen screen)


def main(scale: float) -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = screenshots.offscreen_screen(*screenshots.SCREEN)
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    folder = Path(tempfile.mkdtemp(prefix="trygghetsrad-probe-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")

    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QDialog,
        QMessageBox,
        QScrollArea,
        QWidget,
    )

    app = QApplication([])
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services.meetings import lifecycle as meetings
    from trygghetsrad.ui.lazy_tab import LazyTab
    from trygghetsrad.ui.main_window import TABS, MainWindow
    from trygghetsrad.ui.widgets.form_dialog import FormDialog

    screen = app.primaryScreen().availableGeometry()
    out: dict[str, Any] = {"screen": [screen.width(), screen.height()], "windows": {}}
    database = open_database(screenshots.example_database(folder))
    window = MainWindow(database)
    window.show()
    window.finish_start()
    app.processEvents()

    def record(name: str, widget: QWidget) -> None:
        app.processEvents()
        g = widget.frameGeometry()
        out["windows"][name] = [g.x(), g.y(), g.width(), g.height()]

    from trygghetsrad.ui.situation.page import SUBPAGES

    pages: dict[str, Any] = {}
    for key, _title, _spec in TABS:
        page = window.show_tab(key)
        record(f"MainWindow/{key}", window)
        tab = window.tabs.currentWidget()
        assert isinstance(tab, LazyTab)
        bars = tab.scroll.horizontalScrollBar(), tab.scroll.verticalScrollBar()
        parts: list[tuple[str, Any]] = [(key, lambda: None)]
        if key == "register":
            parts = [(f"register/{n}", lambda n=n, p=page: p.show_part(n)) for n in range(3)]
        if key == "situation":
            parts = [(f"situation/{k}", lambda k=k, p=page: p.subpage(k)) for k, _t, _s in SUBPAGES]
        for name, show in parts:
            show()
            app.processEvents()
            pages[name] = {"scrolls": [bars[0].maximum(), bars[1].maximum()]}
    out["pages"] = pages

    # The meeting editor on a finalised meeting: notes, the Uppdrag table, every button.
    page = window.show_tab("meetings")
    with database.session() as s:
        finalised = next(m.id for m in meetings.list_meetings(s) if m.status.value == "finalised")
    page.select_meeting(finalised)
    app.processEvents()
    agenda = page.agenda
    for row in range(agenda.model.rowCount()):  # an item with uppdrag, to see their text
        agenda.list.setCurrentIndex(agenda.model.index(row))
        app.processEvents()
        if agenda.action_model.rowCount():
            break
    line = agenda.notes.fontMetrics().lineSpacing()
    table = agenda.actions
    cut = []
    tab_scroll = window.tabs.currentWidget().scroll
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        inner = button.parentWidget()
        while inner is not None and not isinstance(inner, QScrollArea):
            inner = inner.parentWidget()
        if inner is not None and inner is not tab_scroll:
            continue  # inside a scrolling part of the page: reachable by scrolling it
        if button.visibleRegion().boundingRect().size() != button.size():
            cut.append(button.text() or button.accessibleName())
    out["editor"] = {
        "notes_lines": agenda.notes.viewport().height() / line,
        "actions_rows": table.viewport().height() / table.verticalHeader().defaultSectionSize(),
        "actions_with_rows": table.model().rowCount(),
        "actions_text_width": table.columnWidth(0),
        "actions_other_widths": [
            table.columnWidth(c) for c in range(1, table.model().columnCount())
        ],
        "cut_buttons": cut,
    }

    # The editor of a draft meeting whose item has two uppdrag (three, four): the buttons under
    # the Uppdrag table and eight lines of notes stay in view without scrolling the editor.
    from trygghetsrad.services.meetings import actions as meetings_actions

    with database.session() as s:
        draft = next(m.id for m in meetings.list_meetings(s) if m.status.value == "draft")
    page.select_meeting(draft)
    app.processEvents()
    agenda.list.setCurrentIndex(agenda.model.index(0))
    app.processEvents()
    item_id = agenda.item_id
    out["editor_with_actions"] = {}
    for wanted in (2, 3, 4):
        with database.session() as s:
            for n in range(agenda.action_model.rowCount(), wanted):
                what = f"Begära in underlag om belysningen vid skolan {n}"
                meetings_actions.add_action(s, item_id, what=what)
        page.select_meeting(draft)
        agenda.list.setCurrentIndex(agenda.model.index(0))
        app.processEvents()
        app.processEvents()
        out["editor_with_actions"][wanted] = {
            "actions": agenda.action_model.rowCount(),
            "notes_lines": agenda.notes.viewport().height() / line,
            "cut_buttons": [
                b.text() or b.accessibleName()
                for b in agenda.editor.findChildren(QAbstractButton)
                if b.isVisible() and b.visibleRegion().boundingRect().size() != b.size()
            ],
        }

    # The same item with its "Ärende" section open (kind, föredragande, Dnr, time): the
    # editor pane keeps to its width, so nothing in it is cut at the right edge.
    from PySide6.QtCore import QPoint

    agenda.structure.toggle.click()
    agenda.structure.case_number.setText("KS 2026/321")
    agenda.structure.slot.setText("14.00–14.30")
    app.processEvents()
    scroll = agenda.editor.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    view_width = scroll.viewport().width()
    table = agenda.actions
    out["editor_arende"] = {
        "open": agenda.structure.isVisible(),
        "hscroll": scroll.horizontalScrollBar().maximum(),
        "cut_at_right": [
            w.accessibleName()
            for w in (
                *agenda.editor.findChildren(QAbstractButton),
                *agenda.structure.findChildren(QWidget),
                table,
            )
            if w.isVisible() and w.mapTo(scroll.viewport(), QPoint(w.width(), 0)).x() > view_width
        ],
    }

    # Every form dialog, opened the way the user opens it (the bad-input sweep's openers).
    from test_bad_input_everywhere import OPENERS

    opened: list[QDialog] = []

    def capture(self: QDialog, *args: Any) -> int:
        opened.append(self)
        QDialog.show(self)
        return 0

    FormDialog.exec = capture  # type: ignore[method-assign]
    FormDialog.open = capture  # type: ignore[method-assign]
    for kind in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    for name, opener in sorted(OPENERS.items()):
        opened.clear()
        try:
            opener(window.ctx)
        except Exception as exc:  # noqa: BLE001 - reported, the test fails on it
            out["windows"][name] = f"did not open: {exc!r}"
            continue
        dialogs = [d for d in opened if type(d).__name__ == name.rsplit(".", 1)[1]]
        if dialogs:
            record(name, dialogs[-1])
        for d in opened:
            d.close()

    # The other windows: previews, statistics, search, about, restore, the wheel's rings.
    page = window.show_tab("meetings")
    page.select_meeting(finalised)
    page.preview()
    record("meetings.export.PreviewDialog", page.preview_dialog)
    page.preview_dialog.close()
    page.show_stats()
    record("meetings.details.StatsDialog", page.stats_dialog)
    page.stats_dialog.close()
    QDialog.open = lambda self: QDialog.show(self)  # type: ignore[method-assign]
    window._on_print()
    record("widgets.print_preview (minutes)", window.print_dialog)
    window.print_dialog.close()
    window.show_tab("wheel")
    window._on_print()
    record("widgets.print_preview (poster)", window.print_dialog)
    window.print_dialog.close()
    categories = window.page("wheel").edit_categories()
    record("wheel.dialogs.CategoryDialog", categories)
    categories.close()
    from trygghetsrad.ui.dialogs.about import AboutDialog

    about = AboutDialog(window.ctx.path, window)
    about.show()
    record("dialogs.about.AboutDialog", about)
    about.close()
    search = window.search.open("trygghet")
    record("search.dialog.SearchDialog", search)
    search.close()
    window.close()
    database.close()
    return out


if __name__ == "__main__":
    print("PROBE " + json.dumps(main(float(sys.argv[1]))))
