"""Per-day call-sheet details (what the schedule does not say) and per-person call times."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, Text
from sqlmodel import Field

from studio.models.base import Versioned, checked, parent_fk
from studio.models.types import UTCDateTime, utc_now


def _text() -> Column:
    return Column(Text, nullable=False, default="")


class CallSheet(Versioned, table=True):
    __table_args__ = (checked("rain_chance_percent BETWEEN 0 AND 100"),)
    __tablename__ = "call_sheet"
    id: int | None = Field(default=None, primary_key=True)
    shoot_day_id: int = Field(foreign_key="shoot_day.id", ondelete="CASCADE", unique=True)
    crew_call: dt.time | None = None
    shooting_call: dt.time | None = None
    breakfast: dt.time | None = None
    lunch: dt.time | None = None
    dinner: dt.time | None = None
    background_call: dt.time | None = None
    weather_summary: str = Field(default="", max_length=200)
    temperature_high: int | None = None
    temperature_low: int | None = None
    rain_chance_percent: int | None = Field(default=None)
    safety_notes: str = Field(default="", sa_column=_text())
    general_notes: str = Field(default="", sa_column=_text())
    department_notes: str = Field(default="", sa_column=_text())
    walkie_channels: str = Field(default="", sa_column=_text())
    closed_set: bool = Field(default=False)


class CallTime(Versioned, table=True):
    """One person's times on one call sheet (overrides the department default)."""

    __tablename__ = "call_time"
    __table_args__ = (CheckConstraint("(performer_id IS NULL) <> (crew_member_id IS NULL)", name="one_person"),)
    id: int | None = Field(default=None, primary_key=True)
    call_sheet_id: int = parent_fk("call_sheet")
    performer_id: int | None = parent_fk("performer", nullable=True)
    crew_member_id: int | None = parent_fk("crew_member", nullable=True)
    pickup: dt.time | None = None
    makeup: dt.time | None = None
    wardrobe: dt.time | None = None
    on_set: dt.time | None = None
    remarks: str = Field(default="", max_length=400)


class SentCallSheet(Versioned, table=True):
    """A call sheet mailed to one person: to whom, in which language, which version of the sheet (a
    fingerprint of what it said: `sheet_version`) and their own facts on it (call, scenes, places: JSON), to tell later
    whether what they hold is out of date and what changed."""

    __tablename__ = "sent_call_sheet"
    __table_args__ = (CheckConstraint("(performer_id IS NULL) <> (crew_member_id IS NULL)", name="one_person"),)
    id: int | None = Field(default=None, primary_key=True)
    shoot_day_id: int = parent_fk("shoot_day")
    performer_id: int | None = parent_fk("performer", nullable=True)
    crew_member_id: int | None = parent_fk("crew_member", nullable=True)
    email: str = Field(max_length=200)
    language: str = Field(max_length=8)
    sheet_version: str = Field(max_length=64)
    facts: str = Field(default="", sa_column=_text())
    subject: str = Field(default="", max_length=400)
    sent_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
