"""A version per row, for several people on one production (team mode): every update raises it, and an
update made from an older version is refused instead of silently writing over someone else's.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = [
    "currency",
    "production",
    "breakdown_category",
    "budget_account",
    "budget_global",
    "budget_version",
    "character",
    "department",
    "episode",
    "exchange_rate",
    "fringe",
    "location",
    "overtime_rule",
    "performer",
    "script_revision",
    "shoot_day",
    "breakdown_element",
    "budget_line",
    "call_sheet",
    "cast_assignment",
    "cost_entry",
    "crew_member",
    "film_set",
    "performer_day",
    "availability",
    "budget_line_fringe",
    "call_time",
    "scene",
    "scene_character",
    "scene_element",
    "strip",
]


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
