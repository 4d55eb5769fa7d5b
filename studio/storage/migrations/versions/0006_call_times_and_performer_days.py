"""Call times the schedule needs, and the days performers are called for travel, rehearsal or fittings.

The production gets a default crew call (the earliest a day calls when its call sheet names none;
turnaround after a night pushes it later), call sheets a dinner and a background call, and performers
their travel, rehearsal and fitting days (T, R, F in Day Out of Days).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        batch_op.add_column(sa.Column("default_crew_call", sa.Time(), nullable=False, server_default="07:00:00"))
    with op.batch_alter_table("call_sheet") as batch_op:
        batch_op.add_column(sa.Column("dinner", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("background_call", sa.Time(), nullable=True))
    op.create_table(
        "performer_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("performer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("notes", sa.String(length=400), nullable=False),
        sa.CheckConstraint("kind IN ('TRAVEL', 'REHEARSAL', 'FITTING')", name=op.f("ck_performer_day_known_kind")),
        sa.ForeignKeyConstraint(
            ["performer_id"],
            ["performer.id"],
            name=op.f("fk_performer_day_performer_id_performer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performer_day")),
        sa.UniqueConstraint("performer_id", "day", name=op.f("uq_performer_day_performer_id_day")),
    )
    op.create_index(op.f("ix_performer_day_performer_id"), "performer_day", ["performer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_performer_day_performer_id"), table_name="performer_day")
    op.drop_table("performer_day")
    with op.batch_alter_table("call_sheet") as batch_op:
        batch_op.drop_column("background_call")
        batch_op.drop_column("dinner")
    with op.batch_alter_table("production") as batch_op:
        batch_op.drop_column("default_crew_call")
