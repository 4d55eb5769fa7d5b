"""The production and its script: episodes, scenes, characters, script revisions."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, filled, money_property, parent_fk, production_fk
from studio.models.enums import IntExt, RevisionState, ScriptSide, TimeOfDay
from studio.models.places import COORDINATE
from studio.models.types import UTCDateTime, utc_now


class Production(Versioned, table=True):
    __table_args__ = (
        checked("max_eighths_per_day >= 0"),
        checked("max_minutes_per_day >= 0"),
        checked("minutes_per_page >= 0"),
        checked("setup_minutes_per_scene >= 0"),
        checked("company_move_minutes >= 0"),
        checked("company_move_cost_minor >= 0"),
        checked("road_percent BETWEEN 100 AND 500"),
        checked("drive_speed_kmh BETWEEN 1 AND 200"),
        checked("drive_cost_per_hour_minor >= 0"),
        checked("drop_pickup_min_gap_days >= 1"),
        checked("pickup_minutes >= 0"),
        checked("makeup_minutes >= 0"),
        checked("wardrobe_minutes >= 0"),
        checked("smtp_port BETWEEN 1 AND 65535"),
    )
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    title_zh: str = Field(default="", max_length=200)
    company: str = Field(default="", max_length=200)
    base_currency: str = Field(default="USD", max_length=3)
    reporting_currency: str = Field(default="USD", max_length=3)
    hq_timezone: str = Field(default="Asia/Shanghai", max_length=64)
    shoot_timezone: str = Field(default="America/Los_Angeles", max_length=64)
    max_eighths_per_day: int = Field(default=96)
    max_minutes_per_day: int = Field(default=720)
    # How long a scene takes when no estimate is entered: pages × minutes per page + a setup.
    minutes_per_page: int = filled(32)
    setup_minutes_per_scene: int = filled(3)
    # A company move costs time on the day and money (crew hours), in the base currency: wrapping and
    # setting up again (30 minutes in a production made since the drive came on top: 0016).
    company_move_minutes: int = filled(30)
    company_move_cost_minor: int = filled(100000, sa_type=BigInteger)
    # Besides, a move drives from one location to the next (studio.schedule.drives): the straight line
    # between their coordinates × the roads' detour (140: 40% longer, a metro area's usual) at an average
    # speed, unless the minutes are typed for the pair; the drive is on the day's clock and costs this
    # much an hour (vans and trucks, their drivers).
    road_percent: int = filled(140)
    drive_speed_kmh: int = filled(40)
    drive_cost_per_hour_minor: int = filled(25000, sa_type=BigInteger)
    # Day Out of Days drops a performer between two stretches of work only across a gap this long.
    drop_pickup_min_gap_days: int = filled(10)
    # The earliest a day calls when its call sheet names no crew call (later after a night: turnaround).
    default_crew_call: dt.time = filled(dt.time(7, 0))
    # The city the production shoots in: a location without coordinates takes its sunrise, sunset and
    # dusk from here (the call sheet says so), and so does the schedule when no location has any.
    base_city: str = filled("", max_length=200)
    base_latitude: Decimal | None = Field(default=None, sa_type=COORDINATE)
    base_longitude: Decimal | None = Field(default=None, sa_type=COORDINATE)
    revision_color: str = Field(default="White", max_length=40)
    # How long a performer is driven to set, sits in hair & makeup and dresses, when their own times say
    # nothing (call sheets stagger the cast's calls back from their first scene); no pickup when 0.
    pickup_minutes: int = filled(0)
    makeup_minutes: int = filled(60)
    wardrobe_minutes: int = filled(15)
    # The language of call sheets and their mail for someone whose own is not known: en, zh or en+zh.
    document_language: str = filled("en", max_length=8)
    # The producer's own mail account that sends call sheets (the password is in the system keyring).
    smtp_host: str = filled("", max_length=200)
    smtp_port: int = filled(587)
    smtp_security: str = filled("STARTTLS", max_length=10)  # SmtpSecurity
    smtp_login: str = filled("", max_length=200)
    sender_address: str = filled("", max_length=200)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)

    company_move_cost = money_property("company_move_cost_minor", "base_currency")
    drive_cost_per_hour = money_property("drive_cost_per_hour_minor", "base_currency")

    def display_title(self) -> str:
        return f"{self.title} / {self.title_zh}" if self.title_zh and self.title_zh != self.title else self.title


class ScriptRevision(Versioned, table=True):
    """One import of the script (a colour in the revision sequence)."""

    __tablename__ = "script_revision"
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    color: str = Field(default="White", max_length=40)
    side: str = filled(ScriptSide.SHOOTING.value, max_length=10)  # the shooting script's, or the original's
    source_name: str = Field(default="", max_length=400)
    source_sha256: str = Field(default="", max_length=64)
    imported_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Episode(Versioned, table=True):
    __table_args__ = (UniqueConstraint("production_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    number: int
    title: str = Field(default="", max_length=200)
    title_zh: str = Field(default="", max_length=200)
    synopsis: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Scene(Versioned, table=True):
    __table_args__ = (
        checked("page_eighths >= 0"),
        checked("estimated_minutes >= 0"),
        checked("shots >= 0"),
        UniqueConstraint("production_id", "number"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    episode_id: int | None = parent_fk("episode", nullable=True, on_delete="SET NULL")
    number: str = Field(max_length=20)
    sort_order: int = Field(default=0, index=True)
    heading: str = Field(default="", max_length=400)
    int_ext: str = Field(default=IntExt.INT.value, max_length=8)
    time_of_day: str = Field(default=TimeOfDay.DAY.value, max_length=12)
    set_id: int | None = parent_fk("film_set", nullable=True, on_delete="SET NULL")
    synopsis: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The writer's notes and boneyard written in the scene (`[[…]]`, `/* … */`, Final Draft's ScriptNotes):
    # never part of its text, so sides, call sheets and a revision's comparison leave them out.
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default="", server_default=""))
    page_eighths: int = Field(default=1)
    estimated_minutes: int | None = Field(default=None)
    shots: int | None = Field(default=None)  # planned, from the director's shot list; None: not planned yet
    revision_state: str = Field(default=RevisionState.NEW.value, max_length=12)
    revision_id: int | None = parent_fk("script_revision", nullable=True, on_delete="SET NULL")


class Character(Versioned, table=True):
    """A role in the script; its cast ID (1 = lead) is used on strips, DOOD and call sheets."""

    __table_args__ = (checked("cast_number >= 1"), checked("headcount >= 1"), UniqueConstraint("production_id", "name"))
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    # The name as the script writes it: re-imports match on it, so renaming the role keeps its links.
    script_name: str | None = Field(default=None, max_length=200)
    cast_number: int | None = Field(default=None)
    is_background: bool = Field(default=False)
    # How many background players the role books ("REPORTERS": 6); None: as many as its name says (保安2名),
    # else not known.
    headcount: int | None = Field(default=None)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class SceneCharacter(Versioned, table=True):
    """Who appears in a scene (speaking or listed)."""

    __tablename__ = "scene_character"
    scene_id: int = Field(foreign_key="scene.id", ondelete="CASCADE", primary_key=True)
    character_id: int = Field(foreign_key="character.id", ondelete="CASCADE", primary_key=True, index=True)
    speaking: bool = Field(default=True)
