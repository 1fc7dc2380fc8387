"""The Excel exports read back: `.xlsx` with openpyxl (types, header, frozen panes, widths),
Swedish Excel CSV with the csv module (semicolon, decimal comma, UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl

from trygghetsrad.export.spreadsheets import Column, Kind, Sheet, csv_bytes, xlsx_bytes

SHEET = Sheet(
    "Uppdrag: år/2026",
    (
        Column("Uppdrag"),
        Column("Senast", Kind.DATE),
        Column("Antal", Kind.INTEGER),
        Column("Värde", Kind.NUMBER),
        Column("Närvaro", Kind.PERCENT),
    ),
    (
        ("Boka lokal; ring först", date(2026, 6, 10), 2, 12.5, 0.75),
        ('=HYPERLINK("http://x")', None, 0, -1.25, None),
        ("Åsa Öberg\nsäger ”hej”", date(2027, 1, 1), 11, 1_234_567.0, 1.0),
    ),
)


def test_xlsx_has_typed_cells_header_and_frozen_panes() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([SHEET])))
    ws = book.active
    assert ws.title == "Uppdrag  år 2026"
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["Uppdrag", "Senast", "Antal", "Värde", "Närvaro"]
    assert ws[1][0].font.bold
    assert ws.max_row == 4  # header + one row per record
    first = [c.value for c in ws[2]]
    assert first == ["Boka lokal; ring först", datetime(2026, 6, 10), 2, 12.5, 0.75]
    assert ws["B2"].is_date and ws["B2"].number_format == "yyyy-mm-dd"
    assert ws["C2"].data_type == "n" and ws["E2"].number_format == "0%"
    assert ws["D2"].data_type == "n" and ws["D2"].number_format == "General"
    # A text that looks like a formula stays the text it was.
    assert ws["A3"].data_type == "s" and ws["A3"].value == '=HYPERLINK("http://x")'
    assert ws["B3"].value is None
    assert ws.column_dimensions["A"].width > ws.column_dimensions["C"].width


def test_csv_is_swedish_excel() -> None:
    raw = csv_bytes(SHEET)
    assert raw.startswith("\ufeff".encode())
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Uppdrag", "Senast", "Antal", "Värde", "Närvaro"]
    assert len(rows) == 4
    assert rows[1] == ["Boka lokal; ring först", "2026-06-10", "2", "12,5", "75%"]
    assert rows[2] == ['\'=HYPERLINK("http://x")', "", "0", "-1,25", ""]
    assert rows[3] == ["Åsa Öberg\nsäger ”hej”", "2027-01-01", "11", "1234567", "100%"]
