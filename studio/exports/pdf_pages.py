"""Page furniture every report shares: the page (letter landscape unless a report asks for another), its
margins, the title block, the footer, and building the document into its file (write to a temporary
file, then rename)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from studio.errors import UserError
from studio.exports.files import write_atomically
from studio.i18n import _

PAGE = landscape(LETTER)
MARGIN = 0.5 * inch
FRAME_PADDING = 6  # SimpleDocTemplate's frame keeps 6 pt inside each margin


def frame_width(page: tuple[float, float]) -> float:
    return page[0] - 2 * (MARGIN + FRAME_PADDING)


FRAME_WIDTH = frame_width(PAGE)
SECONDARY = "#546e7a"


def build_pdf(
    target: Path,
    story: list,
    title: str,
    author: str,
    footer: Callable,
    size: tuple[float, float] = PAGE,
    margins: tuple[float, float] = (MARGIN, 0.7 * inch),
) -> Path:
    """Build `story` into `target`; `margins`: the top and bottom ones (the sides keep MARGIN)."""

    def write(path: Path) -> None:
        # reportlab writes into a stream of ours, closed even when writing fails (its own file is left open).
        with path.open("wb") as stream:
            document = SimpleDocTemplate(
                stream,
                pagesize=size,
                leftMargin=MARGIN,
                rightMargin=MARGIN,
                topMargin=margins[0],
                bottomMargin=margins[1],
                title=title,
                author=author,
            )
            try:
                document.build(story, onFirstPage=footer, onLaterPages=footer)
            except LayoutError as error:
                reason = str(error)[:200]
                raise UserError(_("the document cannot be laid out: {reason}").format(reason=reason)) from None

    return write_atomically(target, write)


def page_footer(
    title: str, generated: str, page: str, font: str, size: tuple[float, float] = PAGE, y: float = 0.4 * inch
) -> Callable:
    """Draws the title, the date generated and "Page N" at the foot of every page, on the baseline `y`."""

    def draw(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN + FRAME_PADDING, y, fitted(title, font, 7.5, frame_width(size) * 0.38))
        canvas.drawCentredString(size[0] / 2, y, generated)
        canvas.drawRightString(size[0] - MARGIN - FRAME_PADDING, y, page.format(number=document.page))
        canvas.restoreState()

    return draw


def front_matter(title: str, facts: list[str], regular: str, bold: str) -> list:
    """The document's title, and under it a line of facts (company, document, date generated)."""
    subtitle = ParagraphStyle(
        "subtitle", fontName=regular, fontSize=9.5, leading=12, textColor=colors.HexColor(SECONDARY)
    )
    return [
        Paragraph(escape(title), ParagraphStyle("title", fontName=bold, fontSize=16, leading=20)),
        Spacer(1, 2),
        Paragraph(escape("  ·  ".join(fact for fact in facts if fact)), subtitle),
        Spacer(1, 6),
    ]


def fitted(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` (a footer line cannot wrap)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
