"""The demo production is what the foundation promises, and the same seed writes the same data."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.totals import current_budget
from studio.demo import write_demo, write_demo_on_server
from studio.demo_stamp import demo_changes, demo_is_current
from studio.errors import UserError
from studio.models import (
    BudgetAccount,
    BudgetLine,
    BudgetVersion,
    CastAssignment,
    Character,
    CostEntry,
    CrewMember,
    FilmSet,
    Location,
    Production,
    Scene,
    ShootDay,
)
from studio.models.enums import ShootDayKind
from studio.productions import ProductionDetails, create_production, list_productions
from studio.storage.db import open_database


@pytest.fixture
def demo(demo_path):
    database = open_database(demo_path)
    with database.session() as session:
        yield session
    database.close()


def test_demo_is_the_bilingual_series_with_its_episodes_and_scenes(demo):
    production = demo.exec(select(Production)).one()
    assert (production.title, production.title_zh) == ("The Contract Bride", "契约新娘")
    assert production.shoot_timezone == "America/Los_Angeles"
    scenes = demo.exec(select(Scene)).all()
    assert 400 <= len(scenes) <= 600
    assert {scene.episode_id for scene in scenes} and len({scene.episode_id for scene in scenes}) == 80
    assert all(scene.page_eighths >= 1 and scene.text and scene.set_id for scene in scenes)
    assert {scene.time_of_day for scene in scenes} == {"DAY", "NIGHT"}


def test_demo_sets_and_locations_are_in_los_angeles(demo):
    sets = demo.exec(select(FilmSet)).all()
    locations = demo.exec(select(Location)).all()
    assert 8 <= len(sets) <= 15
    assert 5 <= len(locations) <= 7
    assert all(film_set.location_id for film_set in sets)
    for location in locations:
        assert ", CA 9" in location.address
        assert Decimal("33.5") < location.latitude < Decimal("34.5")
        assert Decimal("-119") < location.longitude < Decimal("-118")
        assert location.timezone == "America/Los_Angeles"
        assert location.hospital_name and location.hospital_phone


def test_demo_cast_rates_follow_the_tiers(demo):
    rows = demo.exec(select(Character, CastAssignment).join(CastAssignment)).all()
    assert 20 <= len(rows) <= 30
    assert all(character.name_zh for character, _ in rows)
    rates = {character.name: deal.rate for character, deal in rows}
    assert all(rate.currency == "USD" for rate in rates.values())
    leads = [rates[name] for name in ("ETHAN", "CHLOE", "VIVIAN")]
    assert all(Decimal(800) <= rate.amount <= Decimal(2000) for rate in leads)
    background = [deal.rate.amount for character, deal in rows if character.is_background]
    assert background and all(Decimal(150) <= amount <= Decimal(250) for amount in background)
    assert [character.cast_number for character, _ in rows if character.cast_number][:2] == [1, 2]


def test_demo_crew_spans_departments_and_languages(demo):
    crew = demo.exec(select(CrewMember)).all()
    assert 25 <= len(crew) <= 35
    assert len({member.department_id for member in crew}) >= 8
    assert sum("Mandarin" in member.languages for member in crew) >= 5
    assert {member.rate.currency for member in crew} == {"USD", "CNY"}


def test_demo_has_nine_shoot_days_and_a_budget_that_follows_them(demo):
    shoot_days = demo.exec(select(ShootDay).where(ShootDay.kind == ShootDayKind.SHOOT.value)).all()
    assert len(shoot_days) == 9
    assert [day.day_number for day in shoot_days] == list(range(1, 10))
    assert demo.exec(select(BudgetAccount)).all()
    lines = demo.exec(select(BudgetLine)).all()
    sources = {line.source.split(":")[0] for line in lines}
    assert {"cast", "overtime", "per-diem", "crew", "location", ""} <= sources
    # The schedule's lines are stored as the schedule has them: nothing is left to bring up to date.
    assert not current_budget(demo, 1).plan
    assert demo.exec(select(CostEntry)).all() and demo.exec(select(BudgetVersion)).all()


def _contents(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("select name from sqlite_master where type='table'")]
        return {table: sorted(connection.execute(f'select * from "{table}"').fetchall(), key=repr) for table in tables}


def test_same_seed_writes_the_same_database(demo_template, tmp_path):
    """The session's demo (the default seed) written again, at another moment, is the same file's rows;
    another seed gives other scenes."""
    write_demo(tmp_path / "again.sqlite")
    write_demo(tmp_path / "other.sqlite", seed=8)
    assert _contents(tmp_path / "again.sqlite") == _contents(demo_template)
    assert _contents(demo_template)["scene"] != _contents(tmp_path / "other.sqlite")["scene"]


def test_demo_refuses_to_overwrite_without_force_and_replaces_with_it(tmp_path):
    path = tmp_path / "mine.sqlite"
    path.write_text("precious")
    with pytest.raises(UserError, match="--force"):
        write_demo(path)
    assert path.read_text() == "precious"
    write_demo(path, force=True)
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.sqlite"]


def test_replacing_a_demo_that_another_program_has_open_leaves_a_sound_database(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    other_program = sqlite3.connect(path)
    other_program.execute("pragma journal_mode=wal")
    other_program.execute("update character set name_zh = 'edited' where id = 1")
    other_program.commit()  # the edit sits in the write-ahead log while the program stays open

    write_demo(path, force=True)
    with sqlite3.connect(path) as fresh:
        assert fresh.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert fresh.execute("select name_zh from character where id = 1").fetchone()[0] == "顾景深"
    assert _contents(path)["scene"] != []
    other_program.close()
    assert _contents(path) == _contents(demo_template)  # the new demo whole, nothing of the old one's log


def test_a_demo_file_knows_whether_anyone_changed_it(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    assert demo_changes(path) is None and demo_is_current(path)

    database = open_database(path)
    with database.transaction() as session:
        create_production(session, ProductionDetails(title="My Own Show"))
    database.close()
    assert demo_changes(path) == ["a production of your own: My Own Show"]


def test_an_edit_to_the_demo_itself_is_a_change(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("update scene set synopsis = 'my note' where id = 3")
    assert demo_changes(path) == ["changes to The Contract Bride"]


def test_a_file_the_demo_did_not_write_is_never_taken_for_an_untouched_demo(tmp_path):
    path = tmp_path / "mine.sqlite"
    open_database(path, create=True).close()
    assert demo_changes(path) == ["it is not a demo file"]


def test_the_demo_on_a_server_goes_to_the_server_beside_other_productions(server_demo):
    """The server starts with the session's demo (copied there): another production is added beside it,
    the demo is refused without --force, then replaced beside the other production."""
    database = open_database(server_demo)
    with database.transaction() as session:
        first = session.exec(select(Production).where(Production.title == "The Contract Bride")).one().id
        create_production(session, ProductionDetails(title="Another Series"))
    database.close()

    with pytest.raises(UserError, match="already holds The Contract Bride .* --force"):
        write_demo_on_server(server_demo)
    second = write_demo_on_server(server_demo, force=True)

    database = open_database(server_demo)
    with database.reading() as session:
        titles = {production.id: production.title for production in list_productions(session)}
        scenes = session.exec(select(Scene)).all()
    database.close()
    assert sorted(titles.values()) == ["Another Series", "The Contract Bride"]
    assert first not in titles and titles[second] == "The Contract Bride"
    assert len({scene.episode_id for scene in scenes}) == 80


def test_a_damaged_demo_file_is_not_current_and_its_changes_say_it_cannot_be_read(tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    assert not demo_is_current(path)
    assert demo_changes(path) == ["it cannot be read"]


def test_the_larger_production_extends_the_demo_for_the_optimizer(tmp_path):
    """`demo --size large`: the demo's series with 100 episodes, about 600 scenes, 12 shoot days and 11
    locations around Los Angeles, and more days someone or somewhere is not free."""
    from studio.models import Availability, Episode
    from studio.scripts.pairing import stored_alignment

    path = tmp_path / "large.sqlite"
    write_demo(path, size="large")
    database = open_database(path)
    try:
        with database.session() as session:
            assert session.exec(select(Production)).one().title == "The Contract Bride: Extended Season"
            assert len(session.exec(select(Episode)).all()) == 100
            assert 550 <= len(session.exec(select(Scene)).all()) <= 650
            shooting = session.exec(select(ShootDay).where(ShootDay.kind == ShootDayKind.SHOOT.value)).all()
            assert len(shooting) == 12
            locations = session.exec(select(Location)).all()
            assert len(locations) == 11
            assert all(Decimal("33.5") < place.latitude < Decimal("34.5") for place in locations)
            unavailable = session.exec(select(Availability)).all()
            assert len({row.performer_id for row in unavailable if row.performer_id}) >= 8
            assert len({row.location_id for row in unavailable if row.location_id}) == 2
            aligned = stored_alignment(session, 1)
    finally:
        database.close()
    # its Chinese original, aligned: its own cut beats past the demo's 80 episodes, its own sets in Chinese
    assert {row["episode"] for row in aligned["original_only"]} > {86, 95} and len(aligned["shooting_only"]) == 4
    assert {"帕萨迪纳小学·教室", "港口仓库"} <= {row["set"] for row in aligned["original_only"]}
    assert aligned["ambiguities"] == [] and len(aligned["pairs"]) >= 550
    progress = {row["episode"]: row for row in aligned["episodes"]}
    assert (
        progress[60]["approved"] == progress[60]["scenes"] and progress[100]["not_started"] == progress[100]["scenes"]
    )
    assert progress[81]["translated"] == progress[81]["scenes"]
