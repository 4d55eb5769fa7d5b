"""A script's non-blank lines as the importer numbers them, to check that every one lands somewhere."""

from __future__ import annotations

from xml.etree import ElementTree

from studio.scripts.outline import BONEYARD, EPISODE, NOTE, SCENE, TITLE, Outline
from studio.scripts.reader import decode_text, detect_format, docx_text

PLACES = {TITLE, EPISODE, SCENE, NOTE, BONEYARD}


def source_lines(data: bytes, name: str, script_format: str = "auto") -> dict[int, str]:
    """Text lines, or a Final Draft file's paragraphs (the Content's, dual dialogue's in place of their
    wrapper, then the title page's), by number; the format as the importer chooses it."""
    kind = detect_format(data, name) if script_format == "auto" else script_format
    if kind == "fdx":
        root = ElementTree.fromstring(data)
        paragraphs = []
        for paragraph in root.findall("./Content/Paragraph"):
            dual = paragraph.find("DualDialogue")
            paragraphs += dual.findall("Paragraph") if dual is not None else [paragraph]
        paragraphs += root.findall("./TitlePage/Content/Paragraph")
        texts = ["".join(text.text or "" for text in paragraph.findall("Text")) for paragraph in paragraphs]
    else:
        text = docx_text(data, name) if kind == "docx" else decode_text(data, name)
        texts = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    return {number: text for number, text in enumerate(texts, start=1) if text.strip()}


def unplaced(data: bytes, name: str, outline: Outline, script_format: str = "auto") -> dict[int, str]:
    """The non-blank lines the outline does not place (none, when nothing was lost)."""
    assert set(outline.places.values()) <= PLACES
    lines = source_lines(data, name, script_format)
    return {number: lines[number] for number in lines.keys() - outline.places.keys()}
