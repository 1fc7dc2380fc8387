"""No Qt below the UI: importing every non-UI module leaves PySide6 out of sys.modules."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
        "trygghetsrad.demo",
        "trygghetsrad.db.engine",
        "trygghetsrad.domain.register",
        "trygghetsrad.export.pdf.base",
        "trygghetsrad.paths",
    ):
        assert module in imported
    assert report["offenders"] == []
    assert report["qt"] == []


# -- the import-linter contracts in pyproject.toml bite ---------------------------------------

LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"

PROBES: dict[str, tuple[str, str, str | tuple[str, ...]]] = {
    # A window module reaching into the database layer instead of through services/.
    "ui reaches db": (
        "ui/probe_reaches_db.py",
        "from trygghetsrad.db import lock\n",
        "ui/ reaches the database through services/ or the composition root",
    ),
    # Qt in a top-level module that most of domain/ imports: the contract must see it.
    "qt in i18n": (
        "i18n.py",
        "import PySide6.QtCore\n",
        "No Qt outside ui/ and app.py",
    ),
    # A service filling in example data: only the window, the command line and the
    # composition root may put the example data into a database (and since the example data
    # is built through services/, it is a cycle as well).
    "services use demo": (
        "services/probe_uses_demo.py",
        "from trygghetsrad import demo\n",
        ("Layers: ui -> services -> db -> domain; cli -> services, export", "No import cycles"),
    ),
    # A workspace borrowing another workspace's table model instead of ui/widgets.
    "workspace borrows another's ui": (
        "ui/situation/probe_borrows.py",
        "from trygghetsrad.ui.register.models import PeopleModel\n",
        "No workspace imports another workspace's UI",
    ),
    # A cycle hidden behind function-local imports is still a cycle.
    "hidden cycle": (
        "services/probe_cycle_a.py",
        "def f():\n    from trygghetsrad.services import probe_cycle_b\n",
        "No import cycles",
    ),
}


def _package_copy(tmp_path: Path) -> Path:
    """The package's Python files and pyproject.toml, copied where probes can't leak."""
    root = Path(__file__).resolve().parents[1]

    def not_python(folder: str, names: list[str]) -> list[str]:
        return [
            n
            for n in names
            if n == "__pycache__" or (not n.endswith(".py") and not Path(folder, n).is_dir())
        ]

    shutil.copytree(root / "trygghetsrad", tmp_path / "trygghetsrad", ignore=not_python)
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_contracts_hold_on_the_package_as_it_is(tmp_path: Path) -> None:
    result = _lint(_package_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize("probe", sorted(PROBES))
def test_a_contract_breaks_when_a_layer_is_crossed(tmp_path: Path, probe: str) -> None:
    tree = _package_copy(tmp_path)
    path, code, contract = PROBES[probe]
    target = tree / "trygghetsrad" / path
    target.write_text(code + (target.read_text() if target.exists() else ""), encoding="utf-8")
    if probe == "hidden cycle":
        (target.parent / "probe_cycle_b.py").write_text(
            "def g():\n    from trygghetsrad.services import probe_cycle_a\n", encoding="utf-8"
        )
    result = _lint(tree)
    assert result.returncode != 0, result.stdout
    # That contract is broken, and no other ("BROKEN (1 ignored import)" where one is ignored).
    broken = [line.split(" BROKEN")[0] for line in result.stdout.splitlines() if " BROKEN" in line]
    assert broken == ([contract] if isinstance(contract, str) else list(contract))
