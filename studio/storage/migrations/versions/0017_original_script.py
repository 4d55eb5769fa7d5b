"""The original a show is adapted from, and how each of its scenes became the shooting script's.

A script revision is the shooting script's or the original's (`side`; every revision before was the
shooting script's). The original's scenes are kept apart (`original_scene`), and `scene_adaptation`
pairs a shooting scene with the original scene it adapts (either missing: added or cut in
adaptation), with the adaptation's status, notes and the original's words as approved.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _versioned(table: str) -> list:
    return [
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.Column("production_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["production_id"], ["production.id"], name=op.f(f"fk_{table}_production_id_production"), ondelete="CASCADE"
        ),
    ]


def _link(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"), ondelete="SET NULL"
    )


def upgrade() -> None:
    with op.batch_alter_table("script_revision") as batch_op:
        batch_op.add_column(sa.Column("side", sa.String(length=10), nullable=False, server_default="SHOOTING"))
    op.create_table(
        "original_scene",
        *_versioned("original_scene"),
        sa.Column("episode_number", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=400), nullable=False),
        sa.Column("int_ext", sa.String(length=8), nullable=False),
        sa.Column("time_of_day", sa.String(length=12), nullable=False),
        sa.Column("set_name", sa.String(length=200), nullable=False),
        sa.Column("speaking", sa.Text(), nullable=False),
        sa.Column("listed", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page_eighths", sa.Integer(), nullable=False),
        sa.Column("revision_state", sa.String(length=12), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("page_eighths >= 0", name=op.f("ck_original_scene_page_eighths_at_least_0")),
        _link("original_scene", "revision_id", "script_revision"),
        sa.UniqueConstraint("production_id", "number", name=op.f("uq_original_scene_production_id_number")),
    )
    op.create_table(
        "scene_adaptation",
        *_versioned("scene_adaptation"),
        sa.Column("scene_id", sa.Integer(), nullable=True),
        sa.Column("original_scene_id", sa.Integer(), nullable=True),
        sa.Column("paired_by", sa.String(length=12), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("adapter_note", sa.Text(), nullable=False),
        sa.Column("cultural_note", sa.Text(), nullable=False),
        sa.Column("approved_original", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "status IN ('NOT_STARTED', 'TRANSLATED', 'ADAPTED', 'APPROVED')",
            name=op.f("ck_scene_adaptation_known_status"),
        ),
        sa.CheckConstraint("score BETWEEN 0 AND 100", name=op.f("ck_scene_adaptation_score_between_0_and_100")),
        _link("scene_adaptation", "scene_id", "scene"),
        _link("scene_adaptation", "original_scene_id", "original_scene"),
        sa.UniqueConstraint("scene_id", name=op.f("uq_scene_adaptation_scene_id")),
        sa.UniqueConstraint("original_scene_id", name=op.f("uq_scene_adaptation_original_scene_id")),
    )
    indexes = {
        "original_scene": ["production_id", "revision_id"],
        "scene_adaptation": ["production_id", "scene_id", "original_scene_id"],
    }
    for table, columns in indexes.items():
        for column in columns:
            op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def downgrade() -> None:
    op.drop_table("scene_adaptation")
    op.drop_table("original_scene")
    with op.batch_alter_table("script_revision") as batch_op:
        batch_op.drop_column("side")
