"""Storage: SQLAlchemy models, the engine with its pragmas, and the Alembic migrations.

Importing this package imports nothing else: the start-up path uses its plain-`sqlite3`
modules (inspection, lock, glance) before SQLAlchemy is loaded by `engine.open_database`.
"""
