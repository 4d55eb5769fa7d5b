"""The original's words as approved (`scene_adaptation.approved_text`: its heading, then its text), kept
beside their fingerprint so a scene flagged as "the original changed since this was approved" shows what
changed.

'' for every pair approved before: their words were not kept (the Script page says so).

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

from studio.storage import stored_summary

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scene_adaptation") as batch_op:
        batch_op.add_column(sa.Column("approved_text", sa.Text(), nullable=False, server_default=""))
    _changes_counted(op.get_bind(), "scene_adaptation")


def downgrade() -> None:
    with op.batch_alter_table("scene_adaptation") as batch_op:
        batch_op.drop_column("approved_text")
    _changes_counted(op.get_bind(), "scene_adaptation")


def _changes_counted(bind, table: str) -> None:
    """On SQLite, the table's change_count triggers (0019), made again if batch mode re-created the table
    without them."""
    if bind.dialect.name != "sqlite":
        return
    have = {name for (name,) in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for statement in stored_summary.triggers([table]):
        if statement.split('"')[1] not in have:
            bind.exec_driver_sql(statement)
