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
