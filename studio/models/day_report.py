"""The daily production report (DPR): what happened on a shoot day, filed at wrap.

Times are minutes after the shoot date's midnight, as production reports write them: past midnight
they go on counting (a wrap at 01:30 the next morning is 25:30, 1530), so a day's times always run
forward and a wrap "before" the call is an error, never a night shoot guessed at.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, parent_fk
from studio.models.enums import ReportNoteKind, SceneOutcome
from studio.models.types import UTCDateTime, utc_now

LAST_MINUTE = 48 * 60 - 1  # 47:59, the next day's last minute: no working day runs further

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


def _clock_checks(names: tuple[str, ...]) -> tuple[CheckConstraint, ...]:
    return tuple(checked(f"{name} BETWEEN 0 AND {LAST_MINUTE}") for name in names)


def _text() -> Column:
    return Column(Text, nullable=False, default="")


def span_property(start_field: str, end_field: str) -> property:
    """A meal's start and end columns as one value, (start, end) or None, edited (and undone) together."""

    def read(self) -> tuple[int, int] | None:
        start, end = getattr(self, start_field), getattr(self, end_field)
        return None if start is None or end is None else (start, end)

    def write(self, value: tuple[int, int] | None) -> None:
        start, end = value if value is not None else (None, None)
        setattr(self, start_field, start)
        setattr(self, end_field, end)

    return property(read, write)


class DayReport(Versioned, table=True):
    """One shoot day's report: the unit's times (the crew call to the last person out) and notes."""

    __tablename__ = "day_report"
    __table_args__ = _clock_checks(DAY_TIMES)
    id: int | None = Field(default=None, primary_key=True)
    shoot_day_id: int = Field(foreign_key="shoot_day.id", ondelete="CASCADE", unique=True)
    crew_call: int | None = None
    shooting_call: int | None = None
    first_shot: int | None = None
    lunch_start: int | None = None
    lunch_end: int | None = None
    first_shot_after_lunch: int | None = None
    second_meal_start: int | None = None
    second_meal_end: int | None = None
    camera_wrap: int | None = None
    last_out: int | None = None
    notes: str = Field(default="", sa_column=_text())
    started_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    # The day as planned when the report was started (JSON: studio.day_reports.facts), what its hot cost
    # is weighed against: a later change of the schedule never changes a reported day's plan.
    plan: str = Field(default="", sa_column=_text())

    lunch = span_property("lunch_start", "lunch_end")
    second_meal = span_property("second_meal_start", "second_meal_end")


class DayReportTime(Versioned, table=True):
    """The times of one performer, one department (its crew, unless one has a row of their own), one crew
    member, or a group of background players (`count` of one background role) on a reported day, as on
    a SAG-AFTRA time report. Meals left empty are the unit's; a performer's row with no call was paid
    without working (held)."""

    __tablename__ = "day_report_time"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN performer_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN department_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN crew_member_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN character_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
        checked("count >= 0"),
        checked("travel_minutes >= 0"),
        *_clock_checks(PERSON_TIMES),
        UniqueConstraint("report_id", "performer_id"),
        UniqueConstraint("report_id", "department_id"),
        UniqueConstraint("report_id", "crew_member_id"),
        UniqueConstraint("report_id", "character_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = parent_fk("day_report")
    performer_id: int | None = parent_fk("performer", nullable=True)
    department_id: int | None = parent_fk("department", nullable=True)
    crew_member_id: int | None = parent_fk("crew_member", nullable=True)
    character_id: int | None = parent_fk("character", nullable=True)  # a background role
    count: int = Field(default=1)
    call: int | None = None
    makeup: int | None = None
    on_set: int | None = None
    first_meal_start: int | None = None
    first_meal_end: int | None = None
    second_meal_start: int | None = None
    second_meal_end: int | None = None
    wrap: int | None = None
    out: int | None = None
    travel_minutes: int = Field(default=0)  # paid travel, counted as work
    remarks: str = Field(default="", max_length=400)

    first_meal = span_property("first_meal_start", "first_meal_end")
    second_meal = span_property("second_meal_start", "second_meal_end")


class DayReportScene(Versioned, table=True):
    """A scene on the report: planned for the day or added on it; completed, partly shot or not shot."""

    __tablename__ = "day_report_scene"
    __table_args__ = (
        CheckConstraint(f"outcome IN {tuple(o.value for o in SceneOutcome)}", name="known_outcome"),
        checked("eighths_shot >= 0"),
        checked("screen_seconds >= 0"),
        checked("setups >= 0"),
        UniqueConstraint("report_id", "scene_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = parent_fk("day_report")
    scene_id: int = parent_fk("scene")
    position: int = Field(default=0)
    planned: bool = Field(default=False)  # on the schedule for the day when the report was started
    outcome: str = Field(default=SceneOutcome.COMPLETED.value, max_length=10)
    eighths_shot: int | None = None  # a part shot: pages in eighths
    screen_seconds: int | None = None  # screen time shot (none: the scene's estimate)
    setups: int | None = None
    remarks: str = Field(default="", max_length=400)


class DayReportNote(Versioned, table=True):
    """A delay (with its reason and minutes lost), an injury or incident, or a department's note."""

    __tablename__ = "day_report_note"
    __table_args__ = (
        CheckConstraint(f"kind IN {tuple(k.value for k in ReportNoteKind)}", name="known_kind"),
        checked("minutes >= 0"),
    )
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = parent_fk("day_report")
    kind: str = Field(default=ReportNoteKind.DELAY.value, max_length=10)
    reason: str = Field(default="", max_length=10)  # a delay's: DelayReason
    minutes: int | None = None
    department_id: int | None = parent_fk("department", nullable=True, on_delete="SET NULL")
    text: str = Field(default="", sa_column=_text())
