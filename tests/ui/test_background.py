"""Background work: results, progress, errors and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from trygghetsrad.errors import UserError
from trygghetsrad.ui.background import Progress, run_in_background, run_with_progress


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = QThread.currentThread()
    seen: dict[str, object] = {"progress": []}

    def work(progress: Progress) -> str:
        seen["worker_is_gui"] = QThread.currentThread() is gui
        for n in range(1, 4):
            progress.report(n, 3, f"steg {n}")
        return "klart"

    def on_progress(done: int, total: int, text: str) -> None:
        seen["progress"].append((done, total, text))  # type: ignore[union-attr]
        seen["progress_on_gui"] = QThread.currentThread() is gui

    def on_done(result: str) -> None:
        seen["result"] = result
        seen["done_on_gui"] = QThread.currentThread() is gui

    task = run_in_background(work, on_done=on_done, on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == "klart"
    assert seen["worker_is_gui"] is False
    assert seen["done_on_gui"] is True and seen["progress_on_gui"] is True
    assert (3, 3, "steg 3") in seen["progress"]  # type: ignore[operator]


def test_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    steps: list[int] = []
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        for n in range(1000):
            progress.check()
            steps.append(n)
            time.sleep(0.005)

    task = run_in_background(
        work, on_done=lambda _r: outcome.append("done"), on_cancelled=lambda: outcome.append("x")
    )
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcome == ["x"]
    assert len(steps) < 1000


def test_user_error_reaches_on_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[object] = []

    def work(_progress: Progress) -> None:
        raise UserError("Filen kunde inte sparas.")

    task = run_in_background(work, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(errors) == 1 and str(errors[0]) == "Filen kunde inte sparas."


def test_progress_dialog_cancel_button_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    cancelled: list[bool] = []

    def work(progress: Progress) -> None:
        started.set()
        for _ in range(1000):
            progress.check()
            progress.report(1, 10, "Exporterar möten…")
            time.sleep(0.005)

    task, dialog = run_with_progress(
        parent, "Exporterar", work, on_cancelled=lambda: cancelled.append(True)
    )
    assert started.wait(5)
    dialog.findChild(QPushButton).click()  # "Avbryt"
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert cancelled == [True]
    assert not dialog.isVisible()


def test_a_task_stops_with_its_parent(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A worker never reads on after the page that started it is gone."""
    import shiboken6

    started = threading.Event()
    seen: list[str] = []

    def work(progress: Progress) -> str:
        started.set()
        while True:  # a long read, cancelled only through `progress`
            progress.check()
            time.sleep(0.01)

    parent = QWidget()
    task = run_in_background(work, parent=parent, on_done=seen.append)
    assert started.wait(5)
    shiboken6.delete(parent)  # the page goes while its read runs
    assert task.progress.ended.is_set()  # waited for, not left running
    qtbot.wait(50)
    assert seen == []


def test_a_closed_actions_page_reads_no_more(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.actions.page import ActionsPage

    page = ActionsPage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    task = page._task
    assert task is not None and task.running
    page.close()
    assert task.progress.ended.is_set()
    qtbot.wait(50)
    assert page.model.rowCount() == 0  # the stopped read's rows are not shown
