"""Benchmark: exporting a ~20-page minutes PDF from the database (assembling the document,
house pages with "Sida X av Y", metadata) against reportlab alone building the same story on
a plain SimpleDocTemplate (same run). Target: at most 1.3× the bare reportlab build.

`python benchmarks/bench_meetings_pdf.py [--runs N] [--quick]`
Prints JSON lines like benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

from jsonline import emit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 1.3


def make_meeting(path: Path) -> tuple[object, int]:
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.domain.meetings.model import Note
    from trygghetsrad.services import register
    from trygghetsrad.services.meetings import actions as meetings_actions
    from trygghetsrad.services.meetings import agenda as meetings_agenda
    from trygghetsrad.services.meetings import lifecycle as meetings

    db = open_database(path)
    with db.session() as s:
        group = register.create_group(s, name="Trygghetsrådet").id
        org = register.create_organisation(s, name="Storåkers kommun").id
        for i in range(30):
            person = register.create_person(
                s, name=f"Ledamot {i:02d} Åström", title="Ledamot", organisation_id=org
            ).id
            register.add_membership(s, group_id=group, person_id=person)
        meeting = meetings.create_meeting(
            s, group_ids=[group], day=date(2026, 5, 11), start_time=clock(10), end_time=clock(12)
        ).id
        text = (
            "Lokalpolisområdet planerar livesändningar för att nå vårdnadshavare med "
            "information och skapa möjlighet till dialog; samordnaren bevakar insatsen. "
        )
        for n in range(40):
            item = meetings_agenda.add_item(
                s, meeting, title=f"Punkt {n + 1}: lägesbild och åtgärder"
            ).id
            meetings_agenda.set_notes(s, item, [Note(text * (1 + k % 3), k % 2) for k in range(5)])
            if n % 3 == 0:
                meetings_actions.add_action(
                    s, item, what=f"Återkomma om punkt {n + 1}", due_date=date(2026, 6, 1)
                )
    return db, meeting


def bare_build(doc: object) -> bytes:
    """reportlab alone: the same story on a plain SimpleDocTemplate, same embedded fonts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from trygghetsrad.export.meetings.minutes_pdf import build_story
    from trygghetsrad.export.pdf.base import FONT

    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=28 * mm,
        rightMargin=20 * mm,
        bottomMargin=22 * mm,
        leftMargin=20 * mm,
        initialFontName=FONT,
    )
    template.build(build_story(doc))
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--only", action="append")
    args = parser.parse_args()
    runs = 2 if args.quick else max(2, args.runs)
    from pypdf import PdfReader

    from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
    from trygghetsrad.services.meetings.document import meeting_document

    with tempfile.TemporaryDirectory() as tmp:
        db, meeting = make_meeting(Path(tmp) / "bench.sqlite")
        with db.session() as s:  # warm-up: fonts registered, modules imported
            doc = meeting_document(s, meeting)
        pages = len(PdfReader(io.BytesIO(minutes_pdf(doc))).pages)
        bare_build(doc)
        exports, bares = [], []
        for _ in range(runs):
            start = time.perf_counter()
            with db.session() as s:
                doc = meeting_document(s, meeting)
            minutes_pdf(doc)
            exports.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_build(doc)
            bares.append(time.perf_counter() - start)
        db.close()  # type: ignore[attr-defined]
    value, baseline = statistics.median(exports), statistics.median(bares)
    emit("meetings_minutes_pdf_export", value, "s", baseline, TARGET, pages=pages, runs=runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
