"""PySide6 reads the source of every module imported after it; start-up spares it that.

`skip_pyside_source_scan()` enters each module in PySide6's table before it is imported,
with the answer PySide6's own scan gives (-1: does not use PySide6, 0: uses it): a module that
cannot use Qt unread, window code from a plain search of its file, so that no source goes
through `inspect` and linecache.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, linecache, sys, textwrap
import PySide6.QtWidgets
from shibokensupport.feature import pyside_feature_dict as table
from trygghetsrad import source_lines

skipping = sys.argv[1] == "skip" and source_lines.skip_pyside_source_scan()
linecache.clearcache()
# (PySide6 looks at the module an import statement returns: the named one with `from`)
import colorsys                                         # not ours, not Qt
import textwrap                                         # imported before: named again
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
    # PySide6 read these sources through linecache; with the skip, none of them.
    names = {"colorsys.py", "textwrap.py", "dates.py", "screen.py"}
    assert names <= set(scanned["read"])  # type: ignore[arg-type]
    assert not names & set(skipped["read"])  # type: ignore[arg-type]
