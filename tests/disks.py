"""Real disks for the tests that need one to fail: a small RAM disk that can be filled up or made
read-only (Linux, as root: a tmpfs mount), or, for a user who is not root, a folder without write
permission. Where neither works the test is skipped, saying why."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(folder: Path, size_kb: int) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    command = ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)]
    return subprocess.run(command, capture_output=True).returncode == 0


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int = 4096) -> Iterator[Path]:
    """A RAM disk of `size_kb` mounted on `folder`, unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount(folder, size_kb):
        pytest.skip("a small disk needs a tmpfs mount (Linux, as root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def locked_by_another_program(database: Path) -> Iterator[None]:
    """Another program holding the file locked, as one in SQLite's exclusive locking mode does."""
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; returns it (delete it to free the space)."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):  # nothing left to flush on close
        while handle.write(b"\0" * 65536):
            pass
    return filler


@contextlib.contextmanager
def read_only_copy(source: Path, folder: Path) -> Iterator[Path]:
    """`source` copied into `folder`, which then cannot be written: a read-only mount as root, the
    write permission taken away otherwise."""
    folder.mkdir(parents=True, exist_ok=True)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with small_disk(folder, 65536):
            shutil.copyfile(source, folder / source.name)
            remount = ["mount", "-o", "remount,ro", str(folder)]
            if subprocess.run(remount, capture_output=True).returncode != 0:
                pytest.skip("cannot remount the RAM disk read-only")
            yield folder / source.name
        return
    shutil.copyfile(source, folder / source.name)
    (folder / source.name).chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder / source.name
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def unwritable_file(path: Path) -> Iterator[Path]:
    """`path` made read-only where it lies (its folder stays writable): its write permission taken
    away, and as root, whom that does not stop, marked immutable too (`chattr +i`, which stops root)."""
    path.chmod(0o444)
    immutable = hasattr(os, "geteuid") and os.geteuid() == 0
    if immutable and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        path.chmod(0o644)
        pytest.skip("root writes a file without write permission, and chattr +i is not available here")
    try:
        yield path
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        path.chmod(0o644)


@contextlib.contextmanager
def folder_of_a_user_permissions_stop(root: Path, python: str) -> Iterator[tuple[Path, list[str]]]:
    """A folder of its own beneath the system's temporary folder, and the command prefix that runs a process
    as a user whom file permissions stop: root's `runuser -u nobody --`, the folder theirs, where nobody may
    run `python` from `root`; this user, who is not root, otherwise."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="cliffhanger-user-"))
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        prefix = ["runuser", "-u", "nobody", "--"]
        probe = subprocess.run([*prefix, python, "-c", "import studio"], cwd=root, capture_output=True)
        if not shutil.which("runuser") or probe.returncode != 0:
            shutil.rmtree(folder)
            pytest.skip("as root, and the user nobody cannot run the app from here")
        shutil.chown(folder, "nobody")
    try:
        yield folder, prefix
    finally:
        for inside in (folder, *folder.rglob("*")):
            with contextlib.suppress(OSError):
                inside.chmod(0o755 if inside.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)
