"""Company moves by distance: the production's roads and speed, and the drives typed between locations.

The road percent (140: the roads 40% longer than the straight line), the average speed (40 km/h) and
what an hour of driving costs (250.00 in the base currency) for every production; a table of the
minutes typed for a pair of locations, which win over the minutes worked out from coordinates. A
company move's own minutes are now its wrapping and setting up again, the drive on top: 30 in a new
production (those of a production made before stay as they were).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CHECKS = (
    ("road_percent_between_100_and_500", "road_percent BETWEEN 100 AND 500"),
    ("drive_speed_kmh_between_1_and_200", "drive_speed_kmh BETWEEN 1 AND 200"),
    ("drive_cost_per_hour_minor_at_least_0", "drive_cost_per_hour_minor >= 0"),
)
COLUMNS = (("production_id", "production"), ("from_location_id", "location"), ("to_location_id", "location"))


def upgrade() -> None:
    with op.batch_alter_table("production") as batch_op:
        # A move's own minutes are now its wrapping and setting up, the drive on top: a new production's
        # are 30 (a production's own stay as they are).
        batch_op.alter_column(
            "company_move_minutes", existing_type=sa.Integer(), existing_nullable=False, server_default="30"
        )
        batch_op.add_column(sa.Column("road_percent", sa.Integer(), nullable=False, server_default="140"))
        batch_op.add_column(sa.Column("drive_speed_kmh", sa.Integer(), nullable=False, server_default="40"))
        batch_op.add_column(
            sa.Column("drive_cost_per_hour_minor", sa.BigInteger(), nullable=False, server_default="25000")
        )
        for name, condition in CHECKS:
            batch_op.create_check_constraint(op.f(f"ck_production_{name}"), condition)
    op.create_table(
        "location_drive",
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("production_id", sa.Integer(), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes BETWEEN 0 AND 600", name=op.f("ck_location_drive_minutes_between_0_and_600")),
        sa.CheckConstraint("from_location_id <> to_location_id", name=op.f("ck_location_drive_two_locations")),
        *(
            sa.ForeignKeyConstraint(
                [column], [f"{parent}.id"], name=op.f(f"fk_location_drive_{column}_{parent}"), ondelete="CASCADE"
            )
            for column, parent in COLUMNS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location_drive")),
        sa.UniqueConstraint(
            "from_location_id", "to_location_id", name=op.f("uq_location_drive_from_location_id_to_location_id")
        ),
    )
    with op.batch_alter_table("location_drive") as batch_op:
        for column, _ in COLUMNS:
            batch_op.create_index(batch_op.f(f"ix_location_drive_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("location_drive")
    with op.batch_alter_table("production") as batch_op:
        batch_op.alter_column(
            "company_move_minutes", existing_type=sa.Integer(), existing_nullable=False, server_default="60"
        )
        for name, _ in CHECKS:
            batch_op.drop_constraint(op.f(f"ck_production_{name}"), type_="check")
        for column in ("drive_cost_per_hour_minor", "drive_speed_kmh", "road_percent"):
            batch_op.drop_column(column)
