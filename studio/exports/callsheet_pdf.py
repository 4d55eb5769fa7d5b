"""The call sheet as a PDF: letter portrait, compact like the sheets people are used to.

A header block (the production in both languages, the people in charge, the big crew call and the HQ
time, the day), boxes for weather, sun and hospital, a band of notes (safety, the day's, the
departments', walkie channels), then a table per section: locations, scenes in shooting order, cast
(those only on hold in one line), background, crew by department (in two or three columns, whichever
is shorter), the next day's scenes a line per set, and the key contacts (two columns).

A typical day (some fifteen scenes, the cast, thirty crew) fits one page, a day of sixty scenes two:
the type is 7 pt, nothing smaller than 6.5 pt, the rows tight (`callsheet_style`). Every table repeats
its headings on a new page and wraps what is too long for its cells; the words are in English, Chinese or
both (`callsheet_words`), and the Chinese font is embedded (subset) only when the sheet shows Chinese.
The page is laid out by `callsheet_layout`; this module names, writes and frames it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from studio.callsheet import call_sheet, call_sheets
from studio.day_sheet import DaySheet
from studio.errors import UserError
from studio.exports.callsheet_layout import Layout
from studio.exports.callsheet_style import (
    DARK,
    PAGE,
    WIDTH,
    Styles,
)
from studio.exports.callsheet_words import SheetWords
from studio.exports.files import safe_file_name
from studio.exports.fonts import fonts_for
from studio.exports.pdf_pages import FRAME_PADDING, MARGIN, build_pdf, fitted, page_footer
from studio.i18n import _

if TYPE_CHECKING:
    from sqlmodel import Session

# Writing.


def write_call_sheet(
    session: Session, production_id: int, shoot_day_id: int, target: Path, lang: str = "en", cast_version: bool = False
) -> Path:
    """Write one shoot day's call sheet as a PDF in English, Chinese or both ("en", "zh", "en+zh"); into
    `target` named as `file_name` says when it is a folder."""
    words = SheetWords(lang)
    if target.suffix.lower() != ".pdf" and not target.is_dir():
        raise UserError(
            _("cannot write a call sheet as {name}: choose a file ending in .pdf, or a folder").format(name=target.name)
        )
    sheet = call_sheet(session, production_id, shoot_day_id, cast_version)
    return write_pdf(sheet, words, target / file_name(sheet, lang) if target.is_dir() else target)


def write_call_sheets(
    session: Session, production_id: int, folder: Path, lang: str = "en", cast_version: bool = False
) -> list[Path]:
    """Write every shoot day's call sheet into `folder`, one PDF per day, named as `file_name` says."""
    words = SheetWords(lang)
    if folder.suffix.lower() == ".pdf" or folder.is_file():
        raise UserError(_("{path} is not a folder: give a folder for every day's call sheet").format(path=folder))
    sheets = call_sheets(session, production_id, cast_version)
    if not sheets:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    written: list[Path] = []
    for sheet in sheets:
        try:
            written.append(write_pdf(sheet, words, folder / file_name(sheet, lang)))
        except UserError as error:  # a full disk, say: what is there already is said, complete as it is
            if not written:
                raise
            raise UserError(
                _("{reason}; the call sheets of days {days} were written, the rest not").format(
                    reason=error, days=", ".join(str(done.number) for done in sheets[: len(written)])
                )
            ) from None
    return written


def file_name(sheet: DaySheet, lang: str, document: str = "call sheet") -> str:
    """What the file holds, in its name: "The Contract Bride - Day 03 - 2027-01-13 - call sheet (EN+ZH).pdf";
    a Chinese one in Chinese ("契约新娘 - 第03天 - 2027-01-13 - 通告单 (ZH).pdf"). `document`: "call sheet" or
    "sides"."""
    words = SheetWords("zh" if lang == "zh" else "en")
    title = sheet.title_zh if lang == "zh" and sheet.title_zh else sheet.title
    day = words.file_day.format(number=f"{sheet.number:02d}")
    if sheet.unit != 1:
        day = f"{day} {words.unit.format(unit=sheet.unit)}"
    what = words.file_documents[document] + ((" " if lang != "zh" else "") + words.file_cast) * sheet.cast_version
    return safe_file_name(f"{title} - {day} - {sheet.date.isoformat()} - {what} ({lang.upper()})") + ".pdf"


def write_pdf(sheet: DaySheet, words: SheetWords, target: Path) -> Path:
    regular, bold = fonts_for(*sheet.texts(chinese_names=words.lang != "en"), *words.texts())
    styles = Styles(
        regular, bold, fonts_for(sheet.title_zh, bold)[1] if sheet.title_zh and words.lang != "en" else bold
    )
    document = words.document + (f" ({words.cast_version})" if sheet.cast_version else "")
    day = words.day_of.format(number=sheet.number, total=sheet.day_count)
    shown = words.named(sheet.title, sheet.title_zh) if words.lang == "zh" else sheet.title  # as the header names it
    title = f"{shown} — {document}"
    # The footer's middle is short (it must clear the title on its left): the date goes with the page number.
    footer = page_footer(title, day, f"{words.date(sheet.date, 'medium')} · {words.page}", regular, PAGE, FOOTER)
    header = running_header(sheet, words, styles)

    def furniture(canvas, document) -> None:
        footer(canvas, document)
        header(canvas, document)

    story = Layout(sheet, words, styles).story()
    return build_pdf(target, story, f"{title} — {day}", sheet.company, furniture, PAGE, MARGINS)


def running_header(sheet: DaySheet, words: SheetWords, styles: Styles):
    """Draws the sheet's header in one line atop every page after the first: the production, the document,
    the day, its date and the crew call, so a loose second page still says what it belongs to."""
    title = sheet.title if words.lang == "en" else words.named(sheet.title, sheet.title_zh)
    document = words.document + (f" ({words.cast_version})" if sheet.cast_version else "")
    day = words.day_of.format(number=sheet.number, total=sheet.day_count)
    call = words.pair(words.crew_call, words.clock(sheet.crew_call))
    parts = [title, document, day, words.date(sheet.date, "medium"), call]
    line = "  ·  ".join(parts)

    def draw(canvas, document_template) -> None:
        if document_template.page == 1:
            return
        canvas.saveState()
        canvas.setFont(styles.bold, HEADER_SIZE)
        canvas.setFillColor(DARK)
        canvas.drawString(MARGIN + FRAME_PADDING, PAGE[1] - HEADER, fitted(line, styles.bold, HEADER_SIZE, WIDTH))
        canvas.restoreState()

    return draw


# The page's top and bottom margins, and the footer's baseline: less than other reports leave, for one page;
# the running header's baseline from the top of later pages, above the frame.
MARGINS = (0.35 * 72, 0.42 * 72)
FOOTER = 0.3 * 72
HEADER, HEADER_SIZE = 0.36 * 72, 7
