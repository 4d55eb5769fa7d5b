"""The shooting schedule as a PDF: the full report (day by day, with each day's locations and a summary
at each day break) or the one-liner (a line per scene, compact, with day breaks).

Strips are shaded the classic way by INT/EXT and day/night (kept light so the text reads), banners are
full-width shaded rows, and scenes still in the boneyard are listed at the end. The page furniture
lives in `pdf_pages`, shared with the Day Out of Days and the contact sheet. Sets, locations and the
script's codes read as the call sheet's do: in Chinese on a Chinese schedule, in both on a bilingual one.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from babel.dates import format_date, format_skeleton
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, select

from studio.errors import UserError
from studio.exports.contacts import Translate, translator
from studio.exports.dood import LOCALES
from studio.exports.fonts import fonts_for
from studio.exports.names import Performing, cast_list, named, script_codes, with_roles
from studio.exports.pdf_pages import FRAME_WIDTH, SECONDARY, build_pdf, front_matter, page_footer
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import Location
from studio.productions import get_production
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Day, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.costs import DayTotals

HEADER_BACKGROUND = colors.HexColor("#37474f")
BANNER_BACKGROUND = colors.HexColor("#dfe4e7")
CELL_SIDE_PADDING = 3
RULE = colors.HexColor("#b0bec5")
OVER_LIMIT = "#ffd180"  # on the dark day-break bar
# INT DAY white, EXT DAY yellow, INT NIGHT blue, EXT NIGHT green: the stripboard's colours, made light.
STRIP_COLORS = {
    (False, False): colors.white,
    (True, False): colors.HexColor("#fff6c2"),
    (False, True): colors.HexColor("#dde9fb"),
    (True, True): colors.HexColor("#dcf1d9"),
}
REPORTS = ("full", "one-liner")


@dataclass(frozen=True)
class Place:
    name: str
    address: str
    name_zh: str = ""


@dataclass(frozen=True)
class ScheduleDay:
    number: int
    day: Day
    strips: list[StripCard]  # in shooting order, banners included
    totals: DayTotals
    places: list[Place]  # the day's locations in the order they are first used


@dataclass(frozen=True)
class Schedule:
    title: str  # "The Contract Bride / 契约新娘"
    company: str
    generated: dt.date
    locale: str
    max_eighths: int
    max_minutes: int
    days: list[ScheduleDay]
    boneyard: list[StripCard]  # scenes only
    locations: dict[int, Place]  # by location id: the places strips are at
    cast: list[Performing]  # who plays which role, by cast ID

    def texts(self, chinese_names: bool = False) -> list[str]:
        """Every piece of text the schedule holds (to choose fonts); the Chinese names only when shown."""
        texts = [self.title, self.company]
        for day in self.days:
            texts += [text for place in day.places for text in (place.name, place.address)]
            texts += [text for strip in day.strips for text in (strip.set_name, strip.location, strip.banner)]
        texts += [text for strip in self.boneyard for text in (strip.set_name, strip.location)]
        texts += [text for person in self.cast for text in (person.name, *(role for role, _zh in person.roles))]
        if chinese_names:
            texts += [place.name_zh for place in self.locations.values()]
            texts += [strip.set_name_zh for day in self.days for strip in day.strips]
            texts += [strip.set_name_zh for strip in self.boneyard]
            texts += [text for person in self.cast for text in (person.name_zh, *(zh for _role, zh in person.roles))]
        return texts


def shooting_schedule(session: Session, production_id: int, lang: str, today: dt.date | None = None) -> Schedule:
    production = get_production(session, production_id)
    board = load_board(session, production_id)
    analysis = BoardAnalysis(board)
    places = places_by_id(session, production_id)
    return Schedule(
        title=production.display_title(),
        company=production.company,
        generated=today or dt.date.today(),
        locale=LOCALES[lang],
        max_eighths=board.limits.eighths,
        max_minutes=board.limits.minutes,
        days=[schedule_day(analysis, index, day, places) for index, day in enumerate(board.days, start=1)],
        boneyard=[strip for strip in board.day_strips(None) if not strip.is_banner],
        locations=places,
        cast=sorted(cast_list(session, production_id).values(), key=lambda person: person.cast_numbers or (10**6,)),
    )


def places_by_id(session: Session, production_id: int) -> dict[int, Place]:
    locations = session.exec(select(Location).where(Location.production_id == production_id))
    return {location.id: Place(location.name, location.address, location.name_zh) for location in locations}


def schedule_day(analysis: BoardAnalysis, index: int, day: Day, places: dict[int, Place]) -> ScheduleDay:
    """A shoot day as the schedule shows it (numbered by its place when it has no number of its own)."""
    strips = analysis.board.day_strips(day.id)
    used = dict.fromkeys(strip.location_id for strip in strips if strip.location_id in places)
    return ScheduleDay(
        day.number or index, day, strips, analysis.totals[day.id], [places[location_id] for location_id in used]
    )


def write_shooting_schedule(
    session: Session, production_id: int, target: Path, report: str = "full", lang: str = "en"
) -> Path:
    """Write the production's shooting schedule (the full report or the one-liner) as a PDF."""
    translate = translator(lang)
    if report not in REPORTS:
        raise UserError(_("unknown report {report}: choose full or one-liner").format(report=report))
    if target.suffix.lower() != ".pdf":
        raise UserError(
            _("cannot write a shooting schedule as {name}: choose a file ending in .pdf").format(name=target.name)
        )
    schedule = shooting_schedule(session, production_id, lang)
    words = ScheduleWords(translate, schedule.locale, lang)
    regular, bold = fonts_for(*schedule.texts(chinese_names=lang != "en"), *words.texts())
    one_liner = report == "one-liner"
    document = words.one_liner if one_liner else words.document
    styles = Styles(regular, bold, compact=one_liner)
    facts = [schedule.company, document, words.generated_on(schedule.generated)]
    story = front_matter(schedule.title, facts, regular, bold) + _cast_legend(schedule, words, styles, lang)
    columns = columns_for(report, lang)
    story += _one_liner(schedule, words, styles, columns) if one_liner else _full(schedule, words, styles, columns)
    title = f"{schedule.title} — {document}"
    footer = page_footer(title, words.generated_on(schedule.generated), words.page, regular)
    return build_pdf(target, story, title, schedule.company, footer)


def markup(text: str) -> str:
    """Text for a Paragraph: escaped, its line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


# The words, in the schedule's language (`_` is that language's translator, named so for extraction).


class ScheduleWords:
    def __init__(self, _: Translate, locale: str, lang: str):
        self.locale = locale
        # Names and the script's codes in the call sheet's words: a name in Chinese where it has one on a
        # Chinese schedule, both on a bilingual one; INT, DAY… as 内, 日… or "INT 内", "DAY 日".
        self.named = functools.partial(named, lang)
        self.codes = script_codes(lang)
        self.document = _("Shooting schedule")
        self.one_liner = _("One-line schedule")
        self.generated = _("Generated")
        self.page = _("Page {number}")
        self.day = _("Day {number} — {date}")
        self.unit = _("Unit {unit}")
        self.end_of_day = _("End of Day {number}")
        self.end_of_day_date = _("End of Day {number} — {date}")
        self.locations = _("Locations")
        self.total = _("Total")
        self.shoot_days = _("Shoot days: {days}")
        self.pages = _("Pages: {pages}")
        self.scenes = _("Scenes: {scenes}")
        self.estimated = _("Estimated time: {time}")
        self.sets = _("Sets: {sets}")
        self.moves = _("Company moves: {moves}")
        self.duration = _("{hours} h {minutes} min")
        self.unscheduled = _("Unscheduled scenes")
        self.all_scheduled = _("Every scene is on a shoot day.")
        self.headings = {
            "number": _("Scene"),
            "episode": _("Ep."),
            "int_ext": _("I/E"),
            "set": _("Set"),
            "time_of_day": _("D/N"),
            "location": _("Location"),
            "pages": _("Pages"),
            "minutes": _("Est. min"),
            "cast": _("Cast"),
        }

    def texts(self) -> list[str]:
        values = [value for value in vars(self).values() if isinstance(value, str)]
        return values + list(self.headings.values()) + list(self.codes.values())

    def code(self, code: str) -> str:
        return self.codes.get(code, code)

    def place_name(self, place: Place) -> str:
        return self.named(place.name, place.name_zh)

    def day_title(self, day: ScheduleDay) -> str:
        date = format_date(day.day.date, format="full", locale=self.locale)
        return self.with_unit(self.day.format(number=day.number, date=date), day)

    def end_of_day_title(self, day: ScheduleDay) -> str:
        date = format_skeleton("yMMMEd", day.day.date, locale=self.locale)
        return self.with_unit(self.end_of_day_date.format(number=day.number, date=date), day)

    def with_unit(self, title: str, day: ScheduleDay) -> str:
        return title if day.day.unit == 1 else f"{title} — {self.unit.format(unit=day.day.unit)}"

    def generated_on(self, day: dt.date) -> str:
        return f"{self.generated} {day.isoformat()}"

    def duration_text(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        return self.duration.format(hours=hours, minutes=f"{rest:02d}")


class Styles:
    # reportlab's default wrapping (lines break at spaces; a word too long for its cell is split at the edge).
    def __init__(self, regular: str, bold: str, compact: bool):
        size = 7 if compact else 8
        self.regular, self.bold, self.size = regular, bold, size
        self.day = ParagraphStyle("day", fontName=bold, fontSize=12, leading=15)
        self.section = ParagraphStyle("section", fontName=bold, fontSize=12, leading=15, spaceBefore=12, spaceAfter=4)
        self.place = ParagraphStyle("place", fontName=regular, fontSize=8, leading=10)
        self.header = ParagraphStyle("header", fontName=bold, fontSize=size, leading=size + 2, textColor=colors.white)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=size, leading=size + 2)
        self.banner = ParagraphStyle("banner", fontName=bold, fontSize=size + 0.5, leading=size + 2.5)
        self.summary = ParagraphStyle(
            "summary", fontName=bold, fontSize=size + 0.5, leading=size + 2.5, textColor=colors.white
        )
        self.note = ParagraphStyle("note", fontName=regular, fontSize=9, leading=12)


# The strip table: which columns each report has, their relative widths, and what goes in them.

FULL_COLUMNS = [
    ("number", 0.6),
    ("episode", 0.38),
    ("int_ext", 0.5),
    ("set", 3.0),
    ("time_of_day", 0.65),
    ("location", 1.85),
    ("pages", 0.55),
    ("minutes", 0.55),
    ("cast", 1.9),
]
# In both languages the codes ("INT 内") and the names ("Chloe's apartment 克洛伊公寓") are longer, the cast
# numbers are not: the room comes from the cast column.
BILINGUAL_WIDTHS = {"int_ext": 0.7, "set": 3.2, "time_of_day": 0.8, "location": 2.6, "minutes": 0.6, "cast": 0.9}


def columns_for(report: str, lang: str) -> list[tuple[str, float]]:
    """The strip table's columns for a report (the one-liner has no estimated minutes) in a language."""
    widths = dict(FULL_COLUMNS) | (BILINGUAL_WIDTHS if lang == "en+zh" else {})
    return [(key, widths[key]) for key, _width in FULL_COLUMNS if report == "full" or key != "minutes"]


def strip_values(strip: StripCard, words: ScheduleWords, locations: dict[int, Place]) -> dict[str, str]:
    place = locations.get(strip.location_id)
    return {
        "number": strip.number,
        "episode": "" if strip.episode is None else str(strip.episode),
        "int_ext": words.code(strip.int_ext),
        "set": words.named(strip.set_name, strip.set_name_zh) or strip.heading,
        "time_of_day": words.code(strip.time_of_day),
        "location": words.place_name(place) if place else strip.location,
        "pages": format_eighths(strip.eighths),
        "minutes": str(strip.minutes),
        "cast": ", ".join(str(number) for number in strip.cast_numbers),
    }


def strip_color(strip: StripCard) -> colors.Color:
    exterior = strip.int_ext in ("EXT", "INT/EXT")
    return STRIP_COLORS[(exterior, strip.is_night)]


class StripTable:
    """Rows of strips, banners and day breaks, with the styling each row needs.

    Rows `above` the column headings (a day's title, its locations) are plain full-width rows; the
    title and the headings repeat at the top of every page the table continues on.
    """

    def __init__(
        self,
        columns: list[tuple[str, float]],
        words: ScheduleWords,
        styles: Styles,
        locations: dict[int, Place],
        above: list = (),
    ):
        self.columns, self.words, self.styles, self.locations = columns, words, styles, locations
        total = sum(width for _key, width in columns)
        self.widths = [FRAME_WIDTH * width / total for _key, width in columns]
        self.rows: list[list] = [[flowable] + [""] * (len(columns) - 1) for flowable in above]
        self.header = len(self.rows)
        self.repeat = (0, self.header) if above else (0,)
        self.rows.append([Paragraph(escape(words.headings[key]), styles.header) for key, _width in columns])
        self.commands: list[tuple] = [("SPAN", (0, row), (-1, row)) for row in range(self.header)]

    def add_strip(self, strip: StripCard) -> None:
        if strip.is_banner:
            self.add_full_width(markup(strip.banner), self.styles.banner, BANNER_BACKGROUND)
            return
        values = strip_values(strip, self.words, self.locations)
        self.commands.append(("BACKGROUND", (0, len(self.rows)), (-1, len(self.rows)), strip_color(strip)))
        self.rows.append(
            [self.cell(values[key], width) for (key, _), width in zip(self.columns, self.widths, strict=True)]
        )

    def cell(self, value: str, width: float) -> str | Paragraph:
        """The value as a string when it fits on one line (drawn at once, where a Paragraph is laid out
        word by word: a 500-scene schedule's cells took most of its time), else as a wrapping Paragraph."""
        style = self.styles.cell
        if stringWidth(value, style.fontName, style.fontSize) <= width - 2 * CELL_SIDE_PADDING:
            return value
        return Paragraph(escape(value), style)

    def add_full_width(self, markup_text: str, style: ParagraphStyle, background, keep_with_previous=False) -> None:
        row = len(self.rows)
        self.commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), background)]
        if keep_with_previous and row > self.header + 1:
            self.commands.append(("NOSPLIT", (0, row - 1), (-1, row)))  # a day break never opens a page
        self.rows.append([Paragraph(markup_text, style)] + [""] * (len(self.columns) - 1))

    def add_break(self, markup_text: str) -> None:
        self.add_full_width(markup_text, self.styles.summary, HEADER_BACKGROUND, keep_with_previous=True)

    def table(self) -> Table:
        table = Table(self.rows, colWidths=self.widths, repeatRows=self.repeat)
        padding = 1.5 if self.styles.size < 8 else 2.5
        first = (0, self.header)
        style = [
            ("BACKGROUND", first, (-1, self.header), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", first, (-1, -1), self.styles.regular, self.styles.size, self.styles.cell.leading),
            ("LINEBELOW", first, (-1, -1), 0.25, RULE),
            ("BOX", first, (-1, -1), 0.5, HEADER_BACKGROUND),
            ("LEFTPADDING", first, (-1, -1), CELL_SIDE_PADDING),
            ("RIGHTPADDING", first, (-1, -1), CELL_SIDE_PADDING),
            ("TOPPADDING", first, (-1, -1), padding),
            ("BOTTOMPADDING", first, (-1, -1), padding + 0.5),
        ]
        if self.header:
            style += [
                ("LEFTPADDING", (0, 0), (-1, self.header - 1), 0),
                ("RIGHTPADDING", (0, 0), (-1, self.header - 1), 0),
                ("TOPPADDING", (0, 0), (-1, self.header - 1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, self.header - 1), 6),
            ]
        table.setStyle(TableStyle(style + self.commands))
        return table


# The two reports.


def _full(schedule: Schedule, words: ScheduleWords, styles: Styles, columns: list[tuple[str, float]]) -> list:
    story: list = []
    for day in schedule.days:
        above = [Paragraph(escape(words.day_title(day)), styles.day)]
        if day.places:
            above.append(_places_table(day.places, words, styles))
        strips = StripTable(columns, words, styles, schedule.locations, above)
        for strip in day.strips:
            strips.add_strip(strip)
        strips.add_break(_day_summary(schedule, day, words))
        story += [CondPageBreak(2.2 * inch), strips.table(), Spacer(1, 14)]
    story += [Spacer(1, 10), Paragraph(_schedule_total(schedule, words, styles.bold), styles.note)]
    return story + _boneyard(schedule, columns, words, styles)


def _one_liner(schedule: Schedule, words: ScheduleWords, styles: Styles, columns: list[tuple[str, float]]) -> list:
    strips = StripTable(columns, words, styles, schedule.locations)
    for day in schedule.days:
        for strip in day.strips:
            strips.add_strip(strip)
        parts = [
            escape(words.end_of_day_title(day)),
            _flagged(
                words.pages.format(pages=format_eighths(day.totals.eighths)), day.totals.eighths, schedule.max_eighths
            ),
            escape(words.scenes.format(scenes=day.totals.scenes)),
        ]
        strips.add_break("  ·  ".join(parts))
    story = [strips.table()] if schedule.days else []
    story += [Spacer(1, 10), Paragraph(_schedule_total(schedule, words, styles.bold), styles.note)]
    return story + _boneyard(schedule, columns, words, styles)


def _cast_legend(schedule: Schedule, words: ScheduleWords, styles: Styles, lang: str) -> list:
    """ "Cast: 1 Daniel Hayes (ETHAN) · 2 Mia Tanaka (CHLOE) …": who the strips' cast IDs are."""
    if not schedule.cast:
        return []

    def bold(text: str) -> str:
        return f'<font name="{styles.bold}">{escape(text)}</font>'

    people = [f"{bold(', '.join(map(str, p.cast_numbers)))} {escape(with_roles(lang, p))}" for p in schedule.cast]
    return [Paragraph(bold(words.headings["cast"]) + "  " + "  ·  ".join(people), styles.note), Spacer(1, 6)]


def _places_table(places: list[Place], words: ScheduleWords, styles: Styles) -> Table:
    """The day's locations, name and address, two to a row."""
    cells = [Paragraph(_place_markup(place, words, styles.bold), styles.place) for place in places]
    if len(cells) % 2:
        cells.append("")
    rows = [cells[index : index + 2] for index in range(0, len(cells), 2)]
    label = Paragraph(escape(words.locations), ParagraphStyle("label", parent=styles.place, fontName=styles.bold))
    rows = [[label if index == 0 else "", *row] for index, row in enumerate(rows)]
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.1, FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.45], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEADING", (0, 0), (-1, -1), styles.place.leading),  # an empty cell is no taller
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _place_markup(place: Place, words: ScheduleWords, bold: str) -> str:
    name = f'<font name="{bold}">{escape(words.place_name(place))}</font>'
    return f'{name}  <font color="{SECONDARY}">{escape(place.address)}</font>' if place.address else name


def _day_summary(schedule: Schedule, day: ScheduleDay, words: ScheduleWords) -> str:
    totals = day.totals
    parts = [
        escape(words.with_unit(words.end_of_day.format(number=day.number), day)),
        _flagged(words.pages.format(pages=format_eighths(totals.eighths)), totals.eighths, schedule.max_eighths),
        escape(words.scenes.format(scenes=totals.scenes)),
        _flagged(
            words.estimated.format(time=words.duration_text(totals.minutes)),
            totals.minutes,
            schedule.max_minutes - day.day.lead,  # the scenes' and moves' time, after the lead to the first shot
        ),
        escape(words.sets.format(sets=totals.sets)),
        escape(words.moves.format(moves=totals.moves)),
    ]
    return "  ·  ".join(parts)


def _flagged(text: str, value: int, limit: int) -> str:
    """A day-break figure, amber and underlined when it is over the production's limit for a day."""
    if limit and value > limit:
        return f'<font color="{OVER_LIMIT}"><u>{escape(text)}</u></font>'
    return escape(text)


def _schedule_total(schedule: Schedule, words: ScheduleWords, bold: str) -> str:
    totals = [day.totals for day in schedule.days]
    parts = [
        f'<font name="{bold}">{escape(words.total)}</font>',
        escape(words.shoot_days.format(days=len(schedule.days))),
        escape(words.scenes.format(scenes=sum(total.scenes for total in totals))),
        escape(words.pages.format(pages=format_eighths(sum(total.eighths for total in totals)))),
        escape(words.estimated.format(time=words.duration_text(sum(total.minutes for total in totals)))),
        escape(words.moves.format(moves=sum(total.moves for total in totals))),
    ]
    return "  ·  ".join(parts)


def _boneyard(schedule: Schedule, columns: list[tuple[str, float]], words: ScheduleWords, styles: Styles) -> list:
    story: list = [CondPageBreak(1.5 * inch), Paragraph(escape(words.unscheduled), styles.section)]
    if not schedule.boneyard:
        return [*story, Paragraph(escape(words.all_scheduled), styles.note)]
    strips = StripTable(columns, words, styles, schedule.locations)
    for strip in schedule.boneyard:
        strips.add_strip(strip)
    return [*story, strips.table()]
