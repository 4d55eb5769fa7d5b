"""Assembling a shoot day's call sheet: times and who overrides them, Day Out of Days status, the next day,
the people found by position, sun and time zones, and what a call sheet never shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.callsheet import call_sheet, call_sheet_id, call_sheets, map_url, numbered_day
from studio.day_sheet import Note, Notice, Role
from studio.edits import set_fields
from studio.errors import InvalidInput, UserError
from studio.models import (
    Availability,
    BreakdownCategory,
    BreakdownElement,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    CrewMember,
    Department,
    Episode,
    FilmSet,
    Location,
    Performer,
    Production,
    Scene,
    SceneCharacter,
    SceneElement,
    ShootDay,
    Strip,
)
from studio.productions import ProductionDetails, create_production
from studio.schedule.board_loading import load_board
from studio.schedule.daylight import sun_times
from studio.schedule.strips import move_strips
from studio.schedule.timeline import clock as day_clock
from studio.schedule.timeline import day_times
from studio.storage.db import open_database

FIRST = dt.date(2027, 1, 11)  # a Monday; PST (UTC-8) in Los Angeles, so 07:00 there is 23:00 in Beijing
RATES = ("1234", "1,234", "4321", "4,321", "9876", "9,876")


@dataclass
class Small:
    """A production small enough to know every answer: two locations, three shoot days on unit 1 and one on
    unit 2, two performers, a crew of five."""

    database: object
    days: list[int]  # unit 1, in date order
    unit_two: int
    performers: dict[str, int]
    crew: dict[str, int]
    locations: dict[str, int]


def small_production(
    folder, *, title_zh: str = "夜班", scenes_per_day=(2, 0, 1), cast: int = 2, set_name: str = "", director="导演"
):
    """Day 1: scenes at the mill then the dock (a company move); day 2 none; day 3 at the mill."""
    database = open_database(folder / "small.sqlite", create=True)
    with database.transaction() as session:
        production = create_production(session, ProductionDetails("Night Shift", title_zh, "Owl Pictures"))
        pid = production.id
        mill = Location(
            production_id=pid,
            name="Old Mill",
            address="12 Mill Rd, Pasadena, CA 91101",
            latitude=Decimal("34.1478"),
            longitude=Decimal("-118.1445"),
            parking="Gravel lot behind the mill",
            basecamp="North yard",
            contact_name="Mr. Miller",
            contact_phone="(626) 555-0100",
            hospital_name="Huntington Hospital",
            hospital_address="100 W California Blvd, Pasadena, CA 91105",
            hospital_phone="(626) 555-0199",
            fee_per_day_minor=987600,
        )
        dock = Location(production_id=pid, name="Dock 9", address="9 Harbor Way, San Pedro, CA 90731")
        session.add_all([mill, dock])
        session.flush()
        floor = FilmSet(production_id=pid, name=set_name or "MILL - FLOOR", location_id=mill.id)
        pier = FilmSet(production_id=pid, name="DOCK - PIER", location_id=dock.id)
        episode = Episode(production_id=pid, number=1)
        session.add_all([floor, pier, episode])
        session.flush()
        performers, characters = {}, []
        for number in range(1, cast + 1):
            name = {1: "Jane Doe", 2: "John Roe"}.get(number, f"Extra Player {number:03d}")
            performer = Performer(production_id=pid, legal_name=name, phone=f"(310) 555-{number:04d}")
            character = Character(production_id=pid, name=f"ROLE {number}", cast_number=number)
            session.add_all([performer, character])
            session.flush()
            session.add(
                CastAssignment(
                    character_id=character.id, performer_id=performer.id, rate_minor=123400, per_diem_minor=6000
                )
            )
            performers[name] = performer.id
            characters.append(character)
        days = []
        for offset in range(3):
            day = ShootDay(production_id=pid, shoot_date=FIRST + dt.timedelta(days=offset), day_number=offset + 1)
            session.add(day)
            session.flush()
            days.append(day.id)
        unit_two = ShootDay(production_id=pid, unit=2, shoot_date=FIRST + dt.timedelta(days=1), day_number=1)
        session.add(unit_two)
        session.flush()
        number = 0
        for day_id, count in zip(days, scenes_per_day, strict=True):
            for index in range(count):
                number += 1
                film_set = pier if day_id == days[0] and index == count - 1 and count > 1 else floor
                scene = Scene(
                    production_id=pid,
                    episode_id=episode.id,
                    number=f"1-{number}",
                    sort_order=number,
                    set_id=film_set.id,
                    int_ext="EXT" if film_set is pier else "INT",
                    time_of_day="NIGHT" if film_set is pier else "DAY",
                    page_eighths=3,
                )
                session.add(scene)
                session.flush()
                session.add(Strip(production_id=pid, scene_id=scene.id, shoot_day_id=day_id, position=index))
                # Jane (and everyone past the first two) works days 1 and 3; John only day 1.
                for character in characters:
                    if character.cast_number != 2 or day_id == days[0]:
                        session.add(SceneCharacter(scene_id=scene.id, character_id=character.id))
        production_dept = Department(production_id=pid, name="Production", name_zh="制片", sort_order=0)
        camera = Department(
            production_id=pid, name="Camera", name_zh="摄影", sort_order=1, default_call_offset_minutes=-30
        )
        session.add_all([production_dept, camera])
        session.flush()
        crew = {}
        for name, position, department, offset in (
            ("Wu Dao", director, production_dept, None),
            ("Pat Lee", "1st A.D.", production_dept, None),
            ("Sam Line", "Line Producer", production_dept, None),
            ("Dee Pee", "Director of Photography", camera, -45),
            ("Al Focus", "1st Assistant Camera", camera, None),
        ):
            member = CrewMember(
                production_id=pid,
                department_id=department.id,
                position=position,
                name=name,
                phone=f"(323) 555-{len(crew) + 1:04d}",
                rate_minor=432100,
                call_offset_minutes=offset,
            )
            session.add(member)
            session.flush()
            crew[name] = member.id
    locations = {"mill": mill.id, "dock": dock.id}
    return Small(database, days, unit_two.id, performers, crew, locations)


@pytest.fixture
def small(tmp_path):
    production = small_production(tmp_path)
    yield production
    production.database.close()


def sheet_of(production: Small, day_id: int, **options):
    with production.database.session() as session:
        return call_sheet(session, 1, day_id, **options)


def enter_sheet(production: Small, day_id: int, **fields) -> int:
    with production.database.transaction() as session:
        sheet = CallSheet(shoot_day_id=day_id, **fields)
        session.add(sheet)
        session.flush()
        return sheet.id


def add_call_time(production: Small, sheet_id: int, **fields) -> None:
    with production.database.transaction() as session:
        session.add(CallTime(call_sheet_id=sheet_id, **fields))


def test_crew_are_called_by_their_own_offset_else_their_department_and_a_call_time_overrides(small):
    sheet_id = enter_sheet(small, small.days[0], crew_call=dt.time(6, 0))
    add_call_time(small, sheet_id, crew_member_id=small.crew["Al Focus"], on_set=dt.time(5, 0), remarks="Lens check")
    calls = {line.name: line for line in sheet_of(small, small.days[0]).crew}
    assert calls["Wu Dao"].call == 6 * 60  # department without an offset
    assert calls["Dee Pee"].call == 5 * 60 + 15  # her own offset, -45
    assert calls["Al Focus"].call == 5 * 60 and calls["Al Focus"].remarks == "Lens check"
    assert [line.department for line in sheet_of(small, small.days[0]).crew] == ["Production"] * 3 + ["Camera"] * 2


def test_cast_calls_are_staggered_back_from_each_performers_first_scene_a_worked_example(tmp_path):
    """Day 1 shoots 1-1 (50 min) and 1-2 (40 min) at the mill, then moves (60 min: no drive, the dock
    having no coordinates nor the production a base city) to the dock for 1-3 (30 min); shooting call
    07:00. Jane is in all three, the third performer only in 1-2, John only in 1-3. The production
    drives cast 30 min, makes them up 60 and dresses them 15; the third performer takes 90 in makeup
    and drives herself."""
    production = small_production(tmp_path, scenes_per_day=(3, 0, 1), cast=3)
    with production.database.transaction() as session:
        session.get(Production, 1).pickup_minutes = 30  # makeup 60 and wardrobe 15 are the defaults
        session.get(Production, 1).company_move_minutes = 60
        third = session.get(Performer, production.performers["Extra Player 003"])
        third.makeup_minutes, third.pickup_minutes = 90, 0
        scenes = {scene.number: scene for scene in session.exec(select(Scene))}
        for number, minutes in (("1-1", 50), ("1-2", 40), ("1-3", 30)):
            scenes[number].estimated_minutes = minutes
        scenes["1-3"].time_of_day = "DAY"
        roles = {character.cast_number: character.id for character in session.exec(select(Character))}
        for number, role in (("1-1", 2), ("1-2", 2), ("1-3", 3), ("1-1", 3)):
            session.delete(session.get(SceneCharacter, (scenes[number].id, roles[role])))
    sheet_id = enter_sheet(production, production.days[0], crew_call=dt.time(6, 0))
    calls = {line.performer: line for line in sheet_of(production, production.days[0]).cast}
    jane, john, third = calls["Jane Doe"], calls["John Roe"], calls["Extra Player 003"]

    def clocks(line) -> tuple:
        return tuple(
            day_clock(time) if time is not None else None
            for time in (line.pickup, line.makeup, line.wardrobe, line.on_set)
        )

    assert clocks(jane) == ("05:15", "05:45", "06:45", "07:00")  # 1-1 at 07:00
    assert clocks(third) == (None, "06:05", "07:35", "07:50")  # 1-2 at 07:50
    assert clocks(john) == ("07:45", "08:15", "09:15", "09:30")  # 1-3 at 08:30 + the move
    # A typed time takes the place of the one worked out, and the earlier calls follow it.
    add_call_time(production, sheet_id, performer_id=production.performers["John Roe"], on_set=dt.time(10, 0))
    add_call_time(production, sheet_id, performer_id=production.performers["Jane Doe"], makeup=dt.time(5, 30))
    calls = {line.performer: line for line in sheet_of(production, production.days[0]).cast}
    assert clocks(calls["John Roe"]) == ("08:15", "08:45", "09:45", "10:00")
    assert clocks(calls["Jane Doe"]) == ("05:00", "05:30", "06:45", "07:00")
    production.database.close()


def test_a_day_without_a_call_sheet_calls_when_the_schedule_does(small):
    with small.database.transaction() as session:
        session.get(Production, 1).default_crew_call = dt.time(8, 30)
    sheet = sheet_of(small, small.days[2])
    assert (sheet.crew_call, sheet.shooting_call, sheet.breakfast) == (510, 570, None)
    assert sheet.weather.summary == "" and sheet.weather.high is None  # never invented
    with small.database.session() as session:
        times = day_times(load_board(session, 1))
    assert [sheet_of(small, day).crew_call for day in small.days] == [times[day].call for day in small.days]


def test_day_out_of_days_status_and_who_is_listed(small):
    day_one, day_two, day_three = (sheet_of(small, day) for day in small.days)
    assert {line.performer: line.status for line in day_one.cast} == {"Jane Doe": "SW", "John Roe": "SWF"}
    # Day 2 has no scenes: Jane is on hold between her work days, listed without times.
    assert [(line.performer, line.status, line.makeup, line.on_set) for line in day_two.cast] == [
        ("Jane Doe", "H", None, None)
    ]
    assert [(line.performer, line.status) for line in day_three.cast] == [("Jane Doe", "WF")]


def test_day_numbers_and_the_advance_schedule(small):
    first, second, third = (sheet_of(small, day) for day in small.days)
    assert (first.number, first.day_count, third.number) == (1, 3, 3)
    assert first.next_day.number == 2 and first.next_day.lines == []
    assert second.next_day.date == FIRST + dt.timedelta(days=2)
    assert [line.number for line in second.next_day.lines] == ["1-3"]
    assert third.next_day is None
    other = sheet_of(small, small.unit_two)
    assert (other.unit, other.number, other.day_count, other.next_day) == (2, 1, 1, None)


def test_scenes_in_shooting_order_with_a_company_move(small):
    sheet = sheet_of(small, small.days[0])
    kinds = [type(line).__name__ for line in sheet.lines]
    assert kinds == ["SceneLine", "Move", "SceneLine"]
    assert sheet.lines[1].location == "Dock 9"
    scene = sheet.lines[2]
    assert (scene.number, scene.episode, scene.set_name, scene.int_ext, scene.time_of_day, scene.eighths) == (
        "1-2",
        1,
        "DOCK - PIER",
        "EXT",
        "NIGHT",
        3,
    )
    assert scene.cast_numbers == (1, 2) and sheet.episodes == [1]
    assert [place.name for place in sheet.places] == ["Old Mill", "Dock 9"]


def test_people_found_by_position_in_english_or_chinese_and_location_contacts(small):
    sheet = sheet_of(small, small.days[0])
    assert [(c.role, c.name) for c in sheet.contacts] == [
        (Role.DIRECTOR, "Wu Dao"),
        (Role.FIRST_AD, "Pat Lee"),
        (Role.LINE_PRODUCER, "Sam Line"),
        (Role.LOCATION_CONTACT, "Mr. Miller"),
    ]
    assert sheet.people(Role.FIRST_AD)[0].phone == "(323) 555-0002"
    assert sheet.contacts[-1].place == "Old Mill" and sheet.contacts[-1].phone == "(626) 555-0100"


def test_the_cast_version_leaves_out_crew_phones_and_no_sheet_shows_a_rate(small):
    full, cast_only = sheet_of(small, small.days[0]), sheet_of(small, small.days[0], cast_version=True)
    phones = {line.phone for line in full.crew}
    first_ad = full.people(Role.FIRST_AD)[0].phone  # whom a performer running late calls: kept
    assert len(phones) == 5 and cast_only.cast_version and cast_only.people(Role.FIRST_AD)[0].phone == first_ad
    assert phones & set(cast_only.texts()) == {first_ad} and {line.phone for line in cast_only.crew} == {""}
    assert "(626) 555-0100" in cast_only.texts()  # the location's contact is not crew
    texts = " ".join(full.texts())
    assert not [rate for rate in RATES if rate in texts] and "USD" not in texts
    assert "(310) 555-0001" not in texts  # performers' own phones are for the contact sheet, not the call sheet


def test_hq_time_is_the_crew_call_in_beijing_with_the_day_it_falls_on(small):
    enter_sheet(small, small.days[0], crew_call=dt.time(7, 0))
    enter_sheet(small, small.days[1], crew_call=dt.time(9, 30))
    first, second = sheet_of(small, small.days[0]), sheet_of(small, small.days[1])
    assert (first.hq.zone, first.hq.time) == ("Asia/Shanghai", 23 * 60)
    assert second.hq.time == 24 * 60 + 90  # 01:30 the next day in Beijing
    with small.database.transaction() as session:
        session.get(Production, 1).hq_timezone = "America/Los_Angeles"
    assert sheet_of(small, small.days[0]).hq is None  # HQ on the same clock: nothing to add


def test_sun_times_at_the_main_location_and_what_is_said_when_they_cannot_be(small):
    sheet = sheet_of(small, small.days[0])
    sun = sun_times(FIRST, Decimal("34.1478"), Decimal("-118.1445"), "America/Los_Angeles")
    assert sheet.sunrise == sun.sunrise.hour * 60 + sun.sunrise.minute + (sun.sunrise.second >= 30)
    assert 6 * 60 + 30 < sheet.sunrise < 7 * 60 + 30 and 16 * 60 + 45 < sheet.sunset < 17 * 60 + 30
    assert sheet.notes == [] and sheet.zone == "America/Los_Angeles"
    assert sheet.hospitals[0].name == "Huntington Hospital"
    with small.database.transaction() as session:
        mill = session.get(Location, small.locations["mill"])
        mill.latitude = mill.longitude = None
    sheet = sheet_of(small, small.days[0])
    assert (sheet.sunrise, sheet.sunset) == (None, None)
    assert [(note.kind, note.location) for note in sheet.notes] == [(Notice.NO_COORDINATES, "Old Mill")]
    assert [note.kind for note in sheet_of(small, small.days[1]).notes] == [Notice.NO_LOCATION]


def test_without_coordinates_the_base_citys_sun_is_used_and_said_and_a_night_is_called_for_the_dark(small):
    """Los Angeles (34.0522, -118.2437) on 11 January 2027: sunrise 06:59, sunset 17:03 (PST, as the
    almanacs have it); on the 13th sunset 17:05 and dark (civil dusk) 17:32, so a night is called at
    16:32, an hour before (the crew call's lead to the shooting call), and shoots from 17:32."""
    with small.database.transaction() as session:
        city = {"base_city": "Los Angeles", "base_latitude": "34.0522", "base_longitude": "-118.2437"}
        set_fields(session, "production", 1, city)
        mill = session.get(Location, small.locations["mill"])
        mill.latitude = mill.longitude = None  # the dock has none either: no location has coordinates
        session.exec(select(Scene).where(Scene.number == "1-3")).one().time_of_day = "NIGHT"  # all of day 3
    first = sheet_of(small, small.days[0])
    assert (first.sunrise, first.sunset, first.sun_city) == (6 * 60 + 59, 17 * 60 + 3, "Los Angeles")
    assert first.notes == [Note(Notice.BASE_CITY_NO_COORDINATES, "Old Mill", city="Los Angeles")]
    assert sheet_of(small, small.days[1]).notes == [Note(Notice.BASE_CITY_NO_LOCATION, city="Los Angeles")]
    with small.database.session() as session:
        board = load_board(session, 1)
    day3 = next(day for day in board.days if day.id == small.days[2])
    assert (day3.sunset, day3.dusk) == (17 * 60 + 5, 17 * 60 + 32)  # the schedule's clock: the city's sun
    assert (board.sun_city, board.sun_known) == ("Los Angeles", True)  # the stripboard says so
    night = sheet_of(small, small.days[2])
    assert night.sunset == 17 * 60 + 5 and night.crew_call == day_times(board)[day3.id].call == 16 * 60 + 32
    assert night.shooting_call == 17 * 60 + 32
    with small.database.transaction() as session:
        set_fields(session, "production", 1, {"base_city": ""})  # coordinates without a name
    assert sheet_of(small, small.days[0]).notes[0].city == "the production's base city"
    with small.database.transaction() as session:
        with pytest.raises(InvalidInput, match="'95' is not a latitude"):
            set_fields(session, "production", 1, {"base_latitude": "95"})
        set_fields(session, "production", 1, {"base_latitude": "", "base_longitude": ""})  # no base city
    assert (sheet_of(small, small.days[0]).sunrise, sheet_of(small, small.days[2]).crew_call) == (None, 17 * 60 + 30)
    with small.database.session() as session:
        assert not load_board(session, 1).sun_known  # dark assumed at 18:30, and the stripboard says so


def test_a_location_without_a_time_zone_uses_the_productions_and_says_so(small):
    with small.database.transaction() as session:
        session.get(Location, small.locations["mill"]).timezone = ""
        session.get(Production, 1).shoot_timezone = "America/Denver"
    enter_sheet(small, small.days[0], crew_call=dt.time(7, 0))
    sheet = sheet_of(small, small.days[0])
    assert sheet.zone == "America/Denver"
    assert [(note.kind, note.location, note.zone) for note in sheet.notes] == [
        (Notice.NO_TIMEZONE, "Old Mill", "America/Denver")
    ]
    assert sheet.sunrise is not None and sheet.hq.time == 22 * 60  # 07:00 in Denver (UTC-7) is 22:00 in Beijing


def test_map_links_from_coordinates_else_the_address():
    located = Location(production_id=1, name="A", latitude=Decimal("34.0511000"), longitude=Decimal("-118.25"))
    assert map_url(located) == "https://www.google.com/maps/search/?api=1&query=34.0511,-118.25"
    addressed = Location(production_id=1, name="B", address="633 W 5th St, Los Angeles & more")
    assert map_url(addressed).endswith("query=633+W+5th+St,+Los+Angeles+%26+more")
    assert map_url(Location(production_id=1, name="C")) == ""


def test_background_from_roles_and_tagged_extras_with_the_most_one_scene_needs(small):
    with small.database.transaction() as session:
        scenes = session.exec(select(Scene).order_by(Scene.sort_order)).all()
        crowd = Character(production_id=1, name="DOCK WORKERS", name_zh="码头工人", is_background=True)
        category = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "background")).one()
        diners = BreakdownElement(production_id=1, category_id=category.id, name="Diners", notes="Smart casual")
        session.add_all([crowd, diners])
        session.flush()
        session.add(SceneCharacter(scene_id=scenes[1].id, character_id=crowd.id, speaking=False))
        session.add(SceneElement(scene_id=scenes[0].id, element_id=diners.id, quantity=12))
        session.add(SceneElement(scene_id=scenes[1].id, element_id=diners.id, quantity=8))
    enter_sheet(small, small.days[0], crew_call=dt.time(6, 0), background_call=dt.time(6, 45))
    background = {line.name: line for line in sheet_of(small, small.days[0]).background}
    assert (background["Diners"].count, background["Diners"].scenes, background["Diners"].notes) == (
        12,
        ("1-1", "1-2"),
        "Smart casual",
    )
    assert background["DOCK WORKERS"].count is None and background["DOCK WORKERS"].call == 6 * 60 + 45


def test_background_are_called_for_their_first_scene_unless_a_call_is_typed(small):
    """Day 1: scene 1-1 at the mill from the shooting call, 07:00; the night scene 1-2 at the dock from dusk
    (17:30) and the move there (30 minutes), 18:00. The production's background need its hair & makeup
    (60 minutes) and wardrobe (15) before their first scene, and come no earlier than the crew (06:00):
    the diners of 1-1 at 06:00, the dock workers of 1-2 at 16:45, where every group was called at 06:00; a
    call falls on the five minutes."""
    with small.database.transaction() as session:
        first, second = session.exec(select(Scene).order_by(Scene.sort_order)).all()[:2]
        crowd = Character(production_id=1, name="DOCK WORKERS", is_background=True)
        category = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "background")).one()
        diners = BreakdownElement(production_id=1, category_id=category.id, name="Diners")
        session.add_all([crowd, diners])
        session.flush()
        session.add(SceneCharacter(scene_id=second.id, character_id=crowd.id, speaking=False))
        session.add(SceneElement(scene_id=first.id, element_id=diners.id, quantity=12))
    enter_sheet(small, small.days[0], crew_call=dt.time(6, 0))
    sheet = sheet_of(small, small.days[0])
    assert (sheet.crew_call, sheet.shooting_call) == (6 * 60, 7 * 60)
    assert {line.name: line.call for line in sheet.background} == {"Diners": 6 * 60, "DOCK WORKERS": 16 * 60 + 45}
    with small.database.transaction() as session:  # ready at 16:47: called on the five minutes before
        session.get(Production, 1).makeup_minutes = 58
    assert {line.name: line.call for line in sheet_of(small, small.days[0]).background}["DOCK WORKERS"] == 16 * 60 + 45


def test_a_background_role_counts_its_headcount_else_as_many_as_its_name_says(small):
    """保安2名 is two; REPORTERS, booked as six, are six; PASSERS-BY, with neither, are not known ("?")."""
    with small.database.transaction() as session:
        scene = session.exec(select(Scene).order_by(Scene.sort_order)).first()
        roles = [
            Character(production_id=1, name="保安2名", is_background=True),
            Character(production_id=1, name="REPORTERS", is_background=True, headcount=6),
            Character(production_id=1, name="PASSERS-BY", is_background=True),
        ]
        session.add_all(roles)
        session.flush()
        session.add_all(SceneCharacter(scene_id=scene.id, character_id=role.id, speaking=False) for role in roles)
    sheet = sheet_of(small, small.days[0])
    assert {line.name: line.count for line in sheet.background} == {"保安2名": 2, "REPORTERS": 6, "PASSERS-BY": None}
    assert (sheet.scenes[0].background, sheet.scenes[0].uncounted) == (8, True)
    with small.database.transaction() as session:
        session.exec(select(Character).where(Character.name == "保安2名")).one().headcount = 3
        session.exec(select(Character).where(Character.name == "PASSERS-BY")).one().headcount = 4
    sheet = sheet_of(small, small.days[0])
    assert {line.name: line.count for line in sheet.background} == {"保安2名": 3, "REPORTERS": 6, "PASSERS-BY": 4}
    assert (sheet.scenes[0].background, sheet.scenes[0].uncounted) == (13, False)


def test_each_scene_has_its_synopsis_background_count_and_the_elements_the_day_needs(small):
    with small.database.transaction() as session:
        first, second = session.exec(select(Scene).order_by(Scene.sort_order)).all()[:2]
        first.synopsis = "Jane hides the ledger."
        categories = {row.key: row for row in session.exec(select(BreakdownCategory))}
        tagged = [
            ("background", "Diners", "", 12, first),
            ("background", "Porters", "", 3, first),
            ("props", "Ledger", "账本", 1, first),
            ("props", "Lantern", "灯笼", 2, first),
            ("wardrobe", "Night coat", "", 1, first),
            ("vehicles", "Forklift", "叉车", 1, second),
            ("sound", "Playback", "", 1, first),  # not a department's on the sheet
        ]
        for key, name, name_zh, quantity, scene in tagged:
            element = BreakdownElement(production_id=1, category_id=categories[key].id, name=name, name_zh=name_zh)
            session.add(element)
            session.flush()
            session.add(SceneElement(scene_id=scene.id, element_id=element.id, quantity=quantity))
    one, two = sheet_of(small, small.days[0]).scenes
    assert (one.synopsis, one.background, two.background) == ("Jane hides the ledger.", 15, None)
    assert [(group.category, [(e.name, e.name_zh, e.quantity) for e in group.elements]) for group in one.elements] == [
        ("Props", [("Lantern", "灯笼", 2), ("Ledger", "账本", 1)]),
        ("Wardrobe", [("Night coat", "", 1)]),
    ]
    assert [(group.category_zh, group.elements[0].name) for group in two.elements] == [("车辆/动物", "Forklift")]


def test_call_sheet_settings_refuse_what_cannot_be_and_change_nothing(small):
    with small.database.transaction() as session:
        for entity, row_id, field, value in (
            ("production", 1, "makeup_minutes", "-5"),
            ("production", 1, "smtp_host", "smtp gmail com"),
            ("production", 1, "smtp_port", "70000"),
            ("production", 1, "smtp_security", "tls-ish"),
            ("production", 1, "document_language", "fr"),
            ("production", 1, "sender_address", "producer@"),
            ("performer", small.performers["Jane Doe"], "wardrobe_minutes", "ten"),
        ):
            with pytest.raises(InvalidInput):
                set_fields(session, entity, row_id, {field: value})
        production = session.get(Production, 1)
        assert (production.makeup_minutes, production.smtp_host, production.smtp_port) == (60, "", 587)
        set_fields(
            session,
            "production",
            1,
            {"smtp_host": "smtp.example.com", "smtp_security": "ssl", "document_language": "EN+zh"},
        )
        set_fields(session, "performer", small.performers["Jane Doe"], {"makeup_minutes": "90"})
        assert session.get(Performer, small.performers["Jane Doe"]).makeup_minutes == 90
        assert (production.smtp_security, production.document_language) == ("SSL", "en+zh")


def test_crew_unavailable_that_day_are_left_out(small):
    with small.database.transaction() as session:
        session.add(Availability(crew_member_id=small.crew["Al Focus"], start_date=FIRST, end_date=FIRST))
    assert "Al Focus" not in [line.name for line in sheet_of(small, small.days[0]).crew]
    assert "Al Focus" in [line.name for line in sheet_of(small, small.days[1]).crew]


def test_days_are_found_by_number_and_an_unknown_one_is_named(small):
    with small.database.session() as session:
        assert numbered_day(session, 1, 3) == small.days[2]
        with pytest.raises(UserError, match=r"no shoot day 7: the shoot days are 1, 2, 3$"):
            numbered_day(session, 1, 7)
        with pytest.raises(UserError, match="no shoot day with id 999"):
            call_sheet(session, 1, 999)


def test_every_demo_day_matches_the_schedule(demo):
    with demo.session() as session:
        board = load_board(session, 1)
        sheets = call_sheets(session, 1)
    assert [sheet.shoot_day_id for sheet in sheets] == [day.id for day in board.days]
    for sheet, day in zip(sheets, board.days, strict=True):
        strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
        assert [line.number for line in sheet.scenes] == [strip.number for strip in strips]
        assert sheet.day_count == 9 and sheet.title_zh == "契约新娘"
        assert sheet.people(Role.DIRECTOR)[0].name == "Zhang Wei" and sheet.people(Role.INTERPRETER)
    assert sheets[0].next_day.number == 2 and sheets[-1].next_day is None


def test_the_shooting_call_cannot_come_before_the_crew_call(demo):
    with demo.transaction() as session:
        sheet_id = call_sheet_id(session, 1)
        set_fields(session, "call_sheet", sheet_id, {"crew_call": "6:30"})
    early = r"shooting call \(06:00\) is before the crew call \(06:30\)"
    with pytest.raises(InvalidInput, match=early), demo.transaction() as session:
        set_fields(session, "call_sheet", sheet_id, {"shooting_call": "6:00"})
    with demo.transaction() as session:
        set_fields(session, "call_sheet", sheet_id, {"shooting_call": "7:30"})
        with pytest.raises(InvalidInput, match="before the crew call"):
            set_fields(session, "call_sheet", sheet_id, {"crew_call": "8:00"})
    with demo.session() as session:
        sheet = session.get(CallSheet, sheet_id)
        assert (sheet.crew_call, sheet.shooting_call) == (dt.time(6, 30), dt.time(7, 30))
    with demo.transaction() as session:  # a night shoot: crew at 18:00, the camera rolls after midnight
        set_fields(session, "call_sheet", sheet_id, {"shooting_call": "", "crew_call": "18:00"})
        set_fields(session, "call_sheet", sheet_id, {"shooting_call": "00:30"})


def test_a_second_unit_on_the_same_date_keeps_its_own_cast(demo):
    with demo.transaction() as session:
        board = load_board(session, 1)
        first = board.days[0]
        on_first = {p for strip in board.day_strips(first.id) for p in strip.cast}
        strip = next(s for s in board.strips.values() if not s.is_banner and set(s.cast) - on_first)
        guests = set(strip.cast) - on_first  # on unit 2's day only
        second = ShootDay(production_id=1, unit=2, shoot_date=first.date, day_number=1)
        session.add(second)
        session.flush()
        move_strips(session, 1, [strip.id], second.id, 0)
        second_id = second.id
    with demo.session() as session:
        unit_one = {line.performer_id for line in call_sheet(session, 1, first.id).cast}
        unit_two = {line.performer_id for line in call_sheet(session, 1, second_id).cast}
    assert guests <= unit_two and not guests & unit_one
