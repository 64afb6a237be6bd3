"""What the windows after the first one need, loaded in the background while the first one waits for the user.

The sign-in at the start (on an encrypted database: every start after the first) is drawn before
SQLAlchemy, the models and the services are loaded — about half a second and 50 MiB that the sign-in
does not need before the password. Once it is painted, a thread loads them and the main window's
modules, and configures the mappers, while the user types: signing in then finds them loaded.

The GUI thread calls ``wait()`` before it imports any of them: two threads importing modules that import
each other could otherwise see one of them half made.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtWidgets import QWidget

from schoolaid.ui import first_paint

MODULES = ("schoolaid.accounts.unlocking", "schoolaid.ui.context", "schoolaid.ui.accounts.recovery_dialogs",
           "schoolaid.ui.main_window")

_thread: threading.Thread | None = None


def start() -> None:
    """Load ``MODULES`` in the background (once a process)."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_load, name="schoolaid-warm-up", daemon=True)
        _thread.start()


def wait() -> None:
    """Until what ``start`` loads is loaded (at once if it was not started)."""
    if _thread is not None:
        _thread.join()


def _load() -> None:
    try:
        for name in MODULES:
            importlib.import_module(name)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()  # else the first query of the window pays it, on the GUI thread
    except Exception:  # noqa: BLE001 - the GUI thread's own import then raises it where it is handled
        logging.getLogger(__name__).exception("loading the window's modules in the background failed")


def after_first_paint(window: QWidget) -> None:
    """Start loading once ``window`` is painted: nothing competes with its first paint."""
    first_paint.after_first_paint(window, start)
