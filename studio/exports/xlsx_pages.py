"""Print setup every workbook report shares: landscape on letter, one page wide, header rows repeated,
and page headers and footers naming the production, the document, the date and the page."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

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
