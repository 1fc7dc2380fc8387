"""Benchmark (issue 3): exporting a 20-page minutes PDF, against reportlab building the same
document alone, in the same run. Target: at most 1.3×.

`python benchmarks/bench_meetings_minutes_pdf.py [--runs N] [--quick] [--data DIR]` prints
JSON lines like benchmarks/run.py. The export is what the app does (read the meeting,
assemble the document, lay out the story, house canvas with "Sida X av Y", logo, metadata);
the baseline is `SimpleDocTemplate.build()` of the same story on a plain canvas.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 1.3
ITEMS = 51  # agenda items; with notes, decisions and actions this makes about 20 pages


def make_meeting(path: Path) -> int:
    """A long council meeting: many items, each with notes, a decision and actions."""
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import demo
    from trygghetsrad.services.demo.scale import ACTIONS, DECISIONS, NOTES, PLACES, _Writer

    db = open_database(path)
    with db.session() as s:
        demo.fill(s, date(2026, 11, 26))
        w = _Writer(s, date(2026, 11, 26))
        meeting_id = w.next_id("meetings")
        item_id = w.next_id("agenda_items")
        group = s.connection().exec_driver_sql("SELECT min(id) FROM groups").scalar()
        people = [r[0] for r in s.connection().exec_driver_sql("SELECT id FROM people")]
        w.insert(
            "meetings",
            [
                {
                    "id": meeting_id,
                    "title": "Trygghetsrådet, heldag om lägesbilden",
                    "kind": "protocol",
                    "status": "draft",
                    "day": date(2026, 11, 20),
                    "start_time": clock(9),
                    "end_time": clock(16),
                    "place": "Kommunhuset, sal Storåker",
                    "chair_id": people[1],
                    "secretary_id": people[0],
                    "sequence": 0,
                }
            ],
        )
        w.insert("meeting_groups", [{"meeting_id": meeting_id, "group_id": group, "position": 0}])
        w.insert(
            "attendance",
            [
                {"meeting_id": meeting_id, "person_id": p, "presence": "present", "position": n}
                for n, p in enumerate(people[:14])
            ],
        )
        items, notes, decisions, actions = [], [], [], []
        for n in range(ITEMS):
            place = PLACES[n % len(PLACES)]
            items.append(
                {
                    "id": item_id + n,
                    "meeting_id": meeting_id,
                    "position": n,
                    "title": f"Lägesbild och åtgärder för {place}",
                    "kind": "normal",
                    "body": NOTES[n % len(NOTES)].format(place=place, n=n + 3),
                    "internal": False,
                }
            )
            for k in range(4):
                notes.append(
                    {
                        "item_id": item_id + n,
                        "position": k,
                        "text": NOTES[(n + k) % len(NOTES)].format(place=place, n=k + 5),
                        "level": k % 2,
                        "internal": False,
                    }
                )
            decisions.append(
                {
                    "item_id": item_id + n,
                    "position": 0,
                    "text": DECISIONS[n % len(DECISIONS)].format(place=place),
                    "internal": False,
                }
            )
            for k in range(2):
                actions.append(
                    {
                        "item_id": item_id + n,
                        "position": k,
                        "what": ACTIONS[(n + k) % len(ACTIONS)].format(place=place),
                        "responsible_person_id": people[(n + k) % len(people)],
                        "due_date": date(2027, 1, 15),
                        "status": "open",
                        "internal": False,
                    }
                )
        w.insert("agenda_items", items)
        w.insert("agenda_notes", notes)
        w.insert("decisions", decisions)
        w.insert("action_items", actions)
    db.close()
    return meeting_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    runs = 2 if args.quick else max(args.runs, 5)

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from trygghetsrad.db.engine import open_database
    from trygghetsrad.export.meetings.minutes_pdf import build_story, minutes_pdf
    from trygghetsrad.export.pdf.base import FONT, register_fonts
    from trygghetsrad.services.meetings_document import meeting_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "långt-möte.sqlite"
        meeting_id = make_meeting(path)
        db = open_database(path)

        def export() -> bytes:
            with db.session() as s:
                doc = meeting_document(s, meeting_id)
            return minutes_pdf(doc)

        with db.session() as s:
            doc = meeting_document(s, meeting_id)

        def reportlab_alone() -> bytes:
            register_fonts()
            buffer = io.BytesIO()
            SimpleDocTemplate(
                buffer,
                pagesize=A4,
                topMargin=28 * mm,
                rightMargin=20 * mm,
                bottomMargin=22 * mm,
                leftMargin=20 * mm,
                initialFontName=FONT,
                initialFontSize=10.5,
            ).build(build_story(doc))
            return buffer.getvalue()

        pdf = export()  # warm-up (fonts, imports)
        plain = reportlab_alone()
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        values, baselines = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            reportlab_alone()
            baselines.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            export()
            values.append(time.perf_counter() - t0)
        db.close()
    value = statistics.median(values) * 1000
    baseline = statistics.median(baselines) * 1000
    print(
        json.dumps(
            {
                "name": "minutes_pdf_export_vs_reportlab_alone",
                "value": round(value, 3),
                "unit": "ms",
                "baseline": round(baseline, 3),
                "ratio": round(value / baseline, 3),
                "target": TARGET,
                "ok": value / baseline <= TARGET,
                "runs": runs,
                "pages": pages,
                "baseline_pages": plain.count(b"/Type /Page") - plain.count(b"/Type /Pages"),
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
