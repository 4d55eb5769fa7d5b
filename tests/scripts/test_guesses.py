"""What the importer decides for itself is listed (Outline.guesses, shown by the preview's To check tab and
the command line) with the line it concerns; what the script states is not."""

from __future__ import annotations

from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script


def guesses(text: str, name: str) -> dict[int, str]:
    outline = build_outline(read_script(text.encode(), name), name)
    return {guess.line: guess.message for guess in outline.guesses}


def test_a_speakers_name_read_as_action_is_listed():
    fountain = "INT. ROOM - NIGHT\n\nALBERT\n\nMARY\nHello.\n\nALBERT\nHi.\n\nTHE END\n"
    assert guesses(fountain, "x.fountain") == {3: "“ALBERT” read as action, not as a cue"}
    final_draft = (
        "<FinalDraft><Content>"
        '<Paragraph Type="Scene Heading"><Text>INT. ROOM - NIGHT</Text></Paragraph>'
        '<Paragraph Type="Action"><Text>ALBERT</Text></Paragraph>'
        '<Paragraph Type="Character"><Text>Albert</Text></Paragraph>'
        '<Paragraph Type="Dialogue"><Text>Hi.</Text></Paragraph>'
        "</Content></FinalDraft>"
    )
    assert guesses(final_draft, "x.fdx") == {2: "“ALBERT” read as action, not as a cue"}


def test_a_heading_without_a_time_is_listed_and_one_saying_the_same_time_is_not():
    text = "INT. ROOM - NIGHT\n\nA.\n\nEXT. YARD - CONTINUOUS\n\nB.\n\nEXT. ROAD\n\nC.\n"
    assert guesses(text, "x.fountain") == {9: "no time of day in the heading: taken as NIGHT, as the scene before"}
    first = "INT. ROOM\n\nA.\n"
    assert guesses(first, "x.fountain") == {1: "no time of day in the first heading: taken as DAY"}


def test_a_final_draft_paragraph_of_a_type_it_does_not_know_is_read_as_action_and_listed():
    final_draft = (
        "<FinalDraft><Content>"
        '<Paragraph Type="Scene Heading"><Text>INT. ROOM - DAY</Text></Paragraph>'
        '<Paragraph Type="Montage"><Text>Days pass.</Text></Paragraph>'
        "</Content></FinalDraft>"
    )
    outline = build_outline(read_script(final_draft.encode(), "x.fdx"), "x.fdx")
    assert outline.scenes[0].text == "Days pass."
    assert [(guess.line, guess.message) for guess in outline.guesses] == [(2, "a “Montage” paragraph read as action")]


def test_a_chinese_label_that_could_be_a_name_is_listed_when_not_taken_as_a_speaker():
    text = "1-1 日 内 办公室\n人物：伊森\n伊森：喂？\n公司前台小姐：这边请。\n时间：三年后\n"
    assert guesses(text, "x.txt") == {4: "“公司前台小姐：” read as a direction, not a speaker"}


def test_a_spaced_chinese_name_is_one_speaker_and_the_preview_says_so_when_no_list_names_it():
    text = "1-1 日 内 办公室\n人物：沈 念安\n沈　念安：坐。\n李 四：来了。\n门 开了：\n风灌进来。\n"
    assert guesses(text, "x.txt") == {
        4: "“李 四：” read as 李四 speaking: a name written with a space",
        5: "“门 开了：” read as a direction, not a speaker",
    }
