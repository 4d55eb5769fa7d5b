"""Entity bombs and external entities, in a Final Draft file or in any XML part of a Word document, are refused
before a parser expands them: at once, and with no byte of a referenced file anywhere in what comes back."""

from __future__ import annotations

import time
import zipfile

import pytest

from studio.scripts.elements import ScriptError
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script
from tests.scripts.damaged_files import DOCX_MEMBERS, packed

SECRET = "the-secret-in-the-file"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9))


def declarations(secret_file: str) -> dict[str, tuple[str, str]]:
    """Each attack: what goes before the root element, and the reference in the text."""
    return {
        "billion laughs": (f"<!DOCTYPE d [{LAUGHS}]>", "&j;"),
        "quadratic blow-up": (f'<!DOCTYPE d [<!ENTITY x "{"x" * 50_000}">]>', "&x;" * 50_000),
        "external entity": (f'<!DOCTYPE d [<!ENTITY s SYSTEM "{secret_file}">]>', "&s;"),
        "external DTD": (f'<!DOCTYPE d SYSTEM "{secret_file}">', "x"),
        "parameter entity": (f'<!DOCTYPE d [<!ENTITY % p SYSTEM "{secret_file}"> %p;]>', "x"),
        "internal entity": ('<!DOCTYPE d [<!ENTITY s "harmless">]>', "&s;"),
    }


@pytest.fixture
def attacks(tmp_path) -> dict[str, tuple[str, str]]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    return declarations(secret.as_uri())


def final_draft(declaration: str, reference: str) -> bytes:
    return (
        f"<?xml version='1.0'?>{declaration}<FinalDraft><Content>"
        f"<Paragraph Type='Scene Heading'><Text>INT. ROOM - DAY</Text></Paragraph>"
        f"<Paragraph Type='Action'><Text>{reference}</Text></Paragraph></Content></FinalDraft>"
    ).encode()


def word_document(part: str, declaration: str, reference: str, encoding: str = "utf-8") -> bytes:
    """The Word document with `declaration` before the root of `part` (and `reference` in the body's text)."""
    members = dict(DOCX_MEMBERS)
    body = (
        f"<?xml version='1.0' encoding='{encoding}'?><w:document {W}><w:body>"
        f"<w:p><w:r><w:t>INT. ROOM - DAY</w:t></w:r></w:p><w:p><w:r><w:t>{reference}</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    members["word/document.xml"] = body.encode(encoding)
    part_encoding = encoding if part == "word/document.xml" else "utf-8"
    original = members[part].decode(part_encoding)
    root = original.index("<", original.index("?>"))
    members[part] = (original[:root] + declaration + original[root:]).encode(part_encoding)
    return packed([(name, content, zipfile.ZIP_DEFLATED) for name, content in members.items()])


def refused_at_once(data: bytes, name: str) -> str:
    started = time.perf_counter()
    with pytest.raises(ScriptError) as error:
        build_outline(read_script(data, name), name)
    assert time.perf_counter() - started < 1
    return str(error.value)


@pytest.mark.parametrize(
    "attack", ["billion laughs", "quadratic blow-up", "external entity", "external DTD", "parameter entity"]
)
def test_final_draft_with_a_dtd_is_refused(attacks, attack):
    message = refused_at_once(final_draft(*attacks[attack]), "x.fdx")
    assert "declares entities or a DTD; it is refused as unsafe" in message and SECRET not in message


@pytest.mark.parametrize("attack", sorted(declarations("file:///etc/passwd")))
@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels"])
def test_a_word_document_with_a_dtd_in_any_part_is_refused(attacks, attack, part):
    message = refused_at_once(word_document(part, *attacks[attack]), "x.docx")
    assert message == "x.docx: the Word document declares entities or a DTD; it is refused as unsafe"


def test_a_dtd_is_found_in_any_encoding(attacks):
    data = word_document("word/document.xml", *attacks["external entity"], encoding="utf-16")
    assert "declares entities or a DTD" in refused_at_once(data, "x.docx")


def test_the_same_documents_without_a_dtd_are_read(attacks):
    assert build_outline(read_script(final_draft("", "Rain."), "x.fdx"), "x.fdx").scenes[0].text == "Rain."
    for encoding in ("utf-8", "utf-16"):
        data = word_document("word/styles.xml", "", "Rain.", encoding)
        assert build_outline(read_script(data, "x.docx"), "x.docx").scenes[0].text == "Rain."
