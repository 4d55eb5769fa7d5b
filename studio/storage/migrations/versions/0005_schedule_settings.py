"""Scheduling settings on the production: how long a page takes, what a company move costs.

The optimizer and the stripboard estimate a scene's time from its pages when no estimate is entered,
and weigh company moves in time and money; Day Out of Days drops performers only across a long gap.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = {
    "minutes_per_page": ("32", "minutes_per_page >= 0"),
    "setup_minutes_per_scene": ("3", "setup_minutes_per_scene >= 0"),
    "company_move_minutes": ("60", "company_move_minutes >= 0"),
    "company_move_cost_minor": ("100000", "company_move_cost_minor >= 0"),
    "drop_pickup_min_gap_days": ("10", "drop_pickup_min_gap_days >= 1"),
}


def _check_name(condition: str) -> str:
    column, _, value = condition.partition(" >= ")
    return f"ck_production_{column}_at_least_{value}"


def upgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        for column, (default, condition) in COLUMNS.items():
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=False, server_default=default))
            batch_op.create_check_constraint(op.f(_check_name(condition)), condition)


def downgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        for column, (_, condition) in COLUMNS.items():
            batch_op.drop_constraint(op.f(_check_name(condition)), type_="check")
            batch_op.drop_column(column)
