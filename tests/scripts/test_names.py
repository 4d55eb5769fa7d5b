"""One character per person however the script writes the name, and one set per place."""

from __future__ import annotations

from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script


def outline_of(text: str, name: str):
    return build_outline(read_script(text.encode(), name), name)


def test_a_name_written_in_other_case_spacing_or_width_is_one_character_shown_as_written_most():
    fountain = "INT. ROOM - DAY\n\nANNA LEE\nOne.\n\nANNA LEE\nTwo.\n\n@Anna  Lee\nThree.\n\nＡＮＮＡ ＬＥＥ\nFour.\n"
    outline = outline_of(fountain, "x.fountain")
    assert outline.characters() == {"ANNA LEE": True}
    assert [guess.message for guess in outline.guesses] == [
        "ANNA LEE, Anna  Lee, ＡＮＮＡ ＬＥＥ are taken as one character: ANNA LEE"
    ]


def test_an_introduced_full_name_is_the_speaker_whose_cue_is_part_of_it_but_a_title_alone_is_not():
    fountain = (
        "INT. LAB - NIGHT\n\nDR. JULIUS BENNETT, 50, and OFFICER RUTH JONES (30s) wait.\n\n"
        "DR. BENNETT\nWell?\n\nJULIUS\nWell.\n\nOFFICER\nNothing.\n\nJONES\nNothing yet.\n"
    )
    characters = outline_of(fountain, "x.fountain").characters()
    assert characters == {"DR. BENNETT": True, "OFFICER": True, "JONES": True}


def test_sets_written_in_other_case_are_one_set():
    fountain = "INT. ANNA'S FLAT - DAY\n\nA.\n\nint. Anna's Flat - NIGHT\n\nB.\n\nINT. ANNA'S FLAT - DAY\n\nC.\n"
    assert {scene.set_name for scene in outline_of(fountain, "x.fountain").scenes} == {"ANNA'S FLAT"}


def test_a_cue_shortened_from_one_longer_cue_is_that_character_but_not_another_persons():
    fountain = (
        "INT. OFFICE - DAY\n\nETHAN GU\nSign it.\n\nETHAN (CONT'D)\nNow.\n\nETHAN (V.O.)\nPlease.\n\n"
        "YOUNG SOPHIE\nMom?\n\nSOPHIE\nYes.\n\nGUARD 2\nStop.\n\nGUARD\nStop!\n\n"
        "MAX\nHi.\n\nMAX WAN\nHi.\n\nMAX STERLING\nHello.\n\nINT. CAR - NIGHT\n\nETHAN\nGo.\n"
    )
    outline = outline_of(fountain, "x.fountain")
    assert set(outline.characters()) == {
        "ETHAN",  # and ETHAN GU: written most as ETHAN
        "YOUNG SOPHIE",
        "SOPHIE",
        "GUARD 2",
        "GUARD",
        "MAX",  # MAX WAN or MAX STERLING: not told which
        "MAX WAN",
        "MAX STERLING",
    }
    assert "ETHAN, ETHAN GU are taken as one character: ETHAN" in [guess.message for guess in outline.guesses]


def test_a_character_named_in_a_scene_s_action_is_in_it_speaking_or_not():
    """Counted by hand. 1-2: Chloe packs (named as a name is written, after CHLOE (20s) in 1-1), Mr. Chen
    watches (MR. CHEN, as the script writes him: with his title, a dot and a space), Max is not there
    (Maxwell is another word), 'will' is a verb, not WILL, and the reporters swarm (REPORTERS speak in
    1-1); 1-3: Sophie is only spoken of (in dialogue), O'Brien knocks."""
    fountain = (
        "INT. FLAT - DAY #1-1#\n\nCHLOE (20s) waits.\n\nCHLOE\nRent?\n\nMR. CHEN\nRent.\n\nMAX\nHi.\n\n"
        "WILL\nNo.\n\nSOPHIE\nYes.\n\nO'BRIEN\nOpen up.\n\nREPORTERS\nMr. Gu!\n\n"
        "INT. FLAT - NIGHT #1-2#\n\nChloe packs. Mr.  Chen watches from Maxwell's chair. She will not look.\n"
        "Reporters swarm the door.\n\nINT. STAIRS - NIGHT #1-3#\n\nO'Brien knocks.\n\nCHLOE\nSophie left.\n"
    )
    outline = outline_of(fountain, "x.fountain")
    present = {scene.number: (scene.speaking, scene.listed) for scene in outline.scenes}
    assert present["1-2"] == ([], ["CHLOE", "MR. CHEN", "REPORTERS"])
    assert present["1-3"] == (["CHLOE"], ["O'BRIEN"])
    assert [guess.message for guess in outline.guesses if "named in the action" in guess.message] == [
        "CHLOE, MR. CHEN, REPORTERS named in the action of scene 1-2, not speaking: taken as in it",
        "O'BRIEN named in the action of scene 1-3, not speaking: taken as in it",
    ]


def test_a_chinese_name_in_the_action_adds_no_one_the_scene_lists_its_people():
    layout = (
        "第1集\n\n1-1 日 内 办公室\n人物：苏晚、顾沉\n苏晚：你好。\n顾沉：嗯。\n\n"
        "1-2 夜 内 走廊\n人物：苏晚\n△苏晚想起顾沉的话。\n"
    )
    scenes = {scene.number: (scene.speaking, scene.listed) for scene in outline_of(layout, "x.txt").scenes}
    assert scenes["1-2"] == ([], ["苏晚"])


def test_a_listed_role_is_the_name_in_its_brackets_a_group_speaks_through_one_and_a_screen_does_not_speak():
    """Counted by hand: 1-1 lists 房东（王婶）, who speaks as 王婶, and later as 房东 (1-2): one character, 王婶;
    保镖2名 listed, one of them speaking as 保镖: the group; 顾沉（总裁）: 总裁 is no one's cue, so 顾沉; what the
    phone's screen shows is read, not a character's line."""
    layout = (
        "第1集\n\n1-1 日 内 顾氏集团·总裁办公室\n人物：苏晚、房东（王婶）、保镖2名、顾沉（总裁）\n△苏晚低头看手机。\n"
        "手机屏幕：您的账户已冻结。\n王婶：房租什么时候交？\n苏晚：明天。\n保镖：站住！\n顾沉：让她走。\n\n"
        "1-2 夜 内 出租屋\n人物：苏晚、房东\n房东：钥匙拿来。\n"
    )
    outline = outline_of(layout, "x.txt")
    assert outline.characters() == {"王婶": True, "苏晚": True, "保镖2名": True, "顾沉": True}
    scenes = {scene.number: (scene.speaking, scene.listed) for scene in outline.scenes}
    assert scenes == {"1-1": (["王婶", "苏晚", "保镖2名", "顾沉"], []), "1-2": (["王婶"], ["苏晚"])}
    assert "房东（王婶） taken as one character: 王婶" in [guess.message for guess in outline.guesses]
