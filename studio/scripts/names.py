"""One name per person and per place, however the script writes it.

A name written in other case, spacing or width (`Albert`, `ALBERT`, `ALBERT ` and `ＡＬＢＥＲＴ`) is one
character, shown as the script writes it most often; so is a set. A person introduced in action by
full name (`DR. JULIUS BENNETT, 50,` or `ETHAN STERLING (30s)`) is the speaker whose cue is part of
that name (`DR. BENNETT`, `ETHAN`), and every speaker that name covers is one person (`BOB` and
`CYBER BOB` after `CYBER BOB, 40,`). A cue that starts one longer cue and no other (`ETHAN` and
`ETHAN GU`: real scripts shorten a name after its first scenes) is that person too, unless the longer
one is someone else by its words (`YOUNG ETHAN`, `ETHAN AND SOPHIE`). Each merge is listed among the
outline's guesses.

A character is in every scene whose action names them, speaking or not: a screenplay writes a name in
capitals once, then as a name is written (`Chloe packs a suitcase.`), and a scene's cues alone would leave
her off its cast, uncalled. A name is found as the script's words for it, in any case but starting with a
capital (`will` is not WILL), Latin names only (a Chinese name is inside its words, and the Chinese layout
lists a scene's people); a background group is not. Each scene a name is added to is a guess the preview
shows.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from studio.i18n import _
from studio.scripts.elements import Guess
from studio.scripts.groups import is_group
from studio.scripts.headings import location_of
from studio.scripts.zh_text import fold

if TYPE_CHECKING:
    from studio.scripts.outline import Outline

# These run on text of any length a file may hold, so none may try a match from every position of a long
# run (spaces, capitals, parentheses): that takes quadratic time. Spaces are taken from the start of a run
# only, and an introduction is a name of up to six words of up to 20 letters (never given back: what follows
# a word cannot be part of it) and then an age: in a parenthesis of up to 200 characters, or after a comma.
EXTENSION = re.compile(r"(?<!\s)\s*[（(][^（()）]*[）)]")
INTRODUCTION = re.compile(
    r"\b([A-Z][A-Z.'\-]{0,19}+(?: [A-Z][A-Z.'\-]{0,19}+){0,5}+)\s*+"
    r"(?:\(([^()\d]{0,100}\d[^()]{0,100})\)|,\s?\d{1,3}(?:s|'s)?\b)"
)
ARTICLES = {"A", "AN", "THE"}
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")  # O'Brien, Mary-Jane
LATIN_NAME = re.compile(r"[a-z\u00c0-\u024f'’\- ]+")  # as `words` gives it
TITLES = {"DR", "MR", "MRS", "MS", "MISS", "SIR", "OFFICER", "DETECTIVE", "AGENT"}  # as `words` gives them
SPACING = re.compile(r"[\s.]+")
# Words that make a longer cue another person than the cue it starts with (as `words` gives them).
OTHER_PERSON = {"young", "younger", "old", "older", "little", "teen", "teenage", "baby", "kid", "child", "adult"}
OTHER_PERSON |= {"and", "&", "jr", "sr", "ii", "iii"}


def without_extensions(text: str) -> str:
    """`CHLOE (V.O.)`, `@McCLANE`, `ETHAN (CONT'D)^`, `克洛伊 (OS)` → the character's name."""
    name = text.strip().lstrip("@").rstrip("^").strip()
    return EXTENSION.sub("", name).strip()


def key(name: str) -> str:
    """What two ways of writing one name share: `Dr.  Bennett`, `DR. BENNETT` and `DR BENNETT` → `drbennett`;
    `沈 念安` and `沈念安` → `沈念安`."""
    return SPACING.sub("", fold(name).casefold())


def words(name: str) -> list[str]:
    """A name's words, compared as `key` compares names: `DR. JULIUS BENNETT` → [`dr`, `julius`, `bennett`]."""
    return SPACING.sub(" ", fold(name).casefold()).split()


class Names:
    def __init__(self, outline: Outline):
        self.outline = outline

    @staticmethod
    def introduced_in(text: str) -> list[str]:
        """The names introduced in a paragraph of action: `ETHAN STERLING (30s)`, `MARGARET, 37,`."""
        found = []
        for match in INTRODUCTION.finditer(text):
            words = match.group(1).split()
            while words and words[0] in ARTICLES:
                words = words[1:]
            if words:
                found.append(" ".join(words))
        return found

    def unify(self) -> None:
        scenes = self.outline.scenes
        written = Counter(name for scene in scenes for name in (*scene.speaking, *scene.listed))
        first_line = {}
        for scene in scenes:
            for name in (*scene.speaking, *scene.listed):
                first_line.setdefault(key(name), scene.line)
        shown = self._display(written, first_line, _("{names} are taken as one character: {name}"))
        shown.update(self._introduced(written, shown))
        shown.update(self._shortened(written, shown))
        for scene in scenes:
            scene.speaking = list(dict.fromkeys(shown.get(key(name), name) for name in scene.speaking))
            listed = (shown.get(key(name), name) for name in (*scene.listed, *scene.introduced))
            scene.listed = [name for name in dict.fromkeys(listed) if name not in scene.speaking]
            scene.introduced = []
        self._named_in_action()
        self._unify_places()

    def _named_in_action(self) -> None:
        people: dict[str, list[tuple[list[str], str]]] = {}  # a name's first word → (its words, the name)
        everyone = dict.fromkeys(name for scene in self.outline.scenes for name in (*scene.speaking, *scene.listed))
        for name in everyone:
            named = words(name)
            if named and LATIN_NAME.fullmatch(" ".join(named)) and not is_group(name):
                people.setdefault(named[0], []).append((named, name))
        for scene in self.outline.scenes:
            present = {*scene.speaking, *scene.listed}
            found = [name for text in scene.action for name in _names_in(text, people) if name not in present]
            found = list(dict.fromkeys(found))
            if found:
                scene.listed += found
                text = _("{names} named in the action of scene {scene}, not speaking: taken as in it")
                self.outline.guesses.append(Guess(scene.line, text.format(names=", ".join(found), scene=scene.number)))

    def _display(self, written: Counter, first_line: dict[str, int], message: str) -> dict[str, str]:
        """For each name's key, its most written form (the first written, when forms are as common); a key
        written several ways is a guess the preview shows."""
        forms: dict[str, list[str]] = {}
        for name in written:  # in the order first written
            forms.setdefault(key(name), []).append(name)
        shown = {}
        for name_key, names in forms.items():
            shown[name_key] = max(names, key=lambda name: written[name])
            if len(names) > 1:
                text = message.format(names=", ".join(names), name=shown[name_key])
                self.outline.guesses.append(Guess(first_line[name_key], text))
        return shown

    def _introduced(self, written: Counter, shown: dict[str, str]) -> dict[str, str]:
        """Speakers an introduction's full name covers, as one person: the cue written most (the longer cue
        when as common)."""
        speakers = {key(name): name for scene in self.outline.scenes for name in scene.speaking}
        merged: dict[str, str] = {}
        for scene in self.outline.scenes:
            for introduced in scene.introduced:
                covered = sorted(
                    (speaker for speaker, cue in speakers.items() if _covers(words(introduced), words(cue))),
                    key=lambda speaker: (-written[shown[speaker]], -len(speaker)),
                )
                if not covered:
                    continue
                name = merged.get(covered[0], shown[covered[0]])
                before = {merged.get(speaker, shown[speaker]) for speaker in covered}
                merged.update(dict.fromkeys([*covered, key(introduced)], name))
                if len(before) > 1:
                    text = _("{names} are taken as one character, {name}, introduced as {full}")
                    others = ", ".join(shown[speaker] for speaker in covered)
                    self.outline.guesses.append(
                        Guess(scene.line, text.format(names=others, name=name, full=introduced))
                    )
        return merged

    def _shortened(self, written: Counter, shown: dict[str, str]) -> dict[str, str]:
        """A speaker's cue that is the start of exactly one longer cue, and starts no other (`ETHAN` of
        `ETHAN GU`), with it as one person: the cue written most (the longer when as common)."""
        cues: dict[str, list[str]] = {}
        for scene in self.outline.scenes:
            for name in scene.speaking:
                display = shown.get(key(name), name)
                cues.setdefault(display, words(display))
        found: dict[str, str] = {}
        for short, start in cues.items():
            if all(word.upper() in TITLES for word in start):
                continue
            longer = [name for name, full in cues.items() if len(full) > len(start) and full[: len(start)] == start]
            if len(longer) != 1 or set(cues[longer[0]]) & OTHER_PERSON or _numbered(cues[longer[0]]):
                continue
            name = max((longer[0], short), key=lambda cue: (written[cue], len(cue)))
            found.update(dict.fromkeys((key(short), key(longer[0])), name))
            text = _("{names} are taken as one character: {name}").format(names=f"{short}, {longer[0]}", name=name)
            line = next(scene.line for scene in self.outline.scenes if short in scene.speaking)
            self.outline.guesses.append(Guess(line, text))
        return found

    def _unify_places(self) -> None:
        scenes = self.outline.scenes
        written = Counter(scene.set_name for scene in scenes)
        first_line = {}
        for scene in scenes:
            first_line.setdefault(key(scene.set_name), scene.line)
        shown = self._display(written, first_line, _("sets {names} are taken as one: {name}"))
        locations = Counter(location_of(name) for name in shown.values())
        places = {key(location): location for location, _count in locations.most_common()[::-1]}
        for scene in scenes:
            scene.set_name = shown[key(scene.set_name)]
            scene.location = places[key(location_of(scene.set_name))]


def _names_in(text: str, people: dict[str, list[tuple[list[str], str]]]) -> list[str]:
    """The names of `people` (`Names._named_in_action`) a paragraph writes, each word after the last with
    nothing but spaces and dots between (`Mr. Chen`), the first starting with a capital. Word by word: a
    paragraph of any length is read once."""
    tokens = list(WORD.finditer(text))
    found = []
    for i, token in enumerate(tokens):
        if not token.group()[0].isupper():
            continue
        for named, name in people.get(token.group().casefold(), ()):
            following = tokens[i : i + len(named)]
            if len(following) == len(named) and all(
                word.group().casefold() == part and (j == 0 or _joined(text, following[j - 1], word))
                for j, (word, part) in enumerate(zip(following, named, strict=True))
            ):
                found.append(name)
    return found


def _joined(text: str, before: re.Match, word: re.Match) -> bool:
    """Two words of one name: nothing but spaces and dots between them."""
    return SPACING.fullmatch(text, before.end(), word.start()) is not None


def _numbered(name: list[str]) -> bool:
    """`GUARD 2`, `COP #1`: one of several, not a person's full name."""
    return any(character.isdigit() for word in name for character in word)


def _covers(full: list[str], cue: list[str]) -> bool:
    """Whether a speaker's cue is part of an introduced full name (both as `words`): its words in order,
    with the name's first or last word after any title among them, and more than a title (`DR. BENNETT` and
    `JULIUS` in `DR. JULIUS BENNETT`)."""
    if cue == full:
        return True
    if not cue or all(word.upper() in TITLES for word in cue):
        return False
    named = [word for word in full if word.upper() not in TITLES] or full
    if named[0] not in cue and named[-1] not in cue:
        return False
    remaining = iter(full)
    return all(word in remaining for word in cue)
