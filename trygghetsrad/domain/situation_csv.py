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

from trygghetsrad.domain.situation_periods import parse_period
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr

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


@dataclass(frozen=True)
class CsvRow:
    line: int
    indicator: str
    area: str
    period: str
    value: float
    unit: str


@dataclass
class ParsedCsv:
    rows: list[CsvRow] = field(default_factory=list)
    skipped: int = 0  # cells marked as missing ("..", "-", empty)
    encoding: str = ""
    delimiter: str = ""

    @property
    def indicators(self) -> list[str]:
        return list(dict.fromkeys(r.indicator for r in self.rows))


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


def _err(line: int, column: str, message: str) -> ValidationError:
    return ValidationError(
        tr("Rad {line}, kolumn ”{column}”: {message} Inget har importerats.").format(
            line=line, column=column, message=message
        ),
        "file",
    )


def parse_csv(data: bytes, *, indicator: str | None = None) -> ParsedCsv:
    """All values in the file, or a ValidationError naming the first bad line and column.

    `indicator` names the indicator for files without an `indikator` column.
    """
    text, encoding = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
    seen: dict[tuple[str, str, str], int] = {}
    for row in result.rows:
        key = (row.indicator.lower(), row.area.lower(), row.period)
        if key in seen:
            raise _err(
                row.line,
                LABELS["period"],
                tr("{area} {period} finns redan på rad {other}.").format(
                    area=row.area, period=row.period, other=seen[key]
                ),
            )
        seen[key] = row.line
    return result


def _parse_long(
    reader: csv.DictReader | object,
    header: list[str],
    keys: list[str | None],
    indicator: str | None,
    result: ParsedCsv,
) -> None:
    index = {key: i for i, key in enumerate(keys) if key is not None and key not in ()}
    if "indicator" not in index and not indicator:
        raise ValidationError(
            tr(
                "Filen saknar kolumnen ”indikator”; lägg till den eller välj vilken indikator "
                "värdena gäller."
            ),
            "file",
        )
    if "area" not in index:
        raise ValidationError(tr("Filen saknar kolumnen ”område”."), "file")
    width = len(header)
    i_ind, i_area, i_period, i_value = (
        index.get("indicator"),
        index["area"],
        index["period"],
        index["value"],
    )
    i_unit = index.get("unit")
    rows = result.rows
    for cells in reader:  # type: ignore[attr-defined]
        line = reader.line_num  # type: ignore[attr-defined]
        if not cells or not any(cells):
            continue
        if len(cells) < width:
            if not any(c.strip() for c in cells):
                continue
            missing = header[len(cells)] if len(cells) < len(header) else ""
            raise _err(line, missing, tr("raden har för få kolumner."))
        name = cells[i_ind].strip() if i_ind is not None else (indicator or "")
        if not name:
            name = indicator or ""
        if not name:
            raise _err(line, header[i_ind or 0], tr("indikatorns namn saknas."))
        area = cells[i_area].strip()
        if not area:
            raise _err(line, header[i_area], tr("området saknas."))
        try:
            period = parse_period(cells[i_period])
        except ValidationError as exc:
            raise _err(line, header[i_period], str(exc)) from None
        raw = cells[i_value]
        try:
            value = parse_value(raw)
        except ValueError:
            raise _err(
                line, header[i_value], tr("”{value}” är inget tal.").format(value=raw.strip())
            ) from None
        if value is None:
            result.skipped += 1
            continue
        unit = cells[i_unit].strip() if i_unit is not None else ""
        if len(name) > 200 or len(area) > 120 or len(unit) > 80:
            raise _err(line, header[i_area], tr("texten är för lång."))
        rows.append(CsvRow(line, name, area, period, value, unit))


def _parse_wide(
    reader: object,
    header: list[str],
    keys: list[str | None],
    header_line: int,
    indicator: str | None,
    result: ParsedCsv,
) -> None:
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
    i_ind = keys.index("indicator") if "indicator" in keys else None
    i_unit = keys.index("unit") if "unit" in keys else None
    i_area = keys.index("area") if "area" in keys else None
    if i_area is None:
        raise ValidationError(tr("Filen saknar kolumnen ”område”."), "file")
    if i_ind is None and not indicator:
        raise ValidationError(
            tr(
                "Filen saknar kolumnen ”indikator”; lägg till den eller välj vilken indikator "
                "värdena gäller."
            ),
            "file",
        )
    for cells in reader:  # type: ignore[attr-defined]
        line = reader.line_num  # type: ignore[attr-defined]
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
            result.rows.append(CsvRow(line, name, area, period, value, unit))
