"""Slow work off the GUI thread: exports, imports, big reads — with progress and cancel.

    def work(progress: Progress) -> Path:
        for n, row in enumerate(rows):
            progress.check()                      # raises Cancelled after cancel()
            progress.report(n, len(rows), "…")    # throttled; safe from the worker thread
        return path

    task = run_in_background(work, parent=self, on_done=self._saved, on_error=self._failed)
    task.cancel()

    # Or with a modal progress dialog that has an "Avbryt" button:
    run_with_progress(self, self.tr("Exporterar…"), work, on_done=self._saved)

    # Or wait for the result like QDialog.exec(): the event loop keeps running (the window
    # repaints, "Avbryt" works) while the window itself takes no input.
    path = run_modal(self, self.tr("Exporterar…"), work)   # raises Cancelled, UserError…

`work` runs in a QThreadPool thread. It must open its own database session
(`with ctx.database.session() as s:`; SQLite connections are per thread) and must not
touch widgets. All callbacks (`on_done`, `on_error`, `on_progress`, `on_cancelled`) run on
the GUI thread. A `UserError` raised by `work` reaches `on_error` as is; when no `on_error`
is given, the error is shown in a message box (UserError) or logged as a bug.

A task never outlives its `parent`: when the parent is destroyed the work is cancelled and
waited for. A page whose work reads the database stops its task when it closes
(`task.stop()`), since the database may be closed right after the window.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from trygghetsrad.errors import UserError

log = logging.getLogger("trygghetsrad")


class Cancelled(Exception):
    """Raised inside the work function by `Progress.check()` once the task was cancelled."""


class Progress:
    """Handed to the work function: report progress, notice cancellation."""

    MIN_INTERVAL = 0.05  # seconds between progress signals (the GUI repaints at most this often)

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self.ended = threading.Event()  # set by the worker thread when the work returned
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= self.MIN_INTERVAL or done >= total:
            self._last = now
            try:
                self._signals.progress.emit(int(done), int(total), text)
            except RuntimeError:  # shutting down
                self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._progress.ended.set()

    def _run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._emit(self._signals.cancelled)
        except BaseException as exc:  # reported on the GUI thread
            if self._progress.cancelled:
                self._emit(self._signals.cancelled)
            else:
                self._emit(self._signals.failed, exc)
        else:
            if self._progress.cancelled:
                self._emit(self._signals.cancelled)
            else:
                self._emit(self._signals.done, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # RuntimeError: the application is shutting down, there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


_running: set[BackgroundTask] = set()  # keeps tasks (and their signal objects) alive

STOP_WAIT = 10.0  # seconds a closing page waits for its worker (a read is far quicker)


def _stop(progress: Progress, task: BackgroundTask, timeout: float = STOP_WAIT) -> None:
    progress._cancel.set()
    if task in _running and not progress.ended.wait(timeout):
        log.warning("A background task did not stop within %s s", timeout)
    _running.discard(task)


class BackgroundTask(QObject):
    """A running piece of work. Signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._runnable = _Runnable(fn, self._signals, self.progress)
        self._signals.progress.connect(self.progressed)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self.running = False
        self._parent_gone: Any = None
        if parent is not None:
            # A task never outlives its parent: the work is cancelled and waited for when
            # the parent goes, so that no worker reads on after the page (or the database
            # its window closes) is gone. Plain Python only: the task goes with the parent.
            progress = self.progress
            self._parent_gone = parent.destroyed.connect(lambda *_: _stop(progress, self))

    def stop(self, timeout: float = STOP_WAIT) -> None:
        """Cancel and wait (at most `timeout` seconds) until the work has returned; its
        result or error is then dropped. For a page or window that is closing."""
        _stop(self.progress, self, timeout)

    def start(self, pool: QThreadPool | None = None) -> BackgroundTask:
        self.running = True
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.progress._cancel.set()

    def _finish(self) -> None:
        self.running = False
        _running.discard(self)
        if self._parent_gone is not None:
            QObject.disconnect(self._parent_gone)
            self._parent_gone = None
        self.finished.emit()

    def _on_done(self, result: object) -> None:
        if self.progress.cancelled:  # stopped after the work returned: nobody waits for it
            self._on_cancelled()
            return
        self.succeeded.emit(result)
        self._finish()

    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)
        self._finish()

    def _on_cancelled(self) -> None:
        self.cancelled.emit()
        self._finish()


def _default_error(parent: QWidget | None) -> Callable[[object], None]:
    def show(exc: object) -> None:
        if isinstance(exc, UserError):
            QMessageBox.warning(
                parent, QApplication.translate("background", "Det gick inte"), str(exc)
            )
        else:
            # An error handed on is an exception; anything else: what is being handled now.
            log.error(
                "Background task failed",
                exc_info=exc if isinstance(exc, BaseException) else True,
            )
            QMessageBox.critical(
                parent,
                QApplication.translate("background", "Ett oväntat fel"),
                QApplication.translate(
                    "background", "Ett oväntat fel inträffade; detaljer finns i loggfilen."
                ),
            )

    return show


def run_in_background(
    fn: Callable[[Progress], Any],
    *,
    parent: QObject | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[object], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    task = BackgroundTask(fn, parent)
    if on_done is not None:
        task.succeeded.connect(on_done)
    widget = parent if isinstance(parent, QWidget) else None
    task.failed.connect(on_error or _default_error(widget))
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    return task.start(pool)


def run_with_progress(
    parent: QWidget,
    label: str,
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[object], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
    cancellable: bool = True,
) -> tuple[BackgroundTask, QProgressDialog]:
    """Run `fn` in the background behind a window-modal progress dialog with "Avbryt".

    Without `cancellable` the dialog has no button (work that must not stop half-way)."""
    dialog = QProgressDialog(label, parent.tr("Avbryt"), 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(label)
    dialog.setAccessibleName(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flash of a dialog
    dialog.setMinimumWidth(380)  # room for "Kopierar databasen till <namn>…"
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    task = run_in_background(
        fn,
        parent=parent,
        on_done=on_done,
        on_error=on_error,
        on_progress=progressed,
        on_cancelled=on_cancelled,
        pool=pool,
    )
    dialog.canceled.connect(task.cancel)
    dialog.canceled.connect(lambda: dialog.setLabelText(parent.tr("Avbryter…")))
    task.finished.connect(dialog.hide)
    task.finished.connect(dialog.deleteLater)
    return task, dialog


def run_modal(
    parent: QWidget,
    label: str,
    fn: Callable[[Progress], Any],
    *,
    cancellable: bool = True,
    pool: QThreadPool | None = None,
) -> Any:
    """Run `fn` in the background behind a progress dialog and return its result.

    Like `QDialog.exec()`: a local event loop runs until the work ends, so the window
    keeps painting and "Avbryt" works, while the window-modal dialog keeps the user from
    editing underneath. Raises `Cancelled` when the user cancelled, and the work's own
    exception (a `UserError`, say) when it failed."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    task, _dialog = run_with_progress(
        parent,
        label,
        fn,
        on_done=lambda result: outcome.update(result=result),
        on_error=lambda exc: outcome.update(error=exc),
        on_cancelled=lambda: outcome.update(cancelled=True),
        pool=pool,
        cancellable=cancellable,
    )
    task.finished.connect(loop.quit)
    if task.running:  # results arrive through the event loop, never before it runs
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    if outcome.get("cancelled"):
        raise Cancelled
    return outcome.get("result")


def write_file(target: Path, data: bytes, progress: Progress | None = None) -> Path:
    """Write a document the one way every export does (`files.write_document`: all at once,
    never over the database), with a cancel check just before the move into place.

    A cancel or an error leaves no file and an existing `target` untouched; a failure is a
    UserError naming the file."""
    from trygghetsrad.files import write_document

    return write_document(target, data, before_replace=progress.check if progress else None)
