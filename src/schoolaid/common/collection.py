"""Pausing Python's cycle collector during bulk work.

An import makes a few hundred thousand small objects that all stay alive until it ends (rows, forms,
problems, audit events): each of the collector's passes meanwhile walks them all again and finds
nothing to free, which cost a tenth of a 10,000-row import. Reference counting still frees everything
that is not in a cycle; the cycles left meanwhile are collected when the pause ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0  # nested or concurrent pauses: the collector runs again when the last one ends
_was_enabled = True  # whether it ran before the first of them (a caller may have turned it off itself)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
