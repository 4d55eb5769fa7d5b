"""Money columns in 64 bits: a rate above 2,147,483,647 minor units (2,147,483.648 BHD, which has three
decimals) was saved in a SQLite file but failed on PostgreSQL, whose INTEGER is 32-bit; every amount is
kept within money.MAX_MINOR (15 significant digits), which BIGINT holds on every database.

On SQLite INTEGER already holds 64 bits: the batch rebuild changes only the declared type, so a file's
schema stays the one the models make.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MONEY = {
    "production": ["company_move_cost_minor"],
    "overtime_rule": ["day_minimum_minor", "week_minimum_minor"],
    "cast_assignment": ["rate_minor", "per_diem_minor"],
    "crew_member": ["rate_minor"],
    "location": ["fee_per_day_minor"],
    "fringe": ["flat_minor", "cap_minor"],
    "budget_line": ["rate_minor"],
    "cost_entry": ["amount_minor"],
}


def upgrade() -> None:
    for table, columns in MONEY.items():
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                # PostgreSQL keeps the old default's literal; set again, it reads as the models' ('100000'::bigint).
                default = {"server_default": "100000"} if column == "company_move_cost_minor" else {}
                batch_op.alter_column(column, existing_type=sa.Integer(), type_=sa.BigInteger(), **default)


def downgrade() -> None:
    for table, columns in MONEY.items():
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.alter_column(column, existing_type=sa.BigInteger(), type_=sa.Integer())
