"""A shoot day's call sheet as plain data: everything it says, in the words of the database (times in
minutes after the day's local midnight), for the PDF to lay out; who plays which role in its header."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass, replace
from enum import StrEnum

from studio.cast_calls import Calls


class Role(StrEnum):
    """The people a call sheet names in its header and key contacts, found by their position."""

    DIRECTOR = "director"
    PRODUCER = "producer"
    FIRST_AD = "first_ad"
    LINE_PRODUCER = "line_producer"
    COORDINATOR = "coordinator"
    LOCATION_MANAGER = "location_manager"
    INTERPRETER = "interpreter"
    MEDIC = "medic"
    LOCATION_CONTACT = "location_contact"


# Positions as people write them, in English or Chinese (compared case-folded, without dots).
ROLE_TITLES: dict[Role, set[str]] = {
    Role.DIRECTOR: {"director", "导演", "总导演"},
    Role.PRODUCER: {"producer", "executive producer", "co-producer", "制片人", "监制", "出品人", "总制片"},
    Role.FIRST_AD: {"1st assistant director", "first assistant director", "1st ad", "第一副导演", "执行导演"},
    Role.LINE_PRODUCER: {"line producer", "unit production manager", "upm", "production manager", "制片主任"},
    Role.COORDINATOR: {"production coordinator", "制片协调", "统筹"},
    Role.LOCATION_MANAGER: {"location manager", "场地经理", "外联制片"},
    Role.INTERPRETER: {"interpreter", "现场翻译"},
    Role.MEDIC: {"set medic", "medic", "医护"},
}


class Notice(StrEnum):
    """Why something is missing from the sheet (the PDF says it in the sheet's language)."""

    NO_LOCATION = "no_location"  # no scene on a location: no sun times
    NO_COORDINATES = "no_coordinates"
    NO_SUN = "no_sun"  # the sun does not rise or set there that day
    NO_TIMEZONE = "no_timezone"  # the location's zone is missing: the production's shoot zone is used
    # The sun times are the production's base city's: no scene is on a location, or it has no coordinates.
    BASE_CITY_NO_LOCATION = "base_city_no_location"
    BASE_CITY_NO_COORDINATES = "base_city_no_coordinates"


@dataclass(frozen=True)
class Note:
    kind: Notice
    location: str = ""
    zone: str = ""
    city: str = ""  # the production's base city, where the sun times are from


@dataclass(frozen=True)
class Contact:
    role: Role
    name: str
    name_zh: str = ""
    phone: str = ""
    place: str = ""  # a location contact's location
    place_zh: str = ""


@dataclass(frozen=True)
class Weather:
    summary: str = ""
    high: int | None = None  # °F, as entered
    low: int | None = None
    rain_percent: int | None = None


@dataclass(frozen=True)
class Hospital:
    name: str
    address: str
    phone: str


@dataclass(frozen=True)
class Place:
    name: str
    name_zh: str
    address: str
    map_url: str
    parking: str
    basecamp: str
    contact_name: str
    contact_phone: str


@dataclass(frozen=True)
class Element:
    name: str
    name_zh: str
    quantity: int  # how many the scene needs (1 unless entered)


@dataclass(frozen=True)
class ElementGroup:
    """A breakdown category's elements a scene needs (props, wardrobe, vehicles…)."""

    category: str
    category_zh: str
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class SceneLine:
    number: str
    episode: int | None
    set_name: str
    set_name_zh: str
    int_ext: str
    time_of_day: str
    eighths: int
    cast_numbers: tuple[int, ...]
    synopsis: str = ""
    # The background the scene's breakdown counts, else its background roles' names say (None: none
    # counted); `uncounted`: it has background roles whose names say no number, the breakdown none.
    background: int | None = None
    elements: tuple[ElementGroup, ...] = ()
    # Restated from the sheet's moves and background roles, and so out of the repr that versions a sent
    # sheet (`sending.recipients.fingerprint`): a sheet sent before they were kept here holds its version.
    uncounted: bool = field(default=False, repr=False)
    location: str = field(default="", repr=False)  # the name of the location it is shot at ("": none)


@dataclass(frozen=True)
class Banner:
    text: str


@dataclass(frozen=True)
class Move:
    """A company move: the unit moves to another location between two scenes."""

    location: str
    location_zh: str
    drive: int | None = None  # its minutes of driving (None: not known)
    stand_in: str = ""  # the base city the drive is worked out from, a location having no coordinates


@dataclass(frozen=True)
class CastCall:
    performer_id: int
    cast_numbers: tuple[int, ...]
    performer: str
    performer_zh: str
    character: str
    character_zh: str
    status: str  # the Day Out of Days code for the date (SW, W, WF, H…)
    pickup: int | None  # minutes after the day's local midnight
    makeup: int | None
    wardrobe: int | None
    on_set: int | None
    remarks: str

    @property
    def at_work(self) -> int | None:
        """When their paid day starts (`cast_calls.Calls.at_work`)."""
        return Calls(self.pickup, self.makeup, self.wardrobe, self.on_set).at_work


@dataclass(frozen=True)
class BackgroundCall:
    name: str
    name_zh: str
    count: int | None  # None: the script names them without a number
    call: int
    scenes: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class CrewCall:
    crew_member_id: int
    department: str
    department_zh: str
    position: str
    name: str
    name_zh: str
    phone: str
    call: int
    remarks: str


@dataclass(frozen=True)
class NextDay:
    number: int
    date: dt.date
    lines: list[SceneLine | Banner | Move]


@dataclass(frozen=True)
class HqTime:
    zone: str
    time: int  # minutes after midnight at HQ on the shoot date (negative: the day before)


@dataclass(frozen=True)
class MinorOnSet:
    """A performer under 18 working that day, and what their age allows (studio.minors)."""

    performer: str
    performer_zh: str
    age_months: int
    work_minutes: int
    on_set_minutes: int


@dataclass(frozen=True)
class DaySheet:
    """Everything one shoot day's call sheet says."""

    shoot_day_id: int
    title: str
    title_zh: str
    company: str
    revision_color: str
    date: dt.date
    number: int
    day_count: int  # the unit's shoot days
    unit: int
    zone: str  # the time zone the times are in
    crew_call: int
    shooting_call: int
    breakfast: int | None
    lunch: int | None
    dinner: int | None
    hq: HqTime | None
    weather: Weather
    sunrise: int | None
    sunset: int | None
    sun_city: str  # the base city the sun times are for, when the day's location gives none ("": the location's)
    hospitals: list[Hospital]
    safety_notes: str
    general_notes: str
    department_notes: str
    walkie_channels: str
    closed_set: bool
    places: list[Place]
    lines: list[SceneLine | Banner | Move]
    cast: list[CastCall]
    background: list[BackgroundCall]
    crew: list[CrewCall]
    next_day: NextDay | None
    contacts: list[Contact]
    notes: list[Note]
    cast_version: bool
    minors: list[MinorOnSet] = field(default_factory=list)

    @property
    def scenes(self) -> list[SceneLine]:
        return [line for line in self.lines if isinstance(line, SceneLine)]

    @property
    def episodes(self) -> list[int]:
        return sorted({line.episode for line in self.scenes if line.episode is not None})

    def people(self, role: Role) -> list[Contact]:
        return [contact for contact in self.contacts if contact.role == role]

    def texts(self, chinese_names: bool = True) -> list[str]:
        """The text the sheet holds (to choose fonts): without the Chinese title, which is set in a font of
        its own, and without the Chinese names (`name_zh`…) unless asked for, so that an English sheet
        keeps Helvetica whatever the Chinese sheet says."""
        return list(_strings(replace(self, title_zh=""), chinese_names))


def _strings(value, chinese_names: bool):
    if isinstance(value, str):
        yield value
    elif is_dataclass(value):
        for item in fields(value):
            if chinese_names or not item.name.endswith("_zh"):
                yield from _strings(getattr(value, item.name), chinese_names)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, chinese_names)


def role_of(position: str) -> Role | None:
    title = " ".join(position.replace(".", "").casefold().split())
    return next((role for role, titles in ROLE_TITLES.items() if title in titles), None)
