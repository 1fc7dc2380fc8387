"""The council's protocols as councils write them, in the example data: § numbers continuing
through the year, items under kind headings with föredragande, Dnr, time slots and a proposed
decision, a pause without a number, a reference to a later item, papers that come later in a
notice, and attendance as it happened (a stand-in chair, someone who left early, a guest who
came late). Also the standard phrases, with one of the council's own."""

from __future__ import annotations

from datetime import time

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.domain.meetings.agenda_structure import ItemCategory, Numbering, default_phrases
from trygghetsrad.domain.meetings.model import Note, Presence
from trygghetsrad.services import settings
from trygghetsrad.services.meetings import agenda, attendance, structure
from trygghetsrad.services.meetings import lifecycle as svc

POLICE = "Polisens lägesbild"
PLAN = "Åtgärdsplanen – uppföljning"
OTHER = "Övriga frågor"
PAUSE = "Paus"

COUNCIL_PHRASE = "Trygghetsrådet lägger informationen till handlingarna."


def fill_phrases(session: Session) -> None:
    settings.save_phrases(session, [*default_phrases(), COUNCIL_PHRASE])


def dress_protocol(session: Session, ctx: DemoContext, mid: int, *, showcase: bool) -> None:
    """Give a council protocol the structure councils write; `showcase` adds the pause and
    the attendance as it happened (the first protocol of the year), and a planned meeting's
    notice says the papers for the action plan come later."""
    meeting = svc.get_meeting(session, mid)
    structure.set_numbering(
        session,
        mid,
        numbering=Numbering.PARAGRAPH_YEAR,
        group_by_category=True,
        first_paragraph=structure.suggested_first_paragraph(session, mid),
    )
    items = {i.title: i.id for i in agenda.get_agenda(session, mid)}
    planned = meeting.status.value == "planned"
    year = meeting.day.year
    if POLICE in items:
        structure.update_item_details(
            session,
            items[POLICE],
            category=ItemCategory.INFORMATION,
            presenter_id=ctx.people["kommunpolis"],
            slot_start=time(13, 15),
            slot_end=time(13, 45),
            refers_to_id=items.get(PLAN),
        )
    if PLAN in items:
        structure.update_item_details(
            session,
            items[PLAN],
            category=ItemCategory.DECISION,
            presenter_text="Samordnaren",
            case_number=f"KS {year}/114",
            slot_start=time(14, 0),
            slot_end=time(14, 30),
            proposal="Trygghetsrådet godkänner uppföljningen av åtgärdsplanen.",
            papers_later=planned,
        )
        if not planned:
            agenda.set_decisions(
                session, items[PLAN], ["Trygghetsrådet beslutar enligt förslaget."]
            )
    if OTHER in items:
        structure.update_item_details(session, items[OTHER], category=ItemCategory.OTHER)
    if showcase and PLAN in items:
        position = agenda.get_item(session, items[PLAN]).position
        pause = agenda.add_item(session, mid, title=PAUSE, position=position).id
        structure.update_item_details(
            session, pause, unnumbered=True, slot_start=time(13, 45), slot_end=time(14, 0)
        )
    if showcase and not planned:
        _as_it_happened(session, ctx, mid)


def _as_it_happened(session: Session, ctx: DemoContext, mid: int) -> None:
    """The chair was away: the vice chair chaired for this meeting only; the community
    police officer left after the police item; a guest from the county came for the plan."""
    people = ctx.people
    rows = {a.person_id: a.id for a in attendance.list_attendance(session, mid)}
    svc.update_meeting(session, mid, chair_id=people["polischef"], adjuster_id=people["bostad"])
    opening = agenda.get_agenda(session, mid)[0].id
    agenda.set_notes(
        session,
        opening,
        [
            Note(
                "Ordföranden har anmält förhinder; vice ordföranden Lena Holmström är "
                "tjänstgörande ordförande och öppnar mötet. Dagordningen godkänns."
            ),
            Note("Till justerare väljs Mikael Strand."),
        ],
    )
    attendance.set_presence(session, rows[people["kommunalrad"]], Presence.EXCUSED)
    attendance.set_presence(session, rows[people["polischef"]], Presence.PRESENT)
    structure.update_attendance_details(
        session, rows[people["polischef"]], meeting_role="tjänstgörande ordförande"
    )
    attendance.set_presence(session, rows[people["kommunpolis"]], Presence.PRESENT)
    police = next(
        n
        for n, i in zip(_numbers(session, mid), agenda.get_agenda(session, mid), strict=True)
        if i.title == POLICE
    )
    structure.update_attendance_details(
        session,
        rows[people["kommunpolis"]],
        partial=f"t.o.m. {police}",
        present_to=time(13, 45),
        note="lämnade för ett utryckningsärende",
    )
    guest = attendance.add_attendee(
        session, mid, name="Nils Berglund", organisation="Länsstyrelsen Mittland"
    ).id
    structure.update_attendance_details(session, guest, present_from=time(14, 0))


def _numbers(session: Session, mid: int) -> list[str]:
    from trygghetsrad.services.meetings.document import meeting_document

    return meeting_document(session, mid, include_internal=True).numbers()
