"""Feature-length and series-length scripts (generated: benchmarks/long_scripts.py) import whole."""

from __future__ import annotations

from benchmarks.long_scripts import feature_fountain, series_zh
from studio.scripts.importer import import_outline
from studio.scripts.outline import build_outline
from studio.scripts.reader import read_script
from studio.storage.db import open_database


def test_a_feature_length_fountain_screenplay():
    text = feature_fountain()
    outline = build_outline(read_script(text.encode(), "feature.fountain"), "feature.fountain")
    assert len(text.splitlines()) > 4000
    assert [scene.number for scene in outline.scenes] == [str(n) for n in range(1, 161)]
    assert 90 <= sum(scene.eighths for scene in outline.scenes) / 8 <= 130
    assert "DR. OKAFOR" in outline.characters() and not any("(V.O.)" in name for name in outline.characters())


def test_a_hundred_episode_chinese_series_imports(tmp_path):
    outline = build_outline(read_script(series_zh().encode("gb18030"), "series.txt"), "series.txt")
    assert len(outline.episodes) == 100 and 550 <= len(outline.scenes) <= 650
    database = open_database(tmp_path / "series.sqlite", create=True)
    with database.transaction() as session:
        result = import_outline(session, outline)
    database.close()
    assert (result.episodes, len(result.added)) == (100, len(outline.scenes))
