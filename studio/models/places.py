"""Locations (places a unit drives to) and the sets that belong to them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Column, Text, UniqueConstraint
from sqlmodel import Field

from studio.models.base import Versioned, checked, filled, money_property, parent_fk, production_fk
from studio.models.types import ExactDecimal

COORDINATE = ExactDecimal(7)


class Location(Versioned, table=True):
    __table_args__ = (checked("fee_per_day_minor >= 0"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    address: str = Field(default="", max_length=400)
    latitude: Decimal | None = Field(default=None, sa_type=COORDINATE)
    longitude: Decimal | None = Field(default=None, sa_type=COORDINATE)
    timezone: str = Field(default="America/Los_Angeles", max_length=64)
    contact_name: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=40)
    contact_email: str = filled("", max_length=200)
    fee_per_day_minor: int | None = Field(default=None, sa_type=BigInteger)
    fee_currency: str = Field(default="USD", max_length=3)
    parking: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    basecamp: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    hospital_name: str = Field(default="", max_length=200)
    hospital_address: str = Field(default="", max_length=400)
    hospital_phone: str = Field(default="", max_length=40)
    permit_notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))

    fee_per_day = money_property("fee_per_day_minor", "fee_currency")


class FilmSet(Versioned, table=True):
    """A set as the script names it ("STERLING TOWER - CEO OFFICE"), mapped to a location."""

    __tablename__ = "film_set"
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    # The set as the script's headings name it: re-imports match on it, whatever the producer renames it to.
    script_name: str | None = Field(default=None, max_length=200)
    location_id: int | None = parent_fk("location", nullable=True, on_delete="SET NULL")


class LocationDrive(Versioned, table=True):
    """The minutes a company move drives between two locations, typed by the producer: they win over the
    minutes worked out from coordinates. One row a pair, in either order (the drive is the same both
    ways)."""

    __tablename__ = "location_drive"
    __table_args__ = (
        checked("minutes BETWEEN 0 AND 600"),
        CheckConstraint("from_location_id <> to_location_id", name="two_locations"),
        UniqueConstraint("from_location_id", "to_location_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    from_location_id: int = parent_fk("location")
    to_location_id: int = parent_fk("location")
    minutes: int
