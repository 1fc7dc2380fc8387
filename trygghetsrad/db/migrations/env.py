"""Alembic environment: always runs on the connection handed over by `db.migrate`."""

from __future__ import annotations

from alembic import context

from trygghetsrad.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migrations run through trygghetsrad.db.migrate.upgrade() only.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
