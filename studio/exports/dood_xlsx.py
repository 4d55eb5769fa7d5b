"""Day Out of Days as an Excel workbook an accountant can audit: the totals are live formulas counting
the codes in each row, so changing a code changes the totals.

Layout: the title, then three header rows (day, date, weekday), a row per cast member, a total row and
the legend. Panes are frozen at the first code cell; the sheet prints landscape, one page wide. Names
and every other piece of text are text cells, never formulas.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from studio.exports.contacts import Translate
from studio.exports.dood import (
    COUNTED,
    KIND_COLORS,
    PAID,
    DoodLabels,
    DoodLine,
    DoodSheet,
    code_kind,
    dood_labels,
    legend,
)
from studio.exports.files import write_atomically
from studio.exports.xlsx_pages import PrintedPage, set_up_printing, workbook_bytes
from studio.scripts.eighths import columns as display_columns

TITLE_ROW, SUBTITLE_ROW = 1, 2
DAY_ROW, DATE_ROW, WEEKDAY_ROW = 4, 5, 6
FIRST_LINE_ROW = 7
CAST_COLUMN, NAME_COLUMN, FIRST_DAY_COLUMN = 1, 2, 3
DATE_FORMATS = {"zh_CN": 'm"月"d"日"'}  # else English
SHORT_DATE_FORMAT = "mmm d"
FULL_DATE_FORMAT = "yyyy-mm-dd"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="37474F")
TOTAL_FILL = PatternFill("solid", start_color="ECEFF1")
RULE = Side(style="thin", color="B0BEC5")
GRID = Border(left=RULE, right=RULE, top=RULE, bottom=RULE)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_dood_xlsx(sheet: DoodSheet, translate: Translate, target: Path) -> Path:
    words = dood_labels(translate)

    def write(path: Path) -> None:
        workbook = Workbook()
        worksheet = workbook.active
        worksheet.title = _sheet_name(words.document)
        workbook.properties.title = f"{sheet.title} — {words.document}"
        workbook.properties.creator = "Cliffhanger"
        _write_title(worksheet, sheet, words)
        _write_headings(worksheet, sheet, words)
        for index, line in enumerate(sheet.lines):
            _write_line(worksheet, FIRST_LINE_ROW + index, line, sheet)
        total_row = FIRST_LINE_ROW + len(sheet.lines)
        if sheet.lines:
            _write_totals(worksheet, total_row, sheet, words)
        _write_legend(worksheet, total_row + 2, translate, words)
        _set_widths(worksheet, sheet, words)
        worksheet.freeze_panes = worksheet.cell(row=FIRST_LINE_ROW, column=FIRST_DAY_COLUMN).coordinate
        _set_up_printing(worksheet, sheet, words)
        path.write_bytes(workbook_bytes(workbook))

    return write_atomically(target, write)


# Where things are: the day columns, then Work, Hold, Travel, Rehearsal, Fitting, Drop, Paid, First, Last.
TOTALS = (*COUNTED, "paid", "first", "last")
COUNTS = (*COUNTED, "paid")


def _day_column(index: int) -> int:
    return FIRST_DAY_COLUMN + index


def _total_columns(sheet: DoodSheet) -> dict[str, int]:
    first = FIRST_DAY_COLUMN + len(sheet.days)
    return {key: first + offset for offset, key in enumerate(TOTALS)}


def _codes_range(sheet: DoodSheet, row: int) -> str:
    first = get_column_letter(FIRST_DAY_COLUMN)
    last = get_column_letter(FIRST_DAY_COLUMN + len(sheet.days) - 1)
    return f"{first}{row}:{last}{row}"


# Writing cells.


def _text(worksheet: Worksheet, row: int, column: int, value: str) -> Cell:
    """A text cell, whatever the text looks like ("=…" stays text, never a formula)."""
    cell = worksheet.cell(row=row, column=column)
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if text:
        cell.value = text
        cell.data_type = "s"
    return cell


def _formula(worksheet: Worksheet, row: int, column: int, formula: str) -> Cell:
    cell = worksheet.cell(row=row, column=column, value=formula)
    cell.alignment = CENTRED
    cell.border = GRID
    return cell


def _write_title(worksheet: Worksheet, sheet: DoodSheet, words: DoodLabels) -> None:
    _text(worksheet, TITLE_ROW, 1, sheet.title).font = Font(bold=True, size=14)
    facts = [sheet.company, words.document, f"{words.generated} {sheet.generated.isoformat()}"]
    _text(worksheet, SUBTITLE_ROW, 1, "  ·  ".join(fact for fact in facts if fact)).font = Font(color="546E7A")


def _write_headings(worksheet: Worksheet, sheet: DoodSheet, words: DoodLabels) -> None:
    date_format = DATE_FORMATS.get(sheet.locale, SHORT_DATE_FORMAT)
    for index, day in enumerate(sheet.days):
        column = _day_column(index)
        _text(worksheet, DAY_ROW, column, words.heading(day))
        worksheet.cell(row=DATE_ROW, column=column, value=day.date).number_format = date_format
        _text(worksheet, WEEKDAY_ROW, column, day.weekday)
    spanning = {CAST_COLUMN: words.cast_id, NAME_COLUMN: words.name}
    totals = _total_columns(sheet)
    spanning.update({totals[key]: getattr(words, key) for key in totals})
    for column, heading in spanning.items():
        _text(worksheet, DAY_ROW, column, heading)
        worksheet.merge_cells(start_row=DAY_ROW, end_row=WEEKDAY_ROW, start_column=column, end_column=column)
    for row in worksheet.iter_rows(min_row=DAY_ROW, max_row=WEEKDAY_ROW, max_col=totals["last"]):
        for cell in row:
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, CENTRED


def _write_line(worksheet: Worksheet, row: int, line: DoodLine, sheet: DoodSheet) -> None:
    cast_id = int(line.cast_id) if line.cast_id.isdigit() else line.cast_id
    if isinstance(cast_id, int):
        worksheet.cell(row=row, column=CAST_COLUMN, value=cast_id)
    else:
        _text(worksheet, row, CAST_COLUMN, cast_id)
    _text(worksheet, row, NAME_COLUMN, line.name)
    for column in (CAST_COLUMN, NAME_COLUMN):
        worksheet.cell(row=row, column=column).border = GRID
    worksheet.cell(row=row, column=CAST_COLUMN).alignment = CENTRED
    for index, code in enumerate(line.codes):
        cell = _text(worksheet, row, _day_column(index), code)
        cell.alignment, cell.border = CENTRED, GRID
        kind = code_kind(code)
        if kind:
            cell.fill = PatternFill("solid", start_color=KIND_COLORS[kind])
    _write_row_totals(worksheet, row, line, sheet)


def _write_row_totals(worksheet: Worksheet, row: int, line: DoodLine, sheet: DoodSheet) -> None:
    """The counts of each kind of code and Paid (work + hold + travel + rehearsal + fitting) as formulas
    over the row's codes; First and Last as dates."""
    codes = _codes_range(sheet, row)
    columns = _total_columns(sheet)
    for key, counted in COUNTED.items():
        count = "+".join(f'COUNTIF({codes},"{code}")' for code in counted)
        _formula(worksheet, row, columns[key], f"={count}")
    paid = "+".join(worksheet.cell(row=row, column=columns[key]).coordinate for key in PAID)
    _formula(worksheet, row, columns["paid"], f"={paid}").font = Font(bold=True)
    for key, value in (("first", line.first), ("last", line.last)):
        cell = worksheet.cell(row=row, column=columns[key], value=value)
        cell.number_format, cell.alignment, cell.border = FULL_DATE_FORMAT, CENTRED, GRID


def _write_totals(worksheet: Worksheet, row: int, sheet: DoodSheet, words: DoodLabels) -> None:
    """A total row: the sums of the counts and Paid over the cast."""
    _text(worksheet, row, NAME_COLUMN, words.total).font = Font(bold=True)
    columns = _total_columns(sheet)
    for key in COUNTS:
        letter = get_column_letter(columns[key])
        total = _formula(worksheet, row, columns[key], f"=SUM({letter}{FIRST_LINE_ROW}:{letter}{row - 1})")
        total.font = Font(bold=True)
    for column in range(1, columns["last"] + 1):
        cell = worksheet.cell(row=row, column=column)
        cell.fill, cell.border = TOTAL_FILL, GRID


def _write_legend(worksheet: Worksheet, row: int, translate: Translate, words: DoodLabels) -> None:
    _text(worksheet, row, CAST_COLUMN, words.legend).font = Font(bold=True)
    for offset, (code, meaning) in enumerate(legend(translate), start=1):
        cell = _text(worksheet, row + offset, CAST_COLUMN, code)
        cell.alignment, cell.border = CENTRED, GRID
        cell.fill = PatternFill("solid", start_color=KIND_COLORS[code_kind(code)])
        _text(worksheet, row + offset, NAME_COLUMN, meaning)


def _set_widths(worksheet: Worksheet, sheet: DoodSheet, words: DoodLabels) -> None:
    widths = {CAST_COLUMN: 8, NAME_COLUMN: max([18, *(_display_width(line.name) + 2 for line in sheet.lines)])}
    # Headings wrap between words, never inside one: each column is as wide as its longest word.
    day_width = max([8, *(_display_width(day.weekday) + 3 for day in sheet.days)])
    day_width = max([day_width, *(_longest_word(words.heading(day)) + 2 for day in sheet.days)])
    widths.update({_day_column(index): day_width for index in range(len(sheet.days))})
    columns = _total_columns(sheet)
    widths.update({columns[key]: max(7, _longest_word(getattr(words, key)) + 2) for key in COUNTS})
    widths.update({columns["first"]: 11, columns["last"]: 11})
    for column, width in widths.items():
        worksheet.column_dimensions[get_column_letter(column)].width = min(width, 40)
    worksheet.row_dimensions[DAY_ROW].height = 18


def _display_width(text: str) -> int:
    return sum(display_columns(char) for char in text)


def _longest_word(text: str) -> int:
    return max((_display_width(word) for word in text.split()), default=0)


def _set_up_printing(worksheet: Worksheet, sheet: DoodSheet, words: DoodLabels) -> None:
    generated = f"{words.generated} {sheet.generated.isoformat()}"
    printed = PrintedPage(sheet.title, words.document, generated, sheet.company, words.page)
    set_up_printing(worksheet, f"{DAY_ROW}:{WEEKDAY_ROW}", printed)


def _sheet_name(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return SHEET_NAME_FORBIDDEN.sub("-", text)[:31].strip() or "DOOD"
