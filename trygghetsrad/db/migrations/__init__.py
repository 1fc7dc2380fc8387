"""Alembic migrations, run from the package (script_location="trygghetsrad.db:migrations")."""
