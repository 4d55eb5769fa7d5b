"""The call sheet's look: the page, its colours and type, and the tables every section is built from
(a titled table whose headings repeat on a new page, and a list in two or three balanced columns).

The type is small and the rows tight, as on the sheets people are used to (7 pt, nothing under 6.5 pt),
so that a typical day fits one letter page. A value that fits its cell on one line is drawn as a plain
string (fast); a longer one becomes a wrapping Paragraph, so that no text ever leaves its cell.
"""

from __future__ import annotations

from itertools import combinations, groupby, pairwise
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from studio.exports.line_breaks import Wrapping, drawn, unit_widths, wrapping_style
from studio.exports.pdf_pages import frame_width

PAGE = LETTER
WIDTH = frame_width(PAGE)
DARK = colors.HexColor("#263238")
HEADINGS = colors.HexColor("#cfd8dc")
STRIPE = colors.HexColor("#edf0f2")
GAP = 2  # between sections
COLUMN_GAP = 6  # between the columns of a list
CELL_SIZE, CELL_LEADING = 7, 7.4
SMALL_SIZE = 6.5  # the smallest type on the sheet
TOP_PADDING, BOTTOM_PADDING, SIDE_PADDING = -0.4, 1.2, 2.2
ROOM = 2 * SIDE_PADDING + 0.3  # a text's width to its cell's: the padding, and a little to spare
ROWS_PER_COLUMN = 30


def markup(value: str) -> str:
    """Text for a Paragraph: escaped, its line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


LONG_WORD = 24  # characters: a word this long may be cut, as no narrow column holds it


def text(value: str, style: ParagraphStyle) -> Paragraph:
    return para(markup(value), style)


def para(markup_text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph broken into lines between words and Chinese characters, never inside a word or a name
    (`line_breaks`)."""
    return Wrapping(markup_text, wrapping_style(style))


class Styles:
    """The sheet's type: 7 pt cells, the big crew call, the title (in its own font when it is Chinese)."""

    def __init__(self, regular: str, bold: str, title_zh: str):
        self.regular, self.bold = regular, bold
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=CELL_SIZE, leading=CELL_LEADING)
        self.strong = ParagraphStyle("strong", parent=self.cell, fontName=bold)
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=SMALL_SIZE, leading=7.4)
        self.heading = ParagraphStyle("heading", fontName=bold, fontSize=SMALL_SIZE, leading=7.2)
        self.section = ParagraphStyle("section", fontName=bold, fontSize=7.5, leading=8.2, textColor=colors.white)
        self.title = ParagraphStyle("title", fontName=bold, fontSize=13, leading=15)
        self.title_zh = ParagraphStyle("title_zh", fontName=title_zh, fontSize=13, leading=15)
        self.centred = ParagraphStyle("centred", parent=self.cell, alignment=TA_CENTER)
        self.call_label = ParagraphStyle("call_label", parent=self.centred, fontName=bold, fontSize=7.5, leading=9)
        self.call = ParagraphStyle("call", fontName=bold, fontSize=22, leading=23.5, alignment=TA_CENTER)
        self.shooting = ParagraphStyle("shooting", parent=self.centred, fontName=bold, fontSize=9, leading=10.5)
        self.right = ParagraphStyle("right", parent=self.cell, alignment=TA_RIGHT)
        self.day = ParagraphStyle("day", fontName=bold, fontSize=12, leading=14, alignment=TA_RIGHT)
        self.flags = ParagraphStyle("flags", parent=self.right, fontSize=9, leading=10.5)


class Tables:
    """Builds the sheet's tables in its fonts."""

    def __init__(self, styles: Styles):
        self.styles = styles
        # A value's widths, measured once: a list tries two and three columns of the same cells, and names
        # recur from section to section. Keyed by the text, or by the Paragraph itself (kept alive so).
        self.measured: dict[tuple, float] = {}

    def cells(self, row: list, widths: list[float], bold=()) -> list:
        """A row's cells: a plain value that fits its column on one line stays a string (drawn fast, in the
        table's font); a longer one becomes a wrapping Paragraph, so that no text leaves its cell. A row of
        one cell spans the table, in bold."""
        if len(row) == 1:
            value = row[0]
            return [value if isinstance(value, Paragraph) else text(value, self.styles.strong)] + [""] * (
                len(widths) - 1
            )
        return [
            self.cell(value, width, column in bold)
            for column, (value, width) in enumerate(zip(row, widths, strict=True))
        ]

    def cell(self, value, width: float, bold: bool):
        """A plain value as a string when it fits on one line, else as a wrapping Paragraph."""
        if not isinstance(value, str):
            return value
        font = self.styles.bold if bold else self.styles.regular
        if "\n" not in value and stringWidth(drawn(value), font, CELL_SIZE) <= width - 2 * SIDE_PADDING:
            return drawn(value)
        return text(value, self.styles.strong if bold else self.styles.cell)

    def fonts(self, top: int, bold) -> list[tuple]:
        """The font of plain cells: the cells' own, bold in the `bold` columns from row `top` down (the
        empty cells beside a title or headings in it too, lest they make their row taller)."""
        commands = [("FONT", (0, 0), (-1, -1), self.styles.regular, CELL_SIZE, CELL_LEADING)]
        return commands + [("FONTNAME", (column, top), (column, -1), self.styles.bold) for column in bold]

    def table(
        self, title: str, headings: list[str], rows: list[list], widths: list[float], shaded=(), bold=()
    ) -> Table:
        """A section: its title bar and column headings (repeated on a new page), then its rows; a row of one
        cell spans the table. `bold`: the columns set in bold."""
        columns = len(widths)
        body = [[text(title, self.styles.section)] + [""] * (columns - 1)]
        if headings:
            body.append([text(heading, self.styles.heading) for heading in headings])
        top = len(body)
        widths = [WIDTH * width / sum(widths) for width in widths]
        body += [self.cells(row, widths, bold) for row in rows]
        table = Table(body, colWidths=widths, repeatRows=top, splitInRow=1)
        commands = section_style(len(body), headings=bool(headings)) + self.fonts(top, bold)
        commands += [("SPAN", (0, top + index), (-1, top + index)) for index, row in enumerate(rows) if len(row) == 1]
        commands += [("BACKGROUND", (0, top + row), (-1, top + row), color) for row, color in shaded]
        table.setStyle(TableStyle(commands))
        return table

    def balanced(
        self, title: str, headings: list[str], rows: list[list], bold=(), fixed=(), counts=(2,), grouped=False
    ) -> list:
        """A long list in columns side by side (the crew, the key contacts), read down each column in turn, the
        columns as even in height as the rows allow; in blocks of at most ROWS_PER_COLUMN rows a column, each
        kept whole on a page, so that a list of any length reads in order.

        Each of `counts` (how many columns) is tried and the shortest list kept. A column's cells are as wide
        as their text, the `fixed` ones (phone numbers, times) never wrapping. `grouped`: the rows' first
        cell names their group (a department), written once down the group's rows, and again at the top of
        a column that continues the group. No `headings`: the list has no row of column headings."""
        heading_cells = [text(heading, self.styles.heading) for heading in headings]
        groups = [row[0] for row in rows] if grouped else list(range(len(rows)))
        plain = [[""] + row[1:] for row in rows] if grouped else rows
        best = None
        for count in sorted(counts):
            width = (WIDTH - (count - 1) * COLUMN_GAP) / count
            side, fits = self.fitted(rows, heading_cells, width, bold, fixed, grouped)
            if not fits and count != min(counts):
                continue  # too narrow for the longest words
            cells = [self.cells(row, side, bold) for row in plain]
            heights = [self.height(row, side) for row in cells]
            labels = [self.cell(row[0], side[0], 0 in bold) if grouped else None for row in rows]
            label_heights = [self.height([label], side[:1]) if grouped else 0.0 for label in labels]
            runs = RunHeights(groups, heights, label_heights)
            parts = [split_evenly(block, runs, count) for block in blocks(len(rows), count)]
            tallest = sum(max(runs.height(part[0], part[-1] + 1) if part else 0.0 for part in block) for block in parts)
            if best is None or tallest < best[0] - 0.5:
                best = (tallest, count, side, cells, labels, parts)
        _tallest, count, side, cells, labels, parts = best
        story: list = []
        for number, block in enumerate(parts):
            tables = [self.list_column(part, heading_cells, cells, labels, groups, side, bold) for part in block]
            body = [gapped([[table] for table in tables])]
            commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), *no_padding()]
            if number == 0:
                body.insert(0, [text(title, self.styles.section)] + [""] * (2 * count - 2))
                commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), DARK)]
                commands += [("BOX", (0, 0), (-1, 0), 0.5, DARK), *tight_padding(rows=(0, 0)), *self.fonts(1, ())]
            outer = Table(body, colWidths=gapped([[sum(side)]] * count, COLUMN_GAP))
            outer.setStyle(TableStyle(commands))
            story.append(KeepTogether([outer]))
        return story

    def list_column(self, part, heading_cells, cells, labels, groups, side, bold) -> Table | str:
        """One column of a list (the rows `part`): its headings, then its rows, stripes on every other row
        but the group's name, which is written once down its group's rows under a darker rule."""
        if not part:
            return ""
        top = 1 if heading_cells else 0
        body = [heading_cells] if heading_cells else []
        body += [list(cells[index]) for index in part]
        commands = [("BACKGROUND", (0, 0), (-1, 0), HEADINGS)] if heading_cells else []
        end = top + len(part) - 1
        commands.append(("BOX", (0, 0), (-1, end), 0.5, DARK))
        grouped = labels[part[0]] is not None
        commands += [("BACKGROUND", (int(grouped), row), (-1, row), STRIPE) for row in range(top + 1, end + 1, 2)]
        if grouped:
            for _group, run in groupby(range(len(part)), key=lambda offset: groups[part[offset]]):
                run = list(run)
                first, last = top + run[0], top + run[-1]
                body[first][0] = labels[part[run[0]]]
                commands += [("SPAN", (0, first), (0, last)), ("LINEABOVE", (0, first), (-1, first), 0.5, DARK)]
        table = Table(body, colWidths=side)
        commands += self.fonts(top, bold)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *tight_padding(), *commands]))
        return table

    def fitted(
        self, rows: list[list], headings: list[Paragraph], width: float, bold, fixed, grouped
    ) -> tuple[list[float], bool]:
        """Column widths sharing `width`: each column as wide as its widest text (and heading), or, when the
        whole is too wide, the other columns than the `fixed` ones narrowed where that wraps the fewest cells
        (never below their longest word), and whether the longest words fit. `grouped`: the first column's text
        is a group's name, once a group."""
        columns = max(len(row) for row in rows)
        texts: list[list[float]] = [[] for _column in range(columns)]  # each column's cells' widths
        floors = [0.0] * columns
        sizes = {label: len(list(members)) for label, members in groupby(row[0] for row in rows)} if grouped else {}
        for index, row in enumerate(rows):
            for column, value in enumerate(row):
                word = self.longest_word(value, column in bold)
                floors[column] = max(floors[column], word + ROOM)
                if grouped and column == 0:  # a group's name may take as many lines as the group has rows
                    if index and value == rows[index - 1][0]:
                        continue
                    texts[0].append(max(word, self.natural(value, 0 in bold) / sizes[value]) + ROOM)
                else:
                    texts[column].append(self.natural(value, column in bold) + ROOM)
        natural = [max(cells, default=0.0) for cells in texts]
        for column, heading in enumerate(headings):  # the fixed columns' headings may wrap between words
            word = self.longest_word(heading, True, self.styles.heading.fontSize)
            floors[column] = max(floors[column], word + ROOM)
            wanted = self.natural(heading, True) if column not in fixed else floors[column]
            natural[column] = max(natural[column], wanted + (0 if column in fixed else ROOM))
        natural = [max(value, floor) for value, floor in zip(natural, floors, strict=True)]
        if sum(natural) <= width:  # room to spare: shared by every column
            return [value * width / sum(natural) for value in natural], True
        flexible = [column for column in range(columns) if column not in fixed]
        least = sum(floors[column] if column in flexible else natural[column] for column in range(columns))
        return narrowed(natural, texts, floors, width, flexible), least <= width

    def longest_word(self, value, bold: bool, size: float = CELL_SIZE) -> float:
        """The width of a value's longest word or name (where it cannot wrap); one of LONG_WORD characters or
        more, which no narrow column holds and is cut as a last resort, counts as about two characters."""
        key = ("word", value, bold, size)
        if key not in self.measured:
            if isinstance(value, Wrapping):
                pieces = value.unit_widths()
            else:
                pieces = unit_widths(str(value), self.styles.bold if bold else self.styles.regular, size)
            widths = (min(width, 2 * size) if length >= LONG_WORD else width for length, width in pieces)
            self.measured[key] = max(widths, default=0.0)
        return self.measured[key]

    def natural(self, value, bold: bool) -> float:
        """The width of a value on one line (a Paragraph's longest line)."""
        key = ("line", value, bold)
        if key not in self.measured:
            if isinstance(value, Paragraph):
                value.wrap(10_000, 10_000)
                self.measured[key] = max(value.getActualLineWidths0() or [0.0])
            else:
                font = self.styles.bold if bold else self.styles.regular
                lines = str(value).splitlines()
                self.measured[key] = max((stringWidth(drawn(line), font, CELL_SIZE) for line in lines), default=0.0)
        return self.measured[key]

    def height(self, cells: list, widths: list[float]) -> float:
        """A row's height as a table lays it out: its tallest cell, padding included."""
        if len(cells) > 1 and all(isinstance(cell, str) for cell in cells):
            return CELL_LEADING + TOP_PADDING + BOTTOM_PADDING
        spans = [sum(widths)] if isinstance(cells[0], Paragraph) and not any(cells[1:]) else widths
        tallest = max(
            cell.wrap(width - 2 * SIDE_PADDING, 10_000)[1] if isinstance(cell, Paragraph) else CELL_LEADING
            for cell, width in zip(cells, spans, strict=False)
        )
        return tallest + TOP_PADDING + BOTTOM_PADDING


def gapped(parts: list[list], gap="") -> list:
    """Columns side by side with a narrow empty column between them."""
    row: list = []
    for index, part in enumerate(parts):
        row += ([gap] if index else []) + list(part)
    return row


def blocks(count: int, columns: int) -> list[list[int]]:
    """The rows' indices in blocks of at most ROWS_PER_COLUMN a column."""
    size = columns * ROWS_PER_COLUMN
    return [list(range(start, min(start + size, count))) for start in range(0, count, size)]


def narrowed(
    natural: list[float], texts: list[list[float]], floors: list[float], width: float, flexible: list[int]
) -> list[float]:
    """Column widths narrowed from `natural` to fit `width`, a step at a time, each step in the column where
    the fewest cells (`texts`: their widths) start to wrap for the room it gives, none below its floor."""
    widths = list(natural)
    while sum(widths) > width + 0.01:
        excess = sum(widths) - width

        def step(column: int, excess: float = excess) -> tuple[float, float]:
            """(cells wrapped for each point given, the narrower width) for the next step in `column`."""
            narrower = [value for value in texts[column] if value < widths[column] - 0.01]
            target = max(max(narrower, default=0.0), widths[column] - excess, floors[column])
            wrapped = sum(1 for value in texts[column] if target + 0.01 < value <= widths[column] + 0.01)
            return wrapped / max(widths[column] - target, 0.01), target

        candidates = [column for column in flexible if widths[column] > floors[column] + 0.01]
        if not candidates:
            break
        column = min(candidates, key=lambda column: step(column)[0])
        widths[column] = step(column)[1]
    if sum(widths) > width:  # the longest words are too wide: every column narrowed in proportion
        widths = [value * width / sum(widths) for value in widths]
    return widths


class RunHeights:
    """The height of a run of a list's rows (a column), a group's name written once down its rows: each
    group in the run as tall as its rows or its name, whichever is taller."""

    def __init__(self, groups: list, heights: list[float], label_heights: list[float]):
        self.groups, self.heights, self.label_heights = groups, heights, label_heights
        self.known: dict[tuple[int, int], float] = {}

    def height(self, low: int, high: int) -> float:
        if (low, high) not in self.known:
            done, group, rows = 0.0, None, 0.0
            for index in range(low, high):
                if self.groups[index] != group:
                    if group is not None:
                        done += max(rows, self.label_heights[index - 1])
                    group, rows = self.groups[index], 0.0
                rows += self.heights[index]
                self.known[(low, index + 1)] = done + max(rows, self.label_heights[index])
        return self.known[(low, high)]


def split_evenly(block: list[int], runs: RunHeights, count: int) -> list[list[int]]:
    """`block` cut into `count` runs, the tallest as short as can be."""
    first = block[0] if block else 0
    best, best_height = [0, len(block)], float("inf")
    for cuts in combinations(range(1, len(block)), max(0, min(count, len(block)) - 1)):
        bounds = [0, *cuts, len(block)]
        tallest = max(runs.height(first + low, first + high) for low, high in pairwise(bounds))
        if tallest < best_height:
            best, best_height = bounds, tallest
    parts = [block[low:high] for low, high in pairwise(best)]
    return parts + [[] for _empty in range(count - len(parts))]


def no_padding() -> list[tuple]:
    return [(name, (0, 0), (-1, -1), 0) for name in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]


def tight_padding(rows: tuple[int, int] = (0, -1)) -> list[tuple]:
    """The cells' padding, in `rows` (first, last)."""
    start, end = (0, rows[0]), (-1, rows[1])
    return [
        ("LEFTPADDING", start, end, SIDE_PADDING),
        ("RIGHTPADDING", start, end, SIDE_PADDING),
        ("TOPPADDING", start, end, TOP_PADDING),
        ("BOTTOMPADDING", start, end, BOTTOM_PADDING),
    ]


def section_style(row_count: int, title: bool = True, headings: bool = True) -> list[tuple]:
    """A dark title bar, light column headings, a box and a stripe on every other row."""
    first = int(title) + int(headings)  # the first row of the body
    commands = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), DARK)] if title else []
    if headings:
        commands.append(("BACKGROUND", (0, first - 1), (-1, first - 1), HEADINGS))
    commands += [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.5, DARK),
        *tight_padding(),
    ]
    return commands + [("BACKGROUND", (0, row), (-1, row), STRIPE) for row in range(first + 1, row_count, 2)]


def boxes_style() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, DARK),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, DARK),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
