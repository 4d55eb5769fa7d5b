"""Breakdown PDFs: a sheet per scene, and a report of every element by category with its scenes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from sqlmodel import Session, select

from studio.errors import UserError
from studio.exports.files import write_atomically
from studio.exports.fonts import fonts_for
from studio.formatting import format_eighths
from studio.i18n import _
from studio.listings import element_rows
from studio.models import (
    BreakdownCategory,
    BreakdownElement,
    Character,
    Episode,
    FilmSet,
    Location,
    Production,
    Scene,
    SceneCharacter,
    SceneElement,
)
from studio.models.enums import RevisionState

NUMBERS_PER_ROW = 120


@dataclass
class SheetScene:
    number: str
    episode: int | None
    heading: str
    int_ext: str
    time_of_day: str
    set_name: str
    location: str
    eighths: int
    synopsis: str
    cast: list[str] = field(default_factory=list)
    background: list[str] = field(default_factory=list)
    elements: dict[str, list[str]] = field(default_factory=dict)  # category name → element names


def sheet_scenes(session: Session, production_id: int) -> tuple[list[SheetScene], dict[str, str]]:
    """Every scene still in the script with its breakdown, and each category's colour."""
    rows = session.exec(
        select(Scene, Episode.number, FilmSet.name, Location.name)
        .join(Episode, Scene.episode_id == Episode.id, isouter=True)
        .join(FilmSet, Scene.set_id == FilmSet.id, isouter=True)
        .join(Location, FilmSet.location_id == Location.id, isouter=True)
        .where(Scene.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value)
        .order_by(Scene.sort_order)
    ).all()
    scenes = {
        scene.id: SheetScene(
            scene.number,
            episode,
            scene.heading,
            scene.int_ext,
            scene.time_of_day,
            set_name or "",
            location or "",
            scene.page_eighths,
            scene.synopsis,
        )
        for scene, episode, set_name, location in rows
    }
    people = session.exec(
        select(SceneCharacter.scene_id, Character)
        .join(Character)
        .where(SceneCharacter.scene_id.in_(scenes))
        .order_by(Character.cast_number, Character.name)
    )
    for scene_id, character in people:
        label = " ".join(
            part
            for part in (
                f"{character.cast_number}." if character.cast_number else "",
                character.name,
                character.name_zh,
            )
            if part
        )
        (scenes[scene_id].background if character.is_background else scenes[scene_id].cast).append(label)
    categories = session.exec(
        select(BreakdownCategory)
        .where(BreakdownCategory.production_id == production_id)
        .order_by(BreakdownCategory.sort_order)
    ).all()
    tagged = session.exec(
        select(SceneElement.scene_id, BreakdownCategory.name, BreakdownElement)
        .join(BreakdownElement, SceneElement.element_id == BreakdownElement.id)
        .join(BreakdownCategory)
        .where(SceneElement.scene_id.in_(scenes))
        .order_by(BreakdownCategory.sort_order, BreakdownElement.name)
    )
    for scene_id, category, element in tagged:
        name = f"{element.name} {element.name_zh}".strip()
        scenes[scene_id].elements.setdefault(category, []).append(name)
    return list(scenes.values()), {c.name: c.color for c in categories}


class _Styles:
    def __init__(self, regular: str, bold: str):
        self.title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, spaceAfter=6, wordWrap="CJK")
        self.heading = ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14, spaceAfter=4, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, wordWrap="CJK")
        self.label = ParagraphStyle("label", parent=self.body, fontName=bold, textColor=colors.HexColor("#37474f"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _footer(production: Production, font: str):
    def draw(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(document.leftMargin, 0.45 * inch, production.display_title())
        canvas.drawRightString(
            LETTER[0] - document.rightMargin, 0.45 * inch, _("Page {number}").format(number=document.page)
        )
        canvas.restoreState()

    return draw


def _build(target: Path, production: Production, story_for, texts: list[str]) -> Path:
    # The labels count too: in the Chinese interface they are Chinese even for an English script.
    regular, bold = fonts_for(production.display_title(), _("Scene numbers"), _("Page {number}"), *texts)
    styles = _Styles(regular, bold)

    def write(path: Path) -> None:
        # reportlab writes into a stream of ours, closed even when writing fails (its own file is left open).
        with path.open("wb") as stream:
            document = SimpleDocTemplate(
                stream,
                pagesize=LETTER,
                leftMargin=0.7 * inch,
                rightMargin=0.7 * inch,
                topMargin=0.7 * inch,
                bottomMargin=0.8 * inch,
                title=production.display_title(),
            )
            footer = _footer(production, regular)
            try:
                document.build(story_for(styles), onFirstPage=footer, onLaterPages=footer)
            except LayoutError as error:
                reason = str(error)[:200]
                raise UserError(_("the document cannot be laid out: {reason}").format(reason=reason)) from None

    return write_atomically(target, write)


def write_breakdown_sheets(session: Session, production_id: int, target: Path) -> Path:
    production = session.get(Production, production_id)
    scenes, category_colors = sheet_scenes(session, production_id)
    if not scenes:
        raise UserError(_("there is nothing to export yet: import a script first"))
    texts = [
        text
        for s in scenes
        for text in (
            s.heading,
            s.synopsis,
            *s.cast,
            *s.background,
            *(n for names in s.elements.values() for n in names),
        )
    ]

    def story(styles: _Styles) -> list:
        flowables: list = []
        for index, scene in enumerate(scenes):
            if index:
                flowables.append(PageBreak())
            episode = _("Episode {number}").format(number=scene.episode) if scene.episode is not None else ""
            scene_title = _("Scene {number}").format(number=scene.number)
            flowables.append(Paragraph(_escape(f"{scene_title}   {episode}"), styles.title))
            flowables.append(Paragraph(_escape(scene.heading), styles.heading))
            facts = [
                (_("Set"), scene.set_name),
                (_("Location"), scene.location),
                (_("Int/Ext"), scene.int_ext),
                (_("Day/Night"), scene.time_of_day),
                (_("Pages"), format_eighths(scene.eighths)),
                (_("Synopsis"), scene.synopsis),
                (_("Cast"), ", ".join(scene.cast)),
                (_("Background"), ", ".join(scene.background)),
            ]
            flowables.append(_facts_table(styles, facts))
            flowables.append(Spacer(1, 10))
            for category, names in scene.elements.items():
                flowables.append(_category_block(styles, category, category_colors.get(category, "#ffffff"), names))
        return flowables

    return _build(target, production, story, texts)


def write_element_report(session: Session, production_id: int, target: Path) -> Path:
    production = session.get(Production, production_id)
    elements = element_rows(session, production_id)
    scene_numbers = defaultdict(list)
    for scene_number, element_id in session.exec(
        select(Scene.number, SceneElement.element_id)
        .join(SceneElement, SceneElement.scene_id == Scene.id)
        .where(Scene.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value)
        .order_by(Scene.sort_order)
    ):
        scene_numbers[element_id].append(scene_number)
    if not elements:
        raise UserError(_("there is nothing to export yet: import a script first"))
    by_category: dict[str, list[dict]] = defaultdict(list)
    for element in elements:
        by_category[element["category"]].append(element)
    texts = [f"{e['name']} {e['name_zh']}" for e in elements]

    def story(styles: _Styles) -> list:
        flowables: list = [Paragraph(_escape(_("Breakdown elements")), styles.title)]
        for category, rows in by_category.items():
            color = rows[0]["color"]
            table_rows = [
                [Paragraph(_escape(h), styles.label) for h in (_("Element"), _("Scenes"), _("Scene numbers"))]
            ]
            for row in rows:
                name = f"{row['name']} {row['name_zh']}".strip()
                numbers = scene_numbers.get(row["id"], []) if row["id"] is not None else []
                # An element in hundreds of scenes would make a row taller than a page: continue it in
                # further rows of NUMBERS_PER_ROW scene numbers each.
                chunks = [numbers[i : i + NUMBERS_PER_ROW] for i in range(0, len(numbers), NUMBERS_PER_ROW)] or [[]]
                for index, chunk in enumerate(chunks):
                    table_rows.append(
                        [
                            Paragraph(_escape(name) if index == 0 else "", styles.body),
                            Paragraph(str(row["scenes"]) if index == 0 else "", styles.body),
                            Paragraph(_escape(", ".join(chunk)), styles.body),
                        ]
                    )
            table = Table(table_rows, colWidths=[2.4 * inch, 0.7 * inch, 4.0 * inch], repeatRows=1)
            table.setStyle(_grid(color))
            flowables += [Spacer(1, 8), Paragraph(_escape(category), styles.heading), table]
        return flowables

    return _build(target, production, story, texts)


def _facts_table(styles: _Styles, facts: list[tuple[str, str]]) -> Table:
    rows = [
        [Paragraph(_escape(label), styles.label), Paragraph(_escape(value or "—"), styles.body)]
        for label, value in facts
    ]
    table = Table(rows, colWidths=[1.3 * inch, 5.8 * inch])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cfd8dc")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _category_block(styles: _Styles, category: str, color: str, names: list[str]) -> KeepTogether:
    table = Table(
        [[Paragraph(_escape(category), styles.label)], [Paragraph(_escape(", ".join(names)), styles.body)]],
        colWidths=[7.1 * inch],
    )
    table.setStyle(_grid(color))
    return KeepTogether([table, Spacer(1, 6)])


def _grid(color: str) -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(color).clone(alpha=0.35)),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#90a4ae")),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#cfd8dc")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
