"""Cells kept as plain values until the workbook is saved, then written straight into each sheet's XML.

openpyxl builds the workbook around them (sheets, styles, widths, frozen panes, printing, defined
names); its own cell objects cost most of the time a 2,000-line budget took to write (2.9 s against 1.6),
for nothing a budget needs. This relies on openpyxl writing each sheet with the usual <sheetData> and
<dimension> elements; the budget tests read every written workbook back, recalculated by LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import DEFAULT_FONT, Alignment, Border, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from studio.exports.xlsx_pages import workbook_bytes

TEXT, NUMBER, FORMULA, DATE = "s", "n", "f", "d"
EXCEL_EPOCH = dt.date(1899, 12, 30)
XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')


class Out:
    """A cell to write: its value, its kind and its style."""

    __slots__ = ("value", "kind", "number_format", "font", "fill", "border", "alignment")

    def __init__(self):
        self.value = None
        self.kind = NUMBER
        self.number_format = "General"
        self.font = self.fill = self.border = self.alignment = None

    def style(self) -> tuple:
        return (self.number_format, id(self.font), id(self.fill), id(self.border), id(self.alignment))


class Grid:
    """A sheet's cells by row and column, its frozen panes and its rows' heights."""

    def __init__(self, title: str):
        self.title = title
        self.rows: dict[int, dict[int, Out]] = defaultdict(dict)
        self.heights: dict[int, float] = {}
        self.freeze_panes: str | None = None

    def cell(self, row: int, column: int) -> Out:
        cells = self.rows[row]
        cell = cells.get(column)
        if cell is None:
            cell = cells[column] = Out()
        return cell

    def xml(self, styles: dict[tuple, int]) -> tuple[str, str]:
        """(the sheetData element, the range the cells take)."""
        parts = ["<sheetData>"]
        last_column = 1
        letters = {}
        for row in sorted({*self.rows, *self.heights}):
            height = self.heights.get(row)
            parts.append(f'<row r="{row}" ht="{height}" customHeight="1">' if height else f'<row r="{row}">')
            cells = self.rows.get(row, {})
            for column in sorted(cells):
                cell = cells[column]
                letter = letters.get(column) or letters.setdefault(column, get_column_letter(column))
                last_column = max(last_column, column)
                style = styles[cell.style()]
                head = f'<c r="{letter}{row}" s="{style}"' if style else f'<c r="{letter}{row}"'
                value = cell.value
                if value is None:
                    if style:
                        parts.append(head + "/>")
                elif cell.kind == TEXT:
                    parts.append(f'{head} t="inlineStr"><is><t xml:space="preserve">{escaped(value)}</t></is></c>')
                elif cell.kind == FORMULA:
                    parts.append(f"{head}><f>{escaped(value[1:])}</f></c>")
                elif cell.kind == DATE:
                    parts.append(f"{head}><v>{(value - EXCEL_EPOCH).days}</v></c>")
                else:
                    parts.append(f"{head}><v>{value}</v></c>")
            parts.append("</row>")
        parts.append("</sheetData>")
        last_row = max([1, *self.rows, *self.heights])
        return "".join(parts), f"A1:{get_column_letter(last_column)}{last_row}"


class Styles:
    """The workbook's cell styles: each combination the cells use, registered once with openpyxl."""

    def __init__(self):
        self.known: dict[tuple, int] = {Out().style(): 0}  # openpyxl's default style

    def ids(self, worksheet: Worksheet, grid: Grid) -> dict[tuple, int]:
        for cells in grid.rows.values():
            for cell in cells.values():
                key = cell.style()
                if key in self.known:
                    continue
                # A cell of openpyxl's own for each combination (the sheet's cells are replaced on saving).
                sample = worksheet.cell(row=1, column=len(self.known) + 1)
                sample.number_format = cell.number_format
                sample.font = cell.font or DEFAULT_FONT
                sample.fill = cell.fill or PatternFill()
                sample.border = cell.border or Border()
                sample.alignment = cell.alignment or Alignment()
                self.known[key] = sample.style_id
        return self.known


def escaped(text: str) -> str:
    return text.translate(XML_ESCAPES)


def with_cells(sheet: str, cells: str, dimension: str) -> str:
    """openpyxl's XML of a sheet with the cells put in."""
    sheet = DIMENSION.sub(f'<dimension ref="{dimension}"/>', sheet, count=1)
    return SHEET_DATA.sub(lambda _match: cells, sheet, count=1)


def save_with_cells(workbook: Workbook, cells: dict[str, tuple[str, str]], path: Path) -> None:
    """Save the workbook with each sheet's cells (by sheet title: its sheetData and its range) put in."""
    package = io.BytesIO(workbook_bytes(workbook))
    parts = {worksheet.path.lstrip("/"): cells[worksheet.title] for worksheet in workbook}  # named on saving
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in parts:
                data = with_cells(data.decode("utf-8"), *parts[item.filename]).encode("utf-8")
            target.writestr(item, data)
