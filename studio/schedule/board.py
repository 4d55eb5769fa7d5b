"""The stripboard as plain data: shoot days, one strip per scene, who and where each needs, what it costs.

`board_loading.load_board` reads everything scheduling needs in a few queries; the optimizer, Day Out of Days, the
conflict checks and the costs all work on this snapshot, so a drag on a 1,200-strip board recomputes
in milliseconds without touching the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from studio.cast_calls import NO_CALLS, NO_DURATIONS, Calls, Durations, staggered
from studio.day_reports.pay import Deal
from studio.models.enums import IntExt, TimeOfDay
from studio.schedule.drives import Drives

NIGHT = {TimeOfDay.NIGHT.value, TimeOfDay.DUSK.value}
EXTERIOR = {IntExt.EXT.value, IntExt.INT_EXT.value}


# Where a production has neither a location with coordinates nor a base city, the sun is taken to set
# at 18:00, dark at 18:30, and light again at 05:30 the next morning.
UNKNOWN_SUNSET, UNKNOWN_DUSK, UNKNOWN_DAWN = 18 * 60, 18 * 60 + 30, (24 + 5) * 60 + 30

# Where every strip is: day id (None: the boneyard) → its strips' ids in order.
Layout = dict[int | None, list[int]]


def spliced(layout: Layout, strip_ids: list[int], day_id: int | None, position: int) -> Layout:
    """`layout` with the strips taken from wherever they are and put, in the order given, at `position`
    on a day (None: the boneyard), counted among the strips that stay there and kept within them: the
    one rule for a drag, whether the board shows it or the database stores it."""
    moving = set(strip_ids)
    result = {day: [s for s in ids if s not in moving] for day, ids in layout.items()}
    target = result.setdefault(day_id, [])
    position = max(0, min(position, len(target)))
    target[position:position] = strip_ids
    return result


SHOOTING_LEAD = 60  # minutes from the crew call to the first scene, when the call sheet names no shooting call


@dataclass
class Day:
    id: int
    number: int
    date: dt.date
    unit: int
    sunset: int = UNKNOWN_SUNSET  # minutes after the day's local midnight
    dusk: int = UNKNOWN_DUSK  # night scenes start when it is dark
    fixed_call: int | None = None  # the crew call its call sheet names, if any
    dawn: int = UNKNOWN_DAWN  # the next morning's: night exteriors wrap while it is still dark
    # Minutes from the crew call to the shooting call, when the first scene starts: its call sheet's, else
    # SHOOTING_LEAD (a board built by hand in a test may leave it nought: scenes from the call).
    lead: int = 0
    lunch: int | None = None  # as its call sheet names them (None: lunch when due, no dinner)
    dinner: int | None = None
    typed: dict[int, Calls] = field(default_factory=dict)  # performer → calls typed on its call sheet
    # While the optimizer moves days (`meals.following`): the typed lunch and dinner as minutes after the
    # crew call, each that follows it (its `lunch` or `dinner` then None).
    meals_after: tuple[int | None, int | None] = (None, None)
    reported: bool = False  # shot and reported: the optimizer keeps it as it is (studio.day_reports)
    unshot: int = 0  # scenes its report says were not shot (a re-plan's to schedule again)

    def meals_at(self, call: int) -> tuple[int | None, int | None]:
        """The lunch and dinner its call sheet names for the day called at `call`: typed, or moved with
        the call (one before or past midnight, which a sheet cannot name, as none: then lunch when due)."""
        lunch, dinner = (
            typed if after is None else call + after if 0 <= call + after < 24 * 60 else None
            for typed, after in zip((self.lunch, self.dinner), self.meals_after, strict=True)
        )
        return lunch, dinner


@dataclass
class StripCard:
    """One strip: a scene (or a banner) with what scheduling needs to know about it."""

    id: int
    scene_id: int | None
    number: str = ""
    episode: int | None = None
    heading: str = ""
    set_name: str = ""
    set_name_zh: str = ""
    location_id: int | None = None
    location: str = ""
    int_ext: str = ""
    time_of_day: str = ""
    eighths: int = 0
    minutes: int = 0
    cast: tuple[int, ...] = ()  # performer ids
    cast_numbers: tuple[int, ...] = ()
    locked: bool = False
    color: str = ""
    banner: str = ""
    sort_order: int = 0
    route: int = 0  # its location's place on the production's route (drives.Drives.route)
    version: int = 0  # the strip's row version as loaded: a move carries it (strips.move_strips)

    # Each worked out once per card: a drag on a 1,200-strip board asks them thousands of times.
    @cached_property
    def is_banner(self) -> bool:
        return self.scene_id is None

    @cached_property
    def is_night(self) -> bool:
        return self.time_of_day in NIGHT

    @cached_property
    def needs_daylight(self) -> bool:
        """An exterior day scene: an interior one can be lit after sunset, an exterior cannot."""
        return not self.is_night and self.int_ext in EXTERIOR

    @cached_property
    def needs_dark(self) -> bool:
        """An exterior night scene: done before dawn."""
        return self.is_night and self.int_ext in EXTERIOR


@dataclass
class CastMember:
    id: int  # performer id
    name: str
    cast_numbers: tuple[int, ...]
    day_cost: Decimal  # in the production's base currency
    unavailable: set[dt.date] = field(default_factory=set)
    reasons: dict[dt.date, str] = field(default_factory=dict)
    calls: dict[dt.date, str] = field(default_factory=dict)  # travel, rehearsal and fitting days
    name_zh: str = ""
    born: dt.date | None = None  # known for a minor (studio.minors)
    durations: Durations = NO_DURATIONS  # their pickup, hair & makeup and wardrobe (else the production's)
    deal: Deal | None = None  # the deal paying their day cost, in the base currency: its overtime and meals

    def at_work_after_call(self, lead: int) -> int:
        """When they are at work, called for the first scene of a day with this lead, in minutes after
        the crew call (before it, negative: hair & makeup and wardrobe take longer than the lead)."""
        return staggered(lead, self.durations, NO_CALLS).at_work

    def rest_before_call(self, lead: int) -> int | None:
        """The minutes their pay preset's rest asks from the wrap before to such a day's crew call, if
        short rest is a forced call for them."""
        rules = self.deal.rules if self.deal is not None else None
        if rules is None or not rules.rest_minutes or not rules.forced_call_days:
            return None
        return rules.rest_minutes - self.at_work_after_call(lead)


@dataclass
class Place:
    id: int
    name: str
    fee: Decimal  # per day, in the base currency
    unavailable: set[dt.date] = field(default_factory=set)
    reasons: dict[dt.date, str] = field(default_factory=dict)
    name_zh: str = ""


@dataclass
class Limits:
    eighths: int
    minutes: int
    move_minutes: int  # a company move's wrapping and setting up again, besides the drive
    move_cost: Decimal  # a company move's, besides the drive
    drop_gap_days: int
    first_call: int = 7 * 60  # the earliest crew call, minutes after midnight
    drives: Drives = field(default_factory=Drives)

    def move(self, place: int | None, next_place: int | None) -> int:
        """The minutes a company move takes from one location to another (none without one)."""
        if place is None or next_place is None or place == next_place:
            return 0
        return self.move_minutes + self.drives.of(place, next_place).minutes

    def move_price(self, place: int | None, next_place: int | None) -> Decimal:
        """What a company move from one location to another costs (nothing without one)."""
        if place is None or next_place is None or place == next_place:
            return Decimal(0)
        return self.move_cost + self.drives.of(place, next_place).cost


@dataclass
class Board:
    """Days in shooting order, the strips on each (in order), and the boneyard."""

    production_id: int
    currency: str
    days: list[Day]
    strips: dict[int, StripCard]
    placement: Layout
    cast: dict[int, CastMember]
    places: dict[int, Place]
    limits: Limits
    priced: bool = True  # False for a login that reads no rate: every cost on the board is nought
    # Where the days' sun times are from: the production's located locations, else its base city (named
    # here), else nowhere (`sun_known` False: sunset taken as 18:00).
    sun_city: str = ""
    sun_known: bool = True

    def day_strips(self, day_id: int | None) -> list[StripCard]:
        return [self.strips[strip_id] for strip_id in self.placement.get(day_id, [])]

    def day_of(self) -> dict[int, int | None]:
        return {strip_id: day_id for day_id, ids in self.placement.items() for strip_id in ids}

    def moved(self, strip_ids: list[int], day_id: int | None, position: int) -> Board:
        """A copy of the board with strips moved (a drag shown without reading the database)."""
        return self.placed(spliced(self.placement, strip_ids, day_id, position))

    def placed(self, placement: Layout) -> Board:
        """The same board with the strips placed otherwise (a schedule weighed before it is saved)."""
        return replace(self, placement=placement)

    def reported_held(self) -> Board:
        """The board with the scenes on its reported days locked there: what was shot stays where it was
        shot (whatever became of it, a re-plan's to say), and no other scene goes on a reported day
        (`scene_groups.Scenes.allowed`)."""
        held = {s for day in self.days if day.reported for s in self.placement.get(day.id, [])}
        strips = {s: replace(card, locked=True) if s in held else card for s, card in self.strips.items()}
        return replace(self, strips=strips)

    @property
    def reported_days(self) -> list[Day]:
        return [day for day in self.days if day.reported]

    def shooting_minutes(self, day: Day | None = None) -> int:
        """The minutes of scenes and moves a day's hours hold after its lead; without a day, the most any
        of the board's days holds."""
        leads = [day.lead] if day is not None else [d.lead for d in self.days]
        return self.limits.minutes - min(leads, default=SHOOTING_LEAD)
