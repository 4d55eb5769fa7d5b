"""Chinese for words a production stores in English without a Chinese name of their own: crew positions
and departments as people usually write them, the templates' fringes and pay presets (their notes too), the script's
revision colours (White, Blue… Double White…) and the words of a weather forecast ("Clear, light wind").

The database keeps what was entered; a screen or document in Chinese shows these instead (ui.labels,
studio.exports), and one typed as its Chinese is stored in English (`from_chinese`). A word nobody has a
Chinese name for is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from studio.resources import load_json

KINDS = ("positions", "departments", "fringes", "pay_presets", "pay_preset_notes", "revision_colors", "weather")


def _key(word: str) -> str:
    return " ".join(word.replace(".", "").casefold().split())


@cache
def _entries(kind: str) -> tuple[tuple[str, str], ...]:
    """(English, Chinese) for every word of `kind`."""
    if kind == "revision_rounds":
        entries = load_json("templates/chinese_words.json")["revision_rounds"]
    elif kind == "fringes":
        entries = load_json("templates/fringe_presets.json")["fringes"]
    elif kind == "pay_presets":
        entries = load_json("templates/pay_presets.json")["presets"]
    elif kind == "pay_preset_notes":
        presets = load_json("templates/pay_presets.json")["presets"]
        entries = [{"name": preset["notes"], "name_zh": preset["notes_zh"]} for preset in presets]
    else:
        entries = load_json("templates/chinese_words.json")[kind]
    return tuple((entry["name"], entry["name_zh"]) for entry in entries)


@cache
def _table(kind: str) -> dict[str, str]:
    return {_key(english): chinese_word for english, chinese_word in _entries(kind)}


def chinese(kind: str, word: str) -> str:
    """The Chinese for `word` (one of KINDS), or "" when there is none."""
    if kind == "revision_colors":
        return revision_color_zh(word)
    return _table(kind).get(_key(word), "") if word else ""


@cache
def _english(kind: str) -> dict[str, str]:
    return {chinese_word: english for english, chinese_word in _entries(kind)}


def from_chinese(kind: str, text: str) -> str:
    """What to store for a word of `kind` typed as its Chinese is shown ("包日，无加班费" → "Flat day, no
    overtime"), so the English interface still reads it in English; any other text as typed."""
    return _english(kind).get(text.strip(), text)


ROUNDS = re.compile(r"^(?:(?P<word>double|triple|quadruple) |(?P<number>\d+)x )", re.IGNORECASE)


def revision_color_zh(color: str) -> str:
    """ "Blue" → 蓝, "Double Blue" → 双蓝, "5x White" → 5重白; "" for a colour it does not know."""
    rounds = ROUNDS.match(color)
    rest = color[rounds.end() :] if rounds else color
    name = _table("revision_colors").get(_key(rest), "")
    if not name or not rounds:
        return name
    if rounds["number"]:
        return f"{rounds['number']}重{name}"
    return _table("revision_rounds")[_key(rounds["word"])] + name


def weather_zh(summary: str) -> str:
    """A forecast in Chinese, phrase by phrase ("Clear, light wind" → 晴朗，微风); "" unless every phrase
    is known."""
    phrases = [phrase.strip() for phrase in re.split(r"[,;，；]", summary)]
    found = [_table("weather").get(_key(phrase), "") for phrase in phrases if phrase]
    return "，".join(found) if found and all(found) else ""


def in_language(kind: str, word: str, language: str) -> str:
    """`word` as a document or screen in `language` shows it ("zh": the Chinese where there is one)."""
    return (chinese(kind, word) or word) if language.startswith("zh") else word
