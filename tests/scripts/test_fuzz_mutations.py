"""Real files of every format, damaged, never break the importer: each is read, or refused with the importer's
own error — never another exception, and within the deadline (a hang fails the test) — and what is read loses
no line.

`HYPOTHESIS_PROFILE=extended` runs 10,000 damaged files per property instead of 200 (half as many of each
for a Word document).
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from studio.csv_sheets import decode_sheet, read_records
from studio.errors import InvalidInput
from studio.people_csv import read_people_csv
from studio.scripts.elements import ScriptError
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script
from tests.scripts.damaged_files import (
    CAST_SHEET,
    CHINESE,
    DOCUMENT_XML,
    DOCX,
    FDX,
    FOUNTAIN,
    XML_PIECES,
    damaged,
    docx_with_document,
    tampered_docx,
)
from tests.scripts.source_lines import unplaced

DEADLINE = timedelta(seconds=5)
# A Word document is checked part by part before it is read (0.1 s each, twenty times a text script's),
# so its properties try a quarter as many: 50 by default, 2,500 extended.
DOCX_EXAMPLES = settings.default.max_examples // 4


def needing_zip_version(archive: bytes, version: int) -> bytes:
    """The archive with its first member asking, in the central directory, for a zip version to unpack it."""
    central = archive.index(b"PK\x01\x02")
    return archive[: central + 6] + bytes([version]) + archive[central + 7 :]


def outline_or_own_error(data: bytes, name: str, script_format: str = "auto") -> None:
    try:
        outline = build_outline(read_script(data, name, script_format), name)
    except ScriptError:
        event("refused")
    else:
        event("read")
        assert unplaced(data, name, outline, script_format) == {}


def test_the_real_files_import_whole():
    for data, name in ((FOUNTAIN, "a.fountain"), (CHINESE, "a.txt"), (FDX, "a.fdx"), (DOCX, "a.docx")):
        outline = build_outline(read_script(data, name), name)
        assert len(outline.scenes) == 9 and len(outline.episodes) == 3, name
    rows, ignored = read_people_csv(read_records(decode_sheet(CAST_SHEET)), "cast", "USD")
    assert [row.values["name"] for row in rows] == ["Mei Lin", "Kevin Lam", "Grace Wu"] and not ignored


@settings(deadline=DEADLINE)
@given(damaged(FOUNTAIN), st.sampled_from(["fountain", "auto"]))
def test_damaged_fountain(data, script_format):
    outline_or_own_error(data, "script.fountain", script_format)


@settings(deadline=DEADLINE)
@given(
    st.sampled_from(["utf-8", "gb18030", "utf-16"]).flatmap(lambda encoding: damaged(CHINESE.decode().encode(encoding)))
)
@example(b"PK\x03\x04" + CHINESE)  # found by the extended run: read as text, as asked, though it begins as a zip
def test_damaged_chinese_text(data):
    outline_or_own_error(data, "script.txt", "zh")


@settings(deadline=DEADLINE)
@given(damaged(FDX, [piece for piece in XML_PIECES if b"w:" not in piece]))
@example(FDX.replace(b"UTF-8", b"TTF-8", 1))  # found by the extended run: an unknown encoding
@example(FDX.replace(b"UTF-8", b"GB18030", 1))  # one the XML parser cannot read
def test_damaged_final_draft(data):
    outline_or_own_error(data, "script.fdx")


@settings(deadline=DEADLINE, max_examples=DOCX_EXAMPLES)
@given(damaged(DOCX))
@example(needing_zip_version(DOCX, 64))  # found by the extended run: zipfile cannot open it
def test_damaged_word_document_bytes(data):
    outline_or_own_error(data, "script.docx")


@settings(deadline=DEADLINE, max_examples=DOCX_EXAMPLES)
@given(damaged(DOCUMENT_XML, XML_PIECES).map(docx_with_document))
def test_word_document_with_damaged_xml(data):
    outline_or_own_error(data, "script.docx")


@settings(deadline=DEADLINE, max_examples=DOCX_EXAMPLES)
@given(tampered_docx())
def test_word_document_with_tampered_members(data):
    outline_or_own_error(data, "script.docx")


@settings(deadline=DEADLINE)
@given(
    st.sampled_from(["utf-8-sig", "utf-8", "gb18030", "utf-16", "cp1252"]).flatmap(
        lambda encoding: damaged(CAST_SHEET.decode("utf-8-sig").encode(encoding, "replace"))
    ),
    st.sampled_from(["cast", "crew"]),
)
def test_damaged_cast_sheet(data, kind):
    try:
        read_people_csv(read_records(decode_sheet(data)), kind, "USD")
    except InvalidInput:
        event("refused")
    else:
        event("read")
