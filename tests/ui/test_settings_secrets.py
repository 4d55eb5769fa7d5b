"""The recent list in the settings file holds no password: the audit found a URL's ?password= there (0644)."""

from __future__ import annotations

import stat
from pathlib import Path

from studio.storage.passwords import without_password
from tests.studio.test_secrets import SECRETS, URL


def test_the_recent_list_in_the_settings_file_holds_no_password(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings

    path = tmp_path / "settings.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.qsettings.setValue("recentDatabases", [URL])  # as an older version wrote it
    assert settings.recent_databases() == [without_password(URL)]
    settings.remember_database(URL)
    settings.remember_database("/home/me/film.sqlite")
    settings.qsettings.sync()
    written = path.read_text(encoding="utf-8")
    assert "crew@127.0.0.1" in written and not any(secret in written for secret in SECRETS)


def test_the_settings_file_is_private_new_or_written_by_an_older_version(qapp, tmp_path):
    """The audit found it 0644, like any file Qt writes; the recent list names files, servers and users."""
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings

    older = tmp_path / "older" / "settings.ini"
    older.parent.mkdir()
    older.write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    older.chmod(0o644)
    for path in (tmp_path / "new" / "settings.ini", older):
        settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
        settings.remember_database("/home/me/film.sqlite")
        settings.qsettings.sync()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "film.sqlite" in path.read_text(encoding="utf-8")
    assert AppSettings(QSettings(str(older), QSettings.Format.IniFormat)).language() == "zh_CN"
    default = AppSettings()  # the user's own, where Qt keeps it (here in the test's home folder)
    default.set_language("en")
    assert stat.S_IMODE(Path(default.qsettings.fileName()).stat().st_mode) == 0o600
