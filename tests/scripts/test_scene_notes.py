"""The writer's notes and boneyard on their scene (`scene.notes`, revision 0015): imported with it, renewed by a
revision without marking the scene changed, listed with it, and never on sides or call sheets."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import select

from studio.exports.callsheet_pdf import write_call_sheet
from studio.exports.sides_pdf import write_sides
from studio.listings import scene_rows
from studio.models import Scene, ScriptRevision, ShootDay, Strip
from studio.storage import migrations
from studio.storage.backups import restore_backup, take_backup
from studio.storage.db import open_database
from studio.storage.transfer import copy_production
from tests.command_line import run
from tests.fixture_files import REAL
from tests.migrated import downgraded
from tests.pdf_text import pdf_text_spaced
from tests.scripts.test_revisions import import_file

FOUNTAIN = REAL / "en-notes-boneyard.fountain"
FINAL_DRAFT = REAL / "en-script-notes.fdx"


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    target = tmp_path / "p.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    database = open_database(target, create=True)
    yield database
    database.close()


def notes_by_number(database) -> dict[str, str]:
    with database.session() as session:
        return {scene.number: scene.notes for scene in session.exec(select(Scene).order_by(Scene.sort_order))}


def test_each_scene_keeps_the_notes_written_in_it_and_the_revision_those_outside_any(database):
    import_file(database, FINAL_DRAFT)
    assert notes_by_number(database) == {
        "1": "[[Casting: Kim needs conversational Korean for episode 2.]]",
        "2": "[[Wardrobe: Okafor's pyjamas match scene 1's laundry cart.]]\n\n"
        "[[Overlap these two lines; record both wild.]]",
        "3": "[[Roof access only before 6 a.m.\nSafety rail needed for the shot.]]",
    }
    with database.session() as session:
        (revision,) = session.exec(select(ScriptRevision)).all()
        texts = [scene.text for scene in session.exec(select(Scene))]
    assert revision.notes == "[[Cut the pharmacy scene?]]"
    assert not any("Casting" in scene_text or "Overlap" in scene_text for scene_text in texts)


def test_a_revision_that_changes_only_the_notes_changes_no_scene_but_keeps_its_new_notes(database, tmp_path):
    import_file(database, FOUNTAIN)
    assert notes_by_number(database)["1"].startswith("[[Casting: Rosa should be older than Danny.]]")
    revised = tmp_path / "revised.fountain"
    source = FOUNTAIN.read_text(encoding="utf-8")
    source = source.replace("[[Casting: Rosa should be older than Danny.]]", "[[Casting: Rosa is 45.]]")
    source = source.replace("[[Location: the lot must allow a night shoot\nwith rain towers.]]", "")
    revised.write_text(source, encoding="utf-8")

    result = import_file(database, revised)

    assert (result.added, result.changed, result.omitted) == ([], [], [])
    notes = notes_by_number(database)
    assert notes["1"].startswith("[[Casting: Rosa is 45.]]\n\n[[Props: the case file needs a 1998 date stamp.]]")
    assert "rain towers" not in notes["2"]
    with database.session() as session:
        states = set(session.exec(select(Scene.revision_state)))
    assert states == {"UNCHANGED"}

    reworded = tmp_path / "reworded.fountain"
    reworded.write_text(source.replace("Rain.", "Hail."), encoding="utf-8")
    assert import_file(database, reworded).changed == ["2"]  # its words changed: that is a change


def test_the_scene_listing_shows_the_notes(tmp_path):
    path = tmp_path / "p.sqlite"
    database = open_database(path, create=True)
    import_file(database, FINAL_DRAFT)
    with database.session() as session:
        rows = scene_rows(session, 1)
    database.close()
    assert [row["notes"] for row in rows][2] == "[[Roof access only before 6 a.m.\nSafety rail needed for the shot.]]"

    listed = run("script", "scenes", "--db", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    scenes = json.loads(listed.stdout)["scenes"]
    assert [scene["number"] for scene in scenes] == ["1", "2", "3"]
    assert [scene["notes"] for scene in scenes] == [row["notes"] for row in rows]
    assert scenes[0]["heading"] == "INT. HOSPITAL - CORRIDOR - NIGHT" and "Room six" in scenes[0]["text"]

    shown = run("script", "scenes", "--db", str(path)).stdout.splitlines()
    second = shown.index("       2  INT. HOSPITAL - ROOM 6 - CONTINUOUS  [NEW]")
    assert shown[second + 1 : second + 4] == [
        "          [[Wardrobe: Okafor's pyjamas match scene 1's laundry cart.]]",
        "          ",
        "          [[Overlap these two lines; record both wild.]]",
    ]


def test_sides_and_call_sheets_leave_the_notes_out(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    import_file(database, FOUNTAIN)
    with database.transaction() as session:
        day = ShootDay(production_id=1, shoot_date=dt.date(2027, 1, 11), day_number=1)
        session.add(day)
        session.flush()
        for position, strip in enumerate(session.exec(select(Strip)), start=1):
            strip.shoot_day_id, strip.position = day.id, position
    with database.session() as session:
        sides = pdf_text_spaced(write_sides(session, 1, day.id, tmp_path / "sides.pdf"))
        sheet = write_call_sheet(session, 1, day.id, tmp_path / "sheet.pdf")
    database.close()
    assert "Where's the coroner's report?" in sides and "Danny waits in a booth" in sides
    for written in (sides, pdf_text_spaced(sheet)):
        for note in ("Casting", "date stamp", "table read", "rain towers", "They always lose it", "won't finish"):
            assert note not in written


def test_a_file_made_before_the_notes_gets_an_empty_notes_column(demo_path):
    downgraded(demo_path, "0014")
    with sqlite3.connect(demo_path) as connection:
        scenes = connection.execute("select count(*) from scene").fetchone()[0]
        assert "notes" not in [column[1] for column in connection.execute("pragma table_info(scene)")]
    connection.close()

    open_database(demo_path).close()

    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone()[0] == migrations.HEAD
        assert connection.execute("select count(*), min(notes), max(notes) from scene").fetchone() == (scenes, "", "")
    connection.close()


def test_a_server_made_before_the_notes_gets_an_empty_notes_column(server_demo):
    database = open_database(server_demo)
    with database.session() as session:
        scenes = session.execute(text("select count(*) from scene")).scalar()
    database.close()
    downgraded(server_demo, "0014")

    database = open_database(server_demo)
    with database.session() as session:
        assert migrations.current_revision(session.connection()) == migrations.HEAD
        found = session.execute(text("select count(*), min(notes), max(notes) from scene")).one()
    database.close()
    assert tuple(found) == (scenes, "", "")


def test_the_notes_go_to_a_server_and_come_back_from_a_backup(tmp_path, postgres_url):
    path = tmp_path / "p.sqlite"
    database = open_database(path, create=True)
    import_file(database, FINAL_DRAFT)
    written = notes_by_number(database)
    server = open_database(postgres_url, create=True)
    copy_production(database, 1, server)
    assert notes_by_number(server) == written
    server.close()
    backup = take_backup(path, "manual").path
    with database.transaction() as session:
        session.execute(text("update scene set notes = ''"))
    database.close()

    restore_backup(path, backup)

    database = open_database(path)
    assert notes_by_number(database) == written
    database.close()
