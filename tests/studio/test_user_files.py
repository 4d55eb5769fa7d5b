"""Files a person names are read only if they are regular files, and never past their limit: a device, a pipe,
a socket or a folder is refused with one sentence before anything is read (a FIFO's open would wait for a
writer for ever, /dev/zero never ends). Real FIFOs, sockets and devices; the refusal arriving is the proof that
nothing blocked (the thread's join has a generous guard only, so no test depends on the machine's speed)."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from studio.user_files import FileTooLarge, UnreadableFile, check_regular_file, read_user_file

HANG_GUARD = 120  # seconds; only a read that blocks comes near it

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and /dev/zero are POSIX")


def outcome_of(read, *args):
    """What `read(*args)` returned or raised, from a thread: a call that blocks fails the test, never hangs it."""
    result: list = []

    def call():
        try:
            result.append(read(*args))
        except Exception as error:  # noqa: BLE001 - the test looks at it
            result.append(error)

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert result, f"{read.__name__}{args} blocked"
    return result[0]


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "script.fountain"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path):
    path = tmp_path / "people.csv"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo):
    for read in (check_regular_file, lambda path: read_user_file(path, 1000)):
        error = outcome_of(read, fifo)
        assert isinstance(error, UnreadableFile) and "a pipe" in str(error) and str(fifo) in str(error)


def test_a_fifo_with_a_writer_is_refused_too(fifo):
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open does not wait
    writer = os.open(fifo, os.O_WRONLY)
    try:
        os.write(writer, b"INT. HOUSE - DAY\n")
        assert "a pipe" in str(outcome_of(read_user_file, fifo, 1000))
    finally:
        os.close(writer)
        os.close(reader)


def test_devices_sockets_and_folders_are_refused(tmp_path, unix_socket):
    assert "a device" in str(outcome_of(read_user_file, Path("/dev/zero"), 1000))
    assert "a socket" in str(outcome_of(read_user_file, unix_socket, 1000))
    assert "a folder" in str(outcome_of(read_user_file, tmp_path, 1000))
    assert "no such file" in str(outcome_of(read_user_file, tmp_path / "missing.csv", 1000))


def test_the_limit_is_kept_while_reading_not_taken_from_the_reported_size(tmp_path):
    proc = Path("/proc/self/maps")  # a regular file whose size the system reports as 0
    if proc.exists():
        assert os.stat(proc).st_size == 0
        error = outcome_of(read_user_file, proc, 10)
        assert isinstance(error, FileTooLarge)
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 1000)
    assert read_user_file(exact, 1000) == b"x" * 1000
    assert isinstance(outcome_of(read_user_file, exact, 999), FileTooLarge)


def test_a_link_to_a_regular_file_is_read(tmp_path):
    target = tmp_path / "real.fountain"
    target.write_bytes(b"INT. HOUSE - DAY\n")
    link = tmp_path / "link.fountain"
    link.symlink_to(target)
    assert read_user_file(link, 100) == b"INT. HOUSE - DAY\n"
    (tmp_path / "to-zero").symlink_to("/dev/zero")
    assert "a device" in str(outcome_of(read_user_file, tmp_path / "to-zero", 100))
