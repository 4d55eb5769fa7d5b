"""The production's base city: where a location without coordinates takes its sun times from.

A name and coordinates (none in a production made before: its days keep their sun times from its
located locations, else the 18:00 sunset assumed until now).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        batch_op.add_column(sa.Column("base_city", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("base_latitude", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("base_longitude", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        for column in ("base_longitude", "base_latitude", "base_city"):
            batch_op.drop_column(column)
