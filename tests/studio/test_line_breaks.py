"""Where lines break in a PDF: between words and Chinese characters, never inside a Latin word or a name."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from studio.exports.fonts import cjk_font
from studio.exports.line_breaks import Wrapping, unbroken, units, wrapping_style


def lines(markup: str, width: float) -> list[str]:
    style = wrapping_style(ParagraphStyle("cell", fontName=cjk_font(), fontSize=7, leading=8))
    paragraph = Wrapping(markup, style)
    paragraph.wrap(width, 1000)
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]


def test_latin_words_stay_whole_and_chinese_breaks_between_characters():
    assert lines("Hair &amp; makeup / 化妆", 40) == ["Hair &", "makeup / 化", "妆"]
    assert units("第3天（共9天），开拍") == ["第3天", "（共9天），", "开", "拍"]  # numbers and punctuation stay


def test_a_name_is_never_split_unless_no_line_holds_it():
    text = f"Amy Zhou {unbroken('周艾米')} 契约新娘在婚礼上签下了合同"
    broken = lines(text, 30)
    assert any("周艾米" in line for line in broken) and all("\u2060" not in line for line in broken)
    assert lines(unbroken("Amy Zhou"), 60) == ["Amy Zhou"]
    assert lines(unbroken("Amy Zhou"), 20) == ["Amy", "Zhou"]  # wider than the line: at its space first


def test_a_name_too_wide_for_the_line_breaks_after_a_hyphen_or_a_dot_before_anywhere_else():
    long = unbroken("Vanderbilt-Rothschild-Featherstonehaugh")
    assert lines(long, 70) == ["Vanderbilt-Rothschild-", "Featherstonehaugh"]
    assert lines(long, 40)[:2] == ["Vanderbilt-", "Rothschild-"]  # then, wider than the line, cut
    chinese = unbroken("马克西米利亚娜·亚历山德罗夫娜·范德比尔特")
    assert lines(chinese, 60) == ["马克西米利亚娜·", "亚历山德罗夫娜·", "范德比尔特"]
    assert not any(line.startswith("·") for line in lines(chinese, 50))  # a name's dot ends its line
    assert lines(unbroken("周艾米"), 12) == ["周", "艾", "米"]  # nothing else left: between characters


@pytest.mark.parametrize("width", [12, 30, 50])  # 12 points: narrower than "next"
def test_a_word_wider_than_the_line_is_cut_and_nothing_is_lost(width):
    text = "D" * 60 + " <b>bold</b> end<br/>next"
    broken = lines(text, width)
    assert "".join(broken).replace(" ", "") == "D" * 60 + "boldendnext"
    assert broken[-1] == "next" or width == 12
