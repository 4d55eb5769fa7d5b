"""The original's words as approved (`scene_adaptation.approved_text`: its heading, then its text), kept
beside their fingerprint so a scene flagged as "the original changed since this was approved" shows what
changed.

'' for every pair approved before: their words were not kept (the Script page says so).

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

from studio.storage import stored_summary

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scene_adaptation") as batch_op:
        batch_op.add_column(sa.Column("approved_text", sa.Text(), nullable=False, server_default=""))
    stored_summary.triggers_made_again(op.get_bind(), "scene_adaptation")


def downgrade() -> None:
    with op.batch_alter_table("scene_adaptation") as batch_op:
        batch_op.drop_column("approved_text")
    stored_summary.triggers_made_again(op.get_bind(), "scene_adaptation")

