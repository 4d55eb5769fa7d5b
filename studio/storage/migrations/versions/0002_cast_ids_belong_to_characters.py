"""Cast IDs belong to characters, not to casting deals.

A role has its cast ID (1 = lead) before anyone is cast in it: strips, Day Out of Days and call
sheets number roles. Existing IDs move from cast_assignment to character.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("character") as batch_op:
        batch_op.add_column(sa.Column("cast_number", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(op.f("ck_character_cast_number_at_least_1"), "cast_number >= 1")
    op.execute(
        "UPDATE character SET cast_number ="
        " (SELECT cast_assignment.cast_number FROM cast_assignment WHERE cast_assignment.character_id = character.id)"
    )
    with op.batch_alter_table("cast_assignment") as batch_op:
        batch_op.drop_constraint(op.f("ck_cast_assignment_cast_number_at_least_1"), type_="check")
        batch_op.drop_column("cast_number")


def downgrade() -> None:
    with op.batch_alter_table("cast_assignment") as batch_op:
        batch_op.add_column(sa.Column("cast_number", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(op.f("ck_cast_assignment_cast_number_at_least_1"), "cast_number >= 1")
    op.execute(
        "UPDATE cast_assignment SET cast_number ="
        " (SELECT character.cast_number FROM character WHERE character.id = cast_assignment.character_id)"
    )
    with op.batch_alter_table("character") as batch_op:
        batch_op.drop_constraint(op.f("ck_character_cast_number_at_least_1"), type_="check")
        batch_op.drop_column("cast_number")
