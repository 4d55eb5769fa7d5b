"""A show's two scripts on one production: the original kept beside the shooting script, paired scene by
scene, its names mapped; statuses and notes kept across revisions of either; on a SQLite file and on
PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from studio import operations
from studio.adaptation import script_page_adaptation
from studio.models import Character, FilmSet, OriginalScene, Scene, SceneAdaptation, ScriptRevision, Strip
from studio.scripts.pairing import stored_alignment
from studio.storage.db import open_database
from tests.command_line import assert_one_clear_line, run
from tests.pdf_text import pdf_text
from tests.scripts.test_alignment import ADAPTATION, ORIGINAL


@pytest.fixture
def scripts(tmp_path):
    (tmp_path / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "adaptation.fountain").write_text(ADAPTATION, encoding="utf-8")
    return tmp_path / "original.txt", tmp_path / "adaptation.fountain"


def imported(db: str, path, side: str = "shooting") -> dict:
    result = run("import-script", str(path), "--db", db, "--side", side, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def pairs_of(report: dict) -> list[tuple[str, str, bool]]:
    return sorted((pair["original"], pair["shooting"], pair["doubtful"]) for pair in report["pairs"])


HAND_CHECKED = [
    ("1-1", "1-1", False),
    ("1-2", "1-2", False),
    ("1-3", "1-3", False),
    ("2-1", "2-1", False),
    ("2-2", "2-4", True),  # moved to the end of its episode: stored, but to confirm
    ("2-3", "2-3", False),
]


def session_of(db: str):
    database = open_database(db)
    return database, database.transaction()


def test_the_original_imported_beside_the_shooting_script_is_paired_and_its_names_mapped(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    database = open_database(db)
    with database.reading() as session:
        characters = {c.id: c.name for c in session.exec(select(Character))}
    database.close()
    report = imported(db, scripts[0], "original")["alignment"]
    assert pairs_of(report) == HAND_CHECKED
    assert [scene["number"] for scene in report["original_only"]] == ["1-4"]
    assert [(scene["number"], scene["set"]) for scene in report["shooting_only"]] == [("2-2", "MALIBU BEACH")]
    assert {(name["original"], name["adaptation"]) for name in report["names_mapped"]} >= {
        ("苏晚", "SOPHIE"),
        ("顾景深", "ETHAN"),
        ("总裁办公室", "CEO'S OFFICE"),
    }
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    assert pairs_of(stored) == HAND_CHECKED and stored["original_only"] == report["original_only"]
    database = open_database(db)
    with database.reading() as session:
        names = {c.name: c.name_zh for c in session.exec(select(Character))}
        assert names["SOPHIE"] == "苏晚" and names["MAX"] == "林助理"
        # one character whatever side names them: the original's names are the same rows' Chinese names,
        # so their cast, rates and tags are theirs
        assert {c.id: c.name for c in session.exec(select(Character))} == characters
        assert session.exec(select(FilmSet).where(FilmSet.name == "CEO'S OFFICE")).one().name_zh == "总裁办公室"
        # the scenes stay the shooting script's: one strip each, none for the original
        assert len(session.exec(select(Strip)).all()) == len(session.exec(select(Scene)).all()) == 7
        assert len(session.exec(select(OriginalScene)).all()) == 7
        assert len(session.exec(select(SceneAdaptation)).all()) == 8  # 6 pairs, 1 cut, 1 added
    database.close()


def test_the_import_says_how_the_two_scripts_now_pair(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    text = run("import-script", str(scripts[0]), "--db", db, "--side", "original").stdout
    assert "6 scenes paired (1 to confirm: script align --db), 1 cut and 1 added in adaptation." in text
    assert "Chinese name given: SOPHIE 苏晚" in text


def test_either_side_may_come_first(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    assert "alignment" not in imported(db, scripts[0], "original")
    report = imported(db, scripts[1])["alignment"]
    assert pairs_of(report) == HAND_CHECKED
    other = str(tmp_path / "other.sqlite")
    imported(other, scripts[1])
    imported(other, scripts[0], "original")  # its title is the show's Chinese one, the English one kept
    (show,) = json.loads(run("info", "--db", other, "--json").stdout)["productions"]
    assert (show["title"], show["title_zh"]) == ("The Contract CEO", "契约总裁")


def test_statuses_and_notes_survive_revisions_of_either_side_and_a_changed_original_is_flagged(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    imported(db, scripts[0], "original")
    database = open_database(db)
    with database.transaction() as session:
        rows = {
            (row.original_scene_id and session.get(OriginalScene, row.original_scene_id).number): row
            for row in session.exec(select(SceneAdaptation))
        }
        operations.edit(
            session, "scene_adaptation", rows["1-1"].id, {"status": "APPROVED", "cultural_note": "合同→contract"}
        )
        operations.edit(session, "scene_adaptation", rows["1-2"].id, {"status": "approved"})
        operations.edit(session, "scene_adaptation", rows["2-2"].id, {"confirmed": True})
        with pytest.raises(Exception, match="adaptation status"):
            operations.edit(session, "scene_adaptation", rows["1-3"].id, {"status": "DONE"})
    database.close()
    # The original revised: 1-1's words change, 1-2 only its spacing; the adaptation revised: a line in 2-1.
    scripts[0].write_text(
        ORIGINAL.replace("签了它，", "签了它吧，").replace("我自己走。", "我自己走。   "), encoding="utf-8"
    )
    scripts[1].write_text(ADAPTATION.replace("Let them.", "Let them know."), encoding="utf-8")
    revised = imported(db, scripts[0], "original")
    assert revised["revision"] == "Blue" and revised["changed_scenes"] == ["1-1"]
    assert revised["flagged_since_approval"] == [{"original": "1-1", "adaptation": "1-1"}]  # 1-2: spacing only
    report = imported(db, scripts[1])["alignment"]
    assert pairs_of(report) == [(o, a, False) for o, a, _doubtful in HAND_CHECKED]  # confirmed stays confirmed
    statuses = {pair["original"]: (pair["status"], pair["original_changed"]) for pair in report["pairs"]}
    assert statuses["1-1"] == ("approved", True) and statuses["1-2"] == ("approved", False)
    assert statuses["2-1"] == ("not_started", False)
    assert [pair["original"] for pair in report["changed_since_approval"]] == ["1-1"]
    database = open_database(db)
    with database.reading() as session:
        note = session.exec(select(SceneAdaptation.cultural_note).where(SceneAdaptation.cultural_note != "")).one()
        assert note == "合同→contract"
        shown = next(row for row in script_page_adaptation(session, 1).rows.values() if row["original_changed"])
        assert "签了它，" in shown["approved_text"] and "签了它吧，" in shown["original_text"]  # what changed
        kept = session.exec(select(SceneAdaptation.approved_text).where(SceneAdaptation.id == shown["id"])).one()
        assert kept == f"{shown['approved_heading']}\n{shown['approved_text']}"  # in its column, not the notes
        assert "签了它，" not in "".join(session.exec(select(ScriptRevision.notes)))
    database.close()


def test_a_scene_number_used_twice_in_the_original_is_refused_and_nothing_stored(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    scripts[0].write_text(ORIGINAL.replace("2-3 夜 内 苏家客厅", "2-1 夜 内 苏家客厅"), encoding="utf-8")
    result = run("import-script", str(scripts[0]), "--db", db, "--side", "original")
    assert_one_clear_line(result, "scene 2-1 appears twice")
    database = open_database(db)
    with database.reading() as session:
        assert session.exec(select(OriginalScene)).all() == [] and session.exec(select(SceneAdaptation)).all() == []
    database.close()


def test_different_episode_counts_are_listed_not_paired_silently(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    scripts[1].write_text(
        ADAPTATION + "\n# Episode 3\n\nINT. PENTHOUSE - NIGHT\n\nETHAN\nGood night.\n", encoding="utf-8"
    )
    imported(db, scripts[1])
    report = imported(db, scripts[0], "original")["alignment"]
    assert any("episodes 3 of the adaptation are not in the original" in message for message in report["ambiguities"])
    assert ("3-1", 3) in {(scene["number"], scene["episode"]) for scene in report["shooting_only"]}


def test_a_chinese_name_already_anothers_is_listed_and_not_given_twice(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    database = open_database(db)
    with database.transaction() as session:
        max_ = session.exec(select(Character).where(Character.name == "MAX")).one()
        operations.edit(session, "character", max_.id, {"name_zh": "苏晚"})
    database.close()
    report = imported(db, scripts[0], "original")["alignment"]
    assert "苏晚 is already the Chinese name of MAX: not given to SOPHIE too" in report["ambiguities"]
    assert ("苏晚", "SOPHIE") not in {(n["original"], n["adaptation"]) for n in report["names_mapped"]}
    database = open_database(db)
    with database.reading() as session:
        assert session.exec(select(Character).where(Character.name == "SOPHIE")).one().name_zh == ""
    database.close()


def test_two_characters_with_one_chinese_name_are_listed_in_the_stored_alignment(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    imported(db, scripts[0], "original")
    database = open_database(db)
    with database.transaction() as session:
        max_ = session.exec(select(Character).where(Character.name == "MAX")).one()
        max_.name_zh = "苏晚"  # as a file from before such an edit was refused may hold
        session.flush()
        report = stored_alignment(session, max_.production_id)
    database.close()
    assert any(message.startswith("苏晚 is the Chinese name of ") for message in report["ambiguities"])
    assert "林助理 of the original is no character's Chinese name yet" in report["ambiguities"]


def test_script_align_on_a_production_without_an_original_says_how_to_add_one(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    assert_one_clear_line(run("script", "align", "--db", db), "import-script FILE --side original")
    assert_one_clear_line(run("script", "align", str(scripts[0]), "--db", db), "two files")


def test_two_scripts_on_postgresql_and_copied_to_a_file(scripts, postgres_url, tmp_path):
    imported(postgres_url, scripts[1])
    report = imported(postgres_url, scripts[0], "original")["alignment"]
    assert pairs_of(report) == HAND_CHECKED
    copy = tmp_path / "copy.sqlite"
    assert run("copy-production", "--db", postgres_url, "--to", str(copy), "--json").returncode == 0
    copied = json.loads(run("script", "align", "--db", str(copy), "--json").stdout)
    assert pairs_of(copied) == HAND_CHECKED and copied["names"] == report["names"]


def test_a_chinese_script_is_offered_as_the_original_of_an_english_show_only(scripts, tmp_path):
    from studio.scripts.original import likely_side
    from studio.scripts.script_files import read_outline

    original_file, adaptation_file = scripts
    original, adaptation = read_outline([original_file])[0], read_outline([adaptation_file])[0]
    english, chinese = str(tmp_path / "english.sqlite"), str(tmp_path / "chinese.sqlite")
    imported(english, adaptation_file)
    imported(chinese, original_file)  # a show written and shot in Chinese
    for db, outline, side in (
        (english, original, "ORIGINAL"),
        (english, adaptation, "SHOOTING"),  # its own revision
        (chinese, original, "SHOOTING"),
    ):
        database = open_database(db)
        with database.session() as session:
            assert likely_side(session, 1, outline) == side, (db, side)
            assert likely_side(session, None, outline) == "SHOOTING"  # a new production's first script
        database.close()


def test_the_names_map_rests_on_the_sure_pairs_and_grows_as_doubtful_ones_are_confirmed(scripts, tmp_path):
    """苏母 ↔ MRS. WAN is in 1-3, sure, and in the moved pair 2-2 ↔ 2-4, to confirm: one sure scene only, so
    listed as doubtful and given no Chinese name; confirming 2-2 makes it sure (and undoing takes it back)."""
    from studio.changes import run_steps

    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    report = imported(db, scripts[0], "original")["alignment"]
    assert {(name["original"], name["adaptation"]) for name in report["names_mapped"]} == {
        ("苏晚", "SOPHIE"),
        ("顾景深", "ETHAN"),
        ("林助理", "MAX"),
        ("总裁办公室", "CEO'S OFFICE"),
        ("苏家客厅", "WAN HOUSE - LIVING ROOM"),
    }
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    shown = {(name["original"], name["shooting"], name["doubtful"]) for name in stored["names"]}
    assert ("苏母", "MRS. WAN", True) in shown and ("苏晚", "SOPHIE", False) in shown
    database = open_database(db)
    with database.transaction() as session:
        mrs_wan = session.exec(select(Character).where(Character.name == "MRS. WAN")).one()
        assert mrs_wan.name_zh == ""
        moved = session.exec(select(SceneAdaptation).where(~SceneAdaptation.confirmed)).one()
        changes = operations.confirm_pairing(session, mrs_wan.production_id, moved.id, moved.version)
        assert mrs_wan.name_zh == "苏母"
        coffee_shop = session.exec(select(FilmSet).where(FilmSet.name == "COFFEE SHOP")).one()
        assert coffee_shop.name_zh == ""  # its one scene is sure now, but one scene is not enough
    database.close()
    stored = json.loads(run("script", "align", "--db", db, "--json").stdout)
    assert stored["doubtful"] == []
    assert {"original": "苏母", "shooting": "MRS. WAN", "scenes": 2, "doubt": "", "doubtful": False} in stored["names"]
    assert ("咖啡馆", "COFFEE SHOP", True) in {(n["original"], n["shooting"], n["doubtful"]) for n in stored["sets"]}
    database = open_database(db)
    with database.transaction() as session:
        run_steps(session, changes.undo)
        assert session.exec(select(Character.name_zh).where(Character.name == "MRS. WAN")).one() == ""
        assert not session.get(SceneAdaptation, moved.id).confirmed
    database.close()


def test_a_chinese_name_already_another_characters_or_performers_is_refused_and_nothing_changed(scripts, tmp_path):
    from studio.errors import InvalidInput
    from studio.models import Performer

    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[1])
    imported(db, scripts[0], "original")  # SOPHIE is 苏晚
    database = open_database(db)
    with database.reading() as session:
        max_ = session.exec(select(Character).where(Character.name == "MAX")).one()
    production = {"production_id": max_.production_id}
    with database.transaction() as session:
        operations.edit(session, "character", max_.id, {"name_zh": "林助理"})  # its own already: not refused
        assert operations.edit(session, "character", max_.id, {"name_zh": "马克斯"}).fields
        operations.add(session, "performer", production, {"legal_name": "Ava Chen", "name_zh": "陈艾娃"})
        eva = operations.add(session, "performer", production, {"legal_name": "Eva Chan"}).ids("performer").pop()
    refusals = [
        ("character", max_.id, {"name_zh": "苏 晚"}, "^苏 晚 is already the Chinese name of SOPHIE: one Chinese name"),
        ("performer", eva, {"name_zh": "陈艾娃"}, "^陈艾娃 is already the Chinese name of Ava Chen"),
    ]
    for kind, row_id, values, message in refusals:
        with pytest.raises(InvalidInput, match=message), database.transaction() as session:
            operations.edit(session, kind, row_id, values)
    with pytest.raises(InvalidInput, match="already the Chinese name of Ava Chen"), database.transaction() as session:
        operations.add(session, "performer", production, {"legal_name": "Ava C.", "name_zh": "陈艾娃"})
    with database.reading() as session:
        assert session.exec(select(Character.name_zh).where(Character.name == "MAX")).one() == "马克斯"
        assert sorted(session.exec(select(Performer.legal_name, Performer.name_zh))) == [
            ("Ava Chen", "陈艾娃"),
            ("Eva Chan", ""),
        ]
    database.close()


def test_the_original_imported_first_is_counted_as_the_original_and_names_the_show_in_chinese_only(scripts, tmp_path):
    db = str(tmp_path / "show.sqlite")
    imported(db, scripts[0], "original")
    (show,) = json.loads(run("info", "--db", db, "--json").stdout)["productions"]
    assert (show["title"], show["title_zh"]) == ("Untitled", "契约总裁")
    assert (show["episodes"], show["scenes"], show["original"]) == (0, 0, {"episodes": 2, "scenes": 7})
    assert "the original it is adapted from: 2 episodes, 7 scenes" in run("info", "--db", db).stdout
    waiting = json.loads(run("script", "align", "--db", db, "--json").stdout)  # its scenes, none adapted yet
    assert (waiting["pairs"], waiting["original_only"], len(waiting["not_yet_adapted"])) == ([], [], 7)
    out = tmp_path / "original.pdf"
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out)).returncode == 0
    assert pdf_text(out).count("Not yet adapted") == 7
    imported(db, scripts[1])  # the shooting script names the show in English
    (show,) = json.loads(run("info", "--db", db, "--json").stdout)["productions"]
    assert (show["title"], show["title_zh"], show["episodes"], show["scenes"]) == ("The Contract CEO", "契约总裁", 2, 7)
    scripts[1].write_text(ADAPTATION.replace("The Contract CEO", "The Contract Wife"), encoding="utf-8")
    imported(db, scripts[1])  # a revision's title page does not rename it
    assert json.loads(run("info", "--db", db, "--json").stdout)["productions"][0]["title"] == "The Contract CEO"


EPISODE_3 = (
    "\n第3集\n\n3-1 日 内 总裁办公室\n人物：顾景深\n顾景深：开会。\n\n3-2 夜 外 医院门口\n人物：苏晚\n苏晚：我等你。\n"
)


def test_an_unfinished_adaptation_leaves_the_later_episodes_not_yet_adapted_not_cut(scripts, tmp_path):
    """The English script so far covers episodes 1-2 of the original's 3: the bar scene 1-4, skipped inside
    the adapted episodes, is cut; episode 3's scenes are not yet adapted."""
    db, out = str(tmp_path / "show.sqlite"), tmp_path / "script.pdf"
    scripts[0].write_text(ORIGINAL + EPISODE_3, encoding="utf-8")
    imported(db, scripts[1])
    imported(db, scripts[0], "original")
    files = run("script", "align", str(scripts[0]), str(scripts[1]), "--json")
    stored = run("script", "align", "--db", db, "--json")
    for report in (json.loads(files.stdout), json.loads(stored.stdout)):
        assert [scene["number"] for scene in report["original_only"]] == ["1-4"]
        assert [scene["number"] for scene in report["not_yet_adapted"]] == ["3-1", "3-2"]
    (message,) = [m for m in json.loads(files.stdout)["ambiguities"] if m.startswith("episodes 3 of the original")]
    assert message.endswith("come after the adaptation's last, 2: their scenes are listed as not yet adapted")
    episodes = {row["episode"]: row for row in json.loads(stored.stdout)["episodes"]}
    assert (episodes[3]["scenes"], episodes[3]["not_yet_adapted"], episodes[1]["not_yet_adapted"]) == (2, 2, 0)
    text = run("script", "align", "--db", db).stdout
    assert "1 cut" in text and "not yet adapted: 3-2" in text and "cut: 3-" not in text
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out), "--lang", "en").returncode == 0
    whole = pdf_text(out)
    assert whole.count("Cut in adaptation") == 1 and whole.count("Not yet adapted") == 2
    assert whole.index("How can I not?") < whole.index("开会。")  # after the shooting script's last scene (2-4)
