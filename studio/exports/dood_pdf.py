"""Day Out of Days as a PDF: landscape, a row per cast member, the codes shaded by kind, the totals at
the right (work, hold, travel, rehearsal, fitting, drop, paid, first and last work day) and the legend
below.

Day columns are never narrower than a code needs: a schedule with more days than fit across the page is
split by date columns into parts of equal size, one after the other, each repeating the names and the
totals (which are always for the whole schedule), so nothing runs off the page. Each total column is as
wide as its heading's longest word; a heading still too wide for its column (a day heading "Rehearsal")
is set smaller rather than broken inside a word.
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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from studio.exports.contacts import Translate
from studio.exports.dood import (
    COUNTED,
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
MIN_COUNT_WIDTH, MAX_COUNT_WIDTH = 0.3 * inch, 0.55 * inch  # Work, Hold, Travel… Paid
DATE_WIDTH = 0.5 * inch  # First, Last
MIN_DAY_WIDTH, MAX_DAY_WIDTH = 23.0, 36.0  # points: "SWF" fits the narrowest
COUNTS = (*COUNTED, "paid")
HEADER_SIZE, SMALLEST_HEADER_SIZE = 6.5, 4.5
PADDING = 2  # points, each side of a cell
TOTAL_BACKGROUND = colors.HexColor("#eceff1")
KIND_FILLS = {kind: colors.HexColor(f"#{rgb}") for kind, rgb in KIND_COLORS.items()}
FIXED_COLUMNS = 2  # Cast ID, Name
LEGEND_PER_ROW = 7


class _Styles:
    def __init__(self, regular: str, bold: str):
        self.regular, self.bold = regular, bold
        self.part = ParagraphStyle("part", fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4)
        self.header = ParagraphStyle(
            "header", fontName=bold, fontSize=HEADER_SIZE, leading=8, textColor=colors.white, alignment=TA_CENTER
        )
        self.name_header = ParagraphStyle("name_header", parent=self.header, alignment=0)
        self.name = ParagraphStyle("name", fontName=regular, fontSize=7.5, leading=9)
        self.legend_heading = ParagraphStyle("legend", fontName=bold, fontSize=9, leading=12, spaceBefore=10)
        self.legend = ParagraphStyle("legend_text", fontName=regular, fontSize=7.5, leading=9)

    def fitted_header(self, text: str, width: float, style: ParagraphStyle | None = None) -> Paragraph:
        """A heading whose longest word fits `width` (the column less its padding), set smaller if need be."""
        style = style or self.header
        widest = max((stringWidth(word, self.bold, style.fontSize) for word in text.split()), default=0)
        room = width - 2 * PADDING
        if widest > room:
            size = max(SMALLEST_HEADER_SIZE, style.fontSize * room / widest)
            style = ParagraphStyle(f"{style.name}_{size:.2f}", parent=style, fontSize=size, leading=size + 1.5)
        return Paragraph(escape(text), style)


@dataclass(frozen=True)
class Part:
    """The day columns one table shows, and how wide each is."""

    first: int  # index into the sheet's days
    days: list[DayHeading]
    day_width: float


@dataclass(frozen=True)
class Widths:
    """The columns that do not depend on the part: the counts (by key) and what is left for the days."""

    counts: dict[str, float]

    @property
    def totals(self) -> float:
        return sum(self.counts.values()) + 2 * DATE_WIDTH

    @property
    def days(self) -> float:
        return FRAME_WIDTH - CAST_ID_WIDTH - NAME_WIDTH - self.totals


def count_widths(words: DoodLabels, bold: str) -> Widths:
    """Each count column as wide as its heading's longest word, within limits."""

    def width(text: str) -> float:
        widest = max((stringWidth(word, bold, HEADER_SIZE) for word in text.split()), default=0)
        return min(MAX_COUNT_WIDTH, max(MIN_COUNT_WIDTH, widest + 2 * PADDING + 1))

    return Widths({key: width(getattr(words, key)) for key in COUNTS})


def write_dood_pdf(sheet: DoodSheet, translate: Translate, target: Path) -> Path:
    words = dood_labels(translate)
    entries = legend(translate)
    regular, bold = fonts_for(*sheet.texts(), *words.texts(), *(meaning for _code, meaning in entries))
    styles = _Styles(regular, bold)
    widths = count_widths(words, bold)
    parts = split_days(sheet.days, widths.days)
    generated = f"{words.generated} {sheet.generated.isoformat()}"
    story = front_matter(sheet.title, [sheet.company, words.document, generated], regular, bold)
    for part in parts:
        if len(parts) == 1:
            story.append(_table(sheet, part, words, styles, widths))
            continue
        caption = Paragraph(escape(_part_caption(translate, part, sheet)), styles.part)
        table = _table(sheet, part, words, styles, widths)
        story.append(KeepTogether([caption, table]))  # a part starts a page if it fits one
    story += _legend(entries, words, styles)
    title = f"{sheet.title} — {words.document}"
    footer = page_footer(title, generated, words.page, regular)
    return build_pdf(target, story, title, sheet.company, footer)


def split_days(days: list[DayHeading], days_width: float) -> list[Part]:
    """The day columns in as few parts as fit the page (`days_width` across), of (nearly) equal size."""
    per_part = max(1, int(days_width // MIN_DAY_WIDTH))
    count = max(1, math.ceil(len(days) / per_part))
    size = max(1, math.ceil(len(days) / count))
    width = min(MAX_DAY_WIDTH, days_width / size)
    return [Part(start, days[start : start + size], width) for start in range(0, max(len(days), 1), size)]


def _part_caption(_: Translate, part: Part, sheet: DoodSheet) -> str:
    """ "Days 1 to 17 of 40" by the shoot days in the part; by dates when it has none (only travel days)."""
    numbers = [day.number for day in part.days if day.number is not None]
    if not numbers:
        return _("{first} to {last}").format(first=part.days[0].date_text, last=part.days[-1].date_text)
    count = sum(1 for day in sheet.days if day.number is not None)
    return _("Days {first} to {last} of {count}").format(first=numbers[0], last=numbers[-1], count=count)


def _column_widths(part: Part, widths: Widths) -> list[float]:
    days = part.day_width * len(part.days)
    name = min(MAX_NAME_WIDTH, FRAME_WIDTH - CAST_ID_WIDTH - widths.totals - days)
    counts = [widths.counts[key] for key in COUNTS]
    return [CAST_ID_WIDTH, name, *[part.day_width] * len(part.days), *counts, DATE_WIDTH, DATE_WIDTH]


def _table(sheet: DoodSheet, part: Part, words: DoodLabels, styles: _Styles, widths: Widths) -> Table:
    rows = [_header_row(part, words, styles, widths)]
    rows += [_line_row(line, part, sheet.locale, styles) for line in sheet.lines]
    if sheet.lines:
        rows.append(_total_row(sheet, part, words, styles))
    table = Table(rows, colWidths=_column_widths(part, widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(sheet, part, styles.regular))
    return table


def _header_row(part: Part, words: DoodLabels, styles: _Styles, widths: Widths) -> list:
    def heading(text: str, style: ParagraphStyle = styles.header) -> Paragraph:
        return Paragraph(escape(text), style)

    def day_heading(day: DayHeading) -> Paragraph:
        lines = (words.heading(day), day.date_text, day.weekday)
        fitted = styles.fitted_header(" ".join(lines), part.day_width)  # the size every line can take
        return Paragraph("<br/>".join(escape(text) for text in lines), fitted.style)

    fixed = [heading(words.cast_id), heading(words.name, styles.name_header)]
    counts = [styles.fitted_header(getattr(words, key), widths.counts[key]) for key in COUNTS]
    return [*fixed, *map(day_heading, part.days), *counts, heading(words.first), heading(words.last)]


def _counts(line: DoodLine) -> list[int]:
    return [line.work, line.hold, line.travel, line.rehearsal, line.fitting, line.drops, line.paid]


def _line_row(line: DoodLine, part: Part, locale: str, styles: _Styles) -> list:
    codes = list(line.codes[part.first : part.first + len(part.days)])
    dates = [short_date(date, locale) if date else "" for date in (line.first, line.last)]
    return [line.cast_id, Paragraph(escape(line.name), styles.name), *codes, *map(str, _counts(line)), *dates]


def _total_row(sheet: DoodSheet, part: Part, words: DoodLabels, styles: _Styles) -> list:
    sums = [sum(counts) for counts in zip(*(_counts(line) for line in sheet.lines), strict=True)]
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
    """The codes and what they mean, in rows of coloured chips (no more than LEGEND_PER_ROW a row)."""
    per_row = math.ceil(len(entries) / math.ceil(len(entries) / LEGEND_PER_ROW))
    rows: list[list] = []
    for start in range(0, len(entries), per_row):
        cells: list = []
        for code, meaning in entries[start : start + per_row]:
            cells += [code, Paragraph(escape(meaning), styles.legend)]
        rows.append(cells + [""] * (2 * per_row - len(cells)))
    chip, text = 0.38 * inch, FRAME_WIDTH / per_row - 0.38 * inch
    table = Table(rows, colWidths=[chip, text] * per_row, hAlign="LEFT")
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
        cell = (2 * (index % per_row), index // per_row)
        commands += [
            ("BACKGROUND", cell, cell, KIND_FILLS[code_kind(code)]),
            ("ALIGN", cell, cell, "CENTER"),
            ("BOX", cell, cell, 0.25, RULE),
        ]
    table.setStyle(TableStyle(commands))
    return [CondPageBreak(0.8 * inch), Paragraph(escape(words.legend), styles.legend_heading), Spacer(1, 3), table]
