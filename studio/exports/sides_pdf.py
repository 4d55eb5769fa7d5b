"""Sides: a shoot day's scenes as script pages, in shooting order, for the cast and the director.

Each scene is its own text as imported (English, Chinese, or both where the script has them), laid out
as a screenplay: the heading with the scene number in both margins, action across the page, a speaker's
name and their lines indented. Every page names the production and the day; a copy may carry its
recipient's name across each page (a watermark), so a leaked page says whose it was.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle
from sqlmodel import select

from studio.callsheet import day_number
from studio.errors import UserError
from studio.exports.callsheet_pdf import file_name
from studio.exports.callsheet_style import para
from studio.exports.callsheet_words import SheetWords
from studio.exports.files import write_atomically
from studio.exports.fonts import cjk_font, has_cjk
from studio.exports.pdf_pages import FRAME_PADDING, MARGIN, build_pdf, fitted, frame_width, page_footer
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import Scene
from studio.productions import get_production
from studio.schedule.board_loading import load_board

if TYPE_CHECKING:
    from sqlmodel import Session

PAGE = LETTER
WIDTH = frame_width(PAGE)
SCRIPT_FONTS = ("Courier", "Courier-Bold")  # a screenplay's type, for a script without Chinese
# A speaker's name on its own line: a Chinese name, with its extension if any (克洛伊 (OS), 克洛伊（画外音）),
# or a name in capitals (REPORTER #1, MOM & DAD).
CUE = re.compile(r"^[^\s:：。，！？!?.,()（）]{1,12}(?:\s*[(（][^()（）]{1,12}[)）])?$|^[A-Z0-9 .'’\-()#&/]{1,40}$")
# A transition on its own line, set at the right as a screenplay sets it: CUT TO:, FADE OUT., SMASH CUT TO:.
TRANSITION = re.compile(r"^[A-Z ]{0,30}(?:TO:|FADE (?:IN|OUT)[:.]?|TO BLACK\.?)$")
FLAG = "#c62828"  # what the reader must notice, in red
WATERMARK = colors.Color(0.55, 0.55, 0.55, alpha=0.16)


@dataclass(frozen=True)
class SideScene:
    number: str
    episode: int | None
    heading: str
    eighths: int
    text: str
    scene_id: int | None = None
    no_original: bool = False  # sides in the original's words: a scene added in adaptation, in the shooting script's


@dataclass(frozen=True)
class Sides:
    """The day's scenes and what names the day (the same fields a call sheet's file name reads)."""

    title: str
    title_zh: str
    company: str
    number: int
    day_count: int
    unit: int
    date: dt.date
    scenes: list[SideScene]
    cast_version: bool = False

    def texts(self) -> list[str]:
        return [self.title, self.company, *(part for scene in self.scenes for part in (scene.heading, scene.text))]


def day_sides(session: Session, production_id: int, shoot_day_id: int) -> Sides:
    """The scenes of one shoot day in shooting order, with their text (raises UserError for no such day)."""
    board = load_board(session, production_id)
    day = next((day for day in board.days if day.id == shoot_day_id), None)
    if day is None:
        raise UserError(_("there is no shoot day with id {id}").format(id=shoot_day_id))
    strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
    rows = {scene.id: scene for scene in session.exec(select(Scene).where(Scene.id.in_([s.scene_id for s in strips])))}
    production = get_production(session, production_id)
    number, count = day_number(board, day)
    scenes = [
        SideScene(
            strip.number,
            strip.episode,
            rows[strip.scene_id].heading or strip.set_name,
            strip.eighths,
            rows[strip.scene_id].text,
            strip.scene_id,
        )
        for strip in strips
    ]
    return Sides(production.title, production.title_zh, production.company, number, count, day.unit, day.date, scenes)


def write_sides(
    session: Session,
    production_id: int,
    shoot_day_id: int,
    target: Path,
    lang: str = "en",
    watermark: str = "",
    script: str = "shooting",
) -> Path:
    """Write one shoot day's sides as a PDF (into a folder: named as `sides_file_name` says), its labels in
    English, Chinese or both; `watermark`: the name written across every page (none when empty); `script`:
    the shooting script's scenes, the original's (a scene added in adaptation as the shooting script has it)
    or both side by side."""
    words = SheetWords(lang)
    if target.suffix.lower() != ".pdf" and not target.is_dir():
        raise UserError(
            _("cannot write sides as {name}: choose a file ending in .pdf, or a folder").format(name=target.name)
        )
    sides = day_sides(session, production_id, shoot_day_id)
    if target.is_dir():
        target = target / sides_file_name(sides, lang, script)
    if script == "both":
        from studio.exports.script_pdf import write_bilingual_sides

        scene_ids = [scene.scene_id for scene in sides.scenes]
        written = write_bilingual_sides(session, production_id, sides, scene_ids, target, lang)
        if watermark.strip():
            stamped = watermarked(written.read_bytes(), watermark.strip())
            write_atomically(target, lambda path: path.write_bytes(stamped))
        return written
    if script == "original":
        sides = _as_in_the_original(session, production_id, sides)
    return write_sides_pdf(sides, words, target, watermark.strip())


def sides_beside_the_original(
    session: Session, production_id: int, sides: Sides, languages: set[str]
) -> dict[str, bytes]:
    """The day's sides for readers of Chinese (`languages` among "zh" and "en+zh"): each scene's original
    beside the words they play, as PDF bytes by language; none when the production has no original (the
    shooting script's sides serve every reader then)."""
    from studio.exports.script_pdf import write_bilingual_sides

    wanted = sorted(languages & {"zh", "en+zh"})
    if not wanted or not has_original(session, production_id):
        return {}
    scene_ids = [scene.scene_id for scene in sides.scenes]
    written = {}
    with tempfile.TemporaryDirectory(prefix="cliffhanger-sides-") as folder:
        for lang in wanted:
            target = write_bilingual_sides(session, production_id, sides, scene_ids, Path(folder) / "sides.pdf", lang)
            written[lang] = target.read_bytes()
    return written


def has_original(session: Session, production_id: int) -> bool:
    """Whether any scene of the production is paired with a scene of its original."""
    from studio.models import SceneAdaptation

    stored = select(SceneAdaptation.id).where(
        SceneAdaptation.production_id == production_id, SceneAdaptation.original_scene_id.is_not(None)
    )
    return session.exec(stored).first() is not None


def without_original(session: Session, shoot_day_id: int) -> list[str]:
    """The numbers of the day's scenes that adapt no scene of the original (added in adaptation)."""
    from studio.models import SceneAdaptation, Strip

    return list(
        session.exec(
            select(Scene.number)
            .join(Strip, Strip.scene_id == Scene.id)
            .outerjoin(SceneAdaptation, SceneAdaptation.scene_id == Scene.id)
            .where(Strip.shoot_day_id == shoot_day_id, SceneAdaptation.original_scene_id.is_(None))
            .order_by(Strip.position)
        )
    )


def _as_in_the_original(session: Session, production_id: int, sides: Sides) -> Sides:
    """The day's scenes with the original's heading and text where a scene adapts one; one added in
    adaptation as the shooting script has it, marked as having no original."""
    from studio.models import OriginalScene, SceneAdaptation

    if not has_original(session, production_id):
        raise UserError(_("This production has no original script: import one with --side original"))
    rows = session.exec(
        select(SceneAdaptation.scene_id, OriginalScene)
        .join(OriginalScene, OriginalScene.id == SceneAdaptation.original_scene_id)
        .where(SceneAdaptation.scene_id.in_([scene.scene_id for scene in sides.scenes]))
    ).all()
    originals = dict(rows)
    scenes = [
        replace(scene, heading=original.heading, text=original.text)
        if (original := originals.get(scene.scene_id))
        else replace(scene, no_original=True)
        for scene in sides.scenes
    ]
    return replace(sides, scenes=scenes)


def sides_file_name(sides: Sides, lang: str, script: str = "shooting") -> str:
    """The sides' file name, saying which script they are of (`script`: shooting, original or both)."""
    return file_name(sides, lang, {"original": "original sides", "both": "both sides"}.get(script, "sides"))


def write_sides_pdf(sides: Sides, words: SheetWords, target: Path, watermark: str = "") -> Path:
    """The sides as a PDF at `target`; `watermark`: a name across every page (stamped on the pages laid
    out without it, as each recipient's copy of one day's sides is)."""
    if not watermark:
        return _build_sides(sides, words, target)
    with tempfile.TemporaryDirectory(prefix="cliffhanger-sides-") as folder:
        laid_out = _build_sides(sides, words, Path(folder) / "sides.pdf").read_bytes()
    stamped = watermarked(laid_out, watermark)
    return write_atomically(target, lambda path: path.write_bytes(stamped))


def watermarked(pdf: bytes, name: str) -> bytes:
    """`pdf` with `name` written large and faint across every page."""
    from pypdf import PdfReader, PdfWriter  # here: only a watermark needs it

    overlay = io.BytesIO()
    font = cjk_font() if has_cjk(name) else SCRIPT_FONTS[1]
    canvas = Canvas(overlay, pagesize=PAGE)
    canvas.setFont(font, 54)
    canvas.setFillColor(WATERMARK)
    canvas.translate(PAGE[0] / 2, PAGE[1] / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, 0, fitted(name, font, 54, PAGE[1] * 0.9))
    canvas.save()
    stamp = PdfReader(overlay).pages[0]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        page.merge_page(stamp)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


def _build_sides(sides: Sides, words: SheetWords, target: Path) -> Path:
    chinese = has_cjk(*sides.texts()) or (words.lang != "en" and bool(sides.title_zh))
    regular, bold = (cjk_font(), cjk_font()) if chinese or words.lang != "en" else SCRIPT_FONTS
    styles = SideStyles(regular, bold, chinese)
    title = sides.title if words.lang == "en" else words.named(sides.title, sides.title_zh)
    day = words.day_of.format(number=sides.number, total=sides.day_count)
    header = "  ·  ".join([title, words.sides, day, words.date(sides.date, "medium")])
    footer = page_footer(f"{title} — {words.sides}", day, words.page, regular, PAGE)

    def furniture(canvas, document) -> None:
        footer(canvas, document)
        canvas.saveState()
        canvas.setFont(bold, 8)
        canvas.drawString(MARGIN + FRAME_PADDING, PAGE[1] - 0.45 * inch, fitted(header, bold, 8, WIDTH))
        canvas.restoreState()

    story: list = []
    for scene in sides.scenes:
        story += scene_flowables(scene, words, styles)
    if not sides.scenes:
        story.append(para(escape(words.no_scenes), styles.action))
    return build_pdf(target, story, f"{header}", sides.company, furniture, PAGE, (0.75 * inch, 0.7 * inch))


class SideStyles:
    """A screenplay's paragraphs: action across the page, a speaker's name and their lines indented."""

    def __init__(self, regular: str, bold: str, chinese: bool):
        size, leading = (10.5, 15) if chinese else (11, 12.5)
        self.bold = bold
        self.action = ParagraphStyle("action", fontName=regular, fontSize=size, leading=leading, spaceAfter=leading)
        self.heading = ParagraphStyle("heading", parent=self.action, fontName=bold, spaceAfter=0)
        self.cue = ParagraphStyle("cue", parent=self.action, leftIndent=2.2 * inch, spaceAfter=0)
        self.parenthetical = ParagraphStyle(
            "parenthetical", parent=self.action, leftIndent=1.6 * inch, rightIndent=1.8 * inch, spaceAfter=0
        )
        self.dialogue = ParagraphStyle(
            "dialogue", parent=self.action, leftIndent=1.0 * inch, rightIndent=1.4 * inch, spaceAfter=0
        )
        self.transition = ParagraphStyle("transition", parent=self.action, alignment=TA_RIGHT)
        self.number = ParagraphStyle("number", parent=self.heading)
        self.length = ParagraphStyle("length", parent=self.action, fontSize=size - 2, textColor=colors.grey)


def scene_flowables(scene: SideScene, words: SheetWords, styles: SideStyles) -> list:
    """The scene's heading between its numbers, then its text block by block."""
    number = para(escape(scene.number), styles.number)
    episode = words.pair(words.headings["episode"], str(scene.episode)) if scene.episode is not None else ""
    length = "  ·  ".join(filter(None, [episode, words.pages.format(pages=format_eighths(scene.eighths))]))
    length = escape(length)
    if scene.no_original:
        length += f'  ·  <font color="{FLAG}">{escape(words.no_original)}</font>'
    heading = [para(escape(scene.heading), styles.heading), para(length, styles.length)]
    top = Table(
        [[number, heading, para(escape(scene.number), styles.number)]], colWidths=[0.7 * inch, None, 0.7 * inch]
    )
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (-1, 0), (-1, 0), "RIGHT")]))
    blocks = [block_flowables(block, styles) for block in scene.text.split("\n\n") if block.strip()]
    first = blocks[0] if blocks else []
    # The heading never ends a page alone: it goes with the scene's first block.
    return [
        CondPageBreak(1.2 * inch),
        KeepTogether([top, *first]),
        *(flowable for block in blocks[1:] for flowable in block),
    ]


def block_flowables(block: str, styles: SideStyles) -> list:
    """A block of the scene's text: a speaker's name and their lines, a transition, or action."""
    lines = [line.strip() for line in block.strip().splitlines()]
    if len(lines) == 1 and TRANSITION.match(lines[0]):
        return [para(escape(lines[0]), styles.transition)]
    if len(lines) > 1 and CUE.match(lines[0]):
        flowables = [para(escape(lines[0]), styles.cue)]
        for line in lines[1:]:
            spoken = not line.startswith(("(", "（"))
            flowables.append(para(escape(line), styles.dialogue if spoken else styles.parenthetical))
        flowables.append(Spacer(1, styles.action.leading))
        return [KeepTogether(flowables)]
    return [para("<br/>".join(escape(line) for line in lines), styles.action)]
