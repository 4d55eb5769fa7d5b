"""The words of a call sheet in its language (English, Chinese or both): labels, times, dates, names, the
script's codes and the notes on what could not be worked out."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, get_timezone, get_timezone_location

from studio import temperatures, vocabulary
from studio.day_sheet import MinorOnSet, Note, Notice, Role
from studio.exports.contacts import translator
from studio.exports.dood import legend
from studio.exports.names import named, script_codes
from studio.minors import age_words
from studio.schedule.daylight import zone_or_none
from studio.schedule.timeline import hours

LOCALES_SHOWN = {"en": ("en_US",), "zh": ("zh_CN",), "en+zh": ("en_US", "zh_CN")}
CHINA_ZONES = {"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC"}


class SheetWords:
    """The words around a call sheet's data; `_` below is the sheet language's translator, named so for
    extraction into the catalogue."""

    def __init__(self, lang: str):
        _ = translator(lang)
        self.lang = lang
        self.document = _("Call sheet")
        self.sides = _("Sides")
        self.no_original = _("Added in adaptation — no original")
        # Words of a file's name (no "/" in them: a sheet in both languages is named in English).
        self.file_day = _("Day {number}")
        self.file_documents = {
            "call sheet": _("call sheet"),
            "sides": _("sides"),
            "original sides": _("sides of the original"),
            "both sides": _("sides, original and shooting script"),
        }
        self.file_cast = _("(cast)")
        self.cast_version = _("Cast version")
        self.page = _("Page {number}")
        self.day_of = _("Day {number} of {total}")
        self.unit = _("Unit {unit}")
        self.crew_call = _("Crew call")
        self.shooting_call = _("Shooting call")
        self.breakfast = _("Breakfast")
        self.lunch = _("Lunch")
        self.dinner = _("Dinner")
        self.next_day = _("+1 day")
        self.previous_day = _("-1 day")
        self.hq = _("HQ time")
        self.beijing = _("Beijing")
        self.local_times = _("Local time")
        self.episodes = _("Episodes")
        self.revision = _("Script revision")
        self.closed_set = _("Closed set")
        self.weather_label = _("Weather")
        self.high = _("High")
        self.low = _("Low")
        self.rain = _("Chance of rain")
        self.not_entered = _("not entered")
        self.sun = _("Sun")
        self.sunrise = _("Sunrise")
        self.sunset = _("Sunset")
        self.hospital = _("Nearest hospital")
        self.safety = _("Safety")
        self.minors = _("Minors")
        self.studio_teacher = _("A studio teacher is on set whenever they are.")
        self.notes = _("Notes")
        self.locations = _("Locations")
        self.location = _("Location")
        self.address = _("Address")
        self.map = _("Map")
        self.parking = _("Parking")
        self.basecamp = _("Basecamp")
        self.contact = _("Contact")
        self.scenes = _("Scenes")
        self.no_scenes = _("No scenes are scheduled on this day.")
        self.move = _("Company move")
        self.drive = _("{minutes} min drive")
        self.drive_stand_in = _("{minutes} min drive, as from {city}")
        self.day_total = _("{scenes} scenes, {pages} pages")
        self.pages = _("Pages: {pages}")
        self.cast = _("Cast")
        self.status = _("Status")
        self.performer = _("Performer")
        self.character = _("Character")
        self.pickup = _("Pickup")
        self.makeup = _("Hair & makeup")
        self.wardrobe = _("Wardrobe")
        self.on_set = _("On set")
        self.remarks = _("Remarks")
        self.background = _("Background")
        self.count = _("Count")
        self.call = _("Call")
        self.crew = _("Crew calls")
        self.department = _("Department")
        self.position = _("Position")
        self.name = _("Name")
        self.phone = _("Phone")
        self.no_department = _("No department")
        self.department_notes = _("Department notes")
        self.walkies = _("Walkie channels")
        self.advance = _("Advance schedule")
        self.no_advance = _("no later shoot day")
        self.contacts = _("Key contacts")
        self.headings = {
            "scene": _("Scene"),
            "episode": _("Ep."),
            "set": _("Set"),
            "int_ext": _("I/E"),
            "time_of_day": _("D/N"),
            "pages": _("Pages"),
            "cast": _("Cast"),
            "cast_id": _("ID"),
            "background": _("BG"),
        }
        self.roles = {
            Role.DIRECTOR: _("Director"),
            Role.PRODUCER: _("Producer"),
            Role.FIRST_AD: _("1st AD"),
            Role.LINE_PRODUCER: _("UPM / line producer"),
            Role.COORDINATOR: _("Production coordinator"),
            Role.LOCATION_MANAGER: _("Location manager"),
            Role.INTERPRETER: _("Interpreter"),
            Role.MEDIC: _("Set medic"),
            Role.LOCATION_CONTACT: _("Location contact"),
        }
        self.notices = {
            Notice.NO_LOCATION: _("No scene is on a location: sunrise and sunset are not shown."),
            Notice.NO_COORDINATES: _("{location} has no coordinates: sunrise and sunset are not shown."),
            Notice.NO_SUN: _("The sun does not rise or set at {location} on this date."),
            Notice.NO_TIMEZONE: _("{location} has no time zone: times are in {zone}."),
            Notice.BASE_CITY_NO_LOCATION: _("No scene is on a location: sunrise and sunset are for {city}."),
            Notice.BASE_CITY_NO_COORDINATES: _("{location} has no coordinates: sunrise and sunset are for {city}."),
        }
        self.legend = dict(legend(_))
        # The script's codes in the sheet's language, or both ("INT 内": `callsheet_layout.code_cell`).
        self.codes = script_codes(lang)

    def texts(self) -> list[str]:
        values = [value for value in vars(self).values() if isinstance(value, str)]
        for group in (self.headings, self.roles, self.notices, self.legend, self.codes):
            values += list(group.values())
        return values

    def named(self, name: str, name_zh: str) -> str:
        return named(self.lang, name, name_zh)

    def revision_color(self, color: str) -> str:
        """White, Blue… as the sheet's language has them (蓝 in Chinese, "Blue 蓝" in both)."""
        return named(self.lang, color, vocabulary.revision_color_zh(color))

    def position_of(self, position: str) -> str:
        """A crew position as entered, in Chinese on a Chinese sheet where it is a usual one (in both
        languages it stays as entered: the column is narrow)."""
        return vocabulary.in_language("positions", position, self.lang)

    def listed(self, items) -> str:
        """ "a, b" ("a、b" on a Chinese sheet)."""
        return ("、" if self.lang == "zh" else ", ").join(items)

    def pair(self, label: str, value: str) -> str:
        """ "Label: value" ("标签：值" on a Chinese sheet)."""
        return f"{label}{'：' if self.lang == 'zh' else ': '}{value}"

    def company_move(self, location: str, drive: int | None, stand_in: str) -> str:
        """ "Company move: Venice Beach, 35 min drive" (", as from Los Angeles" where a location has no
        coordinates; no drive where none is known). No arrow: a Latin font has none."""
        text = self.pair(self.move, location)
        if drive is None:
            return text
        minutes = (self.drive_stand_in if stand_in else self.drive).format(minutes=drive, city=stand_in)
        return f"{text}{'，' if self.lang == 'zh' else ', '}{minutes}"

    def clock(self, minutes: int | None) -> str:
        """ "07:30"; "23:30 (-1 day)" for a time before the day's midnight; "" for none."""
        if minutes is None:
            return ""
        days, rest = divmod(minutes, 24 * 60)
        text = f"{rest // 60:02d}:{rest % 60:02d}"
        if days:
            return f"{text} ({self.next_day if days > 0 else self.previous_day})"
        return text

    def date(self, sheet_date: dt.date, width: str = "full") -> str:
        return " / ".join(format_date(sheet_date, format=width, locale=locale) for locale in LOCALES_SHOWN[self.lang])

    def place_of(self, zone: str) -> str:
        """A time zone as the place people know it by: Beijing for China, else its city."""
        if zone in CHINA_ZONES:
            return self.beijing
        try:
            names = [
                get_timezone_location(get_timezone(zone), locale=locale, return_city=True)
                for locale in LOCALES_SHOWN[self.lang]
            ]
        except LookupError:
            return zone
        return " / ".join(dict.fromkeys(names))

    def local_times_of(self, zone: str, date: dt.date) -> str:
        """ "Local time: Los Angeles (PST)": where the sheet's times are, and the zone's name that day."""
        found = zone_or_none(zone)
        abbreviation = dt.datetime.combine(date, dt.time(12), tzinfo=found).tzname() if found else ""
        return self.pair(self.local_times, f"{self.place_of(zone)} ({abbreviation})")

    def temperature(self, fahrenheit: int) -> str:
        """Stored in °F: a Chinese sheet reads °C, an English (US) one °F, a sheet in both shows both."""
        celsius = temperatures.celsius(fahrenheit)
        return {"zh": f"{celsius}°C", "en+zh": f"{fahrenheit}°F / {celsius}°C"}.get(self.lang, f"{fahrenheit}°F")

    def weather(self, summary: str) -> str:
        """The forecast as entered, in Chinese on a Chinese sheet (and after it on one in both) when its words
        are known ones."""
        return named(self.lang, summary, vocabulary.weather_zh(summary))

    def minor(self, minor: MinorOnSet) -> str:
        """ "Kevin Lin, age 5: works 3:00 at most, at work 6:00 at most", each language in turn on a sheet
        in both (an age reads differently in each)."""

        def said(lang: str) -> str:
            _ = translator(lang)
            return _("{name}, {age}: works {work} at most, at work {at_work} at most").format(
                name=named(lang, minor.performer, minor.performer_zh),
                age=age_words(minor.age_months, _),
                work=hours(minor.work_minutes),
                at_work=hours(minor.on_set_minutes),
            )

        return " / ".join(said(lang) for lang in self.lang.split("+"))

    def notice(self, note: Note) -> str:
        return self.notices[note.kind].format(location=note.location, zone=note.zone, city=note.city)

    def role(self, role: Role) -> str:
        return self.roles[role]

    def code(self, code: str) -> str:
        """INT, EXT, DAY, NIGHT…: in Chinese on a Chinese sheet, both on a bilingual one, else as the script
        writes them."""
        return self.codes.get(code, code)
