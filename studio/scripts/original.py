"""The original a show is adapted from, written into `original_scene` as a first draft or a revision.

A revision of the original is matched as the shooting script's is (`importer.match_scenes`: by number,
then by content): a matched scene keeps its row, and with it its pairing, its adaptation's status and
notes; a scene the revision no longer has is marked OMITTED, never deleted. The original's names and set
are kept in its own words: the production's characters and sets know them by their `name_zh`.
"""

from __future__ import annotations

from sqlmodel import Session, select

from studio.adaptation import flagged_by
from studio.models import OriginalScene, Scene
from studio.models.enums import RevisionState, ScriptSide
from studio.scripts.importer import ImportResult, by_key, free_numbers, match_scenes, rows_to_write, words
from studio.scripts.outline import Outline, SceneOutline


def write_original(
    session: Session, production_id: int, revision_id: int, outline: Outline, result: ImportResult
) -> None:
    existing = session.exec(select(OriginalScene).where(OriginalScene.production_id == production_id)).all()
    matches = match_scenes(outline.scenes, existing)
    matched = {scene.id for scene in matches.values()}
    revised = {key for key, scene in matches.items() if _differs(scene, by_key(outline, key))}
    free_numbers(session, outline, existing, matches)
    result.flagged = flagged_by(
        session, {scene.id: by_key(outline, key) for key, scene in matches.items() if key in revised}
    )
    for stored, incoming, order in rows_to_write(outline, matches, revised, result):
        scene = stored or OriginalScene(production_id=production_id, revision_state=RevisionState.NEW.value)
        _fill(scene, incoming, order)
        scene.revision_id = revision_id
        session.add(scene)
    for scene in existing:
        if scene.id not in matched and scene.revision_state != RevisionState.OMITTED.value:
            scene.revision_state = RevisionState.OMITTED.value
            scene.revision_id = revision_id
            result.omitted.append(scene.number)
    session.flush()


def _fill(scene: OriginalScene, incoming: SceneOutline, order: int) -> None:
    scene.number = incoming.number
    scene.sort_order = order
    scene.episode_number = incoming.episode
    scene.heading = incoming.heading[:400]
    scene.int_ext = incoming.int_ext
    scene.time_of_day = incoming.time_of_day
    scene.set_name = incoming.set_name[:200]
    scene.speaking = "\n".join(incoming.speaking)
    scene.listed = "\n".join(incoming.listed)
    scene.text = incoming.text
    scene.page_eighths = incoming.eighths


def _differs(scene: OriginalScene, incoming: SceneOutline) -> bool:
    """Whether the revision changes the scene: its words or what the alignment reads (not its markup)."""
    return (
        scene.revision_state == RevisionState.OMITTED.value
        or scene.number != incoming.number
        or words(scene.heading) != words(incoming.heading[:400])
        or words(scene.text) != words(incoming.text)
        or (scene.int_ext, scene.time_of_day, scene.page_eighths)
        != (incoming.int_ext, incoming.time_of_day, incoming.eighths)
        or scene.episode_number != incoming.episode
        or names_in(scene.speaking) != incoming.speaking
    )


def names_in(column: str) -> list[str]:
    """The names an original scene's `speaking` or `listed` holds (one a line)."""
    return [name for name in column.split("\n") if name]


def likely_side(session: Session, production_id: int | None, outline: Outline) -> str:
    """Which of a show's two scripts one read for this production most likely is, to offer first: the
    original when it is written in Chinese and the production's shooting script is not (a Chinese script
    adapted to be shot in English); else the shooting script, as always for a new production."""
    if production_id is None:
        return ScriptSide.SHOOTING.value
    stored = session.exec(select(Scene.text).where(Scene.production_id == production_id).limit(50)).all()
    incoming = [scene.text for scene in outline.scenes[:50]]
    if stored and _mostly_chinese(incoming) and not _mostly_chinese(stored):
        return ScriptSide.ORIGINAL.value
    return ScriptSide.SHOOTING.value


def _mostly_chinese(texts: list[str]) -> bool:
    """More Chinese characters than Latin letters (names and places in the other script do not count)."""
    text = "".join(texts)
    chinese = sum("\u4e00" <= char <= "\u9fff" for char in text)
    return chinese > sum(char.isascii() and char.isalpha() for char in text)
