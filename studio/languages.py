"""Which working languages someone speaks: a bilingual set runs on Mandarin and English."""

from __future__ import annotations

import re

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


def _spoken(languages: str) -> list[str]:
    return [part.strip().casefold() for part in re.split(r"[,，、;/；&+]|\band\b", languages) if part.strip()]


def speaks_mandarin(languages: str) -> bool:
    return any(
        (part in ("zh", "cmn") or any(word in part for word in MANDARIN))
        and not any(word in part for word in OTHER_CHINESE)
        for part in _spoken(languages)
    )


def speaks_english(languages: str) -> bool:
    return any(part in ("en", "eng") or any(word in part for word in ENGLISH) for part in _spoken(languages))
