"""All ORM models; importing this package registers every table on `Base.metadata`.

Each workspace keeps its models in its own module; add the module to the imports below.
"""

from trygghetsrad.db import search_index  # noqa: F401  (keeps the search index in step)
from trygghetsrad.db.base import Base
from trygghetsrad.db.models import (
    action_plan,  # noqa: F401
    meetings,  # noqa: F401
    situation,  # noqa: F401
    wheel,  # noqa: F401
)
from trygghetsrad.db.models.register import Group, Membership, Organisation, Person
from trygghetsrad.db.models.settings import Setting

__all__ = ["Base", "Group", "Membership", "Organisation", "Person", "Setting"]
