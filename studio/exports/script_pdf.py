"""The bilingual script: the original and its adaptation in two columns, scene by scene.

Each scene is a table: its numbers on both sides and how far its adaptation has come above, the two
headings, then the text block by block (a speaker and their lines, or action), the adapter's and
cultural notes below. A scene is kept on one page when it fits on one, so pages break at scene
boundaries where they can; a longer scene breaks between its blocks. A scene cut in adaptation, or not
yet adapted (past the last episode the adaptation reaches), has its original only, an added one its
adaptation only; a pair still to confirm, or whose original changed since it was approved, says so.
"""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from studio.adaptation import SidePair, side_by_side
from studio.errors import UserError
from studio.exports.callsheet_style import para
from studio.exports.callsheet_words import SheetWords
from studio.exports.contacts import Translate, translator
from studio.exports.files import safe_file_name
from studio.exports.fonts import LATIN, cjk_font, has_cjk
from studio.exports.pdf_pages import build_pdf, frame_width, front_matter, page_footer
from studio.exports.sides_pdf import CUE, Sides
from studio.i18n import _
from studio.models import Episode
from studio.productions import get_production

if TYPE_CHECKING:
    from sqlmodel import Session

PAGE = A4
WIDTH = frame_width(PAGE)
GRID = colors.HexColor("#b0bec5")
FLAG = colors.HexColor("#c62828")


def status_words(_: Translate) -> dict[str, str]:  # `_`: the document's translator, named so for extraction
    return {
        "NOT_STARTED": _("Not started"),
        "TRANSLATED": _("Translated"),
        "ADAPTED": _("Adapted"),
        "APPROVED": _("Approved"),
    }


class ScriptWords:
    def __init__(self, lang: str):
        _ = translator(lang)
        self.lang = lang
        self.document = _("Bilingual script")
        self.sides = _("Sides")
        self.day_of = _("Day {number} of {total}")
        self.page = _("Page {number}")
        self.original = _("Original")
        self.adaptation = _("Adaptation")
        self.episode = _("Episode {number}")
        self.cut = _("Cut in adaptation")
        self.not_yet = _("Not yet adapted")
        self.added = _("Added in adaptation")
        self.to_confirm = _("Pairing to confirm")
        self.changed = _("The original changed since this was approved")
        self.adapter_note = _("Adapter's note")
        self.cultural_note = _("Cultural note")
        self.no_original = _("This production has no original script: import one with --side original")
        self.status = status_words(_)


def write_bilingual_script(session: Session, production_id: int, target: Path, lang: str = "en+zh") -> Path:
    """The production's original and shooting script side by side, as a PDF at `target`."""
    words = _words_for(target, lang)
    pairs = side_by_side(session, production_id)
    if not any(pair.original for pair in pairs):
        raise UserError(words.no_original)
    episodes = dict(session.exec(select_episodes(production_id)).all())
    production = get_production(session, production_id)
    return _write(production, pairs, words, target, [production.company, words.document], episodes, working=True)


def write_bilingual_sides(
    session: Session, production_id: int, sides: Sides, scene_ids: list[int], target: Path, lang: str
) -> Path:
    """A shoot day's sides (`sides`, its scenes' ids in shooting order) with each scene's original beside it:
    the words alone, for the cast and the director, without the adaptation's status, flags and notes."""
    words = _words_for(target, lang)
    pairs = {pair.scene.id: pair for pair in side_by_side(session, production_id) if pair.scene is not None}
    if not pairs:
        raise UserError(words.no_original)
    day = words.day_of.format(number=sides.number, total=sides.day_count)
    facts = [words.sides, day, SheetWords(lang).date(sides.date, "medium")]  # as the shooting script's sides
    production = get_production(session, production_id)
    return _write(production, [pairs[scene_id] for scene_id in scene_ids if scene_id in pairs], words, target, facts)


def bilingual_script_file_name(session: Session, production_id: int, lang: str = "en+zh") -> str:
    """The bilingual script's file name under the show's title, as the other exports name theirs."""
    production = get_production(session, production_id)
    title = production.title_zh if lang == "zh" and production.title_zh else production.title
    document = ScriptWords("zh" if lang == "zh" else "en").document.lower()
    return safe_file_name(f"{title} - {document}") + ".pdf"


def _words_for(target: Path, lang: str) -> ScriptWords:
    if target.suffix.lower() != ".pdf":
        raise UserError(_("cannot write the script as {name}: choose a file ending in .pdf").format(name=target.name))
    return ScriptWords(lang)


def _write(
    production,
    pairs: list[SidePair],
    words: ScriptWords,
    target: Path,
    facts: list[str],
    episodes=None,
    working: bool = False,
) -> Path:
    """The pairs as scene tables under the production's title and `facts`; with `episodes` (id → number)
    each episode's first scene under its number; `working`: with each scene's adaptation status, flags and
    notes (the adapters' copy; sides go to performers, who get the words alone)."""
    texts = [t for pair in pairs for scene in (pair.scene, pair.original) if scene for t in (scene.heading, scene.text)]
    chinese = has_cjk(*texts, production.title_zh) or words.lang != "en"
    regular, bold = (cjk_font(), cjk_font()) if chinese else LATIN
    styles = _Styles(regular, bold)
    title = production.display_title()
    story = front_matter(title, facts, regular, bold)
    header = ParagraphStyle("columns", fontName=bold, fontSize=9, leading=11, textColor=colors.grey)
    story.append(_columns([para(escape(words.original), header)], [para(escape(words.adaptation), header)]))
    shown_episode = object()
    for pair in pairs:
        episode = _episode_of(pair, episodes) if episodes is not None else None
        scene = [_scene_table(pair, words, styles, working)]
        if episode != shown_episode and episode is not None:  # never alone at a page's foot: with its first scene
            scene.insert(0, para(escape(words.episode.format(number=episode)), styles.episode))
        shown_episode = episode
        story += [KeepTogether(scene), Spacer(1, 8)]
    if episodes is None:  # sides: the day in the footer's middle, its date with the page, as a call sheet's
        kind, day, date = facts
        document = f"{kind} · {day} · {date}"
        footer = page_footer(f"{production.title} — {kind}", day, f"{date} · {words.page}", regular, PAGE)
    else:
        document = words.document
        footer = page_footer(f"{production.title} — {document}", "", words.page, regular, PAGE)
    return build_pdf(target, story, f"{title} — {document}", production.company, footer, PAGE)


def select_episodes(production_id: int):
    from sqlmodel import select

    return select(Episode.id, Episode.number).where(Episode.production_id == production_id)


def _episode_of(pair: SidePair, episodes: dict[int, int]) -> int | None:
    if pair.scene is not None:
        return episodes.get(pair.scene.episode_id)
    return pair.original.episode_number


class _Styles:
    def __init__(self, regular: str, bold: str):
        self.text = ParagraphStyle("text", fontName=regular, fontSize=9, leading=12.5)
        self.heading = ParagraphStyle("heading", parent=self.text, fontName=bold)
        self.cue = ParagraphStyle("cue", parent=self.text, fontName=bold, leftIndent=0.6 * inch)
        self.dialogue = ParagraphStyle("dialogue", parent=self.text, leftIndent=0.3 * inch, rightIndent=0.2 * inch)
        self.state = ParagraphStyle("state", parent=self.text, fontSize=8, leading=10, textColor=colors.grey)
        self.flag = ParagraphStyle("flag", parent=self.state, textColor=FLAG)
        self.note = ParagraphStyle("note", parent=self.text, fontSize=8, leading=10.5, backColor="#fff8e1")
        self.episode = ParagraphStyle(
            "episode", parent=self.heading, fontSize=11, leading=15, spaceBefore=6, spaceAfter=4
        )


def _columns(left: list, right: list, style: list | None = None) -> Table:
    table = Table([[left, right]], colWidths=[WIDTH / 2, WIDTH / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *(style or [])]))
    return table


def _scene_table(pair: SidePair, words: ScriptWords, styles: _Styles, working: bool) -> Table:
    """The scene as rows of the two columns: numbers (and, `working`, its status), headings, blocks side
    by side, then (`working`) its flags and notes; a scene with no original says so either way."""
    sides = (pair.original, pair.scene)
    numbers = [para(escape(scene.number) if scene else "—", styles.heading) for scene in sides]
    flags = [
        text
        for text, shown in (
            (words.cut, pair.scene is None and not pair.not_yet_adapted),
            (words.not_yet, pair.not_yet_adapted),
            (words.added, pair.original is None),
            (words.to_confirm, not pair.confirmed and pair.scene is not None and pair.original is not None),
            (words.changed, pair.original_changed),
        )
        if shown and (working or text == words.added)
    ]
    state = [numbers[1], para(escape(words.status[pair.status]), styles.state)] if working else numbers[1]
    rows = [
        [numbers[0], state],
        [para(escape(scene.heading), styles.heading) if scene else "" for scene in sides],
    ]
    blocks = [_blocks(scene.text, styles) if scene else [] for scene in sides]
    rows += [[left or "", right or ""] for left, right in zip_longest(*blocks)]
    spans = []
    for text in flags:
        rows.append([para(escape(text), styles.flag), ""])
        spans.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
    notes = ((words.adapter_note, pair.adapter_note), (words.cultural_note, pair.cultural_note)) if working else ()
    for label, note in notes:
        if note.strip():
            rows.append(
                [para(f"<b>{escape(label)}</b>: " + "<br/>".join(map(escape, note.splitlines())), styles.note), ""]
            )
            spans.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
    table = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2], splitByRow=1, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, GRID),
                ("LINEAFTER", (0, 0), (0, -1), 0.5, GRID),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
                *spans,
            ]
        )
    )
    return table


def _blocks(text: str, styles: _Styles) -> list[list]:
    """The scene's text block by block, each a speaker and their lines or a paragraph of action."""
    found = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and CUE.match(lines[0]):
            found.append(
                [para(escape(lines[0]), styles.cue), *(para(escape(line), styles.dialogue) for line in lines[1:])]
            )
        else:
            found.append([para("<br/>".join(map(escape, lines)), styles.text)])
    return found
