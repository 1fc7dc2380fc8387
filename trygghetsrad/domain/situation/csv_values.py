"""Reading indicator values from the CSV files Swedish users actually have.

Long format (documented in docs/indikatorer-csv.md): `indikator;område;period;värde;enhet`.
Wide format (as Brå and SCB export tables): `område;2019;2020;2021` with one column per
period. Semicolon, comma or tab separated; decimal comma or point; UTF-8 with or without BOM,
or Windows-1252. Any bad row stops the whole file with a message naming its line and column,
so nothing is ever half-imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, cast

from trygghetsrad.domain.situation.periods import parse_period
from trygghetsrad.domain.text import clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr

if TYPE_CHECKING:
    from _csv import Reader

MAX_BYTES = 200 * 1024 * 1024

# Header names (lower case, without surrounding spaces) -> our column key.
HEADERS = {
    "indikator": "indicator",
    "indikatornamn": "indicator",
    "mått": "indicator",
    "matt": "indicator",
    "nyckeltal": "indicator",
    "område": "area",
    "omrade": "area",
    "område/region": "area",
    "region": "area",
    "kommun": "area",
    "geografi": "area",
    "plats": "area",
    "period": "period",
    "år": "period",
    "ar": "period",
    "tid": "period",
    "månad": "period",
    "kvartal": "period",
    "värde": "value",
    "varde": "value",
    "antal": "value",
    "andel": "value",
    "enhet": "unit",
}
LABELS = {
    "indicator": "indikator",
    "area": "område",
    "period": "period",
    "value": "värde",
    "unit": "enhet",
}
MISSING_MARKERS = {"", "..", "...", "-", "–", "x", "NA", "na", "n/a"}


class CsvRow(NamedTuple):
    line: int
    indicator: str
    area: str
    period: str
    value: float
    unit: str


@dataclass
class ParsedCsv:
    # (line, indicator, area, period, value, unit): plain tuples in CsvRow's field order
    rows: list[tuple[int, str, str, str, float, str]] = field(default_factory=list)
    skipped: int = 0  # cells marked as missing ("..", "-", empty)
    encoding: str = ""
    delimiter: str = ""
    first_of: dict[str, CsvRow] = field(default_factory=dict)  # each indicator's first row
    units: dict[tuple[str, str], int] = field(default_factory=dict)  # (indicator, unit) -> line

    @property
    def indicators(self) -> list[str]:
        return list(self.first_of)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (BOM or not), else Windows-1252."""
    if len(data) > MAX_BYTES:
        raise UserError(tr("Filen är för stor för att importeras (mer än 200 MB)."))
    if b"\x00" in data[:4096]:
        raise UserError(
            tr("Filen verkar inte vara en textfil (CSV); spara den som CSV från kalkylprogrammet.")
        )
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def parse_value(text: str) -> float | None:
    """12,5 · 12.5 · 1 234,5 · 1.234,5 · −3 → float; missing markers → None; else ValueError."""
    value = _parse_value(text)
    if value is not None and value - value != 0:
        raise ValueError(text)  # nan or infinity
    return value


def _parse_value(text: str) -> float | None:
    """12,5 · 12.5 · 1 234,5 · 1.234,5 · −3 → float; missing markers → None; else ValueError."""
    if "," in text and " " not in text and "." not in text:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            pass
    else:
        try:
            return float(text)
        except ValueError:
            pass
    raw = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if raw in MISSING_MARKERS:
        return None
    raw = raw.replace("−", "-").rstrip("%")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    return float(raw)


_TEXT_LIMITS = (("indicator", 1, 200), ("area", 2, 120), ("unit", 5, 80))


def _check_texts(rows: list[tuple[int, str, str, str, float, str]]) -> None:
    """Indicator, area and unit names follow the rule of every text field (`clean_text`): no
    control characters, not too long. Each distinct name is checked once (large files)."""
    seen: set[tuple[int, str]] = set()
    for row in rows:
        for key, index, limit in _TEXT_LIMITS:
            text = cast(str, row[index])  # the indices in _TEXT_LIMITS are the text columns
            if (index, text) in seen:
                continue
            seen.add((index, text))
            try:
                clean_text(
                    text, field="file", label=tr("Texten"), max_length=limit, multiline=False
                )
            except ValidationError as exc:
                raise _err(row[0], LABELS[key], str(exc)) from None


def _err(line: int, column: str, message: str) -> ValidationError:
    return ValidationError(
        tr("Rad {line}, kolumn ”{column}”: {message} Inget har importerats.").format(
            line=line, column=column, message=message
        ),
        "file",
    )


def parse_csv(
    data: bytes, *, indicator: str | None = None, check_duplicates: bool = True
) -> ParsedCsv:
    """All values in the file, or a ValidationError naming the first bad line and column.

    `indicator` names the indicator for files without an `indikator` column.
    """
    text, encoding = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first)
    try:
        return _parse(text, encoding, delimiter, indicator, check_duplicates)
    except csv.Error as exc:
        raise _csv_error(text, delimiter, exc) from None


def _reader(text: str, delimiter: str) -> Reader:
    # strict: a quoted field still open at the end of the file is an error, not a silent
    # swallowing of every later row into one cell.
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _csv_error(text: str, delimiter: str, exc: csv.Error) -> ValidationError:
    """The csv module's own error (an unbalanced quote, a field over `csv.field_size_limit`)
    as a sentence naming the row where the failing record started, i.e. where an open
    quote began (PITFALLS 21). Only reached on a bad file, so reading it again is fine."""
    reader = _reader(text, delimiter)
    start = 1
    try:
        while True:
            start = reader.line_num + 1
            next(reader)
    except (csv.Error, StopIteration):
        pass
    if "field larger than field limit" in str(exc):
        reason = tr(
            'ett fält är längre än {kb} kB. Oftast beror det på ett citattecken (") som '
            "aldrig avslutas; rätta raden i kalkylprogrammet och spara som CSV igen."
        ).format(kb=csv.field_size_limit() // 1024)
    else:
        reason = tr(
            'ett citattecken (") som inleder ett fält avslutas aldrig eller följs av fler '
            "tecken; rätta raden i kalkylprogrammet och spara som CSV igen."
        )
    return ValidationError(
        tr("Rad {line}: {reason} Inget har importerats.").format(line=start, reason=reason),
        "file",
    )


def _parse(
    text: str, encoding: str, delimiter: str, indicator: str | None, check_duplicates: bool
) -> ParsedCsv:
    reader = _reader(text, delimiter)
    result = ParsedCsv(encoding=encoding, delimiter=delimiter)
    header: list[str] | None = None
    for cells in reader:
        if any(c.strip() for c in cells):
            header = [c.strip() for c in cells]
            break
    if header is None:
        raise ValidationError(tr("Filen är tom; det finns inget att importera."), "file")
    header_line = reader.line_num
    keys = [HEADERS.get(h.lower().strip(' "')) for h in header]
    if "value" in keys and "period" in keys:
        _parse_long(reader, header, keys, indicator, result)
    else:
        _parse_wide(reader, header, keys, header_line, indicator, result)
    if not result.rows:
        raise ValidationError(tr("Filen innehåller inga värden att importera."), "file")
    _check_texts(result.rows)
    if check_duplicates:
        find_duplicates(result.rows)
    return result


def find_duplicates(rows: list[tuple[int, str, str, str, float, str]]) -> None:
    """Two values for the same indicator, area and period: name the second one's line."""
    names = {r[1] for r in rows}
    folded = len({n.lower() for n in names}) != len(names)
    if not folded and len({(n, a, p) for _l, n, a, p, _v, _u in rows}) == len(rows):
        return
    seen: dict[tuple[str, str, str], int] = {}
    for line, name, area, period, _value, _unit in rows:
        key = (name.lower(), area.lower(), period)
        if key in seen:
            raise _err(
                line,
                LABELS["period"],
                tr("{area} {period} finns redan på rad {other}.").format(
                    area=area, period=period, other=seen[key]
                ),
            )
        seen[key] = line


_NO_INDICATOR = (
    "Filen saknar kolumnen ”indikator”; lägg till den eller välj vilken indikator värdena gäller."
)


class _Columns(NamedTuple):
    """Where each field is in a long file's rows (None: the file has no such column)."""

    indicator: int | None
    area: int
    period: int
    value: int
    unit: int | None


def _long_columns(keys: list[str | None], indicator: str | None) -> _Columns:
    index = {key: i for i, key in enumerate(keys) if key is not None}
    if "indicator" not in index and not indicator:
        raise ValidationError(tr(_NO_INDICATOR), "file")
    if "area" not in index:
        raise ValidationError(tr("Filen saknar kolumnen ”område”."), "file")
    return _Columns(
        index.get("indicator"), index["area"], index["period"], index["value"], index.get("unit")
    )


def _parse_long(
    reader: Reader,
    header: list[str],
    keys: list[str | None],
    indicator: str | None,
    result: ParsedCsv,
) -> None:
    """One value a row. The loop reads 100,000 rows in a blink: the checks of a good row are
    few and inline; a bad row's message is worked out by the helpers below."""
    columns = _long_columns(keys, indicator)
    i_ind, i_area, i_period, i_value, i_unit = columns
    rows = result.rows
    append = rows.append
    value_of = parse_value
    periods: dict[str, str] = {}

    def period_of(text: str) -> str:
        found = periods.get(text)
        if found is None:
            found = periods[text] = parse_period(text)
        return found

    first_of = result.first_of
    units = result.units
    default_name = indicator or ""
    last_name = last_unit = None
    for cells in reader:
        try:
            name = cells[i_ind].strip() if i_ind is not None else ""
            area = cells[i_area].strip()
            raw = cells[i_value]
            text_period = cells[i_period]
            unit = cells[i_unit].strip() if i_unit is not None else ""
        except IndexError:
            if not any(c.strip() for c in cells):
                continue
            raise _short_row(reader.line_num, header, cells) from None
        try:
            try:
                value = float(raw.replace(",", ".")) if "." not in raw else value_of(raw)
            except ValueError:
                value = value_of(raw)
            period = periods.get(text_period) or period_of(text_period)
        except (ValueError, ValidationError) as exc:
            raise _bad_cell(reader.line_num, header, columns, raw, text_period) from exc
        line = reader.line_num
        if not name:
            chosen = _default_name(default_name, line, header, columns, cells)
            if chosen is None:  # a row of empty cells
                continue
            name = chosen
        if value is None:
            if not area:
                raise _err(line, header[i_area], tr("området saknas."))
            result.skipped += 1
            continue
        if not 0 < len(area) <= 120 or value - value != 0:  # nan or infinity: value - value
            raise _bad_row(line, header, columns, area, raw)
        row = (line, name, area, period, value, unit)
        if name != last_name and name not in first_of:
            first_of[name] = CsvRow(*row)
        last_name = name
        if unit and unit != last_unit:
            units.setdefault((name, unit), line)
            last_unit = unit
        append(row)
    _check_name_lengths(result, header, columns)


def _default_name(
    name: str, line: int, header: list[str], columns: _Columns, cells: list[str]
) -> str | None:
    """The name of the indicator chosen for the whole file, None for a row of empty cells."""
    if name:
        return name
    if not any(c.strip() for c in cells):
        return None
    raise _err(line, header[columns.indicator or 0], tr("indikatorns namn saknas."))


def _short_row(line: int, header: list[str], cells: list[str]) -> ValidationError:
    missing = header[len(cells)] if len(cells) < len(header) else ""
    return _err(line, missing, tr("raden har för få kolumner."))


def _bad_cell(
    line: int, header: list[str], columns: _Columns, raw: str, text_period: str
) -> ValidationError:
    """The period's own message when the period is wrong, else that the value is no number."""
    try:
        parse_period(text_period)
    except ValidationError as period_error:
        return _err(line, header[columns.period], str(period_error))
    return _err(
        line, header[columns.value], tr("”{value}” är inget tal.").format(value=raw.strip())
    )


def _bad_row(
    line: int, header: list[str], columns: _Columns, area: str, raw: str
) -> ValidationError:
    """A row with a value: no area, a value that is no number (nan, infinity), a long area."""
    if not area:
        return _err(line, header[columns.area], tr("området saknas."))
    if len(area) <= 120:
        return _err(
            line, header[columns.value], tr("”{value}” är inget tal.").format(value=raw.strip())
        )
    return _err(line, header[columns.area], tr("texten är för lång (högst 120 tecken)."))


def _check_name_lengths(result: ParsedCsv, header: list[str], columns: _Columns) -> None:
    """Each indicator's name and unit fit their columns (checked once a name, not a row)."""
    for name, row in result.first_of.items():
        if len(name) > 200:
            raise _err(
                row.line,
                header[columns.indicator or 0],
                tr("texten är för lång (högst 200 tecken)."),
            )
    for (_name, unit), line in result.units.items():
        if len(unit) > 80:
            raise _err(line, header[columns.unit or 0], tr("texten är för lång (högst 80 tecken)."))


def _wide_periods(header: list[str], keys: list[str | None], header_line: int) -> dict[int, str]:
    """The period of each column whose heading is one (2021;2022;…)."""
    periods: dict[int, str] = {}
    for i, (title, key) in enumerate(zip(header, keys, strict=True)):
        if key is not None or not title:
            continue
        try:
            periods[i] = parse_period(title)
        except ValidationError:
            raise ValidationError(
                tr(
                    "Rad {line}, kolumn ”{column}”: okänd kolumnrubrik. Använd rubrikerna "
                    "indikator;område;period;värde;enhet, eller område följt av en kolumn per "
                    "period (2021;2022;…). Inget har importerats."
                ).format(line=header_line, column=title),
                "file",
            ) from None
    if not periods:
        raise ValidationError(
            tr(
                "Rad {line}: filen saknar kolumnerna ”period” och ”värde”. Använd rubrikerna "
                "indikator;område;period;värde;enhet. Inget har importerats."
            ).format(line=header_line),
            "file",
        )
    return periods


def _parse_wide(
    reader: Reader,
    header: list[str],
    keys: list[str | None],
    header_line: int,
    indicator: str | None,
    result: ParsedCsv,
) -> None:
    """An area a row and a period a column."""
    periods = _wide_periods(header, keys, header_line)
    i_ind = keys.index("indicator") if "indicator" in keys else None
    i_unit = keys.index("unit") if "unit" in keys else None
    i_area = keys.index("area") if "area" in keys else None
    if i_area is None:
        raise ValidationError(tr("Filen saknar kolumnen ”område”."), "file")
    if i_ind is None and not indicator:
        raise ValidationError(tr(_NO_INDICATOR), "file")
    for cells in reader:
        line = reader.line_num
        if not cells or not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        name = (cells[i_ind].strip() if i_ind is not None else "") or (indicator or "")
        if not name:
            raise _err(line, header[i_ind or 0], tr("indikatorns namn saknas."))
        area = cells[i_area].strip()
        if not area:
            raise _err(line, header[i_area], tr("området saknas."))
        unit = cells[i_unit].strip() if i_unit is not None else ""
        for i, period in periods.items():
            raw = cells[i]
            try:
                value = parse_value(raw)
            except ValueError:
                raise _err(
                    line, header[i], tr("”{value}” är inget tal.").format(value=raw.strip())
                ) from None
            if value is None:
                result.skipped += 1
                continue
            row = CsvRow(line, name, area, period, value, unit)
            result.first_of.setdefault(name, row)
            if unit:
                result.units.setdefault((name, unit), line)
            result.rows.append(row)


check_duplicates = find_duplicates
