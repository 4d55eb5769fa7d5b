"""An adaptation of a parsed script, generated deterministically, with the true pairs known: for the
alignment's benchmark and tests.

Every character and set is renamed consistently (ROLE 1, SET 1: another language as far as the alignment
can tell), each scene's length changes by up to a quarter, and a share of the scenes is cut, has a new
scene added after it, or swaps places with the next; the adaptation's scenes are numbered afresh, or keep
the original's numbers (an added scene numbered after the one before it: 12-3A).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from studio.models.enums import IntExt, TimeOfDay
from studio.scripts.outline import EpisodeOutline, Outline, SceneOutline


@dataclass
class Adaptation:
    outline: Outline
    pairs: set[tuple[int, int]]  # (id of the original's scene, id of the adaptation's)
    cut: set[int]  # ids of the original's scenes
    added: set[int]  # ids of the adaptation's


def adapt(original: Outline, seed: int = 1, changes: float = 0.1, renumber: bool = True) -> Adaptation:
    rng = random.Random(seed)
    names = _renaming(sorted(original.characters()), "ROLE")
    sets = _renaming(sorted({scene.set_name for scene in original.scenes}), "SET")
    adaptation = Adaptation(Outline({}, [], []), set(), set(), set())
    for episode in original.episodes:
        scenes = []
        for scene in episode.scenes:
            change = rng.choice(("cut", "add", "swap")) if rng.random() < changes else None
            if change == "cut":
                adaptation.cut.add(id(scene))
                continue
            adapted = _renamed(scene, names, sets, rng)
            adaptation.pairs.add((id(scene), id(adapted)))
            scenes.append(adapted)
            if change == "add":
                scenes.append(
                    _new_scene(f"{adapted.number}A", episode.number, list(names.values()), list(sets.values()), rng)
                )
                adaptation.added.add(id(scenes[-1]))
            elif change == "swap" and len(scenes) > 1:
                scenes[-2], scenes[-1] = scenes[-1], scenes[-2]
        for index, scene in enumerate(scenes if renumber else [], start=1):
            scene.number = f"{episode.number}-{index}"
        adaptation.outline.episodes.append(EpisodeOutline(episode.number, episode.title, scenes))
    return adaptation


def _renaming(names: list[str], prefix: str) -> dict[str, str]:
    return {name: f"{prefix} {index}" for index, name in enumerate(names, start=1)}


def _renamed(scene: SceneOutline, names: dict[str, str], sets: dict[str, str], rng: random.Random) -> SceneOutline:
    return replace(
        scene,
        set_name=sets[scene.set_name],
        speaking=[names[name] for name in scene.speaking],
        listed=[names[name] for name in scene.listed],
        eighths=max(1, round(scene.eighths * rng.uniform(0.75, 1.25))),
    )


def _new_scene(number: str, episode: int, names: list[str], sets: list[str], rng: random.Random) -> SceneOutline:
    set_name = rng.choice(sets)
    return SceneOutline(
        number=number,
        episode=episode,
        heading=set_name,
        int_ext=rng.choice((IntExt.INT.value, IntExt.EXT.value)),
        time_of_day=rng.choice((TimeOfDay.DAY.value, TimeOfDay.NIGHT.value)),
        set_name=set_name,
        location=set_name,
        text="",
        eighths=rng.randint(2, 12),
        line=0,
        speaking=rng.sample(names, min(len(names), rng.randint(1, 3))),
    )
