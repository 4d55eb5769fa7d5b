"""Which working languages someone speaks: a bilingual set runs on Mandarin and English."""

from __future__ import annotations

import re

MANDARIN = ("mandarin", "chinese", "putonghua", "普通话", "国语", "中文", "汉语", "华语")
ENGLISH = ("english", "英语", "英文")


def _spoken(languages: str) -> list[str]:
    return [part.strip().casefold() for part in re.split(r"[,，、;/；]", languages) if part.strip()]


def speaks_mandarin(languages: str) -> bool:
    return any(any(word in part for word in MANDARIN) for part in _spoken(languages))


def speaks_english(languages: str) -> bool:
    return any(any(word in part for word in ENGLISH) for part in _spoken(languages))
