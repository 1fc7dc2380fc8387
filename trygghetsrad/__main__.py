"""Entry point for `python -m trygghetsrad` and the `trygghetsrad` command.

Headless commands never import Qt; the GUI is started through the composition root.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up time: the cyclic garbage collector would walk the young objects of every
    # import (PySide6's and SQLAlchemy's included) many times over, for garbage that hardly
    # exists yet. It runs again before a command does its work (`cli.main`), and once the
    # window is usable (`app.resume_collection`).
    gc.disable()
    from trygghetsrad import cli

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = cli.main(argv)
        if code != cli.GUI_REQUESTED and sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # e.g. `trygghetsrad --help | head -1`
        cli.silence_stdout()
        return cli.EXIT_OK
    if code != cli.GUI_REQUESTED:
        return code
    from trygghetsrad.app import run_gui

    return run_gui(cli.window_arguments(argv) or cli.build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
