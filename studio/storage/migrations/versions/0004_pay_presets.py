"""Pay presets carry union minimums and pension & health; locations get a contact email.

The overtime rule grows into a pay preset: the increment overtime is counted in (tenths of an hour
for SAG-AFTRA), day and week minimums with their currency, and the pension & health percentage, so an
agreement's figures are data the producer edits.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHECKS = {
    "first_threshold_hours_above_0": "first_threshold_hours > 0",
    "increment_minutes_above_0": "increment_minutes > 0",
    "day_minimum_minor_at_least_0": "day_minimum_minor >= 0",
    "week_minimum_minor_at_least_0": "week_minimum_minor >= 0",
    "pension_health_percent_at_least_0": "pension_health_percent >= 0",
}


def upgrade() -> None:
    with op.batch_alter_table("overtime_rule") as batch_op:
        batch_op.add_column(sa.Column("increment_minutes", sa.Integer(), nullable=False, server_default="6"))
        batch_op.add_column(sa.Column("day_minimum_minor", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("week_minimum_minor", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=False, server_default="USD"))
        batch_op.add_column(sa.Column("pension_health_percent", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        for name, condition in CHECKS.items():
            batch_op.create_check_constraint(op.f(f"ck_overtime_rule_{name}"), condition)
    with op.batch_alter_table("location") as batch_op:
        batch_op.add_column(sa.Column("contact_email", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("location") as batch_op:
        batch_op.drop_column("contact_email")
    with op.batch_alter_table("overtime_rule") as batch_op:
        for name in CHECKS:
            batch_op.drop_constraint(op.f(f"ck_overtime_rule_{name}"), type_="check")
        for column in (
            "notes",
            "pension_health_percent",
            "currency",
            "week_minimum_minor",
            "day_minimum_minor",
            "increment_minutes",
        ):
            batch_op.drop_column(column)
