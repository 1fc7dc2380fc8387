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

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trygghetsrad.db import search_index
from trygghetsrad.db.models import Base

PLACES = [
    "Storåkers centrum",
    "Norrby torg",
    "Älvdalen",
    "Resecentrum",
    "Badplatsen vid Lillsjön",
    "Storåkerskolans skolgård",
    "Folkets park",
    "Idrottshallen",
    "Parkeringen vid Ica Kvantum",
    "Gång- och cykeltunneln vid Östra vägen",
    "Biblioteket",
    "Fritidsgården Gnistan",
]
TOPICS = [
    "Lägesbild från polisen",
    "Rapport från fältgruppen",
    "Skolans trygghetsarbete",
    "Nattvandring inför helgen",
    "Skadegörelse i {place}",
    "Otrygghet vid {place}",
    "Sommarlovsaktiviteter för unga",
    "Inför valborg",
    "Inför skolavslutningen",
    "Inför nyårsafton",
    "Uppföljning av medborgarlöftet",
    "Trygghetsvandring i {place}",
    "Samverkan med Storåkershem",
    "Narkotika bland unga",
    "Klotter och nedskräpning",
    "Belysning på gång- och cykelvägar",
    "Ungdomsmottagningens iakttagelser",
    "Räddningstjänstens insatser",
    "Brand i papperskorgar",
    "Lägesbild och indikatorer",
    "Åtgärdsplanens insatser",
    "Föräldrar på stan",
    "Orosanmälningar och SIP",
    "Mopedbuller i {place}",
    "Ekonomi och budget",
    "Information från kommunledningen",
    "Övriga frågor",
]
NOTES = [
    "Polisen rapporterar {n} anmälningar om skadegörelse sedan förra mötet, flest vid {place}.",
    "Fältassistenterna har mött grupper av unga vid {place} på fredagskvällar.",
    "Skolan ser färre kränkningar i år men fler konflikter på sociala medier.",
    "Storåkershem har bytt belysning i trapphusen och fått färre felanmälningar.",
    "Föräldrar på stan har haft {n} nattvandrare ute under helgerna.",
    "Räddningstjänsten har ryckt ut till {n} bränder i papperskorgar och containrar.",
    "Ungdomsmottagningen märker oro kring alkohol och narkotika i åttan och nian.",
    "Trygghetsvandringen samlade {n} boende; synpunkterna lämnas till gatuenheten.",
    "Kommunen har tagit emot medborgardialogens enkätsvar, {n} procent känner sig trygga.",
    "Diskussion om hur samverkan kring unga i riskzon kan bli tydligare.",
]
DECISIONS = [
    "Trygghetsrådet beslutar att lägga informationen till handlingarna.",
    "Trygghetsrådet beslutar att ge samordnaren i uppdrag att ta fram en plan för {place}.",
    "Gruppen beslutar att följa upp frågan vid nästa möte.",
    "Trygghetsrådet beslutar att fastställa lägesbilden.",
    "Gruppen beslutar att genomföra en trygghetsvandring vid {place}.",
]
ACTIONS = [
    "Kontakta gatuenheten om belysningen vid {place}",
    "Boka lokal för trygghetsvandringen",
    "Ta fram statistik över skadegörelse vid {place}",
    "Bjuda in Storåkershem till nästa möte",
    "Sammanställa fältgruppens iakttagelser",
    "Skicka ut inbjudan till föräldramöte",
    "Se över schemat för nattvandringen",
    "Informera skolorna om sommarlovsaktiviteterna",
    "Begära ut anmälningsstatistik från polisen",
    "Följa upp klottersaneringen vid {place}",
    "Uppdatera kontaktlistan för samverkan",
    "Skriva underlag till kommunstyrelsen",
]
EVENTS = [
    ("Valborgsfirande", 4, 30),
    ("Skolavslutning", 6, 12),
    ("Midsommar", 6, 20),
    ("Skolstart", 8, 18),
    ("Halloween", 10, 31),
    ("Nyårsafton", 12, 31),
    ("Studentfirande", 6, 5),
    ("Sportlov", 2, 20),
    ("Påsklov", 4, 7),
    ("Höstlov", 10, 30),
]
EVENT_KINDS = [
    "Nattvandring",
    "Trygghetsvandring i {place}",
    "Fältgruppen ute vid {place}",
    "Informationsträff för föräldrar",
    "Polisens medborgardialog",
    "Leverans av statistik",
    "Utbildning i samverkan",
    "Fritidsgårdens kvällsöppet",
    "Klottersanering vid {place}",
    "Möte med Storåkershem",
]
SOURCE_KINDS = [
    ("Anmälda brott", "police", "Polisen"),
    ("Trygghetsmätning", "survey", "Polisen"),
    ("Skolenkät", "survey", "Skolinspektionen"),
    ("Liv och hälsa ung", "survey", "Region Mittland"),
    ("Räddningstjänstens insatsstatistik", "statistics", "Räddningstjänsten Mittland"),
    ("Felanmälningar", "statistics", "Storåkershem AB"),
    ("Fältgruppens rapporter", "observation", "Socialtjänsten"),
    ("Medborgardialog", "dialogue", "Storåkers kommun"),
    ("Orosanmälningar", "statistics", "Socialtjänsten"),
    ("Klottermätning", "measurement", "Gatuenheten"),
]
AREAS = ["Storåker", "Centrum", "Norrby", "Älvdalen", "Riket"]
INDICATOR_KINDS = [
    ("Anmälda våldsbrott", "per 100 000 invånare"),
    ("Anmäld skadegörelse", "per 100 000 invånare"),
    ("Anmälda stölder", "per 100 000 invånare"),
    ("Anmälda narkotikabrott", "per 100 000 invånare"),
    ("Bränder i det fria", "antal"),
    ("Felanmälningar om klotter", "antal"),
    ("Andel som känner sig trygga", "procent"),
]
OBSERVATIONS = [
    "Unga samlas vid {place} sena kvällar",
    "Ökad nedskräpning vid {place}",
    "Mopedåkning på gångvägar vid {place}",
    "Narkotikaförsäljning misstänks vid {place}",
    "Trasig belysning vid {place}",
    "Äldre undviker {place} efter mörkrets inbrott",
]


@dataclass
class Counts:
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, n: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + n


def _existing_tables(session: Session) -> set[str]:
    names = {
        row[0]
        for row in session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    return names & set(Base.metadata.tables)


def _fallback(column: sa.Column[Any], today: date) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.DateTime):
        return datetime.combine(today, time(12))
    if isinstance(kind, sa.Date):
        return today
    if isinstance(kind, sa.Time):
        return time(12)
    if isinstance(kind, sa.Integer | sa.Float | sa.Numeric):
        return 0
    if isinstance(kind, sa.LargeBinary):
        return b""
    return ""


class _Writer:
    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self.tables = _existing_tables(session)
        self.counts = Counts()

    def has(self, *tables: str) -> bool:
        return all(t in self.tables for t in tables)

    def next_id(self, table: str) -> int:
        value = self.session.connection().exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar()
        return int(value or 0) + 1

    def insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        if not rows or name not in self.tables:
            return
        table = Base.metadata.tables[name]
        known = set(table.c.keys())
        required = [
            c
            for c in table.c
            if not c.nullable
            and not c.primary_key
            and c.default is None
            and c.server_default is None
        ]
        keys: set[str] = set()
        for row in rows:
            keys.update(k for k in row if k in known)
        for c in required:
            keys.add(c.name)
        clean = []
        for row in rows:
            item = {k: row[k] for k in keys if k in row}
            for c in table.c:
                if c.name in keys and c.name not in item:
                    if c.default is not None and getattr(c.default, "is_scalar", False):
                        item[c.name] = c.default.arg
                    elif c.nullable:
                        item[c.name] = None
                    else:
                        item[c.name] = _fallback(c, self.today)
            clean.append(item)
        for start in range(0, len(clean), 5000):
            self.session.execute(table.insert(), clean[start : start + 5000])
        self.counts.add(name, len(clean))


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
    w = _Writer(session, today)
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


def _meetings(
    w: _Writer,
    rng: random.Random,
    start: date,
    today: date,
    people: list[int],
    groups: dict[str, int],
) -> None:
    meeting_id = w.next_id("meetings")
    item_id = w.next_id("agenda_items")
    note_id = w.next_id("agenda_notes") if w.has("agenda_notes") else 1
    decision_id = w.next_id("decisions") if w.has("decisions") else 1
    action_id = w.next_id("action_items") if w.has("action_items") else 1
    meetings, links, attendance, items, notes, decisions, actions = [], [], [], [], [], [], []
    responsibles: list[dict[str, Any]] = []
    previous: dict[str, int] = {}
    for day, group in _meeting_days(start, today, rng):
        council = group == "Trygghetsrådet"
        past = day < today
        status = ("sent" if day < today - timedelta(days=30) else "draft") if past else "planned"
        meetings.append(
            {
                "id": meeting_id,
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
        previous[group] = meeting_id
        if group in groups:
            links.append({"meeting_id": meeting_id, "group_id": groups[group], "position": 0})
        for position, person in enumerate(rng.sample(people, min(len(people), 8))):
            attendance.append(
                {
                    "meeting_id": meeting_id,
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
            items.append(
                {
                    "id": item_id,
                    "meeting_id": meeting_id,
                    "position": position,
                    "title": _fmt(topic, rng),
                    "kind": "normal",
                    "body": _fmt(rng.choice(NOTES), rng) if rng.random() < 0.3 else "",
                    "internal": rng.random() < 0.05,
                }
            )
            if past:
                for n in range(rng.randint(1, 2)):
                    notes.append(
                        {
                            "id": note_id,
                            "item_id": item_id,
                            "position": n,
                            "text": _fmt(rng.choice(NOTES), rng),
                            "level": 0,
                            "internal": False,
                        }
                    )
                    note_id += 1
                if council and rng.random() < 0.6:
                    decisions.append(
                        {
                            "id": decision_id,
                            "item_id": item_id,
                            "position": 0,
                            "text": _fmt(rng.choice(DECISIONS), rng),
                            "internal": False,
                        }
                    )
                    decision_id += 1
            for n in range(rng.choice((1, 2, 2, 2, 3))):
                due = day + timedelta(days=rng.randint(7, 60))
                done = due < today - timedelta(days=14) or rng.random() < 0.2
                actions.append(
                    {
                        "id": action_id,
                        "item_id": item_id,
                        "position": n,
                        "what": _fmt(rng.choice(ACTIONS), rng),
                        "due_date": due,
                        "status": "done" if done else "open",
                        "internal": False,
                        "carried_count": 0 if done else rng.randint(0, 2),
                        "closed_on": due if done else None,
                    }
                )
                if people:
                    responsibles.append(
                        {"action_id": action_id, "position": 0, "person_id": rng.choice(people)}
                    )
                action_id += 1
            item_id += 1
        meeting_id += 1
    w.insert("meetings", meetings)
    w.insert("meeting_groups", links)
    w.insert("attendance", attendance)
    w.insert("agenda_items", items)
    w.insert("agenda_notes", notes)
    w.insert("decisions", decisions)
    w.insert("action_items", actions)
    w.insert("action_responsibles", responsibles)


def _wheel(w: _Writer, rng: random.Random, first_year: int, today: date) -> None:
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


def _sources(w: _Writer, rng: random.Random, first_year: int, today: date) -> None:
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


def _indicators(w: _Writer, rng: random.Random, first_year: int, today: date) -> None:
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


def _observations(w: _Writer, rng: random.Random, start: date, today: date) -> None:
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


def _plans(w: _Writer, rng: random.Random, first_year: int, today: date, people: list[int]) -> None:
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
