"""The approved budget (`budget_version.approved`): the version the estimated final cost is measured
against, while the budget follows the schedule.

False for every version saved before: no budget was approved, and the final cost is measured against the
budget as it is, as before.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

from studio.storage import stored_summary

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("budget_version") as batch_op:
        batch_op.add_column(sa.Column("approved", sa.Boolean(), nullable=False, server_default=sa.false()))
    stored_summary.triggers_made_again(op.get_bind(), "budget_version")


def downgrade() -> None:
    with op.batch_alter_table("budget_version") as batch_op:
        batch_op.drop_column("approved")
    stored_summary.triggers_made_again(op.get_bind(), "budget_version")
