"""Fonts for PDFs: the standard Helvetica for Latin text, a TrueType CJK font when Chinese is present.

reportlab embeds (and subsets) TrueType outlines only, not CFF/OpenType ones such as Noto CJK, so the
CJK font is looked for the way a desktop app would: one bundled under resources/fonts, then the
system's font folders, trying known TrueType CJK fonts first; a document with Chinese and no such
font fails with a message naming what to install. The font's parsed tables are kept in the user's cache
(`font_cache`), so a process reads them rather than parsing the font again.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from studio.errors import UserError
from studio.exports.font_cache import load_font
from studio.i18n import _
from studio.resources import RESOURCES_DIR
from studio.scripts.eighths import columns

LATIN = ("Helvetica", "Helvetica-Bold")
CJK_NAME = "CliffhangerCJK"
PREFERRED = [
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "msyh.ttc",
    "msyh.ttf",
    "simhei.ttf",
    "simsun.ttc",
    "Deng.ttf",
    "STHeiti Light.ttc",
    "PingFang.ttc",
    "Arial Unicode.ttf",
    "DroidSansFallbackFull.ttf",
    "NotoSansSC-Regular.ttf",
]


def font_folders() -> list[Path]:
    home = Path.home()
    folders = [RESOURCES_DIR / "fonts"]
    if sys.platform == "win32":
        folders += [Path("C:/Windows/Fonts"), home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        folders += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        folders += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local/share/fonts",
            home / ".fonts",
        ]
    return [folder for folder in folders if folder.is_dir()]


def candidates() -> list[Path]:
    found = [path for folder in font_folders() for path in folder.rglob("*") if path.suffix.lower() in (".ttf", ".ttc")]
    rank = {name.lower(): index for index, name in enumerate(PREFERRED)}
    return sorted(found, key=lambda path: (rank.get(path.name.lower(), len(rank)), str(path)))


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register and return the CJK font's name (raises UserError if the system has none)."""
    for path in candidates():
        try:
            font = load_font(CJK_NAME, path)
        except (TTFError, OSError, ValueError):
            continue
        if font.face.charToGlyph.get(ord("剧")) and font.face.charToGlyph.get(ord("A")):
            pdfmetrics.registerFont(font)
            return CJK_NAME
    raise UserError(
        _(
            "no Chinese font for PDFs was found: install a TrueType Chinese font such as WenQuanYi Micro Hei "
            "(Debian/Ubuntu: sudo apt install fonts-wqy-microhei) and export again"
        )
    )


def has_cjk(*texts: str) -> bool:
    return any(columns(char) == 2 for text in texts for char in text)


def fonts_for(*texts: str) -> tuple[str, str]:
    """(regular, bold) fonts for a document holding `texts`: the CJK font only when it is needed."""
    if has_cjk(*texts):
        name = cjk_font()
        return name, name
    return LATIN
