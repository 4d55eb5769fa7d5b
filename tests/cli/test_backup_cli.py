"""`backup` and `restore` from the command line, and what a damaged file says there."""

from __future__ import annotations

import json

from studio.storage.instance_lock import InstanceLock
from tests.command_line import assert_one_clear_line, run
from tests.studio.test_backups import damage, title_of


def test_back_up_list_and_restore_a_damaged_database(demo_path):
    made = run("backup", "--db", str(demo_path), "--json")
    assert made.returncode == 0, made.stderr
    backup = json.loads(made.stdout)
    assert backup["reason"] == "manual"
    assert backup["productions"] == [{"title": "The Contract Bride", "episodes": 80, "scenes": 482}]
    damage(demo_path)
    assert_one_clear_line(run("info", "--db", str(demo_path)), "is damaged")
    listed = run("restore", "--db", str(demo_path))
    assert listed.returncode == 0 and "  1  " in listed.stdout and "80 episodes, 482 scenes" in listed.stdout
    restored = run("restore", "1", "--db", str(demo_path))
    assert restored.returncode == 0, restored.stderr
    assert "demo.damaged-" in restored.stdout
    assert title_of(demo_path) == "The Contract Bride"
    assert run("info", "--db", str(demo_path)).returncode == 0


def test_restore_refuses_while_a_window_has_the_file_open(demo_path):
    assert run("backup", "--db", str(demo_path)).returncode == 0
    window = InstanceLock(demo_path)
    assert window.acquire()
    try:
        assert_one_clear_line(run("restore", "1", "--db", str(demo_path)), "is open in Cliffhanger")
    finally:
        window.release()


def test_restore_names_what_it_cannot_find(demo_path, tmp_path):
    assert_one_clear_line(run("restore", "3", "--db", str(demo_path)), "there is no backup number 3")
    assert_one_clear_line(run("restore", str(tmp_path / "nope.sqlite"), "--db", str(demo_path)), "no backup file")
    assert_one_clear_line(run("backup", "--db", "postgresql+psycopg://u@h/db"), "database files only")
    assert_one_clear_line(run("backup", "--db", str(tmp_path / "missing.sqlite")), "there is no database")


def test_demo_force_keeps_what_it_replaces_and_never_replaces_an_open_file(demo_path):
    from studio.storage.backups import list_backups

    window = InstanceLock(demo_path)
    assert window.acquire()
    try:
        assert_one_clear_line(run("demo", "--db", str(demo_path), "--force"), "is open in Cliffhanger")
    finally:
        window.release()
    assert run("demo", "--db", str(demo_path), "--force").returncode == 0
    assert [b.reason for b in list_backups(demo_path)] == ["replaced"]


def test_restore_speaks_json_and_brings_back_a_deleted_database(demo_path):
    assert run("backup", "--db", str(demo_path)).returncode == 0
    demo_path.unlink()
    restored = run("restore", "1", "--db", str(demo_path), "--json")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["kept"] is None
    assert title_of(demo_path) == "The Contract Bride"


def test_a_reader_that_goes_away_is_no_error(demo_path):
    import subprocess
    import sys

    from tests.command_line import ROOT

    pipeline = f"{sys.executable} {ROOT / 'main.py'} restore --db '{demo_path}' --json | head -c 1"
    subprocess.run(["sh", "-c", f"{sys.executable} {ROOT / 'main.py'} backup --db '{demo_path}'"], check=True)
    for _ in range(3):
        done = subprocess.run(["sh", "-c", pipeline], capture_output=True, text=True)
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_backing_up_a_file_that_is_no_database_says_so_and_leaves_no_folder_beside_it(tmp_path):
    """It said "damaged; restore one of them" of a text file with no backups, and left an empty
    "notes.txt backups" folder beside it."""
    notes = tmp_path / "notes.txt"
    notes.write_text("call the location manager\n")
    result = run("backup", "--db", str(notes))
    assert_one_clear_line(result, "is damaged or is not a Cliffhanger database, so it was not backed up")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
