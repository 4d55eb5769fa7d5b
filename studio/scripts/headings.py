"""Scene headings taken apart: interior/exterior, time of day, set, and the location a set is in."""

from __future__ import annotations

import re

from studio.models.enums import IntExt, TimeOfDay
from studio.scripts.elements import Heading

PREFIXES = [
    (re.compile(r"^(int\.?\s*/\s*ext|ext\.?\s*/\s*int|i\s*/\s*e)\.?\s*", re.IGNORECASE), IntExt.INT_EXT),
    (re.compile(r"^int(erior)?\.?\s+", re.IGNORECASE), IntExt.INT),
    (re.compile(r"^(ext(erior)?|est)\.?\s+", re.IGNORECASE), IntExt.EXT),
]
TIMES = {
    "DAY": TimeOfDay.DAY,
    "AFTERNOON": TimeOfDay.DAY,
    "NOON": TimeOfDay.DAY,
    "NIGHT": TimeOfDay.NIGHT,
    "MIDNIGHT": TimeOfDay.NIGHT,
    "MORNING": TimeOfDay.MORNING,
    "DAWN": TimeOfDay.DAWN,
    "SUNRISE": TimeOfDay.DAWN,
    "DUSK": TimeOfDay.DUSK,
    "SUNSET": TimeOfDay.DUSK,
    "EVENING": TimeOfDay.DUSK,
    "MAGIC HOUR": TimeOfDay.DUSK,
}
# Words that say "the same time as before": the scene inherits the previous scene's time of day.
SAME_TIME = {"CONTINUOUS", "LATER", "MOMENTS LATER", "SAME", "SAME TIME", "MOMENTS BEFORE"}
SET_SEPARATORS = re.compile(r"\s+-+\s+|\s*[·•・]\s*")


def parse_heading(text: str) -> Heading:
    """`INT. STERLING TOWER - CEO OFFICE - DAY` → INT, DAY, set `STERLING TOWER - CEO OFFICE`."""
    rest = text.strip()
    int_ext = None
    for pattern, value in PREFIXES:
        match = pattern.match(rest)
        if match:
            int_ext, rest = value.value, rest[match.end() :]
            break
    parts = [part.strip() for part in re.split(r"\s+-+\s+", rest)]
    time_of_day = None
    if len(parts) > 1:
        last = parts[-1].upper().strip(" .")
        if last in TIMES or last in SAME_TIME:
            time_of_day = TIMES[last].value if last in TIMES else None
            parts = parts[:-1]
    return Heading(int_ext=int_ext, time_of_day=time_of_day, set_name=" - ".join(p for p in parts if p))


def location_of(set_name: str) -> str:
    """The place a unit drives to: the first part of `STERLING TOWER - LOBBY` or `斯特林大厦·大堂`."""
    return SET_SEPARATORS.split(set_name.strip(), maxsplit=1)[0].strip()
