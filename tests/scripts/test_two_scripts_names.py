"""The two scripts' pairing and names as stored, across revisions: what an import reports about the names
and the pairs after the producer has worked on them (issue 24's audit)."""

from __future__ import annotations

import json

from sqlmodel import select

from studio import operations
from studio.models import Character
from studio.storage.db import open_database
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
    ways = {(pair["original"], pair["shooting"]): pair["by"] for pair in stored["pairs"]}
    assert ways[("2-3", "2-2")] == "renumbered" and ways[("1-1", "1-1")] == "number"
    assert all(way != "number" for (original, shot), way in ways.items() if original != shot)
    text = run("script", "align", "--db", db).stdout
    assert "2-3 ↔ 2-2      0.99  renumbered since paired" in text


def test_a_doubtful_match_given_by_hand_or_stored_before_is_no_longer_to_check(tmp_path):
    """苏母 ↔ MRS. WAN rests on one scene: listed after the import. Once MRS. WAN is 苏母 (given by hand on
    the Cast page), a later import no longer lists it; nor does it list 林助理 ↔ MAX and 总裁办公室 ↔ CEO'S
    OFFICE, which the revision leaves one scene each but which are stored already."""
    db, adaptation = two_scripts(tmp_path)
    database = open_database(db)
    with database.transaction() as session:
        mrs_wan = session.exec(select(Character).where(Character.name == "MRS. WAN")).one()
        operations.edit(session, "character", mrs_wan.id, {"name_zh": "苏母"})
    database.close()
    adaptation.write_text(ADAPTATION.replace(OFFICE_2, ""), encoding="utf-8")
    text = imported(db, adaptation)
    assert "MRS. WAN" not in text and "MAX" not in text and "CEO'S OFFICE" not in text
    assert "To check: 医院门口 ↔ HOSPITAL ENTRANCE rests on one scene only" in text  # not stored: still to check


def names_of(report: dict) -> dict[str, set[tuple]]:
    return {
        kind: {(name["original"], name["shooting"], name["scenes"], name["doubtful"]) for name in report[kind]}
        for kind in ("names", "sets")
    }


def test_the_two_file_preview_and_the_stored_import_map_the_names_alike(tmp_path):
    """The preview (`script align` on the two files) and the stored map after importing them rest on the
    same pairs, the sure ones, counted alike: the moved 2-2 ↔ 2-4 is to confirm in both, so 苏母 ↔ MRS. WAN
    rests on 1-3 only and the coffee shop on nothing yet; 苏晚 ↔ SOPHIE on four sure pairs (checked by hand:
    1-1, 1-2, 1-3, 2-3)."""
    db, adaptation = two_scripts(tmp_path)
    preview = json.loads(run("script", "align", str(tmp_path / "original.txt"), str(adaptation), "--json").stdout)
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    assert names_of(preview) == names_of(stored)
    assert names_of(stored) == {
        "names": {
            ("苏晚", "SOPHIE", 4, False),
            ("顾景深", "ETHAN", 3, False),
            ("林助理", "MAX", 2, False),
            ("苏母", "MRS. WAN", 1, True),
        },
        "sets": {
            ("总裁办公室", "CEO'S OFFICE", 2, False),
            ("苏家客厅", "WAN HOUSE - LIVING ROOM", 2, False),
            ("医院门口", "HOSPITAL ENTRANCE", 1, True),
        },
    }


def scene_zh(number: str, when: str, where: str, first: str, line: str) -> str:
    return f"{number} {when} 内 {where}\n人物：{first}、苏晚\n{first}：{line}\n苏晚：嗯。\n\n"


def scene_en(heading: str, first: str, line: str) -> str:
    return f"{heading}\n\n{first}\n{line}\n\nSOPHIE\nYeah.\n\n"


OFFICE, HOME, WARD = "INT. CEO'S OFFICE - DAY", "INT. WAN HOUSE - NIGHT", "INT. ST. MARY'S HOSPITAL - ROOM - DAY"
# MARGARET plays 沈清 and 林母 (one actress, two parts); ETHAN is JASON from episode 3, where the ward and
# the office also swap places. 林母 and 沈清 are never in one scene, nor are ETHAN and JASON.
DOUBLED_ORIGINAL = (
    "第1集\n\n"
    + scene_zh("1-1", "日", "总裁办公室", "顾景深", "签了它。")
    + scene_zh("1-2", "夜", "苏家客厅", "沈清", "你真的要嫁给他？")
    + scene_zh("1-3", "日", "医院病房", "林母", "你来了。")
    + "第2集\n\n"
    + scene_zh("2-1", "日", "总裁办公室", "顾景深", "董事会知道了。")
    + scene_zh("2-2", "夜", "苏家客厅", "沈清", "你别担心。")
    + scene_zh("2-3", "日", "医院病房", "林母", "别走。")
    + "第3集\n\n"
    + scene_zh("3-1", "日", "总裁办公室", "顾景深", "你迟到了。")
    + scene_zh("3-2", "日", "医院病房", "林母", "医生怎么说？")
    + scene_zh("3-3", "夜", "苏家客厅", "沈清", "他不爱你。")
    + scene_zh("3-4", "日", "总裁办公室", "顾景深", "坐。")
)
DOUBLED_ADAPTATION = (
    "# Episode 1\n\n"
    + scene_en(OFFICE, "ETHAN", "Sign it.")
    + scene_en(HOME, "MARGARET", "You're marrying him?")
    + scene_en(WARD, "MARGARET", "You came.")
    + "# Episode 2\n\n"
    + scene_en(OFFICE, "ETHAN", "The board knows.")
    + scene_en(HOME, "MARGARET", "Don't worry.")
    + scene_en(WARD, "MARGARET", "Don't go.")
    + "# Episode 3\n\n"
    + scene_en(WARD, "MARGARET", "What did the doctor say?")
    + scene_en(OFFICE, "JASON", "You're late.")
    + scene_en(HOME, "MARGARET", "He doesn't love you.")
    + scene_en(OFFICE, "JASON", "Sit.")
)
MARGARET = "MARGARET may be two people of the original (林母, 沈清): they are never in one scene together"
ETHAN = "顾景深 may be two people of the adaptation (ETHAN, JASON): they are never in one scene together"


def test_a_name_for_two_people_or_renamed_is_listed_and_its_scenes_paired_to_confirm_not_cut_and_added(tmp_path):
    """Checked by hand: every scene pairs with its counterpart; those where MARGARET is 林母 or JASON speaks
    are to confirm (a speaker the map cannot tell), the ward and the office of episode 3 swapped (moved);
    MARGARET and 顾景深 are each listed as maybe two people, and neither is mapped surely."""
    original, adaptation = tmp_path / "original.txt", tmp_path / "adaptation.fountain"
    original.write_text(DOUBLED_ORIGINAL, encoding="utf-8")
    adaptation.write_text(DOUBLED_ADAPTATION, encoding="utf-8")
    report = json.loads(run("script", "align", str(original), str(adaptation), "--json").stdout)
    assert [(p["original"], p["shooting"], p["by"], p["doubtful"]) for p in report["pairs"]] == [
        ("1-1", "1-1", "number", False),
        ("1-2", "1-2", "number", False),
        ("1-3", "1-3", "number", True),
        ("2-1", "2-1", "number", False),
        ("2-2", "2-2", "number", False),
        ("2-3", "2-3", "number", True),
        ("3-1", "3-2", "moved", True),
        ("3-2", "3-1", "moved", True),
        ("3-3", "3-3", "number", False),
        ("3-4", "3-4", "number", True),
    ]
    assert report["original_only"] == report["shooting_only"] == []
    assert MARGARET in report["ambiguities"] and ETHAN in report["ambiguities"]
    characters = {(n["original"], n["shooting"]): n["doubtful"] for n in report["names"]}
    assert characters == {
        ("苏晚", "SOPHIE"): False,
        ("沈清", "MARGARET"): True,
        ("林母", "MARGARET"): True,
        ("顾景深", "ETHAN"): True,
        ("顾景深", "JASON"): True,
    }
    db = str(tmp_path / "show.sqlite")
    imported(db, adaptation)
    text = imported(db, original, "original")
    assert f"To check: {MARGARET}" in text and f"To check: {ETHAN}" in text
    assert "MARGARET 沈清" not in text and "ETHAN 顾景深" not in text  # no Chinese name given either


def test_a_character_the_original_lists_but_the_shooting_scene_has_not_is_listed_to_add_to_its_cast(tmp_path):
    """The original's 1-1 lists 林助理 among those there (he says nothing); the adaptation's 1-1 only shows
    him in action by what he is ("His assistant waits."), so its cast has no MAX (by his name, he
    would be taken as there). 林助理 ↔ MAX is mapped (2-1, 1-2): the import lists 1-1 for his cast to be
    added; no other scene (checked by hand)."""
    original, adaptation = tmp_path / "original.txt", tmp_path / "adaptation.fountain"
    original.write_text(
        ORIGINAL.replace("人物：苏晚、顾景深\n△顾景深把合同", "人物：苏晚、顾景深、林助理\n△顾景深把合同")
    )
    adaptation.write_text(ADAPTATION.replace("across the desk.\n", "across the desk. His assistant waits.\n"))
    db = str(tmp_path / "show.sqlite")
    imported(db, adaptation)
    text = imported(db, original, "original")
    assert "Chinese name given: MAX 林助理" in text
    missing = [line for line in text.splitlines() if "the shooting script's scene has no" in line]
    assert missing == ["To check: 1-1: the original lists 林助理 (MAX) but the shooting script's scene has no MAX"]
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    assert "1-1: the original lists 林助理 (MAX) but the shooting script's scene has no MAX" in stored["ambiguities"]
