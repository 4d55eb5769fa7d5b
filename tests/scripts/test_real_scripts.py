"""Real scripts (tests/fixtures/real) read exactly as counted by hand in the `.expected.yaml` beside each, and
nothing read is silently lost: every non-blank line of every fixture lands in one place of the outline.

Each expectation gives the episodes, every scene as `number time INT/EXT set` (`-` where the heading states no
time or no INT/EXT: the outline must then list a guess for that scene), the speaking characters (and any
silent ones), the background groups with their counts, and optionally synopses (by scene number), the title
and parentheticals as they must stay written.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from studio.scripts.elements import Kind
from studio.scripts.groups import group_count, is_group
from studio.scripts.outline import Outline, build_outline
from studio.scripts.reader import read_script, read_script_bytes
from tests.fixture_files import REAL
from tests.scripts.source_lines import unplaced

EXPECTATION = ".expected.yaml"
FIXTURES = sorted(REAL / path.name.removesuffix(EXPECTATION) for path in REAL.glob(f"*{EXPECTATION}"))


def expected(path: Path) -> dict:
    return yaml.safe_load((REAL / f"{path.name}{EXPECTATION}").read_text(encoding="utf-8"))


def outline_of(path: Path) -> Outline:
    return build_outline(read_script(read_script_bytes(path), path.name), path.name)


def test_there_are_at_least_twenty_real_scripts_each_counted():
    scripts = {path for path in REAL.iterdir() if path.is_file() and path.name != "README.md"}
    assert scripts - {path for path in scripts if path.name.endswith(EXPECTATION)} == set(FIXTURES)
    assert len(FIXTURES) >= 20


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_a_real_script_reads_as_counted(path):
    want = expected(path)
    outline = outline_of(path)
    guessed = defaultdict(str)
    for guess in outline.guesses:
        guessed[guess.line] += guess.message + "\n"
    assert len(outline.episodes) == want["episodes"]
    scenes = [line.split(" ", 3) for line in want["scenes"]]
    assert [scene.number for scene in outline.scenes] == [number for number, *_rest in scenes]
    for scene, (number, time, int_ext, set_name) in zip(outline.scenes, scenes, strict=True):
        assert scene.set_name == set_name, number
        if time == "-":
            assert "time of day" in guessed[scene.line], f"{number}: a heading without a time is a guess"
        else:
            assert scene.time_of_day == time, number
        if int_ext == "-":
            assert "INT/EXT" in guessed[scene.line], f"{number}: a heading without INT/EXT is a guess"
        else:
            assert scene.int_ext == int_ext, number
    characters = outline.characters()
    assert sorted(name for name, speaks in characters.items() if speaks) == sorted(want["speaking"])
    assert sorted(name for name, speaks in characters.items() if not speaks) == sorted(want.get("silent", []))
    background = {name: group_count(name) for name in characters if is_group(name)}
    assert background == want.get("background", {})
    synopses = {scene.number: scene.synopsis for scene in outline.scenes if scene.synopsis}
    assert synopses == {str(number): synopsis for number, synopsis in want.get("synopses", {}).items()}
    if "title" in want:
        assert outline.title_page["title"] == want["title"]
    for parenthetical in want.get("parentheticals", []):
        assert any(parenthetical in scene.text for scene in outline.scenes), parenthetical
    if "notes" in want:
        marks = {Kind.NOTE: "[[{}]]", Kind.BONEYARD: "/* {} */"}
        notes = {scene.number: [marks[note.kind].format(note.text) for note in scene.notes] for scene in outline.scenes}
        assert {number: kept for number, kept in notes.items() if kept} == {
            str(number): kept for number, kept in want["notes"].items()
        }


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_every_line_of_a_real_script_lands_somewhere(path):
    data = read_script_bytes(path)
    assert unplaced(data, path.name, build_outline(read_script(data, path.name), path.name)) == {}


def test_lines_outside_any_scene_are_reported():
    outline = outline_of(REAL / "zh-one-line-episode.txt")
    (note,) = [note for note in outline.notes if "下集预告" in note.text]
    assert any(str(note.line) in guess.message for guess in outline.guesses)
