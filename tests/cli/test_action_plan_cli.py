"""`list plans|measures|agreements`, `export plan|followup|agreement` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from factories_action_plan import demo_app_fixture, demo_db_fixture, demo_template_fixture  # noqa: F401  (fixtures)
from pypdf import PdfReader

from trygghetsrad.cli import main


def test_list_plans_and_measures_as_json(demo_db, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(demo_db.path)
    assert main(["--db", db, "list", "plans", "--json"]) == 0
    plans = json.loads(capsys.readouterr().out)
    assert plans[0]["adopted_by"] == "Kommunfullmäktige" and plans[0]["measure_count"] == 8
    assert main(["--db", db, "list", "measures", "--json"]) == 0
    measures = json.loads(capsys.readouterr().out)
    assert len(measures) == 8
    assert {m["light"] for m in measures} >= {"grön", "gul", "röd", "grå"}
    assert sum(m["flagged_no_cause"] for m in measures) == 1
    assert main(["--db", db, "list", "agreements"]) == 0
    assert "Samverkansöverenskommelse" in capsys.readouterr().out
    assert main(["--db", db, "list", "people"]) == 0  # the register's list still works
    assert "Maja Lindqvist" in capsys.readouterr().out


def test_export_plan_followup_and_agreement(demo_db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(demo_db.path)
    plan = tmp_path / "Åtgärdsplan.pdf"
    assert main(["--db", db, "export", "plan", "1", str(plan)]) == 0
    assert main(["--db", db, "export", "action-plan", "1", str(tmp_path / "b.pdf")]) == 0
    report = tmp_path / "uppföljning.pdf"
    assert main(["--db", db, "export", "followup", "2026", str(report), "--include-internal"]) == 0
    assert main(["--db", db, "export", "follow-up", "2026", str(tmp_path / "c.pdf")]) == 0
    agreement = tmp_path / "löfte.pdf"
    assert main(["--db", db, "export", "agreement", "1", str(agreement)]) == 0
    for path in (plan, report, agreement):
        assert len(PdfReader(path).pages) >= 1
    text = " ".join(p.extract_text() for p in PdfReader(report).pages)
    assert "Innehåller interna uppgifter" in text


def test_unknown_plan_is_a_user_error(demo_db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    assert main(["--db", str(demo_db.path), "export", "plan", "999", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("trygghetsrad: ") and "finns inte" in err
    assert not out.exists()


def test_cli_exports_use_the_stored_title_date_author_and_chapters(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The example's follow-up of last year was titled by the coordinator in the app; the
    command line prints the same head and chapters, with contents and bookmarks."""
    from trygghetsrad.domain.situation.documents import DocumentKind
    from trygghetsrad.services.situation import documents as situation_documents

    with demo_db.session() as s:
        (year,) = [
            y
            for y in range(2000, 2100)
            if situation_documents.document_settings(s, DocumentKind.FOLLOWUP, y).id
        ]
    out = tmp_path / "årsrapport.pdf"
    assert main(["--db", str(demo_db.path), "export", "followup", str(year), str(out)]) == 0
    reader = PdfReader(out)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert reader.metadata.title == f"Trygghetsrådets årsrapport {year}"
    assert reader.metadata.author == "Maja Lindqvist, folkhälsostrateg och samordnare"
    assert f"Utfärdad 10 februari {year + 1} av Maja Lindqvist" in text
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[0] == "Förord" and titles[-1] == "Kontakt"
    assert "Innehåll" in reader.pages[0].extract_text()
