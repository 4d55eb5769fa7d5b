"""Chinese text as scripts write it: numerals, and one form of each character for matching.

`fold` maps full-width ASCII to half-width, the ideographic space to a space, and the traditional
characters of the words the importer looks for (內, 場, 劇終, 眾人, 幾個 …) to their simplified forms,
one character for one: a match found in the folded line has the same span in the line as typed,
so what is kept (names, sets, speech) is always cut from what the writer typed.
"""

from __future__ import annotations

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# An episode or scene number: up to four digits, or Chinese numerals (not a mixture).
NUMBER = r"(?:[0-9]{1,4}|[零〇一二两三四五六七八九十百]{1,6})"
TRADITIONAL = "內場黃點時間畫獨聲劇終眾員幾個們兩後淩曉結單齊擁羣編導製簡"
SIMPLIFIED = "内场黄点时间画独声剧终众员几个们两后凌晓结单齐拥群编导制简"
FOLD = str.maketrans(
    {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    | {"\u3000": " "}
    | dict(zip(TRADITIONAL, SIMPLIFIED, strict=True))
)


def fold(text: str) -> str:
    """The text as the importer matches it; the same length as `text`, character for character."""
    return text.translate(FOLD)


def chinese_number(text: str) -> int:
    """`12`, `十二`, `二十三`, `一百零五` → int."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CHINESE_DIGITS[char]
    return total + current
