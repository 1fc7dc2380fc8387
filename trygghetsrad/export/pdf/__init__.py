"""PDF documents built with reportlab on embedded fonts (see PITFALLS.md 6-9)."""
