"""The window's start removes what a SchoolAid killed half-way left beside the database (a snapshot
with every child's ID number) and says so on the status bar."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtWidgets import QApplication

from schoolaid.common.files import new_owned_folder
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow


@pytest.mark.skipif(sys.platform == "win32", reason="a dead owner is simulated by releasing its POSIX lock")
def test_the_start_removes_leftovers_and_says_so(qtbot, app, demo_db, preferences, monkeypatch) -> None:
    from schoolaid.ui import app as app_module

    # An export killed half-way: its work folder beside the database, the owner gone.
    work, owner = new_owned_folder(".schoolaid-backup-", demo_db.path.parent)
    (work / "snapshot.sqlite").write_bytes(demo_db.path.read_bytes())
    os.close(owner)

    windows: list[MainWindow] = []
    seen: list[str] = []

    def start(path, prefs):
        assert path == demo_db.path
        window = MainWindow(AppContext(demo_db, preferences, "李老师"))
        qtbot.addWidget(window)
        windows.append(window)
        return window

    monkeypatch.setattr(app_module, "start", start)
    monkeypatch.setattr(app_module, "install_excepthook", lambda path: None)
    monkeypatch.setattr(app_module.garbage, "freeze_startup", lambda: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: seen.append(windows[0].statusBar().currentMessage()) or 0)
    assert app_module.run_gui(demo_db.path) == 0
    assert not work.exists()
    assert len(seen) == 1 and "临时文件" in seen[0] and work.name in seen[0]
