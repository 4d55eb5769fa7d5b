"""Reading a script file of any supported format into a Screenplay, defensively.

Files are untrusted: a size cap, binary detection, encoding detection for text (UTF-8 with or
without BOM, UTF-16, GB18030, then charset-normalizer's best guess), defusedxml for Final Draft
(no DTDs, entities or external references), and a zip check for .docx (not a zip, a zip bomb, or
a zip without a document are refused before python-docx sees it).
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import Path

from studio.i18n import _
from studio.scripts.elements import Element, Kind, Screenplay, ScriptError
from studio.scripts.fountain import parse_fountain

FORMATS = ("auto", "fountain", "fdx", "zh", "docx")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200
FDX_TYPES = {
    "Scene Heading": Kind.HEADING,
    "Action": Kind.ACTION,
    "General": Kind.ACTION,
    "Shot": Kind.ACTION,
    "Character": Kind.CHARACTER,
    "Dialogue": Kind.DIALOGUE,
    "Parenthetical": Kind.PARENTHETICAL,
    "Transition": Kind.TRANSITION,
    "Lyrics": Kind.LYRICS,
    "New Act": Kind.SECTION,
    "End of Act": Kind.SECTION,
}


def read_script_file(path: Path, script_format: str = "auto") -> Screenplay:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ScriptError(
                name,
                _("the file is {size} MB; scripts over {limit} MB are refused").format(
                    size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024)
                ),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScriptError(name, _("there is no such file")) from None
    except IsADirectoryError:
        raise ScriptError(name, _("this is a folder, not a script")) from None
    except OSError as error:
        raise ScriptError(name, _("cannot read the file: {reason}").format(reason=error.strerror)) from None
    return read_script(data, name, script_format)


def read_script(data: bytes, name: str, script_format: str = "auto") -> Screenplay:
    # Here, not at the top: the Chinese layout's parser loads the database models, which the command line's
    # start-up (it reads FORMATS) does without.
    from studio.scripts.zh_layout import parse_zh_layout

    if len(data) > MAX_BYTES:
        raise ScriptError(name, _("scripts over {limit} MB are refused").format(limit=MAX_BYTES // (1024 * 1024)))
    if not data.strip():
        raise ScriptError(name, _("the file is empty"))
    chosen = detect_format(data, name) if script_format == "auto" else script_format
    if chosen == "fdx":
        return parse_fdx(data, name)
    if chosen == "docx":
        text = docx_text(data, name)
        return parse_zh_layout(text) if looks_like_zh_layout(text) else parse_fountain(text)
    text = decode_text(data, name)
    if chosen == "zh":
        return parse_zh_layout(text)
    if chosen == "fountain":
        return parse_fountain(text)
    return parse_zh_layout(text) if looks_like_zh_layout(text) else parse_fountain(text)


def detect_format(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix == ".fdx" or (data.lstrip()[:200].startswith(b"<?xml") and b"FinalDraft" in data[:2000]):
        return "fdx"
    if suffix == ".docx" or data[:4] == b"PK\x03\x04":
        return "docx"
    if suffix in (".fountain", ".spmd"):
        return "fountain"
    return "auto"


def looks_like_zh_layout(text: str) -> bool:
    """Chinese layout when an episode line or a Chinese scene heading (with 日/夜, 内/外) is there."""
    from studio.scripts.zh_layout import EPISODE
    from studio.scripts.zh_layout import heading_of_line as zh_heading

    lines = text.splitlines()[:5000]
    for index, line in enumerate(lines):
        stripped = unicodedata.normalize("NFKC", line.strip())
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if EPISODE.match(stripped) or zh_heading(stripped, following, None)[0] is not None:
            return True
    return False


def decode_text(data: bytes, name: str) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_decode(data, encoding, name), name)
    if b"\x00" in data[:4096]:
        return _utf16_without_bom(data, name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ScriptError(name, _("the text encoding is unknown: save the script as UTF-8 and import it again"))
    return _checked(str(best), name)


def _utf16_without_bom(data: bytes, name: str) -> str:
    """Zero bytes without a BOM: UTF-16 if they sit mostly on one side of each pair (ASCII characters
    put them there) and the text has lines, as every script does; binary data otherwise."""
    even_nuls, odd_nuls = data[0:4096:2].count(0), data[1:4096:2].count(0)
    if min(even_nuls, odd_nuls) * 3 <= max(even_nuls, odd_nuls):
        try:
            text = data.decode("utf-16-le" if odd_nuls > even_nuls else "utf-16-be")
        except UnicodeDecodeError:
            text = ""
        if text.count("\n") * 500 >= len(text) > 0:
            return _checked(text, name)
    raise ScriptError(name, _("this is not a text file (it holds binary data)"))


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ScriptError(
            name,
            _("the file is not valid {encoding} text (byte {position})").format(
                encoding=encoding, position=error.start
            ),
        ) from None


def _checked(text: str, name: str) -> str:
    """Refuse binary data that happened to decode: text has few control characters."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if sample and controls > len(sample) // 100:
        raise ScriptError(name, _("this is not a text file (it holds binary data)"))
    return text


def parse_fdx(data: bytes, name: str) -> Screenplay:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ScriptError(name, _("the Final Draft file declares entities or a DTD; it is refused as unsafe")) from None
    except ParseError as error:
        line = error.position[0] if error.position else None
        raise ScriptError(
            name, _("this is not a well-formed Final Draft file ({reason})").format(reason=error), line
        ) from None
    if root.tag != "FinalDraft":
        raise ScriptError(name, _("this XML file is not a Final Draft script"))
    screenplay = Screenplay()
    title_lines = [_fdx_text(p) for p in root.iterfind("./TitlePage/Content/Paragraph")]
    title_lines = [line for line in title_lines if line]
    if title_lines:
        screenplay.title_page["title"] = title_lines[0]
        if len(title_lines) > 1:
            screenplay.title_page["notes"] = "\n".join(title_lines[1:])
    for order, paragraph in enumerate(root.iterfind("./Content//Paragraph")):
        kind = FDX_TYPES.get(paragraph.get("Type", ""))
        if kind is None or paragraph.find("DualDialogue") is not None:
            continue
        text = _fdx_text(paragraph)
        if kind == Kind.HEADING:
            screenplay.elements.append(Element(kind, text, line=order + 1, number=paragraph.get("Number") or None))
        elif text:
            screenplay.elements.append(Element(kind, text, line=order + 1))
    return screenplay


def _fdx_text(paragraph) -> str:
    return "".join(text.text or "" for text in paragraph.iterfind("Text")).strip()


def docx_text(data: bytes, name: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ScriptError(name, _("this is not a Word document (.docx): it is not a zip archive")) from None
    with archive:
        entries = archive.infolist()
        total = sum(entry.file_size for entry in entries)
        packed = sum(entry.compress_size for entry in entries) or 1
        if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
            raise ScriptError(
                name,
                _("the Word document unpacks to {size} MB; it is refused as unsafe").format(
                    size=total // (1024 * 1024)
                ),
            )
        if "word/document.xml" not in archive.namelist():
            raise ScriptError(name, _("this zip archive is not a Word document (.docx)"))
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for damaged files
        raise ScriptError(
            name, _("the Word document is damaged ({reason})").format(reason=type(error).__name__)
        ) from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
