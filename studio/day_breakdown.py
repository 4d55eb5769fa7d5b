"""What a shoot day's scenes need from the breakdown, for its call sheet: each scene's background count
and the elements the departments bring, and the day's background calls.

Background is counted from what the breakdown tags (each element's quantity) or, where a scene has no
tag, from its background roles: each role's headcount as typed, else as its name says (保安2名 is two;
REPORTERS with no headcount says no number: uncounted, "?").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlmodel import Session, select

from studio.day_sheet import BackgroundCall, Element, ElementGroup
from studio.models import BreakdownCategory, BreakdownElement, Character, SceneCharacter, SceneElement
from studio.schedule.board import StripCard
from studio.scripts.groups import group_count

BACKGROUND_CATEGORY = "background"
# The breakdown categories whose elements a call sheet lists under each scene, for the departments.
ELEMENT_CATEGORIES = (
    "stunts",
    "special_effects",
    "mechanical_effects",
    "props",
    "vehicles",
    "animal_wrangler",
    "wardrobe",
    "makeup",
    "special_equipment",
)


def scene_breakdown(
    session: Session, scene_ids: list[int]
) -> tuple[dict[int, int], dict[int, tuple[ElementGroup, ...]]]:
    """The scenes' background counts (the tagged extras' quantities) and the elements they need, by
    category in the breakdown's order."""
    rows = session.exec(
        select(SceneElement, BreakdownElement, BreakdownCategory)
        .join(BreakdownElement, SceneElement.element_id == BreakdownElement.id)
        .join(BreakdownCategory)
        .where(
            SceneElement.scene_id.in_(scene_ids),
            BreakdownCategory.key.in_((BACKGROUND_CATEGORY, *ELEMENT_CATEGORIES)),
        )
        .order_by(BreakdownCategory.sort_order, BreakdownCategory.id, BreakdownElement.name)
    )
    background: dict[int, int] = defaultdict(int)
    grouped: dict[int, dict[int, tuple[BreakdownCategory, list[Element]]]] = defaultdict(dict)
    for tag, element, category in rows:
        if category.key == BACKGROUND_CATEGORY:
            background[tag.scene_id] += tag.quantity
            continue
        group = grouped[tag.scene_id].setdefault(category.id, (category, []))
        group[1].append(Element(element.name, element.name_zh, tag.quantity))
    elements = {
        scene_id: tuple(
            ElementGroup(category.name, category.name_zh, tuple(found)) for category, found in groups.values()
        )
        for scene_id, groups in grouped.items()
    }
    return dict(background), elements


def background_roles(session: Session, scene_ids) -> list[tuple[int, Character]]:
    """Each of the scenes' background roles, with its scene's id."""
    statement = select(SceneCharacter.scene_id, Character).join(Character)
    return list(
        session.exec(statement.where(SceneCharacter.scene_id.in_(scene_ids), Character.is_background.is_(True)))
    )


def headcount(role: Character) -> int | None:
    """How many players a background role books: its headcount as typed, else as its name says, else None."""
    return role.headcount if role.headcount is not None else group_count(role.name)


def roles_counted(roles: list[tuple[int, Character]]) -> tuple[dict[int, int], set[int]]:
    """The background the roles count per scene (`headcount`), and the scenes with a role of no known
    number."""
    counted: dict[int, int] = defaultdict(int)
    uncounted: set[int] = set()
    for scene_id, character in roles:
        count = headcount(character)
        if count is None:
            uncounted.add(scene_id)
        else:
            counted[scene_id] += count
    return dict(counted), uncounted


def background_calls(
    session: Session,
    strips: list[StripCard],
    roles: list[tuple[int, Character]],
    starts: dict[int, int],
    call: Callable[[int], int],
) -> list[BackgroundCall]:
    """Background roles in the day's scenes (`roles`) and elements tagged Background: the most one scene
    needs (a role counts its `headcount`), each called at `call(when its first
    scene starts)` (`starts`: scene id → its start, `cast_calls.scene_starts`)."""
    scenes = {strip.scene_id: strip.number for strip in strips if not strip.is_banner}
    found: dict[tuple[str, str], dict] = {}

    def add(name: str, name_zh: str, scene_id: int, count: int | None, notes: str) -> None:
        entry = found.setdefault((name, name_zh), {"count": None, "scenes": [], "notes": [], "starts": []})
        if count is not None:
            entry["count"] = max(entry["count"] or 0, count)
        entry["scenes"].append(scenes[scene_id])
        entry["notes"] += [notes] if notes and notes not in entry["notes"] else []
        entry["starts"].append(starts[scene_id])

    for scene_id, character in roles:
        if scene_id in scenes:
            add(character.name, character.name_zh, scene_id, headcount(character), character.notes)
    tagged = (
        select(SceneElement, BreakdownElement)
        .join(BreakdownElement)
        .join(BreakdownCategory)
        .where(SceneElement.scene_id.in_(scenes), BreakdownCategory.key == BACKGROUND_CATEGORY)
    )
    for tag, element in session.exec(tagged):
        add(element.name, element.name_zh, tag.scene_id, tag.quantity, tag.notes or element.notes)
    order = list(scenes.values())
    return sorted(
        (
            BackgroundCall(
                name,
                name_zh,
                entry["count"],
                call(min(entry["starts"])),
                tuple(sorted(set(entry["scenes"]), key=order.index)),
                "; ".join(entry["notes"]),
            )
            for (name, name_zh), entry in found.items()
        ),
        key=lambda line: (order.index(line.scenes[0]), line.name.casefold()),
    )
