from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from schoolaid.ui import garbage
from schoolaid.ui.app import create_application
from schoolaid.ui.context import AppContext
from schoolaid.ui.preferences import Preferences
from tests.conftest import NOW
from tests.ui import driving


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(scope="session", autouse=True)
def _garbage_on_the_gui_thread(qapp):
    """As in the program: Python's garbage collected on the GUI thread only, by a timer and after dialogs."""
    collector = garbage.install(qapp)
    yield collector
    garbage.uninstall()


@pytest.fixture(autouse=True)
def _collect_after_each_test(_garbage_on_the_gui_thread):
    """The tests rarely run the event loop for 5 s: let the collector look after each one, on this thread."""
    yield
    _garbage_on_the_gui_thread.check()


@pytest.fixture(autouse=True)
def _dialog_drivers_end_with_their_test():
    """What ``driving.when_shown`` still looks for once its test has ended is forgotten."""
    yield
    driving.end_of_test()


@pytest.fixture(autouse=True)
def _pinned_window_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's one clock shows the tests' day: every tab and dialog asks ``AppContext.today()``."""
    monkeypatch.setattr(AppContext, "pinned_now", NOW)


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(tmp_path / "prefs.ini")


@pytest.fixture
def app(qapp, preferences):
    """The application as the program sets it up: Chinese translators and the bundled fonts."""
    return create_application(preferences=preferences)


@pytest.fixture
def context(app, demo_db, preferences) -> AppContext:
    return AppContext(demo_db, preferences, "李老师")


@pytest.fixture
def township_context(app, township_db, preferences) -> AppContext:
    return AppContext(township_db, preferences, "李老师")


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(monkeypatch):
    """A message box the test did not expect fails the test instead of waiting for a click forever
    (a test that expects one replaces these itself)."""
    def unexpected(_parent, title, text, *args, **kwargs):
        raise AssertionError(f"unexpected message box {title!r}: {text}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
