"""Final Draft, Word and every text encoding read into the same scenes; episode markers of each kind."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from studio.scripts.elements import Kind
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script, read_script_file
from tests.fixture_files import SAMPLE_ZH

FDX = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    <Paragraph Type="Scene Heading" Number="12-3"><Text>INT. STERLING TOWER - LOBBY - NIGHT</Text></Paragraph>
    <Paragraph Type="Action"><Text>Reporters everywhere. </Text><Text Style="Bold">Flashes.</Text></Paragraph>
    <Paragraph Type="Character"><Text>VIVIAN</Text></Paragraph>
    <Paragraph Type="Parenthetical"><Text>(holding a photo)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>The marriage is a fraud.</Text></Paragraph>
    <Paragraph>
      <DualDialogue>
        <Paragraph Type="Character"><Text>ETHAN</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Enough.</Text></Paragraph>
        <Paragraph Type="Character"><Text>CHLOE (CONT'D)</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Let her talk.</Text></Paragraph>
      </DualDialogue>
    </Paragraph>
    <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
    <Paragraph Type="Scene Heading" Number="12-4"><Text>EXT. STREET - CONTINUOUS</Text></Paragraph>
    <Paragraph Type="Action"><Text>Rain.</Text></Paragraph>
  </Content>
  <TitlePage><Content>
    <Paragraph Type="Title"><Text>The Contract Bride</Text></Paragraph>
    <Paragraph Type="Text"><Text>Written by Mei Lin</Text></Paragraph>
  </Content></TitlePage>
</FinalDraft>
"""


def test_final_draft_headings_numbers_dialogue_and_title_page():
    screenplay = read_script(FDX.encode(), "ep12.fdx")
    assert screenplay.title_page == {"title": "The Contract Bride", "notes": "Written by Mei Lin"}
    kinds = [e.kind for e in screenplay.elements]
    assert kinds[:5] == [Kind.HEADING, Kind.ACTION, Kind.CHARACTER, Kind.PARENTHETICAL, Kind.DIALOGUE]
    assert screenplay.elements[1].text == "Reporters everywhere. Flashes."
    outline = build_outline(screenplay, "ep12.fdx")
    first, second = outline.scenes
    assert (first.number, first.episode, first.int_ext, first.time_of_day) == ("12-3", 12, "INT", "NIGHT")
    assert first.speaking == ["VIVIAN", "ETHAN", "CHLOE"]
    assert (second.number, second.time_of_day, second.set_name) == ("12-4", "NIGHT", "STREET")


def test_final_draft_s_own_scene_lengths_and_the_revision_its_marks_are_of():
    """12-3 is 2 4/8 pages and 12-4 1/8 as Final Draft measured them (the file's SceneProperties Length); the
    file marks text of its revision set 2, Pink Revision, the active one. The same file without marks is no
    revision of its own (Final Draft defines every set, Blue active, in a first draft too)."""
    revisions = (
        '<Revisions ActiveSet="2"><Revision ID="1" Name="Blue Revision"/><Revision ID="2" Name="Pink Revision"/>'
        "</Revisions>"
    )
    marked = FDX.replace(
        '<Paragraph Type="Scene Heading" Number="12-3"><Text>',
        '<Paragraph Type="Scene Heading" Number="12-3"><SceneProperties Length="2 4/8"/><Text>',
    ).replace("<Text>Rain.</Text>", '<Text Revision="2">Rain.</Text>')
    marked = marked.replace("</Content>\n  <TitlePage>", "</Content>\n  " + revisions + "\n  <TitlePage>")
    outline = build_outline(read_script(marked.encode(), "ep12.fdx"), "ep12.fdx")
    assert [(scene.number, scene.eighths) for scene in outline.scenes] == [("12-3", 20), ("12-4", 1)]
    assert outline.revision_color == "Pink"
    unmarked = marked.replace(' Revision="2"', "")
    assert build_outline(read_script(unmarked.encode(), "ep12.fdx"), "ep12.fdx").revision_color == ""


def outline_of_file(path: Path):
    return build_outline(read_script_file(path), path.name)


def summary(outline):
    return [
        (s.number, s.int_ext, s.time_of_day, s.set_name, tuple(s.speaking), tuple(s.listed)) for s in outline.scenes
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"])
def test_every_text_encoding_reads_the_same(encoding, tmp_path):
    path = tmp_path / "script.txt"
    path.write_bytes(SAMPLE_ZH.read_text(encoding="utf-8").encode(encoding))
    assert summary(outline_of_file(path)) == summary(outline_of_file(SAMPLE_ZH))


def test_a_word_document_reads_like_the_text(tmp_path):
    document = docx.Document()
    for line in SAMPLE_ZH.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "script.docx"
    document.save(path)
    assert summary(outline_of_file(path)) == summary(outline_of_file(SAMPLE_ZH))


@pytest.mark.parametrize(
    ("marker", "number"),
    [
        ("# Episode 12", 12),
        ("# EP 12", 12),
        ("# 第12集", 12),
        ("EPISODE 12", 12),
        ("第十二集", 12),
        ("# Ep. 7: The Deal", 7),
    ],
)
def test_episode_markers(marker, number, tmp_path):
    path = tmp_path / "script.fountain"
    path.write_text(f"{marker}\n\nINT. OFFICE - DAY\n\nETHAN\nSign it.\n", encoding="utf-8")
    outline = outline_of_file(path)
    assert [e.number for e in outline.episodes] == [number]
    assert outline.scenes[0].number == f"{number}-1"


def test_extensions_are_not_new_characters():
    screenplay = read_script(
        b"INT. ROOM - DAY\n\nCHLOE (V.O.)\nOne.\n\nCHLOE (CONT'D)\nTwo.\n\nCHLOE (O.S.)\nThree.\n\n@McCLANE^\nFour.\n",
        "x.fountain",
    )
    assert build_outline(screenplay, "x").scenes[0].speaking == ["CHLOE", "McCLANE"]


def test_page_length_counts_formatted_lines():
    scene = (
        "INT. APARTMENT - NIGHT\n\n"
        + "Rain hammers the window while the city hums below, restless and awake all night long.\n\n" * 3
        + "ETHAN\nWe need to talk about the contract before anyone else reads it.\n\n"
        + "CHLOE\n(quietly)\nThen talk.\n\n"
    )
    screenplay = read_script((scene * 120).encode(), "feature.fountain")
    scenes = build_outline(screenplay, "feature").scenes
    # heading 1; three 86-column action paragraphs at 61 columns, 2 lines each; ETHAN's 63 columns of
    # dialogue at 35, 2 lines; CHLOE with a parenthetical, 3 lines; blank lines between blocks: 18 lines,
    # 18/55 of a page, rounded up to 3/8.
    assert {scene.eighths for scene in scenes} == {3}
    chinese = read_script("1-1 日 内 办公室\n△".encode() + "雨".encode() * 62 + "。\n".encode(), "zh.txt")
    # 63 CJK glyphs are 126 columns: 3 lines at 61, plus the heading and a blank line: 5 lines → 1/8.
    from studio.scripts.eighths import formatted_lines

    assert formatted_lines(chinese.elements) == 5


def zh_scenes(text: str):
    return build_outline(read_script(text.encode(), "x.txt"), "x.txt").scenes


def test_chinese_cast_lists_with_notes_and_speech_with_brackets():
    (scene,) = zh_scenes("1-1 日 内 办公室\n人物：伊森（28岁，总裁）、格蕾丝\n伊森（笑）：他说(小声)：走吧。\n")
    assert scene.speaking == ["伊森"] and scene.listed == ["格蕾丝"]
    assert "他说(小声)：走吧。" in scene.text


def test_chinese_directions_with_a_colon_are_not_speakers():
    (scene,) = zh_scenes("1-1 日 内 办公室\n人物：伊森\n手机屏幕显示：未知来电\n时间：三年后\n伊森：喂？\n")
    assert scene.speaking == ["伊森"]
    assert "未知来电" in scene.text and "三年后" in scene.text


def test_scene_of_episode_headings_without_an_episode_and_two_line_headings(tmp_path):
    for number, body in ((3, "第1场 日 内 书房\n甲：好。\n"), (4, "### 场1-1\n日 内 书房\n甲：好。\n")):
        path = tmp_path / f"ep{number}.txt"
        path.write_text(body, encoding="utf-8")
    from studio.scripts.script_files import read_outline

    outline, _ = read_outline(sorted(tmp_path.glob("ep*.txt")))
    assert [(s.number, s.set_name) for s in outline.scenes] == [("3-1", "书房"), ("1-1", "书房")]


def test_fountain_scene_numbers_that_restart_each_episode():
    text = "# Episode 1\n\nINT. A - DAY #1#\n\nHi.\n\nINT. B - DAY\n\nYo.\n\n# Episode 2\n\nINT. A - DAY #1#\n\nHi.\n"
    scenes = build_outline(read_script(text.encode(), "x.fountain"), "x").scenes
    assert [s.number for s in scenes] == ["1-1", "1-2", "2-1"]


def test_an_unclosed_note_ends_at_a_blank_line():
    text = "INT. A - DAY\n\nShe waits. [[fix this\n\nINT. B - NIGHT\n\nHe leaves.\n"
    scenes = build_outline(read_script(text.encode(), "x.fountain"), "x").scenes
    assert [s.set_name for s in scenes] == ["A", "B"]


def test_a_numbered_sentence_is_no_heading_and_a_glued_heading_is_read_with_guesses():
    first, second = zh_scenes("1-1 日 内 办公室\n甲：好。\n3.5 日内必须交货，否则违约。\n1-2 日内办公室\n甲：嗯。\n")
    assert "3.5 日内必须交货" in first.text
    # Time and place glued to the set (issue 20): DAY, INT, 办公室.
    assert (second.number, second.time_of_day, second.int_ext, second.set_name) == ("1-2", "DAY", "INT", "办公室")


def test_a_bold_cast_list_lists_names_without_the_marks():
    (scene,) = zh_scenes("1-1 日 内 办公室\n**人物：甲、陈默**\n甲：好。\n")
    assert (scene.speaking, scene.listed) == (["甲"], ["陈默"])


def test_a_name_with_a_space_inside_is_one_character_and_an_action_line_with_a_colon_stays_action():
    text = (
        "1-1 夜 内 书房\n人物：沈 念安、林　晚、欧阳 明月、周助理\n沈 念安：你来了。\n林  晚（低声）：嗯。\n"
        "欧阳 明月VO：我在。\n门 开了：\n车 停了：\n沈 念安:\n1-2 日 外 花园\n人物：沈念安 林晚\n林 晚：走吧。\n"
    )
    first, second = zh_scenes(text)
    assert first.speaking == ["沈念安", "林晚", "欧阳明月"] and first.listed == ["周助理"]
    assert "门 开了：" in first.text and "车 停了：" in first.text
    assert (second.speaking, second.listed) == (["林晚"], ["沈念安"])


def test_glued_time_and_place_headings_with_or_without_spaces():
    text = "1-1 日内办公室\n甲：好。\n1-2日内 办公室\n甲：好。\n1-3 夜外 街道\n甲：好。\n1-4夜外街道\n甲：好。\n"
    scenes = [(s.number, s.time_of_day, s.int_ext, s.set_name) for s in zh_scenes(text)]
    assert scenes == [
        ("1-1", "DAY", "INT", "办公室"),
        ("1-2", "DAY", "INT", "办公室"),
        ("1-3", "NIGHT", "EXT", "街道"),
        ("1-4", "NIGHT", "EXT", "街道"),
    ]
    # A number glued to words that state no time or place, a time alone before a set, Geneva: not split.
    (scene,) = zh_scenes("1-1 日 内 办公室\n甲：3-5天后再说。\n1-2日后，他走了。\n")
    assert "1-2日后" in scene.text
    assert [s.set_name for s in zh_scenes("1-1 夜 内 夜店\n甲：好。\n1-2 日 外 日内瓦湖畔\n甲：好。\n")] == [
        "夜店",
        "日内瓦湖畔",
    ]


def test_inside_and_outside_in_either_order_or_with_a_slash_is_both():
    headings = ["1-1 黄昏 外内 江边", "1-2 内/外 车内 夜", "1-3 日 外/内 门口", "1-4 外内夜 车库", "1-5 夜 内 外 桥"]
    text = "".join(f"{heading}\n甲：好。\n" for heading in headings)
    scenes = [(s.number, s.time_of_day, s.int_ext, s.set_name) for s in zh_scenes(text)]
    assert scenes == [
        ("1-1", "DUSK", "INT/EXT", "江边"),
        ("1-2", "NIGHT", "INT/EXT", "车内"),
        ("1-3", "DAY", "INT/EXT", "门口"),
        ("1-4", "NIGHT", "INT/EXT", "车库"),
        ("1-5", "NIGHT", "INT/EXT", "桥"),
    ]


@pytest.mark.parametrize(
    ("first_lines", "title"),
    [
        ("契约新娘\n\n第一集\n1-1 夜 内 办公室\n", "契约新娘"),  # a bare name before the first episode
        ("契约新娘\n1-1 夜 内 办公室\n", "契约新娘"),  # or the first scene
        ("《契约新娘》\n第一集\n1-1 夜 内 办公室\n", "契约新娘"),
        ("顾景深推门而入。\n1-1 夜 内 办公室\n", None),  # a sentence: kept as a note, not a title
        ("契约新娘\n顾景深推门而入。\n1-1 夜 内 办公室\n", None),  # not just before a scene
    ],
)
def test_a_chinese_scripts_first_line_is_its_title_when_it_names_it(first_lines, title):
    screenplay = read_script((first_lines + "顾景深：人呢？\n").encode(), "x.txt")
    assert screenplay.title_page.get("title") == title
