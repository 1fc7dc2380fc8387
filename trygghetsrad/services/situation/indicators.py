"""Use cases for indicators: named measures with values per period and area, typed or imported."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trygghetsrad.db.models.situation import DataSource, Indicator, IndicatorValue
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.domain.situation.csv_values import LABELS, ParsedCsv, check_duplicates, parse_csv
from trygghetsrad.domain.situation.periods import parse_period
from trygghetsrad.domain.situation.picture import ChartKind, IndicatorData, ValuePoint
from trygghetsrad.errors import ReferencedError, UserError, ValidationError, os_error_reason
from trygghetsrad.i18n import plural, tr
from trygghetsrad.services.references import find_references
from trygghetsrad.services.situation.areas import tie_values_by_name
from trygghetsrad.services.situation.common import CHANGED, check_exists, get, name, text

INSERT = "INSERT INTO indicator_values (indicator_id, area, period, value) VALUES (?, ?, ?, ?)"
UPSERT = (
    "INSERT INTO indicator_values (indicator_id, area, period, value) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (indicator_id, area, period) DO UPDATE SET value = excluded.value"
)


def _values_by_indicator(
    session: Session, ids: list[int] | None = None
) -> dict[int, list[ValuePoint]]:
    query = select(
        IndicatorValue.indicator_id,
        IndicatorValue.area,
        IndicatorValue.period,
        IndicatorValue.value,
    )
    if ids is not None:
        query = query.where(IndicatorValue.indicator_id.in_(ids))
    values: dict[int, list[ValuePoint]] = defaultdict(list)
    for indicator_id, area, period, value in session.execute(query):
        values[indicator_id].append(ValuePoint(area, period, value))
    return values


def _indicator_data(
    ind: Indicator, sources: dict[int, str], values: list[ValuePoint]
) -> IndicatorData:
    return IndicatorData(
        id=ind.id,
        name=ind.name,
        unit=ind.unit,
        description=ind.description,
        source_id=ind.source_id,
        source_name=sources.get(ind.source_id or -1, ""),
        chart_kind=ind.chart_kind,
        main_area=ind.main_area,
        comparison_area=ind.comparison_area,
        higher_is_worse=ind.higher_is_worse,
        values=tuple(values),
    )


def list_indicators(session: Session, *, with_values: bool = True) -> list[IndicatorData]:
    sources = dict(session.execute(select(DataSource.id, DataSource.name)).all())
    values = _values_by_indicator(session) if with_values else {}
    indicators = session.scalars(select(Indicator).order_by(func.lower(Indicator.name)))
    return [_indicator_data(i, sources, values.get(i.id, [])) for i in indicators]


def get_indicator(session: Session, indicator_id: int) -> IndicatorData:
    ind = get(session, Indicator, indicator_id)
    sources = dict(session.execute(select(DataSource.id, DataSource.name)).all())
    return _indicator_data(
        ind, sources, _values_by_indicator(session, [indicator_id]).get(indicator_id, [])
    )


def find_indicator(session: Session, indicator_name: str) -> int | None:
    return session.scalar(
        select(Indicator.id).where(func.lower(Indicator.name) == indicator_name.strip().lower())
    )


def _fields(
    session: Session,
    indicator_id: int | None,
    *,
    name_: str,
    unit: str,
    description: str,
    source_id: int | None,
    chart_kind: str,
    main_area: str,
    comparison_area: str,
    higher_is_worse: bool,
) -> dict[str, object]:
    clean = name(name_)
    existing = find_indicator(session, clean)
    if existing is not None and existing != indicator_id:
        raise ValidationError(
            tr("Det finns redan en indikator som heter ”{name}”.").format(name=clean), "name"
        )
    check_exists(session, DataSource, source_id, "source_id", tr("Underlaget"))
    return {
        "name": clean,
        "unit": text(unit, field="unit", label=tr("Enhet"), max_length=80),
        "description": text(description, field="description", label=tr("Beskrivning")),
        "source_id": source_id,
        "chart_kind": ChartKind.clean(chart_kind, "chart_kind", tr("diagramtyp")),
        "main_area": text(main_area, field="main_area", label=tr("Område"), max_length=120),
        "comparison_area": text(
            comparison_area, field="comparison_area", label=tr("Jämförelse"), max_length=120
        ),
        "higher_is_worse": bool(higher_is_worse),
    }


def create_indicator(
    session: Session,
    *,
    name: str,
    unit: str = "",
    description: str = "",
    source_id: int | None = None,
    chart_kind: str = "line",
    main_area: str = "",
    comparison_area: str = "",
    higher_is_worse: bool = True,
) -> Created:
    ind = Indicator(
        **_fields(
            session,
            None,
            name_=name,
            unit=unit,
            description=description,
            source_id=source_id,
            chart_kind=chart_kind,
            main_area=main_area,
            comparison_area=comparison_area,
            higher_is_worse=higher_is_worse,
        )
    )
    session.add(ind)
    session.flush()
    return Created(ind.id, CHANGED)


def update_indicator(
    session: Session,
    indicator_id: int,
    *,
    name: str,
    unit: str = "",
    description: str = "",
    source_id: int | None = None,
    chart_kind: str = "line",
    main_area: str = "",
    comparison_area: str = "",
    higher_is_worse: bool = True,
) -> Changes:
    ind = get(session, Indicator, indicator_id)
    for key, value in _fields(
        session,
        indicator_id,
        name_=name,
        unit=unit,
        description=description,
        source_id=source_id,
        chart_kind=chart_kind,
        main_area=main_area,
        comparison_area=comparison_area,
        higher_is_worse=higher_is_worse,
    ).items():
        setattr(ind, key, value)
    session.flush()
    return CHANGED


def delete_indicator(session: Session, indicator_id: int) -> Changes:
    ind = get(session, Indicator, indicator_id)
    refs = [
        r
        for r in find_references(session, "indicators", indicator_id)
        if r.table not in {"indicator_values", "observation_indicators"}
    ]
    if refs:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom indikatorn används: {refs}.").format(
                name=ind.name, refs=", ".join(f"{r.count} {r.label}" for r in refs)
            ),
            [r.label for r in refs],
        )
    session.delete(ind)
    session.flush()
    return CHANGED


# -- values ------------------------------------------------------------------------------------


def _clean_point(area: str, period: str, value: float | str) -> tuple[str, str, float]:
    from trygghetsrad.domain.situation.csv_values import parse_value

    clean_area = text(area, field="area", label=tr("Område"), max_length=120)
    if not clean_area:
        raise ValidationError(tr("Område måste fyllas i."), "area")
    if isinstance(value, str):
        try:
            number = parse_value(value)
        except ValueError:
            number = None
        if number is None:
            raise ValidationError(tr("”{value}” är inget tal.").format(value=value), "value")
        value = number
    if value != value or value in (float("inf"), float("-inf")):
        raise ValidationError(tr("Värdet måste vara ett tal."), "value")
    return clean_area, parse_period(period), float(value)


def set_value(
    session: Session, indicator_id: int, *, area: str, period: str, value: float | str
) -> Changes:
    """Add or replace the value of one period and area."""
    get(session, Indicator, indicator_id)
    row = _clean_point(area, period, value)
    session.flush()
    session.connection().exec_driver_sql(UPSERT, (indicator_id, *row))
    tie_values_by_name(session, [indicator_id])
    session.expire_all()
    return CHANGED


def delete_value(session: Session, indicator_id: int, *, area: str, period: str) -> Changes:
    session.execute(
        delete(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.area == area,
            IndicatorValue.period == parse_period(period),
        )
    )
    return CHANGED


def replace_values(
    session: Session,
    indicator_id: int,
    points: Iterable[ValuePoint | tuple[str, str, float | str]],
) -> Changes:
    """Replace all of an indicator's values (the table editor saves this way)."""
    get(session, Indicator, indicator_id)
    rows: dict[tuple[str, str], float] = {}
    for point in points:
        area, period, value = (
            (point.area, point.period, point.value) if isinstance(point, ValuePoint) else point
        )
        clean = _clean_point(area, period, value)
        rows[(clean[0], clean[1])] = clean[2]
    # ties the user chose (an area of a name found twice in the tree) survive the rewrite
    kept = {
        area: area_id
        for area, area_id in session.execute(
            select(IndicatorValue.area, IndicatorValue.area_id).where(
                IndicatorValue.indicator_id == indicator_id
            )
        )
        if area_id is not None
    }
    session.execute(delete(IndicatorValue).where(IndicatorValue.indicator_id == indicator_id))
    session.flush()
    session.connection().exec_driver_sql(
        UPSERT, [(indicator_id, a, p, v) for (a, p), v in rows.items()]
    )
    tie_values_by_name(session, [indicator_id], kept)
    session.expire_all()
    return CHANGED


# -- CSV import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    values: int
    new_values: int
    updated_values: int
    skipped: int
    encoding: str
    delimiter: str
    created_indicators: tuple[str, ...] = ()
    indicators: tuple[str, ...] = field(default=())
    changes: Changes = CHANGED

    @property
    def summary(self) -> str:
        text_ = tr("{values} importerades ({new}, {updated})").format(
            values=plural(self.values, tr("värde"), tr("värden")),
            new=plural(self.new_values, tr("nytt"), tr("nya")),
            updated=plural(self.updated_values, tr("uppdaterat"), tr("uppdaterade")),
        )
        if self.created_indicators:
            text_ += tr("; nya indikatorer: {names}").format(
                names=", ".join(self.created_indicators)
            )
        if self.skipped:
            text_ += tr("; {cells} hoppades över").format(
                cells=plural(self.skipped, tr("tom cell"), tr("tomma celler"))
            )
        return text_ + "."


def import_csv(
    session: Session,
    data: bytes,
    *,
    indicator: str | None = None,
    source_id: int | None = None,
) -> ImportResult:
    """Import every value in the CSV `data`, or nothing at all (ValidationError, line named).

    Indicators are matched by name (case-insensitive); unknown names become new indicators.
    `indicator` names the indicator for a file without an `indikator` column.
    """
    parsed = parse_csv(data, indicator=indicator, check_duplicates=False)
    check_exists(session, DataSource, source_id, "source_id", tr("Underlaget"))
    unit_of = _file_units(parsed.units)
    ids = _match_indicators(session, parsed, unit_of)
    # One savepoint: whatever goes wrong below, nothing of this file stays in the database.
    with session.begin_nested():
        created = _create_indicators(session, parsed, ids, unit_of, source_id)
        values, updated = _write_values(session, parsed, ids)
    session.expire_all()
    return ImportResult(
        values=values,
        new_values=values - updated,
        updated_values=updated,
        skipped=parsed.skipped,
        encoding=parsed.encoding,
        delimiter=parsed.delimiter,
        created_indicators=tuple(created),
        indicators=tuple(parsed.first_of),
    )


def _file_units(units: dict[tuple[str, str], int]) -> dict[str, tuple[str, int]]:
    """Each indicator's unit in the file (by lower-case name) and the first line giving it;
    a ValidationError when the file gives one indicator two units."""
    unit_of: dict[str, tuple[str, int]] = {}
    for (name_, unit), line in sorted(units.items(), key=lambda item: item[1]):
        prior = unit_of.setdefault(name_.lower(), (unit, line))
        if prior[0] != unit:
            raise ValidationError(
                tr(
                    "Rad {line}, kolumn ”{column}”: indikatorn ”{name}” har enheten ”{unit}” "
                    "på rad {other}. Inget har importerats."
                ).format(
                    line=line, column=LABELS["unit"], name=name_, unit=prior[0], other=prior[1]
                ),
                "file",
            )
    return unit_of


def _match_indicators(
    session: Session, parsed: ParsedCsv, unit_of: dict[str, tuple[str, int]]
) -> dict[str, int]:
    """The stored indicator of each name in the file (by lower-case name), -1 for a new one;
    a ValidationError when the file gives a stored indicator another unit."""
    existing = {
        n.lower(): (i, u)
        for i, n, u in session.execute(select(Indicator.id, Indicator.name, Indicator.unit))
    }
    ids: dict[str, int] = {}
    for row in parsed.first_of.values():
        key = row.indicator.lower()
        if key in ids:
            continue
        if key not in existing:
            ids[key] = -1
            continue
        ind_id, unit = existing[key]
        file_unit = unit_of.get(key, ("", 0))
        if unit and file_unit[0] and unit.lower() != file_unit[0].lower():
            raise ValidationError(
                tr(
                    "Rad {line}, kolumn ”{column}”: indikatorn ”{name}” har enheten ”{unit}”, "
                    "inte ”{other}”. Inget har importerats."
                ).format(
                    line=file_unit[1],
                    column=LABELS["unit"],
                    name=row.indicator,
                    unit=unit,
                    other=file_unit[0],
                ),
                "file",
            )
        ids[key] = ind_id
    return ids


def _create_indicators(
    session: Session,
    parsed: ParsedCsv,
    ids: dict[str, int],
    unit_of: dict[str, tuple[str, int]],
    source_id: int | None,
) -> list[str]:
    """Store the new indicators (their ids go into `ids`) and the units the file gives
    indicators that had none; the names of the new ones."""
    created: list[str] = []
    new: dict[str, Indicator] = {}
    for row in parsed.first_of.values():
        key = row.indicator.lower()
        if ids[key] == -1 and key not in new:
            new[key] = Indicator(
                name=name(row.indicator),
                unit=unit_of.get(key, ("", 0))[0],
                description="",
                source_id=source_id,
                chart_kind="line",
                main_area=row.area,
                comparison_area="",
                higher_is_worse=True,
            )
            created.append(row.indicator)
    session.add_all(new.values())
    session.flush()
    for key, ind in new.items():
        ids[key] = ind.id
    for key, (given_unit, _line) in unit_of.items():
        stored = session.get(Indicator, ids[key])
        if stored is not None and not stored.unit:
            stored.unit = given_unit
    session.flush()
    return created


def _write_values(session: Session, parsed: ParsedCsv, ids: dict[str, int]) -> tuple[int, int]:
    """Write every value of the file; how many, and how many replaced a stored value."""
    id_list = sorted(set(ids.values()))
    before = {
        (i, a, p)
        for i, a, p in session.execute(
            select(IndicatorValue.indicator_id, IndicatorValue.area, IndicatorValue.period).where(
                IndicatorValue.indicator_id.in_(id_list)
            )
        )
    }
    by_name = {name_: ids[name_.lower()] for name_ in parsed.first_of}
    params = [(by_name[n], a, p, v) for _l, n, a, p, v, _u in parsed.rows]
    connection = session.connection()
    updated = 0
    if before:
        check_duplicates(parsed.rows)
        updated = sum(1 for p in params if p[:3] in before)
        connection.exec_driver_sql(UPSERT, params)
    else:
        # Only new values: a plain insert, and the unique constraint finds duplicates.
        try:
            connection.exec_driver_sql(INSERT, params)
        except IntegrityError:
            check_duplicates(parsed.rows)
            raise
    tie_values_by_name(session, id_list)
    return len(params), updated


def import_csv_file(
    session: Session, path: Path, *, indicator: str | None = None, source_id: int | None = None
) -> ImportResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            tr("Filen {name} kan inte läsas: {reason}.").format(
                name=path.name, reason=os_error_reason(exc)
            )
        ) from exc
    return import_csv(session, data, indicator=indicator, source_id=source_id)
