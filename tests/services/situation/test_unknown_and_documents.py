"""Unknown is a state, not a verdict (new records claim nothing; a month or a year is a date),
and the documents the user titles: head and chapters stored, round-tripped, cleaned."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories_action_plan import make_measure, make_plan

from trygghetsrad.db.models.action_plan import ReportChapter
from trygghetsrad.domain.situation.action_plan import Light, MeasureStatus, traffic_light
from trygghetsrad.domain.situation.documents import (
    Chapter,
    DatePrecision,
    DocumentKind,
    Placement,
    parse_partial_date,
)
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services.situation import action_plan, agreements
from trygghetsrad.services.situation import documents as situation_documents
from trygghetsrad.services.situation import pictures as situation_pictures

TODAY = date(2026, 11, 26)


# -- unknown -----------------------------------------------------------------------------------


def test_new_measure_and_commitment_are_not_judged(session) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(session)
    measure = make_measure(session, plan, start=date(2025, 1, 1), end=date(2025, 6, 30))
    assert action_plan.get_measure(session, measure).status == MeasureStatus.UNKNOWN
    row = action_plan.measure_row(session, measure, today=TODAY)
    # Past its end date, but nobody said it isn't done: no red light, no "Ej påbörjad".
    assert row.light.light is Light.NONE
    assert "Ej bedömd" in row.light.reason and "2025-06-30" in row.light.reason
    agreement = agreements.create_agreement(
        session,
        kind="medborgarlöfte",
        title="Medborgarlöfte 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    ).id
    commitment = agreements.create_commitment(
        session, agreement_id=agreement, party="polisen", text="Fler kvällspatruller."
    ).id
    assert agreements.get_commitment(session, commitment).status == MeasureStatus.UNKNOWN
    (crow,) = agreements.commitment_rows(session, agreement, today=TODAY)
    assert crow.light.light is Light.NONE


def test_a_judged_status_keeps_its_light() -> None:
    light = traffic_light(MeasureStatus.NOT_STARTED, start=None, end=date(2025, 1, 1), today=TODAY)
    assert light.light is Light.RED


# -- dates known in part -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "precision", "shown"),
    [
        ("juni 2023", date(2023, 6, 1), DatePrecision.MONTH, "juni 2023"),
        ("Juni 2023", date(2023, 6, 1), DatePrecision.MONTH, "juni 2023"),
        ("2023-06", date(2023, 6, 1), DatePrecision.MONTH, "juni 2023"),
        ("2023", date(2023, 1, 1), DatePrecision.YEAR, "2023"),
        ("2023-06-15", date(2023, 6, 15), DatePrecision.DAY, "15 juni 2023"),
        ("15 juni 2023", date(2023, 6, 15), DatePrecision.DAY, "15 juni 2023"),
    ],
)
def test_partial_dates(text: str, start: date, precision: DatePrecision, shown: str) -> None:
    value = parse_partial_date(text)
    assert (value.start, value.precision, value.text) == (start, precision, shown)


@pytest.mark.parametrize("text", ["midsommar", "2023-13", "juni 30000", "31 juni 2023", ""])
def test_partial_dates_refuse_what_is_no_date(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_partial_date(text, "presented_on")


def test_picture_presented_in_a_month_is_presented_and_says_only_the_month(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import followup

    picture = situation_pictures.create_picture(
        session,
        title="Lägesbild 2023",
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
    ).id
    situation_pictures.present_picture(
        session, picture, presented_on="juni 2023", presented_to="Kommunstyrelsen",
        continue_work=False,
    )  # fmt: skip
    p = situation_pictures.get_picture(session, picture)
    assert p.status == "presented" and p.is_frozen
    assert p.status_text == "Presenterad juni 2023 för Kommunstyrelsen"
    step = {i.key: i for i in followup.checklist(session, 2023, today=TODAY)}["situation"]
    assert step.done and "presenterades juni 2023 för Kommunstyrelsen" in step.detail


# -- documents ---------------------------------------------------------------------------------


def test_document_head_and_chapters_are_stored_in_order(session) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(session)
    empty = situation_documents.document_settings(session, DocumentKind.ACTION_PLAN, plan)
    assert (empty.title, empty.issued_on, empty.author, empty.chapters) == ("", None, "", ())
    situation_documents.save_document(
        session,
        DocumentKind.ACTION_PLAN,
        plan,
        title="Handlingsplan för trygghet",
        issued_on=date(2027, 3, 3),
        author="Maja Lindqvist, samordnare",
        chapters=(
            Chapter("Efterord", "Tack.", Placement.AFTER),
            Chapter("Förord", "Planen är ett stöd.", Placement.BEFORE),
            Chapter("Läsanvisning", "Läs först kapitel 2.", Placement.BEFORE),
        ),
    )
    got = situation_documents.document_settings(session, DocumentKind.ACTION_PLAN, plan)
    assert got.title == "Handlingsplan för trygghet"
    assert got.issued_on == date(2027, 3, 3) and got.author == "Maja Lindqvist, samordnare"
    assert [c.heading for c in got.chapters_at(Placement.BEFORE)] == ["Förord", "Läsanvisning"]
    assert [c.heading for c in got.chapters_at(Placement.AFTER)] == ["Efterord"]
    # Saving again keeps the rows it names and drops the others.
    first = got.chapters_at(Placement.BEFORE)[0]
    situation_documents.save_document(session, DocumentKind.ACTION_PLAN, plan, chapters=(first,))
    again = situation_documents.document_settings(session, DocumentKind.ACTION_PLAN, plan)
    assert [c.id for c in again.chapters] == [first.id] and again.title == ""


def test_document_refuses_a_chapter_without_heading_and_changes_nothing(session) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(session)
    with pytest.raises(ValidationError) as caught:
        situation_documents.save_document(
            session, DocumentKind.ACTION_PLAN, plan, title="X", chapters=(Chapter("  "),)
        )
    assert caught.value.field == "heading"
    assert session.query(ReportChapter).count() == 0


def test_document_of_a_missing_record_or_an_odd_year_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError):
        situation_documents.save_head(session, DocumentKind.ACTION_PLAN, 999, title="X")
    with pytest.raises(UserError):
        situation_documents.save_head(session, DocumentKind.FOLLOWUP, 30000, title="X")
    situation_documents.save_head(session, DocumentKind.FOLLOWUP, 2026, title="Årsrapport")
    got = situation_documents.document_settings(session, DocumentKind.FOLLOWUP, 2026)
    assert got.title == "Årsrapport"


def test_deleting_the_plan_deletes_its_document(session) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(session)
    situation_documents.add_chapter(session, DocumentKind.ACTION_PLAN, plan, heading="Förord")
    action_plan.delete_plan(session, plan)
    session.flush()
    assert session.query(ReportChapter).count() == 0
    again = make_plan(session)  # SQLite may give the new plan the same id
    assert (
        situation_documents.document_settings(session, DocumentKind.ACTION_PLAN, again).chapters
        == ()
    )


# -- the migration -----------------------------------------------------------------------------


def _insert(con: sqlite3.Connection, sql: str, *args: object) -> int:
    return con.execute(sql, args).lastrowid or 0


def test_migration_turns_only_preset_statuses_into_not_judged(tmp_path: Path) -> None:
    """A status the user set, or confirmed in a follow-up note, is kept; "ej påbörjad" that
    only the form's preset gave (never changed, never followed up) becomes "ej bedömd"."""
    from trygghetsrad.db.migrate import upgrade

    path = tmp_path / "old.sqlite"
    upgrade(path, copy_aside=False, target="0005_action_plan")
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    plan = _insert(
        con,
        "INSERT INTO action_plans (title, period_start, period_end, status, version, adopted_by,"
        " adoption_ref, note) VALUES ('Plan', '2025-01-01', '2025-12-31', 'antagen', 1, '', '', '')",
    )
    newer = _insert(
        con,
        "INSERT INTO action_plans (title, period_start, period_end, status, version, previous_id,"
        " adopted_by, adoption_ref, note) VALUES ('Plan', '2025-01-01', '2025-12-31', 'utkast',"
        " 2, ?, '', '', '')",
        plan,
    )
    cols = (
        "plan_id, position, title, description, kind, effect, partners, resources,"
        " target_direction, target_text, status, created_at, updated_at"
    )

    def measure(plan_id: int, title: str, status: str, updated: str = "2025-01-01 10:00:00") -> int:
        return _insert(
            con,
            f"INSERT INTO measures ({cols}) VALUES (?, 1, ?, '', 'social', 'kort sikt', '', '',"
            " '', '', ?, '2025-01-01 10:00:00', ?)",
            plan_id, title, status, updated,
        )  # fmt: skip

    preset = measure(plan, "Förinställd", "ej påbörjad")
    edited = measure(plan, "Ändrad", "ej påbörjad", "2025-03-01 09:00:00")
    noted = measure(plan, "Uppföljd", "ej påbörjad")
    ongoing = measure(plan, "Pågår", "pågår")
    copied_preset = measure(newer, "Förinställd", "ej påbörjad", "2025-05-01 10:00:00")
    copied_edited = measure(newer, "Ändrad", "ej påbörjad")
    # A copy is new, but its status came from its original: judged by that one.
    con.execute(
        "UPDATE measures SET created_at = updated_at WHERE id IN (?, ?)",
        (copied_preset, copied_edited),
    )
    _insert(
        con,
        "INSERT INTO measure_followups (measure_id, noted_on, status, done, effect)"
        " VALUES (?, '2025-04-01', 'ej påbörjad', 'Väntar på polisen.', '')",
        noted,
    )
    agreement = _insert(
        con,
        "INSERT INTO agreements (kind, title, period_start, period_end, parties, signatories,"
        " focus_areas, background) VALUES ('medborgarlöfte', 'Löfte', '2025-01-01', '2025-12-31',"
        " '', '', '', '')",
    )
    c_cols = "agreement_id, party, text, focus_area, status, position, created_at, updated_at"
    c_preset = _insert(
        con,
        f"INSERT INTO commitments ({c_cols}) VALUES (?, 'polisen', 'A', '', 'ej påbörjad', 1,"
        " '2025-01-01 10:00:00', '2025-01-01 10:00:00')",
        agreement,
    )
    c_set = _insert(
        con,
        f"INSERT INTO commitments ({c_cols}) VALUES (?, 'kommunen', 'B', '', 'ej påbörjad', 2,"
        " '2025-01-01 10:00:00', '2025-02-01 10:00:00')",
        agreement,
    )
    con.commit()
    con.close()

    upgrade(path, copy_aside=False)

    con = sqlite3.connect(path)
    status = dict(con.execute("SELECT id, status FROM measures").fetchall())
    assert status[preset] == "ej bedömd"
    assert status[copied_preset] == "ej bedömd"
    assert status[edited] == "ej påbörjad"
    assert status[noted] == "ej påbörjad"
    assert status[ongoing] == "pågår"
    assert status[copied_edited] == "ej påbörjad"
    commitments = dict(con.execute("SELECT id, status FROM commitments").fetchall())
    assert commitments == {c_preset: "ej bedömd", c_set: "ej påbörjad"}
    assert con.execute("SELECT status FROM measure_followups").fetchall() == [("ej påbörjad",)]
    assert con.execute("SELECT presented_precision FROM situation_pictures").fetchall() == []
    con.close()


def test_new_source_is_not_judged_and_the_report_says_so(session) -> None:  # type: ignore[no-untyped-def]
    """A source nobody has said can be had is neither "used" nor "could not be used"."""
    from factories_situation import make_picture, make_source

    from trygghetsrad.domain.situation.picture import SourceStatus
    from trygghetsrad.export.situation.report import render_situation_report
    from trygghetsrad.services.situation import sources as situation_sources

    used = make_source(session, name="Polisens lägesbild", status="available")
    new = make_source(session, name="Skolenkät åk 9")
    assert situation_sources.get_source(session, new).status == SourceStatus.UNKNOWN
    picture = make_picture(session)
    report = situation_pictures.build_report(session, picture, today=TODAY)
    assert [s.id for s in report.used_sources] == [used]
    assert report.unused_sources == []
    assert [s.id for s in report.unjudged_sources] == [new]
    pdf = render_situation_report(report)
    import io

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert (
        "2 underlag, varav 1 har använts, 0 inte har kunnat användas och 1 inte är bedömt." in text
    )
    assert "Underlag som inte har kunnat användas (0)" in text
    assert "Underlag vars tillgång inte är bedömd (1)" in text
