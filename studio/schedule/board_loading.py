"""Reading the stripboard from the database: `load_board` gathers everything scheduling needs (days with
their sun times and typed calls, strips, cast with their deals and calls, places and drives) in a few
queries into a `board.Board`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlmodel import Session, select

from studio.cast_calls import Calls, Durations
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
    PerformerDayKind,
    RateBasis,
    RevisionState,
    SceneOutcome,
    ShootDayKind,
)
from studio.schedule.board import (
    SHOOTING_LEAD,
    UNKNOWN_DAWN,
    UNKNOWN_DUSK,
    UNKNOWN_SUNSET,
    Board,
    CastMember,
    Day,
    Layout,
    Limits,
    Place,
    StripCard,
)
from studio.schedule.daylight import sun_times
from studio.schedule.drives import Drives, Roads, drives, spots
from studio.storage.withheld import visible_money, withholds_money


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
