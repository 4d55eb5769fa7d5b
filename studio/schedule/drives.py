"""How long a company move drives between two locations, and what the drive costs.

The minutes typed for a pair of locations win (either order: the drive is the same both ways); else the
great-circle distance between their coordinates × the production's road percent (the roads' detour
over the straight line: 140 in a metro area) at its average speed, in whole minutes (half up). A
location without coordinates stands at the production's base city (and says so); with no base city
either, nothing is known of the drive and it takes no minutes (a move still takes the production's
minutes for wrapping and setting up again: `board.Limits`).

A drive costs the production's driving cost per hour, for its minutes, rounded to the currency's
minor unit per move. Every pair's drive is worked out once, when the board is read.

The route is an order of all the locations, short to drive (the shortest of the nearest-neighbour
paths from each location, bettered by reversing stretches of it while that shortens it): a day's
shooting order visits its locations along it (`packing.shooting_order`), so the optimizer's model can
charge a day exactly the drives its order has.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from studio.money import round_to_currency

EARTH_RADIUS_KM = 6371.0  # the mean radius
LONGEST_MINUTES = 24 * 60


@dataclass(frozen=True)
class Spot:
    """Where a location is taken to be: its own coordinates, or the base city's standing in."""

    latitude: float
    longitude: float
    stand_in: bool = False  # the base city's coordinates, the location having none


@dataclass(frozen=True)
class Drive:
    minutes: int = 0
    cost: Decimal = Decimal(0)
    typed: bool = False  # typed for the pair, not worked out from coordinates
    # The locations of the pair without coordinates, at the base city for the drive (ids).
    stand_ins: tuple[int, ...] = ()
    known: bool = True  # False: neither typed nor any coordinates, base city's or own
    mapped: int | None = None  # the minutes the coordinates give, typed or not (None: not known)


NO_DRIVE = Drive()


@dataclass(frozen=True)
class Roads:
    """The production's way of working out drives."""

    percent: int = 140  # the road distance, in percent of the straight line
    speed_kmh: int = 40
    cost_per_hour: Decimal = Decimal(0)
    currency: str = "USD"


@dataclass(frozen=True)
class Drives:
    """Each ordered pair of different locations → its drive; every location → its place on the route."""

    between: Mapping[tuple[int, int], Drive] = field(default_factory=dict)
    route: Mapping[int, int] = field(default_factory=dict)
    base_city: str = ""  # where a location without coordinates is taken to be

    def of(self, a: int | None, b: int | None) -> Drive:
        if a is None or b is None or a == b:
            return NO_DRIVE
        return self.between.get((a, b), NO_DRIVE)

    @property
    def longest(self) -> int:
        return max((drive.minutes for drive in self.between.values()), default=0)


def distance_km(a: Spot, b: Spot) -> float:
    """The great-circle distance (haversine)."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    half_lat = (lat_b - lat_a) / 2
    half_long = math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_lat) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(half_long) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def drive_minutes(km: float, roads: Roads) -> int:
    """The straight line's kilometres driven on roads at the average speed, in whole minutes (half up);
    never more than a day (coordinates on two continents are no company move)."""
    return min(LONGEST_MINUTES, math.floor(km * roads.percent / 100 / roads.speed_kmh * 60 + 0.5))


def drive_cost(minutes: int, roads: Roads) -> Decimal:
    return round_to_currency(roads.cost_per_hour * minutes / 60, roads.currency)


def spots(
    coordinates: Mapping[int, tuple[Decimal | None, Decimal | None]], base: tuple[Decimal | None, Decimal | None]
) -> dict[int, Spot]:
    """Where each location is taken to be (those with no coordinates and no base city left out)."""
    found = {}
    for location, (latitude, longitude) in coordinates.items():
        if latitude is not None and longitude is not None:
            found[location] = Spot(float(latitude), float(longitude))
        elif base[0] is not None and base[1] is not None:
            found[location] = Spot(float(base[0]), float(base[1]), stand_in=True)
    return found


def drives(
    locations: list[int],
    where: Mapping[int, Spot],
    typed: Mapping[tuple[int, int], int],
    roads: Roads,
    base_city: str = "",
) -> Drives:
    """Every pair's drive: `typed` minutes (a pair in either order) first, else from `where` they are
    (`base_city` names where those without coordinates stand)."""
    between: dict[tuple[int, int], Drive] = {}
    for a in locations:
        for b in locations:
            if a >= b:
                continue
            mapped = drive_minutes(distance_km(where[a], where[b]), roads) if a in where and b in where else None
            minutes = typed.get((a, b), typed.get((b, a)))
            if minutes is not None:
                drive = Drive(minutes, drive_cost(minutes, roads), typed=True, mapped=mapped)
            elif mapped is not None:
                stand_ins = tuple(place for place in (a, b) if where[place].stand_in)
                drive = Drive(mapped, drive_cost(mapped, roads), stand_ins=stand_ins, mapped=mapped)
            else:
                drive = Drive(known=False)
            between[a, b] = between[b, a] = drive
    return Drives(between, _route(locations, between), base_city)


def _route(locations: list[int], between: Mapping[tuple[int, int], Drive]) -> dict[int, int]:
    """A short path through every location: the shortest nearest-neighbour path, then 2-opt."""
    if len(locations) < 3:
        return {place: rank for rank, place in enumerate(sorted(locations))}

    def minutes(a: int, b: int) -> int:
        return between[a, b].minutes

    def length(path: list[int]) -> int:
        return sum(minutes(a, b) for a, b in zip(path, path[1:], strict=False))

    paths = []
    for first in sorted(locations):
        path, left = [first], set(locations) - {first}
        while left:
            path.append(min(left, key=lambda place: (minutes(path[-1], place), place)))
            left.remove(path[-1])
        paths.append(path)
    best = min(paths, key=length)
    better = True
    while better:
        better = False
        for i in range(len(best) - 1):
            for j in range(i + 1, len(best)):
                turned = best[:i] + best[i : j + 1][::-1] + best[j + 1 :]
                if length(turned) < length(best):
                    best, better = turned, True
    return {place: rank for rank, place in enumerate(best)}
