"""Where a line of text in a PDF may break, for English, Chinese and both side by side.

reportlab breaks Latin text between words but, given Chinese, breaks anywhere at all ("Hair & Makeu|p",
"周艾|米"). Here a line may break after a space and between two Chinese characters, never inside a
Latin word, never before closing punctuation (，。）) or after opening punctuation (（《), never
between Chinese and a letter or digit written against it (第3天), and never inside a name marked
`unbroken`. A unit wider than the whole line breaks after a space, a hyphen or a name's dot first
("Vanderbilt-|Rothschild", "亚历山德罗夫娜·|范德比尔特"), then where its names may, and only as a
last resort between any two characters.

`Wrapping` is a reportlab Paragraph laid out by these rules (its style's `wordWrap` is "CJK", the
hook reportlab offers for a line breaker of one's own); `GLUE` (U+2060 WORD JOINER) marks the places
a name must not break and is never drawn.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines
from reportlab.rl_config import _FUZZ

from studio.scripts.eighths import columns

GLUE = "\u2060"
SPACES = " \t\u3000"
# Besides reportlab's lists (Japanese rules): Chinese full-width punctuation and the closing marks.
CANNOT_START = ALL_CANNOT_START + "，。、：；！？）》」』】〉…—%％°℃·・"
CANNOT_END = ALL_CANNOT_END + "（《「『【〈"
JOINTS = (*SPACES, "-", "‐", "·", "・", "/")  # a too-wide name breaks after these before anywhere else


@lru_cache(maxsize=4096)  # the same names on every page and every day's sheet
def unbroken(name: str) -> str:
    """A name that never breaks across lines ("Amy Zhou", "周艾米"): glued at every place it could break."""
    glued = []
    for index, char in enumerate(name):
        if index and (char in SPACES or name[index - 1] in SPACES or wide(char) or wide(name[index - 1])):
            glued.append(GLUE)
        glued.append(char)
    return "".join(glued)


def drawn(text: str) -> str:
    """The text as it is drawn (without the glue)."""
    return text.replace(GLUE, "")


@lru_cache(maxsize=4096)
def wide(char: str) -> bool:
    return columns(char) == 2


@lru_cache(maxsize=65_536)  # asked of every pair of characters in every cell, of the same few pairs
def may_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters."""
    if before == GLUE or after == GLUE or after in SPACES:
        return False
    if before in SPACES:
        return True
    if after in CANNOT_START or before in CANNOT_END:
        return False
    if wide(before) or wide(after):
        # A letter or digit against Chinese stays with it (第3天, Ep.3集).
        return not ((not wide(before) and before.isalnum()) or (not wide(after) and after.isalnum()))
    return False


def units(text: str) -> list[str]:
    """The text cut where a line may break; each piece keeps the spaces that follow it."""
    if not text:
        return []
    pieces, start = [], 0
    for index in range(1, len(text)):
        if may_break(text[index - 1], text[index]):
            pieces.append(text[start:index])
            start = index
    pieces.append(text[start:])
    return pieces


def unit_widths(text: str, font: str, size: float) -> list[tuple[int, float]]:
    """(characters, width) of each piece of `text` no line breaks inside, its trailing spaces left out."""
    pieces = (drawn(piece).rstrip(SPACES) for piece in units(text))
    return [(len(piece), stringWidth(piece, font, size)) for piece in pieces]


class Wrapping(Paragraph):
    """A paragraph broken into lines by this module's rules."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 - reportlab's name
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):  # the first part of a split: kept
            return self.blPara
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]  # noqa: N806
        self.height = 0
        # A table wraps a cell several times at the same width: the lines are worked out once per width.
        known = self.__dict__.setdefault("_lines_for", {})
        key = tuple(maxWidths)
        if key not in known:
            known[key] = self.breaker().lines(maxWidths)
        return ParaLines(kind=1, lines=known[key])

    def breaker(self) -> _Breaker:
        """The paragraph's text as units and their widths, worked out once however many widths it is tried
        at (a table measures a cell, then wraps it; a list in columns tries two and three of them)."""
        kept = self.__dict__.get("_breaker")
        if kept is None or kept.frags is not self.frags:
            kept = self.__dict__["_breaker"] = _Breaker(self.frags)
        return kept

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return max((width for _length, width in self.unit_widths()), default=0.0)

    def unit_widths(self) -> list[tuple[int, float]]:
        """(characters, width) of each piece no line breaks inside, its trailing spaces left out."""
        breaker = self.breaker()
        return [
            (len(drawn(breaker.text[low:high]).rstrip(SPACES)), breaker.width(low, high, trailing=False))
            for low, high in breaker.spans()
        ]


class _Breaker:
    """A paragraph's fragments as one string of characters, each knowing its fragment."""

    def __init__(self, frags):
        self.frags = frags
        texts = [getattr(frag, "text", "") or "" for frag in frags]
        self.text = "".join(texts)
        self.starts = list(accumulate((len(text) for text in texts[:-1]), initial=0))  # each fragment's offset
        # Forced breaks (<br/>) fall before the character at each of these offsets.
        self.forced = {
            start for frag, start in zip(frags, self.starts, strict=True) if getattr(frag, "lineBreak", False)
        }
        self.units = self.spans(0, len(self.text))
        self.widths: dict[tuple[int, int, bool], float] = {}

    def spans(self, low: int = 0, high: int | None = None, glued: bool = True) -> list[tuple[int, int]]:
        """(start, end) of each unit no line breaks inside, from `low` to `high`; not `glued`: as if the
        names had no glue (for a name wider than the line)."""
        if low == 0 and high is None and glued:
            return self.units
        text, high = self.text, len(self.text) if high is None else high
        bounds, before = [low], text[low] if low < high else ""
        for index in range(low + 1, high):
            char = text[index]
            if index in self.forced or (may_break(text[index - 1], char) if glued else may_break(before, char)):
                bounds.append(index)
            before = before if char == GLUE else char
        bounds.append(high)
        return [(start, end) for start, end in zip(bounds, bounds[1:], strict=False) if end > start]

    def joints(self, low: int, high: int) -> list[tuple[int, int]]:
        """(start, end) of the pieces of low…high cut after each space, hyphen or name's dot: where a name
        too wide for a line breaks first ("Vanderbilt-|Rothschild", "亚历山德罗夫娜·|范德比尔特")."""
        bounds, before = [low], ""
        for index in range(low, high):
            char = self.text[index]
            if char == GLUE:
                continue
            if index > low and before in JOINTS:
                bounds.append(index)
            before = char
        bounds.append(high)
        return [(start, end) for start, end in zip(bounds, bounds[1:], strict=False) if end > start]

    def runs(self, low: int, high: int):
        """The characters low…high as (fragment, text) runs, without glue."""
        index = bisect_right(self.starts, low) - 1
        while index < len(self.frags) and self.starts[index] < high:
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            piece = drawn(self.text[max(low, self.starts[index]) : min(high, end)])
            if piece:
                yield self.frags[index], piece
            index += 1

    def width(self, low: int, high: int, trailing: bool = True) -> float:
        key = (low, high, trailing)
        if key not in self.widths:
            if not trailing:
                while high > low and self.text[high - 1] in SPACES + GLUE:
                    high -= 1
            if len(self.frags) == 1:  # most cells: one run, measured without the generator's round trip
                frag, piece = self.frags[0], drawn(self.text[low:high])
                self.widths[key] = stringWidth(piece, frag.fontName, frag.fontSize) if piece else 0
            else:
                runs = self.runs(low, high)
                self.widths[key] = sum(stringWidth(piece, frag.fontName, frag.fontSize) for frag, piece in runs)
        return self.widths[key]

    def lines(self, max_widths: list[float]) -> list[FragLine]:
        lines: list[FragLine] = []
        start = end = 0  # the line being filled: start…end, its trailing spaces included
        used = 0.0

        def limit() -> float:
            return max_widths[min(len(lines), len(max_widths) - 1)]

        def close(forced: bool) -> None:
            nonlocal start, used
            lines.append(self.line(start, end, limit(), forced))
            start, used = end, 0.0

        def place(low: int, high: int, level: int) -> None:
            """Put a unit on the line, or on a new one; one wider than a line is broken after a space, a
            hyphen or a name's dot (level 1), else where its names may break (level 2), else between
            characters (level 3)."""
            nonlocal end, used
            width = self.width(low, high, trailing=False)
            if end > start and used + width > limit() + _FUZZ:
                close(False)
            if end == start and width > limit() + _FUZZ and level < 3 and high - low > 1:
                if level == 0:
                    smaller = self.joints(low, high)
                elif level == 1:
                    smaller = self.spans(low, high, glued=False)
                else:
                    smaller = [(i, i + 1) for i in range(low, high)]
                for piece in smaller:
                    place(*piece, level + 1)
                return
            end, used = high, used + self.width(low, high)

        for low, high in self.spans():
            if low in self.forced:
                close(True)
            place(low, high, 0)
        if end > start or not lines:
            close(False)
        return lines

    def line(self, low: int, high: int, max_width: float, forced: bool) -> FragLine:
        while high > low and self.text[high - 1] in SPACES + GLUE:
            high -= 1
        words, size, ascent, descent = [], 0.0, 0.0, 0.0
        for frag, piece in self.runs(low, high):
            words.append(frag.clone(text=piece))
            size = max(size, frag.fontSize)
            up, down = getAscentDescent(frag.fontName, frag.fontSize)
            ascent, descent = max(ascent, up), min(descent, down)
        if not words:  # an empty line (two breaks in a row) still has the paragraph's height
            size = self.frags[0].fontSize
            ascent, descent = getAscentDescent(self.frags[0].fontName, size)
        width = self.width(low, high)
        return FragLine(
            kind=1,
            extraSpace=max_width - width,
            wordCount=1 + len(re.findall(f"[{SPACES}]+", drawn(self.text[low:high]))),
            words=words,
            fontSize=size,
            ascent=ascent,
            descent=descent,
            maxWidth=max_width,
            currentWidth=width,
            lineBreak=forced,
        )


@lru_cache(maxsize=64)
def wrapping_style(style: ParagraphStyle) -> ParagraphStyle:
    """`style` laid out by this module's line breaker."""
    return ParagraphStyle(f"{style.name}-wrapping", parent=style, wordWrap="CJK")


def shortened(text: str, font: str, size: float, width: float) -> str:
    """`text` cut after its last whole word (or Chinese character) that fits `width` with an ellipsis."""
    if stringWidth(drawn(text), font, size) <= width:
        return text
    kept = ""
    for piece in units(text):
        if stringWidth(drawn(kept + piece).rstrip(SPACES) + "…", font, size) > width:
            break
        kept += piece
    return drawn(kept).rstrip(SPACES + ",;:，、；：") + "…"
