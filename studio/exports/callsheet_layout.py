"""The call sheet's page laid out (studio.exports.callsheet_pdf writes it): the header block, the boxes
for weather, sun and hospital, the notes, then a table per section — locations, scenes in shooting order,
cast, background, crew by department, the next day's scenes and the key contacts."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from studio.day_sheet import CastCall, DaySheet, Element, Move, Role, SceneLine
from studio.exports.callsheet_style import (
    CELL_SIZE,
    DARK,
    GAP,
    ROOM,
    SIDE_PADDING,
    SMALL_SIZE,
    WIDTH,
    Styles,
    Tables,
    boxes_style,
    markup,
    para,
    text,
)
from studio.exports.callsheet_words import SheetWords
from studio.exports.line_breaks import drawn, shortened, unbroken
from studio.exports.pdf_pages import SECONDARY
from studio.formatting import format_eighths

if TYPE_CHECKING:
    pass

MOVE_BACKGROUND = colors.HexColor("#ffe9b3")
BANNER_BACKGROUND = colors.HexColor("#dfe4e7")
WARNING = "#b71c1c"
LINK = "#1a56a8"
HOLD = "H"  # the Day Out of Days code of a performer on hold
SHORT_CELL = 24  # characters a plain-string cell may hold; longer ones wrap
NAME_IN_LIST = re.compile(r"[^,、\s](?:[^,、]*[^,、\s])?")  # one name of a list, without the spaces around it


def short_or_wrapped(value: str, style: ParagraphStyle) -> str | Paragraph:
    """A cell's text as a plain string (fast) when short, else a paragraph that wraps."""
    return value if len(value) <= SHORT_CELL else para(escape(value), style)


def quiet(markup_text: str) -> str:
    return f'<font color="{SECONDARY}">{markup_text}</font>' if markup_text else ""


def lines(*markup_texts: str) -> str:
    return "<br/>".join(line for line in markup_texts if line)


class Layout:
    """The sheet's flowables, top to bottom."""

    def __init__(self, sheet: DaySheet, words: SheetWords, styles: Styles):
        self.sheet, self.words, self.styles = sheet, words, styles
        self.tables = Tables(styles)

    def story(self) -> list:
        sections = [
            [self.header()],
            [self.conditions()],
            [self.notes()],
            [self.locations()],
            [self.scenes()],
            [self.cast()],
            [self.background()],
            self.crew(),
            [self.advance()],
            self.contacts(),
        ]
        story: list = []
        for section in sections:
            flowables = [flowable for flowable in section if flowable is not None]
            if flowables:
                story += [Spacer(1, GAP)] * bool(story) + flowables
        return story

    def named(self, name: str, name_zh: str) -> str:
        """A name in the sheet's language, each name in it (a performer's roles are a list) never broken."""
        return self.words.named(names_unbroken(name), names_unbroken(name_zh))

    def bold(self, markup_text: str) -> str:
        return f'<font name="{self.styles.bold}">{markup_text}</font>'

    def labelled(self, label: str, markup_text: str) -> str:
        """ "Label: value" with the label in bold."""
        return self.bold(escape(self.words.pair(label, ""))) + markup_text

    # The header: the production and its people, the big crew call, the day.

    def header(self) -> Table:
        sheet, words, styles = self.sheet, self.words, self.styles
        left = [self.title()]
        left.append(para(quiet(markup(sheet.company)), styles.cell))
        for role in (Role.DIRECTOR, Role.PRODUCER, Role.FIRST_AD):
            people = ", ".join(
                " ".join(filter(None, (self.named(c.name, c.name_zh), c.phone))) for c in sheet.people(role)
            )
            if people:
                left.append(para(self.labelled(words.role(role), markup(people)), styles.cell))
        revision = markup(words.revision_color(sheet.revision_color))
        left.append(para(self.labelled(words.revision, revision), styles.cell))

        middle = [text(words.crew_call, styles.call_label), text(words.clock(sheet.crew_call), styles.call)]
        middle.append(text(f"{words.shooting_call}  {words.clock(sheet.shooting_call)}", styles.shooting))
        if sheet.hq is not None:
            hq = words.pair(words.hq, f"{words.place_of(sheet.hq.zone)} {words.clock(sheet.hq.time)}")
            middle.append(text(hq, styles.centred))

        right = [self.document_line(), text(self.day_title(), styles.day)]
        right.append(text(words.date(sheet.date), styles.right))
        if sheet.episodes:
            right.append(text(words.pair(words.episodes, ranges(sheet.episodes)), styles.right))
        meals = ((words.breakfast, sheet.breakfast), (words.lunch, sheet.lunch), (words.dinner, sheet.dinner))
        meals_text = "  ·  ".join(f"{label} {words.clock(time)}" for label, time in meals if time is not None)
        if meals_text:
            right.append(text(meals_text, styles.right))
        right.append(text(words.local_times_of(sheet.zone, sheet.date), styles.right))
        table = Table([[left, middle, right]], colWidths=[WIDTH * 0.35, WIDTH * 0.25, WIDTH * 0.4])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (1, 0), (1, 0), 1.2, DARK),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (1, 0), (1, 0), 2),
                    ("BOTTOMPADDING", (1, 0), (1, 0), 3),
                    ("LEFTPADDING", (1, 0), (1, 0), 3),
                    ("RIGHTPADDING", (1, 0), (1, 0), 3),
                ]
            )
        )
        return table

    def document_line(self) -> Paragraph:
        """ "CALL SHEET", after a closed set or the cast version in red."""
        sheet, words, styles = self.sheet, self.words, self.styles
        document = escape(words.document.upper())
        flags = [words.closed_set] * sheet.closed_set + [words.cast_version] * sheet.cast_version
        if not flags:
            return para(document, styles.right)
        flagged = escape("  ·  ".join(flags).upper())
        document = f'<font size="{styles.cell.fontSize}">{document}</font>'
        return para(f'<font name="{styles.bold}" color="{WARNING}">{flagged}</font>   {document}', styles.flags)

    def title(self) -> Paragraph:
        """The production's title, and its Chinese title after it (first on a Chinese sheet), in its font.
        An English sheet has the English title alone, so it carries no Chinese font."""
        sheet, styles = self.sheet, self.styles
        titles = [escape(sheet.title)]
        if sheet.title_zh and sheet.title_zh != sheet.title and self.words.lang != "en":
            chinese = f'<font name="{styles.title_zh.fontName}">{escape(sheet.title_zh)}</font>'
            titles = [chinese, titles[0]] if self.words.lang == "zh" else [titles[0], chinese]
        return para("  ".join(titles), styles.title)

    def day_title(self) -> str:
        title = self.words.day_of.format(number=self.sheet.number, total=self.sheet.day_count)
        return title if self.sheet.unit == 1 else f"{title} · {self.words.unit.format(unit=self.sheet.unit)}"

    # Weather, sun and hospital; safety and notes.

    def conditions(self) -> Table:
        sheet, words = self.sheet, self.words
        weather = sheet.weather
        figures = [
            words.pair(words.high, words.temperature(weather.high)) if weather.high is not None else "",
            words.pair(words.low, words.temperature(weather.low)) if weather.low is not None else "",
        ]
        rain = words.pair(words.rain, f"{weather.rain_percent}%") if weather.rain_percent is not None else ""
        weather_lines = [markup(words.weather(weather.summary)), escape("  ·  ".join(filter(None, [*figures, rain])))]
        weather_box = lines(*weather_lines) or quiet(escape(words.not_entered))
        sun_box = lines(
            f"{escape(words.sunrise)}  {self.bold(escape(words.clock(sheet.sunrise) or '—'))}",
            f"{escape(words.sunset)}  {self.bold(escape(words.clock(sheet.sunset) or '—'))}",
            quiet(markup(sheet.sun_city)) if sheet.sun_city else "",
        )
        hospitals = [
            f"{self.bold(markup(h.name))}  {markup(h.phone)}  {quiet(markup(h.address))}" for h in sheet.hospitals
        ]
        cells = [
            self.box(words.weather_label, weather_box),
            self.box(words.sun, sun_box),
            self.box(words.hospital, "<br/>".join(hospitals) or "—"),
        ]
        table = Table([cells], colWidths=[WIDTH * 0.3, WIDTH * 0.15, WIDTH * 0.55])
        table.setStyle(boxes_style())
        return table

    def box(self, label: str, markup_text: str) -> list[Paragraph]:
        return [para(escape(label.upper()), self.styles.heading), para(markup_text, self.styles.cell)]

    def notes(self) -> Table | None:
        """Safety, the minors working, the day's notes and what could not be worked out on the left; the
        departments' notes and the walkie channels on the right: a line each, its label in bold."""
        sheet, words, styles = self.sheet, self.words, self.styles
        left = []
        if sheet.safety_notes.strip():
            label = f'<font name="{styles.bold}" color="{WARNING}">{escape(words.safety)}</font>'
            left.append(para(f"{label}  {markup(sheet.safety_notes)}", styles.cell))
        if sheet.minors:
            label = f'<font name="{styles.bold}" color="{WARNING}">{escape(words.minors)}</font>'
            text = words.listed(words.minor(minor) for minor in sheet.minors)
            left.append(para(f"{label}  {escape(text)} {escape(words.studio_teacher)}", styles.cell))
        if sheet.general_notes.strip():
            left.append(para(f"{self.bold(escape(words.notes))}  {markup(sheet.general_notes)}", styles.cell))
        left += [para(quiet(f"<i>{escape(words.notice(note))}</i>"), styles.small) for note in sheet.notes]
        texts = ((words.department_notes, sheet.department_notes), (words.walkies, sheet.walkie_channels))
        right = [
            para(f"{self.bold(escape(label))}  {markup(value)}", styles.cell) for label, value in texts if value.strip()
        ]
        cells = [cell for cell in (left, right) if cell]
        if not cells:
            return None
        table = Table([cells], colWidths=[WIDTH / len(cells)] * len(cells), splitInRow=1)
        table.setStyle(boxes_style())
        return table

    # The sections.

    def locations(self) -> Table | None:
        sheet, words, styles = self.sheet, self.words, self.styles
        if not sheet.places:
            return None
        rows = []
        for place in sheet.places:
            address = markup(place.address)
            if place.map_url:
                link = f'<a href={quoteattr(place.map_url)} color="{LINK}"><u>{escape(unbroken(words.map))}</u></a>'
                address = f"{address}  {link}" if address else link
            # A phone number, like a name, is never split: "(310)" on one line and "555-0192" on the next.
            contact = "  ".join(filter(None, (markup(place.contact_name), markup(unbroken(place.contact_phone)))))
            rows.append(
                [
                    para(self.bold(markup(self.named(place.name, place.name_zh))), styles.cell),
                    para(address, styles.cell),
                    place.parking,
                    place.basecamp,
                    para(contact, styles.cell),
                ]
            )
        headings = [words.location, words.address, words.parking, words.basecamp, words.contact]
        return self.tables.table(words.locations, headings, rows, [1.55, 2.2, 1.6, 1.15, 1.5])

    def scenes(self) -> Table:
        sheet, words = self.sheet, self.words
        rows, shaded = self.scene_rows(sheet.lines)
        title = words.scenes
        if sheet.scenes:
            pages = format_eighths(sum(line.eighths for line in sheet.scenes))
            title = f"{title} · {self.total(len(sheet.scenes), pages)}"
        else:
            rows.append([words.no_scenes])
        headings = [words.headings[key] for key, _width in SCENE_COLUMNS]
        return self.tables.table(title, headings, rows, [width for _key, width in SCENE_COLUMNS], shaded, bold=(0,))

    def total(self, scenes: int, pages: str) -> str:
        """ "3 scenes, 6/8 pages"; "Pages: 2/8" for one scene."""
        words = self.words
        return words.day_total.format(scenes=scenes, pages=pages) if scenes > 1 else words.pages.format(pages=pages)

    def scene_rows(self, day_lines) -> tuple[list[list], list[tuple[int, colors.Color]]]:
        """A row per scene; company moves and banners as full-width shaded rows."""
        words = self.words
        rows: list[list] = []
        shaded: list[tuple[int, colors.Color]] = []
        for line in day_lines:
            if isinstance(line, SceneLine):
                rows.append(
                    [
                        line.number,
                        "" if line.episode is None else str(line.episode),
                        self.scene_cell(line),
                        self.code_cell(line.int_ext, "int_ext"),
                        self.code_cell(line.time_of_day, "time_of_day"),
                        format_eighths(line.eighths),
                        ranges(line.cast_numbers),
                        background_cell(line.background, line.uncounted),
                    ]
                )
            elif isinstance(line, Move):
                shaded.append((len(rows), MOVE_BACKGROUND))
                where = self.named(line.location, line.location_zh)
                rows.append([words.company_move(where, line.drive, line.stand_in)])
            else:
                shaded.append((len(rows), BANNER_BACKGROUND))
                rows.append([line.text])
        return rows, shaded

    def scene_cell(self, line: SceneLine) -> str | Paragraph:
        """The set and the scene's synopsis (its first line) after it; under them, in small type, what the
        departments bring for it: "Props: Lantern ×2, Ledger · Wardrobe: Night coat"."""
        set_name = self.named(line.set_name, line.set_name_zh)
        synopsis = next(iter(line.synopsis.strip().splitlines()), "")
        if not synopsis and not line.elements:
            return set_name
        words, styles = self.words, self.styles
        groups = [
            self.bold(escape(words.pair(self.named(group.category, group.category_zh), "")))
            + escape(words.listed(self.element(element) for element in group.elements))
            for group in line.elements
        ]
        elements = f'<font size="{SMALL_SIZE}">{"  ·  ".join(groups)}</font>' if groups else ""
        return para(lines(self.set_and_synopsis(set_name, synopsis), elements), styles.cell)

    def set_and_synopsis(self, set_name: str, synopsis: str) -> str:
        """The set, then the synopsis shortened to the rest of the line (on a line of its own when the set
        leaves too little room)."""
        if not synopsis:
            return markup(set_name)
        font, width = self.styles.regular, self.scene_column_width()
        room = width - stringWidth(drawn(set_name) + "  ", font, CELL_SIZE)
        if room < width / 3:
            return lines(markup(set_name), quiet(markup(shortened(synopsis, font, CELL_SIZE, width))))
        return f"{markup(set_name)}  {quiet(markup(shortened(synopsis, font, CELL_SIZE, room)))}"

    def scene_column_width(self, column: str = "set") -> float:
        """The room for text in a column of the scenes table (the set's by default)."""
        shares = dict(SCENE_COLUMNS)
        return WIDTH * shares[column] / sum(shares.values()) - 2 * SIDE_PADDING - ROOM

    def code_cell(self, code: str, column: str) -> str:
        """INT, DAY… in the sheet's words: both languages on one line where the column holds them ("DAY
        日"), else one above the other ("INT/EXT" over "内/外"), a row taller only where it must be."""
        text = self.words.code(code)
        english, _space, chinese = text.rpartition(" ")
        too_wide = stringWidth(text, self.styles.regular, CELL_SIZE) > self.scene_column_width(column)
        return f"{english}\n{chinese}" if english and too_wide else text

    def element(self, element: Element) -> str:
        name = self.named(element.name, element.name_zh)
        return f"{name} ×{element.quantity}" if element.quantity > 1 else name

    def cast(self) -> Table | None:
        """A row per performer called; those only on hold (no times, no remarks) together in the last row."""
        sheet, words = self.sheet, self.words
        if not sheet.cast:
            return None
        headings = [
            words.headings["cast_id"],
            words.performer,
            words.character,
            words.status,
            words.pickup,
            words.makeup,
            words.wardrobe,
            words.on_set,
            words.remarks,
        ]
        codes = dict.fromkeys(line.status for line in sheet.cast if line.status in words.legend)
        title = " · ".join([words.cast, *(f"{code} {words.legend[code]}" for code in codes)])
        held = [line for line in sheet.cast if on_hold(line)]
        rows = [self.cast_row(line) for line in sheet.cast if not on_hold(line)]
        if held:
            rows.append([self.held(held)])
        widths = [0.55, 1.6, 1.6, 0.75, 0.75, 0.95, 0.8, 0.75, 0.9]
        return self.tables.table(title, headings, rows, widths, bold=(0, 3, 7))

    def cast_row(self, line: CastCall) -> list:
        words = self.words
        return [
            numbers(line.cast_numbers),
            self.named(line.performer, line.performer_zh),
            self.named(line.character, line.character_zh),
            line.status,
            words.clock(line.pickup),
            words.clock(line.makeup),
            words.clock(line.wardrobe),
            words.clock(line.on_set),
            line.remarks,
        ]

    def held(self, held: list[CastCall]) -> Paragraph:
        """ "H Hold: 7 Samuel Okoye (DR. OKAFOR) · 8 …": the cast on hold, by cast ID."""
        words = self.words
        people = []
        for line in held:
            parts = [
                self.bold(escape(numbers(line.cast_numbers))),
                markup(self.named(line.performer, line.performer_zh)),
            ]
            if line.character:
                parts.append(quiet(f"({markup(self.named(line.character, line.character_zh))})"))
            people.append(" ".join(part for part in parts if part))
        label = self.bold(escape(words.pair(f"{HOLD} {words.legend[HOLD]}", "")))
        return para(label + " " + " · ".join(people), self.styles.cell)

    def background(self) -> Table | None:
        sheet, words = self.sheet, self.words
        if not sheet.background:
            return None
        rows = [
            [
                self.named(line.name, line.name_zh),
                background_cell(line.count, line.count is None),
                words.clock(line.call),
                ", ".join(line.scenes),
                line.notes,
            ]
            for line in sheet.background
        ]
        headings = [words.background, words.count, words.call, words.scenes, words.notes]
        return self.tables.table(words.background, headings, rows, [2.0, 0.6, 0.55, 2.15, 2.2], bold=(2,))

    def crew(self) -> list:
        """The crew by department, the department named on its first row (no phone column on a cast version,
        which has no crew phones)."""
        sheet, words, styles = self.sheet, self.words, self.styles
        phones = any(line.phone for line in sheet.crew)
        rows = []
        for line in sheet.crew:
            department = self.named(line.department, line.department_zh) if line.department else words.no_department
            name_cell = lines(markup(self.named(line.name, line.name_zh)), quiet(markup(line.remarks)))
            row = [
                department,  # the group's name: the layout wraps it itself
                short_or_wrapped(words.position_of(line.position), styles.cell),
                para(name_cell, styles.cell),
                line.phone,
                words.clock(line.call),
            ]
            rows.append(row if phones else row[:3] + row[4:])
        if not rows:
            return []
        headings = [words.department, words.position, words.name, words.phone, words.call]
        headings = headings if phones else headings[:3] + headings[4:]
        fixed = (3, 4) if phones else (3,)
        return self.tables.balanced(
            words.crew, headings, rows, bold=(0, len(headings) - 1), fixed=fixed, counts=(2, 3), grouped=True
        )

    def advance(self) -> Table:
        """The next shoot day's scenes, a line per run of scenes on one set: the set, where and when, the
        scenes, how many and how long, and the cast."""
        following, words, styles = self.sheet.next_day, self.words, self.styles
        if following is None:
            return self.tables.table(words.pair(words.advance, words.no_advance), [], [], [1])
        rows = []
        for run in set_runs(following.lines):
            times = " · ".join(dict.fromkeys(words.code(line.time_of_day) for line in run))
            pages = format_eighths(sum(line.eighths for line in run))
            cast = ranges(sorted({number for line in run for number in line.cast_numbers}))
            parts = [
                self.bold(markup(self.named(run[0].set_name, run[0].set_name_zh))),
                escape(f"{words.code(run[0].int_ext)} · {times}"),
                "— " + escape(", ".join(line.number for line in run)),
                quiet(escape(f"({self.total(len(run), pages)})")),
            ]
            if cast:
                parts.append("· " + escape(words.pair(words.headings["cast"], cast)))
            rows.append([para("  ".join(parts), styles.cell)])
        day = words.day_of.format(number=following.number, total=self.sheet.day_count)
        title = words.pair(words.advance, f"{day} · {words.date(following.date, 'medium')}")
        return self.tables.table(title, [], rows or [[words.no_scenes]], [1])

    def contacts(self) -> list:
        """The key contacts in two columns, a location contact's location after their name."""
        sheet, words, styles = self.sheet, self.words, self.styles
        rows = []
        for contact in sheet.contacts:
            name = "  ".join(
                filter(
                    None,
                    (
                        markup(self.named(contact.name, contact.name_zh)),
                        quiet(markup(self.named(contact.place, contact.place_zh))),
                    ),
                )
            )
            rows.append([words.role(contact.role), para(name, styles.cell), contact.phone])
        if not rows:
            return []
        return self.tables.balanced(words.contacts, [], rows, bold=(0,), fixed=(2,), counts=(2,))


def background_cell(count: int | None, uncounted: bool) -> str:
    """How many background: the number counted, "?" for those no number counts yet (a crowd to count)."""
    known = "" if count is None else str(count)
    return f"{known}+?" if known and uncounted else known or ("?" if uncounted else "")


# The scenes table's columns and their relative widths.
SCENE_COLUMNS = (
    ("scene", 0.66),
    ("episode", 0.42),
    ("set", 3.7),
    ("int_ext", 0.55),
    ("time_of_day", 0.62),
    ("pages", 0.65),
    ("cast", 1.1),
    ("background", 0.55),
)


def names_unbroken(names: str) -> str:
    """Each name in a list of them ("ANNA, BELLE", "安娜、贝拉") unbroken; the list may break between them."""
    return NAME_IN_LIST.sub(lambda name: unbroken(name[0]), names)


def on_hold(line: CastCall) -> bool:
    """On hold and nothing else to say: no time, no remark."""
    times = (line.pickup, line.makeup, line.wardrobe, line.on_set)
    return line.status == HOLD and not line.remarks and times == (None, None, None, None)


def numbers(values) -> str:
    return ", ".join(str(value) for value in values)


def ranges(values) -> str:
    """Sorted numbers with runs of three or more shortened: 1, 2, 3, 5, 6 → "1–3, 5, 6" (episodes, cast IDs)."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else numbers(run) for run in runs)


def set_runs(day_lines) -> list[list[SceneLine]]:
    """The day's scenes in runs on one set, in shooting order."""
    scenes = [line for line in day_lines if isinstance(line, SceneLine)]
    return [list(run) for _key, run in groupby(scenes, key=lambda line: (line.set_name, line.int_ext))]
