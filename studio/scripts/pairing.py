"""A production's two scripts paired and stored, and the pairing as stored read back.

After either script is imported (first draft or revision) the two are aligned again (`alignment.align`)
over their live scenes. A stored pair whose scenes are both still there is kept as it is, with its
status and notes, whatever the alignment proposes now (a person may have confirmed it); the alignment
pairs only the scenes left unpaired, and every live scene ends in exactly one row, paired or alone (cut
or added in adaptation). A doubtful pair is stored unconfirmed and listed until someone confirms it.

The names' map is the characters' and sets' `name_zh`, proposed from the stored pairs that are sure (the
alignment's, and those confirmed or made by hand: `propose_names`), so it is there while other pairs wait
for confirmation and grows as they are confirmed. A match is stored only when it is sure (`NameMatch.doubt`)
and takes nothing from anyone (a Chinese name already another character's, or one already the original's
name for this one, is listed, never overwritten); a doubtful one is listed, to be made by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sqlalchemy import insert
from sqlmodel import Session, select

from studio.errors import UserError
from studio.i18n import _
from studio.models import Character, Episode, FilmSet, OriginalScene, Scene, SceneAdaptation, SceneCharacter
from studio.models.enums import RevisionState
from studio.scripts.alignment import (
    HAND,
    NUMBER,
    ONE_SCENE,
    ORDER,
    RENUMBERED,
    NameMatch,
    Pair,
    align,
    character_map,
    match_json,
    one_scene,
    set_map,
)
from studio.scripts.original import names_in
from studio.scripts.outline import EpisodeOutline, Outline, SceneOutline

KINDS = {"character": "character", "film_set": "set"}  # the table's kind → the report's word
LIVE = RevisionState.OMITTED.value  # compared with !=: a scene not omitted


def realign(session: Session, production_id: int) -> dict | None:
    """Align the stored scripts again and store the pairs (None: the production has not both scripts yet;
    an original alone is stored as scenes of its own, not yet adapted, for the Script page and the
    bilingual script to show until the shooting script comes)."""
    if not _has(session, OriginalScene, production_id):
        return None
    originals = _live(session, OriginalScene, production_id)
    if not _has(session, Scene, production_id):
        _rows_of_live(session, production_id, set(), {original.id for original in originals})
        _insert_alone(session, production_id, [], [], originals)
        return None
    scenes = _live(session, Scene, production_id)
    rows = _rows_of_live(session, production_id, {s.id for s in scenes}, {o.id for o in originals})
    original_outline, original_ids = _original_outline(originals)
    shooting_outline, scene_ids = _shooting_outline(session, production_id, scenes)
    alignment = align(original_outline, shooting_outline)
    kept = [row for row in rows if row.scene_id is not None and row.original_scene_id is not None]
    alone_scene = {row.scene_id: row for row in rows if row.original_scene_id is None}
    alone_original = {row.original_scene_id: row for row in rows if row.scene_id is None}
    taken = {row.scene_id for row in kept}, {row.original_scene_id for row in kept}
    fresh: list[dict] = []  # new rows, inserted at once (a first import pairs hundreds)
    paired = 0
    for pair in alignment.pairs:
        scene_id, original_id = scene_ids[id(pair.adaptation)], original_ids[id(pair.original)]
        if scene_id in taken[0] or original_id in taken[1]:
            continue
        values = {"scene_id": scene_id, "original_scene_id": original_id, "paired_by": pair.by}
        values |= {"score": round(pair.score * 100), "confirmed": not pair.doubtful}
        row, other = alone_scene.pop(scene_id, None), alone_original.pop(original_id, None)
        if row is None:
            row, other = other, None
        if other is not None:  # the scene's row takes the original: the adaptation's work is on the scene
            session.delete(other)
            session.flush()
        if row is None:
            fresh.append({"production_id": production_id, **values})
        else:
            for field, value in values.items():
                setattr(row, field, value)
        paired += 1
    session.flush()
    _insert_alone(session, production_id, fresh, scenes, originals)
    proposal = _proposal(session, production_id, (original_outline, original_ids), (shooting_outline, scene_ids))
    mapped, problems = _map_names(session, production_id, proposal, originals)
    report = stored_alignment(session, production_id, proposal)
    report["newly_paired"] = paired
    report["names_mapped"] = mapped
    report["ambiguities"] = list(dict.fromkeys([*alignment.numbering, *problems, *report["ambiguities"]]))
    return report


Proposal = tuple[tuple[list[NameMatch], list[str]], tuple[list[NameMatch], list[str]]]  # characters, sets
Give = Callable[[str, int, str], None]


def propose_names(session: Session, production_id: int, give: Give) -> list[dict]:
    """The names' map proposed again from the stored pairs that are sure (after a pairing is confirmed or
    made by hand): each sure match not yet stored given through `give` (the row's kind — `character`,
    `film_set` — its id and its Chinese name), returned as `realign` reports them."""
    originals = _live(session, OriginalScene, production_id)
    proposal = _stored_proposal(session, production_id, originals)
    return _map_names(session, production_id, proposal, originals, give)[0] if proposal else []


def _stored_proposal(session: Session, production_id: int, originals: list[OriginalScene]) -> Proposal | None:
    scenes = _live(session, Scene, production_id)
    if not originals or not scenes:
        return None
    return _proposal(
        session, production_id, _original_outline(originals), _shooting_outline(session, production_id, scenes)
    )


def _proposal(
    session: Session,
    production_id: int,
    originals: tuple[Outline, dict[int, int]],
    scenes: tuple[Outline, dict[int, int]],
) -> Proposal:
    """The characters' and sets' maps proposed from the stored pairs that are confirmed (sure when aligned,
    confirmed or made by hand since)."""
    by_original = {originals[1][id(outline)]: outline for outline in originals[0].scenes}
    by_scene = {scenes[1][id(outline)]: outline for outline in scenes[0].scenes}
    rows = session.exec(
        select(SceneAdaptation.original_scene_id, SceneAdaptation.scene_id, SceneAdaptation.confirmed).where(
            SceneAdaptation.production_id == production_id
        )
    ).all()
    # the alignment's rule on the stored pairs: a confirmed one is sure (a moved one too, once confirmed),
    # one to confirm doubtful, still seen by the rivals' check as the alignment's doubtful pairs are
    pairs = [
        Pair(by_original[original], by_scene[scene], 1.0 if confirmed else 0.0, HAND if confirmed else ORDER)
        for original, scene, confirmed in rows
        if original in by_original and scene in by_scene
    ]
    return character_map(pairs), set_map(pairs)


def _rows(session: Session, model, production_id: int) -> list:
    return session.exec(select(model).where(model.production_id == production_id)).all()


def _has(session: Session, model, production_id: int) -> bool:
    return session.exec(select(model.id).where(model.production_id == production_id)).first() is not None


def _live(session: Session, model, production_id: int) -> list:
    return session.exec(
        select(model)
        .where(model.production_id == production_id, model.revision_state != LIVE)
        .order_by(model.sort_order, model.id)
    ).all()


def _rows_of_live(session: Session, production_id: int, scenes: set[int], originals: set[int]) -> list[SceneAdaptation]:
    """The stored rows, each side a revision omitted let go (a row left with neither side goes)."""
    rows = session.exec(select(SceneAdaptation).where(SceneAdaptation.production_id == production_id)).all()
    left = []
    for row in rows:
        if row.scene_id not in scenes:
            row.scene_id = None
        if row.original_scene_id not in originals:
            row.original_scene_id = None
        if row.scene_id is None and row.original_scene_id is None:
            session.delete(row)
        else:
            left.append(row)
    session.flush()
    return left


def _insert_alone(
    session: Session, production_id: int, fresh: list[dict], scenes: list[Scene], originals: list[OriginalScene]
) -> None:
    """The new pairs, then a row of its own for every live scene of either script still in none."""
    stored = session.exec(
        select(SceneAdaptation.scene_id, SceneAdaptation.original_scene_id).where(
            SceneAdaptation.production_id == production_id
        )
    ).all()
    paired_scenes = {scene for scene, _original in stored} | {values["scene_id"] for values in fresh}
    paired_originals = {original for _scene, original in stored} | {values["original_scene_id"] for values in fresh}
    # every row with the same keys: one statement for them all
    alone = {"production_id": production_id, "paired_by": "", "score": 100, "confirmed": True}
    rows = fresh + [{**alone, "scene_id": s.id, "original_scene_id": None} for s in scenes if s.id not in paired_scenes]
    rows += [{**alone, "scene_id": None, "original_scene_id": o.id} for o in originals if o.id not in paired_originals]
    if rows:
        session.execute(insert(SceneAdaptation), rows)


def _outline(scenes: list[SceneOutline]) -> Outline:
    episodes: dict[int, EpisodeOutline] = {}
    unnumbered = []
    for scene in scenes:
        if scene.episode is None:
            unnumbered.append(scene)
        else:
            episodes.setdefault(scene.episode, EpisodeOutline(scene.episode)).scenes.append(scene)
    return Outline({}, sorted(episodes.values(), key=lambda episode: episode.number), unnumbered)


def _scene_outline(row, episode: int | None, set_name: str, speaking: list[str], listed: list[str]) -> SceneOutline:
    return SceneOutline(
        number=row.number,
        episode=episode,
        heading=row.heading,
        int_ext=row.int_ext,
        time_of_day=row.time_of_day,
        set_name=set_name,
        location="",
        text=row.text,
        eighths=row.page_eighths,
        line=0,
        speaking=speaking,
        listed=listed,
    )


def _original_outline(originals: list[OriginalScene]) -> tuple[Outline, dict[int, int]]:
    outlines = [
        _scene_outline(o, o.episode_number, o.set_name, names_in(o.speaking), names_in(o.listed)) for o in originals
    ]
    return _outline(outlines), {id(outline): o.id for outline, o in zip(outlines, originals, strict=True)}


def _shooting_outline(session: Session, production_id: int, scenes: list[Scene]) -> tuple[Outline, dict[int, int]]:
    """The shooting script's live scenes as its script names them (characters' and sets' script names)."""
    episodes = dict(
        session.exec(select(Episode.id, Episode.number).where(Episode.production_id == production_id)).all()
    )
    sets = {
        s.id: s.script_name or s.name
        for s in session.exec(select(FilmSet).where(FilmSet.production_id == production_id))
    }
    names: dict[int, tuple[list[str], list[str]]] = {scene.id: ([], []) for scene in scenes}
    appearances = session.exec(
        select(SceneCharacter.scene_id, SceneCharacter.speaking, Character.script_name, Character.name)
        .join(Character, Character.id == SceneCharacter.character_id)
        .where(Character.production_id == production_id)
        .order_by(SceneCharacter.scene_id, Character.id)
    ).all()
    for scene_id, speaking, script_name, name in appearances:
        if scene_id in names:
            names[scene_id][0 if speaking else 1].append(script_name or name)
    outlines = [_scene_outline(s, episodes.get(s.episode_id), sets.get(s.set_id, ""), *names[s.id]) for s in scenes]
    return _outline(outlines), {id(outline): s.id for outline, s in zip(outlines, scenes, strict=True)}


def _map_names(
    session: Session, production_id: int, proposal: Proposal, originals: list[OriginalScene], give: Give | None = None
) -> tuple[list[dict], list[str]]:
    """Store the sure matches proposed as the characters' and sets' Chinese names: what was stored, and why
    others were not (doubtful, or taken)."""
    in_original = {name for o in originals for name in names_in(o.speaking) + names_in(o.listed)}
    in_original |= {o.set_name for o in originals}
    mapped: list[dict] = []
    characters, sets = proposal
    problems: list[str] = characters[1] + sets[1]
    settled: set[str] = set()  # a doubtful match someone has made by hand since is no longer to check
    for kind, model, matches in (("character", Character, characters[0]), ("film_set", FilmSet, sets[0])):
        rows = _rows(session, model, production_id)
        by_script = {row.script_name or row.name: row for row in rows}
        for match in matches:
            row = by_script.get(match.adaptation)
            if row is not None and row.name_zh == match.original and match.doubt == ONE_SCENE:
                settled.add(one_scene(match))
            if row is None or row.name_zh == match.original or match.doubtful:
                continue
            problem = _refused_name(match, row, rows, in_original)
            if problem:
                problems.append(problem)
                continue
            mapped.append(
                {"kind": KINDS[kind], "original": match.original, "adaptation": match.adaptation, "was": row.name_zh}
            )
            if give is None:
                row.name_zh = match.original
            else:
                give(kind, row.id, match.original)
    session.flush()
    return mapped, [problem for problem in problems if problem not in settled]


def _refused_name(match: NameMatch, row, rows: list, in_original: set[str]) -> str | None:
    owner = next((other for other in rows if other.name_zh == match.original and other is not row), None)
    if owner is not None:
        return _("{original} is already the Chinese name of {owner}: not given to {name} too").format(
            original=match.original, owner=owner.name, name=row.name
        )
    if row.name_zh and row.name_zh in in_original:
        return _("{name} is {current} in the original already: {original} left to map by hand").format(
            name=row.name, current=row.name_zh, original=match.original
        )
    return None


def stored_alignment(session: Session, production_id: int, proposal: Proposal | None = None) -> dict:
    """The stored pairing as `script align --json` reports it: pairs (each with its status), those to
    confirm, scenes cut and added in adaptation, those not yet adapted, how far each episode's adaptation
    has come, the names' map — the Chinese names stored, and the doubtful matches `proposal` (else proposed
    here) makes for names no one has yet — and what in it is ambiguous."""
    from studio.adaptation import episode_progress, side_by_side

    rows = side_by_side(session, production_id)
    pairs = [row for row in rows if row.scene is not None and row.original is not None]
    originals = [row.original for row in pairs]  # a scene cut in adaptation needs no names mapped
    episodes = dict(
        session.exec(select(Episode.id, Episode.number).where(Episode.production_id == production_id)).all()
    )
    sets = {s.id: s.script_name or s.name for s in _rows(session, FilmSet, production_id)}
    report = {
        "pairs": [_pair_json(row) for row in pairs],
        "doubtful": [_pair_json(row) for row in pairs if not row.confirmed],
        "original_only": [  # cut in adaptation
            _scene_json(row.original, row.original.episode_number, row.original.set_name)
            for row in rows
            if row.scene is None and not row.not_yet_adapted
        ],
        "not_yet_adapted": [  # past the last episode the shooting script reaches: not cut
            _scene_json(row.original, row.original.episode_number, row.original.set_name)
            for row in rows
            if row.not_yet_adapted
        ],
        "shooting_only": [  # added in adaptation
            _scene_json(row.scene, episodes.get(row.scene.episode_id), sets.get(row.scene.set_id, ""))
            for row in rows
            if row.original is None
        ],
        "changed_since_approval": [_pair_json(row) for row in pairs if row.original_changed],
        "episodes": episode_progress(rows, episodes),
    }
    characters = _rows(session, Character, production_id)
    film_sets = _rows(session, FilmSet, production_id)
    spoken = Counter(name for o in originals for name in set(names_in(o.speaking) + names_in(o.listed)))
    if proposal is None:
        proposal = _stored_proposal(session, production_id, originals) or (([], []), ([], []))
    report["names"], character_problems = _stored_map(
        characters,
        proposal[0],
        spoken,
        _("{original} is the Chinese name of {names}: one character of the original mapped to {count}"),
        _("{original} of the original is no character's Chinese name yet"),
    )
    report["sets"], set_problems = _stored_map(
        film_sets,
        proposal[1],
        Counter(o.set_name for o in originals),
        _("{original} is the Chinese name of {names}: one set of the original mapped to {count}"),
        _("{original} of the original is no set's Chinese name yet"),
    )
    report["ambiguities"] = character_problems + set_problems + _missing_cast(session, pairs, characters)
    return report


def _missing_cast(session: Session, pairs: list, characters: list[Character]) -> list[str]:
    """Each confirmed pair whose original lists a character (speaking or there) whose Chinese name is one of
    ours, though the shooting scene's cast has them not (seen only in action, say): to add to its cast."""
    by_zh = {row.name_zh: row for row in characters if row.name_zh}
    cast = set(
        session.exec(
            select(SceneCharacter.scene_id, SceneCharacter.character_id).where(
                SceneCharacter.scene_id.in_([row.scene.id for row in pairs])
            )
        ).all()
    )
    message = _("{scene}: the original lists {original} ({name}) but the shooting script's scene has no {name}")
    found = []
    for row in pairs:
        if not row.confirmed:
            continue
        for zh in dict.fromkeys(names_in(row.original.speaking) + names_in(row.original.listed)):
            character = by_zh.get(zh)
            if character is not None and (row.scene.id, character.id) not in cast:
                found.append(message.format(scene=row.scene.number, original=zh, name=character.name))
    return found


def _stored_map(
    rows: list, proposal: tuple[list[NameMatch], list[str]], counts: Counter, shared: str, unmapped: str
) -> tuple[list[dict], list[str]]:
    """The Chinese names stored, then the doubtful matches proposed for names of the original no one has,
    each with why it is doubtful; the names left with neither."""
    by_zh: dict[str, list] = {}
    for row in rows:
        if row.name_zh in counts:
            by_zh.setdefault(row.name_zh, []).append(row)
    # counted as the alignment counts them (sure or confirmed pairs with both there), else the pairs with it
    proposed = {(match.original, match.adaptation): match.scenes for match in proposal[0]}
    matches = [
        {
            "original": zh,
            "shooting": row.script_name or row.name,
            "scenes": proposed.get((zh, row.script_name or row.name), counts[zh]),
            "doubt": "",
            "doubtful": False,
        }
        for zh, owners in by_zh.items()
        for row in owners
    ]
    doubtful = [match for match in proposal[0] if match.doubtful and match.original not in by_zh]
    matches += [match_json(match) for match in doubtful]
    problems = [
        shared.format(original=zh, names=", ".join(row.name for row in owners), count=len(owners))
        for zh, owners in by_zh.items()
        if len(owners) > 1
    ]
    for match in doubtful:
        if match.doubt == ONE_SCENE:
            problems.append(one_scene(match))
        else:  # the rivals' messages name it
            problems += [message for message in proposal[1] if match.original in message]
    left = counts.keys() - by_zh.keys() - {match.original for match in doubtful}
    problems += [unmapped.format(original=name) for name in sorted(left) if name]
    return matches, list(dict.fromkeys(problems))


def _pair_json(row) -> dict:
    return {
        "original": row.original.number,
        "shooting": row.scene.number,
        "original_heading": row.original.heading,  # to judge the pair by: each side's heading and set
        "shooting_heading": row.scene.heading,
        "score": row.score / 100,
        "by": _paired_by(row),
        "doubtful": not row.confirmed,
        "status": row.status.lower(),
        "original_changed": row.original_changed,
    }


def _paired_by(row) -> str:
    """How the pair was made, as it reads now: paired by a shared number that a revision has changed since
    on one side is renumbered, never "same number" for two numbers."""
    if row.paired_by == NUMBER and row.original.number != row.scene.number:
        return RENUMBERED
    return row.paired_by


def _scene_json(scene, episode: int | None, set_name: str) -> dict:
    return {"number": scene.number, "episode": episode, "set": set_name, "heading": scene.heading}


def _paired_by(row) -> str:
    """How the pair was made, as it reads now: paired by a shared number that a revision has changed since
    on one side is renumbered, never "same number" for two numbers."""
    if row.paired_by == NUMBER and row.original.number != row.scene.number:
        return RENUMBERED
    return row.paired_by


ADAPTATION_COLUMNS = tuple(SceneAdaptation.model_fields)  # a row as undo keeps it


def pair_by_hand(
    session: Session, production_id: int, scene_id: int, original_id: int | None, swap: bool = False
) -> tuple[list, list]:
    """Pair a shooting scene with an original scene (None: with none, added in adaptation), confirmed. The
    scene another scene's original is taken from is left unpaired, or with `swap` takes this scene's
    original in exchange (confirmed too); an original left by both is alone in a row of its own. Each
    scene's row keeps its status and notes. Returns the rows touched as they were, and their ids now."""
    rows = {row.id: row for row in _rows(session, SceneAdaptation, production_id)}
    mine = next((row for row in rows.values() if row.scene_id == scene_id), None)
    theirs = next(
        (row for row in rows.values() if original_id is not None and row.original_scene_id == original_id), None
    )
    if mine is None or (original_id is not None and theirs is None):
        raise UserError(_("this scene or original scene is no longer there (another window may have changed it)"))
    touched = {row.id: row for row in (mine, theirs) if row is not None}
    before = [_values(row) for row in touched.values()]
    left_original = mine.original_scene_id
    swapped = None
    if theirs is not None and theirs is not mine:
        if theirs.scene_id is None:
            session.delete(theirs)
        else:
            theirs.original_scene_id = None
            swapped = theirs if swap and left_original is not None else None
        session.flush()
    _by_hand(mine, original_id)
    session.flush()
    if swapped is not None:
        _by_hand(swapped, left_original)
        session.flush()
    elif left_original is not None and left_original != original_id:
        alone = SceneAdaptation(production_id=production_id, original_scene_id=left_original)
        session.add(alone)
        session.flush()
        touched[alone.id] = alone
    return before, [row.id for row in touched.values() if row in session]


def _by_hand(row: SceneAdaptation, original_id: int | None) -> None:
    row.original_scene_id, row.paired_by, row.score, row.confirmed = original_id, HAND, 100, True


def put_pairings(session: Session, production_id: int, rows: tuple[dict, ...], replacing: tuple[int, ...]) -> list:
    """The rows `replacing` names taken out and `rows` put back as they were (undoing or redoing a pairing
    by hand); returns the rows taken out, as they were."""
    found = [session.get(SceneAdaptation, row_id) for row_id in replacing]
    taken = [_values(row) for row in found if row is not None and row.production_id == production_id]
    for row in found:
        if row is not None:
            session.delete(row)
    session.flush()
    session.add_all(SceneAdaptation(**values) for values in rows)
    session.flush()
    return taken


def _values(row: SceneAdaptation) -> dict:
    return {column: getattr(row, column) for column in ADAPTATION_COLUMNS}
