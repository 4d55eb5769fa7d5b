"""The drive minutes a producer types for a pair of locations (they win over the minutes worked out from
coordinates: `schedule.drives`): one row a pair, whichever way round it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import object_session
from sqlmodel import Session, SQLModel, or_, select

from studio.edit_rules import Reference
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import Location, LocationDrive, Production
from studio.schedule.board_loading import production_drives

Row = dict[str, Any]


@dataclass(frozen=True)
class DriveEnd(Reference):
    """One end of a typed drive: a location of the production, not the other end, and no other row
    already holding the pair (either way round)."""

    other: str = ""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        super().assign(row, field, value)
        here, there = getattr(row, field), getattr(row, self.other)
        if here is None or there is None:
            return
        if here == there:
            raise InvalidInput(_("a drive is between two different locations"))
        pair = or_(
            (LocationDrive.from_location_id == here) & (LocationDrive.to_location_id == there),
            (LocationDrive.from_location_id == there) & (LocationDrive.to_location_id == here),
        )
        session = object_session(row)
        with session.no_autoflush:
            taken = session.exec(select(LocationDrive.id).where(pair, LocationDrive.id != row.id)).first()
        if taken is not None:
            raise InvalidInput(_("the drive between these two locations is typed already: change its minutes"))


LOCATION_DRIVE = {
    "from_location_id": DriveEnd(Location, "to_location_id"),
    "to_location_id": DriveEnd(Location, "from_location_id"),
}


def drive_rows(session: Session, production_id: int) -> list[Row]:
    """The typed drives, each with its locations' names and the minutes their coordinates would give."""
    drives = production_drives(session, session.get(Production, production_id))
    names = {
        place.id: (place.name, place.name_zh)
        for place in session.exec(select(Location).where(Location.production_id == production_id))
    }
    statement = select(LocationDrive).where(LocationDrive.production_id == production_id).order_by(LocationDrive.id)
    rows = []
    for typed in session.exec(statement):
        rows.append(
            {
                "id": typed.id,
                "versions": {"location_drive": typed.version},
                "from": names[typed.from_location_id][0],
                "from_zh": names[typed.from_location_id][1],
                "to": names[typed.to_location_id][0],
                "to_zh": names[typed.to_location_id][1],
                "minutes": typed.minutes,
                "mapped": drives.of(typed.from_location_id, typed.to_location_id).mapped,
            }
        )
    return rows
