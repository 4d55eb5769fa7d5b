"""Importing a script (one file or one per episode) into a production, as a first draft or a revision.

A revision is matched scene by scene: by number first, then (for numbers the production never had)
by content similarity, so a renumbered scene keeps its work. Matched scenes keep their rows — and
with them breakdown tags, cast links and schedule placement; changed ones are updated, new ones
added, and scenes the revision no longer has are marked OMITTED with their numbers, never deleted.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, delete, select

from studio.breakdown import number_new_cast
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import Character, Episode, FilmSet, Location, Production, Scene, SceneCharacter, ScriptRevision
from studio.models.enums import RevisionState, ScriptSide
from studio.productions import ProductionDetails, create_production, get_production, list_productions
from studio.schedule.strips import ensure_strips
from studio.scripts.eighths import columns
from studio.scripts.elements import REVISION_COLORS, Element, Kind, ScriptError
from studio.scripts.names import key as name_key
from studio.scripts.outline import Outline, SceneOutline, is_background
from studio.scripts.script_language import same_language
from studio.scripts.zh_text import fold

ROUND_PREFIXES = ["", "Double ", "Triple ", "Quadruple "]
SIMILAR_ENOUGH = 0.75  # a scene found elsewhere by its content
# A scene not found under its number is compared in full (difflib, milliseconds a pair) with the stored
# scenes that share the most pairs of adjacent characters with it: a scene that reads 75% like another
# shares most of its pairs, and a script set against a long series compares each scene with these few
# rather than with every one (seconds for a small script against 500 scenes).
CANDIDATES = 10
SAME_SCENE = 0.5  # a scene under its old number that still reads like itself
EMPHASIS = re.compile(r"[*_]+")
NOTE_MARKS = {Kind.NOTE: ("[[", "]]"), Kind.BONEYARD: ("/* ", " */")}


@dataclass
class ImportResult:
    production_id: int
    revision: str
    episodes: int
    scenes: int
    characters: int
    sets: int
    pages_eighths: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    # Scenes whose words did not change but in which the script now finds someone more (a cue it reads as
    # one now, a name in the action): linked to them, the links they have kept.
    cast_added: list[str] = field(default_factory=list)
    flagged: list[dict] = field(default_factory=list)  # approved pairs whose original this revision changes
    side: str = ScriptSide.SHOOTING.value
    alignment: dict | None = None  # how the two scripts pair, once the production has an original

    def to_json(self) -> dict:
        return {
            "production_id": self.production_id,
            "revision": self.revision,
            "episodes": self.episodes,
            "scenes": self.scenes,
            "characters": self.characters,
            "sets": self.sets,
            "pages_eighths": self.pages_eighths,
            "added": len(self.added),
            "changed": len(self.changed),
            "omitted": len(self.omitted),
            "added_scenes": self.added,
            "changed_scenes": self.changed,
            "omitted_scenes": self.omitted,
            "cast_added_scenes": self.cast_added,
            "flagged_since_approval": self.flagged,
            "side": self.side.lower(),
            **({"alignment": self.alignment} if self.alignment is not None else {}),
        }


def import_outline(
    session: Session,
    outline: Outline,
    *,
    production_id: int | None = None,
    new_production: bool = False,
    source_name: str = "",
    source_sha256: str = "",
    color: str | None = None,
    side: str = ScriptSide.SHOOTING.value,
) -> ImportResult:
    """Import or re-import the outline into one transaction's session: the shooting script (its scenes are
    the production's) or the original it adapts (kept apart); either realigns the two once both are there."""
    from studio.scripts.original import write_original
    from studio.scripts.pairing import realign

    _check_unique_numbers(outline, source_name)
    production = _target_production(session, outline, production_id, new_production, source_name, side)
    pid = production.id
    result = ImportResult(
        side=side,
        production_id=pid,
        revision=production.revision_color,
        episodes=len(outline.episodes),
        scenes=len(outline.scenes),
        characters=len(outline.characters()),
        sets=len({scene.set_name for scene in outline.scenes}),
        pages_eighths=sum(scene.eighths for scene in outline.scenes),
    )
    same_language(session, pid, outline, side, source_name)
    revisions = _revisions(pid, side)
    latest = session.exec(revisions.order_by(ScriptRevision.id.desc())).first()
    if latest is not None and source_sha256 and latest.source_sha256 == source_sha256:
        result.revision = latest.color
        return result  # the very file imported last: nothing to revise
    revision = ScriptRevision(
        production_id=pid,
        side=side,
        color=color or outline.revision_color or _next_color(session, revisions),
        source_name=source_name[:400],
        source_sha256=source_sha256,
        notes=script_notes(outline),
    )
    session.add(revision)
    session.flush()
    result.revision = revision.color
    if side == ScriptSide.ORIGINAL.value:
        write_original(session, pid, revision.id, outline, result)
    else:
        production.revision_color = revision.color
        _Writer(session, pid, revision.id).write(outline, result)
        number_new_cast(session, pid)
        ensure_strips(session, pid)  # new scenes wait in the boneyard
    result.alignment = realign(session, pid)
    return result


def _revisions(production_id: int, side: str):
    return select(ScriptRevision).where(ScriptRevision.production_id == production_id, ScriptRevision.side == side)


def script_notes(outline: Outline) -> str:
    """The writer's notes (`[[…]]`) and boneyard (`/* … */`) written outside any scene, as the revision keeps
    them, in the script's order (those written in a scene are the scene's: `scene_notes`)."""
    placed = {id(passage) for scene in outline.scenes for passage in scene.notes}
    return _passages(passage for passage in outline.notes if passage.kind in NOTE_MARKS and id(passage) not in placed)


def scene_notes(scene: SceneOutline) -> str:
    """The notes and boneyard written in a scene (Final Draft's ScriptNotes among them), as its notes column
    keeps them."""
    return _passages(scene.notes)


def _passages(passages: Iterable[Element]) -> str:
    return "\n\n".join(
        f"{NOTE_MARKS[passage.kind][0]}{passage.text}{NOTE_MARKS[passage.kind][1]}" for passage in passages
    )


def preview_import(session: Session, outline: Outline, **options) -> ImportResult:
    """What importing would do (scenes added, changed, omitted), leaving the database as it is."""
    try:
        return import_outline(session, outline, **options)
    finally:
        session.rollback()


def _check_unique_numbers(outline: Outline, source: str) -> None:
    lines: dict[str, int] = {}
    for scene in outline.scenes:
        if scene.number in lines:
            raise ScriptError(
                source,
                _("scene {number} appears twice (also at line {other})").format(
                    number=scene.number, other=lines[scene.number]
                ),
                scene.line,
            )
        lines[scene.number] = scene.line


def _target_production(
    session: Session, outline: Outline, production_id: int | None, new_production: bool, source: str, side: str
) -> Production:
    """The production the script goes into, made for it if there is none. The original names the show in
    Chinese only (`title_zh`, when it has none yet): it is untitled in English until its shooting script
    comes with a title."""
    title = outline.title_page.get("title", "").split("\n")[0].strip(" *_") or Path(source).stem
    if not new_production and (production_id is not None or list_productions(session)):
        production = get_production(session, production_id)
        if side == ScriptSide.SHOOTING.value and title and not _chinese(title) and _untitled(session, production):
            production.title = title[:200]
        if side == ScriptSide.ORIGINAL.value and not production.title_zh:
            production.title_zh = _chinese(title)[:200]
        return production
    details = ProductionDetails(title=title[:200] or _("Untitled"), title_zh=_chinese(title)[:200])
    if side == ScriptSide.ORIGINAL.value:
        details = ProductionDetails(title=_("Untitled"), title_zh=details.title_zh)
    try:
        return create_production(session, details)
    except InvalidInput as error:  # the title page's title, checked as a typed title is
        raise ScriptError(source, str(error)) from None


def _untitled(session: Session, production: Production) -> bool:
    """Whether the production is still untitled in English as its original's import made it: no shooting
    script yet."""
    return (
        production.title in ("Untitled", _("Untitled"))
        and not session.exec(_revisions(production.id, ScriptSide.SHOOTING.value)).first()
    )


def _chinese(name: str) -> str:
    """A name for the Chinese column: the script's own when it is written in Chinese (or Japanese, Korean)."""
    return name if any(columns(char) == 2 for char in name) else ""


def _next_color(session: Session, revisions) -> str:
    """White, Blue, Pink … Cherry, then Double White, Double Blue …, Triple White … (each script its own)."""
    earlier = len(session.exec(revisions).all())
    rounds, index = divmod(earlier, len(REVISION_COLORS))
    prefix = ROUND_PREFIXES[rounds] if rounds < len(ROUND_PREFIXES) else f"{rounds + 1}x "
    return prefix + REVISION_COLORS[index]


class _ByName:
    """The production's rows by what the script calls them, however it cases or spaces it (`names.key`): a
    revision that writes `int. chloe's apartment` as `INT. CHLOE'S APARTMENT` is the same set and location,
    a cue written MCCLANE the same character as McCLANE."""

    def __init__(self, rows: list, name: Callable[[Any], str]):
        self._rows = {name_key(name(row)): row for row in rows}

    def get(self, name: str):
        return self._rows.get(name_key(name))

    def __setitem__(self, name: str, row) -> None:
        self._rows[name_key(name)] = row


class _Writer:
    def __init__(self, session: Session, production_id: int, revision_id: int):
        self.session = session
        self.pid = production_id
        self.revision_id = revision_id
        self.episodes = {episode.number: episode for episode in self._rows(Episode)}
        self.sets = _ByName(self._rows(FilmSet), lambda film_set: film_set.script_name or film_set.name)
        self.locations = _ByName(self._rows(Location), lambda location: location.name)
        self.characters = _ByName(self._rows(Character), lambda character: character.script_name or character.name)

    def _rows(self, model) -> list:
        return list(self.session.exec(select(model).where(model.production_id == self.pid)))

    def write(self, outline: Outline, result: ImportResult) -> None:
        for episode in outline.episodes:  # every scene's episode is among them
            self._episode(episode.number, episode.title)
        self.session.flush()  # the new ones in one statement, and their ids for the scenes
        for name in outline.characters():
            self._character(name)
        existing = self.session.exec(select(Scene).where(Scene.production_id == self.pid)).all()
        matches = match_scenes(outline.scenes, existing)
        matched_ids = {scene.id for scene in matches.values()}
        revised = {key for key, scene in matches.items() if self._differs(scene, by_key(outline, key))}
        cut = [s for s in existing if s.id not in matched_ids and s.revision_state != RevisionState.OMITTED.value]
        result.omitted.extend(scene.number for scene in cut)
        free_numbers(self.session, outline, existing, matches)
        written: list[tuple[int, SceneOutline]] = []  # each scene written: its id, what it now holds
        added: list[tuple[int, SceneOutline]] = []  # new scenes: their place in the script, what they hold
        for scene, incoming, order in rows_to_write(outline, matches, revised, result, _renew_notes):
            if scene is None:
                added.append((order, incoming))
                continue
            values = self._values(incoming, order)
            if not values["synopsis"]:
                del values["synopsis"]  # a revision without one keeps the synopsis typed
            for name, value in values.items():
                setattr(scene, name, value)
            scene.revision_id = self.revision_id
            written.append((scene.id, incoming))
        for scene in cut:
            scene.revision_state = RevisionState.OMITTED.value
            scene.revision_id = self.revision_id
        self.session.flush()
        written += zip(self._add_scenes(added), [incoming for _order, incoming in added], strict=True)
        self._cast(written, matched_ids)
        unchanged = [(scene, by_key(outline, key)) for key, scene in matches.items() if key not in revised]
        result.cast_added.extend(self._cast_added(unchanged))

    def _add_scenes(self, added: list[tuple[int, SceneOutline]]) -> list[int]:
        """Insert the new scenes in one statement (no ORM objects: a whole series is new at its first import);
        their ids, in order."""
        if not added:
            return []
        new = {"production_id": self.pid, "revision_state": RevisionState.NEW.value, "revision_id": self.revision_id}
        rows = [{**new, **self._values(incoming, order)} for order, incoming in added]
        return list(
            self.session.execute(insert(Scene).returning(Scene.id, sort_by_parameter_order=True), rows).scalars()
        )

    def _values(self, incoming: SceneOutline, order: int) -> dict:
        """What a written scene holds, by column."""
        return {
            "number": incoming.number,
            "sort_order": order,
            "episode_id": self._episode(incoming.episode).id if incoming.episode is not None else None,
            "heading": incoming.heading[:400],
            "int_ext": incoming.int_ext,
            "time_of_day": incoming.time_of_day,
            "set_id": self._set(incoming.set_name, incoming.location).id,
            "text": incoming.text,
            "notes": scene_notes(incoming),
            "page_eighths": incoming.eighths,
            "synopsis": incoming.synopsis,
        }

    def _differs(self, scene: Scene, incoming: SceneOutline) -> bool:
        """Whether the revision changes the scene: its words, not their markup or spacing (the same draft in
        Fountain and in Final Draft differs in `_emphasis_` and trailing spaces only)."""
        film_set = self.sets.get(incoming.set_name)
        episode = self.episodes.get(incoming.episode)
        return (
            scene.revision_state == RevisionState.OMITTED.value
            or scene.number != incoming.number
            or _heading_words(scene.heading, scene.number) != _heading_words(incoming.heading[:400], incoming.number)
            or words(scene.text) != words(incoming.text)
            or scene.int_ext != incoming.int_ext
            or scene.time_of_day != incoming.time_of_day
            or scene.page_eighths != incoming.eighths
            or film_set is None
            or scene.set_id != film_set.id
            or (episode.id if episode else None) != scene.episode_id
        )

    def _cast(self, written: list[tuple[int, SceneOutline]], matched_ids: set[int]) -> None:
        """Who is in each written scene: replaced for revised scenes, other breakdown tags untouched."""
        revised = [scene_id for scene_id, _incoming in written if scene_id in matched_ids]
        if revised:
            self.session.exec(delete(SceneCharacter).where(SceneCharacter.scene_id.in_(revised)))
        rows = [
            {"scene_id": scene_id, "character_id": self._character(name).id, "speaking": speaking}
            for scene_id, incoming in written
            for names, speaking in ((incoming.speaking, True), (incoming.listed, False))
            for name in names
        ]
        if rows:  # one statement, no ORM objects: a long series links a few thousand
            self.session.execute(insert(SceneCharacter), rows)

    def _cast_added(self, unchanged: list[tuple[Scene, SceneOutline]]) -> list[str]:
        """Who the script now finds in scenes whose words did not change, linked where they are not yet; a link
        the producer made, or an earlier import, stays. The scenes' numbers."""
        if not unchanged:
            return []
        ids = [scene.id for scene, _incoming in unchanged]
        linked = set(
            self.session.exec(
                select(SceneCharacter.scene_id, SceneCharacter.character_id).where(SceneCharacter.scene_id.in_(ids))
            )
        )
        rows = [
            {"scene_id": scene.id, "character_id": character.id, "speaking": speaking}
            for scene, incoming in unchanged
            for names, speaking in ((incoming.speaking, True), (incoming.listed, False))
            for name in names
            if (scene.id, (character := self._character(name)).id) not in linked
        ]
        if rows:
            self.session.execute(insert(SceneCharacter), rows)
        numbers = {scene.id: scene.number for scene, _incoming in unchanged}
        return list(dict.fromkeys(numbers[row["scene_id"]] for row in rows))

    def _episode(self, number: int, title: str = "") -> Episode:
        """The production's episode `number`; a new one is inserted at the next flush."""
        episode = self.episodes.get(number)
        if episode is None:
            episode = Episode(production_id=self.pid, number=number, title=title[:200])
            self.session.add(episode)
            self.episodes[number] = episode
        elif title and not episode.title:
            episode.title = title[:200]
        return episode

    def _character(self, name: str) -> Character:
        character = self.characters.get(name)
        if character is None:
            character = Character(
                production_id=self.pid,
                name=name,
                name_zh=_chinese(name)[:200],
                script_name=name,
                is_background=is_background(name),
            )
            self.session.add(character)
            self.session.flush()
            self.characters[name] = character
        return character

    def _set(self, name: str, location_name: str) -> FilmSet:
        film_set = self.sets.get(name)
        if film_set is None:
            location = self.locations.get(location_name)
            if location is None:
                location = Location(
                    production_id=self.pid, name=location_name[:200], name_zh=_chinese(location_name)[:200]
                )
                self.session.add(location)
                self.session.flush()
                self.locations[location_name] = location
            film_set = FilmSet(
                production_id=self.pid, name=name, name_zh=_chinese(name), script_name=name, location_id=location.id
            )
            self.session.add(film_set)
            self.session.flush()
            self.sets[name] = film_set
        return film_set


def rows_to_write(
    outline: Outline,
    matches: dict[int, Any],
    revised: set[int],
    result: ImportResult,
    unchanged: Callable[[Any, SceneOutline], None] | None = None,
) -> list[tuple[Any | None, SceneOutline, int]]:
    """Each scene of the revision that must be written, with its stored row (None for a scene not stored
    yet: the caller makes it NEW) and its place; stored rows are marked CHANGED (`revised`: ids of the
    outline's scenes) or UNCHANGED, and an unchanged one only takes its place (and what `unchanged` gives it)."""
    written = []
    for order, incoming in enumerate(outline.scenes, start=1):
        row = matches.get(id(incoming))
        if row is None:
            result.added.append(incoming.number)
        elif id(incoming) in revised:
            row.revision_state = RevisionState.CHANGED.value
            result.changed.append(incoming.number)
        else:
            row.sort_order = order
            row.revision_state = RevisionState.UNCHANGED.value
            if unchanged is not None:
                unchanged(row, incoming)
            continue
        written.append((row, incoming, order))
    return written


def _renew_notes(scene: Scene, incoming: SceneOutline) -> None:
    """The same words: the scene's notes may still be new (they are not what "changed" means)."""
    scene.notes = scene_notes(incoming)


def free_numbers(session: Session, outline: Outline, existing: list, matches: dict[int, Any]) -> None:
    """Give every stored scene its number for this revision without ever holding two equal numbers:
    matched scenes take the revision's number; an unmatched (omitted) scene keeps its own unless a
    scene of the revision now uses it, in which case it is kept as "12-3 (omitted)"."""
    final = {scene.id: incoming.number for incoming in outline.scenes if (scene := matches.get(id(incoming)))}
    live = {scene.number for scene in outline.scenes}
    taken = set(live)
    for scene in existing:
        if scene.id not in final:
            number = scene.number
            if number in live:
                number = _retired_number(scene.number, taken)
            final[scene.id] = number
            taken.add(number)
    moving = [scene for scene in existing if final[scene.id] != scene.number]
    for scene in moving:
        scene.number = f"~{scene.id}"
    session.flush()
    for scene in moving:
        if not any(scene is matched for matched in matches.values()):
            scene.number = final[scene.id]
    session.flush()


def by_key(outline: Outline, key: int) -> SceneOutline:
    return next(scene for scene in outline.scenes if id(scene) == key)


def _retired_number(number: str, taken: set[str]) -> str:
    candidate, count = f"{number} (omitted)", 1
    while candidate in taken:
        count += 1
        candidate = f"{number} (omitted {count})"
    return candidate[:20]


def words(text: str) -> str:
    """Text as a revision is compared: its words, without emphasis marks (`_I_`, `**`), spacing, case or the
    width of its characters."""
    return " ".join(fold(EMPHASIS.sub("", text)).casefold().split())


def _heading_words(heading: str, number: str) -> str:
    """A heading's words, without the scene number some layouts write first (`1-1 日 内 办公室`)."""
    first, _space, rest = words(heading).partition(" ")
    return rest if first.strip("#*【】[]场第") == number.casefold() else words(heading)


@dataclass(frozen=True)
class _Content:
    """A scene's heading and text as compared, with how often each character, and each pair of adjacent
    characters, occurs in them."""

    text: str
    counts: Counter

    @classmethod
    def of(cls, heading: str, text: str) -> _Content:
        compared = f"{words(heading)}\n{words(text)}"
        return cls(compared, Counter(compared))

    @functools.cached_property  # only when a scene is looked for by its content, not on every import
    def pairs(self) -> Counter:
        return Counter(self.text[i : i + 2] for i in range(len(self.text) - 1))

    def shared_pairs(self, other: _Content) -> int:
        small, large = sorted((self.pairs, other.pairs), key=len)
        return sum(min(count, large[pair]) for pair, count in small.items())


def _matcher(incoming: _Content) -> SequenceMatcher:
    """A matcher holding the incoming scene: it indexes the scene once for all the stored scenes it meets."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(incoming.text)
    return matcher


def _similarity(stored: _Content, incoming: _Content, matcher: SequenceMatcher, floor: float) -> float:
    """How alike a stored scene's content and the matcher's incoming scene read (heading and text), 0 to 1; 0
    when below `floor`. Cheap bounds first, as difflib's quick ratios, but from character counts made once per
    scene: difflib counts the stored scene's characters again for every pair, seconds for a script against a
    long series it does not revise."""
    total = len(stored.text) + len(incoming.text)
    if 2 * min(len(stored.text), len(incoming.text)) < floor * total:
        return 0.0
    small, large = sorted((stored.counts, incoming.counts), key=len)
    if 2 * sum(min(count, large[char]) for char, count in small.items()) < floor * total:
        return 0.0
    matcher.set_seq1(stored.text)
    return matcher.ratio()


def match_scenes(incoming: list[SceneOutline], existing: list) -> dict[int, Any]:
    """Pair each incoming scene with the stored one it revises.

    1. The same number, when the scene still reads like itself (a renumbering script does not
       move one scene's breakdown onto another);
    2. otherwise the most similar stored scene left, omitted ones included (a cut scene may return),
       among the CANDIDATES sharing the most of its pairs of characters;
    3. otherwise the same number after all: a scene rewritten in place is still that scene.
    """
    by_number = {scene.number: scene for scene in existing}
    content = {stored.id: _Content.of(stored.heading, stored.text) for stored in existing}  # once, not per pair
    arriving = {id(scene): _Content.of(scene.heading, scene.text) for scene in incoming}
    matches: dict[int, Scene] = {}
    for scene in incoming:
        stored, new = by_number.get(scene.number), arriving[id(scene)]
        if stored is not None and _similarity(content[stored.id], new, _matcher(new), SAME_SCENE) >= SAME_SCENE:
            matches[id(scene)] = stored
    used = {stored.id for stored in matches.values()}
    candidates = [stored for stored in existing if stored.id not in used]
    for scene in incoming:
        if id(scene) in matches or not candidates:
            continue
        new = arriving[id(scene)]
        best, best_ratio, matcher = None, SIMILAR_ENOUGH, _matcher(new)
        likeliest = sorted(candidates, key=lambda stored: -content[stored.id].shared_pairs(new))[:CANDIDATES]
        for candidate in likeliest:
            ratio = _similarity(content[candidate.id], new, matcher, best_ratio)
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
        if best is not None:
            matches[id(scene)] = best
            candidates.remove(best)
    used = {stored.id for stored in matches.values()}
    for scene in incoming:
        stored = by_number.get(scene.number)
        if id(scene) not in matches and stored is not None and stored.id not in used:
            matches[id(scene)] = stored
            used.add(stored.id)
    return matches
