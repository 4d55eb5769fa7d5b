"""The daily production report as an Excel workbook: a sheet per table, ready to print; the hot cost's
variances and its day's total are formulas, so a figure corrected in the workbook carries through. Text
is written as text cells, never run as a formula; money as numbers in the report's currency."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from studio.exports.dpr import Cell, DprDocument
from studio.exports.dpr import Table as DprTable
from studio.exports.files import write_atomically
from studio.exports.xlsx_pages import PrintedPage, set_up_printing, workbook_bytes
from studio.money import minor_unit_digits

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="37474F")
NOT_IN_SHEET_NAMES = re.compile(r"[\\/?*\[\]:]")
SHEET_NAME_LENGTH = 31  # Excel's limit


def write_xlsx(document: DprDocument, target: Path) -> Path:
    def write(path: Path) -> None:
        workbook = Workbook()
        workbook.remove(workbook.active)
        workbook.properties.title = f"{document.title} — {document.document} — {document.day}"
        workbook.properties.creator = "Cliffhanger"
        money_format = "#,##0" + (
            "." + "0" * minor_unit_digits(document.currency) if minor_unit_digits(document.currency) else ""
        )
        for table in document.tables:
            worksheet = workbook.create_sheet(sheet_name(table.title))
            _fill(worksheet, table, money_format)
            printed = PrintedPage(
                document.title,
                f"{document.document} — {table.title}",
                document.generated,
                document.company,
                document.page,
            )
            set_up_printing(worksheet, "1:1", printed)
        path.write_bytes(workbook_bytes(workbook))

    return write_atomically(target, write)


def sheet_name(title: str) -> str:
    """A table's title as a sheet's tab, in the document's language ("Hot cost / 当日成本": "Hot cost · 当日成本")."""
    return NOT_IN_SHEET_NAMES.sub("·", title.replace(" / ", " · "))[:SHEET_NAME_LENGTH]


def _fill(worksheet: Worksheet, table: DprTable, money_format: str) -> None:
    worksheet.append([_value(heading) for heading in table.headings])
    for cell in worksheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = worksheet.cell(row=index, column=column, value=_value(value))
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl takes any string starting with "=" for a formula
            if column - 1 in table.money:
                cell.number_format = money_format
    _formulas(worksheet, table)
    for column, heading in enumerate(table.headings, start=1):
        widest = max([len(str(row[column - 1] or "")) for row in table.rows] + [len(heading) // 2, 6])
        worksheet.column_dimensions[get_column_letter(column)].width = min(widest + 2, 48)
    worksheet.freeze_panes = "A2"


def _value(value: Cell) -> str | int | Decimal | None:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value) or None
    return value


def _formulas(worksheet: Worksheet, table: DprTable) -> None:
    """The hot cost's: each row's variance (actual − planned), and the day's total of the rows above it."""
    if table.variance_column is None:
        return
    planned, actual, variance = (
        get_column_letter(c + 1) for c in (table.variance_column - 2, table.variance_column - 1, table.variance_column)
    )
    for row in range(2, len(table.rows) + 2):
        worksheet[f"{variance}{row}"] = f"={actual}{row}-{planned}{row}"
    if table.total_row is not None:
        total = table.total_row + 2
        for column in (planned, actual):
            worksheet[f"{column}{total}"] = f"=SUM({column}2:{column}{total - 1})"
