"""An independent Fountain parser's test suite (tests/fixtures/fountain-conformance), every case.

Its README allows comparing action text with surrounding whitespace stripped; actions that are only
blank lines carry nothing and are dropped from both sides.
"""

from __future__ import annotations

import pytest
import yaml

from studio.scripts.elements import Kind
from studio.scripts.fountain import parse_fountain
from tests.fixture_files import FOUNTAIN_SUITE as SUITE

PREFIX = {
    Kind.HEADING: ".",
    Kind.ACTION: "!",
    Kind.CENTERED: "!>",
    Kind.CHARACTER: "@",
    Kind.DIALOGUE: "=",
    Kind.PARENTHETICAL: "_",
    Kind.TRANSITION: ">",
    Kind.LYRICS: "~",
    Kind.SECTION: "#",
    Kind.SYNOPSIS: "+",
}


def cases():
    found = []
    for path in sorted(SUITE.glob("test_*.yaml")):
        for number, case in enumerate(yaml.safe_load_all(path.read_text(encoding="utf-8"))):
            if case:
                found.append(pytest.param(case, id=f"{path.stem}-{number}"))
    return found


def normalized(items: list[str]) -> list[str]:
    result = []
    for item in items:
        if item.startswith("!><"):
            item = "!><" + item[3:].strip()
        elif item.startswith("!"):
            item = "!" + item[1:].strip()
            if item == "!":
                continue
        result.append(item)
    return result


def notation(element) -> str:
    if element.kind == Kind.PAGE_BREAK:
        return "<pagebreak>"
    if element.kind == Kind.CENTERED:
        return "!><" + element.text
    return PREFIX[element.kind] + element.text


def test_the_suite_is_there():
    assert len(list(cases())) >= 45


@pytest.mark.parametrize("case", cases())
def test_conformance(case):
    screenplay = parse_fountain(case["in"])
    assert normalized([notation(e) for e in screenplay.elements]) == normalized(case["out"] or [])
    if "title" in case:
        assert screenplay.title_page == {k: str(v) for k, v in (case["title"] or {}).items()}
