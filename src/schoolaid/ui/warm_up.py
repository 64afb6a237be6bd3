"""What comes after the first screen, loaded in the background while the user looks at it.

- The sign-in at the start (on an encrypted database: every start after the first) is drawn before
  SQLAlchemy, the models and the services are loaded — about half a second and 50 MiB that the sign-in
  does not need before the password. Once it is painted, a thread loads them and the main window's
  modules, and configures the mappers, while the user types: signing in then finds them loaded
  (``after_first_paint``, ``start``).
- The tabs other than the first are built when first shown (``widgets.lazy_tabs``). Their modules pull in
  the libraries that write spreadsheets and PDFs (openpyxl, reportlab), which took 200–350 ms to load on
  the GUI thread at the moment the user chose the tab. These modules have no Qt in them, so a thread loads
  them while the user reads the first screen (``start_tab_libraries``); then another thread reads the reference
  data that the first save of a student needs (pypinyin's dictionary, the list of region codes of ID numbers): read
  on the GUI thread at that save they held it 0.2 s.

The GUI thread calls ``wait()`` before it imports any module of its own (a tab's, a menu action's
service): two threads importing modules that import each other could otherwise deadlock on Python's
import locks, or see a module half made. A module still loading then is waited for, as it would have
been loaded then anyway. The reference data is not waited for: it imports nothing of ours (a tab's first
showing does not wait for a dictionary it does not need), and the first save that needs it before it is
read waits for it there.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable
from types import ModuleType

from PySide6.QtWidgets import QWidget

from schoolaid.ui import first_paint

log = logging.getLogger(__name__)

#: What the sign-in's warm-up loads: the windows after the sign-in.
MODULES = ("schoolaid.accounts.unlocking", "schoolaid.ui.context", "schoolaid.ui.accounts.recovery_dialogs",
           "schoolaid.ui.main_window")

#: Core modules (no Qt) imported by the tabs' modules, the slowest first.
TAB_MODULES = (
    "schoolaid.documents.workbook",  # openpyxl
    "schoolaid.documents.pdf.layout",  # reportlab
    "schoolaid.ledger.hardship_printouts",
    "schoolaid.pairing.pairing_export",
    "schoolaid.ledger.export",
    "schoolaid.dropout.export",
    "schoolaid.reconcile.report_export",
    "schoolaid.roster.households",
    "schoolaid.roster.roster_export",
)

#: The reference data read after the tabs' libraries: (module, its function that reads it).
SAVE_DATA = (("schoolaid.roster.pinyin_search", "load_dictionary"), ("schoolaid.roster.idnumber", "load_reference"))

_threads: dict[str, threading.Thread] = {}
# Threads reading data, importing nothing of ours: ``loading()`` counts them, ``wait()`` does not wait for them.
_readers: dict[str, threading.Thread] = {}


def start() -> None:
    """Load ``MODULES`` in the background and configure the mappers (once a process)."""
    _start("schoolaid-warm-up", _load_window)


def start_tab_libraries() -> None:
    """Load ``TAB_MODULES`` in the background (once a process)."""
    _start("schoolaid-warm-up: the tabs' libraries", _load_tab_libraries)


def wait() -> None:
    """Until what was started here is loaded (at once if nothing was, or it is done)."""
    for thread in list(_threads.values()):
        if thread is not threading.current_thread():
            thread.join()


def loading() -> bool:
    """Whether something started here is still loading."""
    return any(thread.is_alive() for thread in [*_threads.values(), *_readers.values()])


def import_module(name: str) -> ModuleType:
    """A module for the GUI thread: at once if it is loaded, else once the background loading is done."""
    module = sys.modules.get(name)
    if module is None or getattr(module.__spec__, "_initializing", False):
        wait()
        module = importlib.import_module(name)
    return module


def after_first_paint(window: QWidget) -> None:
    """Start loading once ``window`` is painted: nothing competes with its first paint."""
    first_paint.after_first_paint(window, start)


def _start(name: str, load: Callable[[], None], *, reader: bool = False) -> None:
    threads = _readers if reader else _threads
    if name not in threads:
        threads[name] = thread = threading.Thread(target=load, name=name, daemon=True)
        thread.start()


def _load_window() -> None:
    try:
        for name in MODULES:
            importlib.import_module(name)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()  # else the first query of the window pays it, on the GUI thread
    except Exception:  # noqa: BLE001 - the GUI thread's own import then raises it where it is handled
        log.exception("loading the window's modules in the background failed")


def _load_tab_libraries() -> None:
    for name in TAB_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the tab imports it again when built, and reports a failure then
            log.warning("could not load %s ahead of its tab", name, exc_info=True)
    readers = []
    for name, function in SAVE_DATA:
        try:
            readers.append(getattr(importlib.import_module(name), function))  # imported here, where wait() waits
        except Exception:  # noqa: BLE001 - the first save imports it again, and reports a failure then
            log.warning("could not load %s ahead of the first save", name, exc_info=True)
    _start("schoolaid-warm-up: the first save's reference data", lambda: _read(readers), reader=True)


def _read(readers: list[Callable[[], None]]) -> None:
    for read in readers:
        try:
            read()
        except Exception:  # noqa: BLE001 - the first save reads it again, and reports a failure then
            log.warning("could not read %s ahead of the first save", read.__qualname__, exc_info=True)
