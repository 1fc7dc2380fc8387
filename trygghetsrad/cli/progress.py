"""Progress of a long command (a big import) on the command line, like the GUI's progress dialog.

Written to stderr, and only when stderr is a terminal: a pipe, a log file or a test's
captured output gets nothing, so scripts see exactly what they saw before. On a terminal one
line is rewritten in place ("Importerar data.json: 42 %"), at most a few times a second,
and cleared when the command ends, so that its result line stands alone.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class TerminalProgress:
    MIN_INTERVAL = 0.2  # seconds between redraws

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        try:
            self.enabled = bool(self._stream.isatty())
        except (AttributeError, ValueError):  # a closed or odd stream
            self.enabled = False
        self._clock = clock
        self._last: float | None = None
        self._width = 0

    def report(self, done: int, total: int, text: str) -> None:
        """`text` with a percentage (no percentage when `total` is 0: the size is unknown)."""
        if not self.enabled:
            return
        now = self._clock()
        finished = total > 0 and done >= total
        if self._last is not None and now - self._last < self.MIN_INTERVAL and not finished:
            return
        self._last = now
        line = f"{text}: {min(100, done * 100 // total)} %" if total > 0 else f"{text} …"
        self._write("\r" + line.ljust(self._width))
        self._width = len(line)

    def step(self, text: str) -> Callable[[int, int], None]:
        """A (done, total) callback that reports under `text`."""
        return lambda done, total: self.report(done, total, text)

    def close(self) -> None:
        """Clear the line (the command's own output follows)."""
        if self.enabled and self._width:
            self._write("\r" + " " * self._width + "\r")
            self._width = 0
        self._last = None

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work goes on
            self.enabled = False

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
