"""Which working languages someone speaks (a bilingual set runs on Mandarin and English), and the
languages a person lists as a screen in Chinese shows them."""

from __future__ import annotations

import re
from functools import cache

MANDARIN = (
    "mandarin",
    "putonghua",
    "普通话",
    "普通話",
    "国语",
    "國語",
    "华语",
    "華語",
    "汉语",
    "漢語",
    "中文",
    "chinese",
)
ENGLISH = ("english", "英语", "英語", "英文")
# Chinese that is not Mandarin: a Cantonese speaker may not follow a Mandarin-speaking director.
OTHER_CHINESE = ("cantonese", "粤语", "粵語", "广东话", "廣東話", "shanghainese", "上海话", "hokkien", "闽南语")


# Mandarin, which the CLDR names only as Chinese (中文), as a set names it: shown and stored both ways.
MANDARIN_NAMES = {"mandarin": "普通话", "putonghua": "普通话"}


def _listed(languages: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,，、;/；&+]|\band\b", languages) if part.strip()]


def _spoken(languages: str) -> list[str]:
    return [part.casefold() for part in _listed(languages)]


@cache
def _chinese_names() -> dict[str, str]:
    """English name (case-folded) → Chinese name, for every language the CLDR names in both (babel)."""
    from babel import Locale

    chinese = Locale.parse("zh_CN").languages
    names = {english.casefold(): chinese[code] for code, english in Locale("en").languages.items() if code in chinese}
    return names | MANDARIN_NAMES


@cache
def _english_names() -> dict[str, str]:
    """Chinese name → the English one stored for it (a language's own, before a dialect's or script's)."""
    from babel import Locale

    english = Locale("en").languages
    named = sorted(Locale.parse("zh_CN").languages.items(), key=lambda item: "_" in item[0], reverse=True)
    return {name: english[code] for code, name in named if code in english} | {"普通话": "Mandarin"}


def shown_languages(languages: str, language: str) -> str:
    """The languages a person lists, as a screen in `language` shows them: in Chinese each by its Chinese
    name where it has one ("English, Japanese" → "英语、日语"), otherwise as stored."""
    if not language.startswith("zh"):
        return languages
    return "、".join(_chinese_names().get(part.casefold(), part) for part in _listed(languages))


def entered_languages(typed: str) -> str:
    """Languages as typed, to be stored: each named in Chinese by its English name ("英语、普通话" →
    "English, Mandarin"), the others as typed, one list whatever the separators."""
    return ", ".join(_english_names().get(part, part) for part in _listed(typed))


def speaks_mandarin(languages: str) -> bool:
    return any(
        (part in ("zh", "cmn") or any(word in part for word in MANDARIN))
        and not any(word in part for word in OTHER_CHINESE)
        for part in _spoken(languages)
    )


def speaks_english(languages: str) -> bool:
    return any(part in ("en", "eng") or any(word in part for word in ENGLISH) for part in _spoken(languages))
