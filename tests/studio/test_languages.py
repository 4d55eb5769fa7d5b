import re

import pytest

from studio.languages import entered_languages, shown_languages, speaks_english, speaks_mandarin

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    ("languages", "mandarin", "english"),
    [
        ("Mandarin, English", True, True),
        ("English and Mandarin", True, True),
        ("普通話、英語", True, True),
        ("EN/ZH", True, True),
        ("Chinese (Cantonese)", False, False),
        ("中文（粤语）, Eng", False, True),
        ("English, Spanish", False, True),
        ("", False, False),
    ],
)
def test_who_speaks_the_sets_two_working_languages(languages, mandarin, english):
    assert (speaks_mandarin(languages), speaks_english(languages)) == (mandarin, english)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("English", "英语"),
        ("English, Japanese", "英语、日语"),
        ("Mandarin and english", "普通话、英语"),
        ("Cantonese/Klingon", "粤语、克林贡语"),
        ("Sindarin, Vietnamese", "Sindarin、越南语"),  # a language the CLDR does not know stays as entered
        ("", ""),
    ],
)
def test_a_persons_languages_read_in_chinese_and_typed_back_are_stored_in_english(stored, shown):
    assert shown_languages(stored, "zh") == shown
    assert shown_languages(stored, "en") == stored
    again = entered_languages(shown)
    assert shown_languages(again, "zh") == shown and not CJK.search(again)


def test_languages_typed_in_chinese_are_stored_by_their_english_names():
    assert entered_languages("普通话；粤语 / 英语") == "Mandarin, Cantonese, English"
    assert entered_languages("中文、上海话") == "Chinese, 上海话"  # no English name known: as typed
