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
import unicodedata

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


def columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes when word-wrapped at `width` columns (CJK breaks anywhere)."""
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for token in _tokens(paragraph):
            size = sum(columns(ch) for ch in token)
            gap = 1 if used and not _is_cjk(token) else 0
            if used and used + gap + size > width:
                lines += 1
                used = 0
                gap = 0
            while size > width:  # a word longer than a line
                lines += 1
                size -= width
            used += gap + size
        total += lines
    return total


def _is_cjk(token: str) -> bool:
    return len(token) == 1 and columns(token) == 2


def _tokens(paragraph: str) -> list[str]:
    """Words, with each CJK glyph a word of its own (Chinese breaks between any two glyphs)."""
    tokens: list[str] = []
    word: list[str] = []  # joined once: `+=` on a str is quadratic wherever CPython cannot grow it in place
    for char in paragraph:
        if char.isspace() or columns(char) == 2:
            if word:
                tokens.append("".join(word))
                word = []
            if not char.isspace():
                tokens.append(char)
        else:
            word.append(char)
    if word:
        tokens.append("".join(word))
    return tokens


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
