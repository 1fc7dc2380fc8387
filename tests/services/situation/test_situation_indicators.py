"""Indicators: typed values, and CSV import in every encoding, separator and decimal style."""

from __future__ import annotations

import pytest
from factories_situation import make_indicator, make_source

from trygghetsrad.errors import ReferencedError, ValidationError
from trygghetsrad.services.situation import indicators as si

LONG = (
    "indikator;område;period;värde;enhet\n"
    "Våldsbrott;Storåkers kommun;2022;1 234,5;per 100 000 inv.\n"
    "Våldsbrott;Storåkers kommun;2023;1 198,25;per 100 000 inv.\n"
    "Våldsbrott;Mittlands län;2023;1 310;per 100 000 inv.\n"
    "Känner sig otrygg;Storåkers kommun;2023-K3;21,5;procent\n"
)


def _values(session, name: str) -> dict[tuple[str, str], float]:
    ind = si.get_indicator(session, si.find_indicator(session, name))
    return {(v.area, v.period): v.value for v in ind.values}


def _count_all(session) -> int:
    return sum(len(i.values) for i in si.list_indicators(session))


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", False), ("utf-8", True), ("cp1252", False)],
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_import_reads_every_encoding_and_separator(session, encoding, bom, delimiter) -> None:
    text = LONG
    if delimiter != ";":
        # A comma-separated file quotes values that contain a decimal comma.
        lines = []
        for line in text.splitlines():
            cells = line.split(";")
            lines.append(delimiter.join(f'"{c}"' if "," in c else c for c in cells))
        text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    result = si.import_csv(session, data)
    assert result.values == 4 and result.new_values == 4
    assert result.encoding == ("Windows-1252" if encoding == "cp1252" else "UTF-8")
    assert sorted(result.created_indicators) == ["Känner sig otrygg", "Våldsbrott"]
    assert _values(session, "Våldsbrott") == {
        ("Storåkers kommun", "2022"): 1234.5,
        ("Storåkers kommun", "2023"): 1198.25,
        ("Mittlands län", "2023"): 1310.0,
    }
    assert _values(session, "Känner sig otrygg") == {("Storåkers kommun", "2023-Q3"): 21.5}
    ind = si.get_indicator(session, si.find_indicator(session, "Våldsbrott"))
    assert ind.unit == "per 100 000 inv."


def test_wide_file_with_one_column_per_year(session) -> None:
    data = "Område;2020;2021;2022\nStoråkers kommun;12,0;..;14\nRiket;10;11;12,5\n".encode("cp1252")
    result = si.import_csv(session, data, indicator="Inbrott i bostad")
    assert result.values == 5 and result.skipped == 1
    assert _values(session, "Inbrott i bostad")[("Riket", "2022")] == 12.5


def test_reimport_updates_values_instead_of_duplicating(session) -> None:
    si.import_csv(session, LONG.encode())
    again = LONG.replace("1 234,5", "1 300").encode()
    result = si.import_csv(session, again)
    assert (result.new_values, result.updated_values) == (0, 4)
    assert _values(session, "Våldsbrott")[("Storåkers kommun", "2022")] == 1300.0
    assert _count_all(session) == 4


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("indikator;område;period;värde\nA;Kommun;2023;12\nA;Kommun;2024;tolv\n", 3, "värde"),
        ("indikator;område;period;värde\nA;Kommun;2023;12\nA;Kommun;år 24;1\n", 3, "period"),
        ("indikator;område;period;värde\nA;Kommun;2023;12\n\nA;;2024;1\n", 4, "område"),
        ("indikator;område;period;värde\nA;Kommun;2023;12\nA;Kommun;2023;13\n", 3, "period"),
        ("indikator;område;period;värde\nA;Kommun;2023;12\nA;Kommun\n", 3, "period"),
        ("Område;2020;tjugo\nKommun;1;2\n", 1, "tjugo"),
    ],
)
def test_bad_row_names_line_and_column_and_imports_nothing(session, text, line, column) -> None:
    make_indicator(session, name="A", unit="")
    si.set_value(session, si.find_indicator(session, "A"), area="Kommun", period="2019", value=5)
    with pytest.raises(ValidationError) as info:
        si.import_csv(session, text.encode(), indicator="A")
    message = str(info.value)
    assert f"Rad {line}" in message and f"”{column}”" in message
    assert "Inget har importerats" in message
    assert _count_all(session) == 1
    assert [i.name for i in si.list_indicators(session)] == ["A"]


def test_bad_file_leaves_database_unchanged_after_rollback(database) -> None:
    with database.session() as s:
        si.import_csv(s, "indikator;område;period;värde\nB;Kommun;2020;1\n".encode())
    bad = "indikator;område;period;värde\nNy;Kommun;2020;1\nNy;Kommun;2021;x1\n".encode()
    with pytest.raises(ValidationError), database.session() as s:
        si.import_csv(s, bad)
    with database.session() as s:
        assert [i.name for i in si.list_indicators(s)] == ["B"]


def test_unit_conflict_with_existing_indicator_is_refused(session) -> None:
    make_indicator(session, name="Våldsbrott", unit="antal")
    with pytest.raises(ValidationError, match="enheten"):
        si.import_csv(session, LONG.encode())
    assert _count_all(session) == 0


def test_file_without_indicator_column_needs_a_name(session) -> None:
    with pytest.raises(ValidationError, match="indikator"):
        si.import_csv(session, "område;period;värde\nKommun;2020;1\n".encode())
    result = si.import_csv(session, "område;period;värde\nKommun;2020;1\n".encode(), indicator="X")
    assert result.created_indicators == ("X",)


@pytest.mark.parametrize("data", [b"", b"\n\n", "indikator;område;period;värde\n".encode()])
def test_empty_file_is_explained(session, data) -> None:
    with pytest.raises(ValidationError, match="tom|inga värden"):
        si.import_csv(session, data)


def test_binary_file_is_refused(session) -> None:
    with pytest.raises(Exception, match="textfil"):
        si.import_csv(session, b"PK\x03\x04\x00\x00binary")


def test_typed_values_are_validated(session) -> None:
    ind = make_indicator(session)
    si.set_value(session, ind, area="Kommun", period="2024 kv 2", value="3,5")
    si.set_value(session, ind, area="Kommun", period="2024-Q2", value=4)
    assert [(v.period, v.value) for v in si.get_indicator(session, ind).values] == [
        ("2024-Q2", 4.0)
    ]
    with pytest.raises(ValidationError, match="period"):
        si.set_value(session, ind, area="Kommun", period="igår", value=1)
    with pytest.raises(ValidationError, match="tal"):
        si.set_value(session, ind, area="Kommun", period="2024", value="mycket")
    with pytest.raises(ValidationError, match="Område"):
        si.set_value(session, ind, area=" ", period="2024", value=1)


def test_replace_values_and_series_order(session) -> None:
    ind = make_indicator(session, main_area="Kommun", comparison_area="Län")
    si.replace_values(
        session,
        ind,
        [("Län", "2021", 2), ("Kommun", "2022", 3), ("Kommun", "2020", 1), ("Annat", "2020", 9)],
    )
    data = si.get_indicator(session, ind)
    assert data.areas == ["Kommun", "Län", "Annat"]
    assert [v.period for v in data.series("Kommun")] == ["2020", "2022"]
    assert data.latest().value == 3  # type: ignore[union-attr]


def test_indicator_name_unique_and_source_checked(session) -> None:
    make_indicator(session, name="Andel otrygga")
    with pytest.raises(ValidationError, match="finns redan"):
        make_indicator(session, name="ANDEL OTRYGGA")
    with pytest.raises(ValidationError, match="Underlaget"):
        make_indicator(session, source_id=12345)


def test_indicator_used_by_observation_can_be_deleted_but_link_goes(session) -> None:
    from factories_situation import make_observation

    from trygghetsrad.services.situation import observations as so

    ind = make_indicator(session)
    obs = make_observation(session, indicator_ids=[ind])
    si.delete_indicator(session, ind)
    assert so.get_observation(session, obs).indicator_ids == ()


def test_source_referenced_error_mentions_indicators(session) -> None:
    src = make_source(session)
    make_indicator(session, source_id=src)
    from trygghetsrad.services.situation import sources as situation_sources

    with pytest.raises(ReferencedError):
        situation_sources.delete_source(session, src)


def test_duplicate_rows_for_a_new_indicator_are_found_by_line(session) -> None:
    text = "indikator;område;period;värde\nNy;Kommun;2023;1\nNy;Kommun;2024;2\nNy;Kommun;2023;3\n"
    with pytest.raises(ValidationError, match="Rad 4.*finns redan på rad 2"):
        si.import_csv(session, text.encode())
    assert si.list_indicators(session) == []
    # The session is still usable: the savepoint rolled back only the import.
    si.import_csv(session, "indikator;område;period;värde\nNy;Kommun;2023;1\n".encode())
    assert _values(session, "Ny") == {("Kommun", "2023"): 1.0}


def test_names_differing_only_in_case_are_one_indicator(session) -> None:
    text = "indikator;område;period;värde\nVåld;Kommun;2023;1\nvåld;Kommun;2023;2\n"
    with pytest.raises(ValidationError, match="Rad 3"):
        si.import_csv(session, text.encode())
    assert si.list_indicators(session) == []


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_not_a_number_is_refused(session, value) -> None:
    with pytest.raises(ValidationError, match="Rad 2"):
        si.import_csv(session, f"indikator;område;period;värde\nX;K;2023;{value}\n".encode())


def test_the_documented_examples_import(session) -> None:
    import re
    from pathlib import Path

    doc = (Path(__file__).parents[3] / "docs" / "indikatorer-csv.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```\n(.*?)```", doc, re.S) if ";" in b]
    assert len(blocks) == 2
    long_result = si.import_csv(session, blocks[0].encode("utf-8"))
    assert long_result.values == 4
    wide = si.import_csv(
        session, blocks[1].encode("cp1252"), indicator="Anmälda våldsbrott per 100 000 invånare"
    )
    assert (wide.values, wide.new_values, wide.updated_values) == (10, 9, 1)
