"""Every command that reads a file a person names refuses a device, a FIFO or a folder in one line, at once:
`import-script /dev/zero` grew to 2.7 GB before a MemoryError, and a FIFO kept it waiting for ever. The
command's own exit is the proof it did not block (`run`'s timeout is only a guard against a hang)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.command_line import assert_one_clear_line, run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "sent.fountain"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_import_script_refuses_what_is_not_a_file(kind, fifo, tmp_path):
    path = {"fifo": fifo, "device": Path("/dev/zero"), "folder": tmp_path}[kind]
    result = run("import-script", str(path), "--db", str(tmp_path / "new.sqlite"))
    assert_one_clear_line(result, "a folder" if kind == "folder" else "a device, a pipe or a socket")
    assert not (tmp_path / "new.sqlite").exists()


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_people_refuses_what_is_not_a_file(kind, fifo, demo_path):
    path = fifo if kind == "fifo" else Path("/dev/zero")
    result = run("import-people", str(path), "--kind", "cast", "--db", str(demo_path))
    assert_one_clear_line(result, "a device, a pipe or a socket")


def test_restore_refuses_a_fifo_as_its_backup(fifo, demo_path):
    result = run("restore", str(fifo), "--db", str(demo_path))
    assert_one_clear_line(result, "is not a backup: it is a device, a pipe or a socket")
    assert run("info", "--db", str(demo_path)).returncode == 0


@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_demo_refuses_to_write_over_what_is_not_a_file(kind, force, fifo, tmp_path):
    """`demo --db FOLDER` ended in an internal error and `demo --db FIFO` waited for ever, reading what
    the file held to say what the demo would replace."""
    path = {"fifo": fifo, "folder": tmp_path / "folder"}[kind]
    if kind == "folder":
        path.mkdir()
    result = run("demo", "--db", str(path), *(["--force"] if force else []))
    assert_one_clear_line(result, "a folder, not a database file" if kind == "folder" else "a pipe or a socket, not")
    assert path.is_dir() if kind == "folder" else path.is_fifo()
