"""A copy of a once-filled example database per test: the full example data takes seconds to build."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

DEMO_DATE = date(2026, 11, 26)
_template: dict[str, Path] = {}


def demo_copy(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh file holding the example data as of DEMO_DATE (built once per test session)."""
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    if "path" not in _template:
        path = tmp_path_factory.mktemp("demo-template") / "exempel.sqlite"
        db = open_database(path)
        with db.session() as s:
            demo.fill(s, DEMO_DATE)
        db.close()
        _template["path"] = path
    target = tmp_path / "exempel.sqlite"
    source = _template["path"]
    shutil.copyfile(source, target)
    for suffix in ("-wal", "-shm"):
        extra = source.with_name(source.name + suffix)
        if extra.exists():
            shutil.copyfile(extra, target.with_name(target.name + suffix))
    return target
