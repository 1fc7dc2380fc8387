"""Keyboard shortcuts: none is bound twice where both could fire ("Ambiguous shortcut
overload" and nothing happens), Ctrl+N makes a new record of the page shown, and Ctrl+P
opens a print preview of the page's own PDF.

The clash check collects every QAction and QShortcut of the window while each page and
each Lägesbild sub-page is shown, and compares those that are live at the same time: a
window-wide binding clashes with any other of the same keys; a widget's own binding clashes
with one on the same widget or on a widget around it. Then Qt itself is asked: every bound
key is pressed on every page and no shortcut event may come out ambiguous (that also catches
one action holding the same key twice, which the comparison above cannot see).
"""

from __future__ import annotations

from typing import Any

import pytest
from every_part import open_every_part
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from trygghetsrad.ui.main_window import TABS, MainWindow
from trygghetsrad.ui.situation.page import SUBPAGES

WINDOW = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _binding_widgets(obj: QAction | QShortcut) -> list[QWidget]:
    if isinstance(obj, QShortcut):
        parent = obj.parent()
        return [parent] if isinstance(parent, QWidget) else []
    return [w for w in obj.associatedObjects() if isinstance(w, QWidget)]


def _live(obj: QAction | QShortcut, window: QWidget) -> list[tuple[str, QWidget | None]]:
    """(key, scope) for each binding of `obj` that can fire now; scope None = the window."""
    if not obj.isEnabled():
        return []
    keys = obj.shortcuts() if isinstance(obj, QAction) else obj.keys()
    keys = [k.toString() for k in keys if not k.isEmpty()]
    if not keys:
        return []
    context = obj.shortcutContext() if isinstance(obj, QAction) else obj.context()
    scopes: list[QWidget | None] = []
    for widget in _binding_widgets(obj):
        if isinstance(widget, QMenu):
            if widget.window() is window or widget.parentWidget() is not None:
                scopes.append(None)  # a menu of the menu bar: window-wide
        elif widget.isVisible() and widget.window() is window:
            scopes.append(None if context in WINDOW else widget)
    if isinstance(obj, QAction) and context == Qt.ShortcutContext.ApplicationShortcut:
        scopes.append(None)
    return [(key, scope) for key in keys for scope in scopes]


def _overlap(a: QWidget | None, b: QWidget | None) -> bool:
    return a is None or b is None or a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def clashes(window: QWidget) -> list[str]:
    bindings: list[tuple[str, QWidget | None, str]] = []
    objects: list[QAction | QShortcut] = [
        *window.findChildren(QAction),
        *window.findChildren(QShortcut),
    ]
    for obj in objects:
        name = obj.text() if isinstance(obj, QAction) else f"QShortcut on {obj.parent()}"
        for key, scope in _live(obj, window):
            bindings.append((key, scope, name.replace("&", "")))
    found = set()
    for i, (key, scope, name) in enumerate(bindings):
        for other_key, other_scope, other in bindings[i + 1 :]:
            if key == other_key and _overlap(scope, other_scope) and name != other:
                found.add(f"{key}: “{name}” and “{other}”")
    return sorted(found)


@pytest.fixture
def window(qtbot, demo_database):  # type: ignore[no-untyped-def]
    win = MainWindow(demo_database)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    with qtbot.waitSignal(win.first_paint_with_data, timeout=30_000):
        win.show()
    win.finish_start()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _each_page(window: MainWindow):  # type: ignore[no-untyped-def]
    for key, _title, _spec in TABS:
        page = window.show_tab(key)
        open_every_part(page)  # the parts built when first shown (Möten's Närvaro, …)
        QApplication.processEvents()
        if key == "situation":
            for sub, _t, _s in SUBPAGES:
                page.subpage(sub)
                QApplication.processEvents()
                yield f"{key}/{sub}"
        else:
            yield key


def test_no_shortcut_is_bound_twice_on_any_page(window) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for where in _each_page(window):
        problems = clashes(window)
        if problems:
            found[where] = problems
    assert not found, f"Ambiguous shortcuts: {found}"


def _bound(window: QWidget) -> list[QAction | QShortcut]:
    return [*window.findChildren(QAction), *window.findChildren(QShortcut)]


def _keys(obj: QAction | QShortcut) -> list[str]:
    keys = obj.shortcuts() if isinstance(obj, QAction) else obj.keys()
    return [k.toString() for k in keys if not k.isEmpty()]


def test_no_action_carries_the_same_key_twice(window) -> None:  # type: ignore[no-untyped-def]
    """Qt sees one action holding a key twice as two bindings: the key does nothing."""
    doubled = {
        (obj.text() if isinstance(obj, QAction) else repr(obj)).replace("&", ""): keys
        for obj in _bound(window)
        if len(keys := _keys(obj)) != len(set(keys))
    }
    assert not doubled, f"Keys bound twice within one action: {doubled}"


class _ShortcutSpy(QObject):
    """Sees every shortcut event Qt delivers and swallows it, so no action really runs."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, bool]] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Shortcut:
            self.events.append((event.key().toString(), event.isAmbiguous()))
            return True
        return False


def test_every_shortcut_pressed_on_every_page_is_unambiguous(window) -> None:  # type: ignore[no-untyped-def]
    """Press each key bound anywhere, on each page: Qt must find exactly one owner for it
    (what it decides, not what the clash check above predicts)."""
    spy = _ShortcutSpy()
    app = QApplication.instance()
    ambiguous: dict[str, set[str]] = {}
    pages = list(_each_page(window))  # builds every page once
    app.installEventFilter(spy)
    try:
        for where in pages:
            key, _, sub = where.partition("/")
            page = window.show_tab(key)
            if sub:
                page.subpage(sub)
            QApplication.processEvents()
            bound = _bound(window)
            # A disabled action takes no key; enable all (nothing runs: the spy swallows it),
            # so Gör om is checked even with nothing to redo.
            was = [obj.isEnabled() for obj in bound]
            for obj in bound:
                obj.setEnabled(True)
            keys = {k for obj in bound for k in _keys(obj)}
            for text in sorted(keys):
                combo = QKeySequence(text)[0]
                if combo.key().value >= Qt.Key.Key_Back.value:
                    continue  # a media keyboard's own key (Save, Redo, Find): no such key here
                spy.events.clear()
                # Where the user types, and where no field takes the key for itself.
                for target in (QApplication.focusWidget() or window, window.tabs.tabBar()):
                    QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
                if any(amb for _k, amb in spy.events):
                    ambiguous.setdefault(text, set()).add(where)
            for obj, enabled in zip(bound, was, strict=True):
                obj.setEnabled(enabled)
    finally:
        app.removeEventFilter(spy)
    assert not ambiguous, f"Ambiguous shortcut overload (nothing happens): {ambiguous}"


def test_redo_answers_ctrl_y_and_ctrl_shift_z(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoCommand

    done: list[str] = []

    class Step(QUndoCommand):
        def redo(self) -> None:
            done.append("redo")

        def undo(self) -> None:
            done.append("undo")

    stack = window.undo_group.activeStack()
    assert stack is not None
    stack.push(Step("prov"))
    for key, mods in (
        (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ):
        stack.undo()
        done.clear()
        QTest.keyClick(window.tabs.tabBar(), key, mods)
        QApplication.processEvents()
        assert done == ["redo"], QKeySequence(key.value | mods.value).toString()


def test_the_clash_check_sees_a_page_shortcut_beside_the_window_one(window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_tab("register")
    QShortcut(QKeySequence(QKeySequence.StandardKey.New), page)
    assert any("Ctrl+N" in c for c in clashes(window))


OPENED_BY_CTRL_N = {
    "meetings": "MeetingDialog",
    "wheel": "EventDialog",
    "register": "PersonDialog",
    "situation/sources": "SourceDialog",
    "situation/observations": "ObservationDialog",
    "situation/gaps": "GapDialog",
    "situation/indicators": "IndicatorDialog",
    "situation/causes": "ProblemDialog",
    "situation/agreements": "AgreementDialog",
}


def test_ctrl_n_makes_a_new_record_on_the_page_shown(
    window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []

    def capture(self: QDialog, *args: Any) -> int:
        opened.append(type(self).__name__)
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    monkeypatch.setattr(QDialog, "open", capture)
    missing = {}
    for where in _each_page(window):
        if where not in OPENED_BY_CTRL_N:
            continue
        opened.clear()
        if where == "register":
            window.page("register").show_part(0)  # Personer (the part shown last is kept)
        focus = QApplication.focusWidget() or window
        QTest.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        if OPENED_BY_CTRL_N[where] not in opened:
            missing[where] = opened[:]
    assert not missing, f"Ctrl+N did not open the page's new record: {missing}"


def test_ctrl_p_previews_the_minutes_pdf_page_by_page(
    window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from trygghetsrad.ui.widgets import print_preview

    made: list[tuple[str, bytes]] = []
    real = print_preview.print_pdf

    def spy(parent: QWidget, title: str, data: bytes, pages: Any) -> Any:
        made.append((title, data))
        return real(parent, title, data, pages)

    monkeypatch.setattr(print_preview, "print_pdf", spy)
    monkeypatch.setattr(QDialog, "open", lambda self: None)
    page = window.show_tab("meetings")
    QApplication.processEvents()
    assert page.meeting is not None
    QTest.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    QApplication.processEvents()
    assert made, "Ctrl+P made no document"
    title, data = made[-1]
    pages = len(PdfReader(__import__("io").BytesIO(data)).pages)
    dialog = window.print_dialog
    assert len(dialog.pages) == pages  # the preview shows every page of that very PDF
    first = dialog.pages[0]
    assert first.height() > first.width() > 1000  # A4 upright, rendered for print
    # The rendered page is not blank: the PDF's own text is drawn on it.
    dark = sum(
        1
        for y in range(0, first.height(), 7)
        for x in range(0, first.width(), 7)
        if first.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200
    assert title in dialog.windowTitle()


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("wheel", "Årshjul"),
        ("situation/pictures", "Lägesbild"),
        ("situation/plan", "Åtgärdsplan"),
    ],
)
def test_ctrl_p_prints_the_poster_the_report_and_the_plan(
    window, monkeypatch: pytest.MonkeyPatch, where: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    from io import BytesIO

    from pypdf import PdfReader

    monkeypatch.setattr(QDialog, "open", lambda self: None)
    key, _, sub = where.partition("/")
    page = window.show_tab(key)
    if sub:
        page.subpage(sub)
    QApplication.processEvents()
    window.print_dialog = None
    QTest.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    QApplication.processEvents()
    dialog = window.print_dialog
    assert dialog is not None, f"Ctrl+P printed nothing on {where}"
    title, render = page.printable()
    data = render()
    reader = PdfReader(BytesIO(data))
    assert len(dialog.pages) == len(reader.pages)
    assert expected in reader.pages[0].extract_text() + title
