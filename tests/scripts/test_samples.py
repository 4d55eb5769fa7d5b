"""The sample scripts import exactly as tests/fixtures/samples/EXPECTED.md describes."""

from __future__ import annotations

import pytest
from sqlmodel import select

from studio.models import Character, FilmSet, Location, Production, Scene, SceneCharacter
from studio.scripts.importer import import_outline
from studio.scripts.script_files import read_outline
from studio.storage.db import open_database
from tests.fixture_files import SAMPLES

EXPECTED = {
    "contract-bride.fountain": {
        "speaking": {"ETHAN", "GRACE", "CHLOE", "VIVIAN", "GRANDFATHER STERLING", "DR. OKAFOR"},
        "silent": {"LEO"},
        "background": set(),
        "set": "STERLING TOWER - CEO OFFICE",
        "location": "STERLING TOWER",
    },
    "contract-bride.zh.txt": {
        "speaking": {"伊森", "格蕾丝", "克洛伊", "薇薇安", "爷爷", "奥卡福医生"},
        "silent": {"里奥", "记者若干"},
        "background": {"记者若干"},
        "set": "斯特林大厦·总裁办公室",
        "location": "斯特林大厦",
    },
}


@pytest.fixture(params=sorted(EXPECTED))
def imported(request, tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    outline, fingerprint = read_outline([SAMPLES / request.param])
    with database.transaction() as session:
        result = import_outline(session, outline, source_name=request.param, source_sha256=fingerprint)
    with database.session() as session:
        yield request.param, result, session
    database.close()


def test_episodes_scenes_times_and_places(imported):
    name, result, session = imported
    scenes = session.exec(select(Scene).order_by(Scene.sort_order)).all()
    assert (result.episodes, result.scenes) == (3, 9)
    assert [s.number for s in scenes] == ["1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3"]
    assert (
        sorted(s.time_of_day for s in scenes).count("DAY") == 6 and [s.time_of_day for s in scenes].count("NIGHT") == 3
    )
    assert [s.int_ext for s in scenes].count("INT") == 7 and [s.int_ext for s in scenes].count("EXT") == 2
    assert all(1 <= s.page_eighths <= 8 for s in scenes)


def test_sets_and_locations(imported):
    name, result, session = imported
    assert len(session.exec(select(FilmSet)).all()) == 8 == result.sets
    assert len(session.exec(select(Location)).all()) == 5
    first = session.exec(select(Scene).where(Scene.number == "1-1")).one()
    film_set = session.get(FilmSet, first.set_id)
    assert film_set.name == EXPECTED[name]["set"]
    assert session.get(Location, film_set.location_id).name == EXPECTED[name]["location"]


def test_speaking_silent_and_background_characters(imported):
    name, _result, session = imported
    rows = session.exec(select(Character.name, SceneCharacter.speaking).join(SceneCharacter)).all()
    speaking = {character for character, speaks in rows if speaks}
    silent = {character for character, _ in rows} - speaking
    assert speaking == EXPECTED[name]["speaking"]
    assert silent == EXPECTED[name]["silent"]
    background = {c.name for c in session.exec(select(Character).where(Character.is_background))}
    assert background == EXPECTED[name]["background"]


def test_chinese_names_fill_the_chinese_columns(imported):
    name, _result, session = imported
    chinese = name.endswith(".zh.txt")
    production = session.exec(select(Production)).one()
    titles = ("契约新娘", "契约新娘") if chinese else ("The Contract Bride", "")
    assert (production.title, production.title_zh) == titles
    places = [*session.exec(select(FilmSet)), *session.exec(select(Location))]
    assert [place.name_zh for place in places] == [place.name if chinese else "" for place in places]
    people = session.exec(select(Character)).all()
    assert [person.name_zh for person in people] == [person.name if chinese else "" for person in people]


def test_scene_text_and_headings_do_not_repeat_the_scene_number(imported):
    _name, _result, session = imported
    for scene in session.exec(select(Scene)):
        assert not scene.heading.startswith(scene.number) and not scene.text.startswith(scene.number)
