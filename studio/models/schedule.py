"""Shoot days and the strips placed on them (a strip without a day waits in the boneyard)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, parent_fk, production_fk
from studio.models.enums import ShootDayKind, StripKind


class ShootDay(Versioned, table=True):
    __tablename__ = "shoot_day"
    __table_args__ = (
        checked("unit >= 1"),
        checked("day_number >= 1"),
        UniqueConstraint("production_id", "unit", "shoot_date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    unit: int = Field(default=1)
    shoot_date: dt.date
    kind: str = Field(default=ShootDayKind.SHOOT.value, max_length=10)
    day_number: int | None = Field(default=None)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Strip(Versioned, table=True):
    __table_args__ = (checked("estimated_minutes >= 0"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    kind: str = Field(default=StripKind.SCENE.value, max_length=10)
    scene_id: int | None = parent_fk("scene", nullable=True)
    shoot_day_id: int | None = parent_fk("shoot_day", nullable=True, on_delete="SET NULL")
    position: int = Field(default=0)
    locked: bool = Field(default=False)
    estimated_minutes: int | None = Field(default=None)
    color: str = Field(default="", max_length=9)
    banner_text: str = Field(default="", max_length=400)
