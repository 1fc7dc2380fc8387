"""Example meetings: the reference joint meeting, then four meetings a year for each group.

Meetings after `today` are planned; the latest held meeting of a group is a draft, the one
before it finalised, older ones sent. Actions are closed, carried and left open along the way.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.demo import meetings_structure as structure
from trygghetsrad.demo.meetings_reference import REFERENCE_ITEMS
from trygghetsrad.domain.meetings.model import (
    AgendaItemData,
    MeetingDetail,
    MeetingKind,
    NextMeetingPlan,
    Note,
    Presence,
    Responsible,
)
from trygghetsrad.services.meetings import actions, agenda, attendance
from trygghetsrad.services.meetings import lifecycle as svc

TEAMS = "digitalt via Teams"
TOWN_HALL = "Kommunhuset, sammanträdesrum Älven"
COORDINATOR_TITLE = "folkhälsostrateg och samordnare för Trygghetsrådet och Klara-gruppen"

TEMPLATES = {
    "klara": [
        "Mötets öppnande",
        "Uppföljning av uppdrag",
        "Lägesrapporter från skola, socialtjänst, fältare och polis",
        "Aktuellt i Storåker",
        "Övriga frågor",
        "Nästa möte",
    ],
    "trygghetsradet": [
        "Mötets öppnande och val av justerare",
        "Uppföljning av uppdrag",
        "Polisens lägesbild",
        "Åtgärdsplanen – uppföljning",
        "Övriga frågor",
        "Nästa möte",
    ],
}

STANDARD_NOTES = {
    "Mötets öppnande": [(0, "Ordföranden hälsar välkommen och dagordningen godkänns.")],
    "Mötets öppnande och val av justerare": [
        (0, "Ordföranden öppnar mötet. Dagordningen godkänns."),
    ],
    "Lägesrapporter från skola, socialtjänst, fältare och polis": [
        (0, "Skolan: lugnt under perioden, ökad frånvaro i årskurs 8 följs upp av elevhälsan."),
        (0, "Fältarna: fler ungdomar vid busstationen fredagskvällar."),
        (1, "Fältarna förlägger passen dit under de närmaste veckorna."),
        (0, "Polisen: några anmälningar om skadegörelse vid idrottsplatsen."),
    ],
    "Aktuellt i Storåker": [
        (0, "Föräldrar på stan har fått fem nya nattvandrare."),
        (0, "Fritidsgården har förlängt öppettiderna på fredagar."),
    ],
    "Polisens lägesbild": [
        (0, "Antalet anmälda brott i kommunen ligger i nivå med föregående år."),
        (0, "Narkotikabrotten har ökat något, främst bland unga vuxna."),
        (1, "Polisen gör riktade insatser i centrum under helgerna."),
    ],
    "Åtgärdsplanen – uppföljning": [
        (0, "Belysningen i gångtunneln vid stationen är åtgärdad."),
        (0, "Trygghetsvandringen i Norrby genomförs i vår tillsammans med Storåkershem."),
    ],
    "Övriga frågor": [(0, "Inga övriga frågor.")],
}

COUNCIL_ACTIONS = [
    ("Ta fram underlag om trygghetskameror vid busstationen", "polis"),
    ("Kartlägga belysningen på gång- och cykelvägarna i Norrby", "bostad"),
    ("Sammanställa skadegörelsekostnaderna för förra året", "bostad"),
    ("Planera trygghetsvandring i centrum tillsammans med polisen", "kommun"),
]
GROUP_ACTIONS = [
    ("Bjuda in fritidsgården till nästa möte", "fritid"),
    ("Ta fram schema för fältarnas helgpass under sommarlovet", "faltare1"),
    ("Följa upp frånvaron i årskurs 8 med elevhälsan", "kurator"),
    ("Kontakta Föräldrar på stan om nattvandring vid skolavslutningen", "forening"),
    ("Samla in skolornas enkätresultat om trygghet", "rektor"),
]


def _thursday(year: int, month: int, week_of_month: int) -> date:
    day = date(year, month, 1)
    day += timedelta(days=(3 - day.weekday()) % 7)
    return day + timedelta(weeks=week_of_month)


def fill(session: Session, ctx: DemoContext) -> None:
    for key, titles in TEMPLATES.items():
        agenda.create_template(
            session, group_id=ctx.groups[key], name="Standarddagordning", items=titles
        )
    structure.fill_phrases(session)
    all_actions: dict[str, int] = {}
    ctx.extra["action_items"] = all_actions
    ref, item_ids = _reference_meeting(session, ctx)
    _reference_actions(session, ctx, item_ids, all_actions)
    klara_next, council_next = _reference_attendance_and_next(session, ctx, ref)
    meetings_by_group = {"klara": [ref, klara_next], "trygghetsradet": [ref, council_next]}
    _plan_two_years(session, ctx, meetings_by_group)
    ctx.extra["meetings"] = _hold_in_order(session, ctx, meetings_by_group, ref, all_actions)


def _reference_meeting(session: Session, ctx: DemoContext) -> tuple[int, list[int]]:
    """1. The reference meeting: a joint meeting in February of the previous year, with the
    items and notes of the reference minutes; its id and its items' ids."""
    people, groups = ctx.people, ctx.groups
    y0 = ctx.year - 1
    reference_day = _thursday(y0, 2, 1)
    ref = svc.create_meeting(
        session,
        group_ids=[groups["trygghetsradet"], groups["klara"]],
        day=reference_day,
        start_time=time(9, 0),
        end_time=time(15, 0),
        place=TOWN_HALL,
        kind=MeetingKind.NOTES,
        chair_id=people["kommunalrad"],
        secretary_id=people["samordnare"],
        secretary_title=COORDINATOR_TITLE,
    ).id
    ctx.extra["reference_meeting"] = ref
    svc.start_minutes(session, ref)
    years = {"y0": y0 - 1, "y": y0, "y1": y0 + 1, "y2": y0 + 2, "y3": y0 + 3}
    item_ids = []
    for title, body, bullets in REFERENCE_ITEMS:
        kind = "next_meeting" if title == "Nästa möte" else "normal"
        item = agenda.add_item(
            session, ref, title=title.format(**years), body=body.format(**years), kind=kind
        ).id
        item_ids.append(item)
        agenda.set_notes(
            session,
            item,
            [Note(text.format(**years), max(lvl, 0), paragraph=lvl < 0) for lvl, text in bullets],
        )
    return ref, item_ids


def _reference_actions(
    session: Session, ctx: DemoContext, item_ids: list[int], all_actions: dict[str, int]
) -> None:
    """The actions the reference minutes give."""
    people = ctx.people
    y0 = ctx.year - 1
    all_actions["dialogue_summary"] = actions.add_action(
        session,
        item_ids[2],
        what="Sammanställa dialogmaterialet från lägesbildsarbetet och presentera det",
        responsible_person_id=people["samordnare"],
        due_date=_thursday(y0, 5, 1),
    ).id
    # "ansvarar samordnare … samt kommunpolis": one action, two responsible.
    all_actions["citizen_dialogue"] = actions.add_action(
        session,
        item_ids[0],
        what="Planera medborgardialog under Kulturnatten",
        responsibles=[
            Responsible(person_id=people["samordnare"]),
            Responsible(person_id=people["kommunpolis"]),
        ],
        due_date=date(y0, 5, 26),
    ).id
    all_actions["police_at_festival"] = actions.add_action(
        session,
        item_ids[0],
        what="Säkerställa polisens närvaro vid End of summer meet",
        responsible_person_id=people["kommunpolis"],
        due_date=date(y0, 8, 1),
    ).id
    all_actions["night_walks"] = actions.add_action(
        session,
        item_ids[0],
        what="Träffa civilsamhällets grupp för kvälls- och föräldravandringar",
        responsible_organisation_id=ctx.organisations["soc"],
        due_date=date(y0, 4, 30),
    ).id
    all_actions["field_worker_post"] = actions.add_action(
        session,
        item_ids[0],
        what="Tillsätta den vakanta fältassistenttjänsten",
        responsible_person_id=people["soc_chef"],
        due_date=date(y0, 6, 30),
    ).id


def _reference_attendance_and_next(session: Session, ctx: DemoContext, ref: int) -> tuple[int, int]:
    """Who came to the reference meeting, and the two next meetings it planned."""
    people, groups = ctx.people, ctx.groups
    y0 = ctx.year - 1
    attendance.mark_unrecorded_present(session, ref)  # then the exceptions
    rows = {a.person_id: a.id for a in attendance.list_attendance(session, ref)}
    attendance.set_presence(session, rows[people["brandchef"]], Presence.EXCUSED)
    attendance.set_presence(session, rows[people["faltare2"]], Presence.EXCUSED)
    attendance.set_presence(session, rows[people["ungdom"]], Presence.ABSENT)
    attendance.add_attendee(
        session, ref, name="Nils Berglund", organisation="Länsstyrelsen Mittland"
    )
    klara_next, council_next = svc.plan_next_meetings(
        session,
        ref,
        [
            NextMeetingPlan(
                (groups["klara"],), _thursday(y0, 5, 1), time(10), time(12), online_link=TEAMS
            ),
            NextMeetingPlan(
                (groups["trygghetsradet"],),
                _thursday(y0, 5, 1),
                time(13),
                time(15),
                online_link=TEAMS,
            ),
        ],
    )
    return klara_next, council_next


def _plan_two_years(
    session: Session, ctx: DemoContext, meetings_by_group: dict[str, list[int]]
) -> None:
    """2. The rest of the two years: Feb (current year), May, September and November, each
    with its group's standard agenda."""
    people, groups = ctx.people, ctx.groups
    y0 = ctx.year - 1
    for key, start, end, last in (
        ("klara", time(10), time(12), (11, 2)),
        ("trygghetsradet", time(13), time(15), (12, 1)),
    ):
        schedule = [(y0, 9, 2), (y0, *last), (ctx.year, 2, 1), (ctx.year, 5, 2), (ctx.year, 9, 2)]
        for year, month, week in [*schedule, (ctx.year, *last)]:
            protocol = key == "trygghetsradet" and year == ctx.year
            meetings_by_group[key].append(
                svc.create_meeting(
                    session,
                    group_ids=[groups[key]],
                    day=_thursday(year, month, week),
                    start_time=start,
                    end_time=end,
                    place=TOWN_HALL if month != 5 else "",
                    online_link=TEAMS if month == 5 else "",
                    kind=MeetingKind.PROTOCOL if protocol else MeetingKind.NOTES,
                    chair_id=people["kommunalrad" if key == "trygghetsradet" else "soc_chef"],
                    secretary_id=people["samordnare"],
                    secretary_title=COORDINATOR_TITLE,
                    adjuster_id=people["polischef"] if protocol else None,
                ).id
            )
    for key in meetings_by_group:
        for mid in meetings_by_group[key][1:]:
            if not agenda.get_agenda(session, mid):
                template = agenda.list_templates(session, group_id=groups[key])[0]
                agenda.apply_template(session, mid, template.id)


def _hold_in_order(
    session: Session,
    ctx: DemoContext,
    meetings_by_group: dict[str, list[int]],
    ref: int,
    all_actions: dict[str, int],
) -> list[int]:
    """3. Hold the meetings in date order: notes, attendance, actions, status; every
    meeting's id in that order."""
    ordered = sorted(
        {m for ids in meetings_by_group.values() for m in ids},
        key=lambda m: (svc.get_meeting(session, m).day, m),
    )
    held = [m for m in ordered if svc.get_meeting(session, m).day <= ctx.today]
    latest, second = _last_two_held(meetings_by_group, held)
    protocols = [m for m in ordered if svc.get_meeting(session, m).kind is MeetingKind.PROTOCOL]
    showcase = {protocols[0]} if protocols else set()  # and the first one still planned:
    showcase |= {next((m for m in protocols if m not in held), -1)}
    for index, mid in enumerate(ordered):
        if mid in protocols and mid not in held:
            structure.dress_protocol(session, ctx, mid, showcase=mid in showcase)
        if mid not in held:
            continue
        meeting = svc.get_meeting(session, mid)
        if mid != ref:
            _hold(session, ctx, mid, index, all_actions)
            if mid in protocols:
                structure.dress_protocol(session, ctx, mid, showcase=mid in showcase)
            meeting = svc.get_meeting(session, mid)
        if mid in latest:
            continue  # still a draft
        svc.finalise(session, mid, on=meeting.day + timedelta(days=3))
        if mid not in second:
            svc.mark_sent(session, mid, on=meeting.day + timedelta(days=5))
    # The next meetings of the current year that lie ahead, with the day's date as reference.
    return ordered


def _last_two_held(
    meetings_by_group: dict[str, list[int]], held: list[int]
) -> tuple[set[int], set[int]]:
    """Each group's latest held meeting (its minutes still a draft) and the one before it
    (finalised, not yet sent)."""
    per_group = [[m for m in meetings_by_group[k] if m in held] for k in meetings_by_group]
    latest = {ids_[-1] for ids_ in per_group if ids_}
    second = {ids_[-2] for ids_ in per_group if len(ids_) > 1}
    return latest, second


def _fresh(choices: list[tuple[str, str]], index: int, taken: set[str]) -> tuple[str, str] | None:
    """The first of `choices` from `index` on (cyclically) whose text is not in `taken`."""
    for step in range(len(choices)):
        what, who = choices[(index + step) % len(choices)]
        if what not in taken:
            return what, who
    return None


def _hold(
    session: Session, ctx: DemoContext, mid: int, index: int, all_actions: dict[str, int]
) -> None:
    """A held meeting: attendance with some absent, standard notes, actions followed up and
    closed, a new action, and for a protocol its decisions and an internal item."""
    meeting = svc.get_meeting(session, mid)
    if meeting.status.value == "planned":
        svc.start_minutes(session, mid)
    _attendance(session, ctx, meeting, index)
    items = _notes_and_closures(session, meeting, all_actions)
    normal = [i for i in items if i.kind.value == "normal"]
    _new_action(session, ctx, meeting, normal, index, all_actions)
    if meeting.kind is MeetingKind.PROTOCOL and normal:
        _protocol_items(session, mid, normal)


def _attendance(session: Session, ctx: DemoContext, meeting: MeetingDetail, index: int) -> None:
    """Everyone present but a member or two, and now and then a substitute."""
    people = ctx.people
    mid = meeting.id
    attendance.mark_unrecorded_present(session, mid)  # then the exceptions
    rows = attendance.list_attendance(session, mid)
    officers = {meeting.chair_id, meeting.secretary_id, meeting.adjuster_id}
    members = [
        r
        for r in rows
        if r.member and r.presence is Presence.PRESENT and r.person_id not in officers
    ]
    if members:
        attendance.set_presence(session, members[(index * 3 + 2) % len(members)].id, "excused")
        if index % 3 == 0 and len(members) > 4:
            attendance.set_presence(session, members[(index * 5 + 1) % len(members)].id, "absent")
    by_person = {r.person_id: r.id for r in rows}
    if people["ekonom"] in by_person and people["brandchef"] in by_person and index % 2 == 0:
        attendance.set_presence(session, by_person[people["brandchef"]], "excused")
        attendance.set_presence(
            session,
            by_person[people["ekonom"]],
            "substitute",
            substitute_for_id=people["brandchef"],
        )


def _notes_and_closures(
    session: Session, meeting: MeetingDetail, all_actions: dict[str, int]
) -> list[AgendaItemData]:
    """The standard notes under each item, and the actions the story closes at this
    meeting; the meeting's items."""
    mid = meeting.id
    items = agenda.get_agenda(session, mid)
    for item in items:
        bullets = STANDARD_NOTES.get(item.title)
        if bullets:
            agenda.set_notes(session, item.id, [Note(t, lvl) for lvl, t in bullets])
    followed = actions.followup(session, mid)
    for action in followed:
        if (
            action.id == all_actions.get("dialogue_summary")
            or (action.id == all_actions.get("night_walks") and action.carried_count >= 1)
            or action.id == all_actions.get("field_worker_post")
            and action.carried_count >= 2
        ):
            actions.close_action(session, action.id, on=meeting.day, meeting_id=mid)
    return items


def _new_action(
    session: Session,
    ctx: DemoContext,
    meeting: MeetingDetail,
    normal: list[AgendaItemData],
    index: int,
    all_actions: dict[str, int],
) -> None:
    """A new action under the third ordinary item (a decision too in a protocol)."""
    people, mid = ctx.people, meeting.id
    # A new action never repeats one that is still open for the group (the notice and the
    # minutes would list the same task twice).
    still_open = {a.what for a in actions.followup(session, mid) if a.open}
    if len(normal) >= 3:
        target = normal[2]
        key = f"action_{mid}"
        if meeting.kind is MeetingKind.PROTOCOL:
            agenda.set_decisions(
                session,
                target.id,
                ["Trygghetsrådet lägger informationen till handlingarna."],
            )
            choice = _fresh(COUNCIL_ACTIONS, index, still_open)
            if choice is not None:
                what, org = choice
                all_actions[key] = actions.add_action(
                    session,
                    target.id,
                    what=what,
                    responsible_organisation_id=ctx.organisations[org],
                    due_date=meeting.day + timedelta(days=60),
                ).id
        elif (choice := _fresh(GROUP_ACTIONS, index, still_open)) is not None:
            what, person = choice
            all_actions[key] = actions.add_action(
                session,
                target.id,
                what=what,
                responsible_person_id=people[person],
                due_date=meeting.day + timedelta(days=45),
            ).id


def _protocol_items(session: Session, mid: int, normal: list[AgendaItemData]) -> None:
    """A protocol's internal personnel item and the opening item's notes."""
    internal = agenda.add_item(
        session,
        mid,
        title="Personalfråga: den vakanta fältassistenttjänsten",
        body="Diskuteras utan protokollförda personuppgifter.",
        internal=True,
    ).id
    agenda.set_notes(
        session,
        internal,
        [Note("Rekryteringen pågår; intervjuer hålls under nästa månad.", 0, True)],
    )
    agenda.set_notes(
        session,
        normal[0].id,
        [
            Note("Ordföranden öppnar mötet. Dagordningen godkänns.", 0),
            Note("Till justerare väljs Lena Holmström.", 0),
            Note("Uppgifter om enskilda lämnas muntligt och antecknas inte.", 1, True),
        ],
    )
