"""A performer's date of birth: a minor's hours on a day follow their age that day.

None for every performer made before (an adult, as everyone was taken to be).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("performer") as batch_op:
        batch_op.add_column(sa.Column("date_of_birth", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("performer") as batch_op:
        batch_op.drop_column("date_of_birth")
