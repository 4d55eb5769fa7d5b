"""Arbitrary input never breaks a parser: it parses, or fails with the importer's own error; and what it
parses loses nothing: every non-blank line lands somewhere in the outline.

`HYPOTHESIS_PROFILE=extended` runs 10,000 inputs per property instead of 200; an input that takes longer than
the deadline fails the test, so a hang is found rather than waited for.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.errors import UserError
from studio.scripts.outline import build_outline
from studio.scripts.reader import parse_fdx, read_script
from tests.fixture_files import SAMPLES
from tests.scripts.source_lines import unplaced

REAL_LINES = [
    line
    for name in ("contract-bride.fountain", "contract-bride.zh.txt")
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines()
] + [
    "/*",
    "*/",
    "[[note",
    "]]",
    "===",
    "> CUT TO:",
    ">centered<",
    "~lyric",
    "@forced",
    "^",
    ".FORCED",
    "#",
    "= synopsis",
    "### 场1-1",
    "日 内 地点",
    "第十二集",
    "EPISODE 7",
    "(paren)",
    "  ",
    "Title:",
    "    indented value",
]
script_like = st.lists(st.one_of(st.sampled_from(REAL_LINES), st.text(max_size=40)), max_size=60).map("\n".join)
FORMATS = ["script.fountain", "script.txt", "script.fdx", "script.docx", "script.bin"]
DEADLINE = timedelta(seconds=5)


def outline_or_own_error(data: bytes, name: str, script_format: str = "auto") -> None:
    with contextlib.suppress(UserError):
        outline = build_outline(read_script(data, name, script_format), name)
        assert unplaced(data, name, outline, script_format) == {}


@settings(deadline=DEADLINE)
@given(st.text())
def test_any_text_as_any_format(text):
    for name in FORMATS:
        outline_or_own_error(text.encode("utf-8", "surrogatepass"), name)


@settings(deadline=DEADLINE)
@given(script_like)
def test_script_like_text(text):
    for name in ("script.fountain", "script.txt"):
        outline_or_own_error(text.encode(), name)
    outline_or_own_error(text.encode(), "script.txt", "zh")


@settings(deadline=DEADLINE)
@given(st.binary(max_size=4096))
def test_any_bytes(data):
    for name in FORMATS:
        outline_or_own_error(data, name)


@settings(deadline=DEADLINE)
@given(st.recursive(st.text(max_size=20), lambda inner: st.lists(inner, max_size=4).map("".join), max_leaves=20))
def test_xml_like_text_for_final_draft(body):
    paragraph = f"<Paragraph Type='Action'><Text>{body}</Text></Paragraph>"
    document = f"<?xml version='1.0'?><FinalDraft><Content>{paragraph}</Content></FinalDraft>"
    data = document.encode("utf-8", "surrogatepass")
    with contextlib.suppress(UserError):
        outline = build_outline(parse_fdx(data, "fuzz.fdx"), "fuzz.fdx")
        assert unplaced(data, "fuzz.fdx", outline) == {}
