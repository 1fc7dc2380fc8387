"""Screenshots of every page at 1366x768 (a common laptop screen) into docs/images/.

    python scripts/screenshots.py [--out docs/images] [--scale 1.25]

Runs offscreen on a screen of 1366x768 (a Qt offscreen config file, made here), on a fresh
copy of the example data, with the main window as it opens on its first start. --scale
simulates Windows' display scaling (QT_SCALE_FACTOR): at 125 % the window has 1093x614
logical pixels. The file names are the page keys: meetings.png, uppdrag.png (and the
reminder summary, paminnelser.png), wheel.png, situation-*.png, register-*.png.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

SCREEN = (1366, 768)


def offscreen_screen(width: int, height: int) -> str:
    """A QT_QPA_PLATFORM value for an offscreen screen of width x height pixels."""
    config = Path(tempfile.mkdtemp(prefix="trygghetsrad-screen-")) / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def example_database(folder: Path) -> Path:
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = folder / "exempel.sqlite"
    db = open_database(path)
    with db.session() as s:
        demo.fill(s, date(2026, 11, 26))
    db.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(*SCREEN)
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    folder = Path(tempfile.mkdtemp(prefix="trygghetsrad-shots-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(folder / "config"))  # no remembered geometry
    os.environ.setdefault("XDG_DATA_HOME", str(folder / "data"))

    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    QSettings("Trygghetsrad", "Trygghetsrad").clear()
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.ui.main_window import MainWindow
    from trygghetsrad.ui.situation.page import SUBPAGES

    database = open_database(example_database(folder))
    window = MainWindow(database)
    window.show()
    window.finish_start()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"-{round(args.scale * 100)}"

    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = args.out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print(path, window.width(), "x", window.height())

    def shot_with_dialog(name: str, dialog: QWidget) -> None:
        """The window, dimmed, with `dialog` in its middle (a dialog is a window of its own)."""
        for _ in range(3):
            app.processEvents()
        picture, inside = window.grab(), dialog.grab()
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))
        corner = (picture.size() - inside.size()) / 2
        painter.drawPixmap(QPoint(corner.width(), corner.height()), inside)
        painter.end()
        path = args.out / f"{name}{suffix}.png"
        picture.save(str(path))
        print(path, window.width(), "x", window.height())

    window.show_tab("meetings")
    shot("meetings")
    actions = window.show_tab("actions")
    actions.wait_loaded()
    actions.status.setCurrentIndex(1)  # the open actions: what the coordinator looks for
    actions.table.selectRow(2)
    shot("uppdrag")
    summary = actions.write_reminders(folder / "påminnelser")
    shot_with_dialog("paminnelser", summary)
    summary.close()
    window.show_tab("wheel")
    shot("wheel")
    situation = window.show_tab("situation")
    for key, _title, _spec in SUBPAGES:
        situation.subpage(key)
        shot(f"situation-{key}")
    register = window.show_tab("register")
    for part, name in enumerate(("people", "organisations", "groups")):
        register.show_part(part)
        shot(f"register-{name}")
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
