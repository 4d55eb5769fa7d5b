"""The contact sheet as an Excel workbook: a sheet per section, ready to filter and to print.

Every piece of text is written as a text cell, so a name typed as "=HYPERLINK(…)" or a phone number
such as "+1 310…" stays exactly what was typed and is never run as a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from studio.exports.contacts import ContactSheet, Labels, Section, Translate, labels, sections
from studio.exports.files import write_atomically
from studio.exports.xlsx_pages import PrintedPage, set_up_printing, workbook_bytes
from studio.scripts.eighths import columns as display_columns

SHEET_NAMES = {"cast": "Cast", "crew": "Crew", "locations": "Locations"}
LONG_TEXT = {"address", "hospital_address", "parking", "basecamp"}  # a set width; the text wraps
MIN_WIDTH, MAX_WIDTH, LONG_TEXT_WIDTH = 8, 40, 36
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="37474F")
HEADER_BORDER = Border(bottom=Side(style="thin", color="263238"))
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
CELL_ALIGNMENT = Alignment(vertical="top", wrap_text=True)


def write_xlsx(sheet: ContactSheet, translate: Translate, target: Path) -> Path:
    words = labels(translate)

    def write(path: Path) -> None:
        workbook = Workbook()
        workbook.remove(workbook.active)
        workbook.properties.title = f"{sheet.display_title()} — {words.document}"
        workbook.properties.creator = "Cliffhanger"
        for section in sections(sheet, translate):
            worksheet = workbook.create_sheet(SHEET_NAMES[section.key])
            _fill(worksheet, section)
            _style(worksheet, section)
            _set_up_printing(worksheet, sheet, words)
        path.write_bytes(workbook_bytes(workbook))

    return write_atomically(target, write)


def _fill(worksheet: Worksheet, section: Section) -> None:
    worksheet.append([_text(column.heading) for column in section.columns])
    for line in section.lines:
        worksheet.append([_cell_value(column.value(line)) for column in section.columns])
    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl takes any string starting with "=" for a formula: this keeps it text.
                cell.data_type = "s"


def _cell_value(value: str | int) -> str | int | None:
    if isinstance(value, int):
        return value
    return _text(value) or None


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _style(worksheet: Worksheet, section: Section) -> None:
    for cell in worksheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = HEADER_ALIGNMENT
    for index, column in enumerate(section.columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = _width(worksheet, index, column.key in LONG_TEXT)
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = CELL_ALIGNMENT
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions


def _width(worksheet: Worksheet, index: int, long_text: bool) -> float:
    """A width (in characters, Chinese ones counting double) that fits the column's longest value."""
    if long_text:
        return LONG_TEXT_WIDTH
    widest = max(
        (
            sum(display_columns(char) for char in line)
            for (value,) in worksheet.iter_rows(min_row=2, min_col=index, max_col=index, values_only=True)
            if value is not None
            for line in str(value).splitlines()
        ),
        default=0,
    )
    heading_words = str(worksheet.cell(row=1, column=index).value).split()
    # The heading may wrap onto two lines, but never inside a word.
    heading = max((sum(display_columns(char) for char in word) for word in heading_words), default=0)
    return min(MAX_WIDTH, max(MIN_WIDTH, widest, heading) + 2)


def _set_up_printing(worksheet: Worksheet, sheet: ContactSheet, words: Labels) -> None:
    generated = f"{words.generated} {sheet.generated.isoformat()}"
    printed = PrintedPage(sheet.display_title(), words.document, generated, sheet.company, words.page)
    set_up_printing(worksheet, "1:1", printed)
    worksheet.print_options.gridLines = True
