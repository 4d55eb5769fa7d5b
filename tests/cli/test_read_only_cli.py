"""Reading a database the command line may not write: a read-only file, a read-only folder, a full disk,
a login that may only read. Asked with --read-only or a URI's mode=ro (and, for a command that only
reads, without being asked), reading commands work and leave the file and its folder as they were; a
command that writes is refused up front, naming the flag."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.command_line import ROOT, assert_one_clear_line, run
from tests.disks import fill, folder_of_a_user_permissions_stop, read_only_copy, small_disk, unwritable_file

ASKING = {
    "flag": lambda path: ["--db", str(path), "--read-only"],
    "file-uri": lambda path: ["--db", f"file:{path}?mode=ro"],
    "sqlite-url": lambda path: ["--db", f"sqlite:///{path}?mode=ro"],
    "sqlalchemy-uri": lambda path: ["--db", f"sqlite:///file:{path}?mode=ro&uri=true"],
    "not-asked": lambda path: ["--db", str(path)],  # reading commands fall back to read-only themselves
}


def reading_commands(out) -> list[list[str]]:
    return [
        ["budget", "total", "--json"],
        ["budget", "report", "--json"],
        ["budget", "compare", "now", "now", "--json"],
        ["export", "dood", "--out", str(out / "dood.xlsx")],
        ["export", "people", "--kind", "crew", "--out", str(out / "crew.csv")],
        ["export", "budget", "--out", str(out / "budget.xlsx")],
        ["export", "callsheet", "--day", "1", "--out", str(out / "day1.pdf")],
    ]


def state(path) -> tuple[list[str], str]:
    """What must not change: the names in the file's folder (no -wal, -shm or journal) and its bytes."""
    return sorted(os.listdir(path.parent)), hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def expected(demo_template, tmp_path_factory) -> dict:
    """What info and budget total say of the demo, read the ordinary way."""
    demo = tmp_path_factory.mktemp("expected") / "demo.sqlite"
    shutil.copyfile(demo_template, demo)
    info = run("info", "--db", str(demo), "--json")
    total = run("budget", "total", "--db", str(demo), "--json")
    assert info.returncode == 0 and total.returncode == 0, info.stderr + total.stderr
    return {"info": json.loads(info.stdout), "total": json.loads(total.stdout)}


def assert_reads(path, out, expected, ways=tuple(ASKING), every_command: bool = True) -> None:
    """info asked each of `ways`, budget total through a URI, and the other reading commands (all of
    them, or — where only how the file is opened differs from a case that runs them all — one export)."""
    for way in ways:
        info = run("info", "--json", *ASKING[way](path))
        assert info.returncode == 0, f"{way}: {info.stderr}"
        assert json.loads(info.stdout) == expected["info"], way
    total = run("budget", "total", "--json", "--db", f"file:{path}?mode=ro")
    assert total.returncode == 0 and json.loads(total.stdout) == expected["total"], total.stderr
    out.mkdir(exist_ok=True)
    commands = reading_commands(out) if every_command else reading_commands(out)[-1:]
    for command in commands:
        result = run(*command, *ASKING["flag"](path))
        assert result.returncode == 0, f"{command}: {result.stderr}"
    written = {"dood.xlsx", "crew.csv", "budget.xlsx", "day1.pdf"} if every_command else {"day1.pdf"}
    assert set(os.listdir(out)) == written


def test_reading_commands_work_in_a_read_only_folder_and_change_nothing(demo_path, tmp_path, expected):
    with read_only_copy(demo_path, tmp_path / "ro") as path:
        before = state(path)
        assert_reads(path, tmp_path / "out", expected)
        copied = run("copy-production", "--db", str(path), "--read-only", "--to", str(tmp_path / "copy.sqlite"))
        assert copied.returncode == 0, copied.stderr
        assert state(path) == before


def test_reading_commands_work_on_a_read_only_file(demo_path, tmp_path, expected):
    with unwritable_file(demo_path) as path:
        before = state(path)[1]
        assert_reads(path, tmp_path / "out", expected, ways=("flag", "file-uri", "not-asked"), every_command=False)
        assert state(path)[1] == before


def test_reading_commands_work_on_a_full_disk_and_writing_ones_say_how_to_read(demo_path, tmp_path, expected):
    with small_disk(tmp_path / "full") as disk:
        path = disk / "demo.sqlite"
        shutil.copyfile(demo_path, path)
        fill(disk)
        before = state(path)[1]  # (SQLite may leave its empty -wal and -shm: a name costs no space)
        assert_reads(path, tmp_path / "out", expected, ways=("flag", "sqlite-url", "not-asked"), every_command=False)
        assert_one_clear_line(
            run("budget", "sync", "--db", str(path)), "is full: free some space, or open it read-only with --read-only"
        )
        assert state(path)[1] == before


@pytest.mark.parametrize(
    "command",
    [
        ["budget", "sync", "--read-only"],
        ["--read-only", "budget", "save-version", "v1"],
        ["schedule", "auto", "--read-only"],
        ["import-script", "{fixture}", "--read-only"],
        ["import-people", "{csv}", "--kind", "cast", "--read-only"],
        ["backup", "--read-only"],
        ["restore", "1", "--read-only"],
        ["demo", "--force", "--read-only"],
        ["import-people", "{csv}", "--kind", "cast", "--db", "file:{db}?mode=ro"],
        ["budget", "sync", "--db", "sqlite:///{db}?mode=ro"],
    ],
    ids=lambda command: " ".join(word for word in command if "{" not in word),
)
def test_a_writing_command_asked_to_be_read_only_is_refused_up_front(demo_path, tmp_path, command):
    csv = tmp_path / "cast.csv"
    csv.write_text("Name,Phone\nLin Yue,13800138000\n", encoding="utf-8")
    script = tmp_path / "script.fountain"
    script.write_text("INT. OFFICE - DAY\n\nLin looks up.\n", encoding="utf-8")
    words = [word.format(fixture=script, csv=csv, db=demo_path) for word in command]
    if "--db" not in words:
        words += ["--db", str(demo_path)]
    before = state(demo_path)
    result = run(*words)
    assert_one_clear_line(result, "writes, so it cannot run with --read-only")
    assert state(demo_path) == before  # not even opened: no -wal or -shm beside it


def test_a_writing_command_on_a_read_only_folder_names_the_command_lines_way(demo_path, tmp_path):
    with read_only_copy(demo_path, tmp_path / "ro") as path:
        before = state(path)
        assert_one_clear_line(
            run("budget", "sync", "--db", str(path)), "is read-only. Open it read-only with --read-only"
        )
        assert state(path) == before


def test_a_uri_option_the_app_does_not_honour_is_refused(demo_path):
    for target in (f"file:{demo_path}?vfs=unix-none", f"file:{demo_path}?mode=memory", f"file://elsewhere{demo_path}"):
        assert_one_clear_line(run("info", "--db", target), "of an SQLite URI's options it takes mode=ro|rw|rwc")


def test_a_file_uri_without_read_only_opens_as_its_path(demo_path):
    result = run("budget", "save-version", "v1", "--db", f"file://{demo_path}?mode=rw")
    assert result.returncode == 0, result.stderr
    compared = run("budget", "compare", "v1", "now", "--db", f"file:{demo_path}?mode=ro", "--json")
    assert compared.returncode == 0 and json.loads(compared.stdout)["left"] == "v1", compared.stderr


def test_a_crew_login_reads_with_or_without_the_flag_and_is_kept_from_money(crew_login, tmp_path):
    for asked in ([], ["--read-only"]):
        info = run("info", "--db", crew_login, "--json", *asked)
        assert info.returncode == 0, info.stderr
        (production,) = json.loads(info.stdout)["productions"]
        assert "budget_total" not in production
        people = run("export", "people", "--kind", "crew", "--db", crew_login, "--out", str(tmp_path / "c.csv"), *asked)
        assert people.returncode == 0, people.stderr
    assert_one_clear_line(
        run("budget", "total", "--db", crew_login, "--read-only"), "rates and budgets are for producers"
    )
    assert_one_clear_line(run("budget", "sync", "--db", crew_login, "--read-only"), "--read-only")


def test_a_server_asked_read_only_reads_and_refuses_writes(server_demo):
    total = run("budget", "total", "--db", server_demo, "--read-only", "--json")
    assert total.returncode == 0, total.stderr
    assert_one_clear_line(run("budget", "save-version", "v1", "--db", server_demo, "--read-only"), "--read-only")


def test_a_new_file_on_a_full_disk_is_named_not_its_scratch_file_and_read_only_is_not_offered(demo_path, tmp_path):
    """copy-database and import-script into a new file on a full disk named the hidden scratch file and
    offered --read-only, which makes nothing."""
    script = Path(__file__).parents[1] / "fixtures" / "real" / "ascent-to-guru-peak.fountain"
    with small_disk(tmp_path / "full") as disk:
        fill(disk)
        for command in (
            ("copy-database", "--db", str(demo_path), "--to", str(disk / "copy.sqlite")),
            ("import-script", str(script), "--db", str(disk / "new.sqlite")),
        ):
            result = run(*command)
            assert_one_clear_line(result, f"cannot create a database at {disk / command[-1].split('/')[-1]}")
            assert "partial" not in result.stderr and "--read-only" not in result.stderr
        assert sorted(path.name for path in disk.iterdir()) == ["filler"]


def test_a_backup_with_no_room_for_it_says_the_disk_is_full_and_leaves_nothing(demo_path, tmp_path):
    """The database on a RAM disk with room for it and not for its copy: SQLite said a bare "disk I/O error"."""
    size = demo_path.stat().st_size
    with small_disk(tmp_path / "small", size_kb=size * 3 // 2 // 1024) as disk:
        path = disk / "demo.sqlite"
        shutil.copyfile(demo_path, path)
        before = state(path)
        result = run("backup", "--db", str(path))
        assert_one_clear_line(result, "the disk is full")
        assert "disk I/O error" not in result.stderr and state(path)[1] == before[1]
        assert not (disk / "demo.sqlite backups").exists()  # no folder left, nor a partial copy in it


def test_a_user_whom_permissions_stop_reads_a_read_only_folder_and_file_and_leaves_no_log_behind(demo_path):
    """Where a folder or a file may not be written by the user (not root, whom permissions do not stop),
    SQLite refuses even to make its WAL index beside the file (SQLITE_READONLY_DIRECTORY), or makes it as
    read-only as the file and leaves it, so that no one could write through it once the file is writable."""
    python, main = sys.executable, str(ROOT / "main.py")
    with folder_of_a_user_permissions_stop(ROOT, python) as (folder, user):

        def app(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*user, python, main, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)

        shut = folder / "shut"
        shut.mkdir()
        path = shut / "demo.sqlite"
        shutil.copyfile(demo_path, path)
        if user:
            shutil.chown(shut, "nobody")
            shutil.chown(path, "nobody")
        path.chmod(0o444)
        shut.chmod(0o555)
        for asked in (["--read-only"], []):
            result = app("info", "--db", str(path), "--json", *asked)
            assert result.returncode == 0 and json.loads(result.stdout)["productions"], result.stderr
        assert os.listdir(shut) == ["demo.sqlite"]
        shut.chmod(0o755)  # the folder writable, the file not: read, nothing left beside it
        for asked in (["--read-only"], []):  # without: info's summary kept in the file is read first
            assert app("info", "--db", str(path), *asked).returncode == 0
            assert os.listdir(shut) == ["demo.sqlite"], asked
        path.chmod(0o644)
        assert app("budget", "sync", "--db", str(path)).returncode == 0
        index = shut / "demo.sqlite-shm"
        index.touch()
        if user:
            shutil.chown(index, "nobody")
        index.chmod(0o444)  # as a reader before this change left it
        assert_one_clear_line(app("budget", "sync", "--db", str(path)), "demo.sqlite-shm beside it is read-only")
