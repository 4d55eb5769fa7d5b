"""The stripboard as plain data: shoot days, one strip per scene, who and where each needs, what it costs.

`load_board` reads everything scheduling needs in a few queries; the optimizer, Day Out of Days, the
conflict checks and the costs all work on this snapshot, so a drag on a 1,200-strip board recomputes
in milliseconds without touching the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from sqlmodel import Session, select

from studio.cast_calls import NO_CALLS, NO_DURATIONS, Calls, Durations, staggered
from studio.day_reports.pay import Deal, rules_of
from studio.exchange import RateTable
from studio.i18n import _
from studio.models import (
    Availability,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    DayReport,
    DayReportScene,
    Episode,
    FilmSet,
    Location,
    LocationDrive,
    OvertimeRule,
    Performer,
    PerformerDay,
    Production,
    Scene,
    SceneCharacter,
    ShootDay,
    Strip,
)
from studio.models.enums import (
    IntExt,
    PerformerDayKind,
    RateBasis,
    RevisionState,
    SceneOutcome,
    ShootDayKind,
    TimeOfDay,
)
from studio.schedule.daylight import sun_times
from studio.schedule.drives import Drives, Roads, drives, spots
from studio.storage.withheld import visible_money, withholds_money

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


def estimated_minutes(eighths: int, production: Production) -> int:
    return round(eighths * production.minutes_per_page / 8) + production.setup_minutes_per_scene


def load_board(session: Session, production_id: int) -> Board:
    production = session.get(Production, production_id)
    priced = not withholds_money(session)
    rates = RateTable.for_production(session, production_id) if priced else RateTable([])
    latitude, longitude, sun_city = _shooting_area(session, production)
    days = _days(session, production, latitude, longitude)
    cast = _cast(session, production, rates, priced)
    character_performer = _character_performers(session, production_id)
    scene_cast: dict[int, set[int]] = defaultdict(set)
    for scene_id, character_id in session.exec(
        select(SceneCharacter.scene_id, SceneCharacter.character_id)
        .join(Scene)
        .where(Scene.production_id == production_id)
    ):
        performer = character_performer.get(character_id)
        if performer is not None:
            scene_cast[scene_id].add(performer)
    places = _places(session, production_id, rates, production.base_currency)
    routes = production_drives(session, production)
    strips: dict[int, StripCard] = {}
    placement: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    statement = (
        select(Strip, Scene, Episode.number, FilmSet)
        .join(Scene, Strip.scene_id == Scene.id, isouter=True)
        .join(Episode, Scene.episode_id == Episode.id, isouter=True)
        .join(FilmSet, Scene.set_id == FilmSet.id, isouter=True)
        .where(Strip.production_id == production_id)
    )
    for strip, scene, episode, film_set in session.exec(statement):
        if scene is not None and scene.revision_state == RevisionState.OMITTED.value:
            continue
        strips[strip.id] = _card(strip, scene, episode, film_set, scene_cast, cast, places, production, routes.route)
        placement[strip.shoot_day_id].append((strip.position, strip.id))
    day_ids = {day.id for day in days}
    ordered: Layout = {day.id: [] for day in days}
    ordered[None] = []
    for day_id, entries in placement.items():
        target = day_id if day_id in day_ids else None  # a strip on a day off waits in the boneyard
        ordered[target].extend(strip_id for _, strip_id in sorted(entries))
    ordered[None].sort(key=lambda strip_id: strips[strip_id].sort_order)
    _count_unshot(session, production_id, days, ordered, strips)
    move_cost = visible_money(session, production, "company_move_cost")
    limits = Limits(
        production.max_eighths_per_day,
        production.max_minutes_per_day,
        production.company_move_minutes,
        move_cost.amount if move_cost else Decimal(0),
        production.drop_pickup_min_gap_days,
        minutes_of(production.default_crew_call),
        routes,
    )
    known = latitude is not None and longitude is not None
    currency = production.base_currency
    return Board(production_id, currency, days, strips, ordered, cast, places, limits, priced, sun_city, known)


def _days(session: Session, production: Production, latitude: Decimal | None, longitude: Decimal | None) -> list[Day]:
    """The shoot days with their sunset, dusk and next dawn where the production shoots, and the crew and
    shooting calls their call sheets fix (a shooting call alone fixes the crew call SHOOTING_LEAD before it)."""
    statement = (
        select(ShootDay, CallSheet, DayReport.id)
        .join(CallSheet, CallSheet.shoot_day_id == ShootDay.id, isouter=True)
        .join(DayReport, DayReport.shoot_day_id == ShootDay.id, isouter=True)
        .where(ShootDay.production_id == production.id, ShootDay.kind == ShootDayKind.SHOOT.value)
        .order_by(ShootDay.shoot_date, ShootDay.unit)
    )
    days = []
    typed = _typed_calls(session, production.id)
    for day, sheet, report in session.exec(statement):
        crew_call, shooting_call = (sheet.crew_call, sheet.shooting_call) if sheet else (None, None)
        sun = sun_times(day.shoot_date, latitude, longitude, production.shoot_timezone)
        sunset, dusk = sun.minutes(day.shoot_date) if sun else (UNKNOWN_SUNSET, UNKNOWN_DUSK)
        morning = sun_times(day.shoot_date + dt.timedelta(days=1), latitude, longitude, production.shoot_timezone)
        dawn = morning.dawn_after(day.shoot_date) if morning else UNKNOWN_DAWN
        fixed, shooting = minutes_of(crew_call), minutes_of(shooting_call)
        lead = SHOOTING_LEAD
        if shooting is not None:
            fixed = fixed if fixed is not None else max(0, shooting - SHOOTING_LEAD)
            lead = max(0, shooting - fixed)
        lunch, dinner = (minutes_of(sheet.lunch), minutes_of(sheet.dinner)) if sheet else (None, None)
        number, date = day.day_number or 0, day.shoot_date
        days.append(
            Day(
                day.id,
                number,
                date,
                day.unit,
                sunset,
                dusk,
                fixed,
                dawn,
                lead,
                lunch,
                dinner,
                typed.get(day.id, {}),
                reported=report is not None,
            )
        )
    return days


def _count_unshot(session: Session, production_id: int, days: list[Day], layout: Layout, strips: dict) -> None:
    """Each reported day's `unshot`: its scenes still on it that its report says were not shot (and none
    says was completed since: a re-plan moves them, a later day may shoot them)."""
    if not any(day.reported for day in days):  # most boards, before the shoot: nothing to read
        return
    rows = session.exec(
        select(DayReport.shoot_day_id, DayReportScene.scene_id, DayReportScene.outcome)
        .join(DayReportScene, DayReportScene.report_id == DayReport.id)
        .join(ShootDay, ShootDay.id == DayReport.shoot_day_id)
        .where(ShootDay.production_id == production_id)
    ).all()
    completed = {scene for _day, scene, outcome in rows if outcome == SceneOutcome.COMPLETED.value}
    unshot = {(day, scene) for day, scene, outcome in rows if outcome == SceneOutcome.NOT_SHOT.value}
    for day in days:
        if day.reported:
            scenes = {strips[s].scene_id for s in layout.get(day.id, [])}
            day.unshot = sum(1 for scene in scenes - completed if (day.id, scene) in unshot)


def _typed_calls(session: Session, production_id: int) -> dict[int, dict[int, Calls]]:
    """Shoot day id → performer → the calls typed on its call sheet."""
    statement = (
        select(CallSheet.shoot_day_id, CallTime)
        .join(CallTime, CallTime.call_sheet_id == CallSheet.id)
        .join(ShootDay, ShootDay.id == CallSheet.shoot_day_id)
        .where(ShootDay.production_id == production_id, CallTime.performer_id.is_not(None))
    )
    typed: dict[int, dict[int, Calls]] = defaultdict(dict)
    for day_id, row in session.exec(statement):
        typed[day_id][row.performer_id] = Calls(
            minutes_of(row.pickup), minutes_of(row.makeup), minutes_of(row.wardrobe), minutes_of(row.on_set)
        )
    return typed


def _shooting_area(session: Session, production: Production) -> tuple[Decimal | None, Decimal | None, str]:
    """The middle of the production's locations that have coordinates (a series shoots in one city),
    else its base city's, named (None where it has none)."""
    located = session.exec(
        select(Location.latitude, Location.longitude).where(
            Location.production_id == production.id, Location.latitude.is_not(None), Location.longitude.is_not(None)
        )
    ).all()
    if not located:
        return production.base_latitude, production.base_longitude, production.base_city
    return sum(lat for lat, _ in located) / len(located), sum(long for _, long in located) / len(located), ""


def production_drives(session: Session, production: Production) -> Drives:
    """Every pair of the production's locations: the drive between them, and the route through them."""
    per_hour = visible_money(session, production, "drive_cost_per_hour")
    roads = Roads(
        production.road_percent,
        production.drive_speed_kmh,
        per_hour.amount if per_hour else Decimal(0),
        production.base_currency,
    )
    located = session.exec(
        select(Location.id, Location.latitude, Location.longitude).where(Location.production_id == production.id)
    ).all()
    where = spots(
        {place: (lat, long) for place, lat, long in located}, (production.base_latitude, production.base_longitude)
    )
    typed = session.exec(
        select(LocationDrive.from_location_id, LocationDrive.to_location_id, LocationDrive.minutes).where(
            LocationDrive.production_id == production.id
        )
    )
    places = sorted(place for place, _, _ in located)
    return drives(places, where, {(a, b): m for a, b, m in typed}, roads, production.base_city)


def minutes_of(time: dt.time | None) -> int | None:
    """A time of day as minutes after midnight."""
    return None if time is None else time.hour * 60 + time.minute


def _card(strip, scene, episode, film_set, scene_cast, cast, places, production, route) -> StripCard:
    if scene is None:
        return StripCard(
            strip.id, None, banner=strip.banner_text, color=strip.color, locked=strip.locked, version=strip.version
        )
    performers = tuple(sorted(scene_cast.get(scene.id, ()), key=lambda p: min(cast[p].cast_numbers or (999,))))
    location_id = film_set.location_id if film_set else None
    minutes = strip.estimated_minutes or scene.estimated_minutes or estimated_minutes(scene.page_eighths, production)
    return StripCard(
        id=strip.id,
        scene_id=scene.id,
        number=scene.number,
        episode=episode,
        heading=scene.heading,
        set_name=film_set.name if film_set else "",
        set_name_zh=film_set.name_zh if film_set else "",
        location_id=location_id,
        location=places[location_id].name if location_id in places else "",
        int_ext=scene.int_ext or "",
        time_of_day=scene.time_of_day or "",
        eighths=scene.page_eighths,
        minutes=minutes,
        cast=performers,
        cast_numbers=tuple(sorted(n for p in performers for n in cast[p].cast_numbers)),
        locked=strip.locked,
        color=strip.color,
        sort_order=scene.sort_order,
        route=route.get(location_id, 0),
        version=strip.version,
    )


def _character_performers(session: Session, production_id: int) -> dict[int, int]:
    """Cast (not background) characters → the performer playing them."""
    statement = (
        select(CastAssignment.character_id, CastAssignment.performer_id)
        .join(Character)
        .where(Character.production_id == production_id, Character.is_background.is_(False))
    )
    return dict(session.exec(statement).all())


def _cast(session: Session, production: Production, rates: RateTable, priced: bool) -> dict[int, CastMember]:
    """Every performer cast in a role, with what a day of theirs costs in the base currency (if `priced`)."""
    members: dict[int, CastMember] = {}
    presets = (
        {
            rule.id: rule
            for rule in session.exec(select(OvertimeRule).where(OvertimeRule.production_id == production.id))
        }
        if priced  # a pay preset is a budget's: a login that reads no rate reads none
        else {}
    )
    statement = (
        select(Performer, CastAssignment, Character)
        .join(CastAssignment, CastAssignment.performer_id == Performer.id)
        .join(Character, CastAssignment.character_id == Character.id)
        .where(Performer.production_id == production.id, Character.is_background.is_(False))
    )
    for performer, deal, character in session.exec(statement):
        member = members.get(performer.id)
        if member is None:
            member = members[performer.id] = CastMember(
                performer.id,
                performer.legal_name,
                (),
                Decimal(0),
                name_zh=performer.name_zh,
                born=performer.date_of_birth,
                durations=durations(performer, production),
            )
        if character.cast_number is not None:
            member.cast_numbers = tuple(sorted((*member.cast_numbers, character.cast_number)))
        cost = _day_cost(deal, production, rates) if priced else Decimal(0)
        if priced and (cost > member.day_cost or (cost == member.day_cost and member.deal is None)):
            member.day_cost = cost
            member.deal = _deal(deal, presets.get(deal.overtime_rule_id), production.base_currency, rates)
    _unavailable(session, Availability.performer_id, members)
    _calls(session, members)
    return members


def durations(performer: Performer, production: Production) -> Durations:
    """A performer's pickup, hair & makeup and wardrobe minutes, else the production's."""
    return Durations(
        _or(performer.pickup_minutes, production.pickup_minutes),
        _or(performer.makeup_minutes, production.makeup_minutes),
        _or(performer.wardrobe_minutes, production.wardrobe_minutes),
    )


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _calls(session: Session, members: dict[int, CastMember]) -> None:
    """Travel, rehearsal and fitting days; a performer travelling cannot shoot."""
    for entry in session.exec(select(PerformerDay).where(PerformerDay.performer_id.in_(members))):
        member = members[entry.performer_id]
        member.calls[entry.day] = entry.kind
        if entry.kind == PerformerDayKind.TRAVEL.value:
            member.unavailable.add(entry.day)
            member.reasons.setdefault(entry.day, entry.notes or _("travelling"))


def _day_cost(deal: CastAssignment, production: Production, rates: RateTable) -> Decimal:
    """What one more day of a deal costs: a day rate as it is, a week's fifth; a flat deal nothing."""
    if deal.rate is None:
        return Decimal(0)
    daily = {
        RateBasis.DAY.value: Decimal(1),
        RateBasis.DAY_12H.value: Decimal(1),
        RateBasis.WEEK.value: Decimal(1) / 5,
        RateBasis.HOUR.value: Decimal(production.max_minutes_per_day) / 60,
        RateBasis.FLAT.value: Decimal(0),
    }[deal.rate_basis]
    return rates.convert(deal.rate.times(daily), production.base_currency).amount


def _deal(deal: CastAssignment, preset: OvertimeRule | None, currency: str, rates: RateTable) -> Deal | None:
    """A deal in the base currency under its pay preset."""
    if deal.rate is None:
        return None
    return Deal(rates.convert(deal.rate, currency).amount, currency, deal.rate_basis, rules_of(preset, currency, rates))


def _places(session: Session, production_id: int, rates: RateTable, currency: str) -> dict[int, Place]:
    places = {}
    for location in session.exec(select(Location).where(Location.production_id == production_id)):
        fee_per_day = visible_money(session, location, "fee_per_day")
        fee = rates.convert(fee_per_day, currency).amount if fee_per_day else Decimal(0)
        places[location.id] = Place(location.id, location.name, fee, name_zh=location.name_zh)
    _unavailable(session, Availability.location_id, places)
    return places


def _unavailable(session: Session, column, owners: dict) -> None:
    if not owners:
        return
    entries = session.exec(select(Availability).where(column.in_(owners), Availability.available.is_(False)))
    for entry in entries:
        owner = owners[getattr(entry, column.key)]
        day = entry.start_date
        while day <= entry.end_date:
            owner.unavailable.add(day)
            owner.reasons[day] = entry.reason
            day += dt.timedelta(days=1)
