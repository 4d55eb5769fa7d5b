"""Roles and sets remember the name the script gives them.

Re-imports match characters and sets on that name, so a producer can rename a role (伊森 → Ethan)
or a set without the next revision creating a duplicate. Existing rows take their current name.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("character", "film_set"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("script_name", sa.String(length=200), nullable=True))
        op.execute(f"UPDATE {table} SET script_name = name")


def downgrade() -> None:
    for table in ("character", "film_set"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("script_name")
