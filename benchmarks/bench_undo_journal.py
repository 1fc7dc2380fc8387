"""Benchmark: what the undo journal (db/journal.py) costs.

`python benchmarks/bench_undo_journal.py [--runs N] [--quick] [--data DIR]`
prints JSON lines like benchmarks/run.py:

- `undo_journal_delete_big_meeting`: deleting a big meeting (40 agenda items, 25 notes,
  5 decisions and 5 actions each, 12 attendees: about 1,450 rows through ON DELETE CASCADE)
  while recording, against the same deletion unrecorded. SQLite deletes those rows in a few
  milliseconds, so the ratio is large whatever the journal does; what counts is the time a
  user waits after "Ta bort": the target is the absolute budget `budget_ms` (100 ms), and
  `target` is null.
- `undo_journal_undo_big_meeting`: undoing that deletion (every row back, search index
  reindexed), against the unrecorded deletion; same budget.
- `undo_journal_record_nothing`: recording a service call that writes nothing: the fixed
  cost of creating and dropping the triggers, against the same call unrecorded.
- `undo_journal_write_not_recording`: rewriting every note of that meeting (about 1,000
  rows deleted and 1,000 inserted by `set_notes`) on a connection that recorded before,
  against a database that never recorded. Target: at most 1.15× (the triggers exist only
  while recording, so this should be 1.0 within noise).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ITEMS, NOTES, DECISIONS, ACTIONS, PEOPLE = 40, 25, 5, 5, 12


def make_meeting(db: Any, group_id: int, people: list[int], day: date) -> int:
    from trygghetsrad.domain.meetings.model import Note
    from trygghetsrad.services.meetings import actions as meetings_actions
    from trygghetsrad.services.meetings import agenda as meetings_agenda
    from trygghetsrad.services.meetings import lifecycle as meetings

    with db.session() as s:
        meeting_id = meetings.create_meeting(s, group_ids=[group_id], day=day).id
        meetings.start_minutes(s, meeting_id)
        for i in range(ITEMS):
            item = meetings_agenda.add_item(s, meeting_id, title=f"Punkt {i} om trygghet").id
            meetings_agenda.set_notes(
                s, item, [Note(f"Anteckning {n} under punkt {i}, Storåker") for n in range(NOTES)]
            )
            meetings_agenda.set_decisions(s, item, [f"Beslut {d}" for d in range(DECISIONS)])
            for a in range(ACTIONS):
                meetings_actions.add_action(
                    s, item, what=f"Uppdrag {a} punkt {i}", responsible_person_id=people[a]
                )
    return meeting_id


def setup(folder: Path, name: str) -> tuple[Any, int, list[int]]:
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import register

    db = open_database(folder / name)
    with db.session() as s:
        group = register.create_group(s, name="Trygghetsrådet").id
        people = []
        for p in range(PEOPLE):
            person = register.create_person(s, name=f"Ledamot {p} Åström").id
            register.add_membership(s, group_id=group, person_id=person, role="ledamot")
            people.append(person)
    return db, group, people


def rows_of(db: Any, meeting_id: int) -> int:
    with db.session() as s:
        conn = s.connection()
        total = 1
        for sql in (
            "SELECT count(*) FROM agenda_items WHERE meeting_id = ?",
            "SELECT count(*) FROM attendance WHERE meeting_id = ?",
            "SELECT count(*) FROM meeting_groups WHERE meeting_id = ?",
            "SELECT count(*) FROM agenda_notes n JOIN agenda_items i ON i.id = n.item_id "
            "WHERE i.meeting_id = ?",
            "SELECT count(*) FROM decisions n JOIN agenda_items i ON i.id = n.item_id "
            "WHERE i.meeting_id = ?",
            "SELECT count(*) FROM action_items n JOIN agenda_items i ON i.id = n.item_id "
            "WHERE i.meeting_id = ?",
        ):
            total += conn.exec_driver_sql(sql, (meeting_id,)).scalar()
        return int(total)


def time_delete(db: Any, meeting_id: int, *, recorded: bool) -> tuple[float, Any]:
    from trygghetsrad.services import journal as journal_service
    from trygghetsrad.services.meetings import lifecycle as meetings

    start = time.perf_counter()
    if recorded:
        done = journal_service.run(
            db, "Ta bort mötet", lambda s: meetings.delete_meeting(s, meeting_id)
        )
    else:
        with db.session() as s:
            meetings.delete_meeting(s, meeting_id)
        done = None
    return time.perf_counter() - start, done


def time_rewrite_notes(db: Any, meeting_id: int) -> float:
    from trygghetsrad.db import journal
    from trygghetsrad.domain.meetings.model import Note
    from trygghetsrad.services.meetings import agenda as meetings_agenda

    with db.session() as s:
        items = [i.id for i in meetings_agenda.get_agenda(s, meeting_id)]
    start = time.perf_counter()
    with db.session() as s:
        armed = journal.installed_triggers(s.connection()) > 0
        assert not armed or not journal.is_recording(s)
        for item in items:
            meetings_agenda.set_notes(
                s, item, [Note(f"Omskriven anteckning {n}") for n in range(NOTES)]
            )
    return time.perf_counter() - start


def time_record_nothing(db: Any, *, recorded: bool) -> float:
    from trygghetsrad.db import journal
    from trygghetsrad.services import register

    start = time.perf_counter()
    with db.session() as s:
        if recorded:
            with journal.record(s, "inget"):
                register.list_groups(s)
        else:
            register.list_groups(s)
    return time.perf_counter() - start


def arm(db: Any) -> None:
    """Record once on the pool's connection, so that later writes use a connection that did."""
    from trygghetsrad.db import journal

    with db.session() as s, journal.record(s, "inget"):
        pass
    with db.session() as s:
        assert journal.installed_triggers(s.connection()) == 0


def emit(name: str, value: float, baseline: float, target: float | None, **extra: Any) -> None:
    ratio = value / baseline
    ok = True if target is None else ratio <= target
    if "budget_ms" in extra:
        ok = ok and value * 1000 <= extra["budget_ms"]
    print(
        json.dumps(
            {
                "name": name,
                "value": round(value * 1000, 2),
                "unit": "ms",
                "baseline": round(baseline * 1000, 2),
                "ratio": round(ratio, 3),
                "target": target,
                "ok": ok,
                **extra,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--only", action="append")
    args = parser.parse_args()
    runs = 1 if args.quick else max(1, args.runs)
    deletes, recorded_deletes, undos, plain_writes, armed_writes = [], [], [], [], []
    nothing, nothing_recorded = [], []
    rows = 0
    from trygghetsrad.services import journal as journal_service

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, group_p, people_p = setup(folder, "plain.sqlite")
        armed, group_a, people_a = setup(folder, "armed.sqlite")
        arm(armed)
        for run in range(runs):
            day = date(2026, 1, 1).replace(month=1 + run % 12, day=1 + run // 12)
            m_plain = make_meeting(plain, group_p, people_p, day)
            m_armed = make_meeting(armed, group_a, people_a, day)
            rows = rows_of(plain, m_plain)
            # Interleaved, so that machine noise hits measurement and baseline alike.
            plain_writes.append(time_rewrite_notes(plain, m_plain))
            armed_writes.append(time_rewrite_notes(armed, m_armed))
            deletes.append(time_delete(plain, m_plain, recorded=False)[0])
            elapsed, done = time_delete(armed, m_armed, recorded=True)
            recorded_deletes.append(elapsed)
            assert done is not None and len(done.changeset) >= rows, (len(done.changeset), rows)
            start = time.perf_counter()
            journal_service.undo(armed, done.changeset)
            undos.append(time.perf_counter() - start)
            assert rows_of(armed, m_armed) == rows
            journal_service.redo(armed, done.changeset)  # gone again for the next run's dates
            for _ in range(5):
                nothing.append(time_record_nothing(armed, recorded=False))
                nothing_recorded.append(time_record_nothing(armed, recorded=True))
        plain.close()
        armed.close()
    baseline = statistics.median(deletes)
    emit(
        "undo_journal_delete_big_meeting",
        statistics.median(recorded_deletes),
        baseline,
        None,
        rows=rows,
        runs=runs,
        budget_ms=100,
    )
    emit(
        "undo_journal_undo_big_meeting",
        statistics.median(undos),
        baseline,
        None,
        rows=rows,
        runs=runs,
        budget_ms=100,
    )
    emit(
        "undo_journal_record_nothing",
        statistics.median(nothing_recorded),
        statistics.median(nothing),
        None,
        runs=runs * 5,
    )
    emit(
        "undo_journal_write_not_recording",
        statistics.median(armed_writes),
        statistics.median(plain_writes),
        1.15,
        rows=ITEMS * NOTES * 2,
        runs=runs,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
