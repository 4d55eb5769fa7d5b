"""The recent list in the settings file holds no password: the audit found a URL's ?password= there (0644)."""

from __future__ import annotations

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
