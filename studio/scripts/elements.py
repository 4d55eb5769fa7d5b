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


class IntExt(StrEnum):
    INT = "INT"
    EXT = "EXT"
    INT_EXT = "INT/EXT"


class TimeOfDay(StrEnum):
    DAY = "DAY"
    NIGHT = "NIGHT"
    MORNING = "MORNING"
    DAWN = "DAWN"
    DUSK = "DUSK"


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
    EPISODE_END = "episode_end"  # 第1集完, （本集完）, -完-
    CAST_LIST = "cast_list"  # 人物：A、B、C — who is in the scene, speaking or not
    NOTE = "note"  # Fountain [[notes]], Final Draft outline paragraphs: the writer's, not the script's
    BONEYARD = "boneyard"  # Fountain /* text taken out of the script */


@dataclass
class Heading:
    """A scene heading taken apart; parsers fill what their format states."""

    int_ext: str | None = None
    time_of_day: str | None = None
    set_name: str = ""
    number: str | None = None
    same_time: bool = False  # CONTINUOUS, LATER, 同时: the previous scene's time of day, as written


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
    last_line: int = 0  # the last source line the element takes, when it takes more than one
    eighths: int | None = None  # a heading's scene length as the writer's program measured it (Final Draft)

    @property
    def lines(self) -> range:
        return range(self.line, max(self.line, self.last_line) + 1)


@dataclass
class Guess:
    """Something the importer had to decide the script does not say, shown before importing."""

    line: int
    message: str


@dataclass
class Screenplay:
    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)
    title_lines: list[int] = field(default_factory=list)  # the source lines the title page was read from
    set_aside: list[Element] = field(default_factory=list)  # NOTE and BONEYARD: kept, never in a scene
    guesses: list[Guess] = field(default_factory=list)
    revision_color: str = ""  # the revision the file says it is (Final Draft's active one), in REVISION_COLORS


# The colours revised pages are issued in, in order; after Cherry, Double White…
REVISION_COLORS = ["White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry"]


class ScriptError(InvalidInput):
    """A script that cannot be imported; the message says what is wrong and where."""

    def __init__(self, source: str, message: str, line: int | None = None):
        where = _("{source}, line {line}").format(source=source, line=line) if line else source
        super().__init__(f"{where}: {message}")
