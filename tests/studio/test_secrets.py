"""Passwords never leave the keyring, logs never carry the user's data or money, private folders are private.
The audit found a URL's ?password= in the settings' recent list and in `info`'s output, SQL parameters (rates)
in crash logs, and the undo snapshots' folder in the shared temporary folder reused whoever had made it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from studio.crash_log import crash_summary, write_crash_log
from studio.errors import UserError
from studio.paths import private_folder, snapshot_dir
from studio.storage.db import make_engine
from studio.storage.passwords import without_password
from tests.command_line import run

URL = "postgresql+psycopg://crew:in-the-user-part@127.0.0.1:1/film?password=in-the-query&sslmode=disable"
SECRETS = ("in-the-user-part", "in-the-query")
RATE = "987654321"


def test_a_url_is_shown_and_remembered_without_either_password():
    shown = without_password(URL)
    assert shown == "postgresql+psycopg://crew@127.0.0.1:1/film?sslmode=disable"
    assert without_password("postgresql://u@h/db?PassWord=x&sslpassword=y") == "postgresql://u@h/db"
    assert without_password("films/film.sqlite") == "films/film.sqlite"  # a file's path, as it is


def test_info_and_its_refusal_never_print_the_password(tmp_path):
    result = run("info", "--db", URL)
    assert result.returncode != 0
    assert "127.0.0.1" in result.stdout + result.stderr
    assert not any(secret in result.stdout + result.stderr for secret in SECRETS)


def test_a_crash_log_has_no_sql_parameters_and_is_private(tmp_path, isolated_user_dirs):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(OperationalError) as raised, engine.connect() as connection:
        connection.execute(
            text("insert into cast_rates (rate_minor, name) values (:rate, :name)"),
            {"rate": int(RATE), "name": "Mei Lin"},
        )
    engine.dispose()
    error = raised.value
    log = Path(write_crash_log(error))
    written = log.read_text(encoding="utf-8")
    assert "OperationalError" in written and "no such table: cast_rates" in written
    assert RATE not in written and "Mei Lin" not in written
    assert RATE not in crash_summary(error)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    # What another engine, or PostgreSQL, puts in a message is taken out of a traceback's text too.
    shown = Path(
        write_crash_log(
            "IntegrityError: duplicate key\nDETAIL:  Key (name)=(Mei Lin) already exists.\n"
            f"[SQL: INSERT INTO deal (rate) VALUES (%(rate)s)]\n[parameters: {{'rate': {RATE}}}]\n"
        )
    ).read_text(encoding="utf-8")
    assert RATE not in shown and "Mei Lin" not in shown and "[SQL: INSERT INTO deal" in shown


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and links")
def test_private_folders_are_the_users_own_and_closed_to_others(tmp_path, demo):
    from studio.storage.snapshots import take_snapshot

    snapshot = take_snapshot(demo)
    assert snapshot.parent.parent == snapshot_dir()  # the user's cache, not the shared temporary folder
    for folder in (snapshot.parent, snapshot_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    snapshot.unlink()
    open_to_all = tmp_path / "open-to-all"
    open_to_all.mkdir()
    os.chmod(open_to_all, 0o777)
    made_by_another = tmp_path / "cache" / "snapshots"
    made_by_another.parent.mkdir()
    made_by_another.symlink_to(open_to_all)  # a name someone else put there first
    with pytest.raises(UserError, match="not a private folder"):
        private_folder(made_by_another)
    loose = tmp_path / "loose"
    loose.mkdir()
    os.chmod(loose, 0o777)
    assert stat.S_IMODE(private_folder(loose).stat().st_mode) == 0o700
