"""Hostile but small files: refused at a cap, or read, within seconds and without gigabytes of memory.

Each case was a hang or a blow-up before its cap or fix (minutes to hours, or gigabytes). Memory is
measured exactly (tracemalloc); time only as a guard against a hang, many times what a case takes even
on a busy machine, never as a measure of speed (the benchmarks measure that).
"""

from __future__ import annotations

import io
import random
import signal
import time
import tracemalloc
import zipfile
from contextlib import contextmanager

import pytest

from studio.csv_sheets import MAX_ROWS, decode_sheet, read_records
from studio.errors import InvalidInput
from studio.people_csv import MAX_COLUMNS, PersonRow, read_people_csv
from studio.scripts.elements import ScriptError
from studio.scripts.outline import MAX_CHARACTERS, MAX_EPISODES, MAX_SCENES, build_outline
from studio.scripts.reader import MAX_BYTES, MAX_LINES, MAX_XML_ELEMENTS, read_script
from tests.scripts.damaged_files import DOCX_MEMBERS, packed

MB = 1024 * 1024
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


HANG_FACTOR = 12  # a case is a hang when it runs this many times its usual bound


@contextmanager
def within(seconds: float):
    """Fails, rather than hangs, when the block is still running after HANG_FACTOR × `seconds` (where a
    timer signal can interrupt it, else when it ends)."""
    guard = seconds * HANG_FACTOR
    started = time.perf_counter()
    if hasattr(signal, "setitimer"):

        def expire(*_frame):
            raise TimeoutError(f"still running after {guard} s: a hang")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, guard)
    try:
        yield
    finally:
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - started < guard


def outline(data: bytes, name: str):
    return build_outline(read_script(data, name), name)


def refused(data: bytes, name: str, seconds: float = 10) -> str:
    with within(seconds), pytest.raises(ScriptError) as error:
        outline(data, name)
    return str(error.value)


def word_document(document_xml: bytes) -> bytes:
    """A Word document whose body is `document_xml`, with incompressible padding to pass the zip-bomb ratio."""
    members = {**DOCX_MEMBERS, "word/document.xml": document_xml}
    padding = random.Random(0).randbytes(len(document_xml) // 150)
    entries = [(name, content, zipfile.ZIP_DEFLATED) for name, content in members.items()]
    return packed([*entries, ("word/media/padding.bin", padding, zipfile.ZIP_STORED)])


def test_a_file_of_headings_is_refused_at_the_line_cap():
    data = b"INT. A\n\n" * (MAX_BYTES // 8)
    assert f"scripts of more than {MAX_LINES} lines are refused" in refused(data, "x.fountain", 2)


@pytest.mark.parametrize(
    ("name", "first", "unit", "refusal"),
    [
        (
            "x.fountain",
            "",
            "INT. ROOM {n} - DAY\n\n",
            f"line {2 * MAX_SCENES + 1}: scripts of more than {MAX_SCENES} scenes",
        ),
        ("x.txt", "", "1-{n} 日 内 办公室\n", f"line {MAX_SCENES + 1}: scripts of more than {MAX_SCENES} scenes"),
        ("x.fountain", "", "# Episode {n}\n\nINT. A\n\n", f"scripts of more than {MAX_EPISODES} episodes"),
        ("x.txt", "", "第{n}集\n", f"line {MAX_EPISODES + 1}: scripts of more than {MAX_EPISODES} episodes"),
        ("x.fountain", "INT. A\n\n", "C{n}\nHello.\n\n", f"scripts naming more than {MAX_CHARACTERS} characters"),
    ],
)
def test_scripts_beyond_the_caps_are_refused_where_they_go_over(name, first, unit, refusal):
    text = first + "".join(unit.format(n=n) for n in range(1, max(MAX_SCENES, MAX_CHARACTERS) + 2))
    assert refusal in refused(text.encode(), name)


def test_a_cast_list_beyond_the_cap_on_characters_is_refused():
    cast = "、".join(f"人{n}" for n in range(MAX_CHARACTERS + 1))
    assert "line 2: scripts naming more than" in refused(f"1-1 日 内 A\n人物：{cast}\n".encode(), "x.txt")


def test_a_script_at_the_caps_is_read():
    scenes = "".join(f"# Episode {n // 5 + 1}\n\nINT. ROOM {n} - DAY\n\nC{n}\nHi.\n\n" for n in range(MAX_SCENES))
    with within(10):
        read = outline(scenes.encode(), "x.fountain")
    assert (len(read.scenes), len(read.episodes), len(read.characters())) == (MAX_SCENES, MAX_EPISODES, MAX_CHARACTERS)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("INT. A\n\nA (" + "1" * MB, "x.fountain"),  # an introduction's parenthesis that never closes
        ("INT. A\n\n" + "A." * (MB // 2), "x.fountain"),  # capitals and dots: a name could start anywhere
        ("INT. A\n\n" + "A " * (MB // 2), "x.fountain"),
        ("INT. A" + " " * MB + "x #1\n", "x.fountain"),  # a heading with a long run of spaces
        ("INT. A" + " " * MB + "·B - DAY\n", "x.fountain"),
        ("INT. A\n\nB" + "(" * MB + "\nhi\n", "x.fountain"),  # a character name of parentheses
        ("INT. A\n\nB" + " " * MB + "C\nhi\n", "x.fountain"),
        ("INT. A\n\n" + "/**/x" * (MB // 5), "x.fountain"),  # boneyards, each looked for from the last
        ("INT. A\n\n" + "~a\n" * (MAX_LINES // 2) + "b\n", "x.fountain"),  # a paragraph of lyrics but one line
        ("INT. A\n\n" + "a\n" * (MAX_LINES // 2), "x.fountain"),  # one action paragraph
        ("INT. A\n\nB\n" + "(a)\nb\n" * (MAX_LINES // 4), "x.fountain"),  # one speech
        ("1-1 日 内 A\n甲" + " " * MB + "x\n", "x.txt"),  # dialogue-like, spaces before no colon
        ("1-1 日 内 A\n人物：" + "(" * MB + "\n", "x.txt"),
    ],
)
def test_pathological_lines_are_read_in_linear_time(text, name):
    with within(20):
        assert len(outline(text.encode(), name).scenes) == 1


def test_xml_elements_beyond_the_cap_are_refused():
    fdx = b"<?xml version='1.0'?><FinalDraft><Content>" + b"<a/>" * (MAX_XML_ELEMENTS + 1) + b"</Content></FinalDraft>"
    assert f"more than {MAX_XML_ELEMENTS} XML elements" in refused(fdx, "x.fdx")
    body = b"<w:p/>" * (MAX_XML_ELEMENTS + 1)
    docx = word_document(b"<?xml version='1.0'?><w:document " + W + b"><w:body>" + body + b"</w:body></w:document>")
    assert len(docx) < MAX_BYTES and "XML elements" in refused(docx, "x.docx")


def test_final_draft_nested_as_deep_as_the_cap_allows_is_refused_without_a_crash():
    depth = MAX_XML_ELEMENTS - 1
    deep = b"<FinalDraft>" + b"<a>" * depth + b"</a>" * depth + b"</FinalDraft>"
    assert "no scene headings found" in refused(b"<?xml version='1.0'?>" + deep, "x.fdx")


def lying_word_document(hidden: int) -> bytes:
    """A Word document whose body holds `hidden` bytes more than the size and CRC its archive declares."""
    body = DOCX_MEMBERS["word/document.xml"]
    archive = bytearray(
        packed(
            [
                (name, body + b" " * hidden if name == "word/document.xml" else content, zipfile.ZIP_DEFLATED)
                for name, content in DOCX_MEMBERS.items()
            ]
        )
    )
    with zipfile.ZipFile(io.BytesIO(bytes(archive))) as original:
        local = original.getinfo("word/document.xml").header_offset
    central = archive.index(b"word/document.xml", archive.index(b"PK\x01\x02")) - 46  # its entry's fixed part
    crc, size = zipfile.crc32(body).to_bytes(4, "little"), len(body).to_bytes(4, "little")
    archive[local + 14 : local + 18], archive[local + 22 : local + 26] = crc, size
    archive[central + 16 : central + 20], archive[central + 24 : central + 28] = crc, size
    return bytes(archive)


def test_a_word_document_that_hides_its_size_is_read_in_little_memory():
    data = lying_word_document(100 * MB)  # zipfile asked for the member whole inflates all 100 MB at once
    tracemalloc.start()
    try:
        with within(10):
            outline(data, "lying.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * MB


def test_a_word_document_packed_as_word_never_packs_is_refused():
    entries = [(name, content, zipfile.ZIP_BZIP2) for name, content in DOCX_MEMBERS.items()]
    assert "packed in a way Word never uses" in refused(packed(entries), "x.docx", 2)


def sheet(records: list[list[str]]) -> list[PersonRow]:
    return read_people_csv(records, "cast", "USD")[0]


def test_sheets_beyond_the_caps_are_refused_quickly():
    cases = {
        b"name\n" + b"a\n" * (MAX_ROWS + 1): f"more than {MAX_ROWS} rows",
        b"name\n" + b"\n" * (5 * MB): f"more than {MAX_ROWS} rows",
        b"name," * (MB - 1) + b"name\nx\n": f"more than {MAX_COLUMNS} columns",
        b"," * (5 * MB) + b"name\nx\n": f"more than {MAX_COLUMNS} columns",
        b"name\n" + b"a" * (5 * MB): "field larger than field limit",
    }
    for data, message in cases.items():
        with within(5), pytest.raises(InvalidInput, match=message):
            sheet(read_records(decode_sheet(data)))


def test_a_sheet_at_the_caps_is_read():
    header = ["name", *(f"extra {n}" for n in range(MAX_COLUMNS - 1))]
    rows = "".join(f"Person {n}\n" for n in range(MAX_ROWS))
    with within(20):
        assert len(sheet(read_records(decode_sheet((",".join(header) + "\n" + rows).encode())))) == MAX_ROWS
