"""The contact sheet as a PDF: letter landscape, one table per section, headers repeated on every page."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from studio.exports.contacts import ContactSheet, Labels, Section, Translate, labels, sections
from studio.exports.fonts import fonts_for
from studio.exports.pdf_pages import FRAME_WIDTH, build_pdf, front_matter, page_footer

HEADER_BACKGROUND = colors.HexColor("#37474f")
GROUP_BACKGROUND = colors.HexColor("#dde3e6")
STRIPE = colors.HexColor("#f5f7f8")
RULE = colors.HexColor("#b0bec5")
SECONDARY = "#546e7a"

# Each printed column gathers one or more of the section's columns into one cell, under the first one's
# heading, with a relative width. The crew's department is not a column: it heads each group of rows.
LAYOUTS: dict[str, list[tuple[tuple[str, ...], float]]] = {
    "cast": [
        (("cast_id",), 0.55),
        (("character", "character_zh"), 1.35),
        (("performer", "professional_name", "performer_zh"), 1.55),
        (("union",), 0.85),
        (("phone",), 1.0),
        (("email",), 1.85),
        (("agent_name", "agent_phone", "agent_email"), 1.85),
        (("languages",), 1.0),
    ],
    "crew": [
        (("position",), 2.0),
        (("name", "name_zh"), 2.2),
        (("phone",), 1.3),
        (("email",), 2.5),
        (("languages",), 2.0),
    ],
    "locations": [
        (("name", "name_zh", "address"), 2.0),
        (("contact_name", "contact_phone", "contact_email"), 1.9),
        (("hospital_name", "hospital_address", "hospital_phone"), 2.2),
        (("parking",), 1.95),
        (("basecamp",), 1.95),
    ],
}


class _Styles:
    # reportlab's default wrapping, not its CJK mode (which breaks English words anywhere): lines break at
    # spaces, and a word too long for its cell (Chinese text, an email address) is split at the edge.
    def __init__(self, regular: str, bold: str):
        self.section = ParagraphStyle("section", fontName=bold, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5)
        self.header = ParagraphStyle("header", fontName=bold, fontSize=8, leading=10, textColor=colors.white)
        self.group = ParagraphStyle("group", fontName=bold, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10)


def write_pdf(sheet: ContactSheet, translate: Translate, target: Path) -> Path:
    words = labels(translate)
    parts = sections(sheet, translate)
    headings = [column.heading for section in parts for column in section.columns]
    texts = [*sheet.texts(), *headings, *(section.title for section in parts), *vars(words).values()]
    regular, bold = fonts_for(*texts)
    styles = _Styles(regular, bold)
    generated = f"{words.generated} {sheet.generated.isoformat()}"
    story = front_matter(sheet.display_title(), [sheet.company, words.document, generated], regular, bold)
    for section in parts:
        story += [CondPageBreak(1.5 * inch), Paragraph(escape(section.title), styles.section)]
        story.append(_table(section, words, styles))

    title = f"{sheet.display_title()} — {words.document}"
    footer = page_footer(title, generated, words.page, regular)
    return build_pdf(target, story, title, sheet.company, footer)


def _table(section: Section, words: Labels, styles: _Styles) -> Table:
    layout = LAYOUTS[section.key]
    by_key = {column.key: column for column in section.columns}
    header = [Paragraph(escape(by_key[keys[0]].heading), styles.header) for keys, _width in layout]
    rows: list[list] = [header]
    group_rows: list[int] = []
    striped_rows: list[int] = []
    for group, lines in _groups(section, words):
        if group is not None:
            group_rows.append(len(rows))
            rows.append([Paragraph(escape(group), styles.group)] + [""] * (len(layout) - 1))
        for index, line in enumerate(lines):
            if index % 2:
                striped_rows.append(len(rows))
            rows.append([_cell([by_key[key].value(line) for key in keys], styles) for keys, _width in layout])
    total = sum(width for _keys, width in layout)
    table = Table(
        rows,
        colWidths=[FRAME_WIDTH * width / total for _keys, width in layout],
        repeatRows=1,
        splitInRow=1,  # a row taller than a page (a long parking note) continues on the next
    )
    table.setStyle(_table_style(len(rows), group_rows, striped_rows))
    return table


def _groups(section: Section, words: Labels):
    """The section's lines, for the crew in groups headed by their department."""
    if section.key != "crew":
        yield None, section.lines
        return
    for (name, name_zh), lines in groupby(section.lines, key=lambda line: (line.department, line.department_zh)):
        yield _department(name, name_zh, words), list(lines)


def _department(name: str, name_zh: str, words: Labels) -> str:
    if not name:
        return words.no_department
    return f"{name}  {name_zh}" if name_zh and name_zh != name else name


def _cell(values: list[str | int], styles: _Styles) -> Paragraph:
    """One cell: its first value as is, the others on their own lines in a quieter colour."""
    texts = [_markup(str(value)) for value in values if str(value).strip()]
    if not texts:
        return Paragraph("", styles.cell)
    quieter = [f'<font color="{SECONDARY}">{text}</font>' for text in texts[1:]]
    return Paragraph("<br/>".join([texts[0], *quieter]), styles.cell)


def _markup(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def _table_style(row_count: int, group_rows: list[int], striped_rows: list[int]) -> TableStyle:
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, HEADER_BACKGROUND),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), STRIPE) for row in striped_rows]
    for row in group_rows:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), GROUP_BACKGROUND),
            ("NOSPLIT", (0, row), (-1, min(row + 1, row_count - 1))),  # never a department heading alone
        ]
    return TableStyle(commands)
