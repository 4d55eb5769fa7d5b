"""A script brings in names by the same rule editing applies to them: a set, location, character, episode title
or production title that a spreadsheet would run as a formula (=HYPERLINK(…), +SUM(1), -2+3+cmd|…) is refused,
at its line, as typing it is refused; nothing is written. The audit found such names imported unchecked."""

from __future__ import annotations

import sqlite3

import pytest

from studio.edits import EDITABLE
from studio.errors import InvalidInput
from studio.scripts.elements import ScriptError
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script
from tests.command_line import assert_one_clear_line, run
from tests.scripts.damaged_files import final_draft_of

FOUNTAIN = """Title: The Safe Script

INT. KITCHEN - DAY

MALLORY
Who left the door open?

EXT. GARDEN - NIGHT

MALLORY
Nobody.
"""
HYPERLINK = '=HYPERLINK("http://evil.example/x","click")'
COMMAND = "-2+3+cmd|' /C calc'!A0"

CASES = {
    "set-fountain": ("a.fountain", FOUNTAIN.replace("INT. KITCHEN - DAY", f"INT. {HYPERLINK} - DAY")),
    "location-fountain": ("a.fountain", FOUNTAIN.replace("EXT. GARDEN - NIGHT", "EXT. +SUM(1) - GARDEN - NIGHT")),
    "character-fountain": ("a.fountain", FOUNTAIN.replace("MALLORY\nNobody", "@=SUM(1)\nNobody")),
    "episode-title": ("a.fountain", FOUNTAIN.replace("INT. KITCHEN", f"# Episode 1: {COMMAND}\n\nINT. KITCHEN")),
    "character-fdx": ("a.fdx", final_draft_of(FOUNTAIN.encode()).replace(b"MALLORY", HYPERLINK.encode())),
    "character-zh": ("a.txt", "第1集\n\n1-1 日 内 厨房\n人物：=SUM(1)、林梅\n林梅：谁没关门？\n"),
}


@pytest.mark.parametrize("case", CASES)
def test_formula_like_names_are_refused_at_their_line(case):
    name, text = CASES[case]
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(ScriptError, match="looks like a spreadsheet formula") as refused:
        build_outline(read_script(data, name), name)
    assert str(refused.value).startswith(f"{name}, line ")


def test_the_same_names_are_refused_when_typed():
    for entity, field in (("film_set", "name"), ("location", "name"), ("character", "name"), ("episode", "title")):
        with pytest.raises(InvalidInput, match="looks like a spreadsheet formula"):
            EDITABLE[entity][1][field](HYPERLINK)


def test_a_clean_script_still_imports_and_a_formula_title_writes_nothing(tmp_path):
    clean = tmp_path / "clean.fountain"
    clean.write_text(FOUNTAIN)
    build_outline(read_script(clean.read_bytes(), clean.name), clean.name)
    titled = tmp_path / "titled.fountain"
    titled.write_text(FOUNTAIN.replace("The Safe Script", "=1+1"))
    assert_one_clear_line(run("import-script", str(titled), "--db", str(tmp_path / "new.sqlite")), "titled.fountain")
    assert not (tmp_path / "new.sqlite").exists()
    database = tmp_path / "kept.sqlite"
    assert run("import-script", str(clean), "--db", str(database)).returncode == 0
    hostile = tmp_path / "hostile.fountain"
    hostile.write_text(CASES["set-fountain"][1])
    assert_one_clear_line(run("import-script", str(hostile), "--db", str(database)), "spreadsheet formula")
    with sqlite3.connect(database) as connection:
        names = [name for (name,) in connection.execute("select name from film_set union select name from location")]
    assert names and not any(name.startswith(("=", "+", "-", "@")) for name in names)
