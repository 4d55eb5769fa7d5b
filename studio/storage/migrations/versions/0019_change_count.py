"""A count of the changes to a SQLite file, kept by triggers on every table, and `info`'s summary made at
one count (studio.storage.stored_summary): `info` reads it without the ORM while the count stands.

A server gets neither (its `info` works the summary out every time).

Revision ID: 0019
Revises: 0018
"""

from alembic import op

from studio.storage import stored_summary

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def _tables(bind) -> list[str]:
    found = bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name != 'alembic_version' ORDER BY name"
    )
    return [name for (name,) in found]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in stored_summary.schema(_tables(bind)):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        counted = bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_counted' ESCAPE '\\'"
        )
        for (name,) in counted.fetchall():
            bind.exec_driver_sql(f'DROP TRIGGER "{name}"')
        bind.exec_driver_sql(f"DROP TABLE {stored_summary.TABLE}")
