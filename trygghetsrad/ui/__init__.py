"""Everything Qt: the main window, one sub-package per workspace, shared widgets."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 hands back None without a new reference from void methods (QLabel.setText,
    # QPainter.setPen, ...). On Python 3.12+ None is immortal so that is harmless; on 3.11
    # every such call takes one reference from None, and after a few thousand calls (a few
    # repaints of a busy annual wheel) Python aborts with "deallocating None". Give None, True
    # and False a reference count that no session can use up. Runs before any page is built.
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _singleton
