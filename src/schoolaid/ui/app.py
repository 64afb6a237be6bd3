"""Starting the window: language, fonts, the crash handler, signing in (which opens an encrypted
database), first-start setup and encryption, choosing the operator."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from schoolaid import APP_NAME, __version__
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.paths import default_database_path, icons_dir
from schoolaid.storage import encryption
from schoolaid.ui import first_paint, garbage, warm_up
from schoolaid.ui.crash import install_excepthook, setup_logging
from schoolaid.ui.fonts import apply_ui_font
from schoolaid.ui.i18n import install_language
from schoolaid.ui.preferences import Preferences

# The database machinery (SQLAlchemy, the models, the services) is imported where it is used: on an
# encrypted database the first window, the sign-in, is drawn without it (``warm_up`` loads it meanwhile).
if TYPE_CHECKING:
    from schoolaid.storage.database import Database
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.main_window import MainWindow


def open_database(path: Path) -> Database:
    from schoolaid.storage.database import open_database as open_schoolaid_database

    return open_schoolaid_database(path)


# How long a thread may hold the GIL while another waits for it (see create_application).
GIL_SWITCH_INTERVAL_S = 0.001


def create_application(argv: list[str] | None = None, preferences: Preferences | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    garbage.install(app)  # Python's garbage collected on this (the GUI) thread only
    # Every event and slot of the window needs the GIL; with a worker busy in Python, each asks for it and
    # waits up to the switch interval (5 ms by default), and a repaint asks dozens of times.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    install_language(app, (preferences or Preferences()).language)
    apply_ui_font(app)
    return app


def view_backup_when_started(window: MainWindow, file: Path) -> None:
    """A backup double-clicked on the desktop (`schoolaid --view-backup FILE`): once the window is up, its
    password is asked and it opens in the read-only view, as 文件 → 打开备份查看（只读）… does."""
    QTimer.singleShot(0, lambda: window.backup_actions.open_read_only(Path(file).expanduser().resolve()))


def application_icon() -> QIcon:
    """The icon of every window, at each size drawn from the SVG (tools/icons.py): crisp in a title bar
    at 16 px and on a desktop at 256; the desktop entry's Icon= names the same files."""
    icon = QIcon()
    for png in sorted(icons_dir().glob("schoolaid-*.png")):
        icon.addFile(str(png))
    return icon


def start(path: Path, preferences: Preferences) -> MainWindow | None:
    """The dialogs before the main window; returns the window (which owns its database), or None if the
    user gave up.

    An encrypted database is opened by signing in (the password unlocks it): the sign-in comes first,
    and the context and the window are made on the database it opened. A plain database without
    accounts (the first start, or one from a version without accounts) is set up, its administrator's
    account made, and it is encrypted then. A plain database with accounts (from the version before
    encryption) is signed in to the same way as an encrypted one, and an administrator's sign-in
    encrypts it."""
    from schoolaid.ui.accounts.sign_in_dialog import OpeningSignInDialog

    reason = ""
    if encryption.state(path) != encryption.ENCRYPTED or not _may_be_encrypted(path):
        from schoolaid.accounts.permissions import accounts_enabled
        from schoolaid.township.township import is_empty

        db = open_database(path)  # refuses what is not a SchoolAid database, with the reason
        if is_empty(db) or not db.query(accounts_enabled):
            return _first_start(db, preferences)
        db.close()  # signing in opens it again, and converts it when an administrator signs in
    elif not encryption.keys_path(path).exists():
        reason = encryption.keys_missing_message(encryption.keys_path(path))  # the recovery key still opens it
    dialog = OpeningSignInDialog(path, preferences, reason=reason)
    warm_up.after_first_paint(dialog)
    if not dialog.exec() or dialog.opened is None:
        return None
    warm_up.wait()
    from schoolaid.ui.accounts.recovery_dialogs import show_recovery_key
    from schoolaid.ui.context import AppContext

    opened = dialog.opened
    assert opened.db is not None and opened.actor is not None
    context = AppContext(opened.db, preferences, actor=opened.actor)
    if opened.recovery_key:
        show_recovery_key(context, opened.recovery_key)
    return _open_window(context, converted=bool(opened.recovery_key))


def _may_be_encrypted(path: Path) -> bool:
    """Whether a file that is not a plain SQLite file can be an encrypted database: an encrypted database
    is whole pages of at least 512 bytes (4096 by default). Anything else is refused as not a database."""
    size = path.stat().st_size
    return size >= 512 and size % 512 == 0


def _first_start(db: Database, preferences: Preferences) -> MainWindow | None:
    """Setup, the administrator's account, then the database encrypted with it."""
    from schoolaid.accounts.permissions import accounts_enabled
    from schoolaid.township.township import is_empty
    from schoolaid.ui.accounts.operator_dialog import OperatorDialog
    from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.township.setup_dialog import SetupDialog

    context = AppContext(db, preferences, preferences.last_operator)
    if is_empty(db) and not SetupDialog(context).exec():
        db.close()
        return None
    if not db.query(accounts_enabled):
        if not context.operator and not OperatorDialog(context).exec():
            db.close()
            return None
        dialog = CreateAdministratorDialog(context)
        if not dialog.exec():
            db.close()
            return None
        username, password = dialog.username_edit.text().strip(), dialog.password_edit.text()
        dialog.password_edit.clear()
        dialog.repeat_edit.clear()
        context = encrypt_first_database(context, username, password)
    return _open_window(context)


def encrypt_first_database(context: AppContext, username: str, password: str) -> AppContext:
    """The database encrypted under the first administrator's password (in the background, with
    progress), then its recovery key shown once. Returns the context on the encrypted database; if the
    encryption failed or was stopped, the one on the database as it was (still plain and whole: the next
    administrator's sign-in encrypts it)."""
    from schoolaid.accounts import unlocking
    from schoolaid.ui.accounts.recovery_dialogs import show_recovery_key
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.operations import Access, run_op

    actor = context.actor
    db = context.db
    operation = run_op(None, None, unlocking.encrypt_open_database, db, username, password, actor,
                       access=Access.FILES, background=True,
                       title=QCoreApplication.translate("App", "Encrypting the database…")).wait_here()
    if not operation.succeeded:
        return AppContext(open_database(db.path), context.preferences, actor=actor)
    encrypted_db, encrypted = operation.result
    encrypted_context = AppContext(encrypted_db, context.preferences, actor=actor)
    show_recovery_key(encrypted_context, encrypted.recovery_key)
    return encrypted_context


def _open_window(context: AppContext, *, converted: bool = False) -> MainWindow:
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context, owns_database=True)
    window.show()
    window.start_background_work()
    window.show_password_resets_needed(converted=converted)
    return window


def remove_leftovers(path: Path) -> list[Path]:
    """What an earlier SchoolAid killed in the middle of its work left beside the database, removed
    before the database opens (``leftovers.remove_leftovers``)."""
    from schoolaid.backup import leftovers

    return leftovers.remove_leftovers(path)


def show_leftovers_removed(window: object, removed: list[Path]) -> None:
    """Say on the window's status bar what the start removed."""
    from schoolaid.backup import leftovers
    from schoolaid.ui.main_window import MainWindow

    if isinstance(window, MainWindow):
        window.show_message(leftovers.describe_leftovers(removed), 60_000)


def run_gui(db_path: Path | None, view_backup: Path | None = None) -> int:
    preferences = Preferences()
    app = create_application(preferences=preferences)
    first_paint.install_if_asked(app)
    install_excepthook(setup_logging())
    path = Path(db_path or default_database_path()).expanduser().resolve()
    removed = remove_leftovers(path)
    try:
        window = start(path, preferences)
    except SchoolAidError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "SchoolAid cannot open the database"), exc.message)
        return 1
    if window is None:
        return 0
    try:
        if removed:
            show_leftovers_removed(window, removed)
        garbage.freeze_startup()
        if view_backup is not None:
            view_backup_when_started(window, view_backup)
        return app.exec()
    finally:
        (window.replacement or window).context.db.close()
