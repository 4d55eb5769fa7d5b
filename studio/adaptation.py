"""How far each scene's adaptation has come, and the two scripts side by side, as the Script page, the
bilingual script and `script align` read them.

Approving an adaptation keeps a fingerprint of the original's words as approved: a later revision of
the original that changes them shows the pair as "the original changed since this was approved".
"""

from __future__ import annotations

import functools
import hashlib
import re
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
    return fingerprint(scene.heading, scene.text)


def fingerprint(heading: str, text: str) -> str:
    from studio.scripts.importer import words  # the importer's own comparison of a scene's words

    return hashlib.sha256(f"{words(heading)}\n{words(text)}".encode()).hexdigest()


def approved_words(original: OriginalScene) -> str:
    """The original scene's words as approval keeps them (`approved_text`): its heading, then its text."""
    return f"{original.heading}\n{original.text}"


def heading_and_text(kept: str) -> tuple[str, str] | None:
    """`approved_text` as (heading, text); None when the words were not kept (approved before they were)."""
    if not kept:
        return None
    heading, _line, text = kept.partition("\n")
    return heading, text


def _approve(row: SceneAdaptation, original: OriginalScene | None) -> None:
    """The original's words taken as approved as they are now (None: none approved)."""
    row.approved_original = original_fingerprint(original) if original else ""
    row.approved_text = approved_words(original) if original else ""


def flagged_by(session: Session, revised: dict[int, Any]) -> list[dict]:
    """Of the stored original scenes a revision changes (`revised`: id → the revision's scene), those an
    approved adaptation was approved on and whose words it changes: what the revision flags as "the
    original changed since this was approved", as {original, adaptation} numbers."""
    if not revised:
        return []
    rows = session.exec(
        select(SceneAdaptation.approved_original, OriginalScene, Scene.number)
        .join(OriginalScene, OriginalScene.id == SceneAdaptation.original_scene_id)
        .outerjoin(Scene, Scene.id == SceneAdaptation.scene_id)
        .where(
            SceneAdaptation.original_scene_id.in_(list(revised)),
            SceneAdaptation.status == AdaptationStatus.APPROVED.value,
        )
        .order_by(OriginalScene.sort_order)
    ).all()
    flagged = []
    for approved, original, number in rows:
        incoming = revised[original.id]
        if approved != original_fingerprint(original):
            continue  # flagged already, by an earlier revision
        if fingerprint(incoming.heading[:400], incoming.text) == approved:
            continue  # its markup or its reading changed, not its words
        flagged.append({"original": incoming.number, "adaptation": number or ""})
    return flagged


def flagged_scene(pair: dict) -> str:
    """A pair `flagged_by` returns, as the import reports it: the shooting scene and its original."""
    if not pair["adaptation"]:
        return _("original {number} (cut)").format(number=pair["original"])
    return _("{scene} (original {number})").format(scene=pair["adaptation"], number=pair["original"])


class Status(RowRule):
    """The adaptation's status; approving keeps the original's words as they are now (their fingerprint
    and the words), any other status none."""

    also = ("approved_original", "approved_text")

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        status = STATUS(value)
        setattr(row, field, status)
        original = row.original_scene_id and _session(row).get(OriginalScene, row.original_scene_id)
        _approve(row, original if status == AdaptationStatus.APPROVED.value and original else None)


REVIEWED = "reviewed"  # the approved original's words taken as they are now


class ApprovedOriginal(RowRule):
    """The original's words as approved: `REVIEWED` takes them as they are now — an approved scene whose
    original changed since, reviewed and still approved; a fingerprint as stored (undo puts one back, then
    the words with it: `ApprovedText`)."""

    also = ("approved_text",)

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if value != REVIEWED:
            if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}|", value):
                raise InvalidInput(_("{value} is not the fingerprint of an original scene").format(value=repr(value)))
            setattr(row, field, value)
            return
        original = row.original_scene_id and _session(row).get(OriginalScene, row.original_scene_id)
        if row.status != AdaptationStatus.APPROVED.value or not original:
            raise InvalidInput(_("only an approved scene paired with an original can be marked as reviewed"))
        _approve(row, original)


class ApprovedText(RowRule):
    """The original's words as approved, as stored: undo puts them back after their fingerprint
    (`ApprovedOriginal`), so they must be the words of the fingerprint the row holds, or none."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if not isinstance(value, str) or not _words_of(row, value):
            raise InvalidInput(_("these are not the words of the original as approved"))
        setattr(row, field, value)


def _words_of(row: SQLModel, kept: str) -> bool:
    """Whether `kept` are the words the row's fingerprint is of, or none."""
    parts = heading_and_text(kept)
    return parts is None or fingerprint(*parts) == row.approved_original


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
    approved_text: str  # the original's words as approved ("": none kept)
    not_yet_adapted: bool = False  # an original scene past the last episode the adaptation reaches: not cut

    @functools.cached_property  # a pair is read, never changed: its fingerprint is worked out once
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
    after the scene its predecessor in the original went to. An original scene no scene adapts is cut
    only up to the last episode the shooting script reaches; past it, it is not yet adapted (an
    adaptation still being written)."""
    from studio.models import Episode

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
    numbers = dict(session.exec(select(Episode.id, Episode.number).where(Episode.production_id == production_id)).all())
    reach = max((numbers.get(scene.episode_id) or 0 for scene in scenes.values()), default=0)
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
            row.approved_text,
            row.scene_id not in scenes and (originals[row.original_scene_id].episode_number or 0) > reach,
        )
        for row in rows
        if row.scene_id in scenes or row.original_scene_id in originals
    ]
    return sorted(pairs, key=_script_order(pairs))


def _script_order(pairs: list[SidePair]):
    """A shooting scene's place, a cut original scene just after the pair before it in the original, and
    the scenes not yet adapted last."""
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
        pair.not_yet_adapted,  # past the shooting script's end: after all of it, in the original's order
        pair.scene.sort_order if pair.scene else place[id(pair)],
        pair.original.sort_order if pair.original else 0,
    )


def episode_progress(rows: list, episodes: dict[int, int]) -> list[dict]:
    """Per episode, its scenes (paired, cut, added or not yet adapted) by the adaptation's status; an
    approved one whose original changed since counts as changed, not approved; and how many of its
    original's scenes the adaptation has not reached yet."""
    counts: dict[int | None, Counter] = {}
    for row in rows:
        episode = episodes.get(row.scene.episode_id) if row.scene is not None else row.original.episode_number
        count = counts.setdefault(episode, Counter())
        count["CHANGED_SINCE" if row.original_changed else row.status] += 1
        count["NOT_YET"] += row.not_yet_adapted
    return [
        {
            "episode": episode,
            "scenes": sum(count.values()) - count["NOT_YET"],
            **{status.value.lower(): count[status.value] for status in AdaptationStatus},
            "changed_since_approval": count["CHANGED_SINCE"],
            "not_yet_adapted": count["NOT_YET"],
        }
        for episode, count in sorted(counts.items(), key=lambda item: -1 if item[0] is None else item[0])
    ]


@dataclass(frozen=True)
class ScriptPageAdaptation:
    """What the Script page shows of the adaptation, read in one pass over the pairs (all empty: no
    original): each scene's adaptation (`adaptation_rows`), each episode's progress by number, and the
    original's scenes cut in adaptation as rows (`cut_scene_rows`)."""

    rows: dict[int | str, dict]
    episodes: dict[int | None, dict]
    cut: list[dict]


def script_page_adaptation(session: Session, production_id: int) -> ScriptPageAdaptation:
    from studio.models import Episode

    pairs = side_by_side(session, production_id)
    if not pairs:
        return ScriptPageAdaptation({}, {}, [])
    episodes = dict(
        session.exec(select(Episode.id, Episode.number).where(Episode.production_id == production_id)).all()
    )
    return ScriptPageAdaptation(
        adaptation_rows(pairs),
        {row["episode"]: row for row in episode_progress(pairs, episodes)},
        cut_scene_rows(session, production_id, pairs),
    )


def cut_key(original_id: int) -> str:
    """The Script page's key for an original scene cut in adaptation (a shooting scene's is its id)."""
    return f"original:{original_id}"


def adaptation_rows(pairs: list[SidePair]) -> dict[int | str, dict]:
    """Each scene's adaptation as the Script page shows it, by scene id, or by `cut_key` for an original
    scene cut in adaptation; one whose original changed since approval with the words approved, where
    they are kept (`approved_text`; else None)."""
    rows = {}
    for pair in pairs:
        original = pair.original
        was = heading_and_text(pair.approved_text) if pair.original_changed else None
        rows[pair.scene.id if pair.scene else cut_key(original.id)] = {
            "id": pair.adaptation_id,
            "version": pair.version,
            "status": pair.status,
            "shown_status": "CHANGED_SINCE" if pair.original_changed else pair.status,
            "approved": pair.approved,
            "confirmed": pair.confirmed or original is None,
            "cut": pair.scene is None,
            "not_yet_adapted": pair.not_yet_adapted,
            "original_changed": pair.original_changed,
            "original_number": original.number if original else "",
            "original_heading": original.heading if original else "",
            "original_text": original.text if original else "",
            "approved_heading": was[0] if was else None,
            "approved_text": was[1] if was else None,
            "adapter_note": pair.adapter_note,
            "cultural_note": pair.cultural_note,
        }
    return rows


def cut_scene_rows(session: Session, production_id: int, pairs: list[SidePair]) -> list[dict]:
    """The original scenes cut in adaptation as rows of the Script page's scenes, each after the shooting
    scene it follows in script order (`after`: None, first). Names and set as the production maps them
    (`name_zh`), in English where the map knows them, as the original writes them in `*_zh`."""
    from studio.models import Character, FilmSet
    from studio.scripts.original import names_in

    characters = {zh: name for name, zh in session.exec(_names(Character, production_id)) if zh}
    sets = {zh: name for name, zh in session.exec(_names(FilmSet, production_id)) if zh}
    rows, after = [], None
    for pair in pairs:
        if pair.scene is not None:
            after = pair.scene.id
            continue
        original = pair.original
        names = list(dict.fromkeys(names_in(original.speaking) + names_in(original.listed)))
        rows.append(
            {
                "id": cut_key(original.id),
                "scene_id": None,
                "after": after,
                "versions": {},
                "episode": original.episode_number,
                "number": original.number,
                "int_ext": original.int_ext,
                "set_id": None,
                "set": sets.get(original.set_name, original.set_name),
                "set_zh": original.set_name,
                "time_of_day": original.time_of_day,
                "eighths": original.page_eighths,
                "characters": ", ".join(characters.get(name, name) for name in names),
                "characters_zh": ", ".join(names),
                "synopsis": "",
                "shots": "",
                "text": "",
                "notes": "",
                "heading": original.heading,
                "revision": "NOT_YET_ADAPTED" if pair.not_yet_adapted else "CUT",
            }
        )
    return rows


def _names(model, production_id: int):
    return select(model.name, model.name_zh).where(model.production_id == production_id)


def original_choices(session: Session, production_id: int) -> list[dict]:
    """The original's live scenes in its order, each with the shooting scene that adapts it (if any): what
    a scene can be paired with by hand."""
    pairs = [pair for pair in side_by_side(session, production_id) if pair.original is not None]
    return [
        {
            "id": pair.original.id,
            "number": pair.original.number,
            "heading": pair.original.heading,
            "scene_id": pair.scene.id if pair.scene else None,
            "scene_number": pair.scene.number if pair.scene else "",
        }
        for pair in sorted(pairs, key=lambda pair: pair.original.sort_order)
    ]


def changes_since_approval(approved: str, now: str) -> list[tuple[str, str]]:
    """The original's text as approved against it now, line by line: ("", line) the same, ("-", line) as
    approved only, ("+", line) now only — removed lines before the lines that replace them."""
    import difflib

    before, after = approved.splitlines(), now.splitlines()
    lines: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [("", line) for line in before[i1:i2]]
            continue
        lines += [("-", line) for line in before[i1:i2]]
        lines += [("+", line) for line in after[j1:j2]]
    return lines
