"""Attachments on a situation picture (*lägesbild*): added, listed and removed through the
services, gone with their picture, listed in the report PDF as "Bilaga 1: title" (also once the
picture is presented and frozen), and carried byte-exact by `export data`/`import data`."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from factories_situation import make_picture

from trygghetsrad.db.engine import open_database
from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.errors import UserError
from trygghetsrad.export.situation.report import render_situation_report
from trygghetsrad.services import attachments, portable
from trygghetsrad.services.situation import pictures as situation_pictures

CONTENT = b"%PDF-1.4\n\x00\xff binary \xe5\xe4\xf6\n" * 20


def _add(session, picture: int, title: str, data: bytes = CONTENT) -> int:  # type: ignore[no-untyped-def]
    return attachments.add_attachment(
        session, OwnerKind.PICTURE, picture, filename=f"{title}.pdf", data=data, title=title
    ).id


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_a_pictures_files_are_added_listed_removed_and_go_with_it(session) -> None:  # type: ignore[no-untyped-def]
    picture = make_picture(session)
    other = make_picture(session)
    first = _add(session, picture, "Polisens lägesbild")
    second = _add(session, picture, "Enkät 2026")
    _add(session, other, "Annan")
    listed = attachments.list_attachments(session, OwnerKind.PICTURE, picture)
    assert [(a.id, a.title, a.owner, a.owner_id, a.size) for a in listed] == [
        (first, "Polisens lägesbild", OwnerKind.PICTURE, picture, len(CONTENT)),
        (second, "Enkät 2026", OwnerKind.PICTURE, picture, len(CONTENT)),
    ]
    assert attachments.get_attachment(session, first).data == CONTENT

    attachments.delete_attachment(session, second)
    assert [a.id for a in attachments.list_attachments(session, OwnerKind.PICTURE, picture)] == [
        first
    ]
    situation_pictures.delete_picture(session, picture)
    session.flush()
    with pytest.raises(UserError, match="Bilagan finns inte"):
        attachments.get_attachment(session, first)
    assert [a.title for a in attachments.list_attachments(session, OwnerKind.PICTURE, other)] == [
        "Annan"
    ]


def test_an_unknown_picture_is_refused_and_nothing_is_stored(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="Det finns ingen lägesbild med id 999"):
        _add(session, 999, "Fel")
    with pytest.raises(UserError, match="Det finns ingen lägesbild med id 999"):
        attachments.list_attachments(session, OwnerKind.PICTURE, 999)


def test_the_report_lists_the_files_also_when_frozen(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    picture = make_picture(session)
    empty = _pdf_text(
        render_situation_report(situation_pictures.build_report(session, picture)), tmp_path
    )
    assert "Bilagor" not in empty

    _add(session, picture, "Polisens lägesbild")
    _add(session, picture, "Trygghetsenkät 2026")
    report = situation_pictures.build_report(session, picture)
    assert [a.line for a in report.attachments] == [
        "Bilaga 1: Polisens lägesbild",
        "Bilaga 2: Trygghetsenkät 2026",
    ]
    text = _pdf_text(render_situation_report(report), tmp_path)
    assert "Bilagor" in text
    assert "Bilaga 1: Polisens lägesbild" in text
    assert "Bilaga 2: Trygghetsenkät 2026" in text

    situation_pictures.present_picture(
        session,
        picture,
        presented_on=date(2026, 11, 20),
        presented_to="BRÅ-rådet",
        continue_work=False,
    )
    frozen = situation_pictures.build_report(session, picture)
    assert frozen.from_snapshot
    assert "Bilaga 2: Trygghetsenkät 2026" in _pdf_text(render_situation_report(frozen), tmp_path)


def test_export_and_import_carry_a_pictures_files_byte_exact(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    try:
        with db.session() as s:
            picture = make_picture(s)
            _add(s, picture, "Polisens lägesbild")
            s.commit()
        with db.session() as s:
            document = portable.export_data(s)
    finally:
        db.close()
    rows = document["tables"]["attachments"]
    assert [(r["picture_id"], r["title"]) for r in rows] == [(picture, "Polisens lägesbild")]

    again = open_database(tmp_path / "b.sqlite")
    try:
        with again.session() as s:
            portable.import_data(s, document)
            s.commit()
        with again.session() as s:
            listed = attachments.list_attachments(s, OwnerKind.PICTURE, picture, with_data=True)
            exported = portable.export_data(s)
    finally:
        again.close()
    assert [(a.title, a.data) for a in listed] == [("Polisens lägesbild", CONTENT)]
    assert exported["tables"]["attachments"] == rows


def test_a_presented_picture_keeps_its_files_as_they_were(session) -> None:  # type: ignore[no-untyped-def]
    picture = make_picture(session)
    kept = _add(session, picture, "Polisens lägesbild")
    situation_pictures.present_picture(
        session, picture, presented_on=date(2026, 11, 20), presented_to="BRÅ", continue_work=False
    )
    with pytest.raises(UserError, match="presenterad och låst"):
        _add(session, picture, "Efteråt")
    with pytest.raises(UserError, match="presenterad och låst"):
        attachments.delete_attachment(session, kept)
    listed = attachments.list_attachments(session, OwnerKind.PICTURE, picture)
    assert [a.title for a in listed] == ["Polisens lägesbild"]
