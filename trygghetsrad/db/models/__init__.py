"""All ORM models. The register and settings load with this package; the workspaces' models
load when first imported, so start-up maps only what the first page uses.

`from trygghetsrad.db.models import Base` (or `load_all()`) loads every model, for code that
walks `Base.metadata` (references, JSON export, migrations' metadata, tests). Before mappers
are configured, any model whose foreign keys point at a table not loaded yet pulls in every
model, so a workspace never meets a half-known schema. A workspace adds its module to
`WORKSPACES` below.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Mapper

from trygghetsrad.db.base import Base as _Base
from trygghetsrad.db.models.register import Group, Membership, Organisation, Person
from trygghetsrad.db.models.settings import Setting

WORKSPACES = [
    "trygghetsrad.db.models.meetings",
    "trygghetsrad.db.models.invitations",
    "trygghetsrad.db.models.situation",
    "trygghetsrad.db.models.action_plan",
    "trygghetsrad.db.models.wheel",
    "trygghetsrad.db.models.attachments",
    "trygghetsrad.db.models.area_tree",
]

__all__ = ["Base", "Group", "Membership", "Organisation", "Person", "Setting", "load_all"]


def load_all() -> None:
    """Import every model module (idempotent)."""
    for name in WORKSPACES:
        importlib.import_module(name)


def __getattr__(name: str) -> Any:
    if name == "Base":
        load_all()
        return _Base
    raise AttributeError(name)


@event.listens_for(Mapper, "before_configured")
def _complete_foreign_keys() -> None:
    tables = _Base.metadata.tables
    for table in list(tables.values()):
        for fk in table.foreign_keys:
            if fk.target_fullname.split(".")[0] not in tables:
                load_all()
                return
