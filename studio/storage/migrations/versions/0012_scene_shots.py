"""A scene's planned shots (from the director's shot list); none until someone plans them.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scene") as batch_op:
        batch_op.add_column(sa.Column("shots", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(op.f("ck_scene_shots_at_least_0"), "shots >= 0")


def downgrade() -> None:
    with op.batch_alter_table("scene") as batch_op:
        batch_op.drop_constraint(op.f("ck_scene_shots_at_least_0"), type_="check")
        batch_op.drop_column("shots")
