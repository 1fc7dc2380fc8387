"""The application's look without an application-wide style sheet (which slowed every page).

Run in a child process: the style is the application's, and the test session's must stay
Qt's default.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = r"""
import json
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget, QTableWidgetItem
from PySide6.QtGui import QPalette
from trygghetsrad.ui.style import apply_style

app = QApplication([])
apply_style(app)
plain_colour = QLabel().palette().color(QPalette.ColorRole.WindowText).name()
seen = {"sheet": app.styleSheet(), "plain": plain_colour}

def colour(label):
    return label.palette().color(QPalette.ColorRole.WindowText).name()

heading, message = QLabel("Rubrik"), QLabel("Meddelande")
heading.setProperty("role", "heading")
message.setProperty("role", "error")
for w in (heading, message):
    w.show()
seen["heading"] = [colour(heading), heading.font().pointSizeF(), heading.font().bold()]
seen["error"] = colour(message)
message.setProperty("role", "hint")  # as the pages do: a new role, then polish
message.style().polish(message)
seen["hint"] = colour(message)
message.setProperty("role", None)
message.style().polish(message)
seen["none"] = [colour(message), message.font().pointSizeF() == QLabel().font().pointSizeF()]

table = QTableWidget(2, 2)
for r in range(2):
    for c in range(2):
        table.setItem(r, c, QTableWidgetItem(""))
table.resize(300, 150)
table.show()
table.selectRow(0)
app.processEvents()
image = table.viewport().grab().toImage()
seen["selected"] = image.pixelColor(table.visualRect(table.model().index(0, 0)).center()).name()
search = QLineEdit()
search.setProperty("role", "search")
search.show()
seen["search"] = "border-radius" in search.styleSheet()
print(json.dumps(seen))
"""


def test_roles_and_tables_keep_their_look_without_an_application_style_sheet() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["sheet"] == ""  # no style sheet engine behind every widget
    assert seen["heading"] == ["#22313f", 13.0, True]
    assert seen["error"] == "#a4262c"
    assert seen["hint"] == "#5d6873"
    assert seen["none"] == [seen["plain"], True]  # the role gone, the label's own look back
    # A selected table row is light blue (#cfe0f1, as Fusion shades it), not the accent.
    selected = bytes.fromhex(seen["selected"][1:])
    assert all(abs(a - b) <= 4 for a, b in zip(selected, bytes.fromhex("cfe0f1"), strict=True))
    assert seen["search"] is True
