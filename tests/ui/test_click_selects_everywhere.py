"""A mouse click selects in every list, table and tree of every page, exactly as a key does.

The sweep finds the views itself (every `QAbstractItemView` of every workspace page and
Lägesbild sub-page, of every form dialog and of the wheel's rings dialog, on the example
data), so a new list is covered without a line here. For
each view with two or more rows it selects the first row, then the second row once by a mouse
click and once in code (which, like the arrow keys, selects before it moves the current
index), and compares what the page shows: texts, enabled buttons, other lists' contents.
A click that leaves a card saying "Välj en person i listan…" (PITFALLS 20) differs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from every_part import open_every_part
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from test_bad_input_everywhere import OPENERS, open_dialog

from trygghetsrad.ui.main_window import TABS
from trygghetsrad.ui.situation.page import SUBPAGES

PAGES = [spec for key, _t, spec in TABS if key != "situation"] + [s for _k, _t, s in SUBPAGES]


def _build(spec: str, ctx: Any) -> QWidget:
    module, name = spec.split(":")
    page: QWidget = getattr(importlib.import_module(module), name)(ctx)
    return page


def _reveal(view: QWidget, page: QWidget) -> None:
    """Switch every tab and stacked widget between `page` and `view` to show the view."""
    child = view
    parent = child.parentWidget()
    while parent is not None and child is not page:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def _state(page: QWidget, skip: QWidget) -> list[tuple[str, object]]:
    """What the user sees on the page, widget by widget."""
    seen: list[tuple[str, object]] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget is skip:
            continue
        name = f"{type(widget).__name__}:{widget.accessibleName() or widget.objectName()}"
        if isinstance(widget, QLabel):
            seen.append((name, widget.text()))
        elif isinstance(widget, QLineEdit):
            seen.append((name, (widget.text(), widget.isEnabled())))
        elif isinstance(widget, QPlainTextEdit):
            seen.append((name, (widget.toPlainText(), widget.isReadOnly())))
        elif isinstance(widget, QTextEdit):
            seen.append((name, widget.toPlainText()))
        elif isinstance(widget, QAbstractButton):
            seen.append((name, (widget.text(), widget.isEnabled(), widget.isChecked())))
        elif isinstance(widget, QComboBox):
            seen.append((name, (widget.currentText(), widget.isEnabled())))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            seen.append((name, (model.rowCount(), widget.isEnabled())))
    return seen


def _click_target(view: QAbstractItemView, row: int) -> QModelIndex:
    """A cell of `row` that a click selects without ticking a box in it."""
    model = view.model()
    for column in range(64):
        index = model.index(row, column)
        if not index.isValid():
            break
        checkable = bool(model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
        if not checkable and view.visualRect(index).isValid():
            return index
    return model.index(row, 0)


def _select_in_code(view: QAbstractItemView, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)
    QApplication.processEvents()


def _views(page: QWidget) -> list[QAbstractItemView]:
    return [
        view
        for view in page.findChildren(QAbstractItemView)
        if view.model() is not None
        and view.selectionModel() is not None
        and view.selectionMode() != QAbstractItemView.SelectionMode.NoSelection
        and not isinstance(view.parentWidget(), QComboBox)  # a combo box's pop-up list
        and type(view).__name__ != "QComboBoxListView"
        and not isinstance(view, QHeaderView)
    ]


def sweepable(root: QWidget, label: str) -> Iterator[tuple[QAbstractItemView, str]]:
    """Each list of `root` the sweep clicks in (shown, two rows or more), with its name."""
    for view in _views(root):
        _reveal(view, root)
        QApplication.processEvents()
        if view.isVisible() and view.model().rowCount() >= 2:
            yield view, f"{label} {view.accessibleName() or type(view).__name__}"


def sweep(root: QWidget, label: str) -> list[str]:
    """Click the second row of every list of `root` and compare with choosing it in code;
    the differences found (empty when every list behaves)."""
    wrong: list[str] = []
    for view, name in sweepable(root, label):
        _select_in_code(view, 0)
        target = _click_target(view, 1)
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            view.visualRect(target).center(),
        )
        QApplication.processEvents()
        if view.currentIndex().row() != 1:
            wrong.append(f"{name}: the click did not reach row 2")
            continue
        clicked = _state(root, view)
        _select_in_code(view, 0)
        _select_in_code(view, 1)
        chosen = _state(root, view)
        differs = [(a, b) for a, b in zip(clicked, chosen, strict=False) if a != b]
        if clicked != chosen:
            wrong.append(f"{name}: a click shows something else than keys: {differs}")
    return wrong


def _shown_page(qtbot: Any, ctx: Any, spec: str) -> QWidget:
    page = _build(spec, ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    refresh = getattr(page, "refresh", None) or getattr(page, "reload", None)
    if callable(refresh):
        refresh()
    open_every_part(page)  # the parts built when first shown (Möten's Närvaro, …)
    QApplication.processEvents()
    return page


@pytest.mark.parametrize("spec", PAGES)
def test_a_click_shows_the_same_as_choosing_the_row_with_keys(qtbot, demo_ctx, spec: str) -> None:
    wrong = sweep(_shown_page(qtbot, demo_ctx, spec), spec)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_a_click_in_a_dialog_list_shows_the_same_as_keys(
    qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The lists inside every form dialog (found by the bad-input sweep's openers)."""
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    QApplication.processEvents()
    wrong = sweep(dialog, name)
    assert not wrong, "\n".join(wrong)


def test_a_click_in_the_wheel_rings_dialog_shows_the_same_as_keys(
    qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygghetsrad.ui.wheel.dialogs import CategoryDialog
    from trygghetsrad.ui.wheel.page import WheelPage

    monkeypatch.setattr(CategoryDialog, "open", CategoryDialog.show)
    page = WheelPage(demo_ctx)
    qtbot.addWidget(page)
    dialog = page.edit_categories()
    QApplication.processEvents()
    wrong = sweep(dialog, "wheel.dialogs.CategoryDialog")
    assert not wrong, "\n".join(wrong)


def test_the_sweep_reaches_the_lists_of_every_workspace(qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The sweep finds many lists, among them the register's people, groups and members.

    Found here, not collected from the sweeps above: those may run in other processes (the
    suite runs in parallel), and then this test saw none of them.
    """
    from trygghetsrad.ui.wheel.dialogs import CategoryDialog
    from trygghetsrad.ui.wheel.page import WheelPage

    found = [
        name for spec in PAGES for _v, name in sweepable(_shown_page(qtbot, demo_ctx, spec), spec)
    ]
    monkeypatch.setattr(CategoryDialog, "open", CategoryDialog.show)
    wheel = WheelPage(demo_ctx)
    qtbot.addWidget(wheel)
    found += [name for _v, name in sweepable(wheel.edit_categories(), "CategoryDialog")]
    joined = "\n".join(found)
    for expected in ("Personer", "Grupper", "Medlemmar", "meetings.page", "CategoryDialog"):
        assert expected in joined, f"no view swept for {expected}: {found}"
    assert len(found) >= 20, found
