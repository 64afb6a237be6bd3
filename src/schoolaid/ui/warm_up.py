"""The libraries the other tabs need, loaded in the background once the window is up.

The tabs other than the first are built when first shown (``widgets.lazy_tabs``). Their modules pull in
the libraries that write spreadsheets and PDFs (openpyxl, reportlab), which took 200-350 ms to load: on
the GUI thread, at the moment the user chose the tab, the window froze for it. These modules have no Qt
in them, so a worker thread can load them while the user reads the first screen; the tab then finds
them loaded. A module still loading when its tab is chosen is waited for (Python's import lock), as it
would have been loaded then anyway.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

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

_started = False


def _load(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the tab imports it again when built, and reports a failure then
            log.warning("could not load %s ahead of its tab", name, exc_info=True)


def start(modules: tuple[str, ...] = TAB_MODULES) -> None:
    """Load ``modules`` on a worker thread (once per program)."""
    global _started
    if _started:
        return
    _started = True
    threading.Thread(target=_load, args=(modules,), name="warm-up: the tabs' libraries", daemon=True).start()
