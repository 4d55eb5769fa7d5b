"""A TrueType font's parsed tables, kept in the user's cache folder so that a process reads them rather
than parsing the font again.

reportlab parses a font's tables in Python (names, metrics, the character map, every glyph's width and
place): about a tenth of a second for a CJK font, paid by every process that writes a document in
Chinese. What it parses is stored here, pickled, under the font file's SHA-256 (with the subfont, the
reportlab version and this format's), and read back through an unpickler that makes nothing but
reportlab's name strings: a changed font or reportlab is a new key; a file that cannot be read back as a
face (truncated, damaged, another key's) is parsed again and stored anew. A stored face is written
under a name of its own and renamed, so processes storing at once each leave a whole file. The cache is
only ever a shortcut: a folder that cannot be made or written leaves the font parsed as before.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from studio.errors import UserError

FORMAT = 1
SUFFIX = ".face"
UNREADABLE = (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError)
# Not pickled: the font file's bytes (read again, and hashed for the key) and a lambda (made from unitsPerEm).
NOT_STORED = ("_ttf_data", "_pdfScale")
# What reportlab's parsing sets and drawing and subsetting read: a stored face without these is no face.
NEEDED = ("name", "unitsPerEm", "charToGlyph", "charWidths", "defaultWidth", "hmetrics", "glyphPos", "table")


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    from studio.paths import APP_NAME

    return user_cache_path(APP_NAME, appauthor=False) / "fonts"


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
        store_face(key, font.face)
    return font


def stored_face(key: str) -> dict | None:
    """The face stored under `key`, or None when there is none or it cannot be read back as one."""
    try:
        with (cache_folder() / (key + SUFFIX)).open("rb") as handle:
            stored = _FaceUnpickler(handle).load()
    except (OSError, *UNREADABLE):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], dict)):
        return None
    state = stored[1]
    return state if all(attribute in state for attribute in NEEDED) else None


def store_face(key: str, face: TTFontFace) -> None:
    """Store `face` under `key` (the only face kept: another font's, or an older reportlab's, goes)."""
    from studio.paths import private_folder

    state = {attribute: value for attribute, value in vars(face).items() if attribute not in NOT_STORED}
    try:
        folder = private_folder(cache_folder())
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".", suffix=".partial", delete=False) as handle:
            pickle.dump((key, state), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / (key + SUFFIX))
        for other in folder.glob("*" + SUFFIX):
            if other.name != key + SUFFIX:
                other.unlink(missing_ok=True)
    except (OSError, UserError):
        return


class _FaceUnpickler(pickle.Unpickler):
    """Makes reportlab's name strings and the built-in containers, never any other object."""

    def find_class(self, module: str, name: str):
        if (module, name) == (TTFNameBytes.__module__, TTFNameBytes.__name__):
            return TTFNameBytes
        raise pickle.UnpicklingError(f"a stored font face holds no {module}.{name}")


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
