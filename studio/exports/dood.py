"""Day Out of Days as a document: for each cast member and shoot date the code the schedule gives them
(work, hold, drop, pick-up), with the totals a producer pays by, as xlsx or PDF.

The domain's `day_out_of_days` is gathered once into a `DoodSheet`; `dood_labels` and `legend` give the
words around it in the language asked for (English, Chinese or both), and each writer lays them out.
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
from studio.i18n import _
from studio.productions import get_production
from studio.schedule.board import Board, load_board
from studio.schedule.dood import WORK, day_out_of_days

# The locale dates are written in, by the document's language.
LOCALES = {"en": "en_US", "zh": "zh_CN", "en+zh": "en_US"}
CODES = ("SW", "W", "WF", "SWF", "PW", "H", "D")
WORK_CODES = tuple(code for code in CODES if code in WORK)
# Light fills by kind of code, shared by both writers (hex RGB, no "#").
KIND_COLORS = {"work": "D7EDDA", "hold": "FFEDB8", "drop": "F6D3D3"}


def code_kind(code: str) -> str | None:
    """ "work", "hold" or "drop" for a code; None for an empty cell."""
    if code in WORK:
        return "work"
    return {"H": "hold", "D": "drop"}.get(code)


@dataclass(frozen=True)
class DayHeading:
    number: int
    date: dt.date
    date_text: str  # "Jan 11" / "1月11日"
    weekday: str  # "Mon" / "周一"


@dataclass(frozen=True)
class DoodLine:
    cast_id: str  # "1", or "3, 12" for a performer in two roles
    name: str
    codes: tuple[str, ...]
    work: int
    hold: int
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
    drop: str
    paid: str
    first: str
    last: str
    total: str
    legend: str
    day: str  # with a {number} placeholder

    def texts(self) -> list[str]:
        return list(vars(self).values())


def dood_sheet(session: Session, production_id: int, lang: str, today: dt.date | None = None) -> DoodSheet:
    production = get_production(session, production_id)
    board = load_board(session, production_id)
    dood = day_out_of_days(board)
    if not dood.dates:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    locale = LOCALES[lang]
    numbers = day_numbers(board)
    return DoodSheet(
        title=production.display_title(),
        company=production.company,
        generated=today or dt.date.today(),
        locale=locale,
        days=[day_heading(numbers[date], date, locale) for date in dood.dates],
        lines=[
            DoodLine(
                cast_id=", ".join(str(number) for number in row.cast_numbers),
                name=row.name,
                codes=tuple(row.codes),
                work=row.work,
                hold=row.hold,
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


def day_heading(number: int, date: dt.date, locale: str) -> DayHeading:
    return DayHeading(number, date, short_date(date, locale), format_date(date, format="EEE", locale=locale))


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
        drop=_("Drop"),
        paid=_("Paid"),
        first=_("First"),
        last=_("Last"),
        total=_("Total"),
        legend=_("Legend"),
        day=_("Day {number}"),
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
