"""Tens of thousands of PySide6 void calls must not exhaust None's reference count (3.11)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_many_void_qt_calls_do_not_abort_python() -> None:
    code = (
        "import trygghetsrad.ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from PySide6.QtGui import QColor, QImage, QPainter\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "image = QImage(50, 50, QImage.Format.Format_ARGB32)\n"
        "painter = QPainter(image)\n"
        "for n in range(30000):\n"
        "    label.setText('Åsa')\n"
        "    painter.setPen(QColor('#1f5a8c'))\n"
        "painter.end()\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["ok"]
