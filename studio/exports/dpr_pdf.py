"""The daily production report as a PDF: letter landscape, each table under its title, headers repeated on
a table's later pages, money right-aligned to the cent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from studio.exports.dpr import Cell, DprDocument
from studio.exports.dpr import Table as DprTable
from studio.exports.fonts import fonts_for
from studio.exports.line_breaks import Wrapping, wrapping_style
from studio.exports.pdf_pages import FRAME_WIDTH, build_pdf, front_matter, page_footer
from studio.money import Money

HEADER_BACKGROUND = colors.HexColor("#37474f")
STRIPE = colors.HexColor("#f5f7f8")
RULE = colors.HexColor("#b0bec5")


class _Styles:
    def __init__(self, regular: str, bold: str):
        self.section = ParagraphStyle("section", fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
        self.note = wrapping_style(ParagraphStyle("note", fontName=regular, fontSize=7.5, leading=9.5, spaceAfter=4))
        self.header = wrapping_style(
            ParagraphStyle("header", fontName=bold, fontSize=7, leading=8.5, textColor=colors.white)
        )
        self.cell = wrapping_style(ParagraphStyle("cell", fontName=regular, fontSize=7, leading=8.5))
        self.money = wrapping_style(ParagraphStyle("money", parent=self.cell, alignment=2))


def write_pdf(document: DprDocument, target: Path) -> Path:
    regular, bold = fonts_for(*document.texts())
    styles = _Styles(regular, bold)
    story = front_matter(
        document.title, [document.company, document.document, document.day, document.generated], regular, bold
    )
    for table in document.tables:
        if not table.rows:
            continue
        story += [CondPageBreak(1.2 * inch), Paragraph(escape(table.title), styles.section)]
        if table.note:
            story.append(Wrapping(escape(table.note), styles.note))
        story.append(_table(table, styles, document.currency))
    title = f"{document.title} — {document.document} — {document.day}"
    return build_pdf(
        target, story, title, document.company, page_footer(title, document.generated, document.page, regular)
    )


def _table(table: DprTable, styles: _Styles, currency: str) -> Table:
    header = [Wrapping(escape(heading), styles.header) for heading in table.headings]
    rows = [header] + [
        [
            _cell(value, styles.money if index in table.money else styles.cell, currency)
            for index, value in enumerate(row)
        ]
        for row in table.rows
    ]
    shares = table.widths or (1,) * len(table.headings)
    result = Table(rows, colWidths=[FRAME_WIDTH * share / sum(shares) for share in shares], repeatRows=1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, HEADER_BACKGROUND),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), STRIPE) for row in range(2, len(rows), 2)]
    result.setStyle(TableStyle(commands))
    return result


def _cell(value: Cell, style: ParagraphStyle, currency: str) -> Wrapping:
    if value is None:
        return Wrapping("", style)
    if isinstance(value, Decimal):
        return Wrapping(f"{Money(value, currency).amount:,}", style)
    return Wrapping(escape(str(value)), style)
