"""Real files of every importer's format, made from the sample scripts, and hypothesis strategies that
damage them: bytes flipped, inserted, deleted, repeated or cut off; a Word document's XML damaged and
packed again (so the zip is sound and the XML parser is what meets the damage); its members tampered with.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from xml.sax.saxutils import escape, quoteattr

import docx
from hypothesis import strategies as st

from studio.scripts.elements import Kind
from studio.scripts.fountain import parse_fountain
from tests.fixture_files import SAMPLES

FOUNTAIN = (SAMPLES / "contract-bride.fountain").read_bytes()
CHINESE = (SAMPLES / "contract-bride.zh.txt").read_bytes()
FDX_TYPES = {
    Kind.HEADING: "Scene Heading",
    Kind.ACTION: "Action",
    Kind.CHARACTER: "Character",
    Kind.DIALOGUE: "Dialogue",
    Kind.PARENTHETICAL: "Parenthetical",
    Kind.TRANSITION: "Transition",
    Kind.LYRICS: "Lyrics",
    Kind.SECTION: "New Act",
}
CAST_SHEET = (
    "Name,中文名,Character,Union,Day rate,Rate basis,Currency,Phone,Email,Agent,Languages,Notes\n"
    'Mei Lin,林梅,CHLOE,SAG-AFTRA,"1,200.50",day,USD,+1 310 555 0100,mei@example.com,Ann Ko,en zh,\n'
    'Kevin Lam,林凯文,ETHAN,non-union,¥3000,12h,CNY,138 0013 8000,,"Lam, Ltd",zh,"quote ""x"""\n'
    "Grace Wu,,GRACE,,,,,,,,,'=not a formula\n"
).encode("utf-8-sig")


def final_draft_of(fountain: bytes) -> bytes:
    """The Fountain script as Final Draft writes it: title page, numbered headings, dual dialogue."""
    screenplay = parse_fountain(fountain.decode())
    paragraphs = []
    for element in screenplay.elements:
        if element.kind in FDX_TYPES:
            number = f" Number={quoteattr(element.number)}" if element.number else ""
            kind = quoteattr(FDX_TYPES[element.kind])
            paragraphs.append(f"<Paragraph Type={kind}{number}><Text>{escape(element.text)}</Text></Paragraph>")
    dual = (
        "<Paragraph><DualDialogue><Paragraph Type='Character'><Text>ETHAN</Text></Paragraph>"
        "<Paragraph Type='Dialogue'><Text>Enough.</Text></Paragraph></DualDialogue></Paragraph>"
    )
    title = "".join(f"<Paragraph><Text>{escape(value)}</Text></Paragraph>" for value in screenplay.title_page.values())
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='no' ?>\n"
        "<FinalDraft DocumentType='Script' Template='No' Version='5'>"
        f"<Content>{''.join(paragraphs[:40])}{dual}{''.join(paragraphs[40:])}</Content>"
        f"<TitlePage><Content>{title}</Content></TitlePage></FinalDraft>"
    ).encode()


def word_document_of(text: bytes) -> bytes:
    """The text as a Word document, a paragraph per line, with runs in bold, a tab and a line break."""
    document = docx.Document()
    for number, line in enumerate(text.decode().splitlines()):
        paragraph = document.add_paragraph(line)
        if number % 7 == 3:
            paragraph.add_run(" (bold)").bold = True
            paragraph.add_run().add_tab()
        if number % 11 == 5:
            paragraph.add_run("more").add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FDX = final_draft_of(FOUNTAIN)
DOCX = word_document_of(CHINESE)


def members(archive_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def packed(entries: list[tuple[str, bytes, int]]) -> bytes:
    """A sound zip of (name, content, compression) entries, in order, repeated names and all."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, content, compression in entries:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return buffer.getvalue()


DOCX_MEMBERS = members(DOCX)
DOCUMENT_XML = DOCX_MEMBERS["word/document.xml"]
XML_PIECES = [
    b"<w:p>",
    b"</w:p>",
    b"<w:r>",
    b"</w:r>",
    b"<w:t>",
    b"</w:t>",
    b"<w:t xml:space='preserve'> x </w:t>",
    b"<w:br/>",
    b"<w:br w:type='bogus'/>",
    b"<w:tab/>",
    b"<w:cr/>",
    b"<w:noBreakHyphen/>",
    b"<w:hyperlink r:id='rId99'><w:r><w:t>link</w:t></w:r></w:hyperlink>",
    b"<w:pPr><w:pStyle w:val='Nope'/></w:pPr>",
    b"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
    b"<w:sectPr/>",
    b"&amp;",
    b"&lt;",
    b"&#0;",
    b"&#x1F600;",
    b"&nope;",
    b"<![CDATA[ ]]>",
    b"<!-- -->",
    b"<?pi x?>",
    b"<!DOCTYPE w:document>",
    b"<!ENTITY a 'b'>",
    b"\x00",
    b"\xff\xfe",
    b"\xe6\x97\xa5",
    "1-1 日 内 办公室".encode(),
    "伊森：你好。".encode(),
    "第2集".encode(),
    b"INT. ROOM - DAY",
    b"w:rsidR='00AB'",
    b"xmlns:w='urn:other'",
    b"<?xml version='1.0' encoding='UTF-16'?>",
]
EDITS = ("flip", "set", "insert", "delete", "repeat", "truncate")
COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


@st.composite
def damaged(draw, data: bytes, pieces: list[bytes] | None = None, max_edits: int = 6) -> bytes:
    """`data` with one to `max_edits` edits; `pieces`, when given, are inserted as well as random bytes."""
    result = bytearray(data)
    insertable = st.binary(min_size=1, max_size=16)
    if pieces:
        insertable = st.one_of(insertable, st.sampled_from(pieces))
    for _ in range(draw(st.integers(1, max_edits))):
        edit = draw(st.sampled_from(EDITS))
        position = draw(st.integers(0, max(len(result) - 1, 0)))
        if edit == "insert" or not result:
            result[position:position] = draw(insertable)
        elif edit == "flip":
            result[position] ^= 1 << draw(st.integers(0, 7))
        elif edit == "set":
            result[position] = draw(st.integers(0, 255))
        elif edit == "delete":
            del result[position : position + draw(st.integers(1, 64))]
        elif edit == "repeat":
            result[position:position] = result[position : position + draw(st.integers(1, 64))] * draw(
                st.integers(1, 40)
            )
        else:
            del result[position:]
    return bytes(result)


def docx_with_document(xml: bytes) -> bytes:
    return packed(
        [
            (name, xml if name == "word/document.xml" else content, zipfile.ZIP_DEFLATED)
            for name, content in DOCX_MEMBERS.items()
        ]
    )


@st.composite
def tampered_docx(draw) -> bytes:
    """The Word document's members dropped, repeated, renamed, replaced or damaged, each packed any way."""
    entries = [(name, content, zipfile.ZIP_DEFLATED) for name, content in DOCX_MEMBERS.items()]
    names = list(DOCX_MEMBERS)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(entries) - 1)) if entries else 0
        action = draw(st.sampled_from(["drop", "repeat", "rename", "replace", "damage", "compress"]))
        if not entries or action == "repeat":
            name = draw(st.sampled_from(names))
            entries.insert(index, (name, draw(damaged(DOCX_MEMBERS[name])), zipfile.ZIP_DEFLATED))
        elif action == "drop":
            del entries[index]
        elif action == "rename":
            entries[index] = (draw(st.sampled_from([*names, "word/other.xml", "x"])), *entries[index][1:])
        elif action == "replace":
            entries[index] = (entries[index][0], draw(st.binary(max_size=256)), entries[index][2])
        elif action == "damage":
            name, content, compression = entries[index]
            entries[index] = (name, draw(damaged(content, XML_PIECES)), compression)
        else:
            entries[index] = (*entries[index][:2], draw(st.sampled_from(COMPRESSIONS)))
    return packed(entries)
