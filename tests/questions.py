"""Answering the app's real question boxes in tests (they run their own event loop in exec())."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_question(button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the next modal message box once it shows; its text goes to
    `seen`. A missing button leaves the box open, and the modal watchdog fails the test."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(0, click)
