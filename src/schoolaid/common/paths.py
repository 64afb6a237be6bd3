"""Where SchoolAid keeps its files: the user's data folder, and the resources shipped with the app."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from schoolaid import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # schoolaid/, two levels up from common/paths.py
# A wheel carries resources/ and translations/ inside the package; a source checkout (and an
# editable install) keeps them at the repository root.
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    return inside if inside.is_dir() else _SOURCE_ROOT / name


def resources_dir() -> Path:
    return _shipped("resources")


def translations_dir() -> Path:
    return _shipped("translations")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def manual_dir() -> Path:
    """The user manual built by tools/manual.py (manual.html, manual.pdf): shipped in resources/manual/;
    in a source checkout where it was not built there, the developer's build/manual/."""
    shipped = resources_dir() / "manual"
    developer = _SOURCE_ROOT / "build" / "manual"
    if not (shipped / "manual.html").is_file() and (developer / "manual.html").is_file():
        return developer
    return shipped


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "schoolaid.sqlite"
