"""A scene's length in eighths of a page, from the lines it takes when formatted.

US-Letter Courier 12 holds about 55 lines a page; action and headings wrap at 61 columns, dialogue
at 35, parentheticals at 25. A CJK glyph takes two columns, so a Chinese script is measured the
way it prints. Each element after the first is set off by a blank line, as screenplay format does
(dialogue, parentheticals and the speaker's name run together). Fountain's emphasis marks (`*`, `_`) are
not printed, so not measured: a draft measures the same in Fountain and in Final Draft. A scene is never
shorter than 1/8.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from itertools import groupby

from studio.scripts.elements import Element, Kind

LINES_PER_PAGE = 55
WIDTHS = {
    Kind.DIALOGUE: 35,
    Kind.PARENTHETICAL: 25,
    Kind.CHARACTER: 38,
}
DEFAULT_WIDTH = 61
TIGHT = {Kind.DIALOGUE, Kind.PARENTHETICAL}  # no blank line before these
NOT_PRINTED = {Kind.SECTION, Kind.SYNOPSIS, Kind.PAGE_BREAK, Kind.EPISODE}
UNPRINTED = str.maketrans("", "", "*_")  # Fountain's emphasis marks
WORDS = re.compile(r"\S+")
FIRST_WIDE = "\u1100"  # no character before it is wide


def columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes when word-wrapped at `width` columns (CJK breaks anywhere: each glyph is a
    word of its own, and a run of them is laid out by arithmetic rather than glyph by glyph)."""
    total = 0
    per_line = width // 2
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in WORDS.findall(paragraph):
            runs = [(False, len(word))] if max(word) < FIRST_WIDE else _runs(word)
            for wide, size in runs:
                if wide:  # `size` glyphs, two columns each, no space between them
                    room = (width - used) // 2
                    if size <= room:
                        used += 2 * size
                        continue
                    size -= room
                    lines += 1 + (size - 1) // per_line
                    used = 2 * (size - (size - 1) // per_line * per_line)
                    continue
                gap = 1 if used else 0
                if used and used + gap + size > width:
                    lines += 1
                    used = gap = 0
                if size > width:  # a word longer than a line
                    lines += (size - 1) // width
                    size -= (size - 1) // width * width
                used += gap + size
        total += lines
    return total


def _runs(word: str) -> list[tuple[bool, int]]:
    """A word's runs of wide and of narrow characters, each with its length."""
    return [(wide, len(list(run))) for wide, run in groupby(word, _wide)]


@cache
def _wide(char: str) -> bool:
    return columns(char) == 2


def formatted_lines(elements: list[Element]) -> int:
    total = 0
    for element in elements:
        if element.kind in NOT_PRINTED:
            continue
        if total and element.kind not in TIGHT:
            total += 1
        text = ", ".join(element.names) if element.kind == Kind.CAST_LIST else element.text
        total += wrapped_lines(text.translate(UNPRINTED), WIDTHS.get(element.kind, DEFAULT_WIDTH))
    return total


def eighths(elements: list[Element]) -> int:
    return max(1, math.ceil(formatted_lines(elements) * 8 / LINES_PER_PAGE))
