"""Breakdown operations: tagging scenes with elements, and numbering the cast.

Cast and background are not copied into breakdown elements: a scene's characters already say who
is in it, and the breakdown views and reports read them from there (one truth, kept by import).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import func
from sqlmodel import Session, select

from studio.edits import FieldChange, required_text, set_field
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import BreakdownCategory, BreakdownElement, Character, Scene, SceneCharacter, SceneElement
from studio.storage.db import changed_elsewhere

ELEMENT_NAME = required_text(200)


@dataclass(frozen=True)
class Tag:
    """One element tagged in one scene; enough to undo and redo it exactly. The versions are those the
    tag left (of the scene's link to the element, and of the element the tag made): an undo after someone
    else has changed either since is refused."""

    scene_id: int
    element_id: int
    category_id: int
    name: str
    created_element: bool
    link_version: int | None = field(default=None, compare=False)
    element_version: int | None = field(default=None, compare=False)


def tag_scene(session: Session, scene_id: int, category_id: int, name: str) -> Tag:
    """Tag `name` (e.g. text selected in the script) in a scene under a category."""
    name = ELEMENT_NAME(name)
    scene = session.get(Scene, scene_id)
    category = session.get(BreakdownCategory, category_id)
    if scene is None or category is None or category.production_id != scene.production_id:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    element = session.exec(
        select(BreakdownElement).where(BreakdownElement.category_id == category_id, BreakdownElement.name == name)
    ).first()
    created = element is None
    if created:
        element = BreakdownElement(production_id=scene.production_id, category_id=category_id, name=name)
        session.add(element)
        session.flush()
    elif session.get(SceneElement, (scene_id, element.id)) is not None:
        raise InvalidInput(_("{name} is already tagged in scene {number}").format(name=name, number=scene.number))
    session.add(SceneElement(scene_id=scene_id, element_id=element.id))
    session.flush()
    return _with_versions(session, Tag(scene_id, element.id, category_id, name, created))


def _with_versions(session: Session, tag: Tag) -> Tag:
    link = session.get(SceneElement, (tag.scene_id, tag.element_id))
    element = session.get(BreakdownElement, tag.element_id) if tag.created_element else None
    return replace(
        tag,
        link_version=link.version if link is not None else None,
        element_version=element.version if element is not None else None,
    )


def untag_scene(session: Session, tag: Tag) -> None:
    """Undo a tag: remove the link, and the element too when the tag created it and nothing else uses it.
    A link or element someone else has saved since the tag (their version is newer) stays: ChangedElsewhere."""
    link = session.get(SceneElement, (tag.scene_id, tag.element_id))
    element = session.get(BreakdownElement, tag.element_id) if tag.created_element else None
    if (link is not None and tag.link_version not in (None, link.version)) or (
        element is not None and tag.element_version not in (None, element.version)
    ):
        raise changed_elsewhere()
    if link is not None:
        session.delete(link)
        session.flush()
    if element is not None:
        still_used = session.exec(select(SceneElement).where(SceneElement.element_id == tag.element_id)).first()
        if still_used is None:
            session.delete(element)
    session.flush()


def retag_scene(session: Session, tag: Tag) -> Tag:
    """Redo a tag exactly as it was, recreating its element under the same id if undo removed it; returns
    the tag with the versions this left."""
    scene = session.get(Scene, tag.scene_id)
    if scene is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    if session.get(BreakdownElement, tag.element_id) is None:
        session.add(
            BreakdownElement(
                id=tag.element_id, production_id=scene.production_id, category_id=tag.category_id, name=tag.name
            )
        )
        session.flush()
    if session.get(SceneElement, (tag.scene_id, tag.element_id)) is None:
        session.add(SceneElement(scene_id=tag.scene_id, element_id=tag.element_id))
    session.flush()
    return _with_versions(session, tag)


def remove_tag(session: Session, scene_id: int, element_id: int) -> Tag:
    """Take an element out of a scene (the element stays for other scenes); returns what to restore."""
    element = session.get(BreakdownElement, element_id)
    link = session.get(SceneElement, (scene_id, element_id))
    if element is None or link is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    session.delete(link)
    session.flush()
    return Tag(scene_id, element_id, element.category_id, element.name, created_element=False)


def characters_by_scene_count(session: Session, production_id: int) -> list[Character]:
    """Speaking and listed roles (not background), most scenes first, then by first appearance."""
    counts = (
        select(
            SceneCharacter.character_id,
            func.count().label("scenes"),
            func.min(Scene.sort_order).label("first"),
        )
        .join(Scene, Scene.id == SceneCharacter.scene_id)
        .where(Scene.production_id == production_id, Scene.revision_state != "OMITTED")
        .group_by(SceneCharacter.character_id)
        .subquery()
    )
    rows = session.exec(
        select(Character, counts.c.scenes, counts.c.first)
        .join(counts, counts.c.character_id == Character.id)
        .where(Character.production_id == production_id, Character.is_background.is_(False))
    ).all()
    rows = sorted(rows, key=lambda row: (-row[1], row[2], row[0].name))
    return [character for character, _scenes, _first in rows]


def number_new_cast(session: Session, production_id: int) -> None:
    """Give roles that have no cast ID the next free IDs, most scenes first (IDs already used stay)."""
    ordered = characters_by_scene_count(session, production_id)
    taken = [c.cast_number for c in session.exec(select(Character).where(Character.production_id == production_id))]
    next_number = max((n for n in taken if n is not None), default=0) + 1
    for character in ordered:
        if character.cast_number is None:
            character.cast_number = next_number
            next_number += 1
    session.flush()


def renumber_cast(session: Session, production_id: int) -> list[FieldChange]:
    """Cast IDs 1, 2, 3… by number of scenes (1 = most), for every role; returns the changes for undo."""
    ordered = characters_by_scene_count(session, production_id)
    return [
        set_field(session, "character", character.id, "cast_number", number)
        for number, character in enumerate(ordered, start=1)
        if character.cast_number != number
    ]
