"""What every script format parses into: a title page and a flat list of screenplay elements.

Fountain, Final Draft and the Chinese layout each produce a `Screenplay`; `outline.py` turns it into
episodes and scenes. Keeping the formats apart from the structure means each parser only answers
"what is this line?", and episode/scene rules live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from studio.errors import InvalidInput
from studio.i18n import _


class Kind(StrEnum):
    HEADING = "heading"
    ACTION = "action"
    CHARACTER = "character"
    DIALOGUE = "dialogue"
    PARENTHETICAL = "parenthetical"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRICS = "lyrics"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    PAGE_BREAK = "page_break"
    EPISODE = "episode"  # an explicit episode start: 第12集, EPISODE 12
    CAST_LIST = "cast_list"  # 人物：A、B、C — who is in the scene, speaking or not


@dataclass
class Heading:
    """A scene heading taken apart; parsers fill what their format states."""

    int_ext: str | None = None
    time_of_day: str | None = None
    set_name: str = ""
    number: str | None = None


@dataclass
class Element:
    kind: Kind
    text: str = ""
    line: int = 0  # 1-based line in the source, for messages
    number: str | None = None  # a scene number (#12-3#) or an episode number
    dual: bool = False  # second speaker of dual dialogue (^)
    level: int = 0  # section depth (# = 1)
    heading: Heading | None = None  # parsed heading parts, when the format gives them
    names: list[str] = field(default_factory=list)  # CAST_LIST entries


@dataclass
class Screenplay:
    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)


class ScriptError(InvalidInput):
    """A script that cannot be imported; the message says what is wrong and where."""

    def __init__(self, source: str, message: str, line: int | None = None):
        where = _("{source}, line {line}").format(source=source, line=line) if line else source
        super().__init__(f"{where}: {message}")
