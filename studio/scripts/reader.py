"""Reading a script file of any supported format into a Screenplay, defensively.

Files are untrusted: a size cap, binary detection, encoding detection for text (UTF-8 or UTF-16 with
or without BOM; then GB18030, Big5-HKSCS and Windows-1252, told apart by which decoding reads scene
headings, charset-normalizer deciding only between decodings that read as many), defusedxml for Final Draft
(no DTDs, entities or external references), and checks for .docx before python-docx sees it (not a
zip, a zip bomb, a zip without a document, members packed as Word never packs them, a DTD in any XML
part). Caps on lines and XML elements here, and on scenes, episodes and characters in `outline`,
keep a small hostile file from taking minutes or gigabytes.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from bisect import bisect_right
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from studio.i18n import _
from studio.scripts import FORMATS  # noqa: F401 - the formats read here
from studio.scripts.elements import REVISION_COLORS, Element, Guess, Kind, Screenplay, ScriptError
from studio.scripts.fountain import parse_fountain
from studio.user_files import FileTooLarge, UnreadableFile, read_user_file

MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200
# A feature runs to about 5,000 lines (6,000 XML elements as plain Final Draft), a 100-episode micro-drama
# to 5,500 lines (40,000 elements as a plain Word document, a few times that with Word's own markup): the
# caps are far beyond both, and the worst files at them are read or refused in seconds (tests/scripts/test_caps.py).
MAX_LINES = 200_000
MAX_XML_ELEMENTS = 1_000_000
WORD_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# What zipfile raises for a damaged archive: a bad header, CRC or offset, a truncated or undecodable member,
# an unknown version or feature, encryption.
ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)
UNZIP_CHUNK = 1024 * 1024
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
    "Singing": Kind.LYRICS,
    "Cast List": Kind.CAST_LIST,
    "New Act": Kind.SECTION,
    "End of Act": Kind.SECTION,
    "Act Break": Kind.SECTION,
    "Teaser/Act One": Kind.SECTION,
    "End of Teaser/Act One": Kind.SECTION,
    "Cold Opening": Kind.SECTION,
    "End of Cold Opening": Kind.SECTION,
    "Show/Ep. Title": Kind.SECTION,
    "Outline Body": Kind.NOTE,
    "Outline 1": Kind.NOTE,
    "Outline 2": Kind.NOTE,
    "Outline 3": Kind.NOTE,
    "Outline 4": Kind.NOTE,
}
# What Final Draft shows in capitals when a file's ElementSettings do not say otherwise.
FDX_ALL_CAPS = {"Scene Heading", "Character", "Transition", "Shot", "Cast List"}
# Tried in this order when a file is not UTF-8 or UTF-16; the first of those reading the most headings wins.
LEGACY_ENCODINGS = (("gb18030", "GB18030"), ("big5hkscs", "Big5-HKSCS"), ("cp1252", "Windows-1252"))
HEADING_SAMPLE = 3000  # lines of each decoding looked at for headings


def read_script_file(path: Path, script_format: str = "auto") -> Screenplay:
    return read_script(read_script_bytes(path), path.name, script_format)


def read_script_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file only (never a device or a pipe), and no more than MAX_BYTES."""
    try:
        return read_user_file(path, MAX_BYTES)
    except FileTooLarge:
        message = _("scripts over {limit} MB are refused").format(limit=MAX_BYTES // (1024 * 1024))
        raise ScriptError(path.name, message) from None
    except UnreadableFile as error:
        raise ScriptError(path.name, error.reason) from None


def read_script(data: bytes, name: str, script_format: str = "auto") -> Screenplay:
    # Here, not at the top: the command line's start-up (it reads FORMATS) does without the Chinese layout's
    # parser and its patterns.
    from studio.scripts.zh_layout import parse_zh_layout

    if len(data) > MAX_BYTES:
        raise ScriptError(name, _("scripts over {limit} MB are refused").format(limit=MAX_BYTES // (1024 * 1024)))
    if not data.strip():
        raise ScriptError(name, _("the file is empty"))
    chosen = detect_format(data, name) if script_format == "auto" else script_format
    if chosen == "fdx":
        return parse_fdx(data, name)
    if chosen == "docx":
        text = _within_line_cap(docx_text(data, name), name)
        return parse_zh_layout(text) if looks_like_zh_layout(text) else parse_fountain(text)
    text = _within_line_cap(decode_text(data, name), name)
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
    from studio.scripts.zh_layout import starts_scene_or_episode

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n", 5000)[:5000]
    return any(starts_scene_or_episode(lines, index) for index in range(len(lines)))


def _headings_read(text: str) -> tuple[int, int]:
    """How many scene headings (and episode lines) a decoding reads, and how many of them state a time of
    day, in its first lines: what tells one legacy encoding from another."""
    from studio.scripts.fountain import HEADING_START
    from studio.scripts.headings import HEADING_LIMIT, parse_heading
    from studio.scripts.zh_layout import starts_scene_or_episode

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n", HEADING_SAMPLE)[:HEADING_SAMPLE]
    headings = timed = 0
    for index, line in enumerate(lines):
        if HEADING_START.match(line.strip()):
            headings += 1
            timed += parse_heading(line[:HEADING_LIMIT]).time_of_day is not None
        elif starts_scene_or_episode(lines, index):
            headings += 1
            timed += 1
    return headings, timed


def _within_line_cap(text: str, name: str) -> str:
    if max(text.count("\n"), text.count("\r")) >= MAX_LINES:
        raise ScriptError(name, _("scripts of more than {count} lines are refused").format(count=MAX_LINES))
    return text


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
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    return _checked(_legacy_decoding(data, name), name)


def _legacy_decoding(data: bytes, name: str) -> str:
    """The decoding that reads the most scene headings (then the most times of day) of those that decode
    the file at all; a tie, as between GB18030 and Big5 on a file whose headings are all ASCII, goes to the
    one charset-normalizer finds likelier."""
    decoded = {}
    for encoding, _label in LEGACY_ENCODINGS:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        tried = ", ".join(["UTF-8", "UTF-16", *(label for _encoding, label in LEGACY_ENCODINGS)])
        raise ScriptError(
            name,
            _(
                "the text is in none of the encodings tried ({encodings}): save the script as UTF-8 and import it again"
            ).format(encodings=tried),
        )
    scores = {encoding: _headings_read(text) for encoding, text in decoded.items()}
    best = max(scores.values())
    tied = [encoding for encoding, score in scores.items() if score == best]
    if len(tied) > 1:
        from charset_normalizer import from_bytes

        guess = from_bytes(data, cp_isolation=tied).best()
        if guess is not None and guess.encoding in tied:
            return decoded[guess.encoding]
    return decoded[tied[0]]


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
    from defusedxml.ElementTree import iterparse

    try:
        elements = iterparse(io.BytesIO(data), events=("start",), forbid_dtd=True)
        for count, _element in enumerate(elements, start=1):
            if count > MAX_XML_ELEMENTS:
                raise ScriptError(name, _too_many_elements())
        root = elements.root
    except DefusedXmlException:
        raise ScriptError(name, _("the Final Draft file declares entities or a DTD; it is refused as unsafe")) from None
    except (ParseError, LookupError, ValueError) as error:  # the last two: an encoding the parser cannot read
        line = error.position[0] if isinstance(error, ParseError) and error.position else None
        raise ScriptError(
            name, _("this is not a well-formed Final Draft file ({reason})").format(reason=error), line
        ) from None
    if root.tag != "FinalDraft":
        raise ScriptError(name, _("this XML file is not a Final Draft script"))
    return _FinalDraft(root).screenplay()


class _FinalDraft:
    """A Final Draft document's paragraphs as elements, each numbered (the Content's first, then the title
    page's) as the line it is, and its text as Final Draft shows it: in capitals where the file's styles
    say so, which is how a writer typing `Albert` and `ALBERT` sees one name."""

    def __init__(self, root):
        self.root = root
        self.all_caps = set(FDX_ALL_CAPS)
        for settings in root.iterfind("./ElementSettings"):
            font = settings.find("FontSpec")
            if font is not None:
                styled = "AllCaps" in font.get("Style", "").split("+")
                (self.all_caps.add if styled else self.all_caps.discard)(settings.get("Type", ""))
        self.count = 0

    def screenplay(self) -> Screenplay:
        screenplay = Screenplay()
        for paragraph in self._content():
            self.count += 1
            self._paragraph(screenplay, paragraph)
        screenplay.set_aside += self._script_notes()
        screenplay.revision_color = self._revision_color()
        title_lines = []
        for paragraph in self.root.iterfind("./TitlePage/Content/Paragraph"):
            self.count += 1
            if text := self._text(paragraph):
                title_lines.append(text)
                screenplay.title_lines.append(self.count)
        if title_lines:
            screenplay.title_page["title"] = title_lines[0]
            if len(title_lines) > 1:
                screenplay.title_page["notes"] = "\n".join(title_lines[1:])
        return screenplay

    def _revision_color(self) -> str:
        """The colour of the revision the file is at, where its text is marked revised: the active revision
        set's, if marks of it are there, else the latest set marked; its name where that names a colour
        (`Pink Revision`, `Blue Pages`); "" otherwise (Final Draft's template defines every set, Blue active,
        in a first draft too)."""
        revisions = self.root.find("./Revisions")
        marked = {
            node.get("Revision")
            for node in self.root.iterfind("./Content//*[@Revision]")
            if (node.get("Revision") or "").isdigit()
        }
        if revisions is None or not marked:
            return ""
        names = {entry.get("ID", ""): entry.get("Name", "") for entry in revisions.iterfind("Revision")}
        active = revisions.get("ActiveSet", "")
        name = names.get(active if active in marked else max(marked, key=int), "")
        return next((color for color in REVISION_COLORS if re.search(rf"\b{color}\b", name, re.IGNORECASE)), "")

    def _script_notes(self) -> list[Element]:
        """Final Draft's ScriptNotes, each at the paragraph its Range starts in (a note the Range does not place
        is kept at the script's start, outside any scene); a note inside a paragraph, at that paragraph."""
        anchors = self._anchors()
        notes = []
        for note in self.root.iterfind("./ScriptNotes/ScriptNote"):
            start = _range_start(note.get("Range", ""))
            placed = start is not None and start <= anchors[-1][0]  # not past the script's end: a stale Range
            at = bisect_right(anchors, start, key=lambda anchor: anchor[0]) if placed else 0
            notes.append((anchors[at - 1][1] if at else 0, note))
        for line, paragraph in enumerate(self._content(), start=1):
            notes += [(line, note) for note in paragraph.iterfind("ScriptNote")]
        found = []
        for line, note in sorted(notes, key=lambda found: found[0]):
            text = "\n".join(self._text(paragraph) for paragraph in note.iterfind("Paragraph")).strip()
            if text:
                found.append(Element(Kind.NOTE, text, line=line))
        return found

    def _anchors(self) -> list[tuple[int, int]]:
        """Where each paragraph of the Content starts in the character offsets a ScriptNote's Range counts (its
        text and a break; a block inside it — dual dialogue, an omitted scene — two more), and its line; last, where
        the script ends."""
        anchors, offset, line = [], 0, 1
        for paragraph in self.root.iterfind("./Content/Paragraph"):
            anchors.append((offset, line))
            dual = paragraph.find("DualDialogue")
            line += len(dual.findall("Paragraph")) if dual is not None else 1
            offset += sum(len(run.text or "") for run in paragraph.iterfind("Text")) + 1
            offset += 2 * sum(1 for child in paragraph if child.tag in ("DualDialogue", "OmittedScene"))
        anchors.append((offset, line))
        return anchors

    def _content(self):
        """The Content's paragraphs in order, dual dialogue's in its wrapper's place."""
        for paragraph in self.root.iterfind("./Content/Paragraph"):
            dual = paragraph.find("DualDialogue")
            yield from dual.iterfind("Paragraph") if dual is not None else (paragraph,)

    def _paragraph(self, screenplay: Screenplay, paragraph) -> None:
        kind_name = paragraph.get("Type") or "General"
        kind = FDX_TYPES.get(kind_name)
        text = self._text(paragraph)
        if not text:
            return  # an empty paragraph, an empty Scene Heading among them, holds nothing
        if kind is None:
            kind = Kind.ACTION
            screenplay.guesses.append(
                Guess(self.count, _("a “{kind}” paragraph read as action").format(kind=kind_name))
            )
        if kind == Kind.NOTE:
            screenplay.set_aside.append(Element(kind, text, line=self.count))
            return
        element = Element(kind, text, line=self.count)
        if kind == Kind.HEADING:
            element.number = paragraph.get("Number") or None
            properties = paragraph.find("SceneProperties")
            element.eighths = _length(properties.get("Length", "")) if properties is not None else None
        elif kind == Kind.CAST_LIST:
            element.names = [name.strip() for name in text.strip("() ").split(",") if name.strip()]
        screenplay.elements.append(element)
        summary = [self._text(p) for p in paragraph.iterfind("./SceneProperties/Summary/Paragraph")]
        if kind == Kind.HEADING and any(summary):
            screenplay.elements.append(Element(Kind.SYNOPSIS, "\n".join(filter(None, summary)), line=self.count))

    def _text(self, paragraph) -> str:
        capitals = paragraph.get("Type") in self.all_caps
        runs = (
            (run.text or "").upper() if capitals or "AllCaps" in run.get("Style", "").split("+") else run.text or ""
            for run in paragraph.iterfind("Text")
        )
        return "".join(runs).strip()


def _length(text: str) -> int | None:
    """Final Draft's scene length, `2 4/8`, `4/8` or `1` (pages), in eighths; None when it gives none."""
    match = re.fullmatch(r"(?:(\d{1,3})\s+)?([1-7])/8|(\d{1,3})", text.strip())
    if match is None:
        return None
    eighths = int(match.group(3)) * 8 if match.group(3) else int(match.group(1) or 0) * 8 + int(match.group(2))
    return eighths or None


def _range_start(text: str) -> int | None:
    """`Range="120,180"` → 120; None when it is missing or unreadable."""
    start = text.split(",")[0].strip()
    return int(start) if start.isdigit() and len(start) < 12 else None


def _too_many_elements() -> str:
    return _("scripts of more than {count} XML elements are refused").format(count=MAX_XML_ELEMENTS)


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs' text, read by python-docx from the document's parts once they passed the checks."""
    import docx

    checked = _checked_docx(data, name)
    try:
        return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(checked)).paragraphs)
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for damaged files
        raise _damaged(name, error) from None


def _checked_docx(data: bytes, name: str) -> bytes:
    """The Word document's parts, unpacked within the limits and packed again (stored, each name once) the
    way python-docx will read them, so that what it reads is exactly what was checked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ScriptError(name, _("this is not a Word document (.docx): it is not a zip archive")) from None
    except ZIP_DAMAGE as error:
        raise _damaged(name, error) from None
    with archive:
        members = {entry.filename: entry for entry in archive.infolist()}  # a repeated name: the last counts
        _check_members(members, name)
        try:
            parts = {member: _unpacked(archive, entry) for member, entry in members.items()}
        except ZIP_DAMAGE as error:
            raise _damaged(name, error) from None
    _check_xml_parts(parts.values(), name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as repacked:
        for member, content in parts.items():
            repacked.writestr(member, content)
    return buffer.getvalue()


def _check_members(members: dict[str, zipfile.ZipInfo], name: str) -> None:
    total = sum(entry.file_size for entry in members.values())
    packed = sum(entry.compress_size for entry in members.values()) or 1
    if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
        raise ScriptError(
            name,
            _("the Word document unpacks to {size} MB; it is refused as unsafe").format(size=total // (1024 * 1024)),
        )
    if "word/document.xml" not in members:
        raise ScriptError(name, _("this zip archive is not a Word document (.docx)"))
    if any(entry.compress_type not in WORD_COMPRESSIONS for entry in members.values()):
        raise ScriptError(name, _("the Word document is packed in a way Word never uses; it is refused as unsafe"))


def _unpacked(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    # In pieces: asked for a whole member, zipfile inflates all its packed data before cutting it to the
    # size the archive declares, and a hostile archive declares a few bytes for gigabytes.
    with archive.open(entry) as stream:
        return b"".join(iter(partial(stream.read, UNZIP_CHUNK), b""))


def _check_xml_parts(parts: Iterable[bytes], name: str) -> None:
    """python-docx parses XML parts with lxml, which reads a DTD's entities (billion laughs, quadratic
    blow-up) and would build a tree of any size: both are refused here, parsing without building a tree."""
    from lxml import etree

    census = _XmlCensus()
    for content in parts:
        try:
            etree.fromstring(content, etree.XMLParser(target=census, resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue  # not XML: python-docx refuses it if it is a part it reads as XML
        except _DocumentType:
            raise ScriptError(
                name, _("the Word document declares entities or a DTD; it is refused as unsafe")
            ) from None
        except _TooManyElements:
            raise ScriptError(name, _too_many_elements()) from None


class _DocumentType(Exception):
    pass


class _TooManyElements(Exception):
    pass


class _XmlCensus:
    """An lxml parser target that refuses a document type declaration and counts elements across parts."""

    def __init__(self):
        self.elements = 0

    def doctype(self, *_declaration) -> None:
        raise _DocumentType

    def start(self, *_element) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise _TooManyElements

    def close(self) -> None:
        return None


def _damaged(name: str, error: Exception) -> ScriptError:
    return ScriptError(name, _("the Word document is damaged ({reason})").format(reason=type(error).__name__))
