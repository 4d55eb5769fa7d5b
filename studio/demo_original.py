"""The demo's Chinese original: the English shooting script translated back into the script it was adapted
from, with the characters' and sets' Chinese names (resources/demo/contract_bride_original.json).

A few beats that do not play in America exist in the original only (cut in adaptation: a slap, kneeling
before the ancestral tablets, a bride price…), a few Malibu beach scenes in the English script only (added
in adaptation). It is imported and aligned as `import-script --side original` imports it; the adaptation
is approved up to episode 60 and less far after, and a later revision of the original changes two
approved scenes, so they show "the original changed since this was approved".
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlmodel import Session, select

from studio.adaptation import approved_words, original_fingerprint
from studio.models import (
    Character,
    Episode,
    FilmSet,
    OriginalScene,
    Scene,
    SceneAdaptation,
    SceneCharacter,
    ScriptRevision,
)
from studio.models.enums import AdaptationStatus, RevisionState, ScriptSide, TimeOfDay
from studio.resources import load_json
from studio.scripts.importer import import_outline
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script

INT_EXT = {"INT": "内", "EXT": "外", "INT/EXT": "内外"}


def add_original(session: Session, pid: int, action: dict[str, list[str]], extension: dict) -> None:
    """Write the original (White), align it with the scenes, set the adaptation's statuses and notes, then
    revise the original (Blue). A larger production's `extension` adds its sets' words and cut scenes and
    sets its own statuses by episode."""
    spec = load_json("demo/contract_bride_original.json")
    if extension:
        spec = spec | {
            "sets": spec["sets"] | extension["sets"],
            "cut": spec["cut"] + extension["cut"],
            "statuses": extension["statuses"],
        }
    scenes = _english_scenes(session, pid)
    text = _original_text(spec, scenes, action)
    _import(session, pid, spec, text, "White")
    _set_statuses(session, pid, spec)
    _revise(session, pid, spec, "Blue")


class _English:
    """A scene of the English script as the original's writer had it: its set, cast and words."""

    def __init__(self, scene: Scene, episode: int, film_set: FilmSet, cast: list[Character]):
        self.scene = scene
        self.episode = episode
        self.set_name = film_set.name
        self.set_zh = film_set.name_zh
        self.cast = cast


def _english_scenes(session: Session, pid: int) -> list[_English]:
    episodes = dict(session.exec(select(Episode.id, Episode.number).where(Episode.production_id == pid)).all())
    sets = {s.id: s for s in session.exec(select(FilmSet).where(FilmSet.production_id == pid))}
    cast: dict[int, list[Character]] = {}
    rows = session.exec(
        select(SceneCharacter.scene_id, Character)
        .join(Character, Character.id == SceneCharacter.character_id)
        .where(Character.production_id == pid)
        .order_by(SceneCharacter.scene_id)
    )
    for scene_id, character in rows:
        cast.setdefault(scene_id, []).append(character)
    scenes = session.exec(select(Scene).where(Scene.production_id == pid).order_by(Scene.sort_order)).all()
    return [_English(s, episodes[s.episode_id], sets[s.set_id], cast.get(s.id, [])) for s in scenes]


def _original_text(spec: dict, scenes: list[_English], action: dict[str, list[str]]) -> str:
    """The original in the Chinese micro-drama layout."""
    zh_names = {c.name: c.name_zh for english in scenes for c in english.cast}
    set_names = {english.set_name: english for english in scenes}
    added = [e.scene.number for e in scenes if e.set_name == spec["added"]["set"]][: spec["added"]["count"]]
    lengths = Counter(english.episode for english in scenes)
    cut = {}
    for row in spec["cut"]:  # after the episode's Nth scene, or its last when it has fewer
        episode, place = (int(part) for part in row["after"].split("-"))
        cut[episode, min(place, lengths[episode])] = row
    dialogue = dict(zip(load_json("demo/contract_bride.json")["dialogue"], spec["dialogue"], strict=True))
    lines, episode, count, position = [f"《{spec['title']}》"], None, 0, 0
    for english in scenes:
        if english.episode != episode:
            episode, count, position = english.episode, 0, 0
            lines += ["", f"第{episode}集"]
        position += 1
        if english.scene.number not in added:
            count += 1
            lines += _scene(english, f"{episode}-{count}", spec, action, zh_names, dialogue)
        extra = cut.get((episode, position))
        if extra is not None:
            count += 1
            lines += _cut_scene(extra, f"{episode}-{count}", set_names, zh_names)
    return "\n".join(lines) + "\n"


def _heading(number: str, time_of_day: str, int_ext: str, set_zh: str) -> str:
    time = "夜" if time_of_day == TimeOfDay.NIGHT.value else "日"
    return f"{number} {time} {INT_EXT[int_ext]} {set_zh}"


def _scene(english: _English, number: str, spec: dict, action, zh_names: dict, dialogue: dict) -> list[str]:
    scene = english.scene
    blocks = scene.text.split("\n\n")
    # The action names the scene's first speaker, who has its first line.
    first = next(c for c in english.cast if c.name == blocks[1].split("\n", 1)[0])
    templates = action[english.set_name]
    index = next(i for i, template in enumerate(templates) if template.format(a=first.name.title()) == blocks[0])
    lines = [
        "",
        _heading(number, scene.time_of_day, scene.int_ext, english.set_zh),
        "人物：" + "、".join(zh_names[c.name] for c in english.cast),
        "△" + spec["sets"][english.set_name][index].format(a=first.name_zh),
    ]
    for block in blocks[1:]:
        cue, line = block.split("\n", 1)
        lines.append(f"{zh_names[cue]}：{dialogue[line]}")
    return lines


def _cut_scene(row: dict, number: str, set_names: dict, zh_names: dict) -> list[str]:
    english = set_names[row["set"]]
    cast = "、".join(zh_names.get(name, name) for name in row["cast"])
    heading = _heading(number, row["time"], english.scene.int_ext, english.set_zh)
    return ["", heading, f"人物：{cast}", "△" + row["text"][0], *row["text"][1:]]


def _import(session: Session, pid: int, spec: dict, text: str, color: str) -> None:
    outline = build_outline(read_script(text.encode(), spec["source_name"]), spec["source_name"])
    import_outline(
        session,
        outline,
        production_id=pid,
        source_name=spec["source_name"],
        color=color,
        side=ScriptSide.ORIGINAL.value,
    )
    revision = session.exec(
        select(ScriptRevision).where(ScriptRevision.production_id == pid, ScriptRevision.color == color)
    ).one()
    revision.imported_at = datetime.fromisoformat(spec["imported_at"][color])  # the same seed, the same file


def _revise(session: Session, pid: int, spec: dict, color: str) -> None:
    """The original's next revision, as importing it would leave it: a line added to a few scenes (CHANGED),
    the rest UNCHANGED. Written directly: importing and aligning all of it again cost the demo a second."""
    revision = ScriptRevision(
        production_id=pid,
        side=ScriptSide.ORIGINAL.value,
        color=color,
        source_name=spec["source_name"],
        imported_at=datetime.fromisoformat(spec["imported_at"][color]),
    )
    session.add(revision)
    session.flush()
    for original in session.exec(select(OriginalScene).where(OriginalScene.production_id == pid)):
        original.revision_state = RevisionState.UNCHANGED.value
    revised = spec["revised_after_approval"]  # by the shooting script's numbers
    rows = session.exec(
        select(Scene.number, OriginalScene)
        .join(SceneAdaptation, SceneAdaptation.original_scene_id == OriginalScene.id)
        .join(Scene, Scene.id == SceneAdaptation.scene_id)
        .where(OriginalScene.production_id == pid, Scene.number.in_(list(revised)))
    ).all()
    for number, original in rows:
        original.revision_state = RevisionState.CHANGED.value
        original.text += "\n" + revised[number]
        original.revision_id = revision.id
    session.flush()


def _set_statuses(session: Session, pid: int, spec: dict) -> None:
    """Statuses by episode, notes where the spec has them (cultural notes on the cut scenes) and approvals
    with the original's words as approved; a doubtful pair is left for someone to confirm."""
    rows = session.exec(select(SceneAdaptation).where(SceneAdaptation.production_id == pid)).all()
    scenes = {s.id: s for s in session.exec(select(Scene).where(Scene.production_id == pid))}
    episodes = dict(session.exec(select(Episode.id, Episode.number).where(Episode.production_id == pid)).all())
    originals = {o.id: o for o in session.exec(select(OriginalScene).where(OriginalScene.production_id == pid))}
    notes = {row["text"][0]: row["note"] for row in spec["cut"]}
    beach = session.exec(
        select(FilmSet.id).where(FilmSet.production_id == pid, FilmSet.name == spec["added"]["set"])
    ).one()
    for row in rows:
        scene, original = scenes.get(row.scene_id), originals.get(row.original_scene_id)
        episode = episodes.get(scene.episode_id) if scene else original.episode_number
        row.status = next(status for last, status in spec["statuses"] if episode <= last)
        if scene is None:
            row.cultural_note = next((note for first, note in notes.items() if first in original.text), "")
        elif original is None:
            row.adapter_note = spec["added"]["note"] if scene.set_id == beach else ""
        else:
            row.adapter_note = spec["adapter_notes"].get(scene.number, "")
        if row.status == AdaptationStatus.APPROVED.value and original is not None:
            row.approved_original = original_fingerprint(original)
            row.approved_text = approved_words(original)
    session.flush()
