"""Day Out of Days as a PDF: landscape, a row per cast member, the codes shaded by kind, the totals at
the right and the legend below.

Day columns are never narrower than a code needs: a schedule with more days than fit across the page is
split by date columns into parts of equal size, one after the other, each repeating the names and the
totals (which are always for the whole schedule), so nothing runs off the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from studio.exports.contacts import Translate
from studio.exports.dood import (
    KIND_COLORS,
    DayHeading,
    DoodLabels,
    DoodLine,
    DoodSheet,
    code_kind,
    dood_labels,
    legend,
    short_date,
)
from studio.exports.fonts import fonts_for
from studio.exports.pdf_pages import FRAME_WIDTH, build_pdf, front_matter, page_footer
from studio.exports.schedule_pdf import HEADER_BACKGROUND, RULE

CAST_ID_WIDTH = 0.45 * inch
NAME_WIDTH, MAX_NAME_WIDTH = 1.3 * inch, 2.2 * inch
COUNT_WIDTH, DATE_WIDTH = 0.4 * inch, 0.5 * inch  # Work, Hold, Drop, Paid; First, Last
MIN_DAY_WIDTH, MAX_DAY_WIDTH = 23.0, 36.0  # points: "SWF" fits the narrowest
TOTALS_WIDTH = 4 * COUNT_WIDTH + 2 * DATE_WIDTH
DAYS_WIDTH = FRAME_WIDTH - CAST_ID_WIDTH - NAME_WIDTH - TOTALS_WIDTH
TOTAL_BACKGROUND = colors.HexColor("#eceff1")
KIND_FILLS = {kind: colors.HexColor(f"#{rgb}") for kind, rgb in KIND_COLORS.items()}
FIXED_COLUMNS = 2  # Cast ID, Name


class _Styles:
    def __init__(self, regular: str, bold: str):
        self.regular, self.bold = regular, bold
        self.part = ParagraphStyle("part", fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4)
        self.header = ParagraphStyle(
            "header", fontName=bold, fontSize=6.5, leading=8, textColor=colors.white, alignment=TA_CENTER
        )
        self.name_header = ParagraphStyle("name_header", parent=self.header, alignment=0)
        self.name = ParagraphStyle("name", fontName=regular, fontSize=7.5, leading=9)
        self.legend_heading = ParagraphStyle("legend", fontName=bold, fontSize=9, leading=12, spaceBefore=10)
        self.legend = ParagraphStyle("legend_text", fontName=regular, fontSize=7.5, leading=9)


@dataclass(frozen=True)
class Part:
    """The day columns one table shows, and how wide each is."""

    first: int  # index into the sheet's days
    days: list[DayHeading]
    day_width: float


def write_dood_pdf(sheet: DoodSheet, translate: Translate, target: Path) -> Path:
    words = dood_labels(translate)
    entries = legend(translate)
    regular, bold = fonts_for(*sheet.texts(), *words.texts(), *(meaning for _code, meaning in entries))
    styles = _Styles(regular, bold)
    parts = split_days(sheet.days)
    generated = f"{words.generated} {sheet.generated.isoformat()}"
    story = front_matter(sheet.title, [sheet.company, words.document, generated], regular, bold)
    for part in parts:
        if len(parts) == 1:
            story.append(_table(sheet, part, words, styles))
            continue
        caption = Paragraph(escape(_part_caption(translate, part, sheet)), styles.part)
        story.append(KeepTogether([caption, _table(sheet, part, words, styles)]))  # a part starts a page if it fits one
    story += _legend(entries, words, styles)
    title = f"{sheet.title} — {words.document}"
    footer = page_footer(title, generated, words.page, regular)
    return build_pdf(target, story, title, sheet.company, footer)


def split_days(days: list[DayHeading]) -> list[Part]:
    """The day columns in as few parts as fit the page, of (nearly) equal size."""
    per_part = max(1, int(DAYS_WIDTH // MIN_DAY_WIDTH))
    count = max(1, math.ceil(len(days) / per_part))
    size = max(1, math.ceil(len(days) / count))
    width = min(MAX_DAY_WIDTH, DAYS_WIDTH / size)
    return [Part(start, days[start : start + size], width) for start in range(0, max(len(days), 1), size)]


def _part_caption(_: Translate, part: Part, sheet: DoodSheet) -> str:
    return _("Days {first} to {last} of {count}").format(
        first=part.days[0].number, last=part.days[-1].number, count=len(sheet.days)
    )


def _column_widths(part: Part) -> list[float]:
    days = part.day_width * len(part.days)
    name = min(MAX_NAME_WIDTH, FRAME_WIDTH - CAST_ID_WIDTH - TOTALS_WIDTH - days)
    return [CAST_ID_WIDTH, name, *[part.day_width] * len(part.days), *[COUNT_WIDTH] * 4, DATE_WIDTH, DATE_WIDTH]


def _table(sheet: DoodSheet, part: Part, words: DoodLabels, styles: _Styles) -> Table:
    rows = [_header_row(part, words, styles)]
    rows += [_line_row(line, part, sheet.locale, styles) for line in sheet.lines]
    if sheet.lines:
        rows.append(_total_row(sheet, part, words, styles))
    table = Table(rows, colWidths=_column_widths(part), repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(sheet, part, styles.regular))
    return table


def _header_row(part: Part, words: DoodLabels, styles: _Styles) -> list:
    def heading(text: str, style: ParagraphStyle = styles.header) -> Paragraph:
        return Paragraph(escape(text), style)

    days = [
        Paragraph(
            "<br/>".join(escape(text) for text in (words.day.format(number=day.number), day.date_text, day.weekday)),
            styles.header,
        )
        for day in part.days
    ]
    totals = [words.work, words.hold, words.drop, words.paid, words.first, words.last]
    return [heading(words.cast_id), heading(words.name, styles.name_header), *days, *map(heading, totals)]


def _line_row(line: DoodLine, part: Part, locale: str, styles: _Styles) -> list:
    codes = list(line.codes[part.first : part.first + len(part.days)])
    dates = [short_date(date, locale) if date else "" for date in (line.first, line.last)]
    counts = [str(count) for count in (line.work, line.hold, line.drops, line.paid)]
    return [line.cast_id, Paragraph(escape(line.name), styles.name), *codes, *counts, *dates]


def _total_row(sheet: DoodSheet, part: Part, words: DoodLabels, styles: _Styles) -> list:
    sums = [sum(getattr(line, key) for line in sheet.lines) for key in ("work", "hold", "drops", "paid")]
    name = Paragraph(escape(words.total), ParagraphStyle("total", parent=styles.name, fontName=styles.bold))
    return ["", name, *[""] * len(part.days), *map(str, sums), "", ""]


def _table_style(sheet: DoodSheet, part: Part, font: str) -> TableStyle:
    totals = FIXED_COLUMNS + len(part.days)  # the first totals column
    last_row = len(sheet.lines) + (1 if sheet.lines else 0)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (FIXED_COLUMNS, 1), (-1, -1), "CENTER"),
        ("FONTNAME", (0, 1), (-1, -1), font),  # a short date may be Chinese
        ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("LEADING", (0, 1), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, HEADER_BACKGROUND),
        ("LINEBEFORE", (totals, 0), (totals, -1), 0.75, HEADER_BACKGROUND),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if sheet.lines:
        commands += [
            ("BACKGROUND", (0, last_row), (-1, last_row), TOTAL_BACKGROUND),
            ("LINEABOVE", (0, last_row), (-1, last_row), 0.75, HEADER_BACKGROUND),
        ]
    for row, line in enumerate(sheet.lines, start=1):
        for offset, code in enumerate(line.codes[part.first : part.first + len(part.days)]):
            kind = code_kind(code)
            if kind:
                cell = (FIXED_COLUMNS + offset, row)
                commands.append(("BACKGROUND", cell, cell, KIND_FILLS[kind]))
    return TableStyle(commands)


def _legend(entries: list[tuple[str, str]], words: DoodLabels, styles: _Styles) -> list:
    """The codes and what they mean, in one row of coloured chips."""
    cells: list = []
    for code, meaning in entries:
        cells += [code, Paragraph(escape(meaning), styles.legend)]
    chip, text = 0.38 * inch, FRAME_WIDTH / len(entries) - 0.38 * inch
    table = Table([cells], colWidths=[chip, text] * len(entries), hAlign="LEFT")
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, (code, _meaning) in enumerate(entries):
        cell = (2 * index, 0)
        commands += [
            ("BACKGROUND", cell, cell, KIND_FILLS[code_kind(code)]),
            ("ALIGN", cell, cell, "CENTER"),
            ("BOX", cell, cell, 0.25, RULE),
        ]
    table.setStyle(TableStyle(commands))
    return [CondPageBreak(0.8 * inch), Paragraph(escape(words.legend), styles.legend_heading), Spacer(1, 3), table]
