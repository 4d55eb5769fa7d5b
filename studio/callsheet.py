"""One shoot day's call sheet, gathered from the database as plain data (the PDF lays it out).

Everything is filled from what was entered or can be worked out, never invented: weather only as
entered, sunrise and sunset computed for the day's main location (its first scene's; the production's
base city, saying so, when it has no coordinates or no scene is on a location), times of day
local to that location (in minutes after its midnight, so a call can fall on the day before), and the
crew call once more in the production's HQ time zone. A call sheet goes to everyone on set, so it never
carries a rate or fee; the cast version also leaves out the crew's phone numbers.

Per-person times: each time a `CallTime` row gives overrides the default for that time. Crew are called
at the crew call moved by their own offset, else their department's; cast who work that day are called
back from their first scene (`cast_calls`: on set when it starts, wardrobe, hair & makeup and pickup
before it, each for their own duration, else the production's).

Each scene carries its synopsis, the background its breakdown counts and the elements the day needs from
it (`day_breakdown`: props, wardrobe, vehicles, effects, makeup, animals, stunts).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import groupby
from urllib.parse import quote_plus

from sqlmodel import Session, select

from studio.cast_calls import NO_CALLS, first_at_work, first_scenes, scene_starts, staggered
from studio.day_breakdown import background_calls, background_roles, roles_counted, scene_breakdown
from studio.day_sheet import (
    Banner,
    CastCall,
    Contact,
    CrewCall,
    DaySheet,
    Hospital,
    HqTime,
    Move,
    NextDay,
    Note,
    Notice,
    Place,
    Role,
    SceneLine,
    Weather,
    role_of,
)
from studio.errors import UserError
from studio.i18n import _
from studio.minors import minors_working
from studio.models import (
    Availability,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    CrewMember,
    Department,
    FilmSet,
    Location,
    Performer,
    Scene,
    ShootDay,
)
from studio.models.enums import ShootDayKind
from studio.productions import get_production
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Day, StripCard
from studio.schedule.board_loading import durations, load_board, minutes_of
from studio.schedule.daylight import sun_times, zone_or_none
from studio.schedule.timeline import planned_lunch

# Assembly.


def call_sheet(
    session: Session, production_id: int, shoot_day_id: int, cast_version: bool = False, board: Board | None = None
) -> DaySheet:
    """The call sheet of one shoot day (raises UserError for a day that is not a shoot day); the schedule
    is read, or given."""
    board = board or load_board(session, production_id)
    day = next((day for day in board.days if day.id == shoot_day_id), None)
    if day is None:
        raise UserError(_("there is no shoot day with id {id}").format(id=shoot_day_id))
    return _Assembler(session, board, cast_version).sheet(day)


def call_sheets(
    session: Session, production_id: int, cast_version: bool = False, board: Board | None = None
) -> list[DaySheet]:
    """Every shoot day's call sheet, in shooting order (the schedule is read once, or given)."""
    assembler = _Assembler(session, board or load_board(session, production_id), cast_version)
    return [assembler.sheet(day) for day in assembler.board.days]


def numbered_day(session: Session, production_id: int, number: int) -> int:
    """The id of shoot day `number` (the first unit's, when several units have a day of that number)."""
    statement = (
        select(ShootDay)
        .where(ShootDay.production_id == production_id, ShootDay.kind == ShootDayKind.SHOOT.value)
        .order_by(ShootDay.unit, ShootDay.shoot_date)
    )
    numbered: dict[int, int] = {}
    for _unit, days in groupby(session.exec(statement), key=lambda day: day.unit):
        for index, day in enumerate(days, start=1):
            numbered.setdefault(day.day_number or index, day.id)
    if not numbered:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    if number not in numbered:
        days = ", ".join(str(day) for day in sorted(numbered))
        raise UserError(_("there is no shoot day {number}: the shoot days are {days}").format(number=number, days=days))
    return numbered[number]


def day_number(board: Board, day: Day) -> tuple[int, int]:
    """(N, M) for "Day N of M": the day's number (its place in its unit when it has none) of the unit's days."""
    unit_days = [other for other in board.days if other.unit == day.unit]
    return day.number or unit_days.index(day) + 1, len(unit_days)


def map_url(location: Location) -> str:
    """A Google Maps link to the location: its coordinates, else its address (none without either)."""
    if location.latitude is not None and location.longitude is not None:
        query = f"{location.latitude.normalize():f},{location.longitude.normalize():f}"
    elif location.address.strip():
        query = location.address.strip()
    else:
        return ""
    return f"https://www.google.com/maps/search/?api=1&query={quote_plus(query, safe=',')}"


class _Assembler:
    """Reads what every day's sheet shares once: the production, its people, places and the DOOD."""

    def __init__(self, session: Session, board: Board, cast_version: bool):
        self.session, self.board, self.cast_version = session, board, cast_version
        analysis = BoardAnalysis(board)
        self.times = analysis.times
        self.production = get_production(session, board.production_id)
        production_id = self.production.id
        self.places = {
            location.id: location
            for location in session.exec(select(Location).where(Location.production_id == production_id))
        }
        dood = analysis.dood
        self.codes = {row.performer_id: dict(zip(dood.dates, row.codes, strict=True)) for row in dood.rows}
        self.scene_texts = {
            scene_id: (set_name_zh or "", synopsis)
            for scene_id, set_name_zh, synopsis in session.exec(
                select(Scene.id, FilmSet.name_zh, Scene.synopsis)
                .join(FilmSet, isouter=True)
                .where(Scene.production_id == production_id)
            )
        }
        self.performers = {
            performer.id: performer
            for performer in session.exec(select(Performer).where(Performer.production_id == production_id))
        }
        self.roles = self._roles()
        self.crew = self._crew()

    def sheet(self, day: Day) -> DaySheet:
        production, strips = self.production, self.board.day_strips(day.id)
        entered = self.session.exec(select(CallSheet).where(CallSheet.shoot_day_id == day.id)).first() or CallSheet(
            shoot_day_id=day.id
        )
        times = self._person_times(entered.id)
        used = [self.places[i] for i in dict.fromkeys(s.location_id for s in strips) if i in self.places]
        main = next((self.places[s.location_id] for s in strips if s.location_id in self.places), None)
        zone, notes = self._zone(main)
        # The schedule's clock has the calls entered, else works them out (a crew call later after a late
        # wrap, or for night work; the shooting call the day's lead after it).
        crew_call, shooting_call = self.times[day.id].call, self.times[day.id].shooting_call
        # The sun where the day shoots: its first location that has coordinates (the same city).
        located = next((place for place in used if place.latitude is not None and place.longitude is not None), main)
        sunrise, sunset, sun_city, sun_notes = self._sun(day.date, located, zone)
        number, count = day_number(self.board, day)
        starts = scene_starts(strips, shooting_call, day.dusk, self.board.limits.move)
        cast = self._cast(day, strips, times, starts)
        roles = background_roles(self.session, [strip.scene_id for strip in strips if not strip.is_banner])
        background_call = minutes_of(entered.background_call)
        return DaySheet(
            shoot_day_id=day.id,
            title=production.title,
            title_zh=production.title_zh,
            company=production.company,
            revision_color=production.revision_color,
            date=day.date,
            number=number,
            day_count=count,
            unit=day.unit,
            zone=zone,
            crew_call=crew_call,
            shooting_call=shooting_call,
            breakfast=minutes_of(entered.breakfast),
            # the lunch typed, while the day still holds it, else when it is due (`timeline.planned_lunch`)
            lunch=planned_lunch(crew_call, self.times[day.id].wrap, minutes_of(entered.lunch), first_at_work(cast)),
            dinner=minutes_of(entered.dinner),
            hq=self._hq(day.date, crew_call, zone),
            weather=Weather(
                entered.weather_summary, entered.temperature_high, entered.temperature_low, entered.rain_chance_percent
            ),
            sunrise=sunrise,
            sunset=sunset,
            sun_city=sun_city,
            hospitals=_hospitals(used),
            safety_notes=entered.safety_notes,
            general_notes=entered.general_notes,
            department_notes=entered.department_notes,
            walkie_channels=entered.walkie_channels,
            closed_set=entered.closed_set,
            places=[self._place(location) for location in used],
            lines=self._lines(strips, roles),
            cast=cast,
            background=background_calls(
                self.session,
                strips,
                roles,
                starts,
                lambda first: _or(background_call, self._background_call(first, crew_call)),
            ),
            crew=self._crew_calls(day.date, times, crew_call),
            next_day=self._next_day(day),
            contacts=self._contacts(used),
            notes=notes + sun_notes,
            cast_version=self.cast_version,
            minors=minors_working(cast, self.performers, day.date),
        )

    # Time and place.

    def _zone(self, main: Location | None) -> tuple[str, list[Note]]:
        """The zone the day's times are in: the main location's, else the production's shoot zone."""
        fallback = self.production.shoot_timezone
        if main is None or zone_or_none(main.timezone) is not None:
            return (main.timezone if main else fallback), []
        return fallback, [Note(Notice.NO_TIMEZONE, main.name, fallback)]

    def _sun(self, date: dt.date, main: Location | None, zone: str) -> tuple[int | None, int | None, str, list[Note]]:
        """Sunrise, sunset, the base city they are for ("" when they are the location's) and what to note."""
        production = self.production
        if main is not None and main.latitude is not None and main.longitude is not None:
            latitude, longitude, city, notes = main.latitude, main.longitude, "", []
        elif production.base_latitude is None or production.base_longitude is None:
            note = Note(Notice.NO_LOCATION) if main is None else Note(Notice.NO_COORDINATES, main.name)
            return None, None, "", [note]
        else:
            latitude, longitude = production.base_latitude, production.base_longitude
            city = production.base_city or _("the production's base city")
            kind = Notice.BASE_CITY_NO_LOCATION if main is None else Notice.BASE_CITY_NO_COORDINATES
            notes = [Note(kind, main.name if main else "", city=city)]
        sun = sun_times(date, latitude, longitude, zone)
        if sun is None:  # a zone that is no zone is already noted
            where = main.name if main is not None else city
            return None, None, "", [Note(Notice.NO_SUN, where)] if zone_or_none(zone) else []
        return _clock_minutes(sun.sunrise, date), _clock_minutes(sun.sunset, date), city, notes

    def _hq(self, date: dt.date, crew_call: int, zone: str) -> HqTime | None:
        local, hq = zone_or_none(zone), zone_or_none(self.production.hq_timezone)
        if local is None or hq is None:
            return None
        moment = dt.datetime.combine(date, dt.time(0), tzinfo=local) + dt.timedelta(minutes=crew_call)  # wall clock
        at_hq = moment.astimezone(hq)
        if at_hq.utcoffset() == moment.utcoffset():
            return None
        return HqTime(self.production.hq_timezone, _clock_minutes(at_hq, date))

    def _place(self, location: Location) -> Place:
        return Place(
            name=location.name,
            name_zh=location.name_zh,
            address=location.address,
            map_url=map_url(location),
            parking=location.parking,
            basecamp=location.basecamp,
            contact_name=location.contact_name,
            contact_phone=location.contact_phone,
        )

    # The day's scenes.

    def _lines(
        self, strips: list[StripCard], roles: list[tuple[int, Character]] | None = None
    ) -> list[SceneLine | Banner | Move]:
        """The scenes in shooting order, company moves and banners between them; with the scenes' background
        `roles` (`day_breakdown.background_roles`), each scene with its background and elements."""
        with_breakdown = roles is not None
        scenes = [strip.scene_id for strip in strips if not strip.is_banner]
        background, elements = scene_breakdown(self.session, scenes) if with_breakdown else ({}, {})
        counted, uncounted = roles_counted(roles) if with_breakdown else ({}, set())
        lines: list[SceneLine | Banner | Move] = []
        here = None
        for strip in strips:
            if strip.is_banner:
                lines.append(Banner(strip.banner))
                continue
            if strip.location_id in self.places:
                if here is not None and strip.location_id != here:
                    location, drive = (
                        self.places[strip.location_id],
                        self.board.limits.drives.of(here, strip.location_id),
                    )
                    city = self.board.limits.drives.base_city if drive.stand_ins else ""
                    lines.append(Move(location.name, location.name_zh, drive.minutes if drive.known else None, city))
                here = strip.location_id
            set_name_zh, synopsis = self.scene_texts.get(strip.scene_id, ("", ""))
            lines.append(
                SceneLine(
                    number=strip.number,
                    episode=strip.episode,
                    set_name=strip.set_name or strip.heading,
                    set_name_zh=set_name_zh,
                    int_ext=strip.int_ext,
                    time_of_day=strip.time_of_day,
                    eighths=strip.eighths,
                    cast_numbers=strip.cast_numbers,
                    synopsis=synopsis,
                    background=background.get(strip.scene_id, counted.get(strip.scene_id)),
                    uncounted=strip.scene_id in uncounted and strip.scene_id not in background,
                    elements=elements.get(strip.scene_id, ()),
                    location=self.places[strip.location_id].name if strip.location_id in self.places else "",
                )
            )
        return lines

    def _next_day(self, day: Day) -> NextDay | None:
        later = [other for other in self.board.days if other.unit == day.unit and other.date > day.date]
        if not later:
            return None
        following = min(later, key=lambda other: other.date)
        return NextDay(
            day_number(self.board, following)[0], following.date, self._lines(self.board.day_strips(following.id))
        )

    # People.

    def _person_times(self, sheet_id: int | None) -> dict[tuple[str, int], CallTime]:
        if sheet_id is None:
            return {}
        rows = self.session.exec(select(CallTime).where(CallTime.call_sheet_id == sheet_id))
        return {
            ("cast", row.performer_id) if row.performer_id is not None else ("crew", row.crew_member_id): row
            for row in rows
        }

    def _background_call(self, first_scene: int, crew_call: int) -> int:
        """Background are called in time to be dressed and made up for their first scene (the production's
        durations), on the five minutes before (a call reads 09:15, not 09:17), never before the crew."""
        ready = first_scene - self.production.makeup_minutes - self.production.wardrobe_minutes
        return max(crew_call, ready - ready % 5)

    def _cast(self, day, strips, times, starts: dict[int, int]) -> list[CastCall]:
        """Everyone in the day's scenes, on hold or with times entered, by cast ID; those who work called
        back from their first scene (`starts`: each scene's start, `cast_calls.scene_starts`)."""
        first_scene = first_scenes(strips, starts)
        working = set(first_scene)
        # Another unit shooting the same date keeps its own cast: the date's codes speak of both units.
        elsewhere = {
            performer
            for other in self.board.days
            if other.date == day.date and other.id != day.id
            for strip in self.board.day_strips(other.id)
            for performer in strip.cast
        } - working
        codes = {performer: self.codes.get(performer, {}).get(day.date, "") for performer in self.board.cast}
        called = {key[1] for key in times if key[0] == "cast"} & set(self.performers)
        ids = working | {performer for performer, code in codes.items() if code and performer not in elsewhere}
        ids |= called
        characters = self._characters()
        lines = []
        for performer_id in ids:
            performer, roles = self.performers[performer_id], characters.get(performer_id, [])
            entered = times.get(("cast", performer_id))
            typed = day.typed.get(performer_id, NO_CALLS)
            calls = staggered(first_scene.get(performer_id), durations(performer, self.production), typed)
            lines.append(
                CastCall(
                    performer_id=performer_id,
                    cast_numbers=tuple(sorted(c.cast_number for c in roles if c.cast_number is not None)),
                    performer=performer.billed_name,
                    performer_zh=performer.name_zh,
                    character=", ".join(c.name for c in roles),
                    character_zh="、".join(c.name_zh for c in roles if c.name_zh),
                    status=codes.get(performer_id, ""),
                    pickup=calls.pickup,
                    makeup=calls.makeup,
                    wardrobe=calls.wardrobe,
                    on_set=calls.on_set,
                    remarks=entered.remarks if entered else "",
                )
            )
        return sorted(lines, key=lambda line: (line.cast_numbers or (10**6,), line.performer.casefold()))

    def _characters(self) -> dict[int, list[Character]]:
        roles: dict[int, list[Character]] = defaultdict(list)
        statement = (
            select(CastAssignment.performer_id, Character)
            .join(Character)
            .where(Character.production_id == self.production.id, Character.is_background.is_(False))
            .order_by(Character.cast_number, Character.name)
        )
        for performer_id, character in self.session.exec(statement):
            roles[performer_id].append(character)
        return roles

    def _roles(self) -> list[tuple[Role, CrewMember]]:
        members = self.session.exec(
            select(CrewMember).where(CrewMember.production_id == self.production.id).order_by(CrewMember.id)
        )
        found = [(role_of(member.position), member) for member in members]
        return sorted(((role, member) for role, member in found if role), key=lambda item: list(Role).index(item[0]))

    def _crew(self) -> list[tuple[CrewMember, Department | None]]:
        statement = (
            select(CrewMember, Department)
            .join(Department, CrewMember.department_id == Department.id, isouter=True)
            .where(CrewMember.production_id == self.production.id)
        )
        return sorted(
            self.session.exec(statement),
            key=lambda row: (row[1] is None, row[1].sort_order if row[1] else 0, row[1].id if row[1] else 0, row[0].id),
        )

    def _crew_calls(self, date: dt.date, times, crew_call: int) -> list[CrewCall]:
        """The crew in department order, each at their call; people unavailable that date left out."""
        away = set(
            self.session.exec(
                select(Availability.crew_member_id).where(
                    Availability.crew_member_id.is_not(None),
                    Availability.available.is_(False),
                    Availability.start_date <= date,
                    Availability.end_date >= date,
                )
            )
        )
        lines = []
        for member, department in self.crew:
            if member.id in away:
                continue
            offset = member.call_offset_minutes
            if offset is None:
                offset = department.default_call_offset_minutes if department else 0
            entered = times.get(("crew", member.id))
            call = _or(minutes_of(entered.on_set) if entered else None, crew_call + offset)
            lines.append(
                CrewCall(
                    crew_member_id=member.id,
                    department=department.name if department else "",
                    department_zh=department.name_zh if department else "",
                    position=member.position,
                    name=member.name,
                    name_zh=member.name_zh,
                    phone="" if self.cast_version else member.phone,
                    call=call,
                    remarks=entered.remarks if entered else "",
                )
            )
        return lines

    def _contacts(self, used: list[Location]) -> list[Contact]:
        """The key people, and each location's contact; on the cast's version only the phones a performer
        calls (CAST_CALLS: the 1st AD's and the production office's), the crew's own left out."""
        contacts = [
            Contact(
                role, member.name, member.name_zh, member.phone if role in CAST_CALLS or not self.cast_version else ""
            )
            for role, member in self.roles
        ]
        contacts += [
            Contact(
                Role.LOCATION_CONTACT,
                location.contact_name,
                "",
                location.contact_phone,
                location.name,
                location.name_zh,
            )
            for location in used
            if location.contact_name or location.contact_phone
        ]
        return contacts


CAST_CALLS = (Role.FIRST_AD, Role.COORDINATOR)  # whom a performer running late calls


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _clock_minutes(moment: dt.datetime, date: dt.date) -> int:
    """A local moment as minutes after the midnight that starts `date`, rounded to the minute."""
    moment = moment + dt.timedelta(seconds=30)
    return (moment.date() - date).days * 24 * 60 + moment.hour * 60 + moment.minute


def _hospitals(locations: list[Location]) -> list[Hospital]:
    found: dict[str, Hospital] = {}
    for location in locations:
        if location.hospital_name or location.hospital_address:
            hospital = Hospital(location.hospital_name, location.hospital_address, location.hospital_phone)
            found.setdefault(hospital.name.casefold() or hospital.address, hospital)
    return list(found.values())


def call_sheet_id(session: Session, shoot_day_id: int, make: bool = True) -> int | None:
    """The id of a shoot day's call sheet, made (empty) the first time the day is opened; without
    `make`, None for a day that has none yet."""
    if session.get(ShootDay, shoot_day_id) is None:
        raise UserError(_("this shoot day no longer exists: it was removed, perhaps in another window"))
    sheet = session.exec(select(CallSheet).where(CallSheet.shoot_day_id == shoot_day_id)).first()
    if sheet is None and make:
        sheet = CallSheet(shoot_day_id=shoot_day_id)
        session.add(sheet)
        session.flush()
    return sheet.id if sheet is not None else None
