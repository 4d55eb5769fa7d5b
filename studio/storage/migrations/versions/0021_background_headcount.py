"""A background role's headcount (`character.headcount`): how many players it books, for the call sheet's
counts and the day's report.

None for every role made before: counted from its name as before (保安2名 is two), else not known.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

from studio.storage import stored_summary

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("character") as batch_op:
        batch_op.add_column(sa.Column("headcount", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(op.f("ck_character_headcount_at_least_1"), "headcount >= 1")
    stored_summary.triggers_made_again(op.get_bind(), "character")


def downgrade() -> None:
    with op.batch_alter_table("character") as batch_op:
        batch_op.drop_constraint(op.f("ck_character_headcount_at_least_1"), type_="check")
        batch_op.drop_column("headcount")
    stored_summary.triggers_made_again(op.get_bind(), "character")

