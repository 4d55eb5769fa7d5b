"""The budget's own rules in the database: formulas over globals, fringe accounts, contingency and
overhead percents, payees for per-person fringe caps, and globals the schedule keeps up to date.

A line's amount can be a formula ("SHOOT_DAYS * 2") instead of a link to one global; existing links
become that global's name as the formula. The template's fringe accounts (1900, 4900, 5900) are marked,
contingency (9000) is 10% and overhead (9100) 0%, as new productions get them. Globals named
SHOOT_DAYS and EPISODES follow the schedule and the script from now on.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("budget_account") as batch_op:
        batch_op.add_column(sa.Column("holds_fringes", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("percent", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("budget_global") as batch_op:
        batch_op.add_column(sa.Column("formula", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source", sa.String(length=40), nullable=False, server_default=""))
    with op.batch_alter_table("fringe") as batch_op:
        batch_op.add_column(sa.Column("applies_to", sa.String(length=8), nullable=False, server_default=""))
    with op.batch_alter_table("budget_line") as batch_op:
        batch_op.add_column(sa.Column("amount_formula", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("payee", sa.String(length=200), nullable=False, server_default=""))
    op.execute(
        "UPDATE budget_line SET amount_formula = "
        "(SELECT name FROM budget_global WHERE budget_global.id = budget_line.amount_global_id) "
        "WHERE amount_global_id IS NOT NULL"
    )
    with op.batch_alter_table("budget_line") as batch_op:
        batch_op.drop_index("ix_budget_line_amount_global_id")
        batch_op.drop_constraint("fk_budget_line_amount_global_id_budget_global", type_="foreignkey")
        batch_op.drop_column("amount_global_id")
    op.execute("UPDATE budget_account SET holds_fringes = true WHERE code IN ('1900', '4900', '5900')")
    op.execute("UPDATE budget_account SET percent = 100000 WHERE code = '9000' AND account_group = 'TOTALS'")
    op.execute("UPDATE budget_account SET percent = 0 WHERE code = '9100' AND account_group = 'TOTALS'")
    op.execute("UPDATE budget_global SET source = 'schedule:shoot_days' WHERE name = 'SHOOT_DAYS'")
    op.execute("UPDATE budget_global SET source = 'script:episodes' WHERE name = 'EPISODES'")


def downgrade() -> None:
    with op.batch_alter_table("budget_line") as batch_op:
        batch_op.add_column(sa.Column("amount_global_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_budget_line_amount_global_id_budget_global",
            "budget_global",
            ["amount_global_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_budget_line_amount_global_id", ["amount_global_id"])
    op.execute(
        "UPDATE budget_line SET amount_global_id = (SELECT id FROM budget_global WHERE "
        "budget_global.name = budget_line.amount_formula AND budget_global.production_id = "
        "(SELECT production_id FROM budget_account WHERE budget_account.id = budget_line.account_id))"
    )
    with op.batch_alter_table("budget_line") as batch_op:
        batch_op.drop_column("payee")
        batch_op.drop_column("amount_formula")
    with op.batch_alter_table("fringe") as batch_op:
        batch_op.drop_column("applies_to")
    with op.batch_alter_table("budget_global") as batch_op:
        batch_op.drop_column("source")
        batch_op.drop_column("formula")
    with op.batch_alter_table("budget_account") as batch_op:
        batch_op.drop_column("percent")
        batch_op.drop_column("holds_fringes")
