"""The writer's notes on their scene: Fountain `[[notes]]` and `/* boneyard */`, Final Draft ScriptNotes.

Until now a revision kept them all under each scene's number; a scene made before has none (its
notes stay on the revision that brought them, and the next import of the script puts them here).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scene") as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("scene") as batch_op:
        batch_op.drop_column("notes")
