"""A CJK font's parsed tables kept in the user's cache: the same PDF as a font parsed anew, used only for
the very file it was parsed from, and never a reason for an export to fail (a damaged cache file, a
hostile one, several processes storing at once)."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from studio import parsed_cache
from studio.exports import fonts
from studio.exports.font_cache import KIND, key_of, load_font, stored_face

ROOT = Path(__file__).resolve().parents[2]
TEXT = "契约新娘 The Contract Bride 第3天"


@pytest.fixture
def font_file(tmp_path) -> Path:
    """A copy of the CJK font the exports use, so that a test may change it."""
    found = next(path for path in fonts.candidates() if _parses(path))
    copy = tmp_path / found.name
    shutil.copyfile(found, copy)
    return copy


def _parses(path: Path) -> bool:
    try:
        return bool(TTFont("probe", str(path)).face.charToGlyph.get(ord("剧")))
    except Exception:  # noqa: BLE001 - a candidate reportlab cannot read is simply not this one
        return False


def cache_folder() -> Path:
    return parsed_cache.cache_folder(KIND)


def stored_file(font: Path) -> Path:
    return cache_folder() / (key_of(font.read_bytes(), 0) + parsed_cache.SUFFIX)


def pdf_with(font: TTFont, target: Path) -> bytes:
    """A page of Chinese and Latin text in `font`, written the same way every time."""
    pdfmetrics.registerFont(font)
    canvas = Canvas(str(target), invariant=1)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, TEXT)
    canvas.save()
    return target.read_bytes()


def test_a_stored_face_writes_the_very_pdf_a_parsed_font_writes(font_file, tmp_path):
    parsed = load_font("CacheProbe", font_file)
    assert stored_file(font_file).exists()
    stored = load_font("CacheProbe", font_file)
    assert pdf_with(stored, tmp_path / "stored.pdf") == pdf_with(parsed, tmp_path / "parsed.pdf")
    assert stored.stringWidth(TEXT, 9) == parsed.stringWidth(TEXT, 9)
    assert stored.face.filename == str(font_file)


def test_a_changed_font_file_is_parsed_again_and_the_old_face_goes(font_file):
    load_font("CacheProbe", font_file)
    old = stored_file(font_file)
    key, state = pickle.loads(old.read_bytes())
    state["charWidths"][ord("A")] = 9999  # what an older version of the font said
    old.write_bytes(pickle.dumps((key, state)))
    assert load_font("CacheProbe", font_file).face.charWidths[ord("A")] == 9999  # the cache is what is read

    with font_file.open("ab") as handle:
        handle.write(b"\0" * 4)  # another file now: a new key
    font = load_font("CacheProbe", font_file)
    assert font.face.charWidths[ord("A")] != 9999
    assert not old.exists() and [path.name for path in cache_folder().iterdir()] == [stored_file(font_file).name]


def _hostile() -> bytes:
    class Hostile:
        def __reduce__(self):
            return (print, ("a stored face ran code",))

    return pickle.dumps(Hostile())


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: good[: len(good) // 2],  # cut short (a full disk, a killed writer of an older version)
        lambda good: b"\x80\x05not a pickle at all",
        lambda good: b"",
        lambda good: pickle.dumps(("another key", {"name": b"x"})),
        lambda good: pickle.dumps(None),
        lambda good: _hostile(),
    ],
    ids=["truncated", "garbage", "empty", "another-key", "not-a-face", "hostile"],
)
def test_a_damaged_cache_file_is_parsed_past_and_stored_anew(font_file, capsys, damage):
    expected = load_font("CacheProbe", font_file).face.charWidths
    stored = stored_file(font_file)
    stored.write_bytes(damage(stored.read_bytes()))
    assert load_font("CacheProbe", font_file).face.charWidths == expected
    assert "ran code" not in capsys.readouterr().out
    assert stored_face(key_of(font_file.read_bytes(), 0)) is not None  # and it was stored whole again


def test_an_unwritable_cache_leaves_the_font_parsed(font_file, monkeypatch, tmp_path):
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setattr(parsed_cache, "cache_folder", lambda kind: blocker / kind)
    assert load_font("CacheProbe", font_file).face.charToGlyph.get(ord("剧"))


STORE = """
import json, sys, time
from pathlib import Path
from studio.exports.font_cache import load_font
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
font = load_font("CacheProbe", Path(sys.argv[1]))
print(json.dumps(font.stringWidth("契约新娘 The Contract Bride", 10)))
"""


def test_processes_storing_the_same_font_at_once_each_leave_a_whole_file(font_file, tmp_path):
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", STORE, str(font_file), str(go)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    go.touch()
    widths = [json.loads(writer.communicate()[0]) for writer in writers]
    assert all(writer.returncode == 0 for writer in writers)
    assert len(set(widths)) == 1
    assert [path.name for path in cache_folder().iterdir()] == [stored_file(font_file).name]  # no .partial left
    assert load_font("CacheProbe", font_file).stringWidth("契约新娘 The Contract Bride", 10) == widths[0]
