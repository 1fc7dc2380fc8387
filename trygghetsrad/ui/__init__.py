"""Everything Qt: the main window, one sub-package per workspace, shared widgets."""
