"""Staggered cast calls and call sheets sent by mail.

Performers get their own pickup, hair & makeup and wardrobe durations (none: the production's, which it
now holds), a call time a wardrobe time; the production the language of call sheets for people whose own
is not known and its mail account (SMTP: host, port, security, login, sender; the password is in the
system keyring); and every call sheet mailed is logged (to whom, in which language, which version).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from studio.models.types import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PRODUCTION = [
    sa.Column("pickup_minutes", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("makeup_minutes", sa.Integer(), nullable=False, server_default="60"),
    sa.Column("wardrobe_minutes", sa.Integer(), nullable=False, server_default="15"),
    sa.Column("document_language", sa.String(length=8), nullable=False, server_default="en"),
    sa.Column("smtp_host", sa.String(length=200), nullable=False, server_default=""),
    sa.Column("smtp_port", sa.Integer(), nullable=False, server_default="587"),
    sa.Column("smtp_security", sa.String(length=10), nullable=False, server_default="STARTTLS"),
    sa.Column("smtp_login", sa.String(length=200), nullable=False, server_default=""),
    sa.Column("sender_address", sa.String(length=200), nullable=False, server_default=""),
]
DURATIONS = ("pickup_minutes", "makeup_minutes", "wardrobe_minutes")


def upgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        for column in PRODUCTION:
            batch_op.add_column(column)
        for name in DURATIONS:
            batch_op.create_check_constraint(op.f(f"ck_production_{name}_at_least_0"), f"{name} >= 0")
        batch_op.create_check_constraint(
            op.f("ck_production_smtp_port_between_1_and_65535"), "smtp_port BETWEEN 1 AND 65535"
        )
    with op.batch_alter_table("performer") as batch_op:
        for name in DURATIONS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
            batch_op.create_check_constraint(op.f(f"ck_performer_{name}_at_least_0"), f"{name} >= 0")
    with op.batch_alter_table("call_time") as batch_op:
        batch_op.add_column(sa.Column("wardrobe", sa.Time(), nullable=True))
    op.create_table(
        "sent_call_sheet",
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shoot_day_id", sa.Integer(), nullable=False),
        sa.Column("performer_id", sa.Integer(), nullable=True),
        sa.Column("crew_member_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("sheet_version", sa.String(length=64), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "(performer_id IS NULL) <> (crew_member_id IS NULL)", name=op.f("ck_sent_call_sheet_one_person")
        ),
        sa.ForeignKeyConstraint(
            ["shoot_day_id"], ["shoot_day.id"], name=op.f("fk_sent_call_sheet_shoot_day_id_shoot_day"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["performer_id"], ["performer.id"], name=op.f("fk_sent_call_sheet_performer_id_performer"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["crew_member_id"],
            ["crew_member.id"],
            name=op.f("fk_sent_call_sheet_crew_member_id_crew_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_call_sheet")),
    )
    for column in ("shoot_day_id", "performer_id", "crew_member_id"):
        op.create_index(op.f(f"ix_sent_call_sheet_{column}"), "sent_call_sheet", [column])


def downgrade() -> None:
    op.drop_table("sent_call_sheet")
    with op.batch_alter_table("call_time") as batch_op:
        batch_op.drop_column("wardrobe")
    with op.batch_alter_table("performer") as batch_op:
        for name in DURATIONS:
            batch_op.drop_constraint(op.f(f"ck_performer_{name}_at_least_0"), type_="check")
            batch_op.drop_column(name)
    with op.batch_alter_table("production") as batch_op:
        batch_op.drop_constraint(op.f("ck_production_smtp_port_between_1_and_65535"), type_="check")
        for name in DURATIONS:
            batch_op.drop_constraint(op.f(f"ck_production_{name}_at_least_0"), type_="check")
        for column in reversed(PRODUCTION):
            batch_op.drop_column(column.name)
