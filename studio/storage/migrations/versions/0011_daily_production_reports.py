"""Daily production reports, and the pay rules they are priced by.

Each shoot day may have its report (DPR), with the day as planned when it was started: the unit's times, each performer's, department's, crew
member's and background group's times, the scenes completed, partly shot or not shot, and notes (delays,
incidents, departments' notes). Times are minutes after the shoot date's midnight (past midnight, 25:30).
Pay presets gain meal penalties (the interval a meal is due in, the step, the first, second and later
penalty) and the rest due between days (with a forced call's penalty in days' pay); a crew member gets
a pay preset of their own.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from studio.models.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LAST_MINUTE = 48 * 60 - 1
DAY_TIMES = (
    "crew_call",
    "shooting_call",
    "first_shot",
    "lunch_start",
    "lunch_end",
    "first_shot_after_lunch",
    "second_meal_start",
    "second_meal_end",
    "camera_wrap",
    "last_out",
)
PERSON_TIMES = (
    "call",
    "makeup",
    "on_set",
    "first_meal_start",
    "first_meal_end",
    "second_meal_start",
    "second_meal_end",
    "wrap",
    "out",
)
PRESET_CHECKS = {
    "meal_interval_minutes_above_0": "meal_interval_minutes > 0",
    "meal_penalty_step_minutes_above_0": "meal_penalty_step_minutes > 0",
    "meal_penalty_first_minor_at_least_0": "meal_penalty_first_minor >= 0",
    "meal_penalty_second_minor_at_least_0": "meal_penalty_second_minor >= 0",
    "meal_penalty_later_minor_at_least_0": "meal_penalty_later_minor >= 0",
    "rest_hours_above_0": "rest_hours > 0",
    "forced_call_days_at_least_0": "forced_call_days >= 0",
}
OWNERS = ("performer", "department", "crew_member", "character")


def _clock(table: str, names: tuple[str, ...]) -> list:
    return [sa.Column(name, sa.Integer(), nullable=True) for name in names] + [
        sa.CheckConstraint(
            f"{name} BETWEEN 0 AND {LAST_MINUTE}", name=op.f(f"ck_{table}_{name}_between_0_and_{LAST_MINUTE}")
        )
        for name in names
    ]


def _owned(table: str, parent: str, column: str | None = None, on_delete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    column = column or f"{parent}_id"
    return sa.ForeignKeyConstraint(
        [column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"), ondelete=on_delete
    )


def _versioned(table: str) -> list:
    return [
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("overtime_rule") as batch_op:
        batch_op.add_column(sa.Column("meal_interval_minutes", sa.Integer(), nullable=False, server_default="360"))
        batch_op.add_column(sa.Column("meal_penalty_step_minutes", sa.Integer(), nullable=False, server_default="30"))
        for name in ("meal_penalty_first_minor", "meal_penalty_second_minor", "meal_penalty_later_minor"):
            batch_op.add_column(sa.Column(name, sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("rest_hours", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("forced_call_days", sa.BigInteger(), nullable=True))
        for name, condition in PRESET_CHECKS.items():
            batch_op.create_check_constraint(op.f(f"ck_overtime_rule_{name}"), condition)
    with op.batch_alter_table("crew_member") as batch_op:
        batch_op.add_column(sa.Column("overtime_rule_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_crew_member_overtime_rule_id_overtime_rule"),
            "overtime_rule",
            ["overtime_rule_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(op.f("ix_crew_member_overtime_rule_id"), ["overtime_rule_id"])

    op.create_table(
        "day_report",
        *_versioned("day_report"),
        sa.Column("shoot_day_id", sa.Integer(), nullable=False),
        *_clock("day_report", DAY_TIMES),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        _owned("day_report", "shoot_day"),
        sa.UniqueConstraint("shoot_day_id", name=op.f("uq_day_report_shoot_day_id")),
    )
    op.create_table(
        "day_report_time",
        *_versioned("day_report_time"),
        sa.Column("report_id", sa.Integer(), nullable=False),
        *(sa.Column(f"{owner}_id", sa.Integer(), nullable=True) for owner in OWNERS),
        sa.Column("count", sa.Integer(), nullable=False),
        *_clock("day_report_time", PERSON_TIMES),
        sa.Column("travel_minutes", sa.Integer(), nullable=False),
        sa.Column("remarks", sa.String(length=400), nullable=False),
        sa.CheckConstraint(
            "(" + " + ".join(f"CASE WHEN {owner}_id IS NULL THEN 0 ELSE 1 END" for owner in OWNERS) + ") = 1",
            name=op.f("ck_day_report_time_one_owner"),
        ),
        sa.CheckConstraint("count >= 0", name=op.f("ck_day_report_time_count_at_least_0")),
        sa.CheckConstraint("travel_minutes >= 0", name=op.f("ck_day_report_time_travel_minutes_at_least_0")),
        _owned("day_report_time", "day_report", "report_id"),
        *(_owned("day_report_time", owner) for owner in OWNERS),
        *(
            sa.UniqueConstraint("report_id", f"{owner}_id", name=op.f(f"uq_day_report_time_report_id_{owner}_id"))
            for owner in OWNERS
        ),
    )
    op.create_table(
        "day_report_scene",
        *_versioned("day_report_scene"),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("scene_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("eighths_shot", sa.Integer(), nullable=True),
        sa.Column("screen_seconds", sa.Integer(), nullable=True),
        sa.Column("setups", sa.Integer(), nullable=True),
        sa.Column("remarks", sa.String(length=400), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('COMPLETED', 'PARTIAL', 'NOT_SHOT')", name=op.f("ck_day_report_scene_known_outcome")
        ),
        sa.CheckConstraint("eighths_shot >= 0", name=op.f("ck_day_report_scene_eighths_shot_at_least_0")),
        sa.CheckConstraint("screen_seconds >= 0", name=op.f("ck_day_report_scene_screen_seconds_at_least_0")),
        sa.CheckConstraint("setups >= 0", name=op.f("ck_day_report_scene_setups_at_least_0")),
        _owned("day_report_scene", "day_report", "report_id"),
        _owned("day_report_scene", "scene"),
        sa.UniqueConstraint("report_id", "scene_id", name=op.f("uq_day_report_scene_report_id_scene_id")),
    )
    op.create_table(
        "day_report_note",
        *_versioned("day_report_note"),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('DELAY', 'INCIDENT', 'DEPARTMENT')", name=op.f("ck_day_report_note_known_kind")),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_day_report_note_minutes_at_least_0")),
        _owned("day_report_note", "day_report", "report_id"),
        _owned("day_report_note", "department", on_delete="SET NULL"),
    )
    indexes = {
        "day_report_time": ["report_id", *(f"{owner}_id" for owner in OWNERS)],
        "day_report_scene": ["report_id", "scene_id"],
        "day_report_note": ["report_id", "department_id"],
    }
    for table, columns in indexes.items():
        for column in columns:
            op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def downgrade() -> None:
    for table in ("day_report_note", "day_report_scene", "day_report_time", "day_report"):
        op.drop_table(table)
    with op.batch_alter_table("crew_member") as batch_op:
        batch_op.drop_index(op.f("ix_crew_member_overtime_rule_id"))
        batch_op.drop_constraint(op.f("fk_crew_member_overtime_rule_id_overtime_rule"), type_="foreignkey")
        batch_op.drop_column("overtime_rule_id")
    with op.batch_alter_table("overtime_rule") as batch_op:
        for name in PRESET_CHECKS:
            batch_op.drop_constraint(op.f(f"ck_overtime_rule_{name}"), type_="check")
        for name in (
            "forced_call_days",
            "rest_hours",
            "meal_penalty_later_minor",
            "meal_penalty_second_minor",
            "meal_penalty_first_minor",
            "meal_penalty_step_minutes",
            "meal_interval_minutes",
        ):
            batch_op.drop_column(name)
