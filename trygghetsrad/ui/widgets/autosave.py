"""Autosave and undo for edits made in place: no Save button, nothing lost, Ctrl+Z works.

Two pieces every page can use:

- `Autosaver`: calls a save function `DELAY_MS` after the last change, and at once when the
  page asks (`flush()`), when the window closes or the database is switched (`flush_all()`,
  called by the main window and on application quit), and, for a `FieldAutosave`, when the
  field loses focus. A crash or a power cut therefore loses at most the last second of
  typing (a table or tree cell whose editor is still open is stored when the editor closes).
- `SetFieldCommand`: a QUndoCommand for "this field went from A to B". Its change has already
  been stored when it is pushed (the first redo does nothing); consecutive saves of the same
  field while the user keeps typing merge into one undo step ("Ändra titel").

Pages that run an autosave timer of their own join their window's registry
(`ctx.autosave.join(self)`, see `ui/autosave_registry.py`): `flush_all()` calls their
`save_now()`. `flush_all()` first
commits any cell editor still open in a table or tree (a cause being renamed, a value typed
into a table), so closing the window with the cursor in a cell keeps what was typed.

`connect_session_end()` (called by the main window) runs `flush_all()` when the
application quits, when the desktop session ends (log out, shut down: Qt's
`commitDataRequest`), on SIGTERM, which session managers send before killing a program, and on
SIGHUP (the terminal it was started from closes).

`FieldAutosave` ties the two to a QLineEdit / QPlainTextEdit / QTextEdit:

    FieldAutosave(
        self.title_edit,
        store=lambda text: self._save(lambda s: meetings.set_title(s, meeting_id, text)),
        stack=self.undo_stack,
        label=self.tr("titel"),
    )

`store(text)` runs the service (and emits `ctx.events.changed`); if it raises a
ValidationError the text stays in the field, the message is shown at the field (property
`error`, tooltip and the `failed` signal) and nothing is pushed.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import signal
import weakref
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from trygghetsrad.errors import UserError
from trygghetsrad.ui.autosave_registry import SavesPending, registries

log = logging.getLogger("trygghetsrad")

DELAY_MS = 700
_LIVE: weakref.WeakSet[Autosaver] = weakref.WeakSet()
_MERGE_IDS: dict[str, int] = {}
_next_id = itertools.count(1000)


def flush_all() -> list[QWidget]:
    """Store every pending edit now (closing, quitting, switching or restoring the database).

    Covers open cell editors, every `Autosaver`, and every page that joined a window's
    `AutosaveRegistry` (pages that keep an autosave timer of their own). Returns the
    widgets whose edit was refused (a ValidationError: the message shows at the field and
    the text stays), so that closing can ask first; a page refuses by returning False from
    `save_now()` or raising a UserError.
    """
    refused: dict[int, QWidget] = {}

    def note(widget: QWidget | None) -> None:
        if widget is not None:
            refused.setdefault(id(widget), widget)

    commit_open_editors()
    for saver in list(_LIVE):
        try:
            if not saver.flush():
                note(saver.widget())
        except RuntimeError:  # its Qt object is already gone
            continue
        except UserError:  # the page shows the message at the field and keeps the text
            note(saver.widget())
        except Exception:  # a bug in one page must not stop the others from saving
            log.exception("autosave flush failed")
    for registry in registries():
        for page in registry.pages():
            try:
                if cast(SavesPending, page).save_now() is False:
                    note(page)
            except UserError:  # the page shows the message at the field and keeps the text
                note(page)
            except RuntimeError:  # deleted while storing
                continue
            except Exception:  # a bug in one page must not stop the others from saving
                log.exception("save_now of %s failed", type(page).__name__)
    # A page and a field inside it may both refuse: name the innermost once.
    widgets = list(refused.values())
    return [w for w in widgets if not any(o is not w and w.isAncestorOf(o) for o in widgets)]


def session_ending() -> bool:
    """True once the desktop session or a signal ends the program: nothing may ask then."""
    return bool(_SESSION_HOOKS.get("ending"))


def commit_open_editors() -> None:
    """Hand the text of every open table/tree cell editor to its model, as Enter would."""
    if QApplication.instance() is None:
        return
    for view in QApplication.allWidgets():
        if not isinstance(view, QAbstractItemView):
            continue
        try:
            if view.state() != QAbstractItemView.State.EditingState:
                continue
            delegate = view.itemDelegateForIndex(view.currentIndex())
            for editor in view.viewport().findChildren(QWidget):
                if editor.parent() is view.viewport() and editor.isVisible():
                    delegate.commitData.emit(editor)
        except RuntimeError:  # deleted while iterating
            continue
        except Exception:  # one view must not stop the others from saving
            log.exception("committing the editor of %s failed", type(view).__name__)


_SESSION_HOOKS: dict[str, object] = {}


def connect_session_end(app: QCoreApplication | None = None) -> None:
    """Store pending edits on quit, when the desktop session ends, and on SIGTERM (once)."""
    app = app or QCoreApplication.instance()
    if app is None or _SESSION_HOOKS.get("app") is app:
        return
    _SESSION_HOOKS["app"] = app
    app.aboutToQuit.connect(flush_all)
    if hasattr(app, "commitDataRequest"):  # log out / shut down, before the program is ended
        app.commitDataRequest.connect(on_commit_data_request)
    _flush_on_sigterm(app)


def on_commit_data_request(_manager: object) -> None:
    """The desktop session ends: store everything now; the program may be ended next
    (with SIGTERM, which stores again and ends without asking). The log-out may still be
    cancelled, so this does not mark the program as ending."""
    flush_all()


# Signals that end the program by default: the session manager's SIGTERM, and SIGHUP when
# the terminal the app was started from closes.
ENDING_SIGNALS = ("SIGTERM", "SIGHUP")


def _flush_on_sigterm(app: QCoreApplication) -> None:
    """On SIGTERM or SIGHUP: store pending edits, then end as the signal would have.

    Python runs a signal handler only when the interpreter gets control; while Qt's event
    loop waits, nothing runs Python. `set_wakeup_fd` writes to a pipe that a QSocketNotifier
    watches, so the loop wakes up and the handler runs at once.
    """
    ending = [
        getattr(signal, name)
        for name in ENDING_SIGNALS
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is signal.SIG_DFL
    ]  # (an ignored SIGHUP, as under nohup, stays ignored)
    if os.name != "posix" or not ending:
        return
    try:
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        signal.set_wakeup_fd(write_fd)
    except (OSError, ValueError):  # not the main thread: leave SIGTERM as it is
        return
    notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            os.read(read_fd, 64)

    notifier.activated.connect(drain)
    _SESSION_HOOKS["sigterm_notifier"] = notifier

    def on_sigterm(signum: int, _frame: object) -> None:
        _SESSION_HOOKS["ending"] = True
        try:
            flush_all()
        finally:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for signum in ending:
        signal.signal(signum, on_sigterm)


def pending_count() -> int:
    return sum(1 for saver in list(_LIVE) if saver.pending)


class Autosaver(QObject):
    """Debounced save: `changed()` on every edit; `save` runs once the typing pauses."""

    saved = Signal()

    def __init__(
        self, save: Callable[[], Any], *, delay_ms: int = DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        self._refused = False  # the last save was refused: the edit is still unsaved
        _LIVE.add(self)

    @property
    def pending(self) -> bool:
        return self._pending

    @property
    def refused(self) -> bool:
        return self._refused

    def widget(self) -> QWidget | None:
        """The widget this saver stores for (its nearest widget parent)."""
        parent = self.parent()
        while parent is not None and not isinstance(parent, QWidget):
            parent = parent.parent()
        return parent

    def changed(self) -> None:
        self._pending = True
        self._timer.start()

    def cancel(self) -> None:
        self._pending = False
        self._refused = False
        self._timer.stop()

    def flush(self) -> bool:
        """Save now if anything is pending or was refused; False = the save was refused
        (the save function returned False; a UserError it raises propagates)."""
        if not self._pending and not self._refused:
            return True
        self._pending = False
        self._timer.stop()
        try:
            result = self._save()
        except UserError:
            self._refused = True
            raise
        self._refused = result is False
        self.saved.emit()
        return not self._refused


def merge_id(key: str) -> int:
    """A stable QUndoCommand id for a merge key (same key → consecutive commands merge)."""
    if key not in _MERGE_IDS:
        _MERGE_IDS[key] = next(_next_id)
    return _MERGE_IDS[key]


class SetFieldCommand(QUndoCommand):
    """A field set from `old` to `new` by `apply(value)`; already applied when pushed."""

    def __init__(
        self,
        text: str,
        apply: Callable[[Any], None],
        old: Any,
        new: Any,
        *,
        merge_key: str | None = None,
        applied: bool = True,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.old = old
        self.new = new
        self._merge_key = merge_key
        self._skip_redo = applied

    def id(self) -> int:
        return merge_id(self._merge_key) if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetFieldCommand) or other._merge_key != self._merge_key:
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


_TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


def _text(widget: _TextWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.toPlainText()


def _set_text(widget: _TextWidget, value: str) -> None:
    blocked = widget.blockSignals(True)
    try:
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setPlainText(value)
    finally:
        widget.blockSignals(blocked)


class FieldAutosave(QObject):
    """Autosave + merged undo for one text field (see the module docstring)."""

    failed = Signal(str)  # a Swedish message, shown at the field
    stored = Signal(str)

    _session_counter = itertools.count(1)

    def __init__(
        self,
        widget: _TextWidget,
        *,
        store: Callable[[str], None],
        stack: QUndoStack | None = None,
        label: str = "",
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self._store = store
        self._stack = stack
        self._label = label
        self._baseline = _text(widget)
        self._session = next(self._session_counter)
        self.autosaver = Autosaver(self._save, delay_ms=delay_ms, parent=self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._on_edited)
        else:
            widget.textChanged.connect(self._on_edited)
        widget.installEventFilter(self)

    # -- the page's side -----------------------------------------------------------------

    def load(self, value: str) -> None:
        """Show a stored value (a new record selected): flushes edits of the previous one."""
        self.autosaver.flush()
        _set_text(self.widget, value)
        self._baseline = value
        self._new_session()
        self._show_error("")

    def refresh(self, value: str) -> None:
        """Show a stored value of the same record that changed elsewhere (undo, redo,
        another page); typing not yet stored (or refused) stays: it is the user's to store."""
        if self.autosaver.pending or self.autosaver.refused:
            return
        if value != self._baseline or _text(self.widget) != value:
            _set_text(self.widget, value)
            self._baseline = value

    def flush(self) -> None:
        self.autosaver.flush()

    @property
    def value(self) -> str:
        return self._baseline

    # -- internals -----------------------------------------------------------------------

    def _new_session(self) -> None:
        self._session = next(self._session_counter)

    def _on_edited(self, *_args: Any) -> None:
        self.autosaver.changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.autosaver.flush()
            self._new_session()  # the next edit of this field is a new undo step
        return False

    def _show_error(self, message: str) -> None:
        widget: QWidget = self.widget
        widget.setProperty("error", bool(message))
        widget.setToolTip(message)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _save(self) -> bool:
        new = _text(self.widget)
        old = self._baseline
        if new == old:
            return True
        try:
            self._store(new)
        except UserError as exc:
            self._show_error(str(exc))
            self.failed.emit(str(exc))
            return False
        self._show_error("")
        self._baseline = new
        self.stored.emit(new)
        if self._stack is not None:
            text = self.tr("Ändra {field}").format(field=self._label) if self._label else ""
            self._stack.push(
                SetFieldCommand(
                    text or self.tr("Ändra text"),
                    self._apply,
                    old,
                    new,
                    merge_key=f"field-{id(self)}-{self._session}",
                )
            )
        return True

    def _apply(self, value: str) -> None:
        """Undo/redo: store `value` and show it."""
        self.autosaver.cancel()
        self._store(value)
        self._baseline = value
        with contextlib.suppress(RuntimeError):  # a deleted widget; the data is what matters
            _set_text(self.widget, value)
