"""What the app remembers between runs (QSettings): recent databases, window and splitter layout, the
language and the temperature unit chosen; in a file only this user may read (0600)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from studio.storage.passwords import without_password

MAX_RECENT = 8
BACKUP_MINUTES = 10
LANGUAGES = ("en", "zh_CN")
TEMPERATURE_UNITS = ("C", "F")


class AppSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qsettings = settings or QSettings()
        keep_private(Path(self.qsettings.fileName()))

    @classmethod
    def ephemeral(cls) -> AppSettings:
        """Settings that live only as long as this object: for renders and tests, never the user's."""
        folder = tempfile.TemporaryDirectory(prefix="cliffhanger-settings-")
        settings = cls(QSettings(str(Path(folder.name) / "settings.ini"), QSettings.Format.IniFormat))
        settings._folder = folder
        return settings

    def recent_databases(self) -> list[str]:
        value = self.qsettings.value("recentDatabases", [])
        if isinstance(value, str):
            value = [value]
        # Without passwords, also in a list written before a URL's ?password= was taken out.
        return list(dict.fromkeys(without_password(path) for path in value if path))

    def remember_database(self, path: str) -> None:
        path = without_password(path)  # a password stays in the keyring, never in this file
        recent = [path] + [p for p in self.recent_databases() if p != path]
        self.qsettings.setValue("recentDatabases", recent[:MAX_RECENT])

    def forget_database(self, path: str) -> None:
        self.qsettings.setValue("recentDatabases", [p for p in self.recent_databases() if p != path])

    def backup_minutes(self) -> float:
        """How often to back up while edits are being made (the setting backupMinutes, else 10)."""
        try:
            minutes = float(self.qsettings.value("backupMinutes", BACKUP_MINUTES))
        except (TypeError, ValueError):
            return BACKUP_MINUTES
        return minutes if minutes > 0 else BACKUP_MINUTES

    def layout(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def save_layout(self, key: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{key}", state)

    def language(self) -> str | None:
        """The language chosen in the app ("en", "zh_CN"), or None to follow the system's."""
        value = self.qsettings.value("language", "")
        return value if value in LANGUAGES else None

    def set_language(self, language: str | None) -> None:
        self.qsettings.setValue("language", language or "")
        self.qsettings.sync()  # the next start reads it even if this one is killed

    def temperature_unit(self) -> str | None:
        """ "C" or "F" as chosen in the app, or None for the language's (°C in Chinese, °F in US English)."""
        value = self.qsettings.value("temperatureUnit", "")
        return value if value in TEMPERATURE_UNITS else None

    def set_temperature_unit(self, unit: str | None) -> None:
        self.qsettings.setValue("temperatureUnit", unit or "")


def keep_private(path: Path) -> None:
    """The settings file readable by this user only (0600): the recent list names files and servers with
    their user names. Made so before Qt first writes it, since Qt's atomic save keeps the mode of the file
    it replaces; one an older version wrote (0644) is made private."""
    if os.name != "posix":
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # a file or folder this user cannot write: Qt cannot keep the settings there either
