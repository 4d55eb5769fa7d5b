"""Temperatures stored in °F, read and typed in °C too; the Chinese for words stored in English."""

from __future__ import annotations

import pytest

from studio import temperatures, vocabulary
from studio.errors import InvalidInput
from studio.exports.callsheet_words import SheetWords


def test_every_whole_celsius_typed_reads_back_as_typed():
    for celsius in range(temperatures.LOWEST_C, temperatures.HIGHEST_C + 1):
        stored = temperatures.entered(str(celsius), "C")
        assert temperatures.LOWEST_F <= stored <= temperatures.HIGHEST_F
        assert temperatures.shown(stored, "C") == str(celsius)


def test_fahrenheit_is_stored_as_typed_and_celsius_rounds_half_away_from_zero():
    assert temperatures.entered("70", "F") == "70"  # the field's own rule checks it
    assert [temperatures.celsius(f) for f in (70, 71, 32, -40, 23)] == [21, 22, 0, -40, -5]
    assert temperatures.fahrenheit(21) == 70 and temperatures.fahrenheit(-5) == 23
    assert temperatures.entered("２１℃", "C") == 70 and temperatures.entered(" ", "C") is None
    with pytest.raises(InvalidInput, match="-62 to 60"):
        temperatures.entered("61", "C")
    with pytest.raises(InvalidInput):
        temperatures.entered("21.5", "C")


def test_a_call_sheet_reads_temperatures_in_its_language():
    """Issue 22: °F on an English sheet, °C on a Chinese one, both on a bilingual one."""
    assert SheetWords("en").temperature(68) == "68°F"
    assert SheetWords("zh").temperature(68) == "20°C"
    assert SheetWords("en+zh").temperature(68) == "68°F / 20°C"


def test_words_stored_in_english_have_their_chinese():
    assert vocabulary.chinese("positions", "1st Assistant Director") == "第一副导演"
    assert vocabulary.chinese("positions", " 1st a.d. ") == "第一副导演"  # as people write it
    assert vocabulary.chinese("departments", "G&E") == "灯光与器械"
    assert vocabulary.chinese("fringes", "Social Security (FICA)") == "社会保障税（FICA）"
    assert vocabulary.chinese("pay_presets", "Flat day, no overtime") == "包日，无加班费"
    assert vocabulary.chinese("positions", "Chief Dragon Wrangler") == ""
    assert [vocabulary.revision_color_zh(c) for c in ("White", "Blue", "Double Pink", "5x Cherry", "Mauve")] == [
        "白",
        "蓝",
        "双粉",
        "5重樱桃红",
        "",
    ]
    assert vocabulary.in_language("positions", "Gaffer", "zh") == "灯光师"


def test_a_word_typed_as_its_chinese_is_stored_in_english():
    assert vocabulary.from_chinese("positions", "灯光师") == "Gaffer"
    assert vocabulary.from_chinese("pay_presets", " 包日，无加班费 ") == "Flat day, no overtime"
    notes = vocabulary.chinese("pay_preset_notes", "All-in day rate: the hours of the day are included.")
    assert notes == "包干日薪：当天的工时都已包含在内。"
    assert vocabulary.from_chinese("pay_preset_notes", notes) == "All-in day rate: the hours of the day are included."
    assert vocabulary.from_chinese("positions", "龙语翻译") == "龙语翻译"  # none known: as typed
    assert vocabulary.in_language("positions", "Gaffer", "en+zh") == "Gaffer"
    assert SheetWords("en+zh").revision_color("Blue") == "Blue 蓝" and SheetWords("zh").revision_color("Blue") == "蓝"
