"""Sides read back from real PDFs: the day's scenes in shooting order with their own text, the header naming
the day, a recipient's watermark, Chinese scripts, and the mistakes people make."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader
from sqlmodel import select

from studio.callsheet import call_sheet, numbered_day
from studio.errors import UserError
from studio.exports.sides_pdf import day_sides, sides_file_name, write_sides
from studio.models import Scene
from tests.command_line import run
from tests.studio.test_callsheet import small_production


def layout_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_days_scenes_in_shooting_order_with_their_own_text_and_the_day_on_every_page(demo, tmp_path):
    with demo.session() as session:
        day_id = numbered_day(session, 1, 3)
        path = write_sides(session, 1, day_id, tmp_path / "sides.pdf")
        sheet = call_sheet(session, 1, day_id)
        sides = day_sides(session, 1, day_id)
    text = layout_text(path)
    numbers = [line.number for line in sheet.scenes]
    assert [scene.number for scene in sides.scenes] == numbers  # the call sheet's shooting order
    firsts = [re.search(rf"^\s*{re.escape(number)}\s", text, re.MULTILINE).start() for number in numbers]
    assert firsts == sorted(firsts)  # printed in that order, each number in the margin
    for scene in sides.scenes[:12]:
        assert scene.heading in text
        assert all(line.strip() in text for line in scene.text.splitlines()), scene.number
    pages = PdfReader(path).pages
    assert len(pages) > 5
    header = "The Contract Bride · Sides · Day 3 of 9 · Jan 13, 2027"
    assert all(header in " ".join(page.extract_text().split()) for page in pages)
    assert "Hayes" not in text  # no watermark asked for


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_a_watermark_names_the_recipient_on_every_page(demo, tmp_path, lang):
    with demo.session() as session:
        path = write_sides(session, 1, numbered_day(session, 1, 1), tmp_path / "sides.pdf", lang, "Daniel Hayes 丹尼尔")
    pages = PdfReader(path).pages
    assert all("Daniel Hayes 丹尼尔" in page.extract_text() for page in pages)
    day = {"en": "Day 1 of 9", "zh": "第 1 天（共 9 天）", "en+zh": "Day 1 of 9 / 第 1 天（共 9 天）"}[lang]
    assert day in pages[0].extract_text()
    if lang == "zh":  # the title in Chinese in the footer too, as in the header
        assert "The Contract Bride" not in pages[0].extract_text() and "契约新娘" in pages[0].extract_text()


def test_a_chinese_script_is_laid_out_as_written(tmp_path):
    production = small_production(tmp_path)
    with production.database.transaction() as session:
        first = session.exec(select(Scene).where(Scene.number == "1-1")).one()
        first.heading = "1-1 日 内 老磨坊"
        first.text = "△ 磨坊里灯光昏暗。\n\n简\n（低声）\n你签了合同，现在就得照做。\n\n约翰\n我从没想过会是这样。"
    with production.database.session() as session:
        path = write_sides(session, 1, production.days[0], tmp_path / "zh.pdf", "zh")
    text = layout_text(path)
    for line in (
        "1-1 日 内 老磨坊",
        "△ 磨坊里灯光昏暗。",
        "（低声）",
        "你签了合同，现在就得照做。",
        "我从没想过会是这样。",
    ):
        assert line in text
    cue = next(line for line in text.splitlines() if line.strip() == "简")
    spoken = next(line for line in text.splitlines() if "你签了合同" in line)
    assert len(cue) - len(cue.lstrip()) > len(spoken) - len(spoken.lstrip()) > 0  # name indented past the lines
    production.database.close()


def test_a_numbered_speaker_is_a_cue_and_a_transition_is_set_at_the_right(tmp_path):
    """REPORTER #1 speaks (a cue with a number sign was printed as action); CUT TO: and FADE OUT. stand at
    the right, as a screenplay sets them, past where the cue is indented; action stays at the left."""
    production = small_production(tmp_path)
    with production.database.transaction() as session:
        first = session.exec(select(Scene).where(Scene.number == "1-1")).one()
        first.text = "Flashes pop at the gate.\n\nREPORTER #1\nMr. Gu! Is it true?\n\nCUT TO:\n\nFADE OUT."
    with production.database.session() as session:
        path = write_sides(session, 1, production.days[0], tmp_path / "sides.pdf")
    lines = layout_text(path).splitlines()

    def indent(fragment: str) -> int:
        line = next(line for line in lines if fragment in line)
        return len(line) - len(line.lstrip())

    assert indent("Flashes pop") < indent("Mr. Gu! Is it true?") < indent("REPORTER #1") < indent("CUT TO:")
    assert indent("FADE OUT.") > indent("REPORTER #1")
    production.database.close()


def test_a_day_without_scenes_and_the_files_name(tmp_path):
    production = small_production(tmp_path)
    with production.database.session() as session:
        path = write_sides(session, 1, production.days[1], tmp_path / "empty.pdf")
        sides = day_sides(session, 1, production.days[1])
    assert "No scenes are scheduled on this day." in layout_text(path)
    assert sides_file_name(sides, "en") == "Night Shift - Day 02 - 2027-01-12 - sides (EN).pdf"
    production.database.close()


def test_wrong_targets_are_refused_and_nothing_is_written(demo, tmp_path):
    with demo.session() as session:
        with pytest.raises(UserError, match=r"\.pdf"):
            write_sides(session, 1, 1, tmp_path / "out" / "sides.docx")
        with pytest.raises(UserError, match="no shoot day"):
            write_sides(session, 1, 999, tmp_path / "out" / "sides.pdf")
    assert not (tmp_path / "out").exists()


def test_export_sides_from_the_command_line(demo_path, tmp_path):
    target = tmp_path / "sides.pdf"
    result = run(
        "export", "sides", "--db", str(demo_path), "--day", "2", "--out", str(target), "--watermark", "Mia Tanaka"
    )
    assert result.returncode == 0, result.stderr
    assert "Mia Tanaka" in PdfReader(target).pages[0].extract_text()
    wrong = run("export", "sides", "--db", str(demo_path), "--day", "12", "--out", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 2 and "the shoot days are 1, 2" in wrong.stderr and not (tmp_path / "x.pdf").exists()
    folder = run("export", "sides", "--db", str(demo_path), "--day", "2", "--out", str(tmp_path))
    assert folder.returncode == 0, folder.stderr
    assert (tmp_path / "The Contract Bride - Day 02 - 2027-01-12 - sides (EN).pdf").exists()  # named for the day
    for day in ("abc", "-1", "3.5"):
        typo = run("export", "sides", "--db", str(demo_path), "--day", day, "--out", str(tmp_path / "y.pdf"))
        assert typo.returncode == 2 and typo.stderr == f"cliffhanger: --day must be a day's number, not {day}\n"
    chinese = run("export", "sides", "--db", str(demo_path), "--day", "2", "--out", str(tmp_path), "--lang", "zh_CN")
    assert chinese.returncode == 0, chinese.stderr  # as the interface's --lang says Chinese: zh
    assert len(list(tmp_path.glob("* - 2027-01-12 - *(ZH).pdf"))) == 1
