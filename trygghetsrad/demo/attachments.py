"""Attachments (*bilagor*) in the example data: the latest justerat protocol has a file of its
own and one under "Polisens lägesbild", so its minutes list "Bilaga 1" and "Bilaga 2" and its
e-mail draft carries both; the first agreement keeps its signed text as a file."""

from __future__ import annotations

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.demo.meetings_structure import POLICE
from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.meetings.model import MeetingKind, MeetingStatus
from trygghetsrad.services import attachments
from trygghetsrad.services.meetings import agenda
from trygghetsrad.services.meetings import lifecycle as svc
from trygghetsrad.services.situation import agreements

WALK = (
    "Trygghetsvandring i Norrby – sammanställning\n\n"
    "Deltagare: Storåkershem, polisen, fritidsgården, föräldrar på stan.\n"
    "1. Gångtunneln vid stationen: belysningen trasig på två ställen.\n"
    "2. Parkeringen bakom centrum: buskar skymmer sikten från gångvägen.\n"
    "3. Lekplatsen Norrbyparken: nedskräpning kvällstid.\n"
)
POLICE_SLIDES = (
    "Polisens lägesbild – presentationens stödpunkter\n\n"
    "• Anmälda brott i kommunen: i nivå med föregående år.\n"
    "• Narkotikabrott: ökning, främst bland unga vuxna.\n"
    "• Riktade insatser i centrum under helgerna fortsätter.\n"
)
SIGNED = (
    "Överenskommelsen som undertecknad\n\n"
    "Den undertecknade texten förvaras i kommunens diarium. Den här filen visar var en\n"
    "inskannad kopia av överenskommelsen hör hemma: som bilaga till överenskommelsen.\n"
)


def fill(session: Session, ctx: DemoContext) -> None:
    protocols = [
        m
        for m in svc.list_meetings(session)
        if m.kind is MeetingKind.PROTOCOL
        and m.status in (MeetingStatus.FINALISED, MeetingStatus.SENT)
    ]
    if protocols:
        latest = max(protocols, key=lambda m: m.day)
        attachments.add_attachment(
            session,
            OwnerKind.MEETING,
            latest.id,
            filename="Trygghetsvandring Norrby.txt",
            data=WALK.encode("utf-8"),
            title="Trygghetsvandringen i Norrby, sammanställning",
            mime_type="text/plain",
        )
        police = [i for i in agenda.get_agenda(session, latest.id) if i.title == POLICE]
        for item in police[:1]:
            attachments.add_attachment(
                session,
                OwnerKind.ITEM,
                item.id,
                filename="Polisens lägesbild – stödpunkter.txt",
                data=POLICE_SLIDES.encode("utf-8"),
                title="Polisens presentation",
                mime_type="text/plain",
            )
    found = agreements.list_agreements(session)
    if found:
        attachments.add_attachment(
            session,
            OwnerKind.AGREEMENT,
            found[0].id,
            filename="Överenskommelsen undertecknad.txt",
            data=SIGNED.encode("utf-8"),
            title="Överenskommelsen som undertecknad",
            mime_type="text/plain",
        )
