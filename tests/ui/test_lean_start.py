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


# The real start on an encrypted database (``schoolaid --db``): the sign-in painted offscreen (grabbed once
# shown), what was loaded then, and what the background had loaded once it was done.
SIGN_IN_PROBE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Probe(QObject):
    def eventFilter(self, obj, event):
        if isinstance(obj, QWidget) and obj.isWindow():
            if event.type() == QEvent.Type.Show:
                QTimer.singleShot(0, obj.grab)
            elif event.type() == QEvent.Type.Paint:
                QApplication.instance().removeEventFilter(self)
                loaded = lambda: " ".join(m for m in ("sqlalchemy", "schoolaid.storage.models",
                                                        "schoolaid.ui.main_window") if m in sys.modules)
                print("painted", type(obj).__name__, "|", loaded(), flush=True)
                def later():
                    from schoolaid.ui import warm_up
                    warm_up.wait()
                    from schoolaid.storage.models import Base
                    print("then", "|", loaded(), "| configured", not Base.registry._new_mappers, flush=True)
                    os._exit(0)
                QTimer.singleShot(1500, later)  # the user typing
        return False

app = QApplication(sys.argv[:1])
app.installEventFilter(probe := Probe())
from schoolaid.cli.main import main
main(["--db", sys.argv[1]])
"""


def test_the_sign_in_at_the_start_is_painted_before_the_database_machinery_which_loads_meanwhile(demo_db) -> None:
    from schoolaid.accounts import accounts, unlocking

    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", "admin-pass-1")
    encrypted, _made = unlocking.encrypt_open_database(demo_db, "admin", "admin-pass-1", admin)
    encrypted.close()
    result = subprocess.run([sys.executable, "-c", SIGN_IN_PROBE, str(encrypted.path)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                                         "PYTHONPATH": str(SRC)})
    lines = result.stdout.splitlines()
    assert lines[0] == "painted OpeningSignInDialog | ", result.stdout + result.stderr[-2000:]
    assert lines[1] == "then | sqlalchemy schoolaid.storage.models schoolaid.ui.main_window | configured True"


def test_a_database_opened_has_its_mappers_configured_before_any_query(db) -> None:
    """On the thread that opens it (the sign-in's worker at the start), not by the window's first query."""
    code = (f"from schoolaid.storage.database import open_database\nfrom schoolaid.storage.models import Base\n"
            f"db = open_database({str(db.path)!r})\nprint('configured', not Base.registry._new_mappers)\ndb.close()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                            env={**os.environ, "PYTHONPATH": str(SRC)})
    assert result.stdout.split() == ["configured", "True"]


def test_the_safety_copy_at_the_start_waits_for_the_windows_first_paint(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work()
    assert window.backup_actions._safety_thread is None and not window.backup_actions.timer.isActive()
    window.grab()  # its first paint
    qtbot.waitUntil(lambda: window.backup_actions._safety_thread is not None, timeout=5_000)
    assert window.backup_actions.timer.isActive()
    window.backup_actions.wait_for_safety_copy()
    window.close()


def test_a_window_closed_before_its_first_paint_starts_no_safety_copy(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work()
    window.close()
    qtbot.wait(700)  # past the wait for a paint that never comes
    assert window.backup_actions._safety_thread is None and not window.backup_actions.timer.isActive()


def test_the_command_line_opens_the_window_without_loading_the_commands() -> None:
    from schoolaid.cli.main import _window_only

    assert loaded_after("import schoolaid.cli.main\nimport schoolaid.ui.app") == set()
    probe = "import schoolaid.cli.main, sys\nprint('sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True,
                            env={**os.environ, "PYTHONPATH": str(SRC)})
    assert result.stdout.strip() == "False"
    window = _window_only(["--db", "x.sqlite", "--view-backup", "b.sabk"])
    assert window is not None and (str(window.db), str(window.view_backup), window.command) == ("x.sqlite", "b.sabk", None)
    assert _window_only([]) is not None and _window_only(["--view-backup"]) is not None
    # Anything else is the full parser's to answer, as before.
    for arguments in (["roster", "list"], ["--help"], ["--version"], ["--db"], ["--vi", "b.sabk"], ["--bogus"]):
        assert _window_only(arguments) is None, arguments


# The window shown on a small township; what is loaded once the tabs' libraries and modules had their time.
TABS_AHEAD_PROBE = r"""
import datetime as dt, os, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from schoolaid.ui.app import create_application
from schoolaid.ui.preferences import Preferences
folder = Path(tempfile.mkdtemp())
prefs = Preferences(folder / "prefs.ini")
app = create_application(preferences=prefs)
from schoolaid.accounts.audit import Actor
from schoolaid.demo import create_demo_township
from schoolaid.storage.database import open_database
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow
db = open_database(folder / "township.sqlite")
db.run(create_demo_township, Actor("test"), students=30, seed=3, today=dt.date(2026, 12, 1))
window = MainWindow(AppContext(db, prefs, "test"), owns_database=True)
pages = [window.roster_page, window.pairing_page, window.ledger_page, window.dropout_page]
TABS = [page.module for page in pages]
print("first|" + " ".join(m for m in TABS if m in sys.modules), flush=True)
window.show()
started = time.monotonic()

def look():
    if all(m in sys.modules for m in TABS) or time.monotonic() - started > 60:
        print("then|" + " ".join(m for m in TABS if m in sys.modules) + f"|built {sum(p.built for p in pages)}",
              flush=True)
        os._exit(0)
    QTimer.singleShot(100, look)

QTimer.singleShot(0, look)
app.exec()
"""


def test_the_tabs_modules_are_loaded_ahead_once_the_window_is_up_without_building_the_tabs() -> None:
    result = subprocess.run([sys.executable, "-c", TABS_AHEAD_PROBE], capture_output=True, text=True, timeout=180,
                            check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(SRC)})
    lines = dict(line.split("|", 1) for line in result.stdout.splitlines() if "|" in line)
    assert lines["first"] == ""  # none of them loaded to build the window
    assert lines["then"] == " ".join(TAB_MODULES) + "|built 0"


def test_each_lazy_tab_names_the_module_its_build_imports(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    built = [window.roster_tab, window.pairing_tab, window.ledger_tab, window.dropout_tab]
    pages = [window.roster_page, window.pairing_page, window.ledger_page, window.dropout_page]
    assert [page.module for page in pages] == [type(tab).__module__ for tab in built] == list(TAB_MODULES)
