"""The Chinese micro-drama script layout into screenplay elements.

    第1集 / 第一集 / 第1集：标题           an episode
    1-1 日 内 地点, 场1-1 …, 第1场 …,       a scene heading (episode-scene, time, 内/外, set);
    1-1 夜外 地点, 1-1、地点 日 内,          also `### 场1-1` with `日 内 地点` on the next line
    人物：A、B、C / 出场人物：…              who is in the scene (若干 = background)
    △动作 / 【闪回】                         action and bracketed directions
    名字：台词 / 名字（情绪）：台词 / 名字（OS）：…   dialogue (OS/VO are extensions, not new people)

Full- and half-width punctuation are both accepted (lines are NFKC-normalised for matching; the
text keeps what the writer typed).
"""

from __future__ import annotations

import re
import unicodedata

from studio.models.enums import IntExt, TimeOfDay
from studio.scripts.elements import Element, Heading, Kind, Screenplay

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
EPISODE = re.compile(rf"^第\s*({NUMBER})\s*集\s*(?:[:：\s]\s*(.*))?$")
NUMBERED_HEADING = re.compile(r"^(?:#+\s*)?(?:场\s*)?(\d{1,4})\s*-\s*(\d{1,4}[A-Za-z]?)\s*(?:[、,.:：]\s*|\s+|$)(.*)$")
SCENE_OF_EPISODE = re.compile(rf"^(?:#+\s*)?第\s*({NUMBER})\s*场\s*(?:[、,.:：]\s*|\s+|$)(.*)$")
CAST_LIST = re.compile(r"^(?:出场)?人物\s*:\s*(.*)$")
# Spaces before the colon once, not `\s*(…)?\s*`: a long run of spaces could be split between the two every way.
DIALOGUE = re.compile(r"^([^\s:()△【】,，。!！?？;；、\"“”]{1,16}?)\s*(?:\(([^()]*)\)\s*)?:\s*(.*)$")
TIME_WORDS = {
    "清晨": TimeOfDay.MORNING,
    "早晨": TimeOfDay.MORNING,
    "晨": TimeOfDay.MORNING,
    "早": TimeOfDay.MORNING,
    "日": TimeOfDay.DAY,
    "白天": TimeOfDay.DAY,
    "午": TimeOfDay.DAY,
    "黄昏": TimeOfDay.DUSK,
    "傍晚": TimeOfDay.DUSK,
    "夜": TimeOfDay.NIGHT,
    "晚": TimeOfDay.NIGHT,
    "夜晚": TimeOfDay.NIGHT,
    "黎明": TimeOfDay.DAWN,
}
PLACE_WORDS = {"内外": IntExt.INT_EXT, "内": IntExt.INT, "外": IntExt.EXT}
TIME_AND_PLACE = re.compile(
    "^(" + "|".join(sorted(TIME_WORDS, key=len, reverse=True)) + ")?(" + "|".join(PLACE_WORDS) + ")?$"
)
EXTENSIONS = {"OS", "VO", "O.S.", "V.O.", "画外音", "旁白", "内心", "心声"}
TITLE_KEYS = {"编剧": "author", "作者": "author", "导演": "director", "制片": "producer", "出品": "company"}
LIST_SEPARATORS = re.compile(r"[、,，/;；\s]+")
BRACKETED = re.compile(r"[（(][^（()）]*[）)]")  # not across an opening one: quadratic on "(((("
# Words before a colon that introduce directions, not speech.
NOT_SPEAKERS = {
    "时间",
    "地点",
    "字幕",
    "画面",
    "屏幕",
    "备注",
    "场景",
    "道具",
    "服装",
    "内容",
    "提示",
    "注",
    "环境",
    "音效",
    "镜头",
}
VOICES = {"旁白", "画外音", "广播", "电话", "众人"}


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


def parse_zh_layout(text: str) -> Screenplay:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    screenplay = Screenplay()
    episode = None
    scene_cast: set[str] | None = None  # the scene's 人物 list, once given
    speakers: set[str] = set()  # everyone heard so far
    index = 0
    while index < len(lines):
        raw = lines[index].strip()
        line = unicodedata.normalize("NFKC", raw)
        number = index + 1
        index += 1
        if not line:
            continue
        if match := EPISODE.match(line):
            episode = chinese_number(match.group(1))
            screenplay.elements.append(
                Element(Kind.EPISODE, (match.group(2) or "").strip(), line=number, number=str(episode))
            )
            continue
        heading, consumed = heading_of_line(line, lines[index] if index < len(lines) else "", episode)
        if heading is not None:
            index += consumed
            scene_cast = None
            screenplay.elements.append(Element(Kind.HEADING, raw, line=number, number=heading.number, heading=heading))
            continue
        if not screenplay.elements and _title_line(screenplay, raw, line):
            continue
        if match := CAST_LIST.match(line):
            names = [name for name in LIST_SEPARATORS.split(BRACKETED.sub("", match.group(1))) if name]
            scene_cast = set(names)
            screenplay.elements.append(Element(Kind.CAST_LIST, raw, line=number, names=names))
        elif line.startswith(("△", "▲")):
            screenplay.elements.append(Element(Kind.ACTION, raw[1:].strip(), line=number))
        elif (
            (match := DIALOGUE.match(line))
            and not line.startswith("【")
            and _is_speaker(match.group(1), scene_cast, speakers)
        ):
            speakers.add(match.group(1))
            _dialogue(screenplay, match, raw, number)
        else:
            screenplay.elements.append(Element(Kind.ACTION, raw, line=number))
    return screenplay


def _is_speaker(name: str, scene_cast: set[str] | None, speakers: set[str]) -> bool:
    """`名字：台词` is dialogue when 名字 is someone: listed in the scene, heard before, or a voice —
    not a direction such as `时间：三年后` or `手机屏幕显示：未知来电`."""
    if name in NOT_SPEAKERS or name.endswith(("显示", "画面", "字幕")):
        return False
    if scene_cast is None:
        return True
    # Writers do forget to list someone, so a short name still speaks; a long unlisted one is a label.
    return name in scene_cast or name in speakers or name in VOICES or len(name) <= 4


def heading_of_line(line: str, next_line: str, episode: int | None) -> tuple[Heading | None, int]:
    """A heading from this line (and the next, when it holds only time, 内/外 and set)."""
    if match := NUMBERED_HEADING.match(line):
        number, rest = f"{int(match.group(1))}-{match.group(2)}", match.group(3)
    elif match := SCENE_OF_EPISODE.match(line):
        scene = chinese_number(match.group(1))
        number, rest = (f"{episode}-{scene}" if episode is not None else str(scene)), match.group(2)
    else:
        return None, 0
    heading = _time_place_set(rest)
    consumed = 0
    if heading is None and not rest.strip():
        heading = _time_place_set(unicodedata.normalize("NFKC", next_line.strip()))
        consumed = 1
    if heading is None:
        return None, 0
    heading.number = number
    return heading, consumed


def _time_place_set(text: str) -> Heading | None:
    """`日 内 地点`, `夜外 地点`, `地点 日 内` → Heading; None unless a time or 内/外 is there."""
    heading = Heading()
    set_words = []
    for word in text.split():
        match = TIME_AND_PLACE.match(word)
        if (
            word
            and match
            and (match.group(1) or match.group(2))
            and (heading.time_of_day is None or not match.group(1))
        ):
            if match.group(1):
                heading.time_of_day = TIME_WORDS[match.group(1)].value
            if match.group(2):
                heading.int_ext = PLACE_WORDS[match.group(2)].value
        else:
            set_words.append(word)
    if heading.time_of_day is None and heading.int_ext is None:
        return None
    heading.set_name = " ".join(set_words)
    return heading


def _title_line(screenplay: Screenplay, raw: str, line: str) -> bool:
    if line.startswith("《") and line.endswith("》"):
        screenplay.title_page.setdefault("title", raw.strip("《》 "))
        return True
    key, _, value = line.partition(":")
    if value and key.strip() in TITLE_KEYS:
        screenplay.title_page[TITLE_KEYS[key.strip()]] = value.strip()
        return True
    return False


def _dialogue(screenplay: Screenplay, match: re.Match, raw: str, number: int) -> None:
    name, note = match.group(1), (match.group(2) or "").strip()
    # The match ran on the normalised line; the speech is cut from the line as typed.
    closers = [position for position in (raw.find("）"), raw.find(")")) if position >= 0]
    after_note = min(closers) + 1 if note and closers else 0
    colon = re.search("[:：]", raw[after_note:])
    speech = raw[after_note + colon.end() :].strip() if colon else match.group(3).strip()
    if note.upper() in EXTENSIONS:
        screenplay.elements.append(Element(Kind.CHARACTER, f"{name} ({note})", line=number))
    else:
        screenplay.elements.append(Element(Kind.CHARACTER, name, line=number))
        if note:
            screenplay.elements.append(Element(Kind.PARENTHETICAL, f"（{note}）", line=number))
    screenplay.elements.append(Element(Kind.DIALOGUE, speech, line=number))
