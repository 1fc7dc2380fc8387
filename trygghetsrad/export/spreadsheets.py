"""Tables for Excel: `.xlsx` with typed cells (openpyxl) and Swedish Excel CSV.

One `Sheet` (header, typed columns, rows) is written either way:
- `.xlsx`: numbers as numbers, dates as dates (shown ÅÅÅÅ-MM-DD), a bold header row, frozen
  panes below it, column widths from the content, an autofilter. A text that starts with
  "=" stays text (openpyxl would otherwise store it as a formula).
- CSV as Swedish Excel opens it with a double click: semicolon separated, decimal comma,
  UTF-8 with a byte order mark, CRLF line ends. A text that Excel would run as a formula
  (starting with = + - @) gets a leading apostrophe (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    PERCENT = "percent"  # a share 0..1, shown as per cent


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    max_width: int = 60


@dataclass(frozen=True)
class Sheet:
    title: str  # the worksheet's name (at most 31 characters, no []:*?/\)
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]


_FORMULA_START = ("=", "+", "-", "@")
# Numbers keep Excel's "General": a fixed pattern with optional decimals ("#,##0.##") shows
# a whole number with a dangling decimal comma ("20,").
_NUMBER_FORMATS = {
    Kind.DATE: "yyyy-mm-dd",
    Kind.INTEGER: "0",
    Kind.PERCENT: "0%",
}


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return (cleaned or "Blad")[:31]


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    del book[book.sheetnames[0]]  # the empty sheet a new workbook starts with
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title))
        ws.append([c.header for c in sheet.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [len(c.header) for c in sheet.columns]
        for r, row in enumerate(sheet.rows, start=2):
            for i, (column, value) in enumerate(zip(sheet.columns, row, strict=True)):
                cell = ws.cell(row=r, column=i + 1, value=_cell_value(column, value))
                if isinstance(value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # text the user typed, never a formula
                if column.kind in _NUMBER_FORMATS and value is not None:
                    cell.number_format = _NUMBER_FORMATS[column.kind]
                widths[i] = max(widths[i], _shown_length(column, value))
        for i, column in enumerate(sheet.columns):
            ws.column_dimensions[get_column_letter(i + 1)].width = min(
                column.max_width, widths[i] + 2
            )
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind is Kind.DATE and isinstance(value, datetime):
        return value
    if column.kind is Kind.DATE and isinstance(value, date):
        return datetime(value.year, value.month, value.day)  # shown as a date by its format
    return value


def _shown_length(column: Column, value: Any) -> int:
    if value is None:
        return 0
    if column.kind is Kind.DATE:
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def csv_bytes(sheet: Sheet) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_csv_text(c.header) for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow(
            [_csv_value(column, value) for column, value in zip(sheet.columns, row, strict=True)]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _decimal(value: float) -> str:
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.15f}".rstrip("0").rstrip(".")
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",")


def _csv_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind is Kind.DATE and isinstance(value, date | datetime):
        return value.strftime("%Y-%m-%d")
    if column.kind is Kind.INTEGER and isinstance(value, int):
        return str(value)
    if column.kind is Kind.NUMBER and isinstance(value, int | float):
        return _decimal(value)
    if column.kind is Kind.PERCENT and isinstance(value, int | float):
        return _decimal(round(value * 100, 1)) + "%"
    return _csv_text(str(value))
