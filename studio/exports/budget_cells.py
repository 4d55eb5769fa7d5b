"""The cells of the budget workbook (studio.exports.budget_xlsx): its sheets' names and rows, the styles,
and writing a sheet's title, header, text (always as text: "=…" the producer typed never becomes a
formula), numbers and formulas, with each column as wide as its widest text."""

from __future__ import annotations

import datetime as dt

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from studio.exports.xlsx_cells import DATE, FORMULA, TEXT, Grid, Out
from studio.money import minor_unit_digits
from studio.scripts.eighths import columns as display_columns
from studio.scripts.eighths import wrapped_lines

TOP, DETAIL, FRINGES, GLOBALS, CURRENCIES, COST_REPORT, ACTUALS = (
    "Top Sheet",
    "Detail",
    "Fringes",
    "Globals",
    "Currencies",
    "Cost Report",
    "Actuals",
)
SHEETS = (TOP, DETAIL, FRINGES, GLOBALS, CURRENCIES, COST_REPORT, ACTUALS)
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5

FONT = "Calibri"  # the default font: a font without a name prints in the reader's default, often serif
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="37474F")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
SECTION_FONT = Font(name=FONT, bold=True, size=12)
BOLD = Font(name=FONT, bold=True)
GROUP_FILL = PatternFill("solid", start_color="CFD8DC")
TOTAL_FILL = PatternFill("solid", start_color="ECEFF1")
GRAND_BORDER = Border(top=Side(style="thin", color="263238"), bottom=Side(style="double", color="263238"))
NOTE_FONT = Font(name=FONT, italic=True, color="546E7A")
GRAND_FONT = Font(name=FONT, bold=True, size=12)
TITLE_FONT = Font(name=FONT, bold=True, size=14)
CENTRED = Alignment(horizontal="center")
WRAPPED = Alignment(vertical="top", wrap_text=True)
RATE_FORMAT = "0.0000####"
QUANTITY_FORMAT = "General"
PERCENT_FORMAT = "0.00##"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_WIDTH_LIMIT = 48
# Columns of long text: a set width, the text wraps (descriptions, notes, the fringes on a line).
WRAPPED_COLUMNS = {GLOBALS: {3: 40}, DETAIL: {3: 42, 14: 30, 15: 24}, FRINGES: {2: 24}, ACTUALS: {4: 30}}
TOP_ALIGNED = {False: Alignment(vertical="top"), True: Alignment(horizontal="center", vertical="top")}
NUMBER_WIDTH = 13
SHORT_HEADING = 12  # a heading this wide stays on one line


class SheetCells:
    """Writing cells on the book's sheets; what it writes with (the title, words, widths so far) is the book's."""

    def heading(self, worksheet: Grid, sheet: str, headings: list[str], note: str = "") -> None:
        """The title rows and the header row of a sheet."""
        self.text(worksheet, TITLE_ROW, 1, self.title).font = TITLE_FONT
        facts = [
            self.production.company,
            f"{self.words('Budget')} — {sheet}",
            f"{self.words('Report currency')}: {self.currency}",
            f"{self.words('Generated')} {self.generated.isoformat()}",
        ]
        self.text(worksheet, SUBTITLE_ROW, 1, "  ·  ".join(fact for fact in facts if fact)).font = NOTE_FONT
        if note:
            self.text(worksheet, HEADER_ROW - 1, 1, note).font = NOTE_FONT
        self.header_row(worksheet, HEADER_ROW, headings)

    def header_row(self, worksheet: Grid, row: int, headings: list[str]) -> None:
        self.header_rows[worksheet.title].append(row)
        widths = self.widths[worksheet.title]
        for column, heading in enumerate(headings, start=1):
            cell = worksheet.cell(row, column)
            cell.value, cell.kind = heading, TEXT
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
            # A heading may wrap, but never inside a word.
            longest = max((text_width(word) for word in heading.split()), default=0) + 2
            longest = max(longest, min(text_width(heading) + 2, SHORT_HEADING))
            widths[column] = max(widths.get(column, 0), longest)  # a wrapped column's only width: its heading

    def section(self, worksheet: Grid, row: int, title: str) -> None:
        """A table's title, above its header row (it runs across the columns: their widths ignore it)."""
        cell = worksheet.cell(row, 1)
        cell.value, cell.kind, cell.font = title, TEXT, SECTION_FONT

    def text(self, worksheet: Grid, row: int, column: int, value: str, alignment: Alignment | None = None) -> Out:
        """A text cell, whatever the text looks like ("=…" stays text, never a formula)."""
        text = ILLEGAL_CHARACTERS_RE.sub("", value or "")
        if not text:
            return Out()  # nothing to write
        cell = worksheet.cell(row, column)
        cell.value, cell.kind = text, TEXT
        wrapped = WRAPPED_COLUMNS.get(worksheet.title, {}).get(column)
        if wrapped:
            cell.alignment = WRAPPED
            if row >= FIRST_ROW:
                lines = wrapped_lines(text, wrapped - 1)
                tall = self.tall[worksheet.title]
                if lines > tall.get(row, 1):
                    tall[row] = lines
            return cell
        cell.alignment = alignment
        if row >= FIRST_ROW:
            widths = self.widths[worksheet.title]
            width = min(TEXT_WIDTH_LIMIT, text_width(text) + 2)
            if width > widths.get(column, 0):
                widths[column] = width
        return cell

    def number(
        self, worksheet: Grid, row: int, column: int, value, number_format: str, alignment: Alignment | None = None
    ) -> Out:
        """A number or a date; or a formula, as a str starting with "=" (never text the producer typed)."""
        cell = worksheet.cell(row, column)
        cell.value, cell.number_format, cell.alignment = value, number_format, alignment
        if isinstance(value, str):
            cell.kind = FORMULA
        elif isinstance(value, dt.date):
            cell.kind = DATE
        return cell

    formula = number

    def style_row(
        self,
        worksheet: Grid,
        row: int,
        width: int,
        font: Font | None = None,
        fill: PatternFill | None = None,
        border: Border | None = None,
    ) -> None:
        for column in range(1, width + 1):
            cell = worksheet.cell(row, column)
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            if border is not None:
                cell.border = border

    def set_widths(self, worksheet: Grid) -> dict[int, float]:
        """Each column as wide as its widest text (within a limit) or its set width, and never narrower than
        its heading's longest word; the header rows tall enough for their wrapped headings."""
        title = worksheet.title
        widths, wrapped = self.widths[title], WRAPPED_COLUMNS.get(title, {})
        fixed = {**self.fixed[title], **wrapped}
        final = {column: max(widths.get(column, 0), fixed.get(column, 0)) for column in {*widths, *fixed}}
        for row in self.header_rows[title]:
            cells = worksheet.rows[row]
            lines = [wrapped_lines(str(c.value), int(final.get(n, 10)) - 1) for n, c in cells.items() if c.value]
            worksheet.heights[row] = 15 * max(lines, default=1) + 3
        # Rows whose long text wraps: as tall as it (a spreadsheet does not grow a row as it opens a file),
        # their figures beside the first line of the text.
        for row, lines in self.tall[title].items():
            worksheet.heights[row] = 15 * lines
            for cell in worksheet.rows[row].values():
                if cell.value is not None and cell.alignment is not WRAPPED:
                    cell.alignment = TOP_ALIGNED[cell.alignment is CENTRED]
        return final


def sheet_reference(name: str) -> str:
    """A sheet's name as a formula writes it: quoted only when it must be ('Top Sheet'!A1, Detail!A1)."""
    return name if name.isidentifier() else "'" + name.replace("'", "''") + "'"


def money_format(currency: str) -> str:
    digits = minor_unit_digits(currency)
    return "#,##0" if digits == 0 else "#,##0." + "0" * digits


def text_width(text: str) -> int:
    """Columns the text takes (a Chinese character counts two), its longest line."""
    return max((sum(display_columns(char) for char in line) for line in text.splitlines()), default=0)
