"""Fountain (fountain.io) into screenplay elements.

The whole syntax: title page, scene headings (and forced `.`), scene numbers `#12A#`, action (and
forced `!`), characters (and forced `@`, dual `^`), parentheticals, dialogue, transitions (and forced
`>`), centered `>text<`, lyrics `~`, sections `#`, synopses `=`, page breaks `===`, notes `[[ ]]` and
boneyard `/* */` (both removed). Emphasis markers stay in the text.
"""

from __future__ import annotations

import re

from studio.scripts.elements import Element, Kind, Screenplay

TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _'-]*):\s*(.*)$")
# A title page must open with one of these (later keys may be anything), so "CUT TO:" stays a transition.
TITLE_OPENERS = {
    "title",
    "credit",
    "author",
    "authors",
    "source",
    "draft date",
    "date",
    "contact",
    "copyright",
    "notes",
    "revision",
    "episode",
    "format",
}
# `INT。` and `INT．` too: a Chinese writer's full stop after the prefix.
HEADING_START = re.compile(r"^(int\.?/ext|int/ext|i/e|int|ext|est)[.\s。．]", re.IGNORECASE)
# Patterns here run on lines of any length a file may hold: none may try a match from every position of
# a long run (a leading `\s*`, or `[^)]*` that also crosses an opening parenthesis), which takes quadratic time.
SCENE_NUMBER = re.compile(r"#([A-Za-z0-9.\-]+)#\s*$")
PAGE_BREAK = re.compile(r"^={3,}$")
PARENTHESES = re.compile(r"\([^()]*\)")
NOTE_OR_BONEYARD = re.compile(r"/\*|\[\[")


def parse_fountain(text: str) -> Screenplay:
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    lines, numbers, set_aside = _without_notes_and_boneyard(source)
    title_page, first_body_line = _title_page(lines)
    screenplay = Screenplay(title_page, _Body(lines, numbers, first_body_line).parse())
    screenplay.title_lines = [
        numbers[index] for index in range(min(first_body_line, len(lines))) if lines[index].strip()
    ]
    screenplay.set_aside = set_aside
    return screenplay


def _without_notes_and_boneyard(lines: list[str]) -> tuple[list[str], list[int], list[Element]]:
    """Drop /* boneyard */ and [[notes]]; a line that held only those disappears with its newline.

    Returns the lines kept, the source line number (1-based) of each, and the passages taken out."""
    kept: list[str] = []
    numbers: list[int] = []
    passages: list[Element] = []
    closer: str | None = None
    for number, line in enumerate(lines, start=1):
        if closer == "]]" and not line.strip() and line != "  ":
            closer = None  # a note spans no blank line (one of two spaces keeps it open): an unclosed [[ ends here
        remaining, position, removed = [], 0, False
        while position < len(line):
            if closer is not None:
                end = line.find(closer, position)
                removed = True
                passages[-1].last_line = number
                if end < 0:
                    passages[-1].text += line[position:] + "\n"
                    position = len(line)
                    break
                passages[-1].text += line[position:end]
                position, closer = end + 2, None
                continue
            opener = NOTE_OR_BONEYARD.search(line, position)
            if opener is None:
                remaining.append(line[position:])
                break
            removed = True
            remaining.append(line[position : opener.start()])
            closer = "*/" if opener.group() == "/*" else "]]"
            passages.append(Element(Kind.BONEYARD if closer == "*/" else Kind.NOTE, "", line=number))
            position = opener.end()
        if closer is not None and position >= len(line) and not removed and passages:
            passages[-1].text += "\n"  # a blank line inside a passage
        text = "".join(remaining)
        if removed and not text.strip():
            continue
        kept.append(text)
        numbers.append(number)
    for passage in passages:
        passage.text = "\n".join(line if line.strip() else "" for line in passage.text.split("\n")).strip()
    return kept, numbers, passages


def _title_page(lines: list[str]) -> tuple[dict[str, str], int]:
    first = TITLE_KEY.match(lines[0]) if lines else None
    if first is None or first.group(1).strip().lower() not in TITLE_OPENERS:
        return {}, 0
    values: dict[str, list[str]] = {}
    key = None
    index = 0
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        match = TITLE_KEY.match(line)
        if match and not line[0].isspace():
            key = match.group(1).strip().lower()
            values[key] = [match.group(2).strip()] if match.group(2).strip() else []
        elif key is not None:
            values[key].append(line.strip())
        else:
            return {}, 0
        index += 1
    return {k: "\n".join(v) for k, v in values.items()}, index + 1


class _Body:
    def __init__(self, lines: list[str], numbers: list[int], start: int):
        self.lines = lines
        self.numbers = numbers  # each line's number in the source, notes and boneyard included
        self.index = start
        self.start = start
        self.elements: list[Element] = []
        self.blank_run = 0  # blank lines since the last element, kept inside action
        self.more_text: list[str] = []  # lines continuing the last element, joined once when it is complete
        self.lyrics_checked_to = 0  # lines before this one share the answer of the last lyrics check
        self.all_lyrics = False

    def parse(self) -> list[Element]:
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if not line.strip():
                self.blank_run += 1
                self.index += 1
                continue
            self._element(line)
            self.index += 1
        self._complete_last()
        return self.elements

    def _blank(self, offset: int) -> bool:
        position = self.index + offset
        if position < self.start or position >= len(self.lines):
            return True
        return not self.lines[position].strip()

    def _add(self, kind: Kind, text: str, **details) -> None:
        self._complete_last()
        self.elements.append(Element(kind, text, line=self.numbers[self.index], **details))
        self.blank_run = 0

    def _complete_last(self) -> None:
        """One join, where adding each line to the text as it came would copy the text once per line."""
        if self.more_text:
            self.elements[-1].text += "".join(self.more_text)
            self.more_text = []

    def _element(self, line: str) -> None:
        stripped = line.strip()
        before, after = self._blank(-1), self._blank(1)
        if PAGE_BREAK.match(stripped):
            self._add(Kind.PAGE_BREAK, "")
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            self._add(Kind.SECTION, stripped[level:].strip(), level=level)
        elif stripped.startswith("=") and not stripped.startswith("=="):
            self._add(Kind.SYNOPSIS, stripped[1:].strip())
        elif stripped[1:2].isalnum() and stripped.startswith(".") and before:  # `. x` and `...` are action
            self._heading(stripped[1:])
        elif before and HEADING_START.match(stripped):
            self._heading(stripped)
        elif stripped.startswith("!"):
            self._action(line.lstrip()[1:])
        elif stripped.startswith(">") and stripped.endswith("<"):
            self._add(Kind.CENTERED, stripped[1:-1].strip())
        elif stripped.startswith(">"):
            self._add(Kind.TRANSITION, stripped[1:].strip())
        elif before and after and line == line.upper() and line.endswith("TO:") and line.strip() == line:
            self._add(Kind.TRANSITION, stripped)
        elif stripped.startswith("~") and self._paragraph_all_lyrics():
            self._add(Kind.LYRICS, stripped[1:].strip())
        elif before and not after and _is_character(stripped):
            self._dialogue_block(stripped)
        else:
            self._action(line)

    def _heading(self, text: str) -> None:
        number = None
        match = SCENE_NUMBER.search(text)
        if match:
            number, text = match.group(1), text[: match.start()]
        self._add(Kind.HEADING, text.strip(), number=number)

    def _action(self, line: str) -> None:
        last = self.elements[-1] if self.elements else None
        if last is not None and last.kind == Kind.ACTION:
            self.more_text.append("\n" * (self.blank_run + 1) + line)
            last.last_line = self.numbers[self.index]
            self.blank_run = 0
        else:
            self._add(Kind.ACTION, line)

    def _paragraph_all_lyrics(self) -> bool:
        """Whether every line from here to the paragraph's end starts with ~: each line of the paragraph
        asks in turn, and the answer found for the first holds for the lines it looked at."""
        if self.index >= self.lyrics_checked_to:
            position = self.index
            while position < len(self.lines) and self.lines[position].strip().startswith("~"):
                position += 1
            self.lyrics_checked_to = position
            self.all_lyrics = position == len(self.lines) or not self.lines[position].strip()
        return self.all_lyrics

    def _dialogue_block(self, character_line: str) -> None:
        name = character_line[1:] if character_line.startswith("@") else character_line
        dual = name.endswith("^")
        self._add(Kind.CHARACTER, name.rstrip("^").strip(), dual=dual)
        while self.index + 1 < len(self.lines):
            line = self.lines[self.index + 1]
            if not line.strip() and line != "  ":
                break
            self.index += 1
            stripped = line.strip()
            if stripped.startswith("(") and stripped.endswith(")"):
                self._add(Kind.PARENTHETICAL, stripped)
            elif self.elements[-1].kind == Kind.DIALOGUE:
                self.more_text.append("\n" + stripped)
                self.elements[-1].last_line = self.numbers[self.index]
            else:
                self._add(Kind.DIALOGUE, stripped)


def _is_character(line: str) -> bool:
    if line.startswith("@"):
        return len(line) > 1
    name = PARENTHESES.sub("", line.rstrip("^")).strip()
    return bool(name) and any(ch.isupper() for ch in name) and name == name.upper() and not name.endswith(":")
