"""Years of history for the example municipality: the data of a council that used the app long.

`demo --years N` first lays down the ordinary example data, then this module adds N years of
meetings (with agenda, notes, decisions, actions and attendance), annual-wheel events, data
sources, indicators with monthly values, observations and action plans — deterministic for a
given date and N. Rows are written with bulk Core inserts (ten years in a few seconds), so the
search index is rebuilt once at the end. Only workspaces whose tables exist are filled; every
column the generator does not know but the schema requires gets a neutral value.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.db import search_index
from trygghetsrad.demo.scale_data import (
    ACTIONS,
    AREAS,
    DECISIONS,
    EVENT_KINDS,
    EVENTS,
    INDICATOR_KINDS,
    NOTES,
    OBSERVATIONS,
    PLACES,
    SOURCE_KINDS,
    TOPICS,
)
from trygghetsrad.demo.scale_writer import Writer


def _ids(session: Session, sql: str) -> list[int]:
    return [row[0] for row in session.connection().exec_driver_sql(sql)]


def _fmt(template: str, rng: random.Random) -> str:
    return template.format(place=rng.choice(PLACES), n=rng.randint(2, 40))


def _days(start: date, end: date, step: int) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=step)


def fill_history(session: Session, *, years: int, today: date) -> dict[str, int]:
    """Add `years` years of history up to `today`; return how many rows each table got."""
    rng = random.Random(f"storåker-{years}-{today.isoformat()}")
    w = Writer(session, today)
    first_year = today.year - years + 1
    start = date(first_year, 1, 1)
    people = _ids(session, "SELECT id FROM people ORDER BY id") or []
    groups: dict[str, int] = dict(
        session.connection().exec_driver_sql("SELECT name, id FROM groups").fetchall()
    )
    if w.has("meetings", "agenda_items"):
        _meetings(w, rng, start, today, people, groups)
    if w.has("wheel_events", "wheel_categories"):
        _wheel(w, rng, first_year, today)
    if w.has("data_sources"):
        _sources(w, rng, first_year, today)
    if w.has("indicators", "indicator_values"):
        _indicators(w, rng, first_year, today)
    if w.has("observations"):
        _observations(w, rng, start, today)
    if w.has("action_plans"):
        _plans(w, rng, first_year, today, people)
    session.flush()
    search_index.rebuild_index(session)
    return dict(sorted(w.counts.rows.items()))


def _meeting_days(start: date, today: date, rng: random.Random) -> list[tuple[date, str]]:
    end = date(today.year, 12, 31)
    result = []
    for year in range(start.year, end.year + 1):
        for month in (2, 3, 4, 6, 9, 10, 11, 12):  # the council, eight times a year
            result.append((date(year, month, 8 + rng.randint(0, 12)), "Trygghetsrådet"))
    # The working group every other week, except in July.
    for day in _days(start + timedelta(days=3), end, 14):
        if day.month != 7:
            result.append((day, "Klara-gruppen"))
    return sorted(result)


@dataclass
class _MeetingRows:
    """The rows of the history's meetings as they are made, with the next id of each table."""

    meeting_id: int
    item_id: int
    note_id: int
    decision_id: int
    action_id: int
    meetings: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    responsibles: list[dict[str, Any]] = field(default_factory=list)


def _meetings(
    w: Writer,
    rng: random.Random,
    start: date,
    today: date,
    people: list[int],
    groups: dict[str, int],
) -> None:
    rows = _MeetingRows(
        meeting_id=w.next_id("meetings"),
        item_id=w.next_id("agenda_items"),
        note_id=w.next_id("agenda_notes") if w.has("agenda_notes") else 1,
        decision_id=w.next_id("decisions") if w.has("decisions") else 1,
        action_id=w.next_id("action_items") if w.has("action_items") else 1,
    )
    previous: dict[str, int] = {}
    for day, group in _meeting_days(start, today, rng):
        _meeting(rows, rng, day, group, today, people, previous)
        if group in groups:
            rows.links.append(
                {"meeting_id": rows.meeting_id, "group_id": groups[group], "position": 0}
            )
        for position, person in enumerate(rng.sample(people, min(len(people), 8))):
            rows.attendance.append(
                {
                    "meeting_id": rows.meeting_id,
                    "person_id": person,
                    "presence": "present" if rng.random() < 0.85 else "excused",
                    "role": "ledamot",
                    "member": True,
                    "position": position,
                }
            )
        n_items = rng.randint(11, 17)
        topics = rng.sample(TOPICS, n_items)
        for position, topic in enumerate(topics):
            _item(rows, rng, day, today, position, topic, group == "Trygghetsrådet", people)
        rows.meeting_id += 1
    w.insert("meetings", rows.meetings)
    w.insert("meeting_groups", rows.links)
    w.insert("attendance", rows.attendance)
    w.insert("agenda_items", rows.items)
    w.insert("agenda_notes", rows.notes)
    w.insert("decisions", rows.decisions)
    w.insert("action_items", rows.actions)
    w.insert("action_responsibles", rows.responsibles)


def _meeting(
    rows: _MeetingRows,
    rng: random.Random,
    day: date,
    group: str,
    today: date,
    people: list[int],
    previous: dict[str, int],
) -> None:
    """The meeting's own row: sent a month after it was held, a draft until then."""
    council = group == "Trygghetsrådet"
    past = day < today
    status = ("sent" if day < today - timedelta(days=30) else "draft") if past else "planned"
    rows.meetings.append(
        {
            "id": rows.meeting_id,
            "title": group if rng.random() < 0.97 else f"{group}, extra möte",
            "kind": "protocol" if council else "notes",
            "status": status,
            "day": day,
            "start_time": time(13 if council else 9, 0),
            "end_time": time(15 if council else 11, 0),
            "place": "Kommunhuset, sal Storåker" if council else rng.choice(PLACES[:6]),
            "chair_id": people[1] if council and len(people) > 1 else None,
            "secretary_id": people[0] if people else None,
            "finalised_on": day + timedelta(days=7) if status == "sent" else None,
            "sent_on": day + timedelta(days=8) if status == "sent" else None,
            "previous_meeting_id": previous.get(group),
            "sequence": 0,
        }
    )
    previous[group] = rows.meeting_id


def _item(
    rows: _MeetingRows,
    rng: random.Random,
    day: date,
    today: date,
    position: int,
    topic: str,
    council: bool,
    people: list[int],
) -> None:
    """An agenda item with, once held, its notes and (in the council) a decision, and its
    actions."""
    item_id = rows.item_id
    rows.items.append(
        {
            "id": item_id,
            "meeting_id": rows.meeting_id,
            "position": position,
            "title": _fmt(topic, rng),
            "kind": "normal",
            "body": _fmt(rng.choice(NOTES), rng) if rng.random() < 0.3 else "",
            "internal": rng.random() < 0.05,
        }
    )
    if day < today:
        for n in range(rng.randint(1, 2)):
            rows.notes.append(
                {
                    "id": rows.note_id,
                    "item_id": item_id,
                    "position": n,
                    "text": _fmt(rng.choice(NOTES), rng),
                    "level": 0,
                    "internal": False,
                }
            )
            rows.note_id += 1
        if council and rng.random() < 0.6:
            rows.decisions.append(
                {
                    "id": rows.decision_id,
                    "item_id": item_id,
                    "position": 0,
                    "text": _fmt(rng.choice(DECISIONS), rng),
                    "internal": False,
                }
            )
            rows.decision_id += 1
    for n in range(rng.choice((1, 2, 2, 2, 3))):
        due = day + timedelta(days=rng.randint(7, 60))
        done = due < today - timedelta(days=14) or rng.random() < 0.2
        rows.actions.append(
            {
                "id": rows.action_id,
                "item_id": item_id,
                "position": n,
                "what": _fmt(rng.choice(ACTIONS), rng),
                "due_date": due,
                "status": "done" if done else "open",
                "internal": False,
                "carried_count": 0 if done else rng.randint(0, 2),
                "closed_on": min(due, today) if done else None,  # never closed in the future
            }
        )
        if people:
            rows.responsibles.append(
                {"action_id": rows.action_id, "position": 0, "person_id": rng.choice(people)}
            )
        rows.action_id += 1
    rows.item_id += 1


def _wheel(w: Writer, rng: random.Random, first_year: int, today: date) -> None:
    categories = _ids(w.session, "SELECT id FROM wheel_categories ORDER BY position, id")
    if not categories:
        return
    events = []
    for year in range(first_year, today.year + 1):
        for title, month, day in EVENTS:
            events.append(
                {
                    "title": f"{title} {year}",
                    "category_id": categories[0],
                    "start_date": date(year, month, min(day, 28)),
                    "place": rng.choice(PLACES),
                    "description": "Extra insatser av polis, fältare och nattvandrare.",
                    "responsible": "Samordnaren",
                    "frequency": "none",
                }
            )
        for _ in range(300):
            start = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
            events.append(
                {
                    "title": _fmt(rng.choice(EVENT_KINDS), rng),
                    "category_id": rng.choice(categories),
                    "start_date": start,
                    "end_date": start + timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                    "start_time": time(rng.choice((9, 13, 18, 19)), 0),
                    "place": rng.choice(PLACES),
                    "description": _fmt(rng.choice(NOTES), rng),
                    "responsible": rng.choice(("Polisen", "Fältgruppen", "Samordnaren")),
                    "internal": rng.random() < 0.05,
                    "frequency": "none",
                }
            )
    for event in events:
        if event.get("end_date") == event["start_date"]:
            event["end_date"] = None
    w.insert("wheel_events", events)


def _sources(w: Writer, rng: random.Random, first_year: int, today: date) -> None:
    existing = {
        row[0] for row in w.session.connection().exec_driver_sql("SELECT name FROM data_sources")
    }
    rows = []
    for year in range(first_year, today.year + 1):
        for area in AREAS[:2]:
            for name, kind, provider in SOURCE_KINDS:
                full = f"{name} {year}, {area}"
                if full in existing:
                    continue
                received = date(year, rng.randint(2, 11), rng.randint(1, 28))
                # Each year's delivery is a source of its own, so only this year's sources
                # wait for anything: the next delivery, or (now and then, as in a real
                # coordinator's list) this year's, which is late. Earlier years' deliveries
                # came; their successor is the next year's source.
                late = year == today.year and received <= today and rng.random() < 0.15
                arrived = received <= today and not late
                if year < today.year:
                    expected = None
                elif arrived:
                    expected = date(year + 1, received.month, received.day)
                else:
                    expected = received
                rows.append(
                    {
                        "name": full,
                        "kind": kind,
                        "description": f"{name} för {area} under {year}, levererat av {provider}.",
                        "provider_name": provider,
                        "frequency": "yearly",
                        "last_received": received if arrived else None,
                        "next_expected": expected,
                        "geographic_level": "municipality" if area == "Storåker" else "district",
                        "status": "available" if arrived else "requested",
                        "internal": False,
                        "note": "",
                    }
                )
    w.insert("data_sources", rows)


def _indicators(w: Writer, rng: random.Random, first_year: int, today: date) -> None:
    existing = {
        row[0] for row in w.session.connection().exec_driver_sql("SELECT name FROM indicators")
    }
    indicator_id = w.next_id("indicators")
    indicators, values = [], []
    for variant in ("", " (unga 15–24 år)", " (kvällstid)", " (helger)", " (centrum)", " (skolor)"):
        for name, unit in INDICATOR_KINDS:
            full = f"{name}{variant}"
            if full in existing:
                continue
            indicators.append(
                {
                    "id": indicator_id,
                    "name": full,
                    "unit": unit,
                    "description": f"{name} per månad, Storåker jämfört med riket.",
                    "chart_kind": "line",
                    "main_area": "Storåker",
                    "comparison_area": "Riket",
                    "higher_is_worse": "trygga" not in name,
                }
            )
            percent = unit == "procent"
            base = rng.uniform(60, 85) if percent else rng.uniform(20, 400)
            # A share stays a share: a random walk between 1 and 99 %.
            low, high = (1.0, 99.0) if percent else (0.0, float("inf"))
            for area in AREAS:
                level = min(high, base * rng.uniform(0.7, 1.3))
                for year in range(first_year, today.year + 1):
                    for month in range(1, 13):
                        if date(year, month, 1) > today:
                            break
                        level = min(high, max(low, level * rng.uniform(0.95, 1.05)))
                        values.append(
                            {
                                "indicator_id": indicator_id,
                                "area": area,
                                "period": f"{year}-{month:02d}",
                                "value": round(level, 1),
                            }
                        )
            indicator_id += 1
    w.insert("indicators", indicators)
    w.insert("indicator_values", values)


def _observations(w: Writer, rng: random.Random, start: date, today: date) -> None:
    rows = []
    for day in _days(start, today, 12):
        rows.append(
            {
                "title": _fmt(rng.choice(OBSERVATIONS), rng),
                "description": _fmt(rng.choice(NOTES), rng),
                "place": rng.choice(PLACES),
                "category": rng.choice(("youth", "vandalism", "drugs", "unsafe_place", "other")),
                "trend": rng.choice(("rising", "falling", "unchanged", "unknown")),
                "observed_on": day,
                "reported_by": rng.choice(("Fältgruppen", "Polisen", "Storåkershem", "Skolan")),
            }
        )
    w.insert("observations", rows)


def _plans(w: Writer, rng: random.Random, first_year: int, today: date, people: list[int]) -> None:
    plan_id = w.next_id("action_plans")
    problem_id = w.next_id("problems") if w.has("problems") else 1
    plans, problems, causes, measures = [], [], [], []
    for year in range(first_year, today.year + 1):
        plans.append(
            {
                "id": plan_id,
                "title": f"Åtgärdsplan för ett tryggare Storåker {year}",
                "period_start": date(year, 1, 1),
                "period_end": date(year, 12, 31),
                "status": "utkast" if year == today.year else "antagen",
                "version": 1,
                "adopted_by": "" if year == today.year else "Kommunstyrelsen",
                "adopted_on": None if year == today.year else date(year, 2, 15),
                "note": "",
            }
        )
        for position in range(4):
            problems.append(
                {
                    "id": problem_id,
                    "title": _fmt(rng.choice(OBSERVATIONS), rng),
                    "description": _fmt(rng.choice(NOTES), rng),
                    "prioritised": True,
                    "position": position,
                    "internal": False,
                    "created_at": datetime(year, 1, 20, 9, 0),  # noted for that year's plan
                }
            )
            for n in range(4):
                causes.append(
                    {
                        "problem_id": problem_id,
                        "position": n,
                        "title": rng.choice(
                            (
                                "Brist på meningsfull fritid",
                                "Dålig belysning",
                                "Få vuxna ute på kvällarna",
                                "Lång väntan på insatser",
                                "Otydlig samverkan",
                            )
                        ),
                        "kind": "situationell" if n % 2 else "social",
                        "description": _fmt(rng.choice(NOTES), rng),
                        "internal": False,
                    }
                )
            problem_id += 1
        for position in range(8):
            measures.append(
                {
                    "plan_id": plan_id,
                    "position": position,
                    "title": _fmt(rng.choice(ACTIONS), rng),
                    "description": _fmt(rng.choice(NOTES), rng),
                    "responsible_person_id": rng.choice(people) if people else None,
                    "start_date": date(year, 3, 1),
                    "end_date": date(year, 11, 30),
                    "status": "genomförd" if year < today.year else "pågår",
                    "internal": False,
                }
            )
        plan_id += 1
    w.insert("action_plans", plans)
    w.insert("problems", problems)
    w.insert("causes", causes)
    w.insert("measures", measures)
