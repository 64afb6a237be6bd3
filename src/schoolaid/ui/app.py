"""Starting the window: language, fonts, the crash handler, opening the database, first-start
setup, choosing the operator."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from schoolaid import APP_NAME, __version__
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.paths import default_database_path
from schoolaid.storage.database import Database, open_database
from schoolaid.township.township import is_empty
from schoolaid.ui import garbage
from schoolaid.ui.context import AppContext
from schoolaid.ui.crash import install_excepthook, setup_logging
from schoolaid.ui.fonts import apply_ui_font
from schoolaid.ui.i18n import install_language
from schoolaid.ui.preferences import Preferences


def create_application(argv: list[str] | None = None, preferences: Preferences | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    garbage.install(app)  # Python's garbage collected on this (the GUI) thread only
    install_language(app, (preferences or Preferences()).language)
    apply_ui_font(app)
    return app


def start(db: Database, preferences: Preferences) -> object | None:
    """The dialogs before the main window; returns the window, or None if the user gave up."""
    from schoolaid.accounts.permissions import accounts_enabled
    from schoolaid.ui.accounts.operator_dialog import OperatorDialog
    from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog, SignInDialog
    from schoolaid.ui.main_window import MainWindow
    from schoolaid.ui.township.setup_dialog import SetupDialog

    context = AppContext(db, preferences, preferences.last_operator)
    if is_empty(db) and not SetupDialog(context).exec():
        return None
    if db.read_only:
        pass
    elif not db.query(accounts_enabled):
        # The first start (or the first with this version): the administrator's account first.
        if not context.operator and not OperatorDialog(context).exec():
            return None
        if not CreateAdministratorDialog(context).exec():
            return None
    elif not SignInDialog(context).exec():
        return None
    window = MainWindow(context)
    window.show()
    window.start_background_work()
    return window


def run_gui(db_path: Path | None) -> int:
    preferences = Preferences()
    app = create_application(preferences=preferences)
    install_excepthook(setup_logging())
    try:
        db = open_database(db_path or default_database_path())
    except SchoolAidError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "SchoolAid cannot open the database"), exc.message)
        return 1
    try:
        window = start(db, preferences)
        if window is None:
            return 0
        garbage.freeze_startup()
        return app.exec()
    finally:
        db.close()
