"""Scene headings taken apart: interior/exterior, time of day, set, and the location a set is in.

English headings (`INT. STERLING TOWER - CEO OFFICE - NIGHT (FLASHBACK)`) and the time and place words
of Chinese ones (`夜`, `深夜`, `内`, `外景`, glued as `日内` or `夜外`) are both read here.
"""

from __future__ import annotations

import re

from studio.scripts.elements import Heading, IntExt, TimeOfDay

HEADING_LIMIT = 400  # what the database keeps of a scene heading, and all of one that is taken apart
PREFIXES = [
    (re.compile(r"^(int\.?\s*/\s*ext|ext\.?\s*/\s*int|i\s*/\s*e)[.。．]?\s*", re.IGNORECASE), IntExt.INT_EXT),
    (re.compile(r"^int(erior)?(?:[.。．]\s*|\s+)", re.IGNORECASE), IntExt.INT),
    (re.compile(r"^(ext(erior)?|est)(?:[.。．]\s*|\s+)", re.IGNORECASE), IntExt.EXT),
]
TIMES = {
    "DAY": TimeOfDay.DAY,
    "DAYTIME": TimeOfDay.DAY,
    "AFTERNOON": TimeOfDay.DAY,
    "NOON": TimeOfDay.DAY,
    "NIGHT": TimeOfDay.NIGHT,
    "NIGHTTIME": TimeOfDay.NIGHT,
    "MIDNIGHT": TimeOfDay.NIGHT,
    "MORNING": TimeOfDay.MORNING,
    "DAWN": TimeOfDay.DAWN,
    "SUNRISE": TimeOfDay.DAWN,
    "DUSK": TimeOfDay.DUSK,
    "SUNSET": TimeOfDay.DUSK,
    "EVENING": TimeOfDay.DUSK,
    "TWILIGHT": TimeOfDay.DUSK,
    "MAGIC HOUR": TimeOfDay.DUSK,
}
# Words that say "the same time as before": the scene takes the previous scene's time of day.
SAME_TIME = ["CONTINUOUS", "MOMENTS LATER", "LATER", "SAME TIME", "SAME", "MOMENTS BEFORE", "SIMULTANEOUS"]
ZH_TIMES = {
    "日": TimeOfDay.DAY,
    "白天": TimeOfDay.DAY,
    "白日": TimeOfDay.DAY,
    "午": TimeOfDay.DAY,
    "中午": TimeOfDay.DAY,
    "下午": TimeOfDay.DAY,
    "午后": TimeOfDay.DAY,
    "晨": TimeOfDay.MORNING,
    "早": TimeOfDay.MORNING,
    "清晨": TimeOfDay.MORNING,
    "早晨": TimeOfDay.MORNING,
    "早上": TimeOfDay.MORNING,
    "上午": TimeOfDay.MORNING,
    "黎明": TimeOfDay.DAWN,
    "拂晓": TimeOfDay.DAWN,
    "凌晨": TimeOfDay.DAWN,
    "黄昏": TimeOfDay.DUSK,
    "傍晚": TimeOfDay.DUSK,
    "日落": TimeOfDay.DUSK,
    "夜": TimeOfDay.NIGHT,
    "晚": TimeOfDay.NIGHT,
    "夜晚": TimeOfDay.NIGHT,
    "晚上": TimeOfDay.NIGHT,
    "深夜": TimeOfDay.NIGHT,
    "午夜": TimeOfDay.NIGHT,
    "半夜": TimeOfDay.NIGHT,
}
ZH_SAME_TIME = {"同时", "接上场", "续", "连续"}
ZH_PLACES = {
    "内外": IntExt.INT_EXT,
    "内外景": IntExt.INT_EXT,
    "外内": IntExt.INT_EXT,
    "内": IntExt.INT,
    "内景": IntExt.INT,
    "室内": IntExt.INT,
    "外": IntExt.EXT,
    "外景": IntExt.EXT,
    "室外": IntExt.EXT,
}
_ZH_TIME = "|".join(sorted(ZH_TIMES, key=len, reverse=True))
_ZH_PLACE = "|".join(sorted(ZH_PLACES, key=len, reverse=True))
# A word of a Chinese heading that is a time, a place or both, in either order: 夜, 内, 日内, 内景日, 夜/外.
ZH_TIME_AND_PLACE = re.compile(
    rf"^(?:(?P<time>{_ZH_TIME})\s*/?\s*(?P<place>{_ZH_PLACE})?|(?P<place2>{_ZH_PLACE})\s*/?\s*(?P<time2>{_ZH_TIME})?)$"
)
# Time and place glued onto the set, both of them, in either order: `日内办公室`, `夜外街道`, `内景夜车库`. A time
# alone is never cut from a set (`夜店` is a nightclub, `日料店` a restaurant), nor a place alone (`外滩`); nor
# `日内瓦` (Geneva).
ZH_GLUED = re.compile(
    rf"^(?:(?P<time>{_ZH_TIME})(?P<place>{_ZH_PLACE})|(?P<place2>{_ZH_PLACE})(?P<time2>{_ZH_TIME}))(?!瓦)(?=.)"
)
# What a Chinese time or place word begins with: a scene number glued to one (`1-2日内`) is still a heading.
ZH_TIME_OR_PLACE_START = "".join(sorted({word[0] for word in (*ZH_TIMES, *ZH_PLACES)}))
# Between the set and the time: ` - `, `--` (spaces or not), an en or em dash.
SET_TIME_SEPARATOR = re.compile(r"\s+[-–—]+\s+|\s*-{2,}\s*|\s*[–—]+\s*")
SET_SEPARATORS = re.compile(r"\s+-+\s+|\s*[·•・]\s*")
TIME_WORD = re.compile(r"\b(" + "|".join(sorted([*TIMES, *SAME_TIME], key=len, reverse=True)) + r")\b")
# What may follow the time of day: notes in brackets, a scene number (`SCENE 1`, `SC. 12A`, `#3`, `12`).
TRAILING_NOTE = re.compile(
    r"\s*(?:[(\[（【][^()\[\]（）【】]*[)\]）】]|(?:SCENE|SC\.?|#)?\s*\d+[A-Z]?)\s*$", re.IGNORECASE
)


def zh_time_and_place(word: str) -> tuple[str | None, str | None] | None:
    """`夜` → (NIGHT, None), `内景` → (None, INT), `日内` → (DAY, INT); None for any other word."""
    match = ZH_TIME_AND_PLACE.match(word)
    if match is None:
        return None
    time, place = match.group("time") or match.group("time2"), match.group("place") or match.group("place2")
    return (ZH_TIMES[time].value if time else None), (ZH_PLACES[place].value if place else None)


def zh_glued(word: str) -> tuple[str, str, int] | None:
    """`日内办公室` → (DAY, INT, 2): the time and place glued before a set, and where the set starts."""
    match = ZH_GLUED.match(word)
    if match is None:
        return None
    time, place = match.group("time") or match.group("time2"), match.group("place") or match.group("place2")
    return ZH_TIMES[time].value, ZH_PLACES[place].value, match.end()


def parse_heading(text: str) -> Heading:
    """`INT. STERLING TOWER - CEO OFFICE - NIGHT (FLASHBACK)` → INT, NIGHT, set `STERLING TOWER - CEO OFFICE`.

    The time is looked for after a separator, from the last part backwards (never in the first part, which
    is the set's), with notes in brackets and a scene number after it left aside."""
    rest = text.strip()
    int_ext = None
    for pattern, value in PREFIXES:
        match = pattern.match(rest)
        if match:
            int_ext, rest = value.value, rest[match.end() :]
            break
    parts = [part.strip() for part in SET_TIME_SEPARATOR.split(rest)]
    heading = Heading(int_ext=int_ext, set_name=" - ".join(part for part in parts if part))
    for position in range(len(parts) - 1, 0, -1):
        time_of_day, same_time, place = _time_in(parts[position])
        if time_of_day or same_time:
            heading.time_of_day, heading.same_time = time_of_day, same_time
            heading.int_ext = heading.int_ext or place
            heading.set_name = " - ".join(part for part in parts[:position] if part)
            break
    return heading


def _time_in(part: str) -> tuple[str | None, bool, str | None]:
    """The time of day a part of a heading states (its first time word), whether it says "the same time",
    and the Chinese 内/外 it may carry."""
    while (note := TRAILING_NOTE.search(part)) and note.start() > 0:
        part = part[: note.start()]
    for word in re.split(r"[\s/]+", part.strip()):
        if word in ZH_SAME_TIME:
            return None, True, None
        if (found := zh_time_and_place(word)) and found[0]:
            return found[0], False, found[1]
    match = TIME_WORD.search(part.upper())
    if match is None:
        return None, False, None
    word = match.group(1)
    return (TIMES[word].value, False, None) if word in TIMES else (None, True, None)


def location_of(set_name: str) -> str:
    """The place a unit drives to: the first part of `STERLING TOWER - LOBBY` or `斯特林大厦·大堂`."""
    return SET_SEPARATORS.split(set_name.strip(), maxsplit=1)[0].strip()
