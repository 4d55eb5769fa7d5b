"""The bilingual script PDF read back (pdftotext): the original and its adaptation side by side, scene by
scene, each scene on one page when it fits, the state of each pair said."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader
from sqlmodel import select

from studio import operations
from studio.models import OriginalScene, SceneAdaptation
from studio.storage.db import open_database
from tests.command_line import assert_one_clear_line, run
from tests.scripts.test_alignment import ADAPTATION, ORIGINAL

LONG_LINE = "她把合同一页一页地读完，一句话也没有说。"


def pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def two_scripts(tmp_path, original: str = ORIGINAL) -> str:
    db = str(tmp_path / "show.sqlite")
    (tmp_path / "original.txt").write_text(original, encoding="utf-8")
    (tmp_path / "adaptation.fountain").write_text(ADAPTATION, encoding="utf-8")
    assert run("import-script", str(tmp_path / "adaptation.fountain"), "--db", db).returncode == 0
    assert run("import-script", str(tmp_path / "original.txt"), "--db", db, "--side", "original").returncode == 0
    return db


def test_each_scene_is_its_original_beside_its_adaptation_on_one_page(tmp_path):
    db = two_scripts(tmp_path)
    database = open_database(db)
    with database.transaction() as session:
        first = session.exec(select(SceneAdaptation).join(OriginalScene).where(OriginalScene.number == "1-1")).one()
        operations.edit(
            session, "scene_adaptation", first.id, {"status": "APPROVED", "cultural_note": "手术费: surgery"}
        )
    database.close()
    out = tmp_path / "script.pdf"
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out)).returncode == 0
    read = pages(out)
    whole = "\n".join(read)
    # side by side: a heading of the original on the same line as its adaptation's
    assert any("日 内 总裁办公室" in line and "INT. CEO'S OFFICE - DAY" in line for line in whole.splitlines())
    assert "签了它，你弟弟的手术费我来出。" in whole and "surgery is paid for" in whole
    for words in ("Approved / 已审定", "Cultural note / 文化注释", "手术费: surgery", "Cut in adaptation / 改编中删去"):
        assert words in whole, words
    assert "Added in adaptation / 改编中新增" in whole and "Pairing to confirm / 配对待确认" in whole
    # a scene that fits on a page is never split: its heading and its last line are on the same page
    for heading, last in (
        ("夜 外 医院门口", "不用了，我自己走。"),
        ("夜 内 酒吧", "跟你没关系。"),
        ("夜 内 苏家客厅", "谁是你的妻子？"),
    ):
        assert any(heading in page and last in page for page in read), heading


def test_a_scene_longer_than_a_page_goes_on_over_the_next(tmp_path):
    long_scene = "1-3 日 内 苏家客厅\n人物：苏母、苏晚\n" + "".join(f"△{LONG_LINE}{n}\n\n" for n in range(120))
    db = two_scripts(tmp_path, ORIGINAL.replace("1-3 日 内 苏家客厅\n人物：苏母、苏晚\n", long_scene))
    out = tmp_path / "script.pdf"
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out), "--lang", "zh").returncode == 0
    read = pages(out)
    holding = [index for index, page in enumerate(read) if LONG_LINE in page]
    assert len(holding) >= 2 and f"{LONG_LINE}119" in read[holding[-1]]
    assert "原文" in read[0] and "改编" in read[0]


def test_without_an_original_or_a_pdf_it_says_so_and_writes_nothing(tmp_path):
    db = str(tmp_path / "show.sqlite")
    (tmp_path / "adaptation.fountain").write_text(ADAPTATION, encoding="utf-8")
    run("import-script", str(tmp_path / "adaptation.fountain"), "--db", db)
    out = tmp_path / "script.pdf"
    assert_one_clear_line(run("export", "script", "--bilingual", "--db", db, "--out", str(out)), "--side original")
    assert_one_clear_line(run("export", "script", "--db", db, "--out", str(out)), "--bilingual")
    assert not out.exists()


def test_a_days_sides_in_the_original_or_beside_it(demo_path, tmp_path):
    """Day 2 of the demo opens on Malibu scenes added in adaptation, then scenes the original has."""
    texts = {}
    for script in ("shooting", "original", "both"):
        out = tmp_path / f"{script}.pdf"
        command = ("export", "sides", "--day", "2", "--db", str(demo_path), "--out", str(out), "--script", script)
        assert run(*command, "--watermark", "Mia Tanaka").returncode == 0
        texts[script] = "\n".join(pages(out))
        assert "Mia Tanaka" in PdfReader(out).pages[0].extract_text()  # the watermark, as test_sides reads it
    original_heading = "日 外 马里布海滩"  # 29-4's, in the original
    assert original_heading not in texts["shooting"]
    assert original_heading in texts["original"] and "EXT. MALIBU BEACH - DAY" in texts["original"]  # 6-1: added
    assert original_heading in texts["both"] and "Added in adaptation" in texts["both"]
    # what the adapters note for each other is not the cast's: 6-5, 17-2 and 21-6 carry an adapter's note
    assert not [word for word in ("Adapter's note", "Approved", "Translated") if word in texts["both"]]


def test_a_chinese_cue_with_an_extension_is_a_cue(tmp_path):
    extended = "林助理：董事会那边已经知道了。\n林助理 (OS)：顾总，他们到了。\n林助理（画外音）：在会议室等您。\n"
    db = two_scripts(tmp_path, ORIGINAL.replace("林助理：董事会那边已经知道了。\n", extended))
    out = tmp_path / "script.pdf"
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out)).returncode == 0
    lines = "\n".join(pages(out)).splitlines()

    def indent(text: str) -> int:  # where the line holding `text` starts it, in the left column
        return next(line.index(text) for line in lines if text in line and line.lstrip().startswith(text))

    plain = next(line.index("林助理") for line in lines if line.split()[:1] == ["林助理"] and "(" not in line)
    assert indent("林助理 (OS)") == plain and indent("林助理 (画外音)") == plain  # set as the plain cue is
    assert indent("顾总，他们到了。") == indent("董事会那边已经知道了。")  # the lines as dialogue


def scripts_of(episodes: int) -> tuple[str, str]:
    """An original and its adaptation of `episodes` episodes, three scenes each, of one to eleven lines."""
    original, adaptation = ["《契约总裁》", ""], ["Title: The Contract CEO", ""]
    for episode in range(1, episodes + 1):
        original += [f"第{episode}集", ""]
        adaptation += [f"# Episode {episode}", ""]
        for scene in range(1, 4):
            original += [f"{episode}-{scene} 日 内 总裁办公室", "人物：苏晚、顾景深"]
            adaptation += ["INT. CEO'S OFFICE - DAY", ""]
            for line in range((episode * 7 + scene * 3) % 11 + 1):
                original.append(f"顾景深：第{line}句，签了它。")
                adaptation += ["ETHAN", f"Line {line}: sign it.", ""]
            original.append("")
    return "\n".join(original), "\n".join(adaptation)


def test_an_episodes_heading_never_ends_a_page_alone(tmp_path):
    original, adaptation = scripts_of(5)
    (tmp_path / "original.txt").write_text(original, encoding="utf-8")
    (tmp_path / "adaptation.fountain").write_text(adaptation, encoding="utf-8")
    db, out = str(tmp_path / "show.sqlite"), tmp_path / "script.pdf"
    assert run("import-script", str(tmp_path / "adaptation.fountain"), "--db", db).returncode == 0
    assert run("import-script", str(tmp_path / "original.txt"), "--db", db, "--side", "original").returncode == 0
    assert run("export", "script", "--bilingual", "--db", db, "--out", str(out)).returncode == 0
    read = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages(out)]
    headed = [page for page in read if any(line.startswith("Episode ") for line in page)]
    assert len(headed) >= 3  # the scenes run over several pages, some of them with an episode's start
    for page in filter(None, read):
        body = [line for line in page if "Page " not in line]  # the footer aside
        assert body and not body[-1].startswith("Episode "), body[-3:]


def test_sides_in_the_original_say_which_scenes_have_none(demo_path, tmp_path):
    """Day 2 of the demo holds three Malibu scenes added in adaptation, among scenes the original has."""
    out = tmp_path / "original.pdf"
    result = run("export", "sides", "--day", "2", "--db", str(demo_path), "--out", str(out), "--script", "original")
    assert (
        result.returncode == 0
        and "no original (their sides are the shooting script's): 6-5, 17-2, 21-6" in result.stdout
    )
    text = "\n".join(pages(out))
    assert text.count("Added in adaptation — no original") == 3
    for number in ("6-5", "17-2", "21-6"):  # said under the scene's own heading, English as the shooting script's
        heading = next(n for n, line in enumerate(text.splitlines()) if line.split()[:1] == [number])
        assert "Added in adaptation — no original" in text.splitlines()[heading + 1]
    assert "日 外 银湖咖啡车" in text  # and the scenes the original has, in its words
