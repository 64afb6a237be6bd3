"""A lean start (issue 21): the window's module loads no printing, migration or pinyin machinery; a
database at the current schema opens without Alembic; the tabs other than the first are built when
first shown, their titles and badges there from the start, and building the window asks the database
nothing for them."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import event

from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.operations import running
from schoolaid.ui.roster.roster_tab import RosterTab

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("alembic", "reportlab", "pypinyin", "openpyxl", "python_calamine")
TAB_MODULES = ("schoolaid.ui.roster.roster_tab", "schoolaid.ui.pairing.pairing_tab",
               "schoolaid.ui.ledger.ledger_tab", "schoolaid.ui.dropout.dropout_tab")


def loaded_after(code: str) -> set[str]:
    """The modules of interest loaded by ``code`` run in a fresh interpreter on this checkout's sources."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(SRC)})
    return set(result.stdout.split()) & {*HEAVY, *TAB_MODULES}


def test_the_main_window_module_loads_no_printing_migrations_pinyin_or_other_tabs() -> None:
    assert loaded_after("import schoolaid.ui.main_window") == set()


def test_a_database_at_the_current_schema_opens_without_alembic(db) -> None:
    path = db.path  # made (migrated) by the fixture, then closed by nobody: reopened alongside, read only
    loaded = loaded_after(f"from schoolaid.storage.database import open_database\nopen_database({str(path)!r}).close()")
    assert "alembic" not in loaded and "pypinyin" not in loaded


def test_the_tabs_are_built_when_first_shown(qtbot, context) -> None:
    statements: list[str] = []
    gui_thread = threading.main_thread()

    def record(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if threading.current_thread() is gui_thread:
            statements.append(statement)

    event.listen(context.db.engine, "before_cursor_execute", record)
    try:
        window = MainWindow(context)
    finally:
        event.remove(context.db.engine, "before_cursor_execute", record)
    qtbot.addWidget(window)
    pages = [window.roster_page, window.pairing_page, window.ledger_page, window.dropout_page]
    assert not any(page.built for page in pages)
    # Only what the first screen shows is read on the GUI thread: no tab's tables.
    for table in ("ledger_entries", "pairings", "dropout_cases", "absences", "households"):
        assert not [s for s in statements if f"FROM {table}" in s], table
    window.show()
    window.home_tab.wait()
    qtbot.waitUntil(lambda: not running(window), timeout=20_000)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["首页", "学生花名册"]
    assert titles[2].startswith("结对帮扶 (") and titles[3].startswith("资助台账 (")  # badges, counted in the background
    assert not any(page.built for page in pages)

    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    # Made in steps, the window answering in between: first "Opening…", then the tab built, then shown.
    assert not window.roster_page.built
    qtbot.waitUntil(lambda: window.roster_page.built, timeout=10_000)
    assert not window.ledger_page.built
    roster = window.tabs.currentWidget()
    assert isinstance(roster, RosterTab) and roster.isVisible() and roster is window.roster_tab
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0, timeout=10_000)
    assert window.count_label.isVisible() and "150" in window.count_label.text()
    assert window.tabs.indexOf(roster) == 1

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    qtbot.waitUntil(lambda: window.ledger_page.built and window.ledger_page.built_content.isVisible(), timeout=10_000)
    assert window.ledger_tab.isVisible() and not window.count_label.isVisible()
    assert window.tabs.tabText(3) == titles[3]  # the badge kept once the tab is built
