"""Day Out of Days as a document: for each cast member and date the code the schedule gives them (work,
hold, drop, pick-up, travel, rehearsal, fitting), with the totals a producer pays by, as xlsx or PDF.

A date that is not a shoot date (a travel day before day 1) has no day number: its heading names what
the cast is called for that day ("Travel"), or a dash when several things happen.

The board's Day Out of Days (`BoardAnalysis.dood`) is gathered once into a `DoodSheet`; `dood_labels` and
`legend` give the words around it in the language asked for (English, Chinese or both), and each writer
lays them out.
No money appears: a DOOD counts days, the budget prices them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date, format_skeleton
from sqlmodel import Session

from studio.errors import UserError
from studio.exports.contacts import Translate, translator
from studio.exports.names import cast_list, with_roles
from studio.i18n import _
from studio.productions import get_production
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board
from studio.schedule.board_loading import load_board
from studio.schedule.dood import CALL_CODES, WORK, DayOutOfDays

# The locale dates are written in, by the document's language.
LOCALES = {"en": "en_US", "zh": "zh_CN", "en+zh": "en_US"}
CODES = ("SW", "W", "WF", "SWF", "PW", "H", "D", "T", "R", "F")
WORK_CODES = tuple(code for code in CODES if code in WORK)
# The totals counted from the codes, in the order the writers show them; all but drops are paid.
COUNTED = {"work": WORK_CODES, "hold": ("H",), "travel": ("T",), "rehearsal": ("R",), "fitting": ("F",), "drop": ("D",)}
PAID = ("work", "hold", "travel", "rehearsal", "fitting")
# Light fills by kind of code, shared by both writers (hex RGB, no "#").
KIND_COLORS = {
    "work": "D7EDDA",
    "hold": "FFEDB8",
    "drop": "F6D3D3",
    "travel": "CFE3F7",
    "rehearsal": "E6DAF4",
    "fitting": "F9DDEB",
}
_KINDS = {"H": "hold", "D": "drop", "T": "travel", "R": "rehearsal", "F": "fitting"}


def code_kind(code: str) -> str | None:
    """ "work", "hold", "drop", "travel", "rehearsal" or "fitting" for a code; None for an empty cell."""
    if code in WORK:
        return "work"
    return _KINDS.get(code)


@dataclass(frozen=True)
class DayHeading:
    number: int | None  # None for a date that is not a shoot date
    date: dt.date
    date_text: str  # "Jan 11" / "1月11日"
    weekday: str  # "Mon" / "周一"
    called: str = ""  # a date that is not a shoot date: the code of what the cast is called for, or "" if several


@dataclass(frozen=True)
class DoodLine:
    cast_id: str  # "1", or "3, 12" for a performer in two roles
    name: str
    codes: tuple[str, ...]
    work: int
    hold: int
    travel: int
    rehearsal: int
    fitting: int
    drops: int
    paid: int
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class DoodSheet:
    title: str  # "The Contract Bride / 契约新娘"
    company: str
    generated: dt.date
    locale: str
    days: list[DayHeading]
    lines: list[DoodLine]

    def texts(self) -> Iterator[str]:
        """Every piece of text the sheet holds (to choose fonts)."""
        yield from (self.title, self.company)
        for day in self.days:
            yield from (day.date_text, day.weekday)
        for line in self.lines:
            yield line.name


@dataclass(frozen=True)
class DoodLabels:
    """The words around the table, in the sheet's language."""

    document: str
    generated: str
    page: str  # with a {number} placeholder
    cast_id: str
    name: str
    work: str
    hold: str
    travel: str
    rehearsal: str
    fitting: str
    drop: str
    paid: str
    first: str
    last: str
    total: str
    legend: str
    day: str  # with a {number} placeholder
    other_day: str  # the heading of a date that is not a shoot date and has several kinds of call

    def texts(self) -> list[str]:
        return list(vars(self).values())

    def heading(self, day: DayHeading) -> str:
        """ "Day 3" for a shoot date; "Travel", "Rehearsal", "Fitting" or "—" for another date."""
        if day.number is not None:
            return self.day.format(number=day.number)
        return {"T": self.travel, "R": self.rehearsal, "F": self.fitting}.get(day.called, self.other_day)


def dood_sheet(session: Session, production_id: int, lang: str, today: dt.date | None = None) -> DoodSheet:
    production = get_production(session, production_id)
    board = load_board(session, production_id)
    dood = BoardAnalysis(board).dood
    if not dood.shooting:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    locale = LOCALES[lang]
    numbers = day_numbers(board)
    cast = cast_list(session, production_id)
    return DoodSheet(
        title=production.display_title(),
        company=production.company,
        generated=today or dt.date.today(),
        locale=locale,
        days=[day_heading(numbers.get(date), date, locale, called_for(dood, date)) for date in dood.dates],
        lines=[
            DoodLine(
                cast_id=", ".join(str(number) for number in row.cast_numbers),
                name=with_roles(lang, cast[row.performer_id]) if row.performer_id in cast else row.name,
                codes=tuple(row.codes),
                work=row.work,
                hold=row.hold,
                travel=row.travel,
                rehearsal=row.rehearsal,
                fitting=row.fitting,
                drops=row.drops,
                paid=row.paid,
                first=row.first,
                last=row.last,
            )
            for row in dood.rows
        ],
    )


def day_numbers(board: Board) -> dict[dt.date, int]:
    """Shoot date → its day number (the first unit's when several units shoot that date)."""
    numbers: dict[dt.date, int] = {}
    for index, day in enumerate(board.days, start=1):
        numbers.setdefault(day.date, day.number or index)
    return numbers


def called_for(dood: DayOutOfDays, date: dt.date) -> str:
    """On a date that is not a shoot date, the one code the cast is called for ("T"); "" if several."""
    if date in dood.shooting:
        return ""
    index = dood.dates.index(date)
    codes = {row.codes[index] for row in dood.rows} & set(CALL_CODES.values())
    return codes.pop() if len(codes) == 1 else ""


def day_heading(number: int | None, date: dt.date, locale: str, called: str = "") -> DayHeading:
    weekday = format_date(date, format="EEE", locale=locale)
    return DayHeading(number, date, short_date(date, locale), weekday, called)


def short_date(date: dt.date, locale: str) -> str:
    return format_skeleton("MMMd", date, locale=locale)


# In the functions below `_` is the translator for the sheet's language, not the interface's; it is
# named `_` so that the words are extracted into the catalogue like every other message.


def dood_labels(_: Translate) -> DoodLabels:
    return DoodLabels(
        document=_("Day Out of Days"),
        generated=_("Generated"),
        page=_("Page {number}"),
        cast_id=_("Cast ID"),
        name=_("Name"),
        work=_("Work"),
        hold=_("Hold"),
        travel=_("Travel"),
        rehearsal=_("Rehearsal"),
        fitting=_("Fitting"),
        drop=_("Drop"),
        paid=_("Paid"),
        first=_("First"),
        last=_("Last"),
        total=_("Total"),
        legend=_("Legend"),
        day=_("Day {number}"),
        other_day=_("Not shooting"),
    )


def legend(_: Translate) -> list[tuple[str, str]]:
    """(code, meaning) for every code a DOOD uses, in the order they are explained."""
    meanings = {
        "SW": _("Start work"),
        "W": _("Work"),
        "WF": _("Work finish"),
        "SWF": _("Start-work-finish"),
        "PW": _("Pick-up work"),
        "H": _("Hold"),
        "D": _("Drop"),
        "T": _("Travel"),
        "R": _("Rehearsal"),
        "F": _("Fitting"),
    }
    return [(code, meanings[code]) for code in CODES]


def write_dood(session: Session, production_id: int, target: Path, lang: str = "en") -> Path:
    """Write the production's Day Out of Days as xlsx or PDF, chosen by the file's suffix."""
    translate = translator(lang)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError(
            _("cannot write a Day Out of Days as {name}: choose a file ending in .xlsx or .pdf").format(
                name=target.name
            )
        )
    sheet = dood_sheet(session, production_id, lang)
    # Imported here so that each format loads only its own library.
    if suffix == ".pdf":
        from studio.exports.dood_pdf import write_dood_pdf

        return write_dood_pdf(sheet, translate, target)
    from studio.exports.dood_xlsx import write_dood_xlsx

    return write_dood_xlsx(sheet, translate, target)
