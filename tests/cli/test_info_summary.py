"""`info` on a file shows the summary the file keeps while no change has been made since it was worked out
(studio.storage.stored_summary), and never after one, whoever made it: the window's operations, a command,
another program, a restore."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

from studio import operations
from studio.storage import stored_summary
from studio.storage.db import open_database
from studio.storage.instance_lock import InstanceLock
from studio.summary import database_summary
from tests.command_line import ROOT, run
from tests.migrated import downgraded


def info(path) -> dict:
    result = run("info", "--db", str(path), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def kept(path) -> dict | None:
    found = stored_summary.read(str(path))
    return None if found is None else found[1]


def worked_out(path) -> dict:
    database = open_database(path, read_only=True)
    try:
        with database.reading() as session:
            return database_summary(session)
    finally:
        database.close()


def follows(path, write) -> dict:
    """`write` made, the summary kept before it is not shown; `info` shows the file as it is now, and keeps it."""
    write()
    assert kept(path) is None
    now = info(path)
    assert kept(path) == now
    return now


def in_one_transaction(path, change) -> None:
    database = open_database(path)
    try:
        with database.transaction() as session:
            change(session)
    finally:
        database.close()


def test_info_keeps_what_it_worked_out_and_shows_it_until_anything_is_changed(demo_path, tmp_path):
    first = info(demo_path)
    assert first == worked_out(demo_path)
    assert kept(demo_path) == first and info(demo_path) == first
    (production,) = first["productions"]

    def edit_title(session):
        operations.edit(session, "production", 1, {"title": "The Contract Bride II"})

    assert follows(demo_path, lambda: in_one_transaction(demo_path, edit_title))["productions"][0]["title"] == (
        "The Contract Bride II"
    )

    def change_rate(session):
        line = session.connection().exec_driver_sql("SELECT id FROM budget_line WHERE source = '' LIMIT 1").scalar()
        operations.edit(session, "budget_line", line, {"rate": "123456.78"})

    budget = follows(demo_path, lambda: in_one_transaction(demo_path, change_rate))["productions"][0]["budget_total"]
    assert budget != production["budget_total"]

    def to_the_boneyard(session):
        strip = session.connection().exec_driver_sql("SELECT min(id) FROM strip").scalar()
        operations.move_strips(session, 1, [strip], None, 0)

    scheduled = follows(demo_path, lambda: in_one_transaction(demo_path, to_the_boneyard))["productions"][0]
    assert scheduled["scheduled_scenes"] == production["scheduled_scenes"] - 1

    crew = tmp_path / "crew.csv"
    crew.write_text("name,department,position,email\nAvery Stone,Camera,2nd AC,avery@example.com\n")
    imported = follows(demo_path, lambda: run("import-people", str(crew), "--kind", "crew", "--db", str(demo_path)))
    assert imported["productions"][0]["crew"] == production["crew"] + 1

    def another_program():
        with sqlite3.connect(demo_path) as connection:  # no app: its own transaction, its own SQL
            connection.execute("UPDATE production SET title_zh = '契约新娘 第二季'")
        connection.close()

    assert follows(demo_path, another_program)["productions"][0]["title_zh"] == "契约新娘 第二季"


def test_a_write_committed_while_info_works_it_out_leaves_that_summary_unshown(demo_path, monkeypatch):
    store = stored_summary.store

    def another_program_first(*args):
        with sqlite3.connect(demo_path) as connection:
            connection.execute("UPDATE production SET title = 'Saved meanwhile'")
        connection.close()
        store(*args)

    monkeypatch.setattr(stored_summary, "store", another_program_first)
    assert info(demo_path)["productions"][0]["title"] == "The Contract Bride"  # as it read it
    assert kept(demo_path) is None
    monkeypatch.setattr(stored_summary, "store", store)
    assert info(demo_path)["productions"][0]["title"] == "Saved meanwhile"


def test_a_restored_backup_shows_its_own_summary(demo_path):
    before = info(demo_path)
    assert run("backup", "--db", str(demo_path)).returncode == 0
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE production SET title = 'Renamed after the backup'")
    connection.close()
    assert info(demo_path) != before
    assert run("restore", "1", "--db", str(demo_path)).returncode == 0
    assert info(demo_path) == before == worked_out(demo_path)


def test_a_file_from_before_the_count_is_counted_once_brought_up_to_date(demo_path):
    downgraded(demo_path, "0018")
    with sqlite3.connect(demo_path) as connection:
        assert not connection.execute("SELECT name FROM sqlite_master WHERE name LIKE '%counted'").fetchall()
    connection.close()
    first = info(demo_path)  # brought up to date, then worked out
    assert kept(demo_path) == first == worked_out(demo_path)
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE episode SET title = 'Renamed' WHERE id = 1")
    connection.close()
    assert kept(demo_path) is None


def test_a_production_copied_in_is_counted(demo_path, demo_template, tmp_path):
    info(demo_path)
    source = shutil.copyfile(demo_template, tmp_path / "other.sqlite")
    with sqlite3.connect(source) as connection:
        connection.execute("UPDATE production SET title = 'The Contract Bride, Again'")
    connection.close()
    assert run("copy-production", "--db", str(source), "--to", str(demo_path)).returncode == 0
    assert kept(demo_path) is None  # the next info works the two out


def test_one_production_is_shown_from_the_kept_summary_too(demo_path):
    whole = info(demo_path)
    assert info(demo_path)["productions"] == whole["productions"]
    result = run("info", "--db", str(demo_path), "--production", "7")
    assert result.returncode == 2 and "no production with id 7" in result.stderr


def test_a_file_opened_read_only_keeps_nothing(demo_path):
    result = run("info", "--db", str(demo_path), "--read-only", "--json")
    assert result.returncode == 0, result.stderr
    assert kept(demo_path) is None


def test_a_file_open_in_a_window_keeps_nothing_the_window_would_take_for_a_colleagues_save(demo_path):
    window = InstanceLock(demo_path)
    assert window.acquire()
    try:
        assert info(demo_path) == worked_out(demo_path)
        assert kept(demo_path) is None
    finally:
        window.release()
    assert kept(demo_path) is None and info(demo_path) == kept(demo_path)


def test_a_kept_summary_is_read_without_the_orm(demo_path):
    before = info(demo_path)
    code = (
        "import contextlib, io, json, sys\nimport main\nout = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out):\n    main.main(['info', '--db', {str(demo_path)!r}, '--json'])\n"
        "print(json.dumps([json.loads(out.getvalue()), sorted({m.split('.')[0] for m in sys.modules})]))"
    )
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    shown, modules = json.loads(ran.stdout)
    assert shown == before
    assert not {"sqlalchemy", "sqlmodel", "pydantic"} & set(modules)


def test_a_server_keeps_no_summary_and_shows_every_change(server_demo):
    before = info(server_demo)
    database = open_database(server_demo)
    try:
        with database.transaction() as session:
            operations.edit(session, "production", 1, {"title": "On the server"})
    finally:
        database.close()
    after = info(server_demo)
    assert after["productions"][0]["title"] == "On the server"
    assert {**after["productions"][0], "title": before["productions"][0]["title"]} == before["productions"][0]


def test_a_scene_omitted_by_a_revision_is_not_counted_as_scheduled_where_its_strip_stays(demo_path):
    (before,) = info(demo_path)["productions"]
    with sqlite3.connect(demo_path) as connection:
        scheduled = connection.execute("SELECT scene_id FROM strip WHERE shoot_day_id IS NOT NULL LIMIT 1").fetchone()
        connection.execute("UPDATE scene SET revision_state = 'OMITTED' WHERE id = ?", scheduled)
    connection.close()
    (after,) = info(demo_path)["productions"]
    assert (after["scenes"], after["scheduled_scenes"]) == (before["scenes"] - 1, before["scheduled_scenes"] - 1)
