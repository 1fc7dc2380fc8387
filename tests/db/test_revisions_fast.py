"""Start-up reads the migration graph from the files' header lines; odd layouts still parse."""

from __future__ import annotations

from pathlib import Path

from trygghetsrad.db import revisions


def test_header_lines_and_multiline_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('"""A."""\nrevision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text(
        '"""B.\n\nRevision ID: b\n"""\nrevision: str = "b"  # the id\n'
        'down_revision = (\n    "a",\n)\n'
    )
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')
    (tmp_path / "helper.py").write_text("x = 1\n")
    found = revisions.all_revisions(tmp_path)
    assert found == {
        "a": revisions.Revision("a", ()),
        "b": revisions.Revision("b", ("a",)),
        "c": revisions.Revision("c", ("a", "b")),
    }
    assert revisions.heads(tmp_path) == frozenset({"c"})
