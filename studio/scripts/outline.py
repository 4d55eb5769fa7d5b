"""Screenplay elements into episodes and scenes, whatever format they came from.

Episodes start at an explicit marker (第12集, `# Episode 12`, `# EP 12`, a line `EPISODE 12`), or
follow the episode part of a scene number (`#12-3#`, `12-3`). Characters are named without their
extensions (V.O., O.S., CONT'D, OS, VO); people introduced in action as `NAME (30s)` who never speak
are kept as silent; `…若干` ("several") is background. Scripts with more episodes, scenes or names
than the caps below are refused, at the element that goes over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NoReturn

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models.enums import IntExt, TimeOfDay
from studio.scripts.eighths import eighths
from studio.scripts.elements import Element, Kind, Screenplay, ScriptError
from studio.scripts.headings import location_of, parse_heading
from studio.scripts.zh_layout import NUMBER, chinese_number

CHINESE_EPISODE = rf"^第\s*({NUMBER})\s*集\s*(?:[:：]\s*(.*))?$"
# `# Episode 12`, `# EP 12: title`, `# 第12集` as a section; in action only a line of its own in capitals.
SECTION_EPISODE = re.compile(
    rf"^(?:episode|ep\.?)\s*(\d{{1,4}})\s*(?:[:：.\-–—]\s*(.*))?$|{CHINESE_EPISODE}", re.IGNORECASE
)
ACTION_EPISODE = re.compile(rf"^(?:EPISODE|EP\.?)\s*(\d{{1,4}})\s*(?:[:：.\-–—]\s*(.*))?$|{CHINESE_EPISODE}")
EPISODE_SCENE = re.compile(r"^(\d{1,4})-(\d{1,4}[A-Za-z]?)$")
# These run on text of any length a file may hold, so none may try a match from every position of a long
# run (spaces, capitals, parentheses): that takes quadratic time. Spaces are taken from the start of a run
# only, and an introduction is a name of up to six words of up to 20 letters (never given back: what follows
# a word cannot be part of it) and a parenthesis of up to 200 characters.
EXTENSION = re.compile(r"(?<!\s)\s*[（(][^（()）]*[）)]")
INTRODUCTION = re.compile(
    r"\b([A-Z][A-Z.'\-]{0,19}+(?: [A-Z][A-Z.'\-]{0,19}+){0,5}+)\s*+\(([^()\d]{0,100}\d[^()]{0,100})\)"
)
BACKGROUND_SUFFIX = "若干"
NAME_LIMIT = 200  # what the database keeps of a name; names are cut here once so lookups agree
HEADING_LIMIT = 400  # what the database keeps of a scene heading, and all of one that is taken apart
# Beyond any real script (a 100-episode micro-drama has under a thousand scenes, a 40-episode drama under two
# thousand, each a few hundred roles), and low enough that a small hostile file cannot make an import take
# gigabytes, or a revision's matching (every new scene against every stored one) more than a minute or two.
MAX_EPISODES = 1_000
MAX_SCENES = 5_000
MAX_CHARACTERS = 5_000


@dataclass
class SceneOutline:
    number: str
    episode: int | None
    heading: str
    int_ext: str
    time_of_day: str
    set_name: str
    location: str
    text: str
    eighths: int
    line: int
    synopsis: str = ""
    speaking: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)  # in the scene, not speaking
    introduced: list[str] = field(default_factory=list)  # NAME (30s) in action, resolved at the end


@dataclass
class EpisodeOutline:
    number: int
    title: str = ""
    scenes: list[SceneOutline] = field(default_factory=list)


@dataclass
class Outline:
    title_page: dict[str, str]
    episodes: list[EpisodeOutline]
    unnumbered: list[SceneOutline]  # scenes of a script with no episodes at all

    @property
    def scenes(self) -> list[SceneOutline]:
        return [scene for episode in self.episodes for scene in episode.scenes] + self.unnumbered

    def characters(self) -> dict[str, bool]:
        """Every character and whether they speak anywhere."""
        found: dict[str, bool] = {}
        for scene in self.scenes:
            for name in scene.speaking:
                found[name] = True
            for name in scene.listed:
                found.setdefault(name, False)
        return found


def character_name(text: str) -> str:
    """`CHLOE (V.O.)`, `@McCLANE`, `ETHAN (CONT'D)^`, `克洛伊 (OS)` → the character's name."""
    name = text.strip().lstrip("@").rstrip("^").strip()
    return EXTENSION.sub("", name).strip()[:NAME_LIMIT]


def is_background(name: str) -> bool:
    return name.endswith(BACKGROUND_SUFFIX)


def build_outline(screenplay: Screenplay, source: str) -> Outline:
    builder = _Builder(source)
    for element in screenplay.elements:
        builder.add(element)
    builder.finish_scene()
    outline = Outline(screenplay.title_page, [e for e in builder.episodes.values() if e.scenes], builder.unnumbered)
    if not outline.scenes:
        raise ScriptError(source, _("no scene headings found (is this a screenplay?)"))
    _resolve_introductions(outline)
    return outline


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.line = 0  # of the element being added, for messages
        self.episodes: dict[int, EpisodeOutline] = {}
        self.unnumbered: list[SceneOutline] = []
        self.episode: EpisodeOutline | None = None
        self.scene: SceneOutline | None = None
        self.scene_elements: list[Element] = []
        # The scene's names in order, each once (dicts: a list's `in` would make a long scene quadratic).
        self.speaking: dict[str, None] = {}
        self.listed: dict[str, None] = {}
        self.introduced: dict[str, None] = {}
        self.names: set[str] = set()
        self.scene_count = 0
        self.previous_time = TimeOfDay.DAY.value
        self.numbers: set[str] = set()

    def add(self, element: Element) -> None:
        self.line = element.line
        if self._starts_episode(element):
            return
        if element.kind == Kind.HEADING:
            self.finish_scene()
            self._start_scene(element)
            return
        if self.scene is None:
            return  # title matter before the first scene
        self.scene_elements.append(element)
        if element.kind == Kind.CHARACTER:
            self._note(self.speaking, [character_name(element.text)])
        elif element.kind == Kind.CAST_LIST:
            self._note(self.listed, (character_name(name) for name in element.names))
        elif element.kind == Kind.SYNOPSIS and not self.scene.synopsis:
            self.scene.synopsis = element.text
        elif element.kind == Kind.ACTION:
            self._note(self.introduced, (match.group(1).strip() for match in INTRODUCTION.finditer(element.text)))

    def _note(self, names: dict[str, None], found: Iterable[str]) -> None:
        for name in filter(None, found):
            names[self._plain(name)] = None
            self.names.add(name)
        if len(self.names) > MAX_CHARACTERS:
            self._refuse(_("scripts naming more than {count} characters are refused").format(count=MAX_CHARACTERS))

    def _refuse(self, message: str) -> NoReturn:
        raise ScriptError(self.source, message, self.line)

    def _plain(self, text: str) -> str:
        """A name as editing takes it: never one a spreadsheet would run as a formula (names reach exports)."""
        try:
            validation.not_formula(text.strip())
            return text
        except InvalidInput as error:
            self._refuse(str(error))

    def _starts_episode(self, element: Element) -> bool:
        if element.kind == Kind.EPISODE:
            self._switch_episode(int(element.number), element.text)
            return True
        pattern = {Kind.SECTION: SECTION_EPISODE, Kind.ACTION: ACTION_EPISODE}.get(element.kind)
        if pattern is not None and "\n" not in element.text.strip():
            match = pattern.match(element.text.strip())
            if match:
                number = match.group(1) or match.group(3)
                title = match.group(2) if match.group(1) else match.group(4)
                self._switch_episode(int(number) if number.isdigit() else chinese_number(number), (title or "").strip())
                return True
        return False

    def _switch_episode(self, number: int, title: str = "") -> None:
        self.finish_scene()
        title = self._plain(title)
        self.episode = self.episodes.setdefault(number, EpisodeOutline(number, title))
        if len(self.episodes) > MAX_EPISODES:
            self._refuse(_("scripts of more than {count} episodes are refused").format(count=MAX_EPISODES))
        if title and not self.episode.title:
            self.episode.title = title

    def _start_scene(self, element: Element) -> None:
        self.scene_count += 1
        if self.scene_count > MAX_SCENES:
            self._refuse(_("scripts of more than {count} scenes are refused").format(count=MAX_SCENES))
        heading = element.heading or parse_heading(element.text[:HEADING_LIMIT])
        number = element.number or heading.number
        match = EPISODE_SCENE.match(number or "")
        if match and (self.episode is None or self.episode.number != int(match.group(1))):
            self._switch_episode(int(match.group(1)))
        if number is not None and self.episode is not None and not EPISODE_SCENE.match(number):
            number = f"{self.episode.number}-{number}"  # `#3#` under Episode 12 is scene 12-3
        if number is None:
            number = self._next_free_number()
        self.numbers.add(number)
        time_of_day = heading.time_of_day or self.previous_time
        self.previous_time = time_of_day
        set_name = self._plain((heading.set_name or element.text.strip())[:NAME_LIMIT])
        self.scene = SceneOutline(
            number=number,
            episode=self.episode.number if self.episode else None,
            heading=element.text.strip(),
            int_ext=heading.int_ext or IntExt.INT.value,
            time_of_day=time_of_day,
            set_name=set_name,
            location=self._plain(location_of(set_name)[:NAME_LIMIT]),
            text="",
            eighths=1,
            line=element.line,
        )
        self.scene_elements = [element]
        self.speaking, self.listed, self.introduced = {}, {}, {}

    def _next_free_number(self) -> str:
        count = len(self.episode.scenes) if self.episode else len(self.unnumbered)
        while True:
            count += 1
            number = f"{self.episode.number}-{count}" if self.episode else str(count)
            if number not in self.numbers:
                return number

    def finish_scene(self) -> None:
        if self.scene is None:
            return
        self.scene.text = _scene_text(self.scene_elements[1:])
        self.scene.eighths = eighths(self.scene_elements)
        self.scene.speaking = list(self.speaking)
        self.scene.listed = [name for name in self.listed if name not in self.speaking]
        self.scene.introduced = list(self.introduced)
        (self.episode.scenes if self.episode else self.unnumbered).append(self.scene)
        self.scene = None
        self.scene_elements = []


def _scene_text(elements: list[Element]) -> str:
    """The scene as a reader sees it: screenplay-style plain text."""
    blocks: list[list[str]] = []  # each block's lines, joined once at the end
    for element in elements:
        if element.kind in (Kind.DIALOGUE, Kind.PARENTHETICAL) and blocks:
            blocks[-1].append(element.text)
        elif element.kind in (Kind.PAGE_BREAK, Kind.SECTION, Kind.SYNOPSIS):
            continue
        elif element.kind == Kind.CAST_LIST or element.kind == Kind.CHARACTER:
            blocks.append([element.text])
        else:
            blocks.append([element.text.strip("\n")])
    texts = ("\n".join(block) for block in blocks)
    return "\n\n".join(text for text in texts if text.strip())


def _resolve_introductions(outline: Outline) -> None:
    """`ETHAN STERLING (30s)` is ETHAN when ETHAN speaks; `LEO (10)` who never speaks is silent."""
    speakers = {name for scene in outline.scenes for name in scene.speaking}
    for scene in outline.scenes:
        present = {*scene.speaking, *scene.listed}
        for introduced in scene.introduced:
            first_word = introduced.split()[0]
            name = introduced if introduced in speakers else first_word if first_word in speakers else introduced
            if name not in present:
                scene.listed.append(name)
                present.add(name)
        scene.introduced = []
