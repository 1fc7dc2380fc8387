"""Exports of the annual wheel: poster PDF, PNG, SVG and .ics."""
