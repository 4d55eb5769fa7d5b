"""The Chinese micro-drama script layout into screenplay elements.

    第1集 / 第一集 / 第1集：标题 / 第1集 1-1 夜 内 办公室      an episode (and its first heading, on one line)
    第1集完 / （本集完） / -完- / 全剧终                         the end of an episode
    1-1 日 内 地点, 1－1, 场1-1, 第1场, 1.1, 【1-1】, 1-1、   a scene heading: episode-scene, then 日/夜/晨/黄昏/
    1-1 地点 夜/内, 1-1 场景：地点 日 外                        傍晚/深夜… and 内/外/内外 (外内, 内/外) in any order,
    ### 场1-1 / **1-1 日 外 篮球场**                            glued or not, with or without 场景：/地点：; Markdown
    第1场 + 时间：日 + 地点：书房 on the lines after             marks around it; the rest on the next lines
    人物：A、B、C / 出场人物：…                                  who is in the scene (groups are background)
    △动作 / 【闪回】                                             action and bracketed directions
    名字：台词 / 名字（情绪）：台词 / 名字VO（恭敬）：… / 名字（OS）：…   dialogue (VO/OS/画外音/内心独白 are
                                                                 extensions, glued or in brackets)

Full- and half-width punctuation and traditional characters are all accepted: lines are matched folded
(`zh_text.fold`), and everything kept is cut from the line as the writer typed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from studio.i18n import _
from studio.scripts.elements import Element, Guess, Heading, IntExt, Kind, Screenplay
from studio.scripts.groups import group_member, is_group
from studio.scripts.headings import HEADING_LIMIT, ZH_SAME_TIME, ZH_TIME_OR_PLACE_START, zh_glued, zh_time_and_place
from studio.scripts.zh_text import NUMBER, chinese_number, fold

EPISODE = re.compile(rf"^第\s*({NUMBER})\s*集(?:\s*:\s*|\s+|(?=第)|$)(.*)$")
EPISODE_END = re.compile(
    rf"^[-—–~·*=_\s(\[【]*(?:第\s*{NUMBER}\s*集\s*)?[(\[【]?\s*(?:本集\s*)?(?:全剧\s*)?(?:完|终|剧终|完结)"
    r"[-—–~·*=_\s)\]】!.。]*$"
)
# `1-1`, `1.1`, `场1-1`, `场 1-1`, `【1-1】`, `[1-1]`, `1-1场`, then `、`, `:`, `.`, `,`, spaces or the end; or glued to
# the time or place that follows (`1-2日内 办公室`: group `glued`), a heading then only if that word states one.
NUMBERED_HEADING = re.compile(
    r"^(?:场次?\s*)?([【\[]\s*)?(\d{1,4})\s*([-.])\s*(\d{1,4}[A-Za-z]?)\s*[】\]]?(?:\s*场)?"
    rf"(?:\s*[、,.:]\s*|\s+|$|(?P<glued>(?=[{ZH_TIME_OR_PLACE_START}])))"
)
SCENE_OF_EPISODE = re.compile(rf"^第\s*({NUMBER})\s*场(?:\s*[、,.:]\s*|\s+|$)")
LABEL = re.compile(r"(场景|地点|时间|内外景?|景别)\s*:\s*")
HEADING_WORD = re.compile(r"[^\s/|()\[\]【】、,:]+")
SENTENCE = re.compile(r"[。!?;]")
CLAUSE = re.compile(r"[。!?;,]")  # a sentence's marks and its comma
CAST_LIST = re.compile(r"^\*{0,2}(?:出场|主要|本场)?人物\*{0,2}\s*:\s*\*{0,2}\s*(.*)$")
# Spaces before the colon once, not `\s*(…)?\s*`: a long run of spaces could be split between the two every way.
DIALOGUE = re.compile(
    r"^\*{0,2}([^\s:()\[\]【】△▲,。!?;、\"“”*]{1,16}?)\*{0,2}\s*((?:[(\[【][^()\[\]【】]{0,40}[)\]】]\s*){0,3})"
    r"\*{0,2}:\*{0,2}\s*(.*)$"
)
# A name written with spaces inside (`沈 念安`, `沈　念安`, `林  晚` spaced to line up with three-character names), then
# what a cue may have before its colon. Only Chinese characters (and an extension glued at the end).
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
SPACED_CUE = re.compile(
    rf"^\*{{0,2}}((?:{_HAN}{{1,3}}[ \t]+){{1,3}}{_HAN}{{1,3}}(?:VO|OS|V\.O\.|O\.S\.)?)\*{{0,2}}[ \t]*"
    r"((?:[(\[【][^()\[\]【】]{0,40}[)\]】][ \t]*){0,3})\*{0,2}:\*{0,2}\s*(.*)$",
    re.IGNORECASE,
)
SPACES = re.compile(r"[ \t]+")
# Surnames a spaced name may start with (`沈 念安`): the common ones, the compound ones, and 小/老/阿. An unknown
# spaced name that starts otherwise (`门 开了：`) is a direction; so is one ending as a verb phrase does (`车 停了`).
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文"
    "牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封蔺慕容楚傅萧厉凤"
    "小老阿"
) | {
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "慕容",
    "令狐",
    "皇甫",
    "尉迟",
    "公孙",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "独孤",
}
NOT_NAME_ENDINGS = set("了着过的地得吗呢吧啊呀嘛么")
BRACKET = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
NOTE_PARTS = re.compile(r"[^,、/;\s]+")
GLUED_EXTENSION = re.compile(r"(VO|OS|V\.O\.|O\.S\.|画外音|内心独白|独白|内心|心声)$", re.IGNORECASE)
EXTENSIONS = {
    "OS",
    "VO",
    "O.S.",
    "V.O.",
    "OFF",
    "画外音",
    "画外",
    "旁白",
    "内心",
    "内心独白",
    "独白",
    "心声",
    "电话",
    "电话音",
}
TITLE_KEYS = {"编剧": "author", "作者": "author", "导演": "director", "制片": "producer", "出品": "company"}
MAX_BARE_TITLE = 30
SENTENCE_MARKS = set("。，,！!？?：:；;")
TITLE_NAME = re.compile(r"^(?:剧名|片名)\s*:\s*(.+)$")
LIST_ITEM = re.compile(r"[^、,/;]+")
BRACKETED = re.compile(r"[(][^()]*[)]")  # not across an opening one: quadratic on "(((("
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
    "特写",
    "闪回",
    "回忆",
    "人物",
    "预告",
    "下集预告",
}
VOICES = {"旁白", "画外音", "广播", "电话", "众人"}
# What a phone, a screen or a title shows is read, not spoken: `手机屏幕：您的账户已冻结。`
SHOWN = ("显示", "画面", "字幕", "屏幕", "短信", "消息", "微信", "弹幕", "文字", "标题")
# A role listed with the name it goes by, `房东（王婶）`: one person, the name the cues use.
NAMED_ROLE = re.compile(r"([^、,/;\s()]+)\s*[(]([^()]+)[)]")
MARKS_BEGIN = set("第场【[-—–~·*=_(本全完终剧")  # what an episode or end marker or a heading may begin with
MAX_HEADING_LINES = 3  # lines after `第1场` that may carry its time, place and set
UNTIMED_SET = 30  # `1-1 办公室`, with no time and no 内/外, is a heading only when this short


def parse_zh_layout(text: str) -> Screenplay:
    return _Reader(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")).read()


class _Reader:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.screenplay = Screenplay()
        self.episode: int | None = None
        self.scene_cast: set[str] | None = None  # the scene's 人物 list, once given
        self.speakers: set[str] = set()  # everyone heard so far
        self.known: set[str] | None = None  # every name listed or heard anywhere, once a spaced name needs it
        self.cues: set[str] = set()  # every name heard anywhere (with `known`)
        self.named: dict[str, str] = {}  # a role listed with the name the cues use: 房东 → 王婶

    def read(self) -> Screenplay:
        index = 0
        while index < len(self.lines):
            index = self._line(index)
        return self.screenplay

    def _add(self, kind: Kind, text: str, line: int, **details) -> Element:
        element = Element(kind, text, line=line, **details)
        self.screenplay.elements.append(element)
        return element

    def _line(self, index: int) -> int:
        """Read the line at `index` (and any it takes with it); the index of the next line to read."""
        raw = self.lines[index].strip()
        folded = fold(raw)
        number = index + 1
        if not raw:
            return index + 1
        start, end = unwrapped(folded)
        plain, plain_raw = folded[start:end], raw[start:end]
        if may_mark(plain) and (taken := self._marker_or_heading(plain, plain_raw, index)):
            return index + taken
        if not self.screenplay.elements and (
            self._title_line(plain_raw, plain, number) or self._bare_title(plain_raw, plain, index)
        ):
            return index + 1
        self._body_line(raw, folded, number)
        return index + 1

    def _marker_or_heading(self, plain: str, plain_raw: str, index: int) -> int:
        """Add the episode or end marker, or the heading, the line is; how many lines it took (0: none)."""
        number = index + 1
        if EPISODE_END.match(plain):
            self._add(Kind.EPISODE_END, plain_raw, number)
            self.scene_cast = None
            return 1
        if match := EPISODE.match(plain):
            self.episode = chinese_number(match.group(1))
            rest = match.start(2)
            if not self._heading(plain[rest:], plain_raw[rest:], index, number, episode_title=True):
                self._add(Kind.EPISODE, plain_raw[rest:].strip(), number, number=str(self.episode))
            return self.screenplay.elements[-1].lines.stop - index - 1
        if self._heading(plain, plain_raw, index, number):
            return self.screenplay.elements[-1].lines.stop - index - 1
        return 0

    def _heading(self, plain: str, plain_raw: str, index: int, number: int, episode_title: bool = False) -> bool:
        """Add the heading this line starts (with the episode marker before it, when the line has one)."""
        found = heading_of(plain, plain_raw, self.lines[index + 1 : index + 1 + MAX_HEADING_LINES], self.episode)
        if found is None:
            return False
        heading, text, taken = found
        if episode_title:
            self._add(Kind.EPISODE, "", number, number=str(self.episode))
        self.scene_cast = None
        self._add(Kind.HEADING, text, number, number=heading.number, heading=heading, last_line=number + taken)
        return True

    def _title_line(self, raw: str, folded: str, number: int) -> bool:
        title_page = self.screenplay.title_page
        if folded.startswith("《") and folded.endswith("》"):
            title_page.setdefault("title", raw.strip("《》 "))
        elif match := TITLE_NAME.match(folded):
            title_page.setdefault("title", raw[match.start(1) :].strip("《》 "))
        else:
            key, colon, value = folded.partition(":")
            if not (colon and value.strip() and key.strip() in TITLE_KEYS):
                return False
            title_page[TITLE_KEYS[key.strip()]] = raw[len(key) + 1 :].strip()
        self.screenplay.title_lines.append(number)
        return True

    def _bare_title(self, raw: str, folded: str, index: int) -> bool:
        """The script's first line, a short name without a sentence's punctuation, just before its first
        episode or scene: its title, as writers head a script (契约新娘)."""
        title_page = self.screenplay.title_page
        if "title" in title_page or self.screenplay.title_lines or any(line.strip() for line in self.lines[:index]):
            return False
        if len(folded) > MAX_BARE_TITLE or any(mark in folded for mark in SENTENCE_MARKS):
            return False
        following = next((i for i in range(index + 1, len(self.lines)) if self.lines[i].strip()), None)
        if following is None or not starts_scene_or_episode(self.lines, following):
            return False
        title_page["title"] = raw.strip()
        self.screenplay.title_lines.append(index + 1)
        return True

    def _body_line(self, raw: str, folded: str, number: int) -> None:
        if match := CAST_LIST.match(folded):
            self._learn_names(match.group(1), number)
            listed = BRACKETED.sub(lambda bracket: " " * len(bracket.group()), match.group(1))
            names = [
                self.named.get(BRACKETED.sub("", fold(name)).strip(), name)
                for name in listed_names(listed, raw[match.start(1) :])
            ]
            self.scene_cast = {fold(name) for name in names}
            self._add(Kind.CAST_LIST, raw, number, names=names)
        elif folded.startswith(("△", "▲")):
            self._add(Kind.ACTION, raw[1:].strip(), number)
        elif (match := DIALOGUE.match(folded)) and not folded.startswith("【"):
            if self._is_speaker(match.group(1)):
                self.speakers.add(match.group(1))
                self._dialogue(match, raw, number)
                return
            if _could_be_a_name(match.group(1)):
                self.screenplay.guesses.append(
                    Guess(number, _("“{name}：” read as a direction, not a speaker").format(name=raw[: match.end(1)]))
                )
            self._add(Kind.ACTION, raw, number)
        elif " " in folded and (match := SPACED_CUE.match(folded)) and not folded.startswith("【"):
            self._spaced_cue(match, raw, number)
        else:
            self._add(Kind.ACTION, raw, number)

    def _spaced_cue(self, match: re.Match, raw: str, number: int) -> None:
        """`沈 念安：台词` is 沈念安 speaking when that name is listed or heard anywhere in the script, or when it
        starts with a surname, is two to four characters long and does not end as a verb phrase (`车 停了：`)."""
        written = raw[match.start(1) : match.end(1)]
        joined = SPACES.sub("", match.group(1))
        name = speaker_name(joined)[0]
        first = SPACES.split(match.group(1))[0]
        cue = raw[: match.end(1)].strip("*")
        if not 2 <= len(name) <= 4 or name in NOT_SPEAKERS or not self._is_speaker(name):
            pass
        elif name in self.speakers or name in self._known():
            self.speakers.add(name)
            self._dialogue(match, raw, number, name="".join(written.split()))
            return
        elif first in SURNAMES and name[-1] not in NOT_NAME_ENDINGS:
            self.speakers.add(name)
            message = _("“{cue}：” read as {name} speaking: a name written with a space")
            self.screenplay.guesses.append(Guess(number, message.format(cue=cue, name=name)))
            self._dialogue(match, raw, number, name="".join(written.split()))
            return
        if _could_be_a_name(name):
            message = _("“{name}：” read as a direction, not a speaker")
            self.screenplay.guesses.append(Guess(number, message.format(name=cue)))
        self._add(Kind.ACTION, raw, number)

    def _as_listed(self, name: str) -> str:
        """The character a cue is: the name a listed role goes by (`房东：` is 王婶), or the scene's listed group
        whose one member speaks (`保镖：` of `保镖2名`)."""
        folded = fold(name)
        if folded in self.named:
            return self.named[folded]
        if self.scene_cast and folded not in self.scene_cast:
            return _first(self.scene_cast, lambda listed: group_member(listed) == folded) or name
        return name

    def _learn_names(self, listed: str, number: int) -> None:
        """A role listed with a name in brackets that the script's cues use (`房东（王婶）`, and `王婶：` speaks)
        is that name, whichever of the two a cue says; `顾沉（总裁）`, whose bracket is no one's cue, stays 顾沉."""
        named = NAMED_ROLE.findall(listed)
        if named:  # the cues are read once, when a list first brackets a name
            self._known()
        for role, name in named:
            role, name = role.strip("*"), name.strip()
            if name in self.cues and self.named.get(role) != name:
                self.named[role] = name
                message = _("{role}（{name}） taken as one character: {name}")
                self.screenplay.guesses.append(Guess(number, message.format(role=role, name=name)))

    def _known(self) -> set[str]:
        """The names the whole script lists (人物：) or gives a cue without spaces, folded; read once, when first
        needed."""
        if self.known is None:
            self.known = set()
            for line in self.lines:
                folded = fold(line.strip())
                if match := CAST_LIST.match(folded):
                    listed = BRACKETED.sub(lambda bracket: " " * len(bracket.group()), match.group(1))
                    self.known.update(fold(name) for name in listed_names(listed, listed))
                elif (match := DIALOGUE.match(folded)) and not folded.startswith("【"):
                    self.cues.add(speaker_name(match.group(1))[0])
            self.known |= self.cues
        return self.known

    def _is_speaker(self, name: str) -> bool:
        """`名字：台词` is dialogue when 名字 is someone: listed in the scene, heard before, a voice or a group —
        not a direction such as `时间：三年后` or `手机屏幕显示：未知来电`."""
        if name in NOT_SPEAKERS or name.endswith(SHOWN):
            return False
        if self.scene_cast is None:
            return True
        # Writers do forget to list someone, so a short name still speaks; a long unlisted one is a label.
        return (
            name in self.scene_cast
            or name in self.speakers
            or name in VOICES
            or len(speaker_name(name)[0]) <= 4
            or is_group(name)
        )

    def _dialogue(self, match: re.Match, raw: str, number: int, name: str | None = None) -> None:
        name, extensions = speaker_name(raw[match.start(1) : match.end(1)] if name is None else name)
        name = self._as_listed(name)
        notes = []
        for bracket in BRACKET.finditer(match.group(2)):
            start = match.start(2) + bracket.start(1)
            kept = list(raw[start : start + len(bracket.group(1))])
            for part in NOTE_PARTS.finditer(bracket.group(1)):
                if part.group().upper() in EXTENSIONS:
                    extensions.append(raw[start + part.start() : start + part.end()])
                    kept[part.start() : part.end()] = [""] * (part.end() - part.start())
            if note := "".join(kept).strip(" ,，、/;；"):
                notes.append(note)
        cue = f"{name} ({', '.join(extensions)})" if extensions else name
        self._add(Kind.CHARACTER, cue, number)
        for note in notes:
            self._add(Kind.PARENTHETICAL, f"（{note}）", number)
        self._add(Kind.DIALOGUE, raw[match.start(3) :].strip(), number)


def listed_names(listed: str, raw: str) -> list[str]:
    """The names of a 人物 list (`listed` folded, its brackets blanked; `raw` as typed, as long): separated by
    `、`, `,`, `/`, `;` or spaces, a name written with a space inside (`沈 念安`, `林 晚`, `欧阳 明月`) being one."""
    names = []
    for item in LIST_ITEM.finditer(listed):
        # `**人物：甲、乙**`: the bold marks are no name
        pieces = [piece.strip("*") for piece in raw[item.start() : item.end()].split()]
        pieces = [piece for piece in pieces if piece]
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            if all(len(one) == 1 and _is_han(one) for one in pieces[index:]) and 1 < len(pieces) - index <= 4:
                names.append("".join(pieces[index:]))  # `林 晚`, `沈 念 安`
                break
            after = pieces[index + 1] if index + 1 < len(pieces) else ""
            surname = len(piece) == 1 or fold(piece) in SURNAMES
            if after and surname and _is_han(piece + after) and len(piece + after) <= 4:
                names.append(piece + after)  # `沈 念安`, `欧阳 明月`
                index += 2
            else:
                names.append(piece)
                index += 1
    return names


def _is_han(text: str) -> bool:
    return all("\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff" for char in text)


def starts_scene_or_episode(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is an episode line or a scene heading stating a time or 内/外."""
    folded = fold(lines[index].strip())
    start, end = unwrapped(folded)
    plain = folded[start:end]
    if not may_mark(plain):
        return False
    if EPISODE.match(plain):
        return True
    found = heading_of(plain, plain, lines[index + 1 : index + 2], None)
    return found is not None and bool(found[0].time_of_day or found[0].int_ext)


def may_mark(plain: str) -> bool:
    """Whether a line could be an episode marker, an end marker or a heading: a cheap look at its first
    character spares most lines (action and speech) the patterns; no marker or heading is that long."""
    return (plain[:1] in MARKS_BEGIN or plain[:1].isdigit()) and len(plain) <= HEADING_LIMIT


def unwrapped(folded: str) -> tuple[int, int]:
    """Where the line's text lies inside Markdown heading marks and bold: `### **1-1 日 外 篮球场**`.

    Counted, not matched: a pattern with spaces on both sides of the text is quadratic on a run of spaces."""
    start, end = 0, len(folded)
    hashes = len(folded) - len(folded.lstrip("#"))
    if 0 < hashes <= 6:
        start = hashes
    for mark in ("**", "__", "*"):
        inner = folded[start:end].strip()
        if inner.startswith(mark) and inner.endswith(mark) and len(inner) > 2 * len(mark):
            start = folded.index(mark, start) + len(mark)
            end = folded.rindex(mark, start, end)
            break
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


def _first(names: Iterable[str], wanted: Callable[[str], bool]) -> str | None:
    return next((name for name in sorted(names) if wanted(name)), None)


def speaker_name(name: str) -> tuple[str, list[str]]:
    """`周助理VO` → (`周助理`, [`VO`]); a name without a glued extension comes back as it is."""
    match = GLUED_EXTENSION.search(fold(name))
    if match is None or match.start() == 0:
        return name, []
    return name[: match.start()], [name[match.start() :]]


def _could_be_a_name(name: str) -> bool:
    return len(name) <= 6 and name not in NOT_SPEAKERS and not name.endswith(SHOWN)


def heading_of(
    plain: str, plain_raw: str, following: list[str], episode: int | None
) -> tuple[Heading, str, int] | None:
    """The heading this line (folded, without Markdown) starts, the heading as written (without its number),
    and how many of the following lines it takes; None when the line is no heading."""
    if match := NUMBERED_HEADING.match(plain):
        if match.group(1) and not re.search(r"[】\]]", plain[: match.end()]):
            return None
        number = f"{int(match.group(2))}-{match.group(4)}"
        dashed = match.group(3) == "-"
        glued = match.group("glued") is not None
    elif match := SCENE_OF_EPISODE.match(plain):
        scene = chinese_number(match.group(1))
        number, dashed = (f"{episode}-{scene}" if episode is not None else str(scene)), True
        glued = False
    else:
        return None
    rest, rest_raw = plain[match.end() :], plain_raw[match.end() :].strip()
    # Time and place glued to the set only after an episode-scene number, on a line that is no sentence: `3.5
    # 日内必须交货，否则违约。` ("within 3.5 days") stays action.
    heading = time_place_set(rest, plain_raw[match.end() :], glued_set=dashed and not CLAUSE.search(rest))
    if glued and not (heading.time_of_day or heading.int_ext):
        return None  # `1-2日后…`: a number glued to words that state no time or place
    pieces, taken = [rest_raw] if rest_raw else [], 0
    for line in following:
        if heading.set_name and (heading.time_of_day or heading.same_time) and heading.int_ext:
            break
        raw = line.strip()
        folded = fold(raw)
        if not folded or SENTENCE.search(folded) or len(folded) > 40:
            break
        more = time_place_set(folded, raw)
        if not (more.time_of_day or more.int_ext or LABEL.match(folded)):
            break
        heading = _combined(heading, more)
        pieces.append(raw)
        taken += 1
    if not (heading.time_of_day or heading.int_ext or heading.same_time):
        untimed = dashed and heading.set_name and len(heading.set_name) <= UNTIMED_SET and not SENTENCE.search(rest)
        if not untimed:
            return None
    heading.number = number
    return heading, " ".join(pieces), taken


def _combined(first: Heading, second: Heading) -> Heading:
    first.time_of_day = first.time_of_day or second.time_of_day
    first.same_time = first.same_time or second.same_time
    first.int_ext = first.int_ext or second.int_ext
    first.set_name = " ".join(part for part in (first.set_name, second.set_name) if part)
    return first


def time_place_set(folded: str, raw: str, glued_set: bool = False) -> Heading:
    """`日 内 地点`, `夜外 地点`, `地点 日/内`, `场景：地点 日 外` → Heading, the set cut from `raw`; with `glued_set`,
    also `日内办公室` (time and place glued before the set)."""
    heading = Heading()
    keep = [True] * len(folded)
    for label in LABEL.finditer(folded):
        keep[label.start() : label.end()] = [False] * (label.end() - label.start())
    words = [word for word in HEADING_WORD.finditer(folded) if keep[word.start()]]
    place_end = None  # where the word stating inside or outside ended
    for word in words:
        text = word.group()
        found = zh_time_and_place(text)
        if (
            found
            and place_end is not None
            and _the_other_place(heading.int_ext, found[1], folded[place_end : word.start()])
        ):
            heading.int_ext = IntExt.INT_EXT.value  # `内/外`, `外 内`: both
            heading.time_of_day = heading.time_of_day or found[0]
        elif text in ZH_SAME_TIME and heading.time_of_day is None:
            heading.same_time = True
        elif glued_set and found is None and not (heading.time_of_day or heading.int_ext) and (glued := zh_glued(text)):
            heading.time_of_day, heading.int_ext, cut = glued  # `日内办公室`: the set is what follows
            end = word.start() + cut
            keep[word.start() : end] = [False] * cut
            continue
        elif found is None or (found[0] and heading.time_of_day) or (found[1] and heading.int_ext):
            continue
        else:
            heading.time_of_day = heading.time_of_day or found[0]
            heading.int_ext = heading.int_ext or found[1]
            place_end = word.end() if found[1] else place_end
        keep[word.start() : word.end()] = [False] * (word.end() - word.start())
    kept = "".join(char if keep[position] else " " for position, char in enumerate(raw[: len(folded)]))
    heading.set_name = _tidy(kept)
    return heading


def _the_other_place(stated: str | None, place: str | None, between: str) -> bool:
    """Whether a place word right after the one stated (a slash or spaces between) is the other one: inside and
    outside written one after the other."""
    return {stated, place} == {IntExt.INT.value, IntExt.EXT.value} and between.strip() in ("", "/")


def _tidy(text: str) -> str:
    """The set as written, without the separators and empty brackets left where time and place were."""
    text = re.sub(r"[(（\[【][/|、,，\s]*[)）\]】]", " ", text)
    return " ".join(text.split()).strip(" /|、,，:：-")
