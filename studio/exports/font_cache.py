"""A TrueType font with its parsed tables read from the user's cache (`studio.parsed_cache`) rather than
parsed again.

reportlab parses a font's tables in Python (names, metrics, the character map, every glyph's width and
place): about a tenth of a second for a CJK font, paid by every process that writes a document in
Chinese. Reading them back pickled takes half that. The key is the font file's SHA-256 with the
subfont, the reportlab version and this format's, so a changed font or reportlab is parsed anew.
"""

from __future__ import annotations

import hashlib
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from studio import parsed_cache

KIND = "fonts"
FORMAT = 1
# Not stored: the font file's bytes (read again, and hashed for the key) and a lambda (made from unitsPerEm).
NOT_STORED = ("_ttf_data", "_pdfScale")
# What reportlab's parsing sets and drawing and subsetting read: a stored face without these is no face.
NEEDED = ("name", "unitsPerEm", "charToGlyph", "charWidths", "defaultWidth", "hmetrics", "glyphPos", "table")


def key_of(data: bytes, subfont: int) -> str:
    return f"{hashlib.sha256(data).hexdigest()}-{subfont}-reportlab{reportlab.Version}-{FORMAT}"


def load_font(name: str, path: Path, subfont: int = 0) -> TTFont:
    """reportlab's TTFont `name` for the font file at `path`, its tables read from the cache when stored
    for this very file, else parsed (raising reportlab's TTFError for a file that is no TrueType font)
    and stored."""
    data = path.read_bytes()
    key = key_of(data, subfont)
    state = stored_face(key)
    if state is not None:
        return _font(name, _face(state, data, path))
    font = TTFont(name, str(path), subfontIndex=subfont)
    if font.face._ttf_data == data:  # the file did not change between the two reads
        state = {attribute: value for attribute, value in vars(font.face).items() if attribute not in NOT_STORED}
        parsed_cache.store(KIND, key, state)
    return font


def stored_face(key: str) -> dict | None:
    state = parsed_cache.stored(KIND, key, (TTFNameBytes,))
    if isinstance(state, dict) and all(attribute in state for attribute in NEEDED):
        return state
    return None


def _face(state: dict, data: bytes, path: Path) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(state)
    face._ttf_data, face.filename = data, str(path)
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return face


def _font(name: str, face: TTFontFace) -> TTFont:
    """TTFont(name, file) as reportlab makes it, over a face already read."""
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding, font.state = name, face, TTEncoding(), WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)
    return font
