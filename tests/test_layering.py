"""No Qt below the UI: importing every non-UI module leaves PySide6 out of sys.modules."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = r"""
import importlib, json, pkgutil, sys

SKIP = ("trygghetsrad.ui", "trygghetsrad.app", "trygghetsrad.db.migrations.env")
QT = ("PySide6", "shiboken6")


def qt_modules():
    return {m for m in sys.modules if m.split(".")[0] in QT}


imported, offenders = [], []


def visit(name):
    # pkgutil.walk_packages would import trygghetsrad.ui itself; recurse by hand instead.
    if any(name == s or name.startswith(s + ".") for s in SKIP):
        return
    before = qt_modules()
    module = importlib.import_module(name)
    if qt_modules() - before:
        offenders.append(name)
    imported.append(name)
    for info in pkgutil.iter_modules(getattr(module, "__path__", []) or [], name + "."):
        visit(info.name)


visit("trygghetsrad")
print(json.dumps({"imported": imported, "offenders": offenders, "qt": sorted(qt_modules())}))
"""


def test_non_ui_modules_do_not_import_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    imported = set(report["imported"])
    # The walk really covered every layer below the UI.
    for module in (
        "trygghetsrad.cli",
        "trygghetsrad.cli.register",
        "trygghetsrad.services.register",
        "trygghetsrad.services.settings",
        "trygghetsrad.services.demo",
        "trygghetsrad.db.engine",
        "trygghetsrad.domain.register",
        "trygghetsrad.export.pdf.base",
        "trygghetsrad.paths",
    ):
        assert module in imported
    assert report["offenders"] == []
    assert report["qt"] == []
