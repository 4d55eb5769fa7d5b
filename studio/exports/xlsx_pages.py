"""What every workbook report shares: print setup (landscape on letter, one page wide, header rows
repeated, page headers and footers naming the production, the document, the date and the page), and
putting the workbook together in memory (`workbook_bytes`)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

HEADER_FOOTER_LIMIT = 80  # Excel refuses a page header longer than 255 characters in all


@dataclass(frozen=True)
class PrintedPage:
    title: str
    document: str
    generated: str
    company: str
    page: str  # with a {number} placeholder


def set_up_printing(worksheet: Worksheet, title_rows: str, printed: PrintedPage) -> None:
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_LETTER
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.print_title_rows = title_rows
    worksheet.oddHeader.left.text = header_text(printed.title)
    worksheet.oddHeader.center.text = header_text(printed.document)
    worksheet.oddHeader.right.text = header_text(printed.generated)
    worksheet.oddFooter.left.text = header_text(printed.company)
    worksheet.oddFooter.right.text = header_text(printed.page).replace("{number}", "&P")


def header_text(text: str) -> str:
    """Text for a printed page header: "&" starts a code there, so it is doubled."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:HEADER_FOOTER_LIMIT].replace("&", "&&")


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as the bytes of an xlsx file, put together in memory.

    openpyxl's own save writes each sheet to a temporary file in the system's temporary folder first:
    on a full disk that fails as an lxml error rather than an OSError (an internal error instead of
    "cannot write"), and leaves the half-written sheet's generator to fail again at exit. Here nothing
    touches a disk but the export's own file, written by the caller in one go.
    """
    package = io.BytesIO()
    workbook.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        _InMemoryWriter(workbook, archive).write_data()
    return package.getvalue()


class _InMemoryWriter(ExcelWriter):
    def write_worksheet(self, ws: Worksheet) -> None:
        """openpyxl's (3.1), with the sheet's XML kept in memory instead of a temporary file."""
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)
