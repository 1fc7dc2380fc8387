"""Child process of `run.py`: the app started as `trygghetsrad --db X --exit-after-startup`,
printing the wall-clock time of its first paint with data ("first-paint <unix time>") and of
the end of start-up, when the real page has painted ("interactive <unix time>").

An import hook patches the main window class when the app imports it, to connect its
`first_paint_with_data` signal; nothing else is imported or done differently from a normal
`python -m trygghetsrad` start.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import time

TARGET = "trygghetsrad.ui.main_window"


class _Hook(importlib.abc.MetaPathFinder):
    """Patches the main window class right after its module is first imported."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):  # type: ignore[no-untyped-def]
            exec_module(module)
            original = module.MainWindow.__init__

            def init(window, *args, **kwargs):  # type: ignore[no-untyped-def]
                original(window, *args, **kwargs)
                window.first_paint_with_data.connect(
                    lambda: print(f"first-paint {time.time():.6f}", flush=True)
                )
                window.startup_complete.connect(
                    lambda: print(f"interactive {time.time():.6f}", flush=True)
                )

            module.MainWindow.__init__ = init

        spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
        return spec


def main() -> int:
    sys.meta_path.insert(0, _Hook())
    from trygghetsrad.__main__ import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
