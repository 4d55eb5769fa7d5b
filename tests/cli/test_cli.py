"""The command-line contract: what `python main.py …` prints and exits with (tests/command_line.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.command_line import ROOT, assert_one_clear_line, run, run_process
from tests.fixture_files import REAL, SAMPLE_ZH


def test_demo_then_info_json_reports_the_demo(tmp_path):
    """In processes of their own, as a user runs them (elsewhere `run` calls main in the test's process)."""
    database = tmp_path / "demo.sqlite"
    assert run_process("demo", "--db", str(database)).returncode == 0
    result = run_process("info", "--db", str(database), "--json")
    assert result.returncode == 0, result.stderr
    (production,) = json.loads(result.stdout)["productions"]
    assert production["title"] == "The Contract Bride" and production["title_zh"] == "契约新娘"
    assert production["episodes"] == 80 and 400 <= production["scenes"] <= 600
    assert production["shoot_days"] == 9 and production["scheduled_scenes"] == production["scenes"]
    assert 25 <= production["crew"] <= 35 and 5 <= production["locations"] <= 7
    assert production["cast"] == production["characters"]
    budget = json.loads(run("--db", str(database), "budget", "total", "--json").stdout)
    assert production["budget_total"] == {"amount": budget["amount"], "currency": "CNY"}
    assert Decimal(budget["amount"]) == sum(Decimal(account["amount"]) for account in budget["by_account"])
    with sqlite3.connect(database) as connection:
        assert connection.execute("select count(*) from scene").fetchone()[0] == production["scenes"]


def test_db_option_may_come_before_the_command(demo_path):
    result = run("--db", str(demo_path), "info", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["productions"][0]["id"] == 1


def test_info_in_plain_text(demo_path):
    result = run("info", "--db", str(demo_path))
    assert result.returncode == 0
    assert "The Contract Bride 契约新娘" in result.stdout and "80 episodes" in result.stdout


def test_demo_refuses_to_overwrite_then_force_replaces_saying_what_it_replaced(demo_path):
    assert_one_clear_line(run("demo", "--db", str(demo_path)), "--force")
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE scene SET synopsis = 'my own' WHERE id = 1")
    connection.close()
    replaced = run("demo", "--db", str(demo_path), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert "it replaced changes to The Contract Bride; the file as it was is kept in its backups" in replaced.stdout


def test_demo_on_a_server_url_goes_to_the_server(server_demo, tmp_path):
    """A URL is a URL: the server's demo is refused without --force, and no folder is made named after it."""
    assert_one_clear_line(run("demo", "--db", server_demo, cwd=tmp_path), "already holds The Contract Bride")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda tmp: tmp / "missing.sqlite", "there is no database at"),
        (
            lambda tmp: (tmp / "text.sqlite").write_text("INT. NOT A DATABASE") and tmp / "text.sqlite",
            "not a Cliffhanger database",
        ),
        (lambda tmp: tmp, "is a folder"),
    ],
    ids=["missing", "not-a-database", "folder"],
)
def test_info_on_bad_databases_says_one_line_and_exits_2(tmp_path, make, fragment):
    assert_one_clear_line(run("info", "--db", str(make(tmp_path)), "--json"), fragment)


def test_info_on_a_newer_schema_says_to_update(demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("update alembic_version set version_num = 'ffff'")
    assert_one_clear_line(run("info", "--db", str(demo_path), "--json"), "newer Cliffhanger")


def test_unknown_production_and_unloadable_driver_are_user_errors(demo_path):
    assert_one_clear_line(run("info", "--db", str(demo_path), "--production", "42"), "no production with id 42")
    result = run("info", "--db", "nosuchdialect://host/db")
    assert_one_clear_line(result, "neither a file path nor a database URL")


def test_screenshot_writes_a_png_of_the_page(demo_path, tmp_path):
    out = tmp_path / "cast.png"
    result = run("screenshot", "--db", str(demo_path), "--page", "cast", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_a_missing_database_is_a_clear_error(tmp_path):
    result = run(
        "screenshot", "--db", str(tmp_path / "none.sqlite"), "--page", "cast", "--out", str(tmp_path / "x.png")
    )
    assert result.returncode == 2 and "there is no database at" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_the_gui_without_a_display_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "mine.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert_one_clear_line(result, "no display found")
    assert not (tmp_path / "mine.sqlite").exists()


def test_info_names_a_chinese_title_once(tmp_path):
    database = tmp_path / "zh.sqlite"
    assert run("import-script", str(SAMPLE_ZH), "--db", str(database)).returncode == 0
    result = run("info", "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("契约新娘") == 1


def test_import_script_lists_what_it_had_to_guess(tmp_path):
    script = REAL / "en-time-notes.fountain"
    result = run("import-script", str(script), "--db", str(tmp_path / "a.sqlite"), "--json")
    assert result.returncode == 0, result.stderr
    guesses = json.loads(result.stdout)["guesses"]
    assert {"line": 30, "message": "no INT/EXT (内/外) in the heading: taken as INT"} in guesses
    plain = run("import-script", str(script), "--db", str(tmp_path / "b.sqlite"))
    assert "line 30: no time of day in the heading: taken as MORNING, as the scene before" in plain.stdout


def test_a_script_sharing_no_scene_with_the_files_production_is_not_taken_for_its_revision(demo_path):
    """Found trying the command line from outside: another show's script imported into the demo's file
    became the demo's new revision, its 482 scenes omitted and half its budget's schedule lines gone."""
    script = REAL / "cyber-bob-ep1.fountain"
    before = run("info", "--db", str(demo_path), "--json").stdout
    result = run("import-script", str(script), "--db", str(demo_path))
    assert_one_clear_line(result, "shares no scene with production 1, The Contract Bride, and would omit all 482")
    assert run("info", "--db", str(demo_path), "--json").stdout == before
    asked = run("import-script", str(script), "--db", str(demo_path), "--production", "1", "--json")
    assert asked.returncode == 0 and json.loads(asked.stdout)["omitted"] == 482
