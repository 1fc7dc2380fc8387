"""Use cases for gaps (*luckor*): data or competence the situation picture is missing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Organisation
from trygghetsrad.db.models.situation import Gap
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.domain.situation.picture import GapData, GapKind, GapStatus
from trygghetsrad.i18n import tr
from trygghetsrad.services.situation.common import CHANGED, check_exists, get, name, text

_STATUS_ORDER = {"open": 0, "in_progress": 1, "filled": 2}


def _gap_data(gap: Gap, orgs: dict[int, str]) -> GapData:
    return GapData(
        id=gap.id,
        kind=gap.kind,
        title=gap.title,
        description=gap.description,
        who_could_fill=gap.who_could_fill,
        organisation_id=gap.organisation_id,
        organisation_name=orgs.get(gap.organisation_id or -1, ""),
        actions_taken=gap.actions_taken,
        status=gap.status,
        identified_on=gap.identified_on,
        internal=gap.internal,
    )


def list_gaps(session: Session) -> list[GapData]:
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    gaps = [_gap_data(g, orgs) for g in session.scalars(select(Gap))]
    return sorted(gaps, key=lambda g: (_STATUS_ORDER.get(g.status, 9), g.title.lower()))


def get_gap(session: Session, gap_id: int) -> GapData:
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    return _gap_data(get(session, Gap, gap_id), orgs)


def _fields(
    session: Session,
    *,
    kind: str,
    title: str,
    description: str,
    who_could_fill: str,
    organisation_id: int | None,
    actions_taken: str,
    status: str,
    identified_on: date | None,
    internal: bool,
) -> dict[str, object]:
    check_exists(session, Organisation, organisation_id, "organisation_id", tr("Organisationen"))
    return {
        "kind": GapKind.clean(kind, "kind", tr("typ av lucka")),
        "title": name(title, field="title", label=tr("Vad som saknas")),
        "description": text(description, field="description", label=tr("Beskrivning")),
        "who_could_fill": text(
            who_could_fill, field="who_could_fill", label=tr("Vem kan bidra"), max_length=2000
        ),
        "organisation_id": organisation_id,
        "actions_taken": text(actions_taken, field="actions_taken", label=tr("Vad som gjorts")),
        "status": GapStatus.clean(status, "status", tr("status")),
        "identified_on": identified_on,
        "internal": bool(internal),
    }


def create_gap(
    session: Session,
    *,
    title: str,
    kind: str = "source",
    description: str = "",
    who_could_fill: str = "",
    organisation_id: int | None = None,
    actions_taken: str = "",
    status: str = "open",
    identified_on: date | None = None,
    internal: bool = False,
) -> Created:
    gap = Gap(
        **_fields(
            session,
            kind=kind,
            title=title,
            description=description,
            who_could_fill=who_could_fill,
            organisation_id=organisation_id,
            actions_taken=actions_taken,
            status=status,
            identified_on=identified_on,
            internal=internal,
        )
    )
    session.add(gap)
    session.flush()
    return Created(gap.id, CHANGED)


def update_gap(
    session: Session,
    gap_id: int,
    *,
    title: str,
    kind: str = "source",
    description: str = "",
    who_could_fill: str = "",
    organisation_id: int | None = None,
    actions_taken: str = "",
    status: str = "open",
    identified_on: date | None = None,
    internal: bool = False,
) -> Changes:
    gap = get(session, Gap, gap_id)
    for key, value in _fields(
        session,
        kind=kind,
        title=title,
        description=description,
        who_could_fill=who_could_fill,
        organisation_id=organisation_id,
        actions_taken=actions_taken,
        status=status,
        identified_on=identified_on,
        internal=internal,
    ).items():
        setattr(gap, key, value)
    session.flush()
    return CHANGED


def delete_gap(session: Session, gap_id: int) -> Changes:
    session.delete(get(session, Gap, gap_id))
    session.flush()
    return CHANGED
