"""Broken and hostile files: one clear message, exit 2, and the database exactly as it was."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.command_line import run
from tests.fixture_files import SAMPLE_ZH as SAMPLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "p.sqlite"
    assert run("import-script", str(SAMPLE), "--db", str(path)).returncode == 0
    return path


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol2;</Text></Paragraph></Content></FinalDraft>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&secret;</Text></Paragraph></Content></FinalDraft>"""
QUADRATIC_BLOWUP = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + b"a" * 50_000 + b'">]>'
    b'<FinalDraft><Content><Paragraph Type="Action"><Text>'
    + b"&a;" * 50_000
    + b"</Text></Paragraph></Content></FinalDraft>"
)
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>
<FinalDraft><Content><Paragraph Type="Action"><Text>x</Text></Paragraph></Content></FinalDraft>"""
WORD_NAMESPACE = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_document(final_draft: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A Word document with what comes before the Final Draft file's root (its DTD) and its paragraph's text."""
    prologue, text = final_draft.split(b"<FinalDraft>")[0], final_draft.split(b"<Text>")[1].split(b"</Text>")[0]
    body = b"<w:document " + WORD_NAMESPACE + b"><w:body><w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p></w:body>"
    return zip_bytes({"word/document.xml": prologue + body + b"</w:document>"}, compression)


CASES = {
    "binary.txt": (bytes(range(256)) * 64, "binary data"),
    "empty.fountain": (b"", "empty"),
    "blank.txt": (b"\n\n   \n", "empty"),
    "huge.fountain": (b"INT. ROOM - DAY\n\n" + b"A" * (50 * 1024 * 1024), "over 20 MB"),
    "notes.txt": ("这只是一封信，没有任何场景。\n谢谢。".encode(), "no scene headings"),
    "mystery.txt": (b"INT. ROOM - DAY\n\nCaf\x81\x8d\x80 noir.\n", "UTF-8, UTF-16, GB18030, Big5-HKSCS, Windows-1252"),
    "broken.fdx": (b"<?xml version='1.0'?><FinalDraft><Content><Paragraph>", "not a well-formed Final Draft file"),
    "laughs.fdx": (BILLION_LAUGHS, "refused as unsafe"),
    "external.fdx": (EXTERNAL_ENTITY, "refused as unsafe"),
    "quadratic.fdx": (QUADRATIC_BLOWUP, "refused as unsafe"),
    "parameter.fdx": (PARAMETER_ENTITY, "refused as unsafe"),
    "laughs.docx": (word_document(BILLION_LAUGHS), "declares entities or a DTD; it is refused as unsafe"),
    "external.docx": (word_document(EXTERNAL_ENTITY), "declares entities or a DTD; it is refused as unsafe"),
    "bzip2.docx": (word_document(b"<FinalDraft><Text>x</Text>", zipfile.ZIP_BZIP2), "packed in a way Word never uses"),
    "other.fdx": (b"<?xml version='1.0'?><html><body/></html>", "not a Final Draft script"),
    "fake.docx": (b"this is not a zip at all", "not a zip archive"),
    "bomb.docx": (zip_bytes({"word/document.xml": b"<" + b"a" * (120 * 1024 * 1024)}), "refused as unsafe"),
    "photos.docx": (zip_bytes({"photo.jpg": b"\xff\xd8\xff" * 100}), "not a Word document"),
    "damaged.docx": (zip_bytes({"word/document.xml": b"<w:document"}), "damaged"),
    "dup.txt": ("第1集\n1-1 日 内 办公室\n伊森：你好。\n1-1 夜 外 街道\n伊森：再见。\n".encode(), "line 4"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_files_are_refused_with_one_line_and_change_nothing(name, database, tmp_path):
    data, fragment = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = run("info", "--db", str(database), "--json").stdout
    result = run("import-script", str(path), "--db", str(database), "--json")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and name in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert run("info", "--db", str(database), "--json").stdout == before


def test_a_missing_file_is_named(tmp_path, database):
    result = run("import-script", str(tmp_path / "nowhere.fountain"), "--db", str(database))
    assert result.returncode == 2 and "nowhere.fountain: there is no such file" in result.stderr


def test_import_json_follows_the_contract(tmp_path):
    result = run("import-script", str(SAMPLE), "--db", str(tmp_path / "new.sqlite"), "--json")
    report = json.loads(result.stdout)
    for key in (
        "production_id",
        "episodes",
        "scenes",
        "characters",
        "sets",
        "pages_eighths",
        "added",
        "changed",
        "omitted",
    ):
        assert key in report
    assert (report["episodes"], report["scenes"], report["added"], report["sets"]) == (3, 9, 9, 8)
