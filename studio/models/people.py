"""Performers and their deals, crew and departments, and everyone's (and every place's) availability."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, filled, money_property, parent_fk, production_fk
from studio.models.enums import PerformerDayKind, RateBasis, UnionStatus
from studio.models.types import ExactDecimal

HOURS = ExactDecimal(2)
FACTOR = ExactDecimal(3)


class Performer(Versioned, table=True):
    __table_args__ = (
        checked("pickup_minutes >= 0"),
        checked("makeup_minutes >= 0"),
        checked("wardrobe_minutes >= 0"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    legal_name: str = Field(max_length=200)
    professional_name: str = Field(default="", max_length=200)
    name_zh: str = Field(default="", max_length=200)
    union_status: str = Field(default=UnionStatus.NON_UNION.value, max_length=20)
    agent_name: str = Field(default="", max_length=200)
    agent_phone: str = Field(default="", max_length=40)
    agent_email: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    languages: str = Field(default="", max_length=200)
    photo_path: str = Field(default="", max_length=400)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # Their own pickup, hair & makeup and wardrobe durations (None: the production's).
    pickup_minutes: int | None = Field(default=None)
    makeup_minutes: int | None = Field(default=None)
    wardrobe_minutes: int | None = Field(default=None)
    # Known for a minor: the hours they may work on a day follow their age that day (studio.minors).
    date_of_birth: dt.date | None = Field(default=None)

    @property
    def billed_name(self) -> str:
        """The name they work under: their professional name, else their legal one."""
        return self.professional_name or self.legal_name


class OvertimeRule(Versioned, table=True):
    """A pay preset: overtime (e.g. 1.5x after 8 hours, 2x after 12, counted in tenths of an hour), meal
    penalties (a meal due within so many minutes of the call and of the last meal; each step late costs
    the first, second, then every later amount), the rest due between wrap and the next call (a forced
    call costs so many days' pay) and, for union agreements, the minimums and pension & health rate.
    Presets are data the producer edits, never constants in code."""

    __tablename__ = "overtime_rule"
    __table_args__ = (
        checked("first_threshold_hours > 0"),
        checked("increment_minutes > 0"),
        checked("day_minimum_minor >= 0"),
        checked("week_minimum_minor >= 0"),
        checked("pension_health_percent >= 0"),
        checked("meal_interval_minutes > 0"),
        checked("meal_penalty_step_minutes > 0"),
        checked("meal_penalty_first_minor >= 0"),
        checked("meal_penalty_second_minor >= 0"),
        checked("meal_penalty_later_minor >= 0"),
        checked("rest_hours > 0"),
        checked("forced_call_days >= 0"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=120)
    first_threshold_hours: Decimal = Field(sa_type=HOURS)
    first_factor: Decimal = Field(sa_type=FACTOR)
    second_threshold_hours: Decimal | None = Field(default=None, sa_type=HOURS)
    second_factor: Decimal | None = Field(default=None, sa_type=FACTOR)
    increment_minutes: int = filled(6)
    day_minimum_minor: int | None = Field(default=None, sa_type=BigInteger)
    week_minimum_minor: int | None = Field(default=None, sa_type=BigInteger)
    currency: str = filled("USD", max_length=3)
    pension_health_percent: Decimal | None = Field(default=None, sa_type=FACTOR)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default="", server_default=""))
    meal_interval_minutes: int = filled(360)
    meal_penalty_step_minutes: int = filled(30)
    meal_penalty_first_minor: int | None = Field(default=None, sa_type=BigInteger)
    meal_penalty_second_minor: int | None = Field(default=None, sa_type=BigInteger)
    meal_penalty_later_minor: int | None = Field(default=None, sa_type=BigInteger)
    rest_hours: Decimal | None = Field(default=None, sa_type=HOURS)
    forced_call_days: Decimal | None = Field(default=None, sa_type=FACTOR)

    day_minimum = money_property("day_minimum_minor", "currency")
    week_minimum = money_property("week_minimum_minor", "currency")
    meal_penalty_first = money_property("meal_penalty_first_minor", "currency")
    meal_penalty_second = money_property("meal_penalty_second_minor", "currency")
    meal_penalty_later = money_property("meal_penalty_later_minor", "currency")


class CastAssignment(Versioned, table=True):
    """A character cast to a performer, with the deal for that role."""

    __tablename__ = "cast_assignment"
    __table_args__ = (
        checked("rate_minor >= 0"),
        checked("guaranteed_days >= 0"),
        checked("per_diem_minor >= 0"),
        UniqueConstraint("character_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    character_id: int = parent_fk("character")
    performer_id: int = parent_fk("performer")
    rate_minor: int | None = Field(default=None, sa_type=BigInteger)
    currency: str = Field(default="USD", max_length=3)
    rate_basis: str = Field(default=RateBasis.DAY.value, max_length=12)
    guaranteed_days: int = Field(default=0)
    overtime_rule_id: int | None = parent_fk("overtime_rule", nullable=True, on_delete="SET NULL")
    per_diem_minor: int | None = Field(default=None, sa_type=BigInteger)
    travel_notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))

    rate = money_property("rate_minor", "currency")
    per_diem = money_property("per_diem_minor", "currency")


class Department(Versioned, table=True):
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=120)
    name_zh: str = Field(default="", max_length=120)
    sort_order: int = Field(default=0)
    default_call_offset_minutes: int = Field(default=0)


class CrewMember(Versioned, table=True):
    __table_args__ = (checked("rate_minor >= 0"),)
    __tablename__ = "crew_member"
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    department_id: int | None = parent_fk("department", nullable=True, on_delete="SET NULL")
    position: str = Field(default="", max_length=120)
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    rate_minor: int | None = Field(default=None, sa_type=BigInteger)
    currency: str = Field(default="USD", max_length=3)
    rate_basis: str = Field(default=RateBasis.DAY.value, max_length=12)
    union_status: str = Field(default=UnionStatus.NON_UNION.value, max_length=20)
    languages: str = Field(default="", max_length=200)
    call_offset_minutes: int | None = Field(default=None)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    overtime_rule_id: int | None = parent_fk("overtime_rule", nullable=True, on_delete="SET NULL")

    rate = money_property("rate_minor", "currency")


class Availability(Versioned, table=True):
    """A date range in which a performer, crew member or location is unavailable (or available)."""

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN performer_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN crew_member_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN location_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
    )
    id: int | None = Field(default=None, primary_key=True)
    performer_id: int | None = parent_fk("performer", nullable=True)
    crew_member_id: int | None = parent_fk("crew_member", nullable=True)
    location_id: int | None = parent_fk("location", nullable=True)
    start_date: dt.date
    end_date: dt.date
    available: bool = Field(default=False)
    reason: str = Field(default="", max_length=400)


class PerformerDay(Versioned, table=True):
    """A day a performer is called for something other than shooting: travel, rehearsal or a fitting
    (Day Out of Days shows T, R, F). A travel day keeps them from shooting."""

    __tablename__ = "performer_day"
    __table_args__ = (
        CheckConstraint("kind IN ('TRAVEL', 'REHEARSAL', 'FITTING')", name="known_kind"),
        UniqueConstraint("performer_id", "day"),
    )
    id: int | None = Field(default=None, primary_key=True)
    performer_id: int = parent_fk("performer")
    day: dt.date
    kind: str = Field(default=PerformerDayKind.TRAVEL.value, max_length=10)
    notes: str = Field(default="", max_length=400)
