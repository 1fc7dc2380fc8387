"""Every window and dialog opens inside a 1366x768 laptop screen, at 100 % and at 125 %
display scaling (1093x614 logical pixels), and the meeting editor stays usable there.

Each scaling runs screen_probe.py in a process of its own on an offscreen screen of that
size (Qt picks its screen and scaling at start): it opens the main window as on its first
start, every form dialog (the bad-input sweep's openers), the previews and the other
dialogs, and reports their geometry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROBE = Path(__file__).with_name("screen_probe.py")
_RESULTS: dict[float, dict[str, Any]] = {}


def probe(scale: float) -> dict[str, Any]:
    if scale not in _RESULTS:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",)}
        done = subprocess.run(
            [sys.executable, str(PROBE), str(scale)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        lines = [x for x in done.stdout.splitlines() if x.startswith("PROBE ")]
        assert done.returncode == 0 and lines, done.stderr[-3000:]
        _RESULTS[scale] = json.loads(lines[-1].removeprefix("PROBE "))
    return _RESULTS[scale]


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_every_window_and_dialog_opens_inside_the_screen(scale: float) -> None:
    result = probe(scale)
    width, height = result["screen"]
    assert (width, height) == ((1366, 768) if scale == 1.0 else (1093, 614))
    windows = result["windows"]
    assert len(windows) >= 35, sorted(windows)  # main window, every form, the others
    outside = {}
    for name, geometry in windows.items():
        if isinstance(geometry, str):
            outside[name] = geometry
            continue
        x, y, w, h = geometry
        # Room for a title bar above the frame the offscreen platform reports.
        if x < 0 or y < 0 or x + w > width or y + h + 30 > height:
            outside[name] = geometry
    assert not outside, f"outside the {width}x{height} screen: {outside}"


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_the_meeting_editor_is_usable_on_a_laptop(scale: float) -> None:
    editor = probe(scale)["editor"]
    assert editor["notes_lines"] >= 8, editor
    assert editor["actions_rows"] >= 3.5, editor  # the Uppdrag table shows its rows …
    assert editor["actions_with_rows"] > 0
    assert editor["actions_text_width"] >= 60, editor  # … and room for what is to be done
    assert not editor["cut_buttons"], editor


def test_the_uppdrag_buttons_and_the_notes_stay_in_view_as_uppdrag_are_added() -> None:
    """At 1366x768 a draft's item with two, three or four uppdrag: Nytt uppdrag/Ändra/Ta bort
    are in view without scrolling the editor, and the notes show eight lines."""
    found = probe(1.0)["editor_with_actions"]
    assert sorted(found) == ["2", "3", "4"]
    for wanted, editor in found.items():
        assert editor["actions"] == int(wanted), editor
        assert editor["notes_lines"] >= 8, (wanted, editor)
        assert not editor["cut_buttons"], (wanted, editor)


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_no_page_needs_scrolling(scale: float) -> None:
    """Every page and part (register parts, Lägesbild sub-pages) fits the window as it
    opens; its scroll area is only a safety net for a still smaller screen."""
    pages = probe(scale)["pages"]
    assert len(pages) >= 15, sorted(pages)
    scrolling = {name: p["scrolls"] for name, p in pages.items() if p["scrolls"] != [0, 0]}
    assert not scrolling, scrolling


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_the_item_editor_fits_its_pane_with_the_arende_section_open(scale: float) -> None:
    """Kind, föredragande, Dnr and time open under an item: the fields wrap to the pane's
    width, so the pane has no horizontal scrollbar, "Bifoga…" and the time field are whole and
    the Uppdrag table shows its columns to the end."""
    editor = probe(scale)["editor_arende"]
    assert editor["open"], editor
    assert editor["hscroll"] == 0, editor
    assert not editor["cut_at_right"], editor
