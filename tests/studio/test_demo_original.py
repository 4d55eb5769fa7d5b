"""The demo's Chinese original: aligned with the English script and stored, names mapped, a few beats cut
or added in adaptation, the later episodes not yet approved, two scenes changed since approval."""

from __future__ import annotations

import json
import re
from collections import Counter

from sqlmodel import select

from studio.models import OriginalScene, Scene
from studio.scripts.pairing import pair_by_hand
from tests.command_line import run


def test_the_demo_has_its_chinese_original_aligned_and_its_names_mapped(demo_path):
    report = json.loads(run("script", "align", "--db", str(demo_path), "--json").stdout)
    assert len(report["pairs"]) == 478 and report["doubtful"] == []
    names = {(match["original"], match["shooting"]) for match in report["names"]}
    assert {("顾景深", "ETHAN"), ("苏晚", "CHLOE"), ("顾老爷子", "GRANDFATHER STERLING")} <= names
    assert {"original": "顾氏集团·总裁办公室", "shooting": "STERLING TOWER - CEO OFFICE"}.items() <= next(
        match for match in report["sets"] if match["shooting"] == "STERLING TOWER - CEO OFFICE"
    ).items()
    # The six beats written for the original only are cut; four Malibu beach scenes were added.
    assert len(report["original_only"]) == 6
    assert sum(scene["set"] == "MALIBU BEACH" for scene in report["shooting_only"]) == 4
    statuses = Counter(pair["status"] for pair in report["pairs"])
    assert statuses["approved"] > 300 and statuses["not_started"] > 0 and statuses["translated"] > 0
    assert [pair["shooting"] for pair in report["changed_since_approval"]] == ["5-2", "40-3"]
    assert report["ambiguities"] == []
    by_episode = {row["episode"]: row for row in report["episodes"]}
    assert by_episode[5]["changed_since_approval"] == 1 and by_episode[5]["approved"] == by_episode[5]["scenes"] - 1
    assert by_episode[80]["not_started"] == by_episode[80]["scenes"] and by_episode[3]["approved"] >= 5
    assert sum(row["scenes"] for row in report["episodes"]) == 478 + 6 + 4  # pairs, cut, added


def test_the_demo_bilingual_script_carries_the_cultural_notes(demo_path, tmp_path):
    out = tmp_path / "script.pdf"
    assert run("export", "script", "--bilingual", "--db", str(demo_path), "--out", str(out)).returncode == 0
    import subprocess

    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "The slap plays as abuse to an American audience" in "".join(text.split("\n"))
    assert "顾景深" in text and "ETHAN" in text


def test_a_pair_made_by_hand_is_reported_as_such(demo):
    """The audit's crash: `script align --db` in words failed on a pair made on the Script page."""
    with demo.transaction() as session:
        scene = session.exec(select(Scene).where(Scene.number == "1-1")).one()
        original = session.exec(select(OriginalScene).where(OriginalScene.number == "1-2")).one()
        pair_by_hand(session, 1, scene.id, original.id, swap=True)
    text = run("script", "align", "--db", str(demo.path))
    assert text.returncode == 0, text.stderr
    assert re.search(r"1-2 ↔ 1-1\s+1\.00\s+by hand", text.stdout), text.stdout
