"""The two scripts' pairing and names as stored, across revisions: what an import reports about the names
and the pairs after the producer has worked on them (issue 24's audit)."""

from __future__ import annotations

import json

from tests.command_line import run
from tests.scripts.test_alignment import ADAPTATION, ORIGINAL

# The revision cuts the adaptation's 2-1 (the office): its later scenes are numbered one less.
OFFICE_2 = "INT. CEO'S OFFICE - DAY\n\nMAX\nThe board already knows.\n\nETHAN\nLet them.\n\n"


def imported(db: str, path, side: str = "shooting") -> str:
    result = run("import-script", str(path), "--db", db, "--side", side)
    assert result.returncode == 0, result.stderr
    return result.stdout


def two_scripts(tmp_path) -> tuple[str, object]:
    original, adaptation = tmp_path / "original.txt", tmp_path / "adaptation.fountain"
    original.write_text(ORIGINAL, encoding="utf-8")
    adaptation.write_text(ADAPTATION, encoding="utf-8")
    db = str(tmp_path / "show.sqlite")
    imported(db, adaptation)
    imported(db, original, "original")
    return db, adaptation


def test_a_pair_renumbered_by_a_revision_says_so_never_same_number(tmp_path):
    """2-3 ↔ 2-3 was paired by its number; the revision numbers the living room 2-2: the pair is 2-3 ↔ 2-2,
    renumbered, in the stored report and in script align --db."""
    db, adaptation = two_scripts(tmp_path)
    adaptation.write_text(ADAPTATION.replace(OFFICE_2, ""), encoding="utf-8")
    imported(db, adaptation)
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    ways = {(pair["original"], pair["adaptation"]): pair["by"] for pair in stored["pairs"]}
    assert ways[("2-3", "2-2")] == "renumbered" and ways[("1-1", "1-1")] == "number"
    assert all(way != "number" for (original, shot), way in ways.items() if original != shot)
    text = run("script", "align", "--db", db).stdout
    assert "2-3 ↔ 2-2      0.99  renumbered since paired" in text
