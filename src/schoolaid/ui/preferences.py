"""Per-PC preferences (language, last operator, window layout) in an INI file of the user's own."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from schoolaid import APP_NAME
from schoolaid.common.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES


def default_preferences_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "schoolaid.ini"


class Preferences:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_preferences_path()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._settings.value("language", DEFAULT_LANGUAGE))
        return value if value in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value)
        self._settings.sync()

    @property
    def last_operator(self) -> str:
        return str(self._settings.value("last_operator", ""))

    @last_operator.setter
    def last_operator(self, value: str) -> None:
        self._settings.setValue("last_operator", value)
        self._settings.sync()

    @property
    def last_username(self) -> str:
        return str(self._settings.value("last_username", ""))

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._settings.setValue("last_username", value)
        self._settings.sync()

    @property
    def backup_folder(self) -> str:
        """Where the last backup was exported (usually the USB stick)."""
        return str(self._settings.value("backup_folder", ""))

    @backup_folder.setter
    def backup_folder(self, value: str) -> None:
        self._settings.setValue("backup_folder", value)
        self._settings.sync()

    def window_state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)
