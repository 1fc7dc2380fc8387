"""Action plans and situation records: edits that were final before can be undone and redone."""

from __future__ import annotations

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)
from factories_situation import make_source
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.services.situation import action_plan


def _plans(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return sorted((p.id, p.version, p.status, p.adopted_by) for p in action_plan.list_plans(s))


def test_new_version_adoption_and_deletion_of_a_plan_are_undoable(
    qtbot, demo_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import trygghetsrad.ui.situation.plan_page as module
    from trygghetsrad.ui.situation.plan_dialogs import AdoptDialog

    page = module.PlanPage(demo_app)
    qtbot.addWidget(page)
    start = _plans(demo_app)
    page._on_new_version()
    assert page.plan is not None and page.plan.status == "utkast"
    with_draft = _plans(demo_app)
    assert len(with_draft) == len(start) + 1
    assert page.undo_stack.undoText() == f"Ny version av ”{page.plan.title}”"

    def fake_exec(dialog: AdoptDialog) -> int:
        dialog.body.setEditText("")
        dialog.save_button.click()  # refused at the field: nothing recorded
        assert dialog.error_text("adopted_by")
        dialog.body.setEditText("Kommunstyrelsen")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(AdoptDialog, "exec", fake_exec)
    page._on_adopt()
    adopted = _plans(demo_app)
    assert [p[2] for p in adopted].count("antagen") == 1
    assert page.undo_stack.undoText().startswith("Anta åtgärdsplanen ”")
    assert page.undo_stack.count() == 2
    page.undo_stack.undo()  # the adoption: the draft is a draft again, the old plan current
    assert _plans(demo_app) == with_draft
    assert page.plan is not None and page.plan.status == "utkast"
    page.undo_stack.redo()
    assert _plans(demo_app) == adopted
    page.undo_stack.undo()
    page.undo_stack.undo()  # the new version is gone again
    assert _plans(demo_app) == start

    page.undo_stack.redo()  # the draft is back: delete it, then undo the deletion
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select_plan(next(p[0] for p in _plans(demo_app) if p[2] == "utkast"))
    measures = page.model.rowCount()
    page._on_delete_plan()
    assert _plans(demo_app) == start
    assert page.undo_stack.undoText().startswith("Ta bort utkastet ”")
    page.undo_stack.undo()
    assert _plans(demo_app) == with_draft
    page.select_plan(next(p[0] for p in _plans(demo_app) if p[2] == "utkast"))
    assert page.model.rowCount() == measures > 0  # its measures came back with it


def dump(ctx):  # type: ignore[no-untyped-def]
    """Every row of every table (not the search index), with SQLite's storage classes."""
    import sqlite3

    conn = sqlite3.connect(ctx.database.path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_index%' AND name != 'alembic_version'"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_deleted_indicator_comes_back_with_values_and_observation_links(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    conn = sqlite3.connect(demo_app.database.path)
    [(indicator_id,)] = conn.execute(
        "SELECT i.id FROM indicators i WHERE EXISTS (SELECT 1 FROM observation_indicators o "
        "WHERE o.indicator_id = i.id) AND NOT EXISTS (SELECT 1 FROM cause_evidence e "
        "WHERE e.indicator_id = i.id) AND EXISTS (SELECT 1 FROM indicator_values v "
        "WHERE v.indicator_id = i.id) AND NOT EXISTS (SELECT 1 FROM measures m "
        "WHERE m.indicator_id = i.id) ORDER BY i.id LIMIT 1"
    ).fetchall()
    conn.close()
    page = IndicatorsPage(demo_app)
    qtbot.addWidget(page)
    page.select(indicator_id)
    before = dump(demo_app)
    page.delete_indicator()
    after = dump(demo_app)
    assert indicator_id not in {row[0] for row in after["indicators"]}
    assert len(after["observation_indicators"]) < len(before["observation_indicators"])
    assert len(after["indicator_values"]) < len(before["indicator_values"])
    assert page.undo_stack.undoText().startswith("Ta bort indikator ")
    page.undo_stack.undo()
    assert dump(demo_app) == before  # same id, its values and observations' links
    page.undo_stack.redo()
    assert dump(demo_app) == after


def test_deleted_source_comes_back_with_its_attachment(qtbot, demo_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import sources as situation_sources
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(demo_app)
    qtbot.addWidget(page)
    with demo_app.database.session() as s:
        source = situation_sources.get_source(s, make_source(s, name="Polisens öppna data"))
    page.refresh()
    page.select(source.id)
    original = tmp_path / "Brå statistik 2026.xlsx"
    original.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    page.add_attachment(str(original))
    assert page.undo_stack.undoText() == "Lägg till bilagan Brå statistik 2026.xlsx"
    before = dump(demo_app)
    page.delete_source()
    assert page.undo_stack.undoText() == f"Ta bort underlag {source.name}"
    assert dump(demo_app) != before
    page.undo_stack.undo()
    assert dump(demo_app) == before
    page.select(source.id)
    out = tmp_path / "ut.xlsx"
    page.attachments.setCurrentRow(0)
    page.save_attachment(str(out))
    assert out.read_bytes() == original.read_bytes()
    page.remove_attachment()
    assert page.attachments.count() == 0
    page.undo_stack.undo()
    assert page.attachments.count() == 1


def test_deleted_agreement_and_problem_come_back(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage
    from trygghetsrad.ui.situation.causes_page import CausesPage

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    agreement = page.current()
    assert agreement is not None and agreement.commitment_count > 0
    before = dump(demo_app)
    page._on_delete()
    assert not dump(demo_app)["commitments"] or dump(demo_app) != before
    assert page.undo_stack.undoText() == f"Ta bort överenskommelsen ”{agreement.title}”"
    page.undo_stack.undo()
    assert dump(demo_app) == before

    causes_page = CausesPage(demo_app)
    qtbot.addWidget(causes_page)
    problem_id = causes_page._problem_id
    assert problem_id is not None
    causes_page._on_delete_problem()
    assert dump(demo_app) != before
    assert causes_page.undo_stack.undoText().startswith("Ta bort problemet ”")
    causes_page.undo_stack.undo()
    assert dump(demo_app) == before


def test_deleted_observation_and_picture_come_back_with_their_links(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from trygghetsrad.ui.situation.observations import ObservationsPage
    from trygghetsrad.ui.situation.pictures import PicturesPage

    conn = sqlite3.connect(demo_app.database.path)
    [(observation_id,)] = conn.execute(
        "SELECT o.id FROM observations o WHERE EXISTS (SELECT 1 FROM observation_sources x "
        "WHERE x.observation_id = o.id) AND NOT EXISTS (SELECT 1 FROM problems p "
        "WHERE p.observation_id = o.id) ORDER BY o.id LIMIT 1"
    ).fetchall()
    conn.close()
    page = ObservationsPage(demo_app)
    qtbot.addWidget(page)
    page.select(observation_id)
    before = dump(demo_app)
    page.delete_record()
    assert observation_id not in {row[0] for row in dump(demo_app)["observations"]}
    page.undo_stack.undo()
    assert dump(demo_app) == before  # with its links to sources and indicators

    pictures = PicturesPage(demo_app)
    qtbot.addWidget(pictures)
    assert pictures.picture is not None
    pictures.new_version()
    draft = pictures.picture
    assert draft is not None and not draft.is_frozen
    with_draft = dump(demo_app)
    assert pictures.undo_stack.undoText().startswith("Ny version av ")
    pictures.delete_picture()
    assert dump(demo_app) != with_draft
    pictures.undo_stack.undo()
    assert dump(demo_app) == with_draft
    pictures.undo_stack.undo()
    assert dump(demo_app) == before


def test_new_problem_is_undoable(qtbot, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import causes
    from trygghetsrad.ui.situation.causes_page import CausesPage
    from trygghetsrad.ui.situation.causes_problems import ProblemDialog

    page = CausesPage(demo_app)
    qtbot.addWidget(page)

    def fake_exec(dialog: ProblemDialog) -> int:
        dialog.title.setText("Mopedåkning på gångvägar")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ProblemDialog, "exec", fake_exec)
    before = dump(demo_app)
    page._on_new_problem()
    with demo_app.database.session() as s:
        assert "Mopedåkning på gångvägar" in {p.title for p in causes.list_problems(s)}
    assert page.undo_stack.undoText() == "Nytt problem ”Mopedåkning på gångvägar”"
    page.undo_stack.undo()
    assert dump(demo_app) == before


def test_presenting_a_picture_is_undoable(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(demo_app)
    qtbot.addWidget(page)
    if page.picture is None or page.picture.is_frozen:
        page.new_version()
    assert page.picture is not None and not page.picture.is_frozen
    before = dump(demo_app)
    page.present()
    dialog = page.dialog
    dialog.save_button.click()
    assert dialog.error_text("presented_to")  # refused at the field: nothing recorded
    dialog.body.setText("Kommunstyrelsen")
    dialog.save_button.click()
    assert dump(demo_app) != before
    assert page.undo_stack.undoText().startswith("Presentera ")
    page.undo_stack.undo()
    assert dump(demo_app) == before
