"""Finding whom a row of a cast or crew list names among the people of one kind in the production.

A row names someone by their name as typed, or by their Chinese name in the name column (a Chinese
office may put 林凯文 there); failing both, by its Chinese name column alone. That last match is
legitimate — one Chinese name romanized two ways, Kevin Lam and Kevin Lin, is one person — but it
writes a row onto someone its name does not name, so it is reported (`ChineseNameMatch`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from studio.errors import InvalidInput
from studio.i18n import _

if TYPE_CHECKING:
    from studio.people_csv import PersonRow


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class ChineseNameMatch:
    """A row taken as someone by their Chinese name alone; their stored name stays as it was."""

    row: int
    name: str  # as typed in the row
    person: str  # the stored name of the person it was taken as
    name_zh: str

    def __str__(self) -> str:
        return _(
            "row {row}, {name}: taken as {person} ({name_zh}) by the Chinese name; the name {person} is kept"
        ).format(**asdict(self))

    def to_json(self) -> dict:
        return asdict(self)


class People:
    """People of one kind by their names and Chinese names. Two people under one name are never guessed between."""

    def __init__(self, people: list, names: Callable[[Any], tuple[str, ...]], chinese: Callable[[Any], str]):
        self.names, self.chinese = names, chinese
        self.by_name: dict[str, list] = {}
        self.by_chinese: dict[str, list] = {}
        for person in people:
            self.add(person, names(person), chinese(person))

    def add(self, person, names: tuple[str, ...], chinese: str = "") -> None:
        for name in {name_key(name) for name in names if name}:
            self.by_name.setdefault(name, []).append(person)
        if chinese:
            self.by_chinese.setdefault(name_key(chinese), []).append(person)

    def find(self, row: PersonRow) -> tuple[Any, ChineseNameMatch | None]:
        """The person the row names (None for no one), and the match to report if only its Chinese name did."""
        found = self.by_name.get(row.key) or self.by_chinese.get(row.key)
        by_chinese_column = False
        if not found and row.values.get("name_zh"):
            found = self.by_chinese.get(name_key(row.values["name_zh"]))
            by_chinese_column = bool(found)
        if not found:
            return None, None
        if len({id(person) for person in found}) > 1:
            if by_chinese_column:
                message = _(
                    "row {row}, name_zh: {count} people have the Chinese name {name}; make them different first"
                )
            else:
                message = _("row {row}, name: {count} people are named {name}; make their names different first")
            name = row.values["name_zh" if by_chinese_column else "name"]
            raise InvalidInput(message.format(row=row.line, count=len(found), name=repr(name)))
        person = found[0]
        if not by_chinese_column:
            return person, None
        return person, ChineseNameMatch(row.line, row.values["name"], self.names(person)[0], self.chinese(person))
