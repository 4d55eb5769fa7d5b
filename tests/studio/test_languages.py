import pytest

from studio.languages import speaks_english, speaks_mandarin


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
