"""PySide6 reads the source of every module imported after it; start-up spares it that.

`skip_pyside_source_scan()` enters each module that cannot use Qt in PySide6's table before
it is imported, with the answer PySide6's own scan gives (-1: does not use PySide6), so its
source is never read; window code is still scanned by PySide6 itself.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, linecache, sys
import PySide6.QtWidgets
from shibokensupport.feature import pyside_feature_dict as table
from trygghetsrad import source_lines

skipping = sys.argv[1] == "skip" and source_lines.skip_pyside_source_scan()
linecache.clearcache()
# (PySide6 looks at the module an import statement returns: the named one with `from`)
import colorsys                                         # not ours, not Qt
from trygghetsrad.domain.dates import short_date        # ours, below the window
from trygghetsrad.ui.widgets.screen import fit_window   # window code: uses PySide6
print(json.dumps({
    "skipping": skipping,
    "table": {m: table.get(m) for m in ("colorsys", "trygghetsrad.domain.dates",
                                        "trygghetsrad.ui.widgets.screen")},
    "read": sorted(f.rsplit("/", 1)[-1] for f in linecache.cache),
}))
"""


def _run(mode: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_modules_below_the_window_are_entered_as_pyside_itself_would_without_being_read() -> None:
    scanned, skipped = _run("scan"), _run("skip")
    assert skipped["skipping"] is True
    # The same answers as PySide6's own scan: -1 below the window, 0 for window code.
    assert (
        skipped["table"]
        == scanned["table"]
        == {
            "colorsys": -1,
            "trygghetsrad.domain.dates": -1,
            "trygghetsrad.ui.widgets.screen": 0,
        }
    )
    # PySide6 read all three sources; with the skip, only the window module's.
    assert {"colorsys.py", "dates.py", "screen.py"} <= set(scanned["read"])  # type: ignore[arg-type]
    assert "screen.py" in skipped["read"]  # type: ignore[operator]
    assert "colorsys.py" not in skipped["read"]  # type: ignore[operator]
    assert "dates.py" not in skipped["read"]  # type: ignore[operator]
