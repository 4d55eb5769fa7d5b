"""Matching a revision's scenes with the stored ones among many: a scene renumbered far from where it was
is still found by its words, though only the stored scenes sharing the most pairs of characters with it
are compared in full (importer.CANDIDATES)."""

from __future__ import annotations

import random
from types import SimpleNamespace

from studio.scripts.importer import CANDIDATES, match_scenes
from studio.scripts.outline import SceneOutline

WORDS = [
    "contract",
    "bride",
    "office",
    "coffee",
    "ring",
    "lawyer",
    "rain",
    "balcony",
    "grandfather",
    "secret",
    "photograph",
    "signature",
    "dinner",
    "car",
    "keys",
    "hospital",
    "nurse",
    "elevator",
    "lobby",
    "stairs",
    "mother",
    "phone",
    "message",
    "diary",
    "letter",
    "wedding",
    "dress",
    "boat",
]


def line(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."


def stored_scenes(count: int) -> list[SimpleNamespace]:
    rng = random.Random(7)
    return [
        SimpleNamespace(
            id=n,
            number=f"{n // 6 + 1}-{n % 6 + 1}",
            heading=f"INT. SET {n} - DAY",
            text="\n".join(line(rng) for _ in range(8)),
        )
        for n in range(count)
    ]


def incoming(number: str, heading: str, text: str) -> SceneOutline:
    return SceneOutline(number, None, heading, "INT", "DAY", "SET", "", text, 8, 1)


def test_a_scene_moved_far_among_many_alike_is_found_by_its_words():
    stored = stored_scenes(20 * CANDIDATES)
    moved = stored[100]
    edited = moved.text.replace(moved.text.split()[3], "umbrella", 1) + "\nShe leaves."
    unrelated = "\n".join(line(random.Random(99)) for _ in range(8))
    scenes = [incoming("99-1", moved.heading, edited), incoming("98-1", "EXT. NOWHERE - NIGHT", unrelated)]
    matches = match_scenes(scenes, stored)
    assert matches[id(scenes[0])] is moved  # read like itself, under a number it never had
    assert id(scenes[1]) not in matches  # like nothing stored, and no stored scene has its number
