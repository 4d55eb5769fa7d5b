"""Screenplay elements into episodes and scenes, whatever format they came from.

Episodes start at an explicit marker (第12集, `# Episode 12`, `# EP 12`, a line `EPISODE 12`), or
follow the episode part of a scene number (`#12-3#`, `12-3`); an end marker (第12集完) closes one.
Characters are named without their extensions (V.O., O.S., CONT'D, OS, VO); names written in other
case or spacing are one person (`names`); people introduced in action as `NAME (30s)` or `NAME, 30,`
who never speak are kept as silent, and a character named in a scene's action is in it, speaking or not
(`Chloe packs.`); groups (全员, 宾客若干, 保安2名) are background. Scripts with more
episodes, scenes or names than the caps below are refused, at the element that goes over.

Nothing read is dropped unsaid: every source line the parser read lands in one place (`places`: the
title page, an episode marker, a scene, a note or the boneyard), and what the importer had to decide
for itself (a heading without INT/EXT or a time of day, a cue read as action, a name merged, lines
outside any scene) is listed in `guesses` for the import preview.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NoReturn

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.scripts.eighths import eighths
from studio.scripts.elements import Element, Guess, IntExt, Kind, Screenplay, ScriptError, TimeOfDay
from studio.scripts.groups import is_group
from studio.scripts.headings import HEADING_LIMIT, location_of, parse_heading
from studio.scripts.names import Names, without_extensions
from studio.scripts.names import key as name_key
from studio.scripts.zh_text import NUMBER, chinese_number

CHINESE_EPISODE = rf"^第\s*({NUMBER})\s*集\s*(?:[:：]\s*(.*))?$"
# `# Episode 12`, `# EP 12: title`, `# 第12集` as a section; in action only a line of its own in capitals.
SECTION_EPISODE = re.compile(
    rf"^(?:episode|ep\.?)\s*(\d{{1,4}})\s*(?:[:：.\-–—]\s*(.*))?$|{CHINESE_EPISODE}", re.IGNORECASE
)
ACTION_EPISODE = re.compile(rf"^(?:EPISODE|EP\.?)\s*(\d{{1,4}})\s*(?:[:：.\-–—]\s*(.*))?$|{CHINESE_EPISODE}")
EPISODE_SCENE = re.compile(r"^(\d{1,4})-(\d{1,4}[A-Za-z]?)$")
NAME_LIMIT = 200  # what the database keeps of a name; names are cut here once so lookups agree
# Beyond any real script (a 100-episode micro-drama has under a thousand scenes, a 40-episode drama under two
# thousand, each a few hundred roles), and low enough that a small hostile file cannot make an import take
# gigabytes, or a revision's matching (every new scene against every stored one) more than a minute or two.
MAX_EPISODES = 1_000
MAX_SCENES = 5_000
MAX_CHARACTERS = 5_000
# Where a source line went.
TITLE, EPISODE, SCENE, NOTE, BONEYARD = "title", "episode", "scene", "note", "boneyard"
# Set aside without a word in the preview: the writer's outline, and transitions or page breaks outside a scene.
WORDLESS = {Kind.TRANSITION, Kind.PAGE_BREAK, Kind.SECTION, Kind.SYNOPSIS}


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
    action: list[str] = field(default_factory=list, repr=False)  # its action, where people are named (`names`)
    notes: list[Element] = field(default_factory=list)  # the writer's notes and boneyard written in the scene


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
    notes: list[Element] = field(default_factory=list)  # notes, boneyard, sections, lines outside any scene
    guesses: list[Guess] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)  # each source line read: where it went
    revision_color: str = ""  # the revision the file says it is, if it says (Screenplay.revision_color)

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
    return without_extensions(text)[:NAME_LIMIT]


def is_background(name: str) -> bool:
    return is_group(name)


def build_outline(screenplay: Screenplay, source: str) -> Outline:
    builder = _Builder(source, screenplay)
    for element in screenplay.elements:
        builder.add(element)
    builder.finish_scene()
    outline = Outline(
        screenplay.title_page,
        [e for e in builder.episodes.values() if e.scenes],
        builder.unnumbered,
        notes=[*screenplay.set_aside, *builder.notes],
        guesses=[*screenplay.guesses, *builder.guesses],
        places=builder.places,
        revision_color=screenplay.revision_color,
    )
    if not outline.scenes:
        raise ScriptError(source, _("no scene headings found (is this a screenplay?)"))
    for line in screenplay.title_lines:
        outline.places[line] = TITLE
    for passage in screenplay.set_aside:
        for line in passage.lines:
            outline.places.setdefault(line, BONEYARD if passage.kind == Kind.BONEYARD else NOTE)
        if (scene := builder.scene_at(passage.line)) is not None:
            scene.notes.append(passage)
    _number_the_unnumbered(outline, builder.explicit)
    Names(outline).unify()
    _report_cues_read_as_action(outline, builder.cue_like)
    outline.guesses.sort(key=lambda guess: guess.line)
    return outline


class _Builder:
    def __init__(self, source: str, screenplay: Screenplay):
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
        self.synopses: list[str] = []
        self.names: set[str] = set()
        self.scene_count = 0
        self.previous_time = TimeOfDay.DAY.value
        self.explicit: set[int] = set()  # ids of scenes whose number the script gives
        self.notes: list[Element] = []
        self.guesses: list[Guess] = []
        self.places: dict[int, str] = {}
        self.outside: list[Element] = []  # lines read outside any scene, not yet reported
        self.last_kind: Kind | None = None
        self.cue_like: list[Element] = []  # one line of action in capitals: a cue with no speech after it?
        # Where each scene starts, and where an episode marker or end leaves the scene before: (line, scene).
        self.starts: list[tuple[int, SceneOutline | None]] = []

    def add(self, element: Element) -> None:
        self.line = element.line
        sections_synopsis = element.kind == Kind.SYNOPSIS and self.last_kind == Kind.SECTION
        self.last_kind = element.kind
        if element.kind == Kind.EPISODE_END:
            self.finish_scene()
            self._place(element, EPISODE)
            self.starts.append((element.line, None))
        elif self._starts_episode(element):
            self._place(element, EPISODE)
            self.starts.append((element.line, None))
        elif element.kind == Kind.HEADING:
            self.finish_scene()
            self._start_scene(element)
            self._place(element, SCENE)
            self.starts.append((element.line, self.scene))
        elif element.kind == Kind.SECTION or self.scene is None or sections_synopsis:
            self._set_aside(element)
        else:
            self._place(element, SCENE)
            self._add_to_scene(element)

    def _add_to_scene(self, element: Element) -> None:
        self.scene_elements.append(element)
        if element.kind == Kind.CHARACTER:
            self._note(self.speaking, [character_name(element.text)])
        elif element.kind == Kind.CAST_LIST:
            self._note(self.listed, (character_name(name) for name in element.names))
        elif element.kind == Kind.SYNOPSIS:
            self.synopses.append(element.text)
        elif element.kind == Kind.ACTION:
            self._note(self.introduced, Names.introduced_in(element.text))
            if looks_like_a_cue(element.text):
                self.cue_like.append(element)

    def scene_at(self, line: int) -> SceneOutline | None:
        """The scene a source line was written in (the last started at or before it); None before the first
        scene or after an episode's end."""
        index = bisect_right(self.starts, line, key=lambda start: start[0])
        return self.starts[index - 1][1] if index else None

    def _place(self, element: Element, place: str) -> None:
        for line in element.lines:
            self.places[line] = place

    def _set_aside(self, element: Element) -> None:
        """A section, or what stands outside any scene (before the first, after an episode's end): kept as a
        note, and reported unless it is only a transition."""
        self._place(element, NOTE)
        self.notes.append(element)
        if element.kind not in WORDLESS:
            self.outside.append(element)

    def _report_outside(self) -> None:
        if self.outside:
            first, last = self.outside[0].line, max(self.outside[-1].lines)
            message = _("lines {first}–{last} are outside any scene: kept as notes, not imported")
            self.guesses.append(Guess(first, message.format(first=first, last=last)))
            self.outside = []

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
        self._report_outside()
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
        set_name = self._plain((heading.set_name or element.text.strip())[:NAME_LIMIT])
        self.scene = SceneOutline(
            number=number or "",
            episode=self.episode.number if self.episode else None,
            heading=element.text.strip(),
            int_ext=heading.int_ext or IntExt.INT.value,
            time_of_day=heading.time_of_day or self.previous_time,
            set_name=set_name,
            location=self._plain(location_of(set_name)[:NAME_LIMIT]),
            text="",
            eighths=1,
            line=element.line,
        )
        if number is not None:
            self.explicit.add(id(self.scene))
        if heading.int_ext is None:
            self.guesses.append(Guess(element.line, _("no INT/EXT (内/外) in the heading: taken as INT")))
        if heading.time_of_day is None and not heading.same_time:
            message = (
                _("no time of day in the heading: taken as {time}, as the scene before")
                if self.scene_count > 1
                else _("no time of day in the first heading: taken as {time}")
            )
            self.guesses.append(Guess(element.line, message.format(time=self.previous_time)))
        self.previous_time = self.scene.time_of_day
        self.scene_elements = [element]
        self.speaking, self.listed, self.introduced, self.synopses = {}, {}, {}, []

    def finish_scene(self) -> None:
        if self.scene is None:
            return
        self.scene.text = _scene_text(self.scene_elements[1:])
        measured = self.scene_elements[0].eighths  # the writer's program's own, where its file gives it
        self.scene.eighths = measured if measured else eighths(self.scene_elements)
        self.scene.synopsis = "\n".join(self.synopses)
        self.scene.speaking = list(self.speaking)
        self.scene.listed = [name for name in self.listed if name not in self.speaking]
        self.scene.introduced = list(self.introduced)
        self.scene.action = [element.text for element in self.scene_elements if element.kind == Kind.ACTION]
        (self.episode.scenes if self.episode else self.unnumbered).append(self.scene)
        self.scene = None
        self.scene_elements = []
        self._report_outside()


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


def looks_like_a_cue(text: str) -> bool:
    return "\n" not in text and len(text) <= NAME_LIMIT and text.upper() == text != text.lower()


def _report_cues_read_as_action(outline: Outline, cue_like: list[Element]) -> None:
    """A line of action that is a speaker's name (`ALBERT`, with nothing said after it, or no blank line
    before it) was read as action, as the format says; the preview asks whether it was meant as a cue."""
    speakers = {name_key(name) for name, speaks in outline.characters().items() if speaks}
    for element in cue_like:
        if name_key(character_name(element.text)) in speakers:
            message = _("“{line}” read as action, not as a cue")
            outline.guesses.append(Guess(element.line, message.format(line=element.text.strip())))


def _number_the_unnumbered(outline: Outline, explicit: set[int]) -> None:
    """Number the scenes the script leaves unnumbered by counting up in each episode, skipping every number
    the script gives a scene anywhere (a forced heading before `#3#` is not scene 3). In a script that
    numbers some scenes, each number given this way is a guess the preview shows."""
    taken = {scene.number for scene in outline.scenes if id(scene) in explicit}
    containers = [(episode.scenes, f"{episode.number}-") for episode in outline.episodes]
    for scenes, prefix in [*containers, (outline.unnumbered, "")]:
        numbered = any(id(scene) in explicit for scene in scenes)
        count = 0
        for scene in scenes:
            if id(scene) in explicit:
                continue
            count += 1
            while f"{prefix}{count}" in taken:
                count += 1
            scene.number = f"{prefix}{count}"
            taken.add(scene.number)
            if numbered:
                message = _("the script numbers other scenes but not this one: numbered {number}")
                outline.guesses.append(Guess(scene.line, message.format(number=scene.number)))
