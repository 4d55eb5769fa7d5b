"""How far each scene's adaptation has come, and the two scripts side by side, as the Script page, the
bilingual script and `script align` read them.

Approving an adaptation keeps a fingerprint of the original's words as approved: a later revision of
the original that changes them shows the pair as "the original changed since this was approved".
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, SQLModel, select

from studio.edit_rules import RowRule, one_of
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import OriginalScene, Scene, SceneAdaptation
from studio.models.enums import AdaptationStatus, RevisionState

STATUS = one_of(AdaptationStatus, _("adaptation status"))


def original_fingerprint(scene: OriginalScene) -> str:
    """The original scene's words (heading and text, markup and spacing aside), as approval keeps them."""
    from studio.scripts.importer import words  # the importer's own comparison of a scene's words

    return hashlib.sha256(f"{words(scene.heading)}\n{words(scene.text)}".encode()).hexdigest()


class Status(RowRule):
    """The adaptation's status; approving keeps the original's words as they are now."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        status = STATUS(value)
        setattr(row, field, status)
        original = row.original_scene_id and _session(row).get(OriginalScene, row.original_scene_id)
        approved = status == AdaptationStatus.APPROVED.value and original
        row.approved_original = original_fingerprint(original) if approved else ""


def yes_or_no(value: Any) -> bool:
    """A pairing confirmed or not."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0"):
        return False
    raise InvalidInput(_("{value} is neither yes nor no").format(value=repr(value)))


def _session(row: SQLModel) -> Session:
    from sqlalchemy.orm import object_session

    return object_session(row)


@dataclass
class SidePair:
    """One row of the two scripts side by side: a pairing, or a shooting scene no original is stored for."""

    adaptation_id: int | None
    version: int | None
    scene: Scene | None
    original: OriginalScene | None
    status: str
    confirmed: bool
    paired_by: str
    score: int
    adapter_note: str
    cultural_note: str
    approved_original: str

    @property
    def original_changed(self) -> bool:
        """Approved, and the original's words are no longer those approved."""
        return (
            self.status == AdaptationStatus.APPROVED.value
            and self.original is not None
            and self.approved_original != original_fingerprint(self.original)
        )

    @property
    def approved(self) -> bool:
        return self.status == AdaptationStatus.APPROVED.value and not self.original_changed


def side_by_side(session: Session, production_id: int) -> list[SidePair]:
    """Every pairing in script order: the shooting script's order, an original scene cut in adaptation
    after the scene its predecessor in the original went to."""
    scenes = {
        scene.id: scene
        for scene in session.exec(
            select(Scene).where(
                Scene.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value
            )
        )
    }
    originals = {
        scene.id: scene
        for scene in session.exec(
            select(OriginalScene).where(
                OriginalScene.production_id == production_id,
                OriginalScene.revision_state != RevisionState.OMITTED.value,
            )
        )
    }
    rows = session.exec(select(SceneAdaptation).where(SceneAdaptation.production_id == production_id)).all()
    pairs = [
        SidePair(
            row.id,
            row.version,
            scenes.get(row.scene_id),
            originals.get(row.original_scene_id),
            row.status,
            row.confirmed,
            row.paired_by,
            row.score,
            row.adapter_note,
            row.cultural_note,
            row.approved_original,
        )
        for row in rows
        if row.scene_id in scenes or row.original_scene_id in originals
    ]
    return sorted(pairs, key=_script_order(pairs))


def _script_order(pairs: list[SidePair]):
    """A shooting scene's place, and a cut original scene just after the pair before it in the original."""
    by_original = sorted((pair for pair in pairs if pair.original), key=lambda pair: pair.original.sort_order)
    place: dict[int, float] = {}
    last = 0.0
    for pair in by_original:
        if pair.scene is not None:
            last = pair.scene.sort_order
        else:
            last += 0.001
        place[id(pair)] = last if pair.scene is None else pair.scene.sort_order
    return lambda pair: (
        pair.scene.sort_order if pair.scene else place[id(pair)],
        pair.original.sort_order if pair.original else 0,
    )


def episode_progress(rows: list, episodes: dict[int, int]) -> list[dict]:
    """Per episode, its scenes (paired, cut or added) by the adaptation's status; an approved one whose
    original changed since counts as changed, not approved."""
    counts: dict[int | None, Counter] = {}
    for row in rows:
        episode = episodes.get(row.scene.episode_id) if row.scene is not None else row.original.episode_number
        counts.setdefault(episode, Counter())["CHANGED_SINCE" if row.original_changed else row.status] += 1
    return [
        {
            "episode": episode,
            "scenes": sum(count.values()),
            **{status.value.lower(): count[status.value] for status in AdaptationStatus},
            "changed_since_approval": count["CHANGED_SINCE"],
        }
        for episode, count in sorted(counts.items(), key=lambda item: -1 if item[0] is None else item[0])
    ]


def _by_episode(session: Session, production_id: int, pairs: list[SidePair]) -> dict[int | None, dict]:
    """Each episode's progress (`episode_progress`) by its number."""
    from studio.models import Episode

    episodes = dict(
        session.exec(select(Episode.id, Episode.number).where(Episode.production_id == production_id)).all()
    )
    return {row["episode"]: row for row in episode_progress(pairs, episodes)}


def script_page_adaptation(session: Session, production_id: int) -> tuple[dict[int, dict], dict[int | None, dict]]:
    """What the Script page shows of the adaptation, from one reading of the pairs (it was read twice, a
    tenth of opening the page): each shooting scene's by scene id, and how far each episode's has come by
    episode number; both empty with no original."""
    pairs = side_by_side(session, production_id)
    return _rows_of(pairs), (_by_episode(session, production_id, pairs) if pairs else {})


def _rows_of(pairs: list[SidePair]) -> dict[int, dict]:
    """Each shooting scene's adaptation as the Script page shows it, by scene id."""
    rows = {}
    for pair in pairs:
        if pair.scene is None:
            continue
        original = pair.original
        rows[pair.scene.id] = {
            "id": pair.adaptation_id,
            "version": pair.version,
            "status": pair.status,
            "shown_status": "CHANGED_SINCE" if pair.original_changed else pair.status,
            "approved": pair.approved,
            "confirmed": pair.confirmed or original is None,
            "original_changed": pair.original_changed,
            "original_number": original.number if original else "",
            "original_heading": original.heading if original else "",
            "original_text": original.text if original else "",
            "adapter_note": pair.adapter_note,
            "cultural_note": pair.cultural_note,
        }
    return rows


def unpaired_originals(session: Session, production_id: int) -> list[dict]:
    """The original's live scenes no shooting scene adapts (cut in adaptation), in the original's order:
    what a scene can be paired with by hand."""
    alone = [pair.original for pair in side_by_side(session, production_id) if pair.scene is None]
    return [
        {"id": scene.id, "number": scene.number, "heading": scene.heading}
        for scene in sorted(alone, key=lambda scene: scene.sort_order)
    ]
