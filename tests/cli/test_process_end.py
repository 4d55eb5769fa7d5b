"""A command's process ends as soon as its work is done, without Python's teardown (main.end_process):
what it printed is all there, its exit status is its own, and what it wrote is whole and closed, with
nothing left beside the database. Real processes, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pypdf import PdfReader

from tests.command_line import ROOT, assert_one_clear_line

BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}  # as a user has it


def run_process(*args: str) -> subprocess.CompletedProcess:
    """`python main.py ARGS` in a process of its own, its output buffered as when it goes to a file or a pipe."""
    command = [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=BUFFERED, timeout=120)


def beside(database) -> list[str]:
    return sorted(path.name for path in database.parent.iterdir() if path.name.startswith(database.name))


def test_info_prints_all_of_its_report_and_leaves_nothing_beside_the_file(demo_path):
    for options in ([], ["--read-only"]):
        result = run_process("info", "--db", str(demo_path), "--json", *options)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["productions"][0]["title"] == "The Contract Bride"
        assert result.stderr == ""
        assert beside(demo_path) == [demo_path.name]  # SQLite's -wal and -shm went as the database closed


def test_every_days_sheet_is_written_whole_and_the_process_says_so(demo_path, tmp_path):
    folder = tmp_path / "sheets"
    result = run_process("export", "callsheet", "--db", str(demo_path), "--day", "all", "--out", str(folder))
    assert result.returncode == 0, result.stderr
    written = sorted(folder.iterdir())
    assert len(written) == 9 and all(path.suffix == ".pdf" for path in written)  # no temporary file left
    assert all(len(PdfReader(path).pages) >= 1 for path in written)
    assert result.stdout.startswith("wrote 9 files in")
    assert beside(demo_path) == [demo_path.name]


def test_a_refusal_keeps_its_status_and_its_one_line(demo_path, tmp_path):
    result = run_process("export", "callsheet", "--db", str(demo_path), "--day", "12", "--out", str(tmp_path / "x.pdf"))
    assert_one_clear_line(result, "there is no shoot day 12")


def test_a_reader_that_goes_away_early_sees_no_error(demo_path):
    pipeline = f"{sys.executable} {ROOT / 'main.py'} info --db '{demo_path}' | head -c 1"
    done = subprocess.run(["sh", "-c", pipeline], capture_output=True, text=True, env=BUFFERED, check=True)
    assert done.stdout == "D" and done.stderr == ""
