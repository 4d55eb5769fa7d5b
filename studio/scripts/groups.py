"""Groups in a script's cast — 全员, 前场所有人, 宾客若干, 几个高年级男同学, 保安2名, EVERYONE, TWO GUARDS:
background, never principal characters, with their count when the script writes one."""

from __future__ import annotations

import re

from studio.scripts.zh_text import chinese_number, fold

_COUNT = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})"
COUNT_AFTER = re.compile(rf"^(.+?)\s*{_COUNT}\s*[名个位人]$")  # 保安2名, 保镖两个, 村民三人
COUNT_BEFORE = re.compile(rf"^{_COUNT}\s*[名个位]\s*(.+)$")  # 两名保安, 3个男生
GROUP_ENDINGS = ("若干", "若干名", "数名", "数人", "们", "等人", "一众")
GROUP_WORDS = ("众人", "所有人", "全员", "全体", "大家", "群众")
GROUP_STARTS = ("几个", "几名", "几位", "数名", "一群", "一些", "一帮", "一伙", "众")
ENGLISH_GROUPS = {"ALL", "EVERYONE", "EVERYBODY", "CROWD", "THE CROWD", "BOTH", "OTHERS", "GROUP", "CHORUS", "VOICES"}
ENGLISH_NUMBERS = ["TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"]
ENGLISH_COUNT = re.compile(r"^(" + "|".join(ENGLISH_NUMBERS) + r"|\d{1,3}) [A-Z][A-Z' .-]*S$")


def group_count(name: str) -> int | None:
    """How many people a group's name says it is (`保安2名` → 2, `TWO GUARDS` → 2); None when it says none."""
    folded = fold(name.strip())
    if match := COUNT_AFTER.match(folded):
        return chinese_number(match.group(2))
    if match := COUNT_BEFORE.match(folded):
        return chinese_number(match.group(1))
    if match := ENGLISH_COUNT.match(folded.upper()):
        word = match.group(1)
        return int(word) if word.isdigit() else ENGLISH_NUMBERS.index(word) + 2
    return None


def is_group(name: str) -> bool:
    folded = fold(name.strip())
    return (
        folded.endswith(GROUP_ENDINGS)
        or any(word in folded for word in GROUP_WORDS)
        or (folded.startswith(GROUP_STARTS) and len(folded) > 1)
        or folded.upper() in ENGLISH_GROUPS
        or group_count(folded) is not None
    )


def group_member(name: str) -> str | None:
    """What each of a counted group is (`保安2名`, `两名保安` → `保安`): who speaks for it in a cue."""
    folded = fold(name.strip())
    if match := COUNT_AFTER.match(folded):
        return match.group(1)
    if match := COUNT_BEFORE.match(folded):
        return match.group(2)
    return None
